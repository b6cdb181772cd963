// [SECTION] index
// - Drawing helpers: colours, images (cover / contain fit), text lines, pill buttons, icons
// - Screens::draw: the full-window ImGui window and the screen switch
// - Attract, Home, Section, Item screens
// - Top bar (name, languages) and bottom bar (Back, Home, breadcrumb, staff indicator)
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include "core/BurnIn.h"

#include "text/LanguageNames.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace kiosk::ui {

//-----------------------------------------------------------------------------
// [SECTION] Drawing helpers
//-----------------------------------------------------------------------------

namespace {
// The palette of the frame being drawn (standard or high contrast), for every helper.
const Palette* g_palette = &standardPalette();
} // namespace
const Palette& pal() { return *g_palette; }



// Width of one line of text in the faces of `font`'s language, in pixels.
float textWidth(Screens::Ctx& c, FontRef font, float size, std::string_view s) { return c.f.painter.width(s, *font, size); }

// One line of text with the top of its em box at `pos`.
void putText(Screens::Ctx& c, FontRef font, float size, ImVec2 pos, ImU32 col, std::string_view s) {
  text::TextStyle style;
  style.pixelSize = size;
  style.lineSpacing = 1.0f;
  c.f.painter.draw(c.dl, c.f.painter.layout(s, *font, style, 0), *font, pos.x, pos.y, col);
}

// Text wrapped to `width` from `pos`, at most `maxLines` (the last cut with an ellipsis), lines
// `leading` times the size apart. Returns the y below the last line.
float drawBlock(Screens::Ctx& c, FontRef font, float size, std::string_view s, ImVec2 pos, float width, ImU32 col,
                size_t maxLines, float leading) {
  text::TextStyle style;
  style.pixelSize = size;
  style.lineSpacing = leading;
  style.maxLines = maxLines;
  const auto& l = c.f.painter.layout(s, *font, style, width);
  c.f.painter.draw(c.dl, l, *font, pos.x, pos.y, col);
  return pos.y + l.height;
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

// A slow pan and zoom over a picture (the attract loop): `zoom` >= 1 enlarges it, `pan` (-1 to
// 1 each way) moves the view across the part the zoom and crop leave hidden.
struct Motion {
  float zoom = 1;
  ImVec2 pan{0, 0};
};

// Draws an image filling [a, b] (cropped to keep its aspect), or a placeholder; returns whether
// the picture itself was drawn. It is decoded at the size of the box it fills (`decodeScale`
// larger, for a picture that will be zoomed).
TextureCache::State drawImageCover(ImDrawList* dl, TextureCache& cache, const ImageRef& img, ImVec2 a, ImVec2 b, std::uint32_t colour,
                    float alpha = 1.0f, float rounding = 0, ImDrawFlags corners = ImDrawFlags_RoundCornersAll, Motion motion = {},
                    float decodeScale = 1.0f) {
  const float w = b.x - a.x, h = b.y - a.y;
  const TextureCache::View v = img.exists ? cache.get(img, {static_cast<int>(std::ceil(w * decodeScale)),
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
  if (rounding > 0)
    dl->AddImageRounded(v.texture, a, b, uv0, uv1, tint, rounding, corners);
  else
    dl->AddImage(v.texture, a, b, uv0, uv1, tint);
  return TextureCache::State::Ready;
}

// Draws an image whole in [a, b]: centred across and at the top, or (centreAcross false) at the
// left and centred down, as a logo sits; returns the rectangle it took. `decodeBox` is the size
// to decode for when the box varies a little with the layout (a caption below or not).
std::pair<ImVec2, ImVec2> drawImageContain(ImDrawList* dl, TextureCache& cache, const ImageRef& img, ImVec2 a, ImVec2 b,
                                           std::uint32_t colour, bool centreAcross = true, ImVec2 decodeBox = ImVec2(0, 0),
                                           float zoom = 1, ImVec2 zoomCentre = ImVec2(0.5f, 0.5f)) {
  const float w = b.x - a.x, h = b.y - a.y;
  if (decodeBox.x <= 0) decodeBox = ImVec2(w, h);
  const TextureCache::View v =
      img.exists ? cache.get(img, {static_cast<int>(std::ceil(decodeBox.x)), static_cast<int>(std::ceil(decodeBox.y)), media::Fit::Contain})
                 : TextureCache::View{TextureCache::State::Failed};
  if (v.state != TextureCache::State::Ready) {
    if (centreAcross) drawPlaceholder(dl, a, b, colour, v.state == TextureCache::State::Failed, 0);
    return {a, centreAcross ? b : a};
  }
  const float scale = std::min(w / v.width, h / v.height);
  const float dw = v.width * scale, dh = v.height * scale;
  const ImVec2 p0(centreAcross ? std::round(a.x + (w - dw) / 2) : a.x, centreAcross ? a.y : std::round(a.y + (h - dh) / 2));
  const ImVec2 p1(p0.x + std::round(dw), p0.y + std::round(dh));
  // Pinched larger: the part of the picture around `zoomCentre`, 1/zoom of it each way.
  const float half = 0.5f / std::max(1.0f, zoom);
  dl->AddImage(v.texture, p0, p1, ImVec2(zoomCentre.x - half, zoomCentre.y - half), ImVec2(zoomCentre.x + half, zoomCentre.y + half));
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
  ImGui::SetCursorScreenPos(a);
  const bool released = ImGui::InvisibleButton(name.c_str(), ImVec2(std::max(1.0f, b.x - a.x), std::max(1.0f, b.y - a.y)));
  if (held) *held = ImGui::IsItemActive() && !movedTooFarForATap();
  const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin(), c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
  const ImVec2 v0(std::max(a.x, c0.x), std::max(a.y, c0.y)), v1(std::min(b.x, c1.x), std::min(b.y, c1.y));
  const bool whole = v0.x <= a.x && v0.y <= a.y && v1.x >= b.x && v1.y >= b.y;
  if (v1.x - v0.x >= 1 && v1.y - v0.y >= 1) targets.add(name, {v0.x, v0.y, v1.x - v0.x, v1.y - v0.y}, whole);
  return released && !movedTooFarForATap();
}

// A horizontal swipe that started in [a, b] and ended this frame: -1 to the left (the next
// thing), +1 to the right (the previous), 0 for anything else. It must go a fifth of the
// short side across, and twice as far across as down, so scrolling the text is never a swipe.
int swipeIn(const Screens::Ctx& c, ImVec2 a, ImVec2 b) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.MouseReleased[0] || c.modal) return 0;
  const ImVec2 from = io.MouseClickedPos[0];
  if (from.x < a.x || from.x >= b.x || from.y < a.y || from.y >= b.y) return 0;
  const float dx = io.MousePos.x - from.x, dy = io.MousePos.y - from.y;
  if (std::abs(dx) < c.u(0.2f) || std::abs(dx) < 2 * std::abs(dy)) return 0;
  return dx < 0 ? -1 : 1;
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
  const float x = std::min(b.x + c.u(0.012f), c.W - c.u(0.008f));
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
  if (icon != Icon::None) drawIcon(c.dl, icon, ImVec2(a.x + pad + iconSize / 2, a.y + height / 2), iconSize, ink);
  putText(c, font, size, ImVec2(a.x + pad + iconSize + gap, std::round(a.y + (height - size) / 2 - size * 0.06f)), ink,
          label);
  return tapped;
}

//-----------------------------------------------------------------------------
// [SECTION] Screens::draw
//-----------------------------------------------------------------------------

namespace {
// A window over the whole screen, above the screen's own: ImGui gives a touch to the topmost
// window under it, so nothing beneath is pressed. Returns its draw list; End() it after.
ImDrawList* beginOverlay(const char* name, const Frame& frame) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height));
  ImGui::Begin(name, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoScrollWithMouse);
  return ImGui::GetWindowDrawList();
}
} // namespace

