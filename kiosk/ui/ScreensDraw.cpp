// The layout vocabulary the screens share: text lines and blocks, pictures (cover / contain),
// touch targets, swipes, icons, pill buttons, drag scrolling and its hints.
#include "ui/ScreensDraw.h"
#include "ui/ImGuiSfml.h"
#include "ui/Screens.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace kiosk::ui {

namespace {
// The palette of the frame being drawn (standard or high contrast), for every helper.
const Palette* g_palette = &standardPalette();
} // namespace
const Palette& pal() { return *g_palette; }
void setPalette(const Palette& palette) { g_palette = &palette; }



FontRef Screens::Ctx::uiFont(const char* key) const {
  static const std::string english = "en";
  const std::string written = f.strings.languageOf(lang, key);
  const bool ownLanguage = written != "en" || lang == "en" || lang.starts_with("en-");
  return ownLanguage ? &lang : &english;
}

// Width of one line of text in the faces of `font`'s language, in pixels.
float textWidth(Screens::Ctx& c, FontRef font, float size, std::string_view s) { return c.f.painter.width(s, *font, size); }

// One line of text with the top of its em box at `pos`.
void putText(Screens::Ctx& c, FontRef font, float size, ImVec2 pos, ImU32 col, std::string_view s) {
  text::TextStyle style;
  style.pixelSize = size;
  style.lineSpacing = 1.0f;
  const auto& l = c.f.painter.layout(s, *font, style, 0);
  c.f.painter.draw(c.dl, l, *font, pos.x, pos.y, col);
  // A line that runs past what is visible is cut as surely as one ending in an ellipsis.
  const float right = std::min(c.dl->GetClipRectMax().x, c.W);
  c.f.targets.noteText(std::string(s), *font, pos.x + l.width > right + 0.5f);
}

// Text wrapped to `width` from `pos`, at most `maxLines` (the last cut with an ellipsis), lines
// `leading` times the size apart. Returns the y below the last line.
float drawBlock(Screens::Ctx& c, FontRef font, float size, std::string_view s, ImVec2 pos, float width, ImU32 col,
                size_t maxLines, float leading, bool mayTruncate) {
  text::TextStyle style;
  style.pixelSize = size;
  style.lineSpacing = leading;
  style.maxLines = maxLines;
  const auto& l = c.f.painter.layout(s, *font, style, width);
  c.f.painter.draw(c.dl, l, *font, pos.x, pos.y, col);
  if (!s.empty()) c.f.targets.noteText(std::string(s), *font, l.truncated, mayTruncate, longestLine(s, l));
  return pos.y + l.height;
}

