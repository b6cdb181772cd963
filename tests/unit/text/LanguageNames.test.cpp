#include "text/LanguageNames.h"

#include <doctest/doctest.h>

using kiosk::text::languageNameIn;
using kiosk::text::nativeLanguageName;

TEST_CASE("[LanguageNames] each language is named in itself") {
  CHECK(nativeLanguageName("en") == "English");
  CHECK(nativeLanguageName("zh-Hans") == "中文（简体）");
  CHECK(nativeLanguageName("zh-Hant") == "中文（繁體）");
  CHECK(nativeLanguageName("ja") == "日本語");
  CHECK(nativeLanguageName("ko") == "한국어");
  CHECK(nativeLanguageName("ru") == "Русский"); // capitalized for a button
}

TEST_CASE("[LanguageNames] an unknown tag falls back to the tag") {
  CHECK(nativeLanguageName("") == "");
  CHECK(nativeLanguageName("!!") == "!!");
}

TEST_CASE("[LanguageNames] a language is named in the visitor's language, as in running text") {
  CHECK(languageNameIn("ru", "en") == "Russian");
  CHECK(languageNameIn("en", "ru") == "английский"); // lower case, as mid-sentence
  CHECK(languageNameIn("en", "ja") == "英語");
  CHECK(languageNameIn("en", "zh-Hans") == "英语");
  CHECK(languageNameIn("en", "zh-Hant") == "英文");
  CHECK(languageNameIn("zh-Hans", "en") == "Chinese (Simplified)");
  CHECK(languageNameIn("en", "mn") == "англи");
  CHECK(languageNameIn("ru", "vi") == "Tiếng Nga");
  CHECK(languageNameIn("!!", "en") == "!!");
}
