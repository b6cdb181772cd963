#include "core/LanguageTag.h"

#include <unicode/uloc.h>

#include <cstring>
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

} // namespace kiosk
