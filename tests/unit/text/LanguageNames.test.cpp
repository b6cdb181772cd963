#include "text/LanguageNames.h"

#include <doctest/doctest.h>

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