int longestLine(std::string_view s, const text::TextLayout& l) {
  if (l.lines.size() < 2) return 0; // one line is a heading or a label, not running text
  int most = 0;
  for (const auto& line : l.lines) {
    int n = 0;
    for (size_t i = line.begin; i < line.end && i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    most = std::max(most, n);
  }
  return most;
}

Fitted fitText(Screens::Ctx& c, FontRef font, std::string_view s, float size, float width, size_t maxLines, float leading,
               float floor, size_t moreLines) {
  text::TextStyle style;
  style.lineSpacing = leading;
  style.maxLines = maxLines;
  // Whole-pixel steps of about 6% down to the floor: each is a size the glyph pages keep.
  for (float k = 1.0f;; k -= 0.06f) {
    style.pixelSize = std::round(size * std::max(k, floor));
    const text::TextLayout& l = c.f.painter.layout(s, *font, style, width);
    if (!l.truncated) return {&l, style.pixelSize, font};
    if (k <= floor) {
      if (moreLines == 0) return {&l, style.pixelSize, font};
      style.maxLines = maxLines + moreLines; // the last resort before a cut: more lines at the floor
      return {&c.f.painter.layout(s, *font, style, width), style.pixelSize, font};
    }
  }
}

float drawFitted(Screens::Ctx& c, const Fitted& t, std::string_view s, ImVec2 pos, ImU32 col) {
  c.f.painter.draw(c.dl, *t.layout, t.font ? *t.font : c.lang, pos.x, pos.y, col);
  if (!s.empty()) c.f.targets.noteText(std::string(s), t.font ? *t.font : c.lang, t.layout->truncated);
  return pos.y + t.layout->height;
}

float Screens::beginScrollView(Ctx& c, const std::string& key, ImVec2 a, ImVec2 b, float contentHeight) {
  const float scroll = dragScroll(key, a, b, contentHeight);
  ImGui::PushClipRect(a, b, true);
  c.f.targets.beginArea({key, {a.x, a.y, b.x - a.x, b.y - a.y}, std::max(0.0f, contentHeight - (b.y - a.y)), scroll});
  return scroll;
}

void Screens::endScrollView(Ctx& c, ImVec2 a, ImVec2 b, float contentHeight, float scroll) {
  c.f.targets.endArea();
  ImGui::PopClipRect();
  drawScrollHints(c, a, b, contentHeight, scroll);
}

// Draws a placeholder where an image is missing, broken or still decoding.
void drawPlaceholder(ImDrawList* dl, ImVec2 a, ImVec2 b, std::uint32_t colour, bool broken, float rounding) {
  if (rounding > 0)
    dl->AddRectFilled(a, b, toImColor(shade(colour, 0.45f)), rounding);
  else
    dl->AddRectFilledMultiColor(a, b, toImColor(shade(colour, 0.55f)), toImColor(shade(colour, 0.45f)),
                                toImColor(shade(colour, 0.30f)), toImColor(shade(colour, 0.38f)));
  if (!broken) return;
  // A picture (frame, hill, sun) struck through: "this image could not be shown".
  const float sz = std::min(b.x - a.x, b.y - a.y) * 0.16f;
  const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
  const ImU32 ink = toImColor(pal().text, 0.55f);
  const float t = std::max(2.0f, sz * 0.07f);
  const ImVec2 f0(c.x - sz, c.y - sz * 0.75f), f1(c.x + sz, c.y + sz * 0.75f);
  dl->AddRect(f0, f1, ink, sz * 0.08f, 0, t);
  dl->AddTriangleFilled(ImVec2(f0.x + sz * 0.2f, f1.y - sz * 0.2f), ImVec2(c.x - sz * 0.1f, c.y - sz * 0.15f),
                        ImVec2(c.x + sz * 0.5f, f1.y - sz * 0.2f), ink);
  dl->AddCircleFilled(ImVec2(c.x + sz * 0.45f, c.y - sz * 0.3f), sz * 0.15f, ink);
  dl->AddLine(ImVec2(f0.x - sz * 0.15f, f1.y + sz * 0.15f), ImVec2(f1.x + sz * 0.15f, f0.y - sz * 0.15f),
              toImColor(pal().error, 0.9f), t * 1.4f);
}

// Draws an image filling [a, b] (cropped to keep its aspect), or a placeholder; returns whether
// the picture itself was drawn. It is decoded at the size of the box it fills (`decodeScale`
// larger, for a picture that will be zoomed).
// A film's current frame, as a picture to draw (libmpv renders it opaque).
TextureCache::View filmView(const Films::View& film) {
  TextureCache::View v{TextureCache::State::Ready, film.texture, film.width, film.height};
  v.opaque = true;
  return v;
}

void addVeil(ImDrawList* dl, ImTextureID ramp, ImVec2 a, ImVec2 b, ImU32 colour, float from, float to) {
  if (b.x <= a.x || b.y <= a.y) return;
  if (!ramp) {
    const auto with = [&](float alpha) {
      return (colour & ~IM_COL32_A_MASK) | static_cast<ImU32>(std::lround(std::clamp(alpha, 0.0f, 1.0f) * 255))
                                               << IM_COL32_A_SHIFT;
    };
    dl->AddRectFilledMultiColor(a, b, with(from), with(from), with(to), with(to));
    return;
  }
  // The ramp's row i (of kRampRows) has alpha i/255, (i + 0.5) / kRampRows down it. Its texels
  // are premultiplied and drawn as they are (opaque white), with premultiplied blending.
  const auto v = [](float alpha) {
    return (std::clamp(alpha, 0.0f, 1.0f) * 255 + 0.5f) / static_cast<float>(kRampRows);
  };
  dl->AddCallback(blendPremultiplied, nullptr);
  dl->AddImage(ramp, a, b, ImVec2(0.5f, v(from)), ImVec2(0.5f, v(to)), IM_COL32_WHITE);
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void addPicture(ImDrawList* dl, const TextureCache::View& v, ImVec2 a, ImVec2 b, ImVec2 uv0, ImVec2 uv1, ImU32 tint,
                float rounding, ImDrawFlags corners) {
  auto one = [&](ImTextureID t, ImVec2 p0, ImVec2 p1, ImVec2 t0, ImVec2 t1, ImDrawFlags flags) {
    flags &= ImDrawFlags_RoundCornersMask_;
    if (rounding > 0 && flags != 0)
      dl->AddImageRounded(t, p0, p1, t0, t1, tint, rounding, flags);
    else dl->AddImage(t, p0, p1, t0, t1, tint);
  };
  const bool opaque = (tint >> IM_COL32_A_SHIFT & 0xFF) == 0xFF;
  // An opaque picture's square-cornered pieces replace what is beneath them. (Not worth the two
  // changes of state for a thumbnail: only for a picture of a quarter megapixel or more.)
  constexpr float kReplaceArea = 512.0f * 512.0f;
  const bool replace = opaque && v.opaque && (b.x - a.x) * (b.y - a.y) >= kReplaceArea;
  if (v.strips.empty() || v.height <= 0) {
    const bool rounded = rounding > 0 && (corners & ImDrawFlags_RoundCornersMask_) != 0;
    if (replace && !rounded) dl->AddCallback(blendOff, nullptr);
    one(v.texture, a, b, uv0, uv1, corners);
    if (replace && !rounded) dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    return;
  }
  // The picture's rows uv0.y..uv1.y map linearly onto a.y..b.y; each strip draws its share.
  const float r0 = uv0.y * static_cast<float>(v.height), r1 = uv1.y * static_cast<float>(v.height);
  if (r1 <= r0) return;
  const float perRow = (b.y - a.y) / (r1 - r0);
  const TextureCache::Strip* first = nullptr;
  const TextureCache::Strip* last = nullptr;
  int shown = 0;
  for (const auto& s : v.strips)
    if (static_cast<float>(s.top + s.rows) > r0 && static_cast<float>(s.top) < r1) {
      if (!first) first = &s;
      last = &s;
      ++shown;
    }
  // Rounded pieces are drawn first and reach 2 px into their neighbours, which are drawn over
  // them: their anti-aliased edge at a seam (ImGui fades every edge of a rounded shape) ends up
  // beneath a neighbour instead of showing as a faint line. (Only where the picture is opaque;
  // a fading one would show the overlap.)
  auto piece = [&](const TextureCache::Strip& s, bool roundedPass) {
    const float top = std::max(r0, static_cast<float>(s.top)), bottom = std::min(r1, static_cast<float>(s.top + s.rows));
    if (bottom <= top) return;
    ImDrawFlags flags = 0;
    if (&s == first) flags |= corners & ImDrawFlags_RoundCornersTop;
    if (&s == last) flags |= corners & ImDrawFlags_RoundCornersBottom;
    const bool rounded = rounding > 0 && (flags & ImDrawFlags_RoundCornersMask_) != 0;
    if (rounded != roundedPass) return;
    float y0 = &s == first ? a.y : a.y + (top - r0) * perRow, y1 = &s == last ? b.y : a.y + (bottom - r0) * perRow;
    float t0 = top, t1 = bottom;
    if (rounded && opaque && first != last) {
      const float reach = 2.0f / std::max(perRow, 1e-3f); // 2 px, in rows
      // (Never into a piece drawn before it: the last reaches up only over a middle piece.)
      if (&s != first && shown > 2) y0 -= 2, t0 -= reach;
      if (&s != last) y1 += 2, t1 += reach;
    }
    const auto held = [&](float row) { return (row - static_cast<float>(s.held)) / static_cast<float>(s.heldRows); };
    one(s.texture, ImVec2(a.x, y0), ImVec2(b.x, y1), ImVec2(uv0.x, held(t0)), ImVec2(uv1.x, held(t1)), flags);
  };
  for (const auto& s : v.strips) piece(s, true);
  if (replace) dl->AddCallback(blendOff, nullptr);
  for (const auto& s : v.strips) piece(s, false);
  if (replace) dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

TextureCache::State drawImageCover(ImDrawList* dl, TextureCache& cache, const ImageRef& img, ImVec2 a, ImVec2 b,
                                   std::uint32_t colour, float alpha, float rounding, ImDrawFlags corners,
                                   Motion motion, float decodeScale, const Films::View* film) {
  const float w = b.x - a.x, h = b.y - a.y;
  const TextureCache::View v = film && film->ready ? filmView(*film)
                               : img.exists
                                   ? cache.get(img, {static_cast<int>(std::ceil(w * decodeScale)),
                                                     static_cast<int>(std::ceil(h * decodeScale)), media::Fit::Cover})
                                   : TextureCache::View{TextureCache::State::Failed};
  if (v.state != TextureCache::State::Ready) {
    drawPlaceholder(dl, a, b, colour, v.state == TextureCache::State::Failed, rounding);
    return v.state;
  }
  const float scale = std::max(w / v.width, h / v.height);
  const float uw = (w / scale) / v.width / motion.zoom, vh = (h / scale) / v.height / motion.zoom;
  const float cx = 0.5f + motion.pan.x * (1 - uw) / 2, cy = 0.5f + motion.pan.y * (1 - vh) / 2;
  const ImVec2 uv0(cx - uw / 2, cy - vh / 2), uv1(cx + uw / 2, cy + vh / 2);
  const ImU32 tint = IM_COL32(255, 255, 255, static_cast<int>(255 * std::clamp(alpha, 0.0f, 1.0f)));
  addPicture(dl, v, a, b, uv0, uv1, tint, rounding, corners);
  return TextureCache::State::Ready;
}

// Draws an image whole in [a, b]: centred across and at the top, or (centreAcross false) at the
// left and centred down, as a logo sits; returns the rectangle it took. `decodeBox` is the size
// to decode for when the box varies a little with the layout (a caption below or not).
std::pair<ImVec2, ImVec2> drawImageContain(ImDrawList* dl, TextureCache& cache, const ImageRef& img, ImVec2 a, ImVec2 b,
                                           std::uint32_t colour, bool centreAcross, ImVec2 decodeBox, float zoom, ImVec2 zoomCentre,
                                           bool atRight, const Films::View* film) {
  const float w = b.x - a.x, h = b.y - a.y;
  if (decodeBox.x <= 0) decodeBox = ImVec2(w, h);
  const TextureCache::View v = film && film->ready ? filmView(*film)
                               : img.exists
                                   ? cache.get(img, {static_cast<int>(std::ceil(decodeBox.x)),
                                                     static_cast<int>(std::ceil(decodeBox.y)), media::Fit::Contain})
                                   : TextureCache::View{TextureCache::State::Failed};
  if (v.state != TextureCache::State::Ready) {
    if (centreAcross) drawPlaceholder(dl, a, b, colour, v.state == TextureCache::State::Failed, 0);
    if (atRight && !centreAcross) return {b, b};
    return {a, centreAcross ? b : a};
  }
  const float scale = std::min(w / v.width, h / v.height);
  const float dw = v.width * scale, dh = v.height * scale;
  const ImVec2 p0(centreAcross ? std::round(a.x + (w - dw) / 2) : atRight ? b.x - std::round(dw) : a.x,
                  centreAcross ? a.y : std::round(a.y + (h - dh) / 2));
  const ImVec2 p1(p0.x + std::round(dw), p0.y + std::round(dh));
  // Pinched larger: the part of the picture around `zoomCentre`, 1/zoom of it each way.
  const float half = 0.5f / std::max(1.0f, zoom);
  addPicture(dl, v, p0, p1, ImVec2(zoomCentre.x - half, zoomCentre.y - half), ImVec2(zoomCentre.x + half, zoomCentre.y + half));
  return {p0, p1};
}

// A touch target: an ImGui invisible button registered under `name` for input scripts.
// Returns true when tapped (pressed and released on it).
// A finger that moved further than the drag threshold was scrolling, not tapping.
bool movedTooFarForATap() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold;
}

// A touch target: an ImGui invisible button registered under `name` for input scripts, clipped to
// what is visible (ImGui::PushClipRect also keeps hidden parts from taking touches).
// Returns true when tapped: pressed and released on it without dragging.
bool touchTarget(HitTargets& targets, const std::string& name, ImVec2 a, ImVec2 b, bool* held) {
  targets.place(name, {a.x, a.y, b.x - a.x, b.y - a.y});
  ImGui::SetCursorScreenPos(a);
  const bool released = ImGui::InvisibleButton(name.c_str(), ImVec2(std::max(1.0f, b.x - a.x), std::max(1.0f, b.y - a.y)));
  if (held) *held = ImGui::IsItemActive() && !movedTooFarForATap();
  const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin(), c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
  const ImVec2 v0(std::max(a.x, c0.x), std::max(a.y, c0.y)), v1(std::min(b.x, c1.x), std::min(b.y, c1.y));
  const bool whole = v0.x <= a.x && v0.y <= a.y && v1.x >= b.x && v1.y >= b.y;
  if (v1.x - v0.x >= 1 && v1.y - v0.y >= 1) targets.add(name, {v0.x, v0.y, v1.x - v0.x, v1.y - v0.y}, whole);
  return released && !movedTooFarForATap();
}

// A horizontal swipe that started in [a, b] and ended this frame: -1 against the reading
// direction (the next thing: to the left, or to the right for a right-to-left visitor, as a
// page turns in a book of theirs), +1 with it (the previous), 0 for anything else. It must go a
// fifth of the short side across, and twice as far across as down, so scrolling the text is
// never a swipe.
int swipeIn(const Screens::Ctx& c, ImVec2 a, ImVec2 b) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.MouseReleased[0] || c.modal) return 0;
  const ImVec2 from = io.MouseClickedPos[0];
  if (from.x < a.x || from.x >= b.x || from.y < a.y || from.y >= b.y) return 0;
  const float dx = io.MousePos.x - from.x, dy = io.MousePos.y - from.y;
  if (std::abs(dx) < c.u(0.2f) || std::abs(dx) < 2 * std::abs(dy)) return 0;
  return (dx < 0) != c.rtl ? -1 : 1;
}


