#include "ops/CornerTaps.h"

#include <algorithm>

namespace kiosk {
namespace {

constexpr CornerTaps::Corner kSequence[4] = {CornerTaps::Corner::TopLeft, CornerTaps::Corner::TopRight,
                                             CornerTaps::Corner::BottomRight, CornerTaps::Corner::BottomLeft};

} // namespace

float CornerTaps::zoneFor(float width, float height, float pixelsPerMm) {
  const float shortSide = std::min(width, height);
  float zone = 0.08f * shortSide;
  // On a small screen 8% may be smaller than a fingertip: 10 mm is about the pad of a finger.
  if (pixelsPerMm > 0) zone = std::max(zone, 10.0f * pixelsPerMm);
  return std::min(zone, shortSide / 2);
}

CornerTaps::CornerTaps(float zonePx, Seconds window) : m_zone(std::max(zonePx, 1.0f)), m_window(window) {}

CornerTaps::Corner CornerTaps::cornerAt(float x, float y, float width, float height) const {
  if (x < 0 || y < 0 || x > width || y > height) return Corner::None;
  // Zones never overlap, however small the screen: at most half of the short side each.
  const float zone = std::min(m_zone, std::min(width, height) / 2);
  const bool left = x < zone, right = x >= width - zone;
  const bool top = y < zone, bottom = y >= height - zone;
  if (top && left) return Corner::TopLeft;
  if (top && right) return Corner::TopRight;
  if (bottom && right) return Corner::BottomRight;
  if (bottom && left) return Corner::BottomLeft;
  return Corner::None;
}

bool CornerTaps::tap(float x, float y, float width, float height, Seconds now) {
  const Corner corner = cornerAt(x, y, width, height);
  if (m_matched > 0 && now - m_startedAt > m_window) m_matched = 0; // too slow: start over
  if (corner != kSequence[m_matched]) {
    // Any other tap breaks the sequence; a tap on the first corner begins a new one at once,
    // so staff who tapped it twice, or began again, need not wait.
    m_matched = 0;
    if (corner != kSequence[0]) return false;
  }
  if (m_matched == 0) m_startedAt = now;
  if (++m_matched < 4) return false;
  m_matched = 0;
  return true;
}

} // namespace kiosk
