#include "core/LanguageTag.h"

#include <unicode/locid.h>
#include <unicode/numsys.h>
#include <unicode/uloc.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <string>

namespace kiosk {

bool isWellFormedLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  for (char c : tag)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  const std::string t(tag);
  char locale[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(t.c_str(), locale, sizeof locale, &parsed, &status);
  // ICU stops at the first subtag it cannot use; "und" (undetermined) is no language for visitors.
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(t.size()) || t.rfind("und", 0) == 0 || locale[0] == '\0')
    return false;
  // BCP 47's syntax allows 5-8 letter language subtags ("english"); only languages ICU knows
  // (ISO 639) are languages for a kiosk.
  char language[ULOC_LANG_CAPACITY];
  status = U_ZERO_ERROR;
  uloc_getLanguage(locale, language, sizeof language, &status);
  if (U_FAILURE(status)) return false;
  for (const char* const* iso = uloc_getISOLanguages(); *iso; ++iso)
    if (std::strcmp(*iso, language) == 0) return true;
  return false;
}

std::string canonicalLanguageTag(std::string_view tag) {
  if (!isWellFormedLanguageTag(tag)) return std::string(tag);
  std::string out;
  size_t start = 0;
  bool first = true, afterSingleton = false;
  while (start <= tag.size()) {
    size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    std::string part(tag.substr(start, end - start));
    for (char& c : part) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    // After an extension or private-use singleton ("x-", "u-") everything stays lower case.
    if (!first && !afterSingleton) {
      if (part.size() == 4 && std::isalpha(static_cast<unsigned char>(part[0])))
        part[0] = static_cast<char>(part[0] - 'a' + 'A');
      else if (part.size() == 2 && std::isalpha(static_cast<unsigned char>(part[0])))
        for (char& c : part) c = static_cast<char>(c - 'a' + 'A');
    }
    if (part.size() == 1) afterSingleton = true;
    if (!first) out += '-';
    out += part;
    first = false;
    start = end + 1;
  }
  return out;
}

std::string formattingLocale(const std::string& language, Digits digits) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status) || locale.isBogus()) return language;
  auto keyword = [&](const char* key) {
    UErrorCode s = U_ZERO_ERROR;
    return locale.getUnicodeKeywordValue<std::string>(key, s);
  };
  auto setKeyword = [&](const char* key, const char* value) {
    UErrorCode s = U_ZERO_ERROR;
    locale.setUnicodeKeywordValue(key, value, s);
  };
  // ICU 72 already counts plain `th` in the Buddhist Era, but that comes from its data on
  // regions and has changed between versions: said here, it holds with every ICU.
  if (std::strcmp(locale.getLanguage(), "th") == 0 && keyword("ca").empty()) setKeyword("ca", "buddhist");
  if (digits != Digits::Locale && keyword("nu").empty()) {
    std::string system = "latn";
    if (digits == Digits::Native) {
      icu::Locale native(locale);
      UErrorCode s = U_ZERO_ERROR;
      native.setUnicodeKeywordValue("nu", "native", s);
      s = U_ZERO_ERROR;
      const std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(native, s));
      // CLDR's native digits for Chinese are 〇一二三 (hanidec): a date written "二〇二六年一一月" is
      // not what a Chinese visitor reads on a sign, so Chinese keeps 0-9.
      if (U_SUCCESS(s) && ns && !ns->isAlgorithmic() && ns->getRadix() == 10 && std::strcmp(ns->getName(), "hanidec") != 0)
        system = ns->getName();
    }
    setKeyword("nu", system.c_str());
  }
  status = U_ZERO_ERROR;
  const std::string tag = locale.toLanguageTag<std::string>(status);
  return U_SUCCESS(status) ? tag : language;
}

} // namespace kiosk
