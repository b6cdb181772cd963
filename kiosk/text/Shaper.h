#pragma once
// Shapes a run of text with HarfBuzz: the glyphs a font draws for it, with their positions.
// This is where Thai marks stack, Arabic letters join, and Latin pairs kern.
#include "text/FontFace.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct ShapedGlyph {
  std::uint32_t glyph = 0; // glyph index in the face
  size_t cluster = 0;      // byte offset in the run's text of the character(s) it draws
  float advance = 0;       // pixels to the next glyph
  float offsetX = 0;       // pixels from the pen position (marks sit on their base this way)
  float offsetY = 0;       // pixels, up positive
};

struct ShapedRun {
  std::vector<ShapedGlyph> glyphs; // in visual order (right to left runs are reversed by HarfBuzz)
  float width = 0;                 // pixels
};

// A byte range of the run's text.
struct ByteRange {
  size_t begin = 0, end = 0;
};

// Shapes `utf8` (one script, one direction) with `face` at `pixelSize` in `language` (BCP 47:
// "ja" and "zh-Hans" pick different forms where the font has them). The characters in
// `halfWidth` are set with the font's half-width forms (OpenType `halt`), where it has them:
// CJK punctuation trimmed next to other punctuation or at the start of a line.
ShapedRun shape(std::string_view utf8, const FontFace& face, float pixelSize, const std::string& language,
                bool rightToLeft = false, const std::vector<ByteRange>& halfWidth = {});

} // namespace kiosk::text
