#include "ui/TextPainter.h"

#include <imgui.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stb_image_resize.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

namespace kiosk::ui {
namespace {

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

ImTextureID textureId(const sf::Texture& t) { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.getNativeHandle())); }

// Where the baseline sits in a line box: the em box centred in the line, the baseline at the
// face's ascent within it (Noto Sans CJK 0.88 of the em, Noto Sans 0.79).
float baselineIn(const text::FontFace* face, float px, float lineHeight) {
  float ascent = 0.8f;
  if (face) {
    const FT_Face f = face->ftFace();
    const float asc = static_cast<float>(f->ascender), desc = static_cast<float>(-f->descender);
    if (asc + desc > 0) ascent = asc / (asc + desc);
  }
  return std::round((lineHeight - px) / 2 + px * ascent);
}

} // namespace

TextPainter::TextPainter(std::size_t byteBudget) : m_budget(byteBudget) {}
TextPainter::~TextPainter() = default;

void TextPainter::beginFrame(double budgetMs) {
  ++m_frame;
  m_frameStart = nowMs();
  m_budgetMs = budgetMs;
  m_pending = false;
  m_rasterizedThisFrame = 0;
  // Layouts are forgotten between frames only: a screen holds references to the layouts it
  // measured until it has drawn them (clearing mid-frame left them dangling: a crash).
  if (m_layouts.size() > kMaxLayouts) m_layouts.clear();
}

const text::TextLayout& TextPainter::layout(std::string_view s, const std::string& language, const text::TextStyle& style,
                                           float wrapWidth) {
  std::string key = language + '|' + std::to_string(style.pixelSize) + '|' + std::to_string(style.lineSpacing) + '|' +
                    std::to_string(static_cast<int>(style.align)) + '|' + std::to_string(style.maxLines) + '|' +
                    std::to_string(static_cast<int>(wrapWidth)) + '|' + std::to_string(s.size()) + '|' +
                    std::to_string(std::hash<std::string_view>{}(s));
  auto it = m_layouts.find(key);
  if (it != m_layouts.end()) {
    if (it->second.lines.empty() && !languageReady(language)) m_pending = true;
    return it->second;
  }
  if (!languageReady(language)) { // held: an empty layout, made again once the faces are in
    m_pending = true;
    text::TextLayout held;
    held.pixelSize = static_cast<int>(std::lround(style.pixelSize));
    return m_layouts.emplace(std::move(key), std::move(held)).first->second;
  }
  text::TextLayout l = text::layoutText(s, language, style, wrapWidth > 0 ? wrapWidth : 1e9f, m_fonts);
  m_missing.insert(l.missing.begin(), l.missing.end());
  return m_layouts.emplace(std::move(key), std::move(l)).first->second;
}

void TextPainter::holdLanguagesExcept(std::set<std::string> ready) {
  m_ready = std::move(ready);
  m_layouts.clear();
}

void TextPainter::languagesReady(const std::set<std::string>& languages) {
  if (!m_ready) return;
  m_ready->insert(languages.begin(), languages.end());
  // The held layouts of these languages (keys begin "language|") are made afresh.
  for (auto it = m_layouts.begin(); it != m_layouts.end();)
    if (const auto bar = it->first.find('|'); bar != std::string::npos && languages.count(it->first.substr(0, bar)))
      it = m_layouts.erase(it);
    else
      ++it;
}

void TextPainter::allLanguagesReady() {
  if (!m_ready) return;
  m_ready.reset();
  m_layouts.clear();
}

float TextPainter::width(std::string_view s, const std::string& language, float pixelSize) {
  text::TextStyle style;
  style.pixelSize = pixelSize;
  return layout(s, language, style, 0).width;
}