void Screens::draw(Frame& frame) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("##kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoScrollWithMouse);
  frame.targets.clear();
  m_dt = m_lastNow >= 0 ? static_cast<float>(std::clamp(frame.now - m_lastNow, 0.0, 0.1)) : 0;
  m_pinch = frame.touches ? frame.touches->takeStep() : TouchGestures::Step{};
  m_lastNow = frame.now;
  if (frame.nav.screenSince() != m_screenSince || frame.nav.screen() != m_screen) {
    m_screenSince = frame.nav.screenSince();
    m_screen = frame.nav.screen();
    m_scrolls.clear(); // every screen opens at its top
    m_heights.clear();
  }
  const Accessibility& a11y = frame.nav.accessibility();
  g_palette = a11y.highContrast ? &highContrastPalette() : &standardPalette();
  if (frame.nav.screen() == Screen::Attract) { // the next visitor finds nothing of the last
    m_a11yOpen = false;
    m_imageFor.clear();
    m_image = 0;
    m_zoom = 1;
    m_zoomX = m_zoomY = 0.5f;
  }
  Ctx c{frame, ImGui::GetWindowDrawList(), frame.height, frame.width, frame.nav.language(),
        frame.nav.content().settings.defaultLanguage};
  const PixelShift shift = burnInShift(frame.now, burnInRadius(frame.width, frame.height));
  c.sx = static_cast<float>(shift.x);
  c.sy = static_cast<float>(shift.y);
  // Bars grow to keep their buttons 9 mm tall on a small or dense display.
  c.minTarget = frame.pxPerMm > 0 ? std::ceil(9.0f * frame.pxPerMm) : 0.0f;
  c.topBarH = std::max(c.u(Theme::kTopBar), c.target(0.060f) + c.u(0.025f));
  c.bottomBarH = std::max(c.u(Theme::kBottomBar), c.target(Theme::kButtonHeight) + c.u(0.033f));
  if (a11y.lowReach) {
    // Low reach: nothing to touch above about 60% of the screen's height. The top bar sits just
    // above the bottom bar and the screens lay out below `reach`; above it, the name of the
    // place, to be read, not touched.
    c.barY = c.H - c.bottomBarH - c.topBarH;
    c.top = std::round(c.H * (c.portrait() ? 0.45f : 0.38f));
    c.bottom = c.barY;
  } else {
    c.barY = 0;
    c.top = c.topBarH;
    c.bottom = c.H - c.bottomBarH;
  }
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), toImColor(c.background()));
  // While the kiosk asks "are you still there?", or the display choices are open, the screen
  // beneath takes no touches: the touch that answers must not also press a button under it.
  const Seconds countdown = frame.nav.countdownLeft(frame.now);
  const bool adminOpen = frame.admin && frame.admin->mode != AdminModel::Mode::Closed;
  const bool modal = countdown > 0 || m_a11yOpen || adminOpen;
  m_qrShown = false;
  // A drag or pinch under a question or panel moves nothing beneath it, and a press begun
  // under one stays a press on it until the finger lifts.
  if (modal || (ImGui::GetIO().MouseDown[0] && m_pressUnderModal)) c.modal = true;
  if (ImGui::GetIO().MouseClicked[0]) m_pressUnderModal = modal;
  m_modal = c.modal;
  if (c.modal) m_pinch = {};
  switch (frame.nav.screen()) {
  case Screen::Attract: drawAttract(c); break;
  case Screen::Home: drawHome(c); break;
  case Screen::Section: drawSection(c); break;
  case Screen::Item: drawItem(c); break;
  }
  // A new screen comes in with a short fade (180 ms) between the bars. It takes touches from its
  // first frame, so a quick visitor is never made to wait for it.
  const double since = frame.now - frame.nav.screenSince();
  if (frame.nav.screen() != Screen::Attract && since >= 0 && since < kTransitionSeconds) {
    const float t = static_cast<float>(since / kTransitionSeconds);
    c.dl->AddRectFilled(ImVec2(0, c.top), ImVec2(c.W, c.bottom), toImColor(c.background(), 1.0f - t * t * (3 - 2 * t)));
  }
  if (frame.nav.screen() != Screen::Attract) {
    if (a11y.lowReach) drawReachBanner(c);
    drawTopBar(c);
    drawBottomBar(c);
  }
  ImGui::End();
  // A question or a panel goes in a window of its own above the screen: ImGui gives a touch to
  // the topmost window under it, so nothing beneath is pressed (a disabled item beneath would
  // still take the hover from the panel's switches).
  if (adminOpen) {
    // Staff only: the admin view covers everything, in a window of its own (its own scroll areas).
    c.dl = beginOverlay("##admin", frame);
    c.modal = false; // its own scroll areas take drags
    const bool wasModal = std::exchange(m_modal, false);
    switch (frame.admin->mode) {
    case AdminModel::Mode::Pin: drawPinPad(c, *frame.admin); break;
    case AdminModel::Mode::Panel: drawAdminPanel(c, *frame.admin); break;
    case AdminModel::Mode::TestPattern: drawTestPattern(c, *frame.admin); break;
    case AdminModel::Mode::Closed: break;
    }
    m_modal = wasModal;
    ImGui::End();
  } else if (modal) {
    c.dl = beginOverlay("##modal", frame);
    if (countdown > 0) drawStillThere(c, countdown);
    else drawAccessibilityPanel(c);
    ImGui::End();
  }
  ImGui::PopStyleVar(2);
}

//-----------------------------------------------------------------------------
// [SECTION] Attract loop
//-----------------------------------------------------------------------------