void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col) {
  const float t = std::max(2.0f, s * 0.14f);
  if (icon == Icon::Back) {
    dl->AddLine(ImVec2(c.x + s * 0.25f, c.y - s * 0.5f), ImVec2(c.x - s * 0.25f, c.y), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.25f, c.y), ImVec2(c.x + s * 0.25f, c.y + s * 0.5f), col, t);
  } else if (icon == Icon::Person) {
    // The accessibility figure: a head and open arms in a circle.
    const float t2 = std::max(2.0f, s * 0.1f);
    dl->AddCircle(c, s * 0.62f, col, 32, t2);
    dl->AddCircleFilled(ImVec2(c.x, c.y - s * 0.3f), s * 0.11f, col);
    dl->AddLine(ImVec2(c.x - s * 0.32f, c.y - s * 0.1f), ImVec2(c.x + s * 0.32f, c.y - s * 0.1f), col, t2);
    dl->AddLine(ImVec2(c.x, c.y - s * 0.12f), ImVec2(c.x, c.y + s * 0.12f), col, t2);
    dl->AddLine(ImVec2(c.x, c.y + s * 0.1f), ImVec2(c.x - s * 0.2f, c.y + s * 0.4f), col, t2);
    dl->AddLine(ImVec2(c.x, c.y + s * 0.1f), ImVec2(c.x + s * 0.2f, c.y + s * 0.4f), col, t2);
  } else if (icon == Icon::Next) {
    dl->AddLine(ImVec2(c.x - s * 0.25f, c.y - s * 0.5f), ImVec2(c.x + s * 0.25f, c.y), col, t);
    dl->AddLine(ImVec2(c.x + s * 0.25f, c.y), ImVec2(c.x - s * 0.25f, c.y + s * 0.5f), col, t);
  } else if (icon == Icon::Close) {
    dl->AddLine(ImVec2(c.x - s * 0.4f, c.y - s * 0.4f), ImVec2(c.x + s * 0.4f, c.y + s * 0.4f), col, t);
    dl->AddLine(ImVec2(c.x - s * 0.4f, c.y + s * 0.4f), ImVec2(c.x + s * 0.4f, c.y - s * 0.4f), col, t);
  } else if (icon == Icon::Enlarge) {
    // Four corners pointing out: "this opens larger".
    const float o = s * 0.5f, l = s * 0.28f;
    for (const float sx : {-1.0f, 1.0f})
      for (const float sy : {-1.0f, 1.0f}) {
        const ImVec2 k(c.x + sx * o, c.y + sy * o);
        dl->AddLine(k, ImVec2(k.x - sx * l, k.y), col, t);
        dl->AddLine(k, ImVec2(k.x, k.y - sy * l), col, t);
      }
  } else if (icon == Icon::Home) {
    dl->AddTriangleFilled(ImVec2(c.x, c.y - s * 0.55f), ImVec2(c.x - s * 0.6f, c.y - s * 0.02f),
                          ImVec2(c.x + s * 0.6f, c.y - s * 0.02f), col);
    dl->AddRectFilled(ImVec2(c.x - s * 0.4f, c.y - s * 0.05f), ImVec2(c.x + s * 0.4f, c.y + s * 0.5f), col);
    dl->AddRectFilled(ImVec2(c.x - s * 0.12f, c.y + s * 0.15f), ImVec2(c.x + s * 0.12f, c.y + s * 0.5f),
                      toImColor(pal().button));
  }
}



