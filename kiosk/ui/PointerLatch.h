#pragma once
// Turns a stream of pointer events into one pointer state per frame without losing taps.
//
// Dear ImGui 1.86 reads input by polling (io.MousePos, io.MouseDown[0]) once a frame. A touch
// screen can press and release within one frame; polled naively, that tap never happened. The
// latch hands ImGui at most one button transition per frame and keeps the rest for later frames.
// Mouse and touch (which arrives as the mouse on X11) are the same pointer here.
#include <deque>

namespace kiosk::ui {

struct PointerEvent {
  enum class Kind { Move, Down, Up };
  Kind kind = Kind::Move;
  float x = 0;
  float y = 0;
};

struct PointerState {
  float x = -1;
  float y = -1;
  bool down = false;
};

class PointerLatch {
public:
  void push(const PointerEvent& event) { m_queue.push_back(event); }

  // Consumes events for one frame: all moves up to and including the next change of the button,
  // which is applied; later events wait for the next frame.
  PointerState nextFrame();

  bool hasPending() const { return !m_queue.empty(); }
  // Whether the button will be down once every queued event has been applied.
  bool downAfterPending() const;
  const PointerState& state() const { return m_state; }

private:
  std::deque<PointerEvent> m_queue;
  PointerState m_state;
};

} // namespace kiosk::ui
