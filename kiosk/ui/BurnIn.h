#pragma once
// Burn-in protection for what stays put on screen for weeks: the venue's name, logo and prompt
// over the attract loop, and the buttons of the bars. They orbit slowly by a few whole pixels
// (whole, so text stays crisp), too slowly for anyone to see them move.
#include "core/Clock.h"

namespace kiosk {

struct PixelShift {
  int x = 0;
  int y = 0;
  bool operator==(const PixelShift&) const = default;
};

// Where static elements sit at `now`: within `radius` pixels each way of their place, starting
// there at 0. Two sines of 37 and 53 minutes: the path covers the whole square over a day and
// moves at most a pixel every minute and a half (radius 4).
PixelShift burnInShift(Seconds now, int radius);

// The radius for a screen: 0.4% of its short side (4 px at 1080p, 9 px at 4K), at least 2.
int burnInRadius(float width, float height);

} // namespace kiosk
