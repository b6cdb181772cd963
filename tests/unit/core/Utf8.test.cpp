#include "core/Utf8.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("[Utf8] decodes every length and round-trips") {
  const std::string s = "aé沈阳😀";
  std::vector<char32_t> cps;
  REQUIRE(utf8::decode(s, cps));
  REQUIRE(cps.size() == 5);
  CHECK(cps[1] == 0xE9);
  CHECK(cps[2] == 0x6C88);
  CHECK(cps[4] == 0x1F600);
  std::string back;
  for (char32_t c : cps) utf8::append(back, c);
  CHECK(back == s);
}

TEST_CASE("[Utf8] invalid input reports the first bad byte") {
  struct Case {
    std::string text;
    size_t offset;
  };
  const Case cases[] = {
      {"abc\xFF", 3},           // never valid
      {"ab\xC3", 2},            // truncated
      {"a\xE6\xB2x", 1},        // bad continuation
      {"\xC0\xAF", 0},          // overlong
      {"x\xED\xA0\x80", 1},     // surrogate
      {"\xF4\x90\x80\x80", 0},  // past U+10FFFF
  };
  for (const auto& c : cases) {
    size_t bad = 999;
    CHECK_FALSE(utf8::isValid(c.text, &bad));
    CHECK(bad == c.offset);
  }
}
