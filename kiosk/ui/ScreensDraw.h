#pragma once
// What the screens' drawing files share (Screens.cpp, AdminView.cpp): one frame's drawing state
// and the text, button and icon helpers. Internal to kiosk/ui.
#include "ui/ImGuiGl.h" // kRampRows
#include "ui/Screens.h"
#include "ui/Theme.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// The palette of the frame being drawn: standard or high contrast.
const Palette& pal();
void setPalette(const Palette& palette);

// How the top bar sets the language buttons: the same for every language (see Bars.cpp).
struct LanguageBar {
  TextRole role = TextRole::Body;
  float pad = 0, gap = 0, buttonH = 0;
  bool showName = true;
  int rows = 1;
  size_t split = 0; // languages on the first row
};

enum class Icon { None, Back, Home, Person, Next, Close, Enlarge };

struct Screens::Ctx {
  Frame& f;
  ImDrawList* dl;
  float H;
  float W;
  const std::string& lang;
  const std::string& fallback;
  // Sizes are fractions of the display's short side, so a portrait screen gets the same
  // finger-sized buttons and reading sizes as a landscape one, not 1.8 times larger ones.
  float u(float fraction) const { return std::round(fraction * std::min(W, H)); }
  bool portrait() const { return H > W; }
  // The content's theme colours where kiosk.toml gives them, the built-in ones otherwise.
  // High contrast overrides them: its colours are chosen for legibility, not the venue's brand.
  std::uint32_t accent() const {
    return pal().outlines ? pal().accent : f.nav.content().settings.accentColour.value_or(pal().accent);
  }
  std::uint32_t background() const {
    return pal().outlines ? pal().background : f.nav.content().settings.backgroundColour.value_or(pal().background);
  }
  FontRef font(TextRole) const { return &lang; }
  // Large text: a quarter larger everywhere (layouts wrap and scroll to make room).
  float size(TextRole r) const { return std::round(f.fonts.size(r) * (f.nav.accessibility().largeText ? 1.25f : 1.0f)); }
  // Where the screens lay out: between the bars, or, in low reach, in the lower part of the
  // screen with the top bar moved down above the bottom bar.
  float top = 0, bottom = 0, barY = 0, topBarH = 0, bottomBarH = 0;
  // Where controls may start: in low reach, the top of the reach band (grids lay out below it
  // and headers above it); else `top`.
  float reachTop = 0;
  LanguageBar languageBar{};
  float minTarget = 0; // 9 mm on this display, in pixels (0: size unknown)
  bool modal = false;  // a question or panel is up: the screen beneath takes no gestures
  // Burn-in: what stays put for weeks (the attract loop's name, logo and prompt, the bars'
  // buttons) orbits by a few whole pixels; backgrounds and pictures stay where they are.
  float sx = 0, sy = 0;
  float target(float fraction) const { return std::max(u(fraction), minTarget); }
  // Right to left (issue 14): the visitor's language is written right to left (Arabic, Hebrew,
  // Persian, Urdu), and the screens mirror, as the platforms' RTL guidelines ask. The screens
  // place things logically, from the start edge (the left for others, the right here), and map
  // each box to the screen with x() or xIn(): text and pictures are placed, never flipped.
  // The burn-in orbit `sx` is logical too (it goes inside the start offset).
  bool rtl = false;
  // The left edge on screen of a box `width` wide whose start edge is `start` from the screen's.
  float x(float start, float width = 0) const { return rtl ? W - start - width : start; }
  // The same within [left, right] (on screen): `start` from that span's start edge.
  float xIn(float left, float right, float start, float width = 0) const { return rtl ? right - start - width : left + start; }
  // An icon drawn for the reading direction: Back and Next point the other way in RTL; Home,
  // Person, Close and Enlarge say no direction and stay as they are.
  Icon flow(Icon i) const {
    if (!rtl) return i;
    return i == Icon::Back ? Icon::Next : i == Icon::Next ? Icon::Back : i;
  }
  const std::string& text(const LocalizedText& t) const { return t.get(lang, fallback); }
  // The language text(t) is written in: the visitor's, or the fallback's it was taken from. Text
  // is laid out in its own language (line breaks, glyph forms, faces, direction).
  FontRef langOf(const LocalizedText& t) const { return &t.languageOf(lang, fallback); }
  const std::string& ui(const char* key) const { return f.strings.get(lang, key); }
  // The language ui(key) is written in: the visitor's, or English standing in for a language
  // the kiosk has no words for (laid out as English: left to right for a Persian visitor).
  FontRef uiFont(const char* key) const;
};

