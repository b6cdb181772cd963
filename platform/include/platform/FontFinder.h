#pragma once
// Finds an installed font file for a language. One implementation per OS:
// linux/FontFinderFontconfig.cpp, null/FontFinderNull.cpp (always "unsupported").
#include <optional>
#include <string>
#include <vector>

namespace platform {

struct FontFace {
  std::string file;   // absolute path of the font file
  int index = 0;      // face index inside a collection (.ttc); 0 for a plain font file
  std::string family; // human-readable family name, for messages
};

// The best sans-serif face for a BCP 47 language tag ("zh-Hans", "en", "ja"), preferring faces
// that cover `sample` (UTF-32 code points the caller needs). nullopt when no font is installed
// or the platform cannot look fonts up.
std::optional<FontFace> findFontForLanguage(const std::string& languageTag,
                                            const std::vector<char32_t>& sample = {});

// The name of the implementation, for diagnostics ("fontconfig", "null").
const char* fontFinderName();

} // namespace platform
