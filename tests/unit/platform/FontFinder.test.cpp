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

TEST_CASE("[FontFinder] a language gets the Noto Sans family that covers it, not fontconfig's first sans-serif") {
  // fontconfig's own first choice for ar, fa and he is DejaVu Sans, for ur Noto Kufi Arabic.
  const std::pair<const char*, const char*> cases[] = {{"ar", "Noto Sans Arabic"}, {"fa", "Noto Sans Arabic"},
                                                       {"ur", "Noto Sans Arabic"}, {"he", "Noto Sans Hebrew"},
                                                       {"th", "Noto Sans Thai"},   {"en", "Noto Sans"},
                                                       {"ru", "Noto Sans"}};
  for (const auto& c : cases) {
    const char* lang = c.first;
    const char* family = c.second;
    CAPTURE(lang);
    const auto face = platform::findFontForLanguage(lang);
    REQUIRE(face);
    CHECK(face->family == family);
  }
}

TEST_CASE("[FontFinder] a fallback for a character prefers a Noto Sans face too") {
  const auto arabic = platform::findFontForLanguage("en", {U'\u0628'}); // ب in English text
  REQUIRE(arabic);
  CHECK(arabic->family == "Noto Sans Arabic");
  const auto hebrew = platform::findFontForLanguage("en", {U'\u05D0'}); // א
  REQUIRE(hebrew);
  CHECK(hebrew->family == "Noto Sans Hebrew");
}

TEST_CASE("[FontFinder] text faces are monochrome, an emoji's colour face is found apart") {
  const auto colour = platform::findColourFont({U'\U0001F3BF'}); // 🎿
  REQUIRE(colour);
  CHECK(colour->family.find("Emoji") != std::string::npos);
  CHECK_FALSE(platform::findColourFont({U'\u0E01'})); // no colour font has Thai letters
  const auto text = platform::findFontForLanguage("en", {U'\u2614'}); // ☔ as a text symbol
  REQUIRE(text);
  CHECK(text->family.find("Emoji") == std::string::npos);
}
