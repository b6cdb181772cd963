#pragma once
// Time enters the kiosk only through a Clock, so tests and scripts can run a week in seconds.
#include <chrono>

namespace kiosk {

// Seconds since the clock started, as a double. Never decreases.
using Seconds = double;

class Clock {
public:
  virtual ~Clock() = default;
  // Seconds since this clock started; never decreases.
  virtual Seconds now() const = 0;
};

// Wall time from std::chrono::steady_clock, for the real kiosk.
class SteadyClock final : public Clock {
public:
  SteadyClock();
  Seconds now() const override;

private:
  std::chrono::steady_clock::time_point m_start;
};

// Time that moves only when told to: tests, input scripts, soak runs.
class VirtualClock final : public Clock {
public:
  Seconds now() const override { return m_now; }
  // Moves time forward by `delta` seconds; a negative delta is ignored.
  void advance(Seconds delta) {
    if (delta > 0) m_now += delta;
  }

private:
  Seconds m_now = 0;
};

} // namespace kiosk