void Screens::drawAttract(Ctx& c) {
  const auto images = c.f.nav.content().attractImages(c.f.nav.today());
  const AttractFrame a = c.f.nav.attract(c.f.now);
  const std::uint32_t base = pal().card;
  // Each slide drifts: it zooms from 1.0 to 1.08 over its showing and pans one of four ways
  // (by its place in the loop), continuing through the crossfade. Pictures are decoded 8%
  // larger than the screen, so the zoom never enlarges them.
  constexpr float kZoom = 0.08f, kDecode = 1.08f;
  auto motion = [&](size_t index, double progress) {
    static const ImVec2 kWays[4] = {{-1, -0.6f}, {1, 0.6f}, {0.8f, -1}, {-0.8f, 1}};
    const ImVec2 way = kWays[index % 4];
    const float p = static_cast<float>(progress);
    return Motion{1 + kZoom * p, ImVec2(way.x * (2 * p - 1), way.y * (2 * p - 1))};
  };
  const float dt = m_lastAttractNow >= 0 ? static_cast<float>(std::clamp(c.f.now - m_lastAttractNow, 0.0, 0.1)) : 0;
  m_lastAttractNow = c.f.now;
  if (!images.empty()) {
    drawImageCover(c.dl, c.f.textures, *images[a.current], ImVec2(0, 0), ImVec2(c.W, c.H), base, 1, 0,
                   ImDrawFlags_RoundCornersAll, motion(a.current, a.currentProgress), kDecode);
    if (a.mix > 0) {
      // Never a fade into a gap: while the next picture is still decoding, the loop holds (at
      // most 5 s: a disk that slow must not stop the loop; a picture that cannot be decoded at
      // all fades in as its placeholder at once).
      const auto state = drawImageCover(c.dl, c.f.textures, *images[a.next], ImVec2(0, 0), ImVec2(c.W, c.H), base, a.mix, 0,
                                        ImDrawFlags_RoundCornersAll, motion(a.next, a.nextProgress), kDecode);
      if (state == TextureCache::State::Ready || state == TextureCache::State::Failed || m_heldFor > 5) m_heldFor = 0;
      else {
        m_heldFor += dt;
        c.f.nav.holdAttract(dt);
        drawImageCover(c.dl, c.f.textures, *images[a.current], ImVec2(0, 0), ImVec2(c.W, c.H), base, 1, 0,
                       ImDrawFlags_RoundCornersAll, motion(a.current, a.currentProgress), kDecode);
      }
    }
    // Ask for the next two slides now, so they are decoded long before they are needed.
    for (size_t k = 0; k <= 2; ++k)
      c.f.textures.prefetch(*images[(a.next + k) % images.size()],
                            {static_cast<int>(std::ceil(c.W * kDecode)), static_cast<int>(std::ceil(c.H * kDecode)), media::Fit::Cover});
  }
  // The venue's logo, top left, over a soft shade so it reads on any picture.
  if (c.f.nav.content().settings.hasLogo) {
    const float lh = c.u(0.1f), m = c.u(Theme::kMargin * 2);
    c.dl->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(c.W, lh + 2 * m), IM_COL32(5, 10, 20, 150), IM_COL32(5, 10, 20, 150),
                                  IM_COL32(5, 10, 20, 0), IM_COL32(5, 10, 20, 0));
    drawImageContain(c.dl, c.f.textures, c.f.nav.content().settings.logo, ImVec2(m + c.sx, m + c.sy),
                     ImVec2(m + c.sx + lh * 4, m + c.sy + lh), base, false);
  }
  // A dark gradient at the bottom keeps white text readable on any photo.
  c.dl->AddRectFilledMultiColor(ImVec2(0, c.H * 0.45f), ImVec2(c.W, c.H), IM_COL32(5, 10, 20, 0), IM_COL32(5, 10, 20, 0),
                                IM_COL32(5, 10, 20, 225), IM_COL32(5, 10, 20, 225));
  const auto& settings = c.f.nav.content().settings;
  const float x = c.u(Theme::kMargin * 2) + c.sx;
  const float headline = c.size(TextRole::Headline);
  const float title = c.size(TextRole::Title);
  float y = c.H - c.u(0.40f) + c.sy;
  const std::string& name = c.text(settings.name);
  putText(c, c.font(TextRole::Headline), headline, ImVec2(x, y), toImColor(pal().text), name);
  y += std::round(headline * 1.25f);
  // The tagline and the prompt take each offered language in turn, one per slide, so every
  // visitor walking past sees an invitation in their language; the prompt breathes gently.
  const auto& langs = settings.languages;
  const std::string& promptLang = langs.empty() ? c.lang : langs[a.promptIndex % langs.size()];
  const std::string& tagline = settings.tagline.get(promptLang, c.fallback);
  if (!tagline.empty()) {
    FontRef tf = &promptLang;
    y = drawBlock(c, tf, title, tagline, ImVec2(x, y), c.W - 2 * (x - c.sx), toImColor(pal().textMuted), 2, 1.3f);
  }
  // Today's opening hours, in the same language, when kiosk.toml gives them.
  const std::string hours = openingToday(c.f.strings, promptLang, settings, c.f.nav.today());
  if (!hours.empty())
    drawBlock(c, &promptLang, c.size(TextRole::Body), hours, ImVec2(x, y + c.u(0.01f)), c.W - 2 * (x - c.sx),
              toImColor(pal().text, 0.85f), 1, 1.3f);
  const std::string& prompt = c.f.strings.get(promptLang, "touch_to_explore");
  FontRef pf = &promptLang;
  const float pulse = 0.78f + 0.22f * std::sin(static_cast<float>(c.f.now) * 2.6f);
  const float ph = c.u(0.085f);
  const float pw = textWidth(c, pf, title, prompt) + ph * 1.2f;
  const ImVec2 p0(x, c.H - c.u(0.16f) + c.sy);
  c.dl->AddRectFilled(p0, ImVec2(p0.x + pw, p0.y + ph), toImColor(c.accent(), pulse), ph / 2);
  putText(c, pf, title, ImVec2(p0.x + ph * 0.6f, std::round(p0.y + (ph - title) / 2 - title * 0.06f)),
                toImColor(pal().bar), prompt);
  // The whole screen is the target: any tap brings the visitor home, except in a corner while
  // the staff's hidden gesture is on (four corners tapped clockwise open the admin PIN pad).
  if (touchTarget(c.f.targets, "attract", ImVec2(0, 0), ImVec2(c.W, c.H))) {
    const ImVec2 p = ImGui::GetIO().MouseClickedPos[0];
    const float z = c.f.admin ? c.f.admin->cornerZone : 0;
    const bool corner = z > 0 && (p.x < z || p.x >= c.W - z) && (p.y < z || p.y >= c.H - z);
    if (!corner) c.f.nav.wake(c.f.now);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Home: one tile per section
//-----------------------------------------------------------------------------

void Screens::drawHome(Ctx& c) {
  // Sections with nothing to show today (only past or future events) are left out.
  std::vector<const Section*> sections;
  for (const auto& s : c.f.nav.content().sections)
    if (!Content::visibleItems(s, c.f.nav.today()).empty()) sections.push_back(&s);
  const float top = c.top, bottom = c.bottom;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  float y = top + m;
  const std::string& heading = c.ui(sections.empty() ? "no_content" : "choose_section");
  putText(c, c.font(TextRole::Title), title, ImVec2(m, y), toImColor(pal().text), heading);
  y += std::round(title * 1.5f);
  if (sections.empty()) return;

  const size_t n = sections.size();
  const size_t cols = c.portrait() ? (n <= 2 ? 1 : 2) : (n <= 4 ? std::min<size_t>(n, 2) : (n <= 9 ? 3 : 4));
  const size_t rows = (n + cols - 1) / cols;
  const float tileW = std::floor((c.W - 2 * m - gap * (cols - 1)) / cols);
  // Tiles share the height; past a finger-friendly minimum the grid scrolls instead.
  const float tileH = std::max(c.u(0.30f), std::floor((bottom - m - y - gap * (rows - 1)) / rows));
  const float gridH = rows * tileH + (rows - 1) * gap;
  // The whole band between the bars drags the grid, margins included; the grid shows in
  // [y, bottom - m], so that is the height that scrolls.
  const float scroll = dragScroll("home", ImVec2(0, top), ImVec2(c.W, bottom), gridH + (bottom - m - y) - (bottom - top));
  ImGui::PushClipRect(ImVec2(0, y - c.u(0.006f)), ImVec2(c.W, bottom), true);
  const float round = c.u(Theme::kRounding);
  for (size_t i = 0; i < n; ++i) {
    const Section& s = *sections[i];
    const ImVec2 a(m + (i % cols) * (tileW + gap), y - scroll + (i / cols) * (tileH + gap));
    if (a.y > bottom || a.y + tileH < y - m) continue; // off screen
    const ImVec2 b(a.x + tileW, a.y + tileH);
    bool held = false;
    const bool tapped = touchTarget(c.f.targets, "section:" + s.id, a, b, &held);
    if (s.hasCover)
      drawImageCover(c.dl, c.f.textures, s.cover, a, b, s.colour, 1.0f, round);
    else
      c.dl->AddRectFilled(a, b, toImColor(shade(s.colour, 0.6f)), round);
    // The section colour rises from the bottom of the tile behind its title: a soft edge, then
    // a nearly solid band, so the title reads on any picture.
    const float band = tileH * 0.42f, edge = tileH * 0.22f;
    c.dl->AddRectFilledMultiColor(ImVec2(a.x, b.y - band - edge), ImVec2(b.x, b.y - band), toImColor(s.colour, 0.0f),
                                  toImColor(s.colour, 0.0f), toImColor(s.colour, 0.85f), toImColor(s.colour, 0.85f));
    c.dl->AddRectFilled(ImVec2(a.x, b.y - band), b, toImColor(s.colour, 0.85f), round, ImDrawFlags_RoundCornersBottom);
    c.dl->AddRectFilled(ImVec2(a.x, b.y - c.u(0.008f)), b, toImColor(shade(s.colour, 1.25f)), round,
                        ImDrawFlags_RoundCornersBottom);
    const float pad = c.u(0.022f);
    const std::string& sub = c.text(s.subtitle);
    float ty = b.y - pad - std::round(body * 1.35f) - std::round(title * 1.2f);
    if (sub.empty()) ty += std::round(body * 1.35f);
    const std::string& t = c.text(s.title);
    drawBlock(c, c.font(TextRole::Title), title, t, ImVec2(a.x + pad, ty), tileW - 2 * pad, toImColor(pal().text), 1, 1.2f);
    if (!sub.empty())
      drawBlock(c, c.font(TextRole::Body), body, sub, ImVec2(a.x + pad, ty + std::round(title * 1.2f)), tileW - 2 * pad, toImColor(pal().text, 0.88f), 1, 1.35f);
    if (held) c.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 40), round);
    if (tapped) c.f.nav.openSection(s.id, c.f.now);
  }
  ImGui::PopClipRect();
  drawScrollHints(c, ImVec2(m, y), ImVec2(c.W - m, bottom - m), gridH, scroll);
}