float Screens::dragScroll(const std::string& key, ImVec2 a, ImVec2 b, float contentHeight) {
  KineticScroll& scroll = m_scrolls[key];
  const float maxPos = std::max(0.0f, contentHeight - (b.y - a.y));
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 from = io.MouseClickedPos[0];
  const bool startedInside = from.x >= a.x && from.x < b.x && from.y >= a.y && from.y < b.y;
  if (io.MouseDown[0] && startedInside && !m_modal) {
    // The finger holds the content (a landing finger stops a glide); it moves with the finger
    // in this same frame, but not on the press frame itself: a finger lands anywhere, and the
    // jump is no drag.
    scroll.drag(io.MouseClicked[0] ? 0.0f : -io.MouseDelta.y, m_dt, maxPos);
  } else {
    if (io.MouseReleased[0] && startedInside && !m_modal) scroll.release();
    scroll.step(m_dt, maxPos);
  }
  return scroll.position();
}

void Screens::drawScrollHints(Ctx& c, ImVec2 a, ImVec2 b, float contentHeight, float scroll) {
  const float viewH = b.y - a.y;
  const float maxScroll = contentHeight - viewH;
  if (maxScroll <= 0) return;
  scroll = std::clamp(scroll, 0.0f, maxScroll); // stretched past an end, the bar stays at it
  // A fade and a thin bar say "there is more below".
  const float fade = c.size(TextRole::Body) * 2;
  if (scroll < maxScroll - 1)
    c.dl->AddRectFilledMultiColor(ImVec2(a.x, b.y - fade), b, toImColor(c.background(), 0.0f),
                                  toImColor(c.background(), 0.0f), toImColor(c.background()),
                                  toImColor(c.background()));
  const float barH = std::max(c.u(0.04f), viewH * viewH / contentHeight);
  const float barY = a.y + (viewH - barH) * (scroll / maxScroll);
  // Beside the view's end edge (its left one for a right-to-left visitor).
  const float x = c.rtl ? std::max(a.x - c.u(0.012f), c.u(0.008f)) - c.u(0.004f) : std::min(b.x + c.u(0.012f), c.W - c.u(0.008f));
  c.dl->AddRectFilled(ImVec2(x, barY), ImVec2(x + c.u(0.004f), barY + barH), toImColor(pal().textMuted, 0.6f),
                      c.u(0.002f));
}

