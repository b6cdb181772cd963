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

// The best sans-serif face for a BCP 47 language tag ("zh-Hans", "en", "ja"): a Noto Sans family
// that covers the language (Noto Sans Arabic for ar, Noto Sans Thai for th), else the platform's
// best match for it. With `sample` (UTF-32 code points the caller needs), a face that covers them,
// by the same preference. Monochrome faces only: colour (emoji) faces come from findColourFont.
// nullopt when no font is installed or the platform cannot look fonts up.
std::optional<FontFace> findFontForLanguage(const std::string& languageTag,
                                            const std::vector<char32_t>& sample = {});

// A colour face (emoji: Noto Color Emoji) that covers every code point of `sample`; nullopt when
// no colour font installed has them.
std::optional<FontFace> findColourFont(const std::vector<char32_t>& sample);

// The name of the implementation, for diagnostics ("fontconfig", "null").
const char* fontFinderName();

} // namespace platform
