#include "ui/PointerLatch.h"

namespace kiosk::ui {

PointerState PointerLatch::nextFrame() {
  while (!m_queue.empty()) {
    const PointerEvent e = m_queue.front();
    m_queue.pop_front();
    m_state.x = e.x;
    m_state.y = e.y;
    if (e.kind == PointerEvent::Kind::Move) continue;
    const bool down = e.kind == PointerEvent::Kind::Down;
    if (down == m_state.down) continue; // a repeated press or release changes nothing
    m_state.down = down;
    break; // one transition per frame; the rest waits
  }
  return m_state;
}

bool PointerLatch::downAfterPending() const {
  bool down = m_state.down;
  for (const auto& e : m_queue)
    if (e.kind != PointerEvent::Kind::Move) down = e.kind == PointerEvent::Kind::Down;
  return down;
}

} // namespace kiosk::ui