// A pill-shaped button with an optional icon and a label; returns true when tapped.
float pillWidth(Screens::Ctx& c, float height, Icon icon, const std::string& label, FontRef font, float size, float padding) {
  const float pad = padding > 0 ? padding : std::round(height * 0.42f);
  const float iconSize = icon == Icon::None ? 0 : std::round(height * 0.42f);
  const float gap = icon == Icon::None ? 0 : std::round(height * 0.22f);
  return pad * 2 + iconSize + gap + textWidth(c, font, size, label);
}

bool pillButton(Screens::Ctx& c, const std::string& name, ImVec2 a, float height, Icon icon, const std::string& label,
                FontRef font, float size, bool selected, float* widthOut, float padding) {
  const float pad = padding > 0 ? padding : std::round(height * 0.42f);
  const float iconSize = icon == Icon::None ? 0 : std::round(height * 0.42f);
  const float gap = icon == Icon::None ? 0 : std::round(height * 0.22f);
  const float w = pillWidth(c, height, icon, label, font, size, padding);
  if (widthOut) *widthOut = w;
  const ImVec2 b(a.x + w, a.y + height);
  bool held = false;
  const bool tapped = touchTarget(c.f.targets, name, a, b, &held);
  const std::uint32_t fill = selected ? c.accent() : (held ? pal().buttonPressed : pal().button);
  c.dl->AddRectFilled(a, b, toImColor(fill), height / 2);
  if (pal().outlines) c.dl->AddRect(a, b, toImColor(pal().text, 0.8f), height / 2, 0, std::max(1.5f, height * 0.03f));
  const ImU32 ink = toImColor(selected ? pal().bar : pal().text);
  // Selected is said by a shape too, not by colour alone: a bar under the label.
  if (selected)
    c.dl->AddRectFilled(ImVec2(a.x + pad, b.y - std::round(height * 0.16f)), ImVec2(b.x - pad, b.y - std::round(height * 0.10f)), ink,
                        height * 0.03f);
  // The icon leads (at the right for a right-to-left visitor, pointing their way), the label follows.
  if (icon != Icon::None) drawIcon(c.dl, c.flow(icon), ImVec2(c.xIn(a.x, b.x, pad, iconSize) + iconSize / 2, a.y + height / 2), iconSize, ink);
  putText(c, font, size, ImVec2(c.rtl ? a.x + pad : a.x + pad + iconSize + gap, std::round(a.y + (height - size) / 2 - size * 0.06f)), ink,
          label);
  return tapped;
}