// Width of one line of text in the faces of `font`'s language, in pixels.
float textWidth(Screens::Ctx& c, FontRef font, float size, std::string_view s);
// One line of text with the top of its em box at `pos`.
void putText(Screens::Ctx& c, FontRef font, float size, ImVec2 pos, ImU32 col, std::string_view s);
// Text wrapped to `width` from `pos`, at most `maxLines` (the last cut with an ellipsis), lines
// `leading` times the size apart. Returns the y below the last line.
// Reported to the layout rules as cut when it had to end in an ellipsis, unless `mayTruncate`
// (a preview whose whole text is a tap away).
float drawBlock(Screens::Ctx& c, FontRef font, float size, std::string_view s, ImVec2 pos, float width, ImU32 col,
                size_t maxLines, float leading, bool mayTruncate = false);
// Characters on the longest line of a laid-out text of two lines or more (0 for one line).
int longestLine(std::string_view s, const text::TextLayout& l);
// A text fitted to `width` as a typesetter fits a heading: wrapped to at most `maxLines`, then
// made smaller step by step down to `floor` times `size`, then (where the layout has room for
// them) `moreLines` more lines at the floor, and only then cut with an ellipsis.
struct Fitted {
  const text::TextLayout* layout;
  float size;
  FontRef font = nullptr; // the language it was laid out in (drawn in the same)
  float height() const { return layout->height; }
};
Fitted fitText(Screens::Ctx& c, FontRef font, std::string_view s, float size, float width, size_t maxLines, float leading,
               float floor = 0.72f, size_t moreLines = 0);
// Low reach's banner (the venue or section named above the reach band): its text for a band
// `band` pixels tall, and the band's height once the text is whole (taller for a long title).
Fitted fitReachBanner(Screens::Ctx& c, float band);
float reachBannerHeight(Screens::Ctx& c, float band);
// Draws a fitted text at `pos` and reports it to the layout rules; returns the y below it.
float drawFitted(Screens::Ctx& c, const Fitted& t, std::string_view s, ImVec2 pos, ImU32 col);
// A touch target registered under `name` for input scripts; true when tapped (not dragged).
bool touchTarget(HitTargets& targets, const std::string& name, ImVec2 a, ImVec2 b, bool* held = nullptr);
void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col);
// A pill-shaped button with an optional icon and a label; true when tapped.
float pillWidth(Screens::Ctx& c, float height, Icon icon, const std::string& label, FontRef font, float size, float padding = 0);
bool pillButton(Screens::Ctx& c, const std::string& name, ImVec2 a, float height, Icon icon, const std::string& label,
                FontRef font, float size, bool selected, float* widthOut, float padding = 0);

// A round button with only an icon, `side` pixels across; true when tapped.
bool iconButton(Screens::Ctx& c, const std::string& name, ImVec2 a, float side, Icon icon);
void spentIconButton(Screens::Ctx& c, ImVec2 a, float side, Icon icon);
// A small dark label over a picture ("2 / 5"), its top end corner (top right; top left for a
// right-to-left visitor) at `corner`.
void drawBadge(Screens::Ctx& c, std::string_view s, ImVec2 corner, float size);

// A film's current frame as a picture to draw (opaque).
TextureCache::View filmView(const Films::View& film);

// Where a picture is missing, broken or still decoding.
void drawPlaceholder(ImDrawList* dl, ImVec2 a, ImVec2 b, std::uint32_t colour, bool broken, float rounding);

// Draws a ready picture's part uv0..uv1 into [a, b], from its one texture or strip by strip (a
// large picture; see TextureCache): each strip draws the rows it holds, the rounded corners
// fall on the first and last strip shown. Flipped or wrapped UVs are not supported.
// An opaque picture drawn whole (`tint` opaque), of a quarter megapixel or more, replaces what is
// beneath it rather than blending over it (see blendOff), except at rounded corners, whose
// edges fade.
void addPicture(ImDrawList* dl, const TextureCache::View& v, ImVec2 a, ImVec2 b, ImVec2 uv0 = ImVec2(0, 0),
                ImVec2 uv1 = ImVec2(1, 1), ImU32 tint = IM_COL32_WHITE, float rounding = 0,
                ImDrawFlags corners = ImDrawFlags_RoundCornersAll);
