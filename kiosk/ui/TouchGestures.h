#pragma once
// Fingers to gestures: with two or more fingers down, how far they pinched (the change in the
// distance between the first two) and moved (their midpoint) since the last frame. Pure
// arithmetic on touch events (no ImGui, no X11), so tests feed it fingers directly; the kiosk
// feeds it XInput 2.2 touches, and scripts feed it synthetic ones.
#include "platform/TouchInput.h"

#include <map>
#include <utility>

namespace kiosk::ui {

class TouchGestures {
public:
  // `now` in seconds, on any clock that only goes forward (for forgetting lost fingers).
  void apply(const platform::TouchEvent& event, double now = 0);
  // Forgets fingers not heard from for `after` seconds: an end lost with a pulled cable must
  // not keep the kiosk awake, or its swipes off, for ever.
  void forgetStale(double now, double after = 2.0);
  int fingers() const { return static_cast<int>(m_down.size()); }

  // The two-finger change since the last call: the scale (1: no pinch), the midpoint's
  // movement, and where the midpoint is now. `active` is false with fewer than two fingers.
  struct Step {
    bool active = false;
    float scale = 1, dx = 0, dy = 0, x = 0, y = 0;
  };
  Step takeStep();
  // Whether two fingers have been down since the first finger of this touch landed (it stays
  // true after they lift, until a new touch begins): the single pointer's drag in that time,
  // released in the same frame as the last finger, is part of the pinch, not a swipe.
  bool pinchedSinceFirstDown() const { return m_pinched; }

private:
  bool pair(float& distance, float& mx, float& my) const;

  std::map<int, std::pair<float, float>> m_down;
  std::map<int, double> m_seen;
  bool m_haveLast = false;
  float m_lastDistance = 0, m_lastX = 0, m_lastY = 0;
  bool m_pinched = false;
};

} // namespace kiosk::ui
