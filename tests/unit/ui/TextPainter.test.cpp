#include "ui/TextPainter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace kiosk;

TEST_CASE("[TextPainter] layouts a screen measured stay valid until the next frame, however many it makes") {
  ui::TextPainter painter;
  painter.beginFrame(4.0);
  text::TextStyle style;
  style.pixelSize = 20;
  // A screen measures its titles first and draws them later: the first reference must survive
  // the thousands of layouts made in between (the cache used to be cleared mid-frame).
  const text::TextLayout& first = painter.layout("The first title", "en", style, 300);
  const text::TextLayout* firstAddress = &first;
  for (int i = 0; i < static_cast<int>(ui::TextPainter::kMaxLayouts) + 500; ++i)
    (void)painter.layout("title " + std::to_string(i), "en", style, 300);
  CHECK(painter.layoutCount() > ui::TextPainter::kMaxLayouts);
  CHECK(&painter.layout("The first title", "en", style, 300) == firstAddress); // the same entry, still there
  // Between frames the cache is trimmed, so a week of kiosk life does not grow it.
  painter.beginFrame(4.0);
  CHECK(painter.layoutCount() == 0);
}

namespace {

// The glyph image of the only glyph of `text` laid out at `px`, and that glyph's advance.
struct Rendered {
  ui::TextPainter::GlyphImage image;
  float advance = 0;
  bool colourFace = false;
};
Rendered renderOnly(ui::TextPainter& painter, const std::string& text, float px) {
  text::TextStyle style;
  style.pixelSize = px;
  const text::TextLayout& l = painter.layout(text, "en", style, 0);
  Rendered r;
  REQUIRE(l.lines.size() == 1);
  REQUIRE(l.lines[0].glyphs.size() == 1);
  const text::PlacedGlyph& g = l.lines[0].glyphs[0];
  r.advance = l.width;
  r.colourFace = g.face->colour();
  REQUIRE(ui::TextPainter::renderGlyph(*g.face, g.glyph, l.pixelSize, r.image));
  return r;
}

// Pixels that show a colour, not a grey: their channels differ by more than `by`.
size_t colouredPixels(const ui::TextPainter::GlyphImage& image, int by = 40) {
  size_t n = 0;
  for (size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
    const unsigned char* p = &image.rgba[i];
    if (p[3] < 128) continue;
    const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
    n += hi - lo > by;
  }
  return n;
}

} // namespace

TEST_CASE("[TextPainter] an emoji is rasterized in its own colours, at the size the layout made room for") {
  // Issue 14: Noto Color Emoji has only colour bitmaps in a 109 px strike. Each size asked for
  // is scaled from it, filling the advance the shaper gave (within 15%), never the strike's size.
  ui::TextPainter painter;
  painter.beginFrame(4.0);
  for (float px : {20.0f, 48.0f, 72.0f, 160.0f}) {
    CAPTURE(px);
    const Rendered r = renderOnly(painter, "\U0001F3BF", px); // 🎿
    CHECK(r.colourFace);
    CHECK(r.image.colour);
    REQUIRE(r.image.w > 0);
    REQUIRE(r.image.rgba.size() == static_cast<size_t>(r.image.w) * r.image.h * 4);
    CHECK(r.image.w == doctest::Approx(r.advance).epsilon(0.15));
    CHECK(r.image.h == doctest::Approx(r.advance).epsilon(0.15));
    // Real colour: many pixels whose red, green and blue differ (a tinted mask has them all equal).
    CHECK(colouredPixels(r.image) > static_cast<size_t>(r.image.w * r.image.h / 20));
    // It sits on the baseline as text does: most of it above, a little below.
    CHECK(r.image.top > r.image.h / 2);
    CHECK(r.image.top <= r.image.h);
  }
  // "❄️" (U+FE0F asks for the emoji) is in colour too; "❄" alone is a text symbol: white, its
  // coverage in alpha, tinted by the text's colour when drawn.
  const Rendered snowflake = renderOnly(painter, "\u2744\uFE0F", 48);
  CHECK(snowflake.image.colour);
  CHECK(colouredPixels(snowflake.image) > 0);
  const Rendered symbol = renderOnly(painter, "\u2744", 48);
  CHECK_FALSE(symbol.image.colour);
  CHECK(colouredPixels(symbol.image, 0) == 0);
}