// A veil: `colour` laid over [a, b] with its alpha changing from `from` at the top to `to` at
// the bottom (the attract loop's shades under its logo and its text). With `ramp`, the veil's
// ramp texture in that colour (ImGuiGl::veilRamp: premultiplied, its alpha its row of
// kRampRows), it is one quad in opaque white between blendPremultiplied and a reset, which
// llvmpipe blends in C; without one (no OpenGL: tests) a gradient rectangle.
void addVeil(ImDrawList* dl, ImTextureID ramp, ImVec2 a, ImVec2 b, ImU32 colour, float from, float to);
// A slow pan and zoom over a picture (the attract loop): `zoom` >= 1 enlarges it, `pan` (-1 to
// 1 each way) moves the view across the part the zoom and crop leave hidden.
struct Motion {
  float zoom = 1;
  ImVec2 pan{0, 0};
};
// Draws an image filling [a, b] (cropped to keep its aspect), or a placeholder; returns its
// state. It is decoded at the size of the box it fills (`decodeScale` larger, for a zoomed one).
// `film`, when given and ready, is drawn instead of the cache's picture (a film's frame over
// its poster).
TextureCache::State drawImageCover(ImDrawList* dl, TextureCache& cache, const ImageRef& img, ImVec2 a, ImVec2 b,
                                   std::uint32_t colour, float alpha = 1.0f, float rounding = 0,
                                   ImDrawFlags corners = ImDrawFlags_RoundCornersAll, Motion motion = {},
                                   float decodeScale = 1.0f, const Films::View* film = nullptr);
// Draws an image whole in [a, b]: centred across and at the top, or (centreAcross false) at the
// left (`atRight`: the right) and centred down, as a logo sits; returns the rectangle it took.
// `decodeBox` is the size to decode for; `zoom` and `zoomCentre` show a part of it pinched larger.
std::pair<ImVec2, ImVec2> drawImageContain(ImDrawList* dl, TextureCache& cache, const ImageRef& img, ImVec2 a, ImVec2 b,
                                           std::uint32_t colour, bool centreAcross = true, ImVec2 decodeBox = ImVec2(0, 0),
                                           float zoom = 1, ImVec2 zoomCentre = ImVec2(0.5f, 0.5f), bool atRight = false,
                                           const Films::View* film = nullptr);
// A film playing in a box of `box` pixels this frame (in an item or the gallery: with sound,
// looping); not ready (its poster is drawn) when it is a picture or has no frame yet.
Films::View playFilm(Screens::Ctx& c, const ImageRef& img, ImVec2 box, FilmRole role = FilmRole::Item, std::uint64_t instance = 0);
// The film's captions for the visitor at its position, set at the bottom of [a, b] over a dark
// band, in the language they are written in.
void drawFilmCaptions(Screens::Ctx& c, const ImageRef& film, const Films::View& v, ImVec2 a, ImVec2 b, const std::string& language);
// Sound controls over a film with sound (an item's, the gallery's): mute and volume, at the
// bottom start corner of [a, b]. Returns the height they take.
float drawFilmSound(Screens::Ctx& c, ImVec2 a, ImVec2 b);
// A finger that moved further than the drag threshold was scrolling, not tapping.
bool movedTooFarForATap();
// A horizontal swipe that started in [a, b] and ended this frame: -1 against the reading
// direction (to the left; to the right for a right-to-left visitor: the next thing), +1 with it
// (the previous), 0 for anything else.
int swipeIn(const Screens::Ctx& c, ImVec2 a, ImVec2 b);

// The language buttons' sizes and rows, from every language's venue name (Bars.cpp).
LanguageBar layoutLanguageBar(Screens::Ctx& c);

// Columns of a grid of `n` cells at least `minWidth` wide, at most `most`.
size_t gridColumns(const Screens::Ctx& c, size_t n, float minWidth, size_t most);

// The item screen's media column: the width the pictures take (the left column, or the whole
// width on a portrait screen) and where that column ends.
struct MediaColumn {
  float width, bottom;
};
// `pictureAspect` (width / height; 0: not known yet) lets a tall picture take more of a tall screen.
MediaColumn itemMediaColumn(const Screens::Ctx& c, float pictureAspect = 0);
// The aspect of an item's picture once it is decoded for the item screen, else 0.
float itemPictureAspect(Screens::Ctx& c, const ImageRef& img);
// The largest box an item's picture takes on the item screen (decoded once for it).
media::DisplaySize heroDecodeBox(const Screens::Ctx& c);

} // namespace kiosk::ui
