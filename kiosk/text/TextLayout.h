#pragma once
// One call from text to positioned glyphs: (UTF-8, language, style, wrap width) -> lines. Inside:
// ICU line breaking (kinsoku, Thai dictionary), ICU bidi (right-to-left runs in visual order),
// itemization by font coverage along the language's fallback chain, HarfBuzz shaping, alignment,
// and truncation to N lines with an ellipsis. CPU only: the glyphs are drawn elsewhere.
#include "text/FontLibrary.h"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

enum class Align { Start, Center, End };

struct TextStyle {
  float pixelSize = 30;
  float lineSpacing = 1.4f;    // line height as a multiple of the pixel size
  Align align = Align::Start;
  size_t maxLines = SIZE_MAX;  // further text is cut, the last line ending in an ellipsis
};

struct PlacedGlyph {
  const FontFace* face = nullptr;
  std::uint32_t glyph = 0;
  float x = 0; // pixels from the line's left edge to the glyph's origin
  float y = 0; // pixels above the baseline (marks raised by shaping)
  size_t byte = 0; // offset in the laid-out text of the character it draws (for bold spans)
};

struct TextLine {
  std::vector<PlacedGlyph> glyphs; // left to right on screen
  float x = 0;                     // offset from the layout's left edge (alignment)
  float width = 0;
  size_t begin = 0;                // byte range of the text this line shows
  size_t end = 0;
  bool rightToLeft = false;        // its paragraph runs right to left (Align::Start is the right edge)
};

struct TextLayout {
  std::vector<TextLine> lines;
  int pixelSize = 0; // the size glyphs are rasterized at
  float lineHeight = 0;
  float width = 0;  // the widest line
  float height = 0; // lines * lineHeight
  bool truncated = false;
  bool rightToLeft = false; // the first paragraph runs right to left: Align::Start is the right edge
  std::set<char32_t> missing; // characters no installed font can draw (left out, never tofu)
};

TextLayout layoutText(std::string_view utf8, const std::string& language, const TextStyle& style, float wrapWidth,
                      FontLibrary& fonts);

// The characters of `utf8` no installed font can draw in `language`, faces chosen as layoutText
// chooses them (emoji from a colour face, marks with their base, joiners and selectors never
// missing): what layoutText would leave out, without shaping or breaking lines (validate).
std::set<char32_t> undrawable(std::string_view utf8, const std::string& language, FontLibrary& fonts);

// Whether `c` may be drawn as an emoji, in colour ("❄" followed by U+FE0F, "🎿"), so its colour
// face is worth loading ahead. Not the ASCII digits and signs a keycap is made of.
bool hasEmojiForm(char32_t c);

// Joiners, variation selectors, tags (Unicode's Default_Ignorable_Code_Point): never drawn
// themselves, so never missing, whatever font has them.
bool isDefaultIgnorable(char32_t c);

} // namespace kiosk::text
