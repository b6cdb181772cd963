#include "core/ChineseScript.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <string>

namespace kiosk {

namespace {

std::string transliterate(const char* id, std::string_view text) {
  // Building a transliterator parses ICU's rules (milliseconds): once per thread and direction.
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> made;
  auto& t = made[id];
  if (!t) {
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
  }
  if (!t) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

} // namespace

std::string hansToHant(std::string_view simplified) { return transliterate("Hans-Hant", simplified); }
std::string hantToHans(std::string_view traditional) { return transliterate("Hant-Hans", traditional); }

} // namespace kiosk
