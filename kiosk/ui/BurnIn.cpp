#include "ui/BurnIn.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk {

PixelShift burnInShift(Seconds now, int radius) {
  if (radius <= 0 || !(now > 0)) return {};
  constexpr double kPeriodX = 37 * 60, kPeriodY = 53 * 60;
  const double r = radius;
  return {static_cast<int>(std::lround(r * std::sin(2 * std::numbers::pi * now / kPeriodX))),
          static_cast<int>(std::lround(r * std::sin(2 * std::numbers::pi * now / kPeriodY)))};
}

int burnInRadius(float width, float height) {
  return std::max(2, static_cast<int>(std::lround(std::min(width, height) * 0.004f)));
}

} // namespace kiosk
