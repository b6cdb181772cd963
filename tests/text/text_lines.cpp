// Prints how the kiosk's text engine sets a paragraph: the face it uses for the language, then
// one line per wrapped line (its width in pixels, then its text), for tests/text/compare-browser.sh
// to compare with Chromium's lines of the same text in the same font and width. With a PNG file
// as the fourth argument it also draws them there (FreeType, light text on the kiosk's dark
// blue, a 20 px margin, lines 1.4 times the size apart), as the page compare-browser.sh makes.
// Given Chromium's screenshot of that page too, it compares where each line's ink starts and
// ends in both (a line set in the other direction, or aligned to the other side, is far off)
// and exits 1 when a line differs by more than a quarter of the text size.
//   text_lines LANG WIDTH PIXELS [OUT.png [CHROMIUM.png]] < paragraph.txt
#include "text/FontLibrary.h"
#include "text/TextLayout.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4 || argc > 6) {
    std::fprintf(stderr, "usage: text_lines LANG WIDTH PIXELS [OUT.png [CHROMIUM.png]] < paragraph.txt\n");
    return 2;
  }
  const std::string language = argv[1];
  const float width = std::stof(argv[2]);
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  kiosk::text::FontLibrary fonts;
  kiosk::text::TextStyle style;
  style.pixelSize = std::stof(argv[3]);
  const auto primary = fonts.primary(language);
  std::printf("face %s\n", primary ? primary->family().c_str() : "?");
  const kiosk::text::TextLayout l = kiosk::text::layoutText(text, language, style, width, fonts);
  std::printf("direction %s\n", l.rightToLeft ? "rtl" : "ltr");
  for (const auto& line : l.lines) {
    std::string shown = text.substr(line.begin, line.end - line.begin);
    std::printf("line %.1f %s\n", line.width, shown.c_str());
  }
  if (argc >= 5) {
    const int margin = 20, w = static_cast<int>(width) + 2 * margin;
    const int h = static_cast<int>(l.height) + 2 * margin;
    std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
    for (size_t i = 0; i < rgb.size(); i += 3) rgb[i] = 0x0f, rgb[i + 1] = 0x1a, rgb[i + 2] = 0x2b;
    float ascent = 0.8f;
    if (primary) {
      const FT_Face f = primary->ftFace();
      const float asc = static_cast<float>(f->ascender), desc = static_cast<float>(-f->descender);
      if (asc + desc > 0) ascent = asc / (asc + desc);
    }
    const float baseline = std::round((l.lineHeight - style.pixelSize) / 2 + style.pixelSize * ascent);
    for (size_t i = 0; i < l.lines.size(); ++i) {
      const auto& line = l.lines[i];
      const float by = margin + static_cast<float>(i) * l.lineHeight + baseline;
      for (const auto& g : line.glyphs) {
        FT_Face f = g.face->ftFace();
        FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(l.pixelSize));
        if (FT_Load_Glyph(f, g.glyph, FT_LOAD_DEFAULT) || FT_Render_Glyph(f->glyph, FT_RENDER_MODE_NORMAL)) continue;
        const FT_Bitmap& bm = f->glyph->bitmap;
        const int gx = static_cast<int>(std::round(margin + line.x + g.x)) + f->glyph->bitmap_left;
        const int gy = static_cast<int>(std::round(by - g.y)) - f->glyph->bitmap_top;
        for (unsigned r = 0; r < bm.rows; ++r)
          for (unsigned c = 0; c < bm.width; ++c) {
            const int x = gx + static_cast<int>(c), y = gy + static_cast<int>(r);
            if (x < 0 || y < 0 || x >= w || y >= h) continue;
            const float a = bm.buffer[r * bm.pitch + c] / 255.0f;
            unsigned char* p = &rgb[(static_cast<size_t>(y) * w + x) * 3];
            const unsigned char ink[3] = {0xe8, 0xec, 0xf2};
            for (int k = 0; k < 3; ++k) p[k] = static_cast<unsigned char>(std::lround(p[k] * (1 - a) + ink[k] * a));
          }
      }
    }
    if (!stbi_write_png(argv[4], w, h, 3, rgb.data(), w * 3)) {
      std::fprintf(stderr, "text_lines: cannot write %s\n", argv[4]);
      return 1;
    }
    if (argc == 6) {
      int cw = 0, ch = 0, cn = 0;
      unsigned char* chrome = stbi_load(argv[5], &cw, &ch, &cn, 3);
      if (!chrome) {
        std::fprintf(stderr, "text_lines: cannot read %s\n", argv[5]);
        return 1;
      }
      // The ink of line i: bright pixels (the text, not the page's dim outline) in its band.
      auto extent = [](const unsigned char* img, int iw, int ih, float top, float bottom) {
        int x0 = iw, x1 = -1;
        for (int y = std::max(0, static_cast<int>(top)); y < std::min(ih, static_cast<int>(bottom)); ++y)
          for (int x = 0; x < iw; ++x) {
            const unsigned char* p = img + (static_cast<size_t>(y) * iw + x) * 3;
            if (p[0] + p[1] + p[2] > 3 * 140) x0 = std::min(x0, x), x1 = std::max(x1, x);
          }
        return std::pair<int, int>(x0, x1);
      };
      const float chromeLine = style.pixelSize * style.lineSpacing; // CSS line-height: 1.4, unrounded
      int worst = 0;
      for (size_t i = 0; i < l.lines.size(); ++i) {
        const auto k = extent(rgb.data(), w, h, margin + i * l.lineHeight, margin + (i + 1) * l.lineHeight);
        const auto c = extent(chrome, cw, ch, margin + i * chromeLine, margin + (i + 1) * chromeLine);
        const int off = std::max(std::abs(k.first - c.first), std::abs(k.second - c.second));
        worst = std::max(worst, off);
        std::printf("ink %zu kiosk %d-%d chromium %d-%d\n", i + 1, k.first, k.second, c.first, c.second);
      }
      stbi_image_free(chrome);
      std::printf("ink worst %d px\n", worst);
      if (worst > style.pixelSize / 4) return 1;
    }
  }
  return 0;
}
