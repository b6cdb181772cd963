// The screen switch: one full-window ImGui window, the screen of the moment drawn into it, the
// bars over it, and a question, panel or the admin view in a window of their own above.
// Each screen is drawn by its own file: AttractScreen, HomeScreen, SectionScreen, ItemScreen,
// IdleQuestion, AccessibilityPanel, Bars.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include "ui/BurnIn.h"

#include "text/Bidi.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

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

Mounting Screens::mounting(const KioskSettings* settings, float width, float height, float pxPerMm) {
  Mounting m;
  const bool portrait = height > width;
  if (settings && settings->displayHeightMm > 0) m.screenHeightMm = static_cast<float>(settings->displayHeightMm);
  else if (pxPerMm > 0) m.screenHeightMm = height / pxPerMm;
  else m.screenHeightMm = portrait ? 1218.0f : 685.0f; // as tall as a 55-inch 16:9 picture
  // Usual heights: a landscape screen on a stand with its bottom at 800 mm, a portrait totem at
  // 450 mm; the reach range then starts about 40% down either screen.
  if (settings && settings->displayBottomMm >= 0) m.bottomAboveFloorMm = static_cast<float>(settings->displayBottomMm);
  else m.bottomAboveFloorMm = portrait ? 450.0f : 800.0f;
  return m;
}

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
  frame.targets.setWindow(frame.width, frame.height);
  m_need = {}; // the display's rate, unless the screen says otherwise
  m_dt = m_lastNow >= 0 ? static_cast<float>(std::clamp(frame.now - m_lastNow, 0.0, 0.1)) : 0;
  m_pinch = frame.touches ? frame.touches->takeStep() : TouchGestures::Step{};
  m_lastNow = frame.now;
  if (frame.nav.screenSince() != m_screenSince || frame.nav.screen() != m_screen) {
    m_screenSince = frame.nav.screenSince();
    m_screen = frame.nav.screen();
    m_scrolls.clear(); // every screen opens at its top
    m_heights.clear();
    closeGallery(); // a picture is enlarged within its item only
  }
  const Accessibility& a11y = frame.nav.accessibility();
  setPalette(a11y.highContrast ? highContrastPalette() : standardPalette());
  if (frame.nav.screen() == Screen::Attract) { // the next visitor finds nothing of the last
    m_a11yOpen = false;
    m_imageFor.clear();
    m_mapPoint.clear();
    m_image = 0;
    closeGallery();
  }
  Ctx c{frame, ImGui::GetWindowDrawList(), frame.height, frame.width, frame.nav.language(),
        frame.nav.content().settings.defaultLanguage};
  // A right-to-left visitor's screens mirror (see Ctx::x): decided by the language they chose.
  c.rtl = text::directionOfLanguage(c.lang) == text::BaseDirection::RightToLeft;
  const PixelShift shift = burnInShift(frame.now, burnInRadius(frame.width, frame.height));
  c.sx = static_cast<float>(shift.x);
  c.sy = static_cast<float>(shift.y);
  // Bars grow to keep their buttons 9 mm tall on a small or dense display.
  c.minTarget = frame.pxPerMm > 0 ? std::ceil(9.0f * frame.pxPerMm) : 0.0f;
  c.languageBar = layoutLanguageBar(c);
  c.topBarH = std::max(c.u(Theme::kTopBar), c.target(0.060f) * static_cast<float>(c.languageBar.rows) +
                                                c.u(0.008f) * static_cast<float>(c.languageBar.rows - 1) + c.u(0.025f));
  c.bottomBarH = std::max(c.u(Theme::kBottomBar), c.target(Theme::kButtonHeight) + c.u(0.033f));
  if (a11y.lowReach) {
    // Low reach: every control between 380 and 1220 mm above the floor (the ADA reach range),
    // from how the screen hangs. The top bar sits just above the bottom bar; a banner names the
    // place at the top; what is only read (headers, pictures, text) keeps the height above,
    // and grids of tiles and cards start where a hand reaches.
    c.barY = c.H - c.bottomBarH - c.topBarH;
    c.top = reachBannerHeight(c, std::round(c.topBarH * 0.9f));
    c.bottom = c.barY;
    const ReachBand band = reachBand(mounting(&frame.nav.content().settings, c.W, c.H, frame.givenPxPerMm), c.H);
    c.reachTop = std::clamp(band.top, c.top, c.bottom - c.u(0.25f));
  } else {
    c.barY = 0;
    c.top = c.topBarH;
    c.bottom = c.H - c.bottomBarH;
    c.reachTop = c.top;
  }
  // (The attract loop's picture covers the screen: it draws the background only where it must.)
  if (frame.nav.screen() != Screen::Attract)
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
  const bool gallery = m_galleryOpen && frame.nav.screen() == Screen::Item;
  switch (frame.nav.screen()) {
  case Screen::Attract: drawAttract(c); break;
  case Screen::Home: drawHome(c); break;
  case Screen::Section: drawSection(c); break;
  case Screen::Item:
    if (gallery) drawGallery(c);
    else drawItem(c);
    break;
  }
  // A new screen comes in with a short fade (180 ms) between the bars. It takes touches from its
  // first frame, so a quick visitor is never made to wait for it.
  const double since = frame.now - frame.nav.screenSince();
  if (frame.nav.screen() != Screen::Attract && !gallery && since >= 0 && since < kTransitionSeconds) {
    const float t = static_cast<float>(since / kTransitionSeconds);
    c.dl->AddRectFilled(ImVec2(0, c.top), ImVec2(c.W, c.bottom), toImColor(c.background(), 1.0f - t * t * (3 - 2 * t)));
  }
  if (frame.nav.screen() != Screen::Attract && !gallery) { // the gallery has its own bar
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
    c.rtl = false;   // staff's view keeps one layout, whoever was visiting
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

} // namespace kiosk::ui
