#pragma once
// The visitor's screens: attract loop, home (section tiles), a section (item cards), an item
// (images, title, text), with the top bar (kiosk name, languages) and the bottom bar (Back, Home).
// Drawn with ImGui's draw lists; every touch target is registered by name for input scripts.
#include "core/FramePacer.h"
#include "core/Navigator.h"
#include "core/UiStrings.h"
#include "ui/FontSet.h"
#include "ui/AdminView.h"
#include "ui/Films.h"
#include "ui/HitTargets.h"
#include "ui/TextPainter.h"
#include "ui/KineticScroll.h"
#include "ui/QrCode.h"
#include "ui/TextureCache.h"
#include "ui/TouchGestures.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include <functional>

namespace kiosk::ui {

// The language whose faces draw a text (the text engine picks faces per character from it).
using FontRef = const std::string*;

struct Frame {
  Navigator& nav;
  const FontSet& fonts;
  TextPainter& painter;
  TextureCache& textures;
  HitTargets& targets;
  const UiStrings& strings;
  Seconds now = 0;
  float width = 0;
  float height = 0;
  bool contentHasErrors = false; // shows the small staff indicator
  float pxPerMm = 0;             // the display's pixels per millimetre (0: unknown), for 9 mm targets
  TouchGestures* touches = nullptr; // every finger (multi-touch), when there is such input
  AdminModel* admin = nullptr;      // the staff admin view (PIN pad, panel, test pattern)
  float givenPxPerMm = 0;           // the display's size as the operator gave it (0: not given)
  Films* films = nullptr;           // films play where they stand; null: their posters are shown
  std::function<ImTextureID(ImU32)> veilRamp; // ImGuiGl::veilRamp, for veils (addVeil); empty without OpenGL
};

class Screens {
public:
  // How long a new screen takes to fade in (the limit is 250 ms).
  static constexpr double kTransitionSeconds = 0.18;
  // Draws the current screen into a full-window ImGui window and applies the visitor's taps to
  // the navigator. Call between ImGui::NewFrame() and ImGui::Render().
  void draw(Frame& frame);
  // The open item's QR code was on screen in the last frame drawn (for the visit analytics).
  bool qrShown() const { return m_qrShown; }
  // Scrolls the area named `area` (LayoutReport's ScrollArea::name) to `position` pixels from its
  // top in the next frame: keypad navigation bringing the focused target into view.
  void scrollTo(const std::string& area, float position) { m_scrolls[area].jumpTo(position); }
  // The open item's picture on show (0-based), for what keypad navigation says about it.
  size_t shownImage() const { return m_image; }
  // What the frame just drawn needs of the next (the frame loop's pacing): the display's rate,
  // except on the attract loop between crossfades, where a slow pan and zoom and a breathing
  // prompt are all that move.
  const FramePacer::Need& need() const { return m_need; }
  // Whether the attract loop is holding its crossfade for the next picture, still decoding.
  bool attractHeld() const { return m_heldFor > 0; }

