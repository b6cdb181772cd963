#include "platform/FontFinder.h"

namespace platform {

std::optional<FontFace> findFontForLanguage(const std::string&, const std::vector<char32_t>&) {
  return std::nullopt;
}

std::optional<FontFace> findColourFont(const std::vector<char32_t>&) { return std::nullopt; }

const char* fontFinderName() { return "null"; }

} // namespace platform
