#include "core/Utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace kiosk::utf8 {
namespace {

// Walks `text` with ICU's U8_NEXT, handing each code point to `each`; false at the first
// ill-formed sequence, with *badOffset at its first byte. Offsets are 64-bit: the macros only
// compare and increment them, and a file may be larger than 2 GiB.
template <typename Each> bool walk(std::string_view text, size_t* badOffset, Each each) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  for (std::int64_t i = 0; i < length;) {
    const std::int64_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (badOffset) *badOffset = static_cast<size_t>(start);
      return false;
    }
    each(static_cast<char32_t>(c));
  }
  return true;
}

} // namespace

bool decode(std::string_view text, std::vector<char32_t>& out, size_t* badOffset) {
  return walk(text, badOffset, [&](char32_t c) { out.push_back(c); });
}

bool isValid(std::string_view text, size_t* badOffset) {
  return walk(text, badOffset, [](char32_t) {});
}

void append(std::string& out, char32_t codePoint) {
  std::uint8_t bytes[U8_MAX_LENGTH];
  std::int32_t size = 0;
  UBool bad = false;
  U8_APPEND(bytes, size, U8_MAX_LENGTH, static_cast<UChar32>(codePoint), bad);
  if (bad) {
    size = 0;
    U8_APPEND_UNSAFE(bytes, size, 0xFFFD);
  }
  out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size));
}

} // namespace kiosk::utf8
