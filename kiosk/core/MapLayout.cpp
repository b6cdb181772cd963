#include "core/MapLayout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

std::vector<MapSpot> spreadMarkers(const std::vector<MapSpot>& points, float diameter, float spacing, const LayoutBox& bounds) {
  const float r = diameter / 2;
  const float x0 = bounds.x + r, x1 = std::max(x0, bounds.right() - r);
  const float y0 = bounds.y + r, y1 = std::max(y0, bounds.bottom() - r);
  std::vector<MapSpot> at;
  at.reserve(points.size());
  for (const MapSpot& p : points) at.push_back({std::clamp(p.x, x0, x1), std::clamp(p.y, y0, y1)});
  const float want = diameter + spacing;
  // A marker's touch area is a square: two are apart when they are `want` apart across or
  // down. Pairs that are too close push each other apart along the way that needs the smaller
  // move, half of it each; a few rounds settle a cluster.
  for (int round = 0; round < 200; ++round) { // a 40-point pile settles in well under that
    bool moved = false;
    for (size_t i = 0; i < at.size(); ++i)
      for (size_t j = i + 1; j < at.size(); ++j) {
        const float dx = at[j].x - at[i].x, dy = at[j].y - at[i].y;
        const float shortX = want - std::abs(dx), shortY = want - std::abs(dy);
        if (shortX <= 0.01f || shortY <= 0.01f) continue;
        // Points at the same place take turns across and down, so a pile becomes a block, not a row.
        const bool same = std::abs(dx) < 0.5f && std::abs(dy) < 0.5f;
        const bool across = same ? (i + j) % 2 == 1 : shortX < shortY;
        auto pushAlong = [&](bool x, float shortfall, float d) {
          const float push = shortfall / 2 + 0.05f;
          const float sign = d < 0 ? -1.0f : 1.0f; // the same place: the later one right or down
          float& a = x ? at[i].x : at[i].y;
          float& b = x ? at[j].x : at[j].y;
          a = std::clamp(a - sign * push, x ? x0 : y0, x ? x1 : y1);
          b = std::clamp(b + sign * push, x ? x0 : y0, x ? x1 : y1);
          return std::abs(b - a) >= want - 0.5f; // false: an edge held them
        };
        // Held by the map's edge one way, they part the other way.
        if (!pushAlong(across, across ? shortX : shortY, across ? dx : dy)) {
          const float other = want - std::abs(across ? at[j].y - at[i].y : at[j].x - at[i].x);
          if (other > 0) pushAlong(!across, other, across ? dy : dx);
        }
        moved = true;
      }
    if (!moved) break;
  }
  // Whole pixels, rounded away from each other's side would take more care than a pixel of
  // spacing: the caller's spacing absorbs the rounding.
  for (MapSpot& p : at) p = {std::round(p.x), std::round(p.y)};
  return at;
}

LayoutBox placeBubble(MapSpot marker, float radius, float tail, float width, float height, float left, float right, float minTop,
                      float maxBottom, bool preferBelow, const std::vector<LayoutBox>& others) {
  const float above = marker.y - radius - tail - height, below = marker.y + radius + tail;
  const bool fitsAbove = above >= minTop, fitsBelow = below + height <= maxBottom;
  const float xMax = std::max(left, right - width);
  struct Candidate {
    LayoutBox box;
    int rank; // lower is better when coverage ties
  };
  std::vector<Candidate> candidates;
  auto side = [&](float top, int rank) {
    top = std::clamp(top, minTop, std::max(minTop, maxBottom - height));
    // Centred on the marker, then reaching right or left from it, so the tail stays on the marker.
    const float xs[] = {marker.x - width / 2, marker.x - radius * 1.5f, marker.x + radius * 1.5f - width};
    for (int k = 0; k < 3; ++k) candidates.push_back({{std::round(std::clamp(xs[k], left, xMax)), std::round(top), width, height}, rank * 3 + k});
  };
  const bool firstBelow = preferBelow ? (fitsBelow || !fitsAbove) : (!fitsAbove && fitsBelow);
  if (firstBelow) {
    side(below, 0);
    if (fitsAbove) side(above, 1);
  } else {
    side(above, 0);
    if (fitsBelow) side(below, 1);
  }
  auto covered = [&](const LayoutBox& b) {
    int n = 0;
    for (const LayoutBox& o : others)
      n += std::min(b.right(), o.right()) > std::max(b.x, o.x) && std::min(b.bottom(), o.bottom()) > std::max(b.y, o.y);
    return n;
  };
  const Candidate* best = nullptr;
  int bestCover = 0;
  for (const Candidate& c : candidates) {
    const int n = covered(c.box);
    if (!best || n < bestCover || (n == bestCover && c.rank < best->rank)) {
      best = &c;
      bestCover = n;
    }
  }
  return best->box;
}

} // namespace kiosk