bool iconButton(Screens::Ctx& c, const std::string& name, ImVec2 a, float side, Icon icon) {
  const ImVec2 b(a.x + side, a.y + side);
  bool held = false;
  const bool tapped = touchTarget(c.f.targets, name, a, b, &held);
  const ImVec2 centre((a.x + b.x) / 2, (a.y + b.y) / 2);
  c.dl->AddCircleFilled(centre, side / 2, toImColor(held ? pal().buttonPressed : pal().button), 48);
  if (pal().outlines) c.dl->AddCircle(centre, side / 2, toImColor(pal().text, 0.8f), 48, std::max(1.5f, side * 0.03f));
  drawIcon(c.dl, c.flow(icon), centre, std::round(side * 0.4f), toImColor(pal().text));
  return tapped;
}

// A turn button at the end of its row: the same circle and arrow, faint and not a target, so
// the row keeps its shape and the visitor sees there is nothing further that way.
void spentIconButton(Screens::Ctx& c, ImVec2 a, float side, Icon icon) {
  const ImVec2 centre(a.x + side / 2, a.y + side / 2);
  c.dl->AddCircle(centre, side / 2, toImColor(pal().textMuted, 0.35f), 48, std::max(1.5f, side * 0.03f));
  drawIcon(c.dl, c.flow(icon), centre, std::round(side * 0.4f), toImColor(pal().textMuted, 0.35f));
}

