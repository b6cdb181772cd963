#pragma once
// Draws content text with the kiosk's own text engine: layouts from text::layoutText (shaping,
// bidi, fallback fonts, line breaking), glyphs rasterized by FreeType into atlas pages of our
// own, drawn as textured quads into an ImGui draw list. ImGui's font atlas is left to the staff
// overlay.
//
// Glyphs are rasterized on demand within a time budget per frame; a layout whose glyphs are not
// all ready yet is drawn on a later frame, whole. Pages are evicted least recently used first
// when the atlas would exceed its byte budget.
#include "text/TextLayout.h"

#include <SFML/Graphics/Texture.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

struct ImDrawList;

namespace kiosk::ui {

class TextPainter {
public:
  static constexpr int kPageSize = 1024;
  explicit TextPainter(std::size_t byteBudget = 64u << 20);
  ~TextPainter();

  // Layouts kept between frames; past this, the next beginFrame() forgets them all.
  static constexpr std::size_t kMaxLayouts = 4000;
  // The layout of `text` (cached). `wrapWidth` <= 0 means one line, never wrapped. The
  // reference stays valid until the next beginFrame(), however many layouts the frame makes.
  const text::TextLayout& layout(std::string_view text, const std::string& language, const text::TextStyle& style,
                                 float wrapWidth);
  // Draws a layout with its top-left corner at (x, y). False when some glyphs are still being
  // rasterized (nothing is drawn then; the text appears whole on a later frame).
  // Glyphs drawing bytes inside `bold` spans are drawn in `boldColour`, doubled a pixel apart.
  struct Span {
    size_t begin, end;
  };
  bool draw(ImDrawList* dl, const text::TextLayout& layout, const std::string& language, float x, float y,
            std::uint32_t imColour, const std::vector<Span>* bold = nullptr, std::uint32_t boldColour = 0);
  // Width of a single line of text, in pixels.
  float width(std::string_view text, const std::string& language, float pixelSize);

  // Languages whose faces are loaded. At start only the first screen's languages are (the rest
  // load on a worker after the first frame): text in any other language is held, never drawn
  // with a wrong fallback or as boxes, and never loads a face in a frame. A held text's layout
  // is empty, draw() draws nothing and returns false, and pending() is true, until its language
  // is ready; then its layouts are made afresh. Every language is ready until holdLanguagesExcept.
  void holdLanguagesExcept(std::set<std::string> ready);
  void languagesReady(const std::set<std::string>& languages); // between frames
  void allLanguagesReady();                                     // between frames
  bool languageReady(const std::string& language) const { return !m_ready || m_ready->count(language) > 0; }

  // Call once per frame before drawing: opens this frame's rasterizing budget.
  void beginFrame(double budgetMs);
  // Glyphs asked for but not rasterized yet (screenshots wait for none).
  bool pending() const { return m_pending; }
  // Characters no font could draw, seen since the last call (left out of the screen).
  std::set<char32_t> takeMissing() { return std::exchange(m_missing, {}); }
  std::size_t atlasBytes() const { return m_pages.size() * static_cast<std::size_t>(kPageSize) * kPageSize * 4; }
  std::size_t pageCount() const { return m_pages.size(); }
  text::FontLibrary& fonts() { return m_fonts; }
  std::size_t layoutCount() const { return m_layouts.size(); }
  // Forgets layouts (content or size changed); glyphs stay.
  void clearLayouts() { m_layouts.clear(); }

  // A glyph's pixels as they go into a page: RGBA rows, straight (not premultiplied) alpha.
  struct GlyphImage {
    int w = 0, h = 0;       // 0 for an empty glyph (a space)
    int left = 0, top = 0;  // from the pen position to the top-left pixel, pixels (top: up)
    bool colour = false;    // its own colours (an emoji): drawn untinted; else white, coverage as alpha
    std::vector<unsigned char> rgba;
  };
  // Rasterizes glyph `index` of `face` for text of `px` pixels (CPU only: no texture). Outlines
  // through FreeType; a colour bitmap face (Noto Color Emoji, whose bitmaps come in one 109 px
  // strike) from the strike nearest above `px`, area-filtered down (or filtered up) to the
  // size the shaper's advances were scaled to. False when FreeType cannot draw it.
  static bool renderGlyph(const text::FontFace& face, std::uint32_t index, int px, GlyphImage& out);

private:
  struct Glyph {
    int page = -1;
    int x = 0, y = 0, w = 0, h = 0; // in the page; w == 0 for an empty glyph (a space)
    int left = 0, top = 0;          // FreeType bearings, pixels
    bool colour = false;            // drawn in its own colours, untinted
  };
  struct Page {
    std::unique_ptr<sf::Texture> texture;
    int shelfX = 0, shelfY = 0, shelfH = 0;
    int clearedRows = 0; // rows known transparent: a new page is cleared band by band, as glyphs arrive
    std::uint64_t lastUsed = 0;
  };
  using GlyphKey = std::tuple<const text::FontFace*, std::uint32_t, int>;

  const Glyph* glyph(const text::FontFace* face, std::uint32_t index, int px); // null while pending
  bool rasterize(const text::FontFace* face, std::uint32_t index, int px, Glyph& out);
  int pageWithRoom(int w, int h);

  text::FontLibrary m_fonts;
  std::size_t m_budget;
  std::vector<Page> m_pages;
  std::map<GlyphKey, Glyph> m_glyphs;
  std::unordered_map<std::string, text::TextLayout> m_layouts;
  std::set<char32_t> m_missing;
  std::uint64_t m_frame = 0;
  double m_frameStart = 0;
  double m_budgetMs = 4;
  bool m_pending = false;
  std::optional<std::set<std::string>> m_ready; // nullopt: every language
  int m_rasterizedThisFrame = 0;
  std::vector<unsigned char> m_scratch;
  GlyphImage m_image; // reused: its buffer grows to the largest glyph once
};

} // namespace kiosk::ui