//-----------------------------------------------------------------------------
// [SECTION] Section: a header in the section's colour, then one card per item
//-----------------------------------------------------------------------------

// The item screen's media column: the width the pictures take (the left column, or the whole
// width on a portrait screen) and where that column ends.
struct MediaColumn {
  float width, bottom;
};
MediaColumn itemMediaColumn(const Screens::Ctx& c) {
  const float m = c.u(Theme::kMargin);
  if (c.portrait()) return {c.W - 2 * m, std::floor(c.top + (c.bottom - c.top) * 0.46f)};
  return {std::floor(c.W * 0.54f), c.bottom};
}

// The largest box an item's picture takes on the item screen: pictures are decoded for it
// whether or not a caption or thumbnails take a little of it, so one decode serves, and the
// section screen can prefetch exactly what the item screen will draw.
media::DisplaySize heroDecodeBox(const Screens::Ctx& c) {
  const float m = c.u(Theme::kMargin);
  const MediaColumn col = itemMediaColumn(c);
  return {static_cast<int>(col.width), static_cast<int>(col.bottom - m - (c.top + m)), media::Fit::Contain};
}

void Screens::drawSection(Ctx& c) {
  const Section* s = c.f.nav.section();
  if (!s) return;
  const float top = c.top, bottom = c.bottom;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  // In low reach the banner above already names the section: the cards take the room.
  const bool banner = c.f.nav.accessibility().lowReach;
  const float headerH = banner ? 0.0f : c.u(0.17f);
  if (!banner) {
    c.dl->AddRectFilled(ImVec2(0, top), ImVec2(c.W, top + headerH), toImColor(s->colour));
    c.dl->AddRectFilledMultiColor(ImVec2(c.W * 0.5f, top), ImVec2(c.W, top + headerH), toImColor(s->colour, 0.0f),
                                  IM_COL32(0, 0, 0, 70), IM_COL32(0, 0, 0, 70), toImColor(s->colour, 0.0f));
    const std::string& t = c.text(s->title);
    const std::string& sub = c.text(s->subtitle);
    const float textTop = top + std::round((headerH - title * 1.25f - (sub.empty() ? 0 : body * 1.4f)) / 2);
    putText(c, c.font(TextRole::Title), title, ImVec2(m, textTop), toImColor(pal().text), t);
    if (!sub.empty())
      drawBlock(c, c.font(TextRole::Body), body, sub, ImVec2(m, textTop + std::round(title * 1.25f)), c.W - 2 * m, toImColor(pal().text, 0.9f), 1, 1.35f);
  }
  const auto items = Content::visibleItems(*s, c.f.nav.today());
  if (items.empty()) return;
  const size_t n = items.size();
  const size_t cols = c.portrait() ? (n <= 3 ? 1 : 2) : std::min<size_t>(n, 3);
  const size_t rows = (n + cols - 1) / cols;
  const float y0 = top + headerH + m;
  const float cardW = std::floor((c.W - 2 * m - gap * (cols - 1)) / cols);
  const float cardH = std::max(c.u(0.26f), std::floor((bottom - m - y0 - gap * (rows - 1)) / rows));
  const float gridH = rows * cardH + (rows - 1) * gap;
  const float scroll =
      dragScroll("section", ImVec2(0, top + headerH), ImVec2(c.W, bottom), gridH + (bottom - m - y0) - (bottom - top - headerH));
  ImGui::PushClipRect(ImVec2(0, top + headerH), ImVec2(c.W, bottom), true);
  const float round = c.u(Theme::kRounding);
  const float pad = c.u(0.022f);
  for (size_t i = 0; i < n; ++i) {
    const Item& item = *items[i];
    const ImVec2 a(m + (i % cols) * (cardW + gap), y0 - scroll + (i / cols) * (cardH + gap));
    if (a.y > bottom || a.y + cardH < top + headerH) continue; // off screen
    const ImVec2 b(a.x + cardW, a.y + cardH);
    // The visitor will likely open one of the cards in view: its picture is decoded ahead.
    if (!item.images.empty() && item.images.front().exists) c.f.textures.prefetch(item.images.front(), heroDecodeBox(c));
    bool held = false;
    const bool tapped = touchTarget(c.f.targets, "item:" + item.id, a, b, &held);
    c.dl->AddRectFilled(a, b, toImColor(pal().card), round);
    const float imageH = std::floor(std::min(cardH * 0.56f, cardW * 9 / 16));
    if (!item.images.empty())
      drawImageCover(c.dl, c.f.textures, item.images.front(), a, ImVec2(b.x, a.y + imageH), s->colour, 1.0f, round,
                     ImDrawFlags_RoundCornersTop);
    else
      c.dl->AddRectFilled(a, ImVec2(b.x, a.y + imageH), toImColor(shade(s->colour, 0.7f)), round, ImDrawFlags_RoundCornersTop);
    c.dl->AddRectFilled(ImVec2(a.x, a.y + imageH - c.u(0.006f)), ImVec2(b.x, a.y + imageH), toImColor(s->colour));
    float ty = a.y + imageH + pad;
    const float innerW = cardW - 2 * pad;
    const std::string& it = c.text(item.title);
    // Two lines of title where the card has room for them (and the padding under them), else one.
    const auto titleRoom = static_cast<size_t>(std::max(1.0f, (b.y - pad - ty) / std::round(title * 1.2f)));
    ty = drawBlock(c, c.font(TextRole::Title), title, it, ImVec2(a.x + pad, ty), innerW, toImColor(pal().text), std::min<size_t>(2, titleRoom), 1.2f);
    ty += std::round(body * 0.3f);
    // An event's days, or how many pictures there are, in the visitor's language (ICU formats).
    std::string note = eventDates(c.f.strings, c.lang, item);
    if (note.empty() && item.images.size() > 1)
      note = c.f.strings.format(c.lang, "photos", UiStrings::Args::number("count", static_cast<double>(item.images.size())));
    if (!note.empty()) {
      putText(c, c.font(TextRole::Body), body, ImVec2(a.x + pad, ty), toImColor(c.accent()), note);
      ty += std::round(body * 1.45f);
    }
    const std::string& summary = c.text(item.summary);
    const float lineH = std::round(body * 1.45f);
    const auto room = static_cast<size_t>(std::max(0.0f, (b.y - pad - ty) / lineH));
    if (!summary.empty() && room > 0)
      drawBlock(c, c.font(TextRole::Body), body, summary, ImVec2(a.x + pad, ty), innerW, toImColor(pal().textMuted), room, 1.45f);
    if (held) c.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 30), round);
    if (tapped) c.f.nav.openItem(item.id, c.f.now);
  }
  ImGui::PopClipRect();
  drawScrollHints(c, ImVec2(m, y0), ImVec2(c.W - m, bottom - m), gridH, scroll);
}

