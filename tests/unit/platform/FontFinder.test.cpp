#include "platform/FontFinder.h"

#include <doctest/doctest.h>

TEST_CASE("[FontFinder] each CJK language gets its own face of Noto Sans CJK (Han unification)") {
  const std::pair<const char*, const char*> cases[] = {
      {"zh-Hans", "CJK SC"}, {"zh-Hant", "CJK TC"}, {"ja", "CJK JP"}, {"ko", "CJK KR"}};
  for (const auto& c : cases) {
    const char* lang = c.first; // not a structured binding: clang 14 cannot CAPTURE one
    const char* family = c.second;
    CAPTURE(lang);
    const auto face = platform::findFontForLanguage(lang);
    REQUIRE(face);
    CHECK(face->family.find(family) != std::string::npos);
  }
}

TEST_CASE("[FontFinder] a face is found for characters the language's own font lacks") {
  const auto face = platform::findFontForLanguage("en", {U'ก'}); // Thai
  REQUIRE(face);
  CHECK(face->family.find("Thai") != std::string::npos);
  CHECK(std::string(platform::fontFinderName()) == "fontconfig");
}