void drawBadge(Screens::Ctx& c, std::string_view s, ImVec2 corner, float size) {
  const float pad = std::round(size * 0.5f), w = textWidth(c, c.font(TextRole::Caption), size, s) + 2 * pad;
  const float h = std::round(size * 1.7f);
  const ImVec2 a(c.rtl ? corner.x : corner.x - w, corner.y), b(c.rtl ? corner.x + w : corner.x, corner.y + h);
  c.dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 170), h / 2);
  putText(c, c.font(TextRole::Caption), size, ImVec2(a.x + pad, std::round(a.y + (h - size) / 2 - size * 0.06f)), IM_COL32(255, 255, 255, 255), s);
}

// The item screen's media column: the width the pictures take (the left column, or the whole
// width on a portrait screen) and where that column ends.
MediaColumn itemMediaColumn(const Screens::Ctx& c, float pictureAspect) {
  const float m = c.u(Theme::kMargin);
  if (c.portrait()) {
    // A tall picture takes more of a tall screen (up to 62% of it), so it is not a strip
    // between two empty bands; a wide one leaves the room to the text.
    // Low reach takes the top bar down to the bottom one; the picture keeps the height it has
    // without (only controls need to be low), as long as a third of the short side is left
    // for the text below it.
    const float tall = pictureAspect > 0 ? std::clamp((1.3f - pictureAspect) / 0.7f, 0.0f, 1.0f) : 0.0f;
    const float span = c.H - c.topBarH - c.bottomBarH;
    const float bottom = std::min(c.top + span * (0.46f + 0.16f * tall), c.bottom - c.u(0.33f));
    return {c.W - 2 * m, std::floor(std::max(bottom, c.top + (c.bottom - c.top) * 0.46f))};
  }
  return {std::floor(c.W * 0.54f), c.bottom};
}

float itemPictureAspect(Screens::Ctx& c, const ImageRef& img) {
  if (!img.exists) return 0;
  const TextureCache::View v = c.f.textures.get(img, heroDecodeBox(c));
  return v.state == TextureCache::State::Ready && v.height > 0 ? static_cast<float>(v.width) / static_cast<float>(v.height) : 0;
}

// The largest box an item's picture takes on the item screen: pictures are decoded for it
// whether or not a caption or thumbnails take a little of it, so one decode serves, and the
// section screen can prefetch exactly what the item screen will draw.
media::DisplaySize heroDecodeBox(const Screens::Ctx& c) {
  const float m = c.u(Theme::kMargin);
  const MediaColumn col = itemMediaColumn(c, 0.01f); // the tallest the column gets
  return {static_cast<int>(col.width), static_cast<int>(col.bottom - m - (c.top + m)), media::Fit::Contain};
}


Films::View playFilm(Screens::Ctx& c, const ImageRef& img, ImVec2 box, FilmRole role, std::uint64_t instance) {
  if (!img.video || !c.f.films) return {};
  return c.f.films->play(img, static_cast<int>(std::ceil(box.x)), static_cast<int>(std::ceil(box.y)), role, instance, c.f.now);
}

void drawFilmCaptions(Screens::Ctx& c, const ImageRef& film, const Films::View& v, ImVec2 a, ImVec2 b, const std::string& language) {
  if (!c.f.films || !v.ready) return;
  const auto cue = c.f.films->caption(film, language, c.fallback, v.position, c.f.nav.content().settings.languages);
  if (!cue) return;
  // Set like broadcast captions: at most three lines, centred, white on a dark band, large
  // enough to read from a step back, in the captions' own language.
  const float w = b.x - a.x, h = b.y - a.y;
  const float size = std::round(std::clamp(std::max(w, h) * 0.028f, c.size(TextRole::Caption), c.size(TextRole::Title) * 1.2f));
  text::TextStyle style;
  style.pixelSize = size;
  style.lineSpacing = 1.25f;
  style.maxLines = 3;
  style.align = text::Align::Center;
  const float width = std::round(w * 0.86f), left = std::round(a.x + (w - width) / 2);
  const text::TextLayout& l = c.f.painter.layout(cue->text, cue->language, style, width);
  if (l.lines.empty()) return;
  const float pad = std::round(size * 0.4f), y1 = b.y - std::round(h * 0.05f), y0 = y1 - l.height - 2 * pad;
  float lo = width, hi = 0;
  for (const auto& line : l.lines) lo = std::min(lo, line.x), hi = std::max(hi, line.x + line.width);
  c.dl->AddRectFilled(ImVec2(left + lo - pad, y0), ImVec2(left + hi + pad, y1), IM_COL32(0, 0, 0, 190), pad);
  c.f.painter.draw(c.dl, l, cue->language, left, y0 + pad, IM_COL32(255, 255, 255, 255));
  c.f.targets.noteText(cue->text, cue->language, l.truncated);
}