//-----------------------------------------------------------------------------
// [SECTION] Item: the image (and its siblings) on the left, the text on the right
//-----------------------------------------------------------------------------

void Screens::drawItem(Ctx& c) {
  const Section* s = c.f.nav.section();
  const Item* item = c.f.nav.item();
  if (!s || !item) return;
  const std::string key = s->id + "/" + item->id;
  if (m_imageFor != key) {
    m_imageFor = key;
    m_image = 0;
    m_zoom = 1;
  }
  const float top = c.top, bottom = c.bottom;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body), caption = c.size(TextRole::Caption);

  // The pictures take the left column (landscape) or the upper part (portrait): the selected
  // image, its caption, and thumbnails when there are several.
  const size_t count = item->images.size();
  const bool stacked = c.portrait();
  const MediaColumn column = itemMediaColumn(c);
  const float leftW = column.width, mediaBottom = column.bottom;
  float imgBottom = mediaBottom - m;
  if (count > 1) imgBottom -= c.u(0.11f) + gap;
  float mediaEnd = top; // where the pictures and their caption end, for the stacked layout
  if (count > 0) {
    m_image = std::min(m_image, count - 1);
    const ImageRef& img = item->images[m_image];
    const std::string& cap = c.text(img.caption);
    const float capH = cap.empty() ? 0 : std::round(caption * 1.4f * 2) + gap / 2;
    const ImVec2 a(m, top + m), b(m + leftW, imgBottom - capH);
    const media::DisplaySize hero = heroDecodeBox(c);
    const auto [p0, p1] = drawImageContain(c.dl, c.f.textures, img, a, b, s->colour, true, ImVec2(hero.width, hero.height), m_zoom,
                                           ImVec2(m_zoomX, m_zoomY));
    // Two fingers on the picture pinch it larger (up to 4x) around the point between them, and
    // move it; the point under the fingers stays under them.
    if (m_pinch.active && m_pinch.x >= p0.x && m_pinch.x < p1.x && m_pinch.y >= p0.y && m_pinch.y < p1.y && p1.x > p0.x &&
        p1.y > p0.y) {
      const float rw = p1.x - p0.x, rh = p1.y - p0.y;
      const float fx = (m_pinch.x - (p0.x + p1.x) / 2) / rw, fy = (m_pinch.y - (p0.y + p1.y) / 2) / rh;
      const float u = m_zoomX + fx / m_zoom, v = m_zoomY + fy / m_zoom; // the picture's point under the fingers
      m_zoom = std::clamp(m_zoom * m_pinch.scale, 1.0f, 4.0f);
      m_zoomX = u - fx / m_zoom - m_pinch.dx / (rw * m_zoom);
      m_zoomY = v - fy / m_zoom - m_pinch.dy / (rh * m_zoom);
    }
    const float half = 0.5f / m_zoom;
    m_zoomX = std::clamp(m_zoomX, half, 1 - half);
    m_zoomY = std::clamp(m_zoomY, half, 1 - half);
    // Swiping the picture turns to the next or previous one; past either end, to the next or
    // previous item of the section. Not while it is pinched larger, nor the drag of a pinch.
    const bool pinching = m_zoom > 1.001f || (c.f.touches && c.f.touches->pinchedSinceFirstDown());
    if (const int swipe = pinching ? 0 : swipeIn(c, a, b); swipe != 0) {
      if (swipe < 0 && m_image + 1 < count) ++m_image;
      else if (swipe > 0 && m_image > 0) --m_image;
      else m_swipeItem = swipe;
    }
    for (const ImageRef& other : item->images) // the thumbnails the visitor may tap next
      if (other.exists) c.f.textures.prefetch(other, hero);
    // The caption sits right under the picture, aligned with its left edge.
    if (!cap.empty())
      drawBlock(c, c.font(TextRole::Caption), caption, cap, ImVec2(p0.x, p1.y + gap / 2), p1.x - p0.x, toImColor(pal().textMuted), 2, 1.4f);
    mediaEnd = p1.y + (cap.empty() ? 0 : capH);
    if (count > 1) {
      const float th = c.u(0.11f), tw = std::round(th * 16 / 9);
      const float ty = stacked ? mediaEnd + gap / 2 : mediaBottom - m - th;
      mediaEnd = ty + th;
      for (size_t i = 0; i < count; ++i) {
        const ImVec2 ta(m + i * (tw + gap / 2), ty), tb(ta.x + tw, ta.y + th);
        if (tb.x > m + leftW) break;
        if (touchTarget(c.f.targets, "image:" + std::to_string(i + 1), ta, tb) && m_image != i) {
          m_image = i;
          m_zoom = 1; // another picture opens whole
        }
        drawImageCover(c.dl, c.f.textures, item->images[i], ta, tb, s->colour);
        if (i == m_image) c.dl->AddRect(ta, tb, toImColor(c.accent()), 0, 0, c.u(0.004f));
      }
    }
  }

  // The text column: title, summary, body; dragged vertically when longer than the column.
  const float x = (count > 0 && !stacked ? m + leftW + gap * 2 : m);
  const float colW = c.W - m - x;
  const float textTop = (count > 0 && stacked ? mediaEnd : top) + m;
  float textBottom = bottom - m;
  // An item with a link ends its column with a QR code, so visitors take the page home.
  if (!item->link.empty()) {
    auto [it, fresh] = m_qr.try_emplace(item->link);
    if (fresh) it->second = encodeQr(item->link);
    // The code gives way to the text: at least four lines of it stay above the card.
    const float room = textBottom - textTop - c.size(TextRole::Body) * 1.6f * 4 - gap;
    if (it->second.size > 0 && room > 0) {
      const float top = drawQrCard(c, it->second, item->link, ImVec2(x, textBottom), colW, room);
      m_qrShown = top < textBottom; // drawn (a card too small to scan is left out)
      if (top < textBottom) textBottom = top - gap;
    }
  }
  const ImVec2 ca(x, textTop), cb(x + colW, textBottom);
  if (!stacked)
    c.dl->AddRectFilled(ImVec2(x - gap, textTop), ImVec2(x - gap + c.u(0.004f), textTop + title * 1.2f),
                        toImColor(s->colour));
  touchTarget(c.f.targets, "text", ca, cb);
  if (const int swipe = swipeIn(c, ca, cb); swipe != 0) m_swipeItem = swipe; // the next or previous item
  // The text's height is known once it is laid out: scroll by last frame's height.
  float& textHeight = m_heights[key];
  const float scroll = dragScroll("text:" + key, ca, cb, textHeight);
  // A little headroom above the column: Thai tone marks and Vietnamese accents rise above the
  // em box of the first line, and must not be cut off.
  ImGui::PushClipRect(ImVec2(ca.x - c.u(0.01f), ca.y - c.u(0.02f)), ImVec2(cb.x + c.u(0.01f), cb.y), true);
  float y = ca.y - scroll;
  const std::string& t = c.text(item->title);
  y = drawBlock(c, c.font(TextRole::Title), title, t, ImVec2(x, y), colW, toImColor(pal().text), SIZE_MAX, 1.25f);
  y += std::round(body * 0.5f);
  if (const std::string dates = eventDates(c.f.strings, c.lang, *item); !dates.empty()) {
    putText(c, c.font(TextRole::Body), body, ImVec2(x, y), toImColor(pal().text), dates);
    y += std::round(body * 1.6f);
  }
  const std::string& summary = c.text(item->summary);
  if (!summary.empty())
    y = drawBlock(c, c.font(TextRole::Body), body, summary, ImVec2(x, y), colW, toImColor(c.accent()), SIZE_MAX, 1.55f) +
        std::round(body * 0.8f);
  // The body: paragraphs, headings, lists, with bold drawn brighter and doubled a pixel apart
  // (ImGui draws one weight; the text engine of the next issue brings real bold faces).
  if (const RichText* rich = item->richBody(c.lang, c.fallback)) {
    const ImU32 ink = toImColor(pal().text, 0.9f), strongInk = toImColor(pal().text);
    for (const RichBlock& block : *rich) {
      const bool heading = block.kind == RichBlock::Kind::Heading;
      const bool listItem = block.kind == RichBlock::Kind::Bullet || block.kind == RichBlock::Kind::Numbered;
      FontRef font = c.font(heading && block.level <= 2 ? TextRole::Title : TextRole::Body);
      const float size = heading && block.level <= 2 ? title * 0.8f : body;
      const float leading = heading ? 1.3f : 1.6f;
      const float indent = listItem ? std::round(body * 1.4f * static_cast<float>(block.level)) : 0.0f;
      if (heading) y += std::round(body * 0.4f);
      if (listItem) {
        const std::string marker = block.kind == RichBlock::Kind::Bullet ? "\u2022" : std::to_string(block.number) + ".";
        const float mw = textWidth(c, font, size, marker);
        putText(c, font, size, ImVec2(x + indent - mw - body * 0.5f, std::round(y + (size * leading - size) / 2)),
                toImColor(c.accent()), marker);
      }
      const float width = colW - indent;
      text::TextStyle style;
      style.pixelSize = size;
      style.lineSpacing = leading;
      const auto& laid = c.f.painter.layout(block.text, c.lang, style, width);
      // Bold spans are drawn brighter and doubled a pixel apart (one weight until bold faces).
      std::vector<TextPainter::Span> bold;
      for (const auto& span : block.strong) bold.push_back({span.begin, span.end});
      c.f.painter.draw(c.dl, laid, c.lang, x + indent, y, heading ? strongInk : ink, &bold, strongInk);
      y += laid.height;
      y += std::round(body * (listItem ? 0.2f : 0.7f));
    }
  }
  ImGui::PopClipRect();
  textHeight = y + scroll - ca.y;
  drawScrollHints(c, ca, cb, textHeight, scroll);

  // A swipe asked for the next (or previous) item of the section: it opens now, at its top.
  if (const int swipe = std::exchange(m_swipeItem, 0); swipe != 0) {
    const auto items = Content::visibleItems(*s, c.f.nav.today());
    const auto at = std::find(items.begin(), items.end(), item);
    const long next = static_cast<long>(at - items.begin()) - swipe;
    if (at != items.end() && next >= 0 && next < static_cast<long>(items.size())) c.f.nav.openItem(items[static_cast<size_t>(next)]->id, c.f.now);
  }
}

