#include "ui/KineticScroll.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void KineticScroll::drag(float delta, float dt, float maxPos) {
  maxPos = std::max(0.0f, maxPos);
  // Past an end the content follows the finger reluctantly: the edge is felt, not hit.
  const bool past = (m_pos < 0 && delta < 0) || (m_pos > maxPos && delta > 0);
  m_pos += past ? delta * kEdgeResistance : delta;
  m_velocity = 0;
  if (dt > 0) {
    // The finger's speed, smoothed over the last few frames (a single frame's jitter is no flick).
    const float instant = std::clamp(delta / dt, -kMaxSpeed, kMaxSpeed);
    const float keep = std::exp(-dt / 0.05f);
    m_fingerVelocity = m_fingerVelocity * keep + instant * (1 - keep);
  }
}

void KineticScroll::release() {
  m_velocity = std::abs(m_fingerVelocity) < 60 ? 0 : m_fingerVelocity; // a slow lift is no flick
  m_fingerVelocity = 0;
}

void KineticScroll::step(float dt, float maxPos) {
  maxPos = std::max(0.0f, maxPos);
  if (!(dt > 0)) return;
  const float target = std::clamp(m_pos, 0.0f, maxPos);
  if (m_pos != target) {
    // Past an end: any glide is soaked up quickly, then a critically damped spring brings the
    // content back in about a quarter of a second.
    m_velocity *= std::exp(-dt / 0.03f);
    m_pos += m_velocity * dt;
    m_pos = target + (m_pos - target) * std::exp(-dt / 0.06f);
    if (std::abs(m_pos - target) < 0.5f) {
      m_pos = target;
      m_velocity = 0;
    }
    return;
  }
  if (m_velocity == 0) return;
  m_pos += m_velocity * dt;
  m_velocity *= std::exp(-dt / kGlideSeconds);
  if (std::abs(m_velocity) < 8) m_velocity = 0;
}

} // namespace kiosk::ui