int TextPainter::pageWithRoom(int w, int h) {
  for (size_t i = 0; i < m_pages.size(); ++i) {
    Page& p = m_pages[i];
    if (p.shelfX + w > kPageSize) { // next shelf
      p.shelfY += p.shelfH + 1;
      p.shelfX = 0;
      p.shelfH = 0;
    }
    if (p.shelfY + h <= kPageSize && p.shelfX + w <= kPageSize) return static_cast<int>(i);
  }
  const size_t pageBytes = static_cast<size_t>(kPageSize) * kPageSize * 4;
  if ((m_pages.size() + 1) * pageBytes > m_budget && !m_pages.empty()) {
    // Over budget: empty the page used longest ago (not this frame) and reuse it.
    auto oldest = std::min_element(m_pages.begin(), m_pages.end(), [](const Page& a, const Page& b) { return a.lastUsed < b.lastUsed; });
    if (oldest->lastUsed < m_frame) {
      const int index = static_cast<int>(oldest - m_pages.begin());
      for (auto it = m_glyphs.begin(); it != m_glyphs.end();) it = it->second.page == index ? m_glyphs.erase(it) : std::next(it);
      oldest->shelfX = oldest->shelfY = oldest->shelfH = oldest->clearedRows = 0;
      return index;
    }
  }
  Page p;
  p.texture = std::make_unique<sf::Texture>();
  if (!p.texture->create(kPageSize, kPageSize)) return -1;
  p.texture->setSmooth(true);
  m_pages.push_back(std::move(p));
  return static_cast<int>(m_pages.size() - 1);
}

namespace {

// The strike of a bitmap-only face to scale from for `px`: the smallest at least as large (a
// sharper source), else the largest.
int strikeFor(FT_Face f, int px) {
  int chosen = -1;
  for (int i = 0; i < f->num_fixed_sizes; ++i) {
    const FT_Pos ppem = f->available_sizes[i].y_ppem; // 26.6
    if (chosen < 0) {
      chosen = i;
      continue;
    }
    const FT_Pos best = f->available_sizes[chosen].y_ppem;
    const bool fits = ppem >= px * 64, bestFits = best >= px * 64;
    if ((fits && (!bestFits || ppem < best)) || (!fits && !bestFits && ppem > best)) chosen = i;
  }
  return chosen;
}

// FreeType's colour bitmap (BGRA, premultiplied) scaled by `scale` into `out` (RGBA, straight).
// Averaging is done premultiplied, so transparent pixels lend no colour to the edges.
void colourImage(const FT_Bitmap& bm, int left, int top, double scale, TextPainter::GlyphImage& out) {
  const int sw = static_cast<int>(bm.width), sh = static_cast<int>(bm.rows);
  out.colour = true;
  out.w = std::max(1, static_cast<int>(std::lround(sw * scale)));
  out.h = std::max(1, static_cast<int>(std::lround(sh * scale)));
  out.left = static_cast<int>(std::lround(left * scale));
  out.top = static_cast<int>(std::lround(top * scale));
  out.rgba.resize(static_cast<size_t>(out.w) * out.h * 4);
  if (out.w == sw && out.h == sh) {
    for (int row = 0; row < sh; ++row)
      std::copy_n(bm.buffer + static_cast<ptrdiff_t>(row) * bm.pitch, sw * 4, out.rgba.data() + static_cast<size_t>(row) * sw * 4);
  } else {
    // Down: each pixel the average of the source area it covers (a box filter). Up (a headline
    // on a 4K screen): Catmull-Rom, sharper than bilinear.
    const stbir_filter filter = scale < 1 ? STBIR_FILTER_BOX : STBIR_FILTER_CATMULLROM;
    stbir_resize_uint8_generic(bm.buffer, sw, sh, bm.pitch, out.rgba.data(), out.w, out.h, out.w * 4, 4, 3,
                               STBIR_FLAG_ALPHA_PREMULTIPLIED, STBIR_EDGE_ZERO, filter, STBIR_COLORSPACE_LINEAR, nullptr);
  }
  // BGRA premultiplied -> RGBA straight, as the page's blending expects.
  for (size_t i = 0; i < out.rgba.size(); i += 4) {
    unsigned char* p = &out.rgba[i];
    const int a = p[3];
    auto straight = [a](int v) { return static_cast<unsigned char>(a == 0 ? 0 : std::min(255, (v * 255 + a / 2) / a)); };
    const unsigned char b = p[0], g = p[1], r = p[2];
    p[0] = straight(r);
    p[1] = straight(g);
    p[2] = straight(b);
  }
}

} // namespace