// Low reach: above the reachable part, the venue and where the visitor is, to read (nothing
// up here is touched).
void Screens::drawReachBanner(Ctx& c) {
  const float m = c.u(Theme::kMargin);
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.top - c.u(0.01f)), toImColor(pal().bar));
  // The venue on the home screen, the section below it (an item's own title heads its text).
  std::string place = c.text(c.f.nav.content().settings.name);
  if (const Section* s = c.f.nav.section(); s && c.f.nav.screen() != Screen::Home) place = c.text(s->title);
  const float size = c.size(TextRole::Headline) * 0.7f;
  text::TextStyle style;
  style.pixelSize = std::round(size);
  style.lineSpacing = 1.2f;
  style.maxLines = 2;
  const auto& l = c.f.painter.layout(place, c.lang, style, c.W - 2 * m);
  c.f.painter.draw(c.dl, l, c.lang, m, std::round((c.top - l.height) / 2), toImColor(pal().text));
}

// The display choices: three switches, each with its name, a knob that moves (a shape, not
// just a colour) and "on"/"off" written out. They last until the visitor leaves.
void Screens::drawAccessibilityPanel(Ctx& c) {
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float body = c.size(TextRole::Body);
  const float rowH = std::max(c.target(0.085f), std::round(body * 2.2f));
  const float w = std::min(c.W - 2 * m, std::max(c.u(0.75f), body * 18));
  const float h = rowH * 3 + gap * 4;
  const float bottom = (c.f.nav.accessibility().lowReach ? c.barY : c.H - c.bottomBarH) - gap;
  const ImVec2 a(c.W - m - w, bottom - h), b(c.W - m, bottom);
  // A touch outside the panel closes it (and does nothing else).
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), IM_COL32(0, 0, 0, 110));
  c.dl->AddRectFilled(a, b, toImColor(pal().card), c.u(Theme::kRounding) * 2);
  if (pal().outlines) c.dl->AddRect(a, b, toImColor(pal().text, 0.8f), c.u(Theme::kRounding) * 2, 0, 2.0f);
  Accessibility choice = c.f.nav.accessibility();
  struct Row {
    const char* name;
    const char* label;
    bool* value;
  };
  const Row rows[] = {{"a11y:large-text", "large_text", &choice.largeText},
                      {"a11y:high-contrast", "high_contrast", &choice.highContrast},
                      {"a11y:low-reach", "low_reach", &choice.lowReach}};
  bool changed = false;
  float y = a.y + gap;
  for (const Row& r : rows) {
    const ImVec2 ra(a.x + gap, y), rb(b.x - gap, y + rowH);
    bool held = false;
    if (touchTarget(c.f.targets, r.name, ra, rb, &held)) {
      *r.value = !*r.value;
      changed = true;
    }
    c.dl->AddRectFilled(ra, rb, toImColor(held ? pal().buttonPressed : pal().button), rowH / 2);
    if (pal().outlines) c.dl->AddRect(ra, rb, toImColor(pal().text, 0.8f), rowH / 2, 0, 1.5f);
    const float trackW = std::round(rowH * 1.2f), trackH = std::round(rowH * 0.5f);
    const ImVec2 ta(rb.x - gap - trackW, std::round(y + (rowH - trackH) / 2)), tb(ta.x + trackW, ta.y + trackH);
    const std::string& state = c.ui(*r.value ? "on" : "off");
    const float stateW = textWidth(c, c.font(TextRole::Body), body, state);
    putText(c, c.font(TextRole::Body), body, ImVec2(ta.x - gap / 2 - stateW, std::round(y + (rowH - body) / 2 - body * 0.06f)),
            toImColor(*r.value ? pal().text : pal().textMuted), state);
    c.dl->AddRectFilled(ta, tb, toImColor(*r.value ? c.accent() : pal().bar), trackH / 2);
    c.dl->AddRect(ta, tb, toImColor(pal().textMuted), trackH / 2, 0, 1.5f);
    const float knob = trackH / 2 - 3;
    c.dl->AddCircleFilled(ImVec2(*r.value ? tb.x - trackH / 2 : ta.x + trackH / 2, ta.y + trackH / 2), knob, toImColor(pal().text));
    drawBlock(c, c.font(TextRole::Body), body, c.ui(r.label), ImVec2(ra.x + rowH * 0.4f, std::round(y + (rowH - body * 1.3f) / 2)),
              ta.x - gap - stateW - (ra.x + rowH * 0.4f), toImColor(pal().text), 1, 1.3f);
    y += rowH + gap;
  }
  if (changed) c.f.nav.setAccessibility(choice, c.f.now);
  // Everywhere else closes the panel: submitted after the rows, so the rows keep their touches.
  if (touchTarget(c.f.targets, "a11y:close", ImVec2(0, 0), ImVec2(c.W, c.H)) && !changed) m_a11yOpen = false;
}

