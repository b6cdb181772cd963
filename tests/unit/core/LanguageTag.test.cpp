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
