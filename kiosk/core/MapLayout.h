#pragma once
// Where a hotspot map's markers and its bubble go: pure geometry, so a unit test can try any
// crowd of points and the screens only draw what it decides.
#include "core/LayoutRules.h"

#include <vector>

namespace kiosk {

struct MapSpot {
  float x = 0, y = 0;
};

// Markers of `diameter` pixels centred on `points` (pixels on screen), moved apart as little as
// they need so no two overlap (and `spacing` pixels between them), each kept whole inside
// `bounds`. A crowd that cannot be separated inside `bounds` is spread as far as it goes.
std::vector<MapSpot> spreadMarkers(const std::vector<MapSpot>& points, float diameter, float spacing, const LayoutBox& bounds);

// Where a bubble of `width` x `height` goes for the marker at `marker` (radius `radius`, the
// tail's length `tail`): above it or below it (`preferBelow` says which first), its left edge
// within [left, right - width], its top within [minTop, maxBottom - height]. Of the places that
// fit, the one covering the fewest `others` (the other markers, as boxes) wins; the preferred
// side and a bubble centred on its marker break ties.
LayoutBox placeBubble(MapSpot marker, float radius, float tail, float width, float height, float left, float right, float minTop,
                      float maxBottom, bool preferBelow, const std::vector<LayoutBox>& others);

} // namespace kiosk