// "Are you still there?": the screen dimmed, a card with the question, what to do, and a ring
// that empties with the seconds left (the number is written too: nothing by colour or shape
// alone). Any touch answers it.
void Screens::drawStillThere(Ctx& c, Seconds left) {
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), IM_COL32(5, 10, 20, 200));
  touchTarget(c.f.targets, "still-there", ImVec2(0, 0), ImVec2(c.W, c.H));
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  const float pad = c.u(0.05f), ring = c.u(0.085f), gap = c.u(0.012f);
  const float w = std::min(c.W - 2 * c.u(Theme::kMargin), c.u(1.1f));
  const float tw = w - 3 * pad - 2 * ring;
  // The three texts are laid out first (cached: drawing them costs nothing more), so the card
  // fits them and the ring and the text stand centred beside each other.
  const std::string starting = c.f.strings.format(c.lang, "starting_over", UiStrings::Args::number("seconds", std::ceil(left)));
  auto layout = [&](const std::string& text, float size, float leading) -> const text::TextLayout& {
    text::TextStyle style;
    style.pixelSize = size;
    style.lineSpacing = leading;
    style.maxLines = 3;
    return c.f.painter.layout(text, c.lang, style, tw);
  };
  const auto& question = layout(c.ui("still_there"), title, 1.25f);
  const auto& hint = layout(c.ui("still_there_hint"), body, 1.45f);
  const auto& when = layout(starting, body, 1.45f);
  const float textH = question.height + gap + hint.height + gap / 2 + when.height;
  const float h = std::max(2 * ring, textH) + 2 * pad;
  const ImVec2 a(std::round((c.W - w) / 2), std::round((c.H - h) / 2)), b(a.x + w, a.y + h);
  c.dl->AddRectFilled(a, b, toImColor(pal().card), c.u(Theme::kRounding) * 2);
  const ImVec2 centre(a.x + pad + ring, a.y + h / 2);
  const double total = std::max(1.0, c.f.nav.content().settings.idleCountdownSeconds);
  const float fraction = static_cast<float>(std::clamp(left / total, 0.0, 1.0));
  const float thick = c.u(0.014f);
  c.dl->AddCircle(centre, ring, toImColor(pal().text, 0.15f), 64, thick);
  constexpr float kTop = -1.5707964f, kTurn = 6.2831855f;
  c.dl->PathArcTo(centre, ring, kTop, kTop + kTurn * fraction, 64);
  c.dl->PathStroke(toImColor(c.accent()), 0, thick);
  const float numberSize = std::round(title * 1.4f);
  const std::string number = std::to_string(static_cast<int>(std::ceil(left)));
  const float nw = textWidth(c, c.font(TextRole::Title), numberSize, number);
  putText(c, c.font(TextRole::Title), numberSize, ImVec2(std::round(centre.x - nw / 2), std::round(centre.y - numberSize * 0.62f)),
          toImColor(pal().text), number);
  const float tx = centre.x + ring + pad;
  float y = std::round(a.y + (h - textH) / 2);
  c.f.painter.draw(c.dl, question, c.lang, tx, y, toImColor(pal().text));
  y += question.height + gap;
  c.f.painter.draw(c.dl, hint, c.lang, tx, y, toImColor(c.accent()));
  y += hint.height + gap / 2;
  c.f.painter.draw(c.dl, when, c.lang, tx, y, toImColor(pal().textMuted));
}

// A QR code on a white card (with the quiet zone the standard asks for), its caption and the
// link written out beside it, bottom-aligned at `bottomLeft`; returns the card's top.
float Screens::drawQrCard(Ctx& c, const QrCode& qr, const std::string& link, ImVec2 bottomLeft, float width, float maxSide) {
  const int modules = qr.size + 2 * kQrQuietZone;
  // Whole pixels per module keep every edge crisp: about a fifth of the short side, never more
  // than the room, and at least 2 (a phone reads that from arm's length); else no card.
  const float modulePx = std::floor(std::min(c.u(0.19f), maxSide) / static_cast<float>(modules));
  if (modulePx < 2) return bottomLeft.y;
  const float side = modulePx * static_cast<float>(modules);
  const ImVec2 a(std::round(bottomLeft.x), std::round(bottomLeft.y - side));
  c.dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), IM_COL32(255, 255, 255, 255), c.u(0.008f));
  const ImU32 ink = IM_COL32(0, 0, 0, 255);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size;) { // one rectangle per run of dark modules
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < qr.size && qr.at(end, y)) ++end;
      const float px = a.x + (static_cast<float>(x + kQrQuietZone)) * modulePx, py = a.y + static_cast<float>(y + kQrQuietZone) * modulePx;
      c.dl->AddRectFilled(ImVec2(px, py), ImVec2(px + static_cast<float>(end - x) * modulePx, py + modulePx), ink);
      x = end;
    }
  touchTarget(c.f.targets, "qr", a, ImVec2(a.x + side, a.y + side));
  const float body = c.size(TextRole::Body), caption = c.size(TextRole::Caption);
  const float tx = a.x + side + c.u(Theme::kGap);
  const float tw = std::max(0.0f, bottomLeft.x + width - tx);
  float ty = a.y + std::round((side - body * 1.4f * 2 - caption * 1.4f * 2) / 2);
  ty = drawBlock(c, c.font(TextRole::Body), body, c.ui("qr_caption"), ImVec2(tx, ty), tw, toImColor(pal().text), 2, 1.4f);
  // The address itself, for a visitor without a phone camera (nothing carried by the code alone).
  drawBlock(c, c.font(TextRole::Caption), caption, link, ImVec2(tx, ty + std::round(caption * 0.3f)), tw, toImColor(pal().textMuted), 2, 1.4f);
  return a.y;
}

