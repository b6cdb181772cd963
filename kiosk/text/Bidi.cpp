#include "text/Bidi.h"

#include <unicode/ubidi.h>
#include <unicode/unistr.h>

#include <memory>

namespace kiosk::text {

std::vector<BidiRun> visualRuns(std::string_view utf8, BaseDirection base) {
  std::vector<BidiRun> out;
  if (utf8.empty()) return out;
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // UTF-16 index -> UTF-8 byte offset, to hand runs back in the caller's units.
  std::vector<size_t> byteAt(static_cast<size_t>(u16.length()) + 1, utf8.size());
  {
    size_t b = 0;
    for (int32_t i = 0; i < u16.length();) {
      const UChar32 c = u16.char32At(i);
      const int32_t n = U16_LENGTH(c);
      for (int32_t k = 0; k < n; ++k) byteAt[static_cast<size_t>(i + k)] = b;
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += n;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_openSized(u16.length(), 0, &status), ubidi_close);
  if (U_FAILURE(status)) return {{0, utf8.size(), false}};
  const UBiDiLevel level = base == BaseDirection::LeftToRight ? UBIDI_LTR
                           : base == BaseDirection::RightToLeft ? UBIDI_RTL
                                                                : UBIDI_DEFAULT_LTR;
  ubidi_setPara(bidi.get(), u16.getBuffer(), u16.length(), level, nullptr, &status);
  if (U_FAILURE(status)) return {{0, utf8.size(), false}};
  const int32_t count = ubidi_countRuns(bidi.get(), &status);
  if (U_FAILURE(status)) return {{0, utf8.size(), false}};
  for (int32_t r = 0; r < count; ++r) {
    int32_t start = 0, length = 0;
    const UBiDiDirection dir = ubidi_getVisualRun(bidi.get(), r, &start, &length);
    out.push_back({byteAt[static_cast<size_t>(start)], byteAt[static_cast<size_t>(start + length)], dir == UBIDI_RTL});
  }
  return out;
}

bool startsRightToLeft(std::string_view utf8) {
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return ubidi_getBaseDirection(u16.getBuffer(), u16.length()) == UBIDI_RTL;
}

} // namespace kiosk::text
