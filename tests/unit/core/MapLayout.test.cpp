#include "core/MapLayout.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace kiosk;

namespace {
// Whether two square touch areas of `side` centred on a and b overlap.
bool overlap(MapSpot a, MapSpot b, float side) { return std::abs(a.x - b.x) < side && std::abs(a.y - b.y) < side; }
} // namespace

TEST_CASE("[MapLayout] markers far apart stay on their points, crowded ones move apart as little as they need") {
  const LayoutBox map{0, 0, 1000, 600};
  const auto apart = spreadMarkers({{100, 100}, {500, 300}, {900, 500}}, 60, 4, map);
  REQUIRE(apart.size() == 3);
  CHECK(apart[1].x == 500);
  CHECK(apart[1].y == 300);
  // Three points within a finger of each other (the palace, the station, the park).
  const std::vector<MapSpot> crowd = {{400, 300}, {380, 270}, {420, 290}};
  const auto spread = spreadMarkers(crowd, 60, 4, map);
  for (size_t i = 0; i < spread.size(); ++i)
    for (size_t j = i + 1; j < spread.size(); ++j) {
      CAPTURE(i);
      CAPTURE(j);
      CHECK_FALSE(overlap(spread[i], spread[j], 60));
    }
  for (size_t i = 0; i < spread.size(); ++i) CHECK(std::hypot(spread[i].x - crowd[i].x, spread[i].y - crowd[i].y) < 90);
  // Two points at the same place sit side by side; a marker at the edge stays whole inside.
  const auto same = spreadMarkers({{500, 300}, {500, 300}}, 60, 4, map);
  CHECK_FALSE(overlap(same[0], same[1], 60));
  const auto edge = spreadMarkers({{2, 598}, {20, 590}}, 60, 4, map);
  for (const MapSpot& p : edge) {
    CHECK(p.x >= 30);
    CHECK(p.y <= 570);
  }
  CHECK_FALSE(overlap(edge[0], edge[1], 60));
}

TEST_CASE("[MapLayout] the bubble goes where it covers the fewest other markers") {
  // A marker at (500, 400) with a neighbour above and to the right: the bubble stays above,
  // reaching left; with neighbours on both sides above, it goes below.
  const std::vector<LayoutBox> others = {{560, 220, 60, 60}};
  const LayoutBox b = placeBubble({500, 400}, 34, 18, 300, 120, 0, 1000, 0, 1000, false, others);
  CHECK(b.bottom() <= 400 - 34);                          // above its marker...
  CHECK(b.right() <= 560);                                // ...clear of the neighbour
  CHECK((b.x <= 500 && b.right() >= 500));                // and still over its own marker
  const LayoutBox both = placeBubble({500, 400}, 34, 18, 300, 120, 0, 1000, 0, 1000, false, {{560, 220, 60, 60}, {380, 220, 60, 60}});
  CHECK(both.y >= 400 + 34);
  // Nothing in the way: centred above; low reach prefers below.
  const LayoutBox free = placeBubble({500, 400}, 34, 18, 300, 120, 0, 1000, 0, 1000, false, {});
  CHECK(free.x == 350);
  CHECK(free.bottom() <= 400 - 34);
  const LayoutBox low = placeBubble({500, 400}, 34, 18, 300, 120, 0, 1000, 0, 1000, true, {});
  CHECK(low.y >= 400 + 34);
  // No room above: below, whatever it covers.
  const LayoutBox top = placeBubble({500, 60}, 34, 18, 300, 120, 0, 1000, 0, 1000, false, {{350, 120, 300, 60}});
  CHECK(top.y >= 60 + 34);
}

TEST_CASE("[MapLayout] a pile of 30 points at one place and 10 in the corners becomes a block of separate markers") {
  // 40 points (the most a map may have) on a map of 690 x 390 with 66 px markers: a row cannot
  // hold them, a block can.
  const LayoutBox map{36, 123, 690, 390};
  std::vector<MapSpot> points(30, MapSpot{400, 250});
  for (int i = 0; i < 10; ++i) points.push_back({i % 2 ? map.right() : map.x, i % 3 ? map.bottom() : map.y});
  const auto spread = spreadMarkers(points, 66, 7, map);
  int overlaps = 0;
  for (size_t i = 0; i < spread.size(); ++i) {
    CHECK(spread[i].x >= map.x + 33);
    CHECK(spread[i].y <= map.bottom() - 33);
    for (size_t j = i + 1; j < spread.size(); ++j) overlaps += overlap(spread[i], spread[j], 66);
  }
  CHECK(overlaps == 0);
}