TEST_CASE("[TextPainter] a letter is rasterized white, its coverage in alpha, for the text's colour to tint") {
  ui::TextPainter painter;
  painter.beginFrame(4.0);
  const Rendered a = renderOnly(painter, "A", 40);
  CHECK_FALSE(a.image.colour);
  REQUIRE(a.image.w > 0);
  bool white = true, inked = false;
  for (size_t i = 0; i < a.image.rgba.size(); i += 4) {
    white = white && a.image.rgba[i] == 255 && a.image.rgba[i + 1] == 255 && a.image.rgba[i + 2] == 255;
    inked = inked || a.image.rgba[i + 3] == 255;
  }
  CHECK(white);
  CHECK(inked);
  CHECK(a.image.h == doctest::Approx(40 * 0.71).epsilon(0.15)); // a capital's height in Noto Sans
}

TEST_CASE("[TextPainter] text in a language whose faces are still loading is held, never drawn in a wrong face") {
  ui::TextPainter painter;
  painter.holdLanguagesExcept({"en"}); // the first screen's language; zh-Hans loads after the first frame
  painter.beginFrame(4.0);
  text::TextStyle style;
  style.pixelSize = 24;
  CHECK(painter.languageReady("en"));
  CHECK_FALSE(painter.languageReady("zh-Hans"));
  const text::TextLayout& en = painter.layout("Welcome", "en", style, 0);
  CHECK_FALSE(en.lines.empty());
  CHECK_FALSE(painter.pending());
  // Held: no glyphs (no face was looked for), nothing drawn, and the frame knows text is waiting
  // (a screenshot waits for it as for glyphs still rasterizing).
  const text::TextLayout& zh = painter.layout("欢迎光临", "zh-Hans", style, 0);
  CHECK(zh.lines.empty());
  CHECK(zh.width == 0);
  CHECK(zh.missing.empty());
  CHECK(painter.pending());
  // draw() returns before it touches the draw list: a null list proves nothing was added.
  CHECK_FALSE(painter.draw(nullptr, zh, "zh-Hans", 0, 0, 0xFFFFFFFF));
  // A layout made in another (ready) language's name is no way around it.
  CHECK_FALSE(painter.draw(nullptr, en, "zh-Hans", 0, 0, 0xFFFFFFFF));
  // Still held on the next frame, from the cache.
  painter.beginFrame(4.0);
  CHECK(painter.layout("欢迎光临", "zh-Hans", style, 0).lines.empty());
  CHECK(painter.pending());

  // The faces arrive (between frames): the same text is laid out for real, in its own face.
  painter.languagesReady({"zh-Hans"});
  painter.beginFrame(4.0);
  CHECK(painter.languageReady("zh-Hans"));
  const text::TextLayout& ready = painter.layout("欢迎光临", "zh-Hans", style, 0);
  REQUIRE(ready.lines.size() == 1);
  CHECK(ready.lines[0].glyphs.size() == 4);
  CHECK(ready.width > 0);
  CHECK(ready.missing.empty());
  for (const auto& g : ready.lines[0].glyphs) CHECK(g.face->family().find("CJK SC") != std::string::npos);

  // A painter that never held anything draws every language (tests, tools, reloads).
  ui::TextPainter plain;
  CHECK(plain.languageReady("ar"));
  plain.holdLanguagesExcept({});
  CHECK_FALSE(plain.languageReady("en"));
  plain.allLanguagesReady();
  CHECK(plain.languageReady("en"));
}
