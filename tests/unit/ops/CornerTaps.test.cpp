#include "ops/CornerTaps.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

// A landscape 1920x1080 screen: corner zones of 8% of 1080 = 86.4 px.
constexpr float W = 1920, H = 1080;

struct Point {
  float x, y;
};
constexpr Point kTopLeft{20, 20}, kTopRight{W - 20, 20}, kBottomRight{W - 20, H - 20}, kBottomLeft{20, H - 20};
constexpr Point kMiddle{W / 2, H / 2};

} // namespace

TEST_CASE("[CornerTaps] the zone is 8% of the short side, at least 10 mm, at most half the screen") {
  CHECK(CornerTaps::zoneFor(1920, 1080) == doctest::Approx(86.4));
  CHECK(CornerTaps::zoneFor(1080, 1920) == doctest::Approx(86.4)); // portrait: the same short side
  // 1280x800: 8% is 64 px. At 6 px/mm (a 10-inch panel) that is more than 10 mm and stays;
  // at 8 px/mm (an 8-inch one) it is 8 mm, less than a fingertip, so the zone grows to 10 mm.
  CHECK(CornerTaps::zoneFor(1280, 800, 6.0f) == doctest::Approx(64));
  CHECK(CornerTaps::zoneFor(1280, 800, 8.0f) == doctest::Approx(80));
  CHECK(CornerTaps::zoneFor(100, 100, 50.0f) == doctest::Approx(50));
}

TEST_CASE("[CornerTaps] four corners clockwise from the top left within 4 s complete the gesture") {
  CornerTaps g(CornerTaps::zoneFor(W, H));
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 10.0));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 11.0));
  CHECK_FALSE(g.tap(kBottomRight.x, kBottomRight.y, W, H, 12.0));
  CHECK(g.tap(kBottomLeft.x, kBottomLeft.y, W, H, 13.9));
  // It starts over: one more corner is not a second completion.
  CHECK(g.matched() == 0);
  CHECK_FALSE(g.tap(kBottomLeft.x, kBottomLeft.y, W, H, 14.0));
}

TEST_CASE("[CornerTaps] the very edges and the zone's inner limit") {
  CornerTaps g(80);
  CHECK(g.cornerAt(0, 0, W, H) == CornerTaps::Corner::TopLeft);
  CHECK(g.cornerAt(W, H, W, H) == CornerTaps::Corner::BottomRight);
  CHECK(g.cornerAt(79.9f, 79.9f, W, H) == CornerTaps::Corner::TopLeft);
  CHECK(g.cornerAt(80, 10, W, H) == CornerTaps::Corner::None);  // along the top bar, not in the corner
  CHECK(g.cornerAt(10, 80, W, H) == CornerTaps::Corner::None);
  CHECK(g.cornerAt(-1, 10, W, H) == CornerTaps::Corner::None);  // off the screen (a window's border)
  CHECK(g.cornerAt(W - 10, 10, W, H) == CornerTaps::Corner::TopRight);
  CHECK(g.cornerAt(10, H - 10, W, H) == CornerTaps::Corner::BottomLeft);
}

TEST_CASE("[CornerTaps] the wrong order completes nothing") {
  CornerTaps g(CornerTaps::zoneFor(W, H));
  // Anticlockwise from the top left.
  for (const Point& p : {kTopLeft, kBottomLeft, kBottomRight, kTopRight})
    CHECK_FALSE(g.tap(p.x, p.y, W, H, 1.0));
  // Clockwise, but from another corner: the gesture has one starting corner.
  for (const Point& p : {kTopRight, kBottomRight, kBottomLeft, kTopLeft})
    CHECK_FALSE(g.tap(p.x, p.y, W, H, 2.0));
}

TEST_CASE("[CornerTaps] more than 4 s from first to last corner is too slow") {
  CornerTaps g(CornerTaps::zoneFor(W, H));
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 0.0));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 1.5));
  CHECK_FALSE(g.tap(kBottomRight.x, kBottomRight.y, W, H, 3.0));
  CHECK_FALSE(g.tap(kBottomLeft.x, kBottomLeft.y, W, H, 4.1));
  // Even one slow step between quick ones counts: the limit is on the whole sequence.
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 10.0));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 14.5));
  CHECK(g.matched() == 0);
}

TEST_CASE("[CornerTaps] a tap elsewhere in between breaks the sequence") {
  CornerTaps g(CornerTaps::zoneFor(W, H));
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 0.0));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 0.5));
  CHECK_FALSE(g.tap(kMiddle.x, kMiddle.y, W, H, 1.0)); // a visitor's tap on a tile
  CHECK_FALSE(g.tap(kBottomRight.x, kBottomRight.y, W, H, 1.5));
  CHECK_FALSE(g.tap(kBottomLeft.x, kBottomLeft.y, W, H, 2.0));
  CHECK(g.matched() == 0);
}

TEST_CASE("[CornerTaps] a corner tapped twice breaks the sequence, except the first, which begins it again") {
  CornerTaps g(CornerTaps::zoneFor(W, H));
  // Top right twice: the second is out of order.
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 0.0));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 0.3));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 0.6));
  CHECK_FALSE(g.tap(kBottomRight.x, kBottomRight.y, W, H, 0.9));
  CHECK_FALSE(g.tap(kBottomLeft.x, kBottomLeft.y, W, H, 1.2));
  // Top left twice (as on the attract loop, where the first tap also wakes the kiosk): the
  // sequence begins at the second, and its 4 s count from there.
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 10.0));
  CHECK_FALSE(g.tap(kTopLeft.x, kTopLeft.y, W, H, 13.0));
  CHECK_FALSE(g.tap(kTopRight.x, kTopRight.y, W, H, 14.0));
  CHECK_FALSE(g.tap(kBottomRight.x, kBottomRight.y, W, H, 15.0));
  CHECK(g.tap(kBottomLeft.x, kBottomLeft.y, W, H, 16.0));
}

TEST_CASE("[CornerTaps] a portrait screen has its corners where it is held") {
  const float w = 1080, h = 1920;
  CornerTaps g(CornerTaps::zoneFor(w, h));
  // The landscape screen's bottom-right point is outside a portrait screen: no corner at all.
  CHECK(g.cornerAt(W - 20, H - 20, w, h) == CornerTaps::Corner::None);
  CHECK_FALSE(g.tap(20, 20, w, h, 0.0));
  CHECK_FALSE(g.tap(w - 20, 20, w, h, 0.5));
  CHECK_FALSE(g.tap(w - 20, h - 20, w, h, 1.0));
  CHECK(g.tap(20, h - 20, w, h, 1.5));
  // Halfway down the long side is no corner, although it is within 86 px of an edge.
  CHECK(g.cornerAt(w - 20, h / 2, w, h) == CornerTaps::Corner::None);
}

TEST_CASE("[CornerTaps] a visitor's busy minute of taps everywhere does not open it") {
  // Taps walking over a grid of the screen, corners included, three a second: a child
  // drumming on the glass. Only the exact sequence opens, and it is not in this walk.
  CornerTaps g(CornerTaps::zoneFor(W, H));
  Seconds now = 0;
  int opened = 0;
  for (int round = 0; round < 3; ++round)
    for (float y = 10; y < H; y += 150)
      for (float x = 10; x < W; x += 190) {
        opened += g.tap(x, y, W, H, now);
        now += 0.33;
      }
  CHECK(opened == 0);
}
