#include "core/ChineseScript.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace kiosk {

std::string hansToHant(std::string_view simplified) {
  // Building a transliterator parses ICU's rules (milliseconds): once per thread.
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(made) : nullptr;
  }();
  if (!t) return std::string(simplified);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(simplified.data(), static_cast<int32_t>(simplified.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

} // namespace kiosk
