#include "ui/BurnIn.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <utility>

using namespace kiosk;

TEST_CASE("[BurnIn] static elements start in place and orbit within the radius") {
  CHECK(burnInShift(0, 4) == PixelShift{});
  CHECK(burnInShift(1000, 0) == PixelShift{});
  std::set<std::pair<int, int>> seen;
  PixelShift last = burnInShift(0, 4);
  Seconds lastMoveX = 0, lastMoveY = 0;
  double shortestStay = 1e9;
  // A week, second by second.
  for (Seconds t = 1; t <= 7 * 86400; t += 1) {
    const PixelShift s = burnInShift(t, 4);
    REQUIRE(std::abs(s.x) <= 4);
    REQUIRE(std::abs(s.y) <= 4);
    // Never a jump: one pixel at a time, one axis or both.
    REQUIRE(std::abs(s.x - last.x) <= 1);
    REQUIRE(std::abs(s.y - last.y) <= 1);
    if (s.x != last.x) {
      shortestStay = std::min(shortestStay, t - lastMoveX);
      lastMoveX = t;
    }
    if (s.y != last.y) {
      shortestStay = std::min(shortestStay, t - lastMoveY);
      lastMoveY = t;
    }
    last = s;
    seen.insert({s.x, s.y});
  }
  // Too slow to see: neither way moves again within 15 s of a step.
  CHECK(shortestStay >= 15);
  // Over a week, every position of the square (9 x 9 at radius 4) is used: wear is spread.
  CHECK(seen.size() == 81);
}

TEST_CASE("[BurnIn] the radius follows the screen's short side") {
  CHECK(burnInRadius(1920, 1080) == 4);
  CHECK(burnInRadius(1080, 1920) == 4);
  CHECK(burnInRadius(3840, 2160) == 9);
  CHECK(burnInRadius(640, 360) == 2);
}
