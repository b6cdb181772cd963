#pragma once
// The layout rules the kiosk checks on itself (input scripts: expect reachable, expect
// no-truncation, expect stable-bar): pure geometry over what the screens report having laid out
// in one frame, so a unit test can feed it any layout and the checks never trust the numbers the
// drawing code used to scroll.
#include <map>
#include <string>
#include <vector>

namespace kiosk {

struct LayoutBox {
  float x = 0, y = 0, w = 0, h = 0;
  float bottom() const { return y + h; }
  float right() const { return x + w; }
};

// A part of the screen that scrolls: what shows through it, how far the drawing code lets it
// scroll and where it is now (content moves up by `scroll` pixels).
struct ScrollArea {
  std::string name;
  LayoutBox view;
  float maxScroll = 0;
  float scroll = 0;
};

// A touch target as laid out this frame, whole (not clipped), and the scroll area it moves with.
struct PlacedTarget {
  std::string name;
  LayoutBox box;
  int area = -1; // index into LayoutReport::areas; -1: fixed on screen
  bool region = false; // a part of the layout the rules protect (the item pager), not a button
};

// A text the screens set: where it belongs, and whether it had to be cut.
struct PlacedText {
  std::string near;    // the touch target or part of the screen it belongs to
  std::string text;    // what the visitor should have read
  bool truncated = false;
  bool mayTruncate = false; // a preview the design clamps (the whole text is one tap away)
  int longestLine = 0;      // characters on its longest line, for the measure of running text
  std::string language;     // the language it was laid out in (its own, which may be a fallback's)
  int area = -1;            // the scroll area it moves with (index into LayoutReport::areas); -1: fixed
};

// A picture as drawn this frame (the item's, the gallery's), fixed on screen.
struct PlacedPicture {
  std::string name;
  LayoutBox box;
};

struct LayoutReport {
  float width = 0, height = 0;
  std::vector<ScrollArea> areas;
  std::vector<PlacedTarget> targets;
  std::vector<PlacedText> texts;
  std::vector<PlacedPicture> pictures;
  void clear() {
    areas.clear();
    targets.clear();
    texts.clear();
    pictures.clear();
  }
};

// The band of the screen a hand can reach (pixels from the top), or the whole height.
struct ReachBand {
  float top = 0, bottom = 0;
};

// One sentence per target that can never be brought entirely into view: outside the window,
// taller than its scroll area, or beyond where the area lets it scroll; and, with a reach band,
// every target that cannot be brought inside the band; and every two controls fixed on screen
// that partly cover each other.
std::vector<std::string> unreachableTargets(const LayoutReport& report, const ReachBand* reach = nullptr);
// One sentence per text cut where the design lets it wrap or shrink.
std::vector<std::string> truncatedTexts(const LayoutReport& report);
// One sentence per text whose longest line holds more than `characters` (a comfortable measure
// for reading is 45 to 90 characters). Only texts of more than one line count.
std::vector<std::string> overlongLines(const LayoutReport& report, int characters);
// One sentence when picture `name` is not drawn at least `minHeight` of the window's height tall
// with its top edge within the window's top `maxTop` (fractions): a tall photo shown as a strip,
// or low reach shrinking a picture or pushing it down under an empty band.
std::vector<std::string> smallPicture(const LayoutReport& report, const std::string& name, float minHeight, float maxTop);
// Whether a text containing `needle` was set this frame.
bool hasText(const LayoutReport& report, const std::string& needle);
// The languages `needle` was laid out in this frame (empty: it is not on screen).
std::vector<std::string> textLanguages(const LayoutReport& report, const std::string& needle);
// One sentence per target of `names` (for example "lang:*") that moved between two layouts by
// more than `tolerance` pixels, or is missing from one of them. A trailing '*' is a prefix.
std::vector<std::string> movedTargets(const LayoutReport& before, const LayoutReport& after, const std::string& names,
                                      float tolerance);
// The same layout seen in a mirror (every box flipped across the window's width): what a
// right-to-left visitor's screen must be where a left-to-right one's is `report` (issue 14), so
// stable-bar compares a switch of direction against it.
LayoutReport mirrored(const LayoutReport& report);

// Where low reach puts controls, from the screen's size and how high it hangs. ADA 2010 §308:
// an unobstructed forward reach between 15 in (380 mm) and 48 in (1220 mm) above the floor.
struct Mounting {
  float screenHeightMm = 0;   // the picture's height on the wall (0: unknown)
  float bottomAboveFloorMm = 0; // the bottom edge of the picture above the floor
};
constexpr float kReachLowMm = 380, kReachHighMm = 1220;
// Pixel rows [top, bottom] within reach on a screen `heightPx` tall; the whole screen when the
// mounting is unknown.
ReachBand reachBand(const Mounting& mounting, float heightPx);

} // namespace kiosk