//-----------------------------------------------------------------------------
// [SECTION] Bars
//-----------------------------------------------------------------------------

void Screens::drawTopBar(Ctx& c) {
  const float h = c.topBarH, m = c.u(Theme::kMargin);
  c.dl->AddRectFilled(ImVec2(0, c.barY), ImVec2(c.W, c.barY + h), toImColor(pal().bar));
  const float y0 = c.barY + c.sy; // the bar stays; what is on it orbits (burn-in)
  const float title = c.size(TextRole::Title);
  const std::string& name = c.text(c.f.nav.content().settings.name);
  const float nameW = textWidth(c, c.font(TextRole::Title), title, name);

  // Language buttons, right-aligned, each labelled in its own language and font. Eight languages
  // fit beside the name on a landscape screen; on a narrow one the name gives way, then the
  // labels get smaller, so every language stays one touch away.
  const auto& langs = c.f.nav.content().settings.languages;
  const float gap = c.u(0.010f);
  TextRole role = TextRole::Body;
  float pad = 0, total = 0;
  auto measure = [&](TextRole r, float padding) {
    float sum = 0;
    for (const auto& l : langs)
      sum += textWidth(c, &l, c.size(r), text::nativeLanguageName(l)) + padding * 2 + gap;
    return sum;
  };
  const float bh = c.target(0.060f);
  bool showName = true;
  const auto& settings = c.f.nav.content().settings;
  // The logo takes its own width (at most three times its height) once its picture is known.
  float logoW = 0;
  if (settings.hasLogo) {
    const auto v = c.f.textures.get(settings.logo, {static_cast<int>(std::round(bh * 3)), static_cast<int>(bh), media::Fit::Contain});
    const float w = v.state == TextureCache::State::Ready && v.height > 0 ? bh * static_cast<float>(v.width) / static_cast<float>(v.height)
                                                                          : bh * 3;
    logoW = std::min(std::round(bh * 3), std::round(w)) + c.u(0.015f);
  }
  if (langs.size() >= 2) {
    // Keep the name if smaller labels make room for it; give it up only when they do not.
    const float withName = c.W - 2 * m - logoW - nameW - c.u(0.03f), without = c.W - 2 * m - logoW;
    const std::pair<TextRole, float> tries[] = {{TextRole::Body, 0.42f}, {TextRole::Caption, 0.30f}, {TextRole::Caption, 0.20f}};
    bool placed = false;
    for (float room : {withName, without}) {
      for (const auto& [r, padding] : tries) {
        role = r;
        pad = std::round(bh * padding);
        total = measure(role, pad);
        if (total <= room) {
          showName = room == withName;
          placed = true;
          break;
        }
      }
      if (placed) break;
    }
    if (!placed) showName = false;
  }
  float nameX = m + c.sx;
  if (settings.hasLogo) {
    // The venue's logo before the name, as tall as the buttons, never wider than three times that.
    const float lh = bh, lw = std::round(bh * 3);
    const auto [p0, p1] = drawImageContain(c.dl, c.f.textures, settings.logo, ImVec2(nameX, y0 + (h - lh) / 2),
                                           ImVec2(nameX + lw, y0 + (h + lh) / 2), pal().bar, false);
    nameX = p1.x + c.u(0.015f);
  }
  if (showName)
    putText(c, c.font(TextRole::Title), title, ImVec2(nameX, std::round(y0 + (h - title) / 2 - title * 0.05f)),
            toImColor(pal().text), name);
  if (langs.size() < 2) return;
  float x = std::max(m, c.W - m - total + gap) + c.sx;
  for (const auto& l : langs) {
    float w = 0;
    if (pillButton(c, "lang:" + l, ImVec2(x, std::round(y0 + (h - bh) / 2)), bh, Icon::None, text::nativeLanguageName(l),
                   &l, c.size(role), l == c.lang, &w, pad)) {
      c.f.nav.setLanguage(l, c.f.now);
    }
    x += w + gap;
  }
}

void Screens::drawBottomBar(Ctx& c) {
  const float h = c.bottomBarH, m = c.u(Theme::kMargin);
  const float y = c.H - h;
  c.dl->AddRectFilled(ImVec2(0, y), ImVec2(c.W, c.H), toImColor(pal().bar));
  const float bh = c.target(Theme::kButtonHeight), label = c.size(TextRole::Body);
  const float by = std::round(y + (h - bh) / 2) + c.sy;
  float w = 0;
  if (pillButton(c, "back", ImVec2(m + c.sx, by), bh, Icon::Back, c.ui("back"), c.font(TextRole::Body), label, false, &w))
    c.f.nav.back(c.f.now);
  float homeW = 0;
  if (pillButton(c, "home", ImVec2(m + c.sx + w + c.u(0.015f), by), bh, Icon::Home, c.ui("home"), c.font(TextRole::Body), label,
                 false, &homeW))
    c.f.nav.home(c.f.now);
  // Where the visitor is, so a person walking up knows what they are looking at.
  std::string crumb;
  if (const Section* s = c.f.nav.section()) {
    crumb = c.text(s->title);
    if (const Item* i = c.f.nav.item(); i && c.f.nav.screen() == Screen::Item) crumb += "  /  " + c.text(i->title);
  }
  // Display choices (large text, high contrast, low reach), at the right, always in reach.
  const std::string& a11yLabel = c.ui("accessibility");
  float a11yW = 0;
  const float a11yX = c.W - m * 1.5f - (pillWidth(c, bh, Icon::Person, a11yLabel, c.font(TextRole::Body), label)) + c.sx;
  if (pillButton(c, "accessibility", ImVec2(a11yX, by), bh, Icon::Person, a11yLabel, c.font(TextRole::Body), label, m_a11yOpen, &a11yW))
    m_a11yOpen = !m_a11yOpen;
  const float cx = m + c.sx + w + homeW + c.u(0.015f) + c.u(0.03f);
  if (!crumb.empty() && c.f.nav.screen() != Screen::Home) {
    FontRef f = c.font(TextRole::Body);
    const float bs = c.size(TextRole::Body);
    drawBlock(c, f, bs, crumb, ImVec2(cx, std::round(y + (h - bs * 1.3f) / 2) + c.sy), std::max(0.0f, a11yX - cx - m), toImColor(pal().textMuted),
              1, 1.3f);
  }
  if (c.f.contentHasErrors) {
    // A small dot only staff look for: the content folder has errors (F2 shows them).
    const float r = c.u(0.007f);
    c.dl->AddCircleFilled(ImVec2(c.W - m * 0.6f, c.H - m * 0.6f), r, toImColor(pal().error));
  }
}

} // namespace kiosk::ui