bool TextPainter::renderGlyph(const text::FontFace& face, std::uint32_t index, int px, GlyphImage& out) {
  std::vector<unsigned char> buffer = std::move(out.rgba); // its capacity is reused
  buffer.clear();
  out = GlyphImage{};
  out.rgba = std::move(buffer);
  FT_Face f = face.ftFace();
  if (px <= 0) return false;
  if (face.colour() && !FT_IS_SCALABLE(f)) {
    // A bitmap-only colour face has no outlines to rasterize at `px`: take its strike and scale
    // it by px / strike, the same factor as the shaper's advances (px / units per em) give the
    // strike's own advances, so what is drawn fills the room the layout made for it.
    const int strike = strikeFor(f, px);
    if (strike < 0 || FT_Select_Size(f, strike) != 0) return false;
    if (FT_Load_Glyph(f, index, FT_LOAD_COLOR) != 0) return false;
    const FT_Bitmap& bm = f->glyph->bitmap;
    if (bm.width == 0 || bm.rows == 0) return true;
    if (bm.pixel_mode != FT_PIXEL_MODE_BGRA) return false;
    const double ppem = static_cast<double>(f->available_sizes[strike].y_ppem) / 64.0;
    colourImage(bm, f->glyph->bitmap_left, f->glyph->bitmap_top, px / ppem, out);
    return true;
  }
  if (FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(px)) != 0) return false;
  // A scalable colour face (COLR layers) renders in colour at the size itself.
  if (FT_Load_Glyph(f, index, face.colour() ? FT_LOAD_COLOR : FT_LOAD_TARGET_LIGHT) != 0) return false;
  if (f->glyph->format != FT_GLYPH_FORMAT_BITMAP &&
      FT_Render_Glyph(f->glyph, face.colour() ? FT_RENDER_MODE_NORMAL : FT_RENDER_MODE_LIGHT) != 0)
    return false;
  const FT_Bitmap& bm = f->glyph->bitmap;
  if (bm.width == 0 || bm.rows == 0) return true; // a space: nothing to draw
  if (bm.pixel_mode == FT_PIXEL_MODE_BGRA) {
    colourImage(bm, f->glyph->bitmap_left, f->glyph->bitmap_top, 1.0, out);
    return true;
  }
  if (bm.pixel_mode != FT_PIXEL_MODE_GRAY) return false;
  out.left = f->glyph->bitmap_left;
  out.top = f->glyph->bitmap_top;
  out.w = static_cast<int>(bm.width);
  out.h = static_cast<int>(bm.rows);
  // White with the coverage as alpha: the draw colour tints it.
  out.rgba.assign(static_cast<size_t>(out.w) * out.h * 4, 255);
  for (int row = 0; row < out.h; ++row)
    for (int col = 0; col < out.w; ++col)
      out.rgba[(static_cast<size_t>(row) * out.w + col) * 4 + 3] = bm.buffer[row * bm.pitch + col];
  return true;
}

bool TextPainter::rasterize(const text::FontFace* face, std::uint32_t index, int px, Glyph& out) {
  if (!renderGlyph(*face, index, px, m_image)) return false;
  out.left = m_image.left;
  out.top = m_image.top;
  out.w = m_image.w;
  out.h = m_image.h;
  out.colour = m_image.colour;
  if (out.w == 0 || out.h == 0) return true; // a space: nothing to draw
  const int page = pageWithRoom(out.w + 1, out.h + 1);
  if (page < 0) return false;
  Page& p = m_pages[static_cast<size_t>(page)];
  // Clear the page ahead of the glyphs in bands of 128 rows (512 KiB), so filtering at glyph
  // edges reads transparent texels, without one 4 MiB upload stalling a frame.
  while (p.clearedRows < std::min(kPageSize, p.shelfY + out.h + 2)) {
    const int rows = std::min(128, kPageSize - p.clearedRows);
    m_scratch.assign(static_cast<size_t>(kPageSize) * rows * 4, 0);
    p.texture->update(m_scratch.data(), kPageSize, static_cast<unsigned>(rows), 0, static_cast<unsigned>(p.clearedRows));
    p.clearedRows += rows;
  }
  out.page = page;
  out.x = p.shelfX;
  out.y = p.shelfY;
  p.shelfX += out.w + 1;
  p.shelfH = std::max(p.shelfH, out.h);
  p.texture->update(m_image.rgba.data(), static_cast<unsigned>(out.w), static_cast<unsigned>(out.h),
                    static_cast<unsigned>(out.x), static_cast<unsigned>(out.y));
  return true;
}

