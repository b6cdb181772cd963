#pragma once
// One face of a font file, ready for shaping (HarfBuzz) and rasterizing (FreeType). Faces of one
// collection (Noto Sans CJK: JP, KR, SC, TC) share the file's bytes, which are mapped, not read:
// only the pages a face's tables and glyphs touch are brought in, and they are the page cache's,
// shared with every process using the font (a CJK collection is 20 MB; a visit touches a few).
//
// Part of the text engine that replaces ImGui's text path (issue 4): shaping, bidi, fallback.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct FT_FaceRec_;
struct hb_font_t;

namespace kiosk::text {

struct FontFileBytes; // a font file mapped read-only, shared by the faces of a collection

class FontFace {
public:
  // Loads face `index` of `file`; nullptr (with `error`) when the file is not a usable font.
  static std::shared_ptr<FontFace> load(const std::string& file, int index, std::string& error);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  bool hasGlyph(char32_t codePoint) const;
  std::uint32_t glyphIndex(char32_t codePoint) const;
  const std::string& family() const { return m_family; }
  const std::string& file() const { return m_file; }
  int index() const { return m_index; }
  hb_font_t* hbFont() const { return m_hb; }
  FT_FaceRec_* ftFace() const { return m_ft; }
  int unitsPerEm() const;
  // A colour face (Noto Color Emoji: colour bitmaps in fixed sizes, CBDT): drawn in its own
  // colours, never tinted, and scaled from its bitmaps rather than rasterized at a size.
  bool colour() const { return m_colour; }

private:
  FontFace() = default;
  std::shared_ptr<const FontFileBytes> m_bytes;
  FT_FaceRec_* m_ft = nullptr;
  hb_font_t* m_hb = nullptr;
  std::string m_family;
  std::string m_file;
  int m_index = 0;
  bool m_colour = false;
};

} // namespace kiosk::text
