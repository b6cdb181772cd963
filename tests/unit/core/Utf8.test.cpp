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
  // The edges of each length, and the last code point.
  for (char32_t c : {0x0U, 0x7FU, 0x80U, 0x7FFU, 0x800U, 0xD7FFU, 0xE000U, 0xFFFFU, 0x10000U, 0x10FFFFU}) {
    CAPTURE(static_cast<unsigned>(c));
    std::string one;
    utf8::append(one, c);
    std::vector<char32_t> got;
    REQUIRE(utf8::decode(one, got));
    CHECK(got == std::vector<char32_t>{c});
  }
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
      {"ok\xE0\x80\xAF", 2},    // overlong, three bytes
      {"\xF0\x80\x80\xAF", 0},  // overlong, four bytes
      {"x\xED\xA0\x80", 1},     // surrogate
      {"\xF4\x90\x80\x80", 0},  // past U+10FFFF
      {"\xF8\x88\x80\x80\x80", 0}, // a five-byte form, never UTF-8
      {"\x80", 0},              // a continuation byte alone
      {"沈\x80阳", 3},           // after a good character
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    size_t bad = 999;
    CHECK_FALSE(utf8::isValid(c.text, &bad));
    CHECK(bad == c.offset);
    // decode stops at the same byte, with what came before it.
    std::vector<char32_t> cps;
    bad = 999;
    CHECK_FALSE(utf8::decode(c.text, cps, &bad));
    CHECK(bad == c.offset);
  }
  std::vector<char32_t> before;
  CHECK_FALSE(utf8::decode("沈\x80阳", before));
  CHECK(before == std::vector<char32_t>{0x6C88});
  CHECK(utf8::isValid(""));
  CHECK(utf8::isValid(std::string("a\0b", 3))); // NUL is a character like any other
}

TEST_CASE("[Utf8] a code point that has no UTF-8 form is appended as U+FFFD") {
  for (char32_t c : {0xD800U, 0xDFFFU, 0x110000U, 0xFFFFFFFFU}) {
    CAPTURE(static_cast<unsigned>(c));
    std::string out = "a";
    utf8::append(out, c);
    CHECK(out == "a\xEF\xBF\xBD");
  }
}
