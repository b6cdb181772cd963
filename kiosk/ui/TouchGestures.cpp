#include "ui/TouchGestures.h"

#include <cmath>

namespace kiosk::ui {

void TouchGestures::apply(const platform::TouchEvent& e, double now) {
  using K = platform::TouchEvent::Kind;
  const size_t before = m_down.size();
  if (e.kind == K::Begin && m_down.empty()) m_pinched = false; // a new touch
  if (e.kind == K::End) {
    m_down.erase(e.id);
    m_seen.erase(e.id);
  } else {
    m_down[e.id] = {e.x, e.y};
    m_seen[e.id] = now;
  }
  if (m_down.size() != before) m_haveLast = false; // a finger came or went: no jump
  if (m_down.size() >= 2) m_pinched = true;
}

void TouchGestures::forgetStale(double now, double after) {
  for (auto it = m_seen.begin(); it != m_seen.end();) {
    if (now - it->second > after) {
      m_down.erase(it->first);
      m_haveLast = false;
      it = m_seen.erase(it);
    } else {
      ++it;
    }
  }
}

bool TouchGestures::pair(float& distance, float& mx, float& my) const {
  if (m_down.size() < 2) return false;
  auto it = m_down.begin();
  const auto a = it->second;
  const auto b = (++it)->second;
  distance = std::hypot(b.first - a.first, b.second - a.second);
  mx = (a.first + b.first) / 2;
  my = (a.second + b.second) / 2;
  return true;
}

TouchGestures::Step TouchGestures::takeStep() {
  Step s;
  float d = 0, x = 0, y = 0;
  if (!pair(d, x, y)) {
    m_haveLast = false;
    return s;
  }
  s.active = true;
  s.x = x;
  s.y = y;
  if (m_haveLast && m_lastDistance > 1 && d > 1) {
    s.scale = d / m_lastDistance;
    s.dx = x - m_lastX;
    s.dy = y - m_lastY;
  }
  m_haveLast = true;
  m_lastDistance = d;
  m_lastX = x;
  m_lastY = y;
  return s;
}

} // namespace kiosk::ui
