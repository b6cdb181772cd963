#pragma once
// The hidden gesture that asks for the staff PIN: the four corners of the screen tapped
// clockwise from the top left (top-left, top-right, bottom-right, bottom-left), each in a small
// zone in the very corner, all four within 4 s, with no other tap in between.
//
// Why this gesture: visitors rarely tap the very corners, almost never all four, and hardly
// ever in this order within seconds; a child slapping the screen breaks the sequence with taps
// in between. Even completed by chance it only shows the PIN keypad, with its lockout.
//
// Feed it every tap the screen sees, on every screen, including the tap that wakes the attract
// loop (so staff can start the gesture there) and taps on buttons (a button in a corner counts
// as that corner as well as doing its job). Feed taps, not the start of drags or scrolls.
// Pure: position and time come from the caller.
#include "core/Clock.h"

namespace kiosk {

class CornerTaps {
public:
  enum class Corner { None, TopLeft, TopRight, BottomRight, BottomLeft };

  // How big a corner zone is, in pixels: 8% of the screen's short side, and at least 10 mm when
  // the screen's pixels per millimetre are known (0: unknown), never more than half the short side.
  static float zoneFor(float width, float height, float pixelsPerMm = 0);

  // `zonePx`: the side of each square corner zone in pixels (zoneFor()); `window`: the seconds
  // from the first corner tap to the last.
  explicit CornerTaps(float zonePx, Seconds window = 4.0);

  // One tap at (x, y) on a screen of width x height pixels (origin top left) at time `now`.
  // True on the tap that completes the gesture; the sequence then starts over.
  bool tap(float x, float y, float width, float height, Seconds now);

  // Forget a sequence under way (the admin view opened, the content reloaded).
  void reset() { m_matched = 0; }
  // Corners matched so far (0-3), for tests; the kiosk shows no sign of a sequence under way.
  int matched() const { return m_matched; }
  // The side of each corner zone, in pixels.
  float zone() const { return m_zone; }

  // The corner zone holding (x, y), or None.
  Corner cornerAt(float x, float y, float width, float height) const;

private:
  float m_zone;
  Seconds m_window;
  int m_matched = 0;
  Seconds m_startedAt = 0;
};

} // namespace kiosk