// A speaker: a box and a cone, with sound waves, or a cross when muted.
static void drawSpeaker(ImDrawList* dl, ImVec2 centre, float s, bool muted, int level, ImU32 col) {
  const float t = std::max(2.0f, s * 0.1f);
  const float x = centre.x - s * 0.35f;
  dl->AddRectFilled(ImVec2(x - s * 0.1f, centre.y - s * 0.15f), ImVec2(x + s * 0.1f, centre.y + s * 0.15f), col);
  dl->AddTriangleFilled(ImVec2(x, centre.y), ImVec2(x + s * 0.35f, centre.y - s * 0.4f), ImVec2(x + s * 0.35f, centre.y + s * 0.4f), col);
  if (muted) {
    const ImVec2 m(centre.x + s * 0.35f, centre.y);
    dl->AddLine(ImVec2(m.x - s * 0.15f, m.y - s * 0.15f), ImVec2(m.x + s * 0.15f, m.y + s * 0.15f), col, t);
    dl->AddLine(ImVec2(m.x - s * 0.15f, m.y + s * 0.15f), ImVec2(m.x + s * 0.15f, m.y - s * 0.15f), col, t);
    return;
  }
  for (int i = 0; i < 3; ++i)
    if (level > i * 34)
      dl->PathArcTo(ImVec2(x + s * 0.3f, centre.y), s * (0.28f + 0.17f * static_cast<float>(i)), -0.9f, 0.9f, 12),
          dl->PathStroke(col, 0, t * 0.8f);
}

float drawFilmSound(Screens::Ctx& c, ImVec2 a, ImVec2 b) {
  if (!c.f.films) return 0;
  Films& films = *c.f.films;
  const float side = std::min(c.target(0.06f), std::min(b.x - a.x, b.y - a.y) / 3);
  const float inset = c.u(0.012f), gap = std::round(side * 0.15f);
  const float pillW = side * 3 + gap * 2 + side * 1.2f;
  // The top start corner: the bottom holds the captions, the top end "2 / 5".
  const ImVec2 p0(c.rtl ? b.x - inset - pillW : a.x + inset, a.y + inset);
  c.dl->AddRectFilled(p0, ImVec2(p0.x + pillW, p0.y + side), IM_COL32(0, 0, 0, 170), side / 2);
  const ImU32 white = IM_COL32(255, 255, 255, 255), faint = IM_COL32(255, 255, 255, 90);
  float at = 0; // from the start edge of the pill
  auto box = [&](float width) {
    const float x = c.rtl ? p0.x + pillW - at - width : p0.x + at;
    at += width + gap;
    return std::pair<ImVec2, ImVec2>{ImVec2(x, p0.y), ImVec2(x + width, p0.y + side)};
  };
  const auto [m0, m1] = box(side);
  if (touchTarget(c.f.targets, "film-sound", m0, m1) && !c.modal) films.setSound(!films.muted(), films.volume());
  drawSpeaker(c.dl, ImVec2((m0.x + m1.x) / 2, (m0.y + m1.y) / 2), side * 0.62f, films.muted(), films.volume(), white);
  const auto [q0, q1] = box(side);
  if (touchTarget(c.f.targets, "film-quieter", q0, q1) && !c.modal) films.setSound(false, films.volume() - 10);
  c.dl->AddLine(ImVec2(q0.x + side * 0.32f, (q0.y + q1.y) / 2), ImVec2(q1.x - side * 0.32f, (q0.y + q1.y) / 2), white, std::max(2.0f, side * 0.07f));
  // The level: five steps, lit up to the volume (faint while muted).
  const auto [l0, l1] = box(side * 1.2f - gap);
  for (int i = 0; i < 5; ++i) {
    const float bw = (l1.x - l0.x) / 5, bh = side * (0.2f + 0.1f * static_cast<float>(i));
    const float bx = c.rtl ? l1.x - bw * static_cast<float>(i + 1) : l0.x + bw * static_cast<float>(i);
    const bool lit = !films.muted() && films.volume() > i * 20;
    c.dl->AddRectFilled(ImVec2(bx + bw * 0.2f, (l0.y + l1.y) / 2 + side * 0.25f - bh), ImVec2(bx + bw * 0.8f, (l0.y + l1.y) / 2 + side * 0.25f),
                        lit ? white : faint, 1);
  }
  const auto [u0, u1] = box(side);
  if (touchTarget(c.f.targets, "film-louder", u0, u1) && !c.modal) films.setSound(false, films.volume() + 10);
  const ImVec2 uc((u0.x + u1.x) / 2, (u0.y + u1.y) / 2);
  const float t = std::max(2.0f, side * 0.07f), r = side * 0.18f;
  c.dl->AddLine(ImVec2(uc.x - r, uc.y), ImVec2(uc.x + r, uc.y), white, t);
  c.dl->AddLine(ImVec2(uc.x, uc.y - r), ImVec2(uc.x, uc.y + r), white, t);
  return side + inset;
}

} // namespace kiosk::ui
