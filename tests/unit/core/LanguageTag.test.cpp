#include "core/LanguageTag.h"

#include <doctest/doctest.h>

using kiosk::isWellFormedLanguageTag;

TEST_CASE("[LanguageTag] BCP 47 tags the kiosk offers are well formed, and mistakes are not") {
  for (const char* good : {"zh-Hans", "zh-Hant", "en", "ja", "ko", "ru", "mn", "vi", "th", "ar", "sr-Latn-RS", "en-GB"}) {
    CAPTURE(good);
    CHECK(isWellFormedLanguageTag(good));
  }
  for (const char* bad : {"", "english", "zh_CN", "en-", "-en", "e", "en--GB", "und", "zh Hans", "日本語"}) {
    CAPTURE(bad);
    CHECK_FALSE(isWellFormedLanguageTag(bad));
  }
}

TEST_CASE("[LanguageTag] a tag in any case has one conventional spelling") {
  CHECK(kiosk::canonicalLanguageTag("zh-hans") == "zh-Hans");
  CHECK(kiosk::canonicalLanguageTag("ZH-HANT-tw") == "zh-Hant-TW");
  CHECK(kiosk::canonicalLanguageTag("EN") == "en");
  CHECK(kiosk::canonicalLanguageTag("sr-latn-rs") == "sr-Latn-RS");
  CHECK(kiosk::canonicalLanguageTag("es-419") == "es-419");
  CHECK(kiosk::canonicalLanguageTag("en-x-Kiosk") == "en-x-kiosk");
  CHECK(kiosk::canonicalLanguageTag("de-CH-1996") == "de-CH-1996");
  CHECK(kiosk::canonicalLanguageTag("zh_CN") == "zh_CN"); // not a tag: unchanged, and reported as written
}

TEST_CASE("[LanguageTag] the formatting locale carries the venue's digits and Thai's Buddhist Era") {
  using kiosk::Digits;
  using kiosk::formattingLocale;
  CHECK(formattingLocale("en", Digits::Locale) == "en");
  CHECK(formattingLocale("ar", Digits::Locale) == "ar");
  CHECK(formattingLocale("ar", Digits::Latin) == "ar-u-nu-latn");
  CHECK(formattingLocale("ar-AE", Digits::Native) == "ar-AE-u-nu-arab");
  CHECK(formattingLocale("th", Digits::Locale) == "th-u-ca-buddhist");
  CHECK(formattingLocale("th-TH", Digits::Native) == "th-TH-u-ca-buddhist-nu-thai");
  CHECK(formattingLocale("fa", Digits::Native) == "fa-u-nu-arabext");
  CHECK(formattingLocale("en", Digits::Native) == "en-u-nu-latn");
  CHECK(formattingLocale("zh-Hans", Digits::Native) == "zh-Hans-u-nu-latn"); // not 〇一二 (hanidec)
  CHECK(formattingLocale("ja", Digits::Native) == "ja-u-nu-latn");
  // What a tag says itself is kept: the language's own choice beats the venue's.
  CHECK(formattingLocale("ar-u-nu-latn", Digits::Native) == "ar-u-nu-latn");
  CHECK(formattingLocale("th-u-ca-gregory", Digits::Locale) == "th-u-ca-gregory");
}
