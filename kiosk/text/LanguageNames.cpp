#include "text/LanguageNames.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace kiosk::text {

std::string nativeLanguageName(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus() || locale.getLanguage()[0] == '\0') return tag;
  icu::UnicodeString name;
  locale.getDisplayName(locale, name);
  if (name.isEmpty()) return tag;
  // Language names are lower case in running text in many languages; on a button they start a label.
  const UChar32 first = name.char32At(0);
  const UChar32 title = u_totitle(first);
  if (title != first) name.replace(0, U16_LENGTH(first), icu::UnicodeString(title));
  std::string out;
  name.toUTF8String(out);
  return out;
}

std::string languageNameIn(const std::string& tag, const std::string& inLanguage) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus() || locale.getLanguage()[0] == '\0') return tag;
  status = U_ZERO_ERROR;
  const icu::Locale in = icu::Locale::forLanguageTag(inLanguage, status);
  if (U_FAILURE(status) || in.isBogus()) return tag;
  icu::UnicodeString name;
  locale.getDisplayName(in, name);
  if (name.isEmpty()) return tag;
  std::string out;
  name.toUTF8String(out);
  return out;
}

} // namespace kiosk::text