const TextPainter::Glyph* TextPainter::glyph(const text::FontFace* face, std::uint32_t index, int px) {
  const GlyphKey key{face, index, px};
  // A page holding a glyph asked for this frame is in use: eviction must not take it.
  auto touch = [&](const Glyph& g) {
    if (g.page >= 0) m_pages[static_cast<size_t>(g.page)].lastUsed = m_frame;
    return &g;
  };
  if (auto it = m_glyphs.find(key); it != m_glyphs.end()) return touch(it->second);
  // The budget counts from the frame's start; one glyph a frame always gets through, so text
  // appears even when layout work used up the time.
  if (m_rasterizedThisFrame > 0 && nowMs() - m_frameStart > m_budgetMs) {
    m_pending = true; // this frame's rasterizing time is spent; the rest comes next frame
    return nullptr;
  }
  ++m_rasterizedThisFrame;
  Glyph g;
  if (!rasterize(face, index, px, g)) g = Glyph{}; // an unrenderable glyph draws nothing, once
  return touch(m_glyphs.emplace(key, g).first->second);
}

bool TextPainter::draw(ImDrawList* dl, const text::TextLayout& l, const std::string& language, float x, float y,
                       std::uint32_t colour, const std::vector<Span>* bold, std::uint32_t boldColour) {
  if (!languageReady(language)) { // its faces are still loading: nothing, rather than a wrong face
    m_pending = true;
    return false;
  }
  // Every glyph first: a layout is drawn whole or not at all.
  bool ready = true;
  for (const auto& line : l.lines)
    for (const auto& g : line.glyphs) ready = glyph(g.face, g.glyph, l.pixelSize) && ready;
  if (!ready) return false;
  const auto* primary = m_fonts.primary(language).get();
  const float baseline = baselineIn(primary, static_cast<float>(l.pixelSize), l.lineHeight);
  for (size_t i = 0; i < l.lines.size(); ++i) {
    const auto& line = l.lines[i];
    const float by = y + static_cast<float>(i) * l.lineHeight + baseline;
    for (const auto& pg : line.glyphs) {
      const Glyph* g = glyph(pg.face, pg.glyph, l.pixelSize);
      if (!g || g->w == 0) continue;
      Page& page = m_pages[static_cast<size_t>(g->page)];
      page.lastUsed = m_frame;
      const float gx = std::round(x + line.x + pg.x) + static_cast<float>(g->left);
      const float gy = std::round(by - pg.y) - static_cast<float>(g->top);
      const ImVec2 uv0(static_cast<float>(g->x) / kPageSize, static_cast<float>(g->y) / kPageSize);
      const ImVec2 uv1(static_cast<float>(g->x + g->w) / kPageSize, static_cast<float>(g->y + g->h) / kPageSize);
      const bool strong = bold && std::any_of(bold->begin(), bold->end(), [&](const Span& s) { return pg.byte >= s.begin && pg.byte < s.end; });
      ImU32 c = strong ? boldColour : colour;
      // An emoji keeps its own colours: white, with the text's alpha (a fading screen fades it).
      if (g->colour) c = (c & IM_COL32_A_MASK) | (IM_COL32_WHITE & ~IM_COL32_A_MASK);
      dl->AddImage(textureId(*page.texture), ImVec2(gx, gy), ImVec2(gx + g->w, gy + g->h), uv0, uv1, c);
      if (strong && !g->colour) { // an emoji has no bolder form, and doubling only blurs it
        // One weight only until bold faces are loaded: doubled a pixel (per 30 px) apart.
        const float d = std::max(1.0f, std::round(static_cast<float>(l.pixelSize) / 30));
        dl->AddImage(textureId(*page.texture), ImVec2(gx + d, gy), ImVec2(gx + d + g->w, gy + g->h), uv0, uv1, c);
      }
    }
  }
  return true;
}

} // namespace kiosk::ui