  struct Ctx; // one frame's drawing state, private to Screens.cpp

private:
  void drawAttract(Ctx& c);
  void drawHome(Ctx& c);
  void drawSection(Ctx& c);
  void drawItem(Ctx& c);
  // The gallery (GalleryScreen.cpp): the open item's pictures on the whole screen.
  void drawGallery(Ctx& c);
  void openGallery(float zoom = 1);
  void closeGallery();
  // The item screen's cue in the bottom bar (ItemScreen.cpp): previous item, "3 / 6", next
  // item, ending at `right`; returns where it begins (`right` when the section has one item).
  float drawItemPager(Ctx& c, float right, float y, float height, float minLeft);
  void drawStillThere(Ctx& c, Seconds left);
  void drawReachBanner(Ctx& c);
  void drawAccessibilityPanel(Ctx& c);
  // The phone hand-off (PhoneCard.cpp): the QR code of the visitor's language's link, what the
  // phone will open and the address. Laid out first (its size decides the layout around it),
  // then drawn; `qr` is null when there is no link or no room for a code a phone reads.
  struct PhoneCard {
    const QrCode* qr = nullptr;
    std::string url, said;
    FontRef saidFont = nullptr;             // the language `said` is written in
    const text::TextLayout* what = nullptr; // `said`, fitted (valid for this frame)
    float modulePx = 0, side = 0, captionWidth = 0, textHeight = 0;
    size_t urlLines = 3;
    float width = 0, height = 0;
  };
  // `compact`: a caption of two lines at caption size and a one-line address, for a bar.
  PhoneCard layoutPhoneCard(Ctx& c, const PhoneLink& link, float maxSide, float captionWidth, bool compact = false);
  void drawPhoneCard(Ctx& c, const PhoneCard& card, ImVec2 topLeft);
  const QrCode* qrFor(const std::string& url);
  // The hotspot map of a map item (MapView.cpp): the picture whole in [a, b] with a numbered
  // marker per point and the selected point's bubble; returns the y below it and its caption.
  // The legend lists the points in the text column from `y` (its scroll `scroll`); returns the
  // y below it. `key` names the item; the selected point lasts the visit (m_mapPoint).
  float drawMapPicture(Ctx& c, const Item& item, const std::string& key, ImVec2 a, ImVec2 b);
  float drawMapLegend(Ctx& c, const Item& item, const std::string& key, float x, float y, float width, float scroll);
  void drawTopBar(Ctx& c);
  // The staff admin view (AdminView.cpp).
  void drawPinPad(Ctx& c, AdminModel& admin);
  void drawAdminPanel(Ctx& c, AdminModel& admin);
  void drawTestPattern(Ctx& c, AdminModel& admin);
  void drawBottomBar(Ctx& c);

  // Scroll offset of a dragged area [a, b] showing `contentHeight` pixels; a drag that starts
  // inside it moves it, even on a tile (a drag is never a tap).
  float dragScroll(const std::string& key, ImVec2 a, ImVec2 b, float contentHeight);
  void drawScrollHints(Ctx& c, ImVec2 a, ImVec2 b, float contentHeight, float scroll);
  // A part of the screen [a, b] showing `contentHeight` pixels that a drag scrolls: clips to it
  // and tells the layout rules what scrolls there. Returns the scroll; end it with endScrollView.
  float beginScrollView(Ctx& c, const std::string& key, ImVec2 a, ImVec2 b, float contentHeight);
  void endScrollView(Ctx& c, ImVec2 a, ImVec2 b, float contentHeight, float scroll);

public:
  // How the screen hangs (kiosk.toml [kiosk.display], else a 55-inch screen at a usual height,
  // or the size the display reports), for the reach band of low reach.
  static Mounting mounting(const KioskSettings* settings, float width, float height, float pxPerMm);

private:

  std::map<std::string, KineticScroll> m_scrolls; // per dragged area of the current screen
  float m_dt = 0;                 // seconds since the last frame (virtual in scripts)
  Seconds m_lastNow = -1;
  std::map<std::string, float> m_heights; // laid-out text height per item, from the last frame
  Seconds m_screenSince = -1;
  Screen m_screen = Screen::Attract;
  std::string m_imageFor; // item whose picture is selected
  size_t m_image = 0;     // selected picture of the open item
  bool m_a11yOpen = false; // the display choices panel is open
  Seconds m_lastAttractNow = -1; // the attract loop's last frame, for holding it
  FramePacer::Need m_need;
  int m_swipeItem = 0;            // -1: to the next item, +1: to the previous (a swipe this frame)
  float m_heldFor = 0;           // how long the attract loop has held for a picture
  std::uint64_t m_filmSlide = ~0ull; // the attract slide whose film is playing
  float m_filmFor = 0;               // and how long it has been on screen
  bool m_modal = false;          // this frame: a question or panel is up (or a press began under one)
  bool m_pressUnderModal = false;
  TouchGestures::Step m_pinch;   // this frame's two-finger change
  float m_zoom = 1;              // the open picture, pinched larger (1 to 4)...
  float m_zoomX = 0.5f, m_zoomY = 0.5f; // ...around this point of it (0-1 each way)
  bool m_galleryOpen = false;    // the open item's pictures fill the screen
  Seconds m_pictureTapAt = -1;   // the gallery picture's last tap, for a double tap
  ImVec2 m_pictureTapPos{0, 0};
  std::map<std::string, QrCode> m_qr; // encoded item links, by link
  bool m_qrShown = false;
  std::map<std::string, int> m_mapPoint; // the selected point's number per map item (0: none)
  Seconds m_patternTap = -1; // the test pattern's last tap (a double tap leaves it)
};

} // namespace kiosk::ui
