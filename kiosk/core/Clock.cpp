#include "core/Clock.h"

namespace kiosk {

SteadyClock::SteadyClock() : m_start(std::chrono::steady_clock::now()) {}

Seconds SteadyClock::now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

} // namespace kiosk
