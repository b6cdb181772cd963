#pragma once
// Scrolling that feels like a phone's: the content follows the finger, keeps going after a
// flick and slows down, and stretches a little past either end before it springs back. Pure
// arithmetic on time steps (no ImGui), so tests run it frame by frame.
namespace kiosk::ui {

class KineticScroll {
public:
  // The finger moved the content by `delta` pixels (positive scrolls down) over `dt` seconds.
  void drag(float delta, float dt, float maxPos);
  // The finger lifted: the content carries on at the speed it had.
  void release();
  // Time passes with no finger: inertia, friction, and the spring back from past an end.
  void step(float dt, float maxPos);
  // Stops at once (a new screen; a tap that holds the content).
  void stop() { m_velocity = 0; }
  // Straight to `pos`, no glide (keypad navigation brings the focus into view).
  void jumpTo(float pos) {
    m_pos = pos;
    m_velocity = 0;
  }

  float position() const { return m_pos; }
  float velocity() const { return m_velocity; }
  bool moving() const { return m_velocity != 0; }

  // Past an end, the content moves this fraction of the finger's distance.
  static constexpr float kEdgeResistance = 0.35f;
  // Friction: speed falls to 1/e every this many seconds.
  static constexpr float kGlideSeconds = 0.325f;
  static constexpr float kMaxSpeed = 9000; // pixels per second

private:
  float m_pos = 0;
  float m_velocity = 0; // pixels per second, positive scrolls down
  float m_fingerVelocity = 0;
};

} // namespace kiosk::ui
