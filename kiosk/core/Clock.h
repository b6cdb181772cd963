#pragma once
// Time enters the kiosk only through a Clock, so tests and scripts can run a week in seconds.
#include <chrono>
#include <compare>
#include <cmath>
#include <string>

namespace kiosk {

// Seconds since the clock started, as a double. Never decreases.
using Seconds = double;

// A day in the kiosk's local calendar, for items shown only on their days.
struct CivilDate {
  int year = 1970;
  int month = 1; // 1-12
  int day = 1;   // 1-31
  auto operator<=>(const CivilDate&) const = default;
  // "2026-05-01"
  std::string iso() const;
  // The date `days` later (or earlier, when negative).
  CivilDate plusDays(long days) const;
  // 1 = Monday ... 7 = Sunday.
  int isoWeekday() const;
  bool valid() const;
};

class Clock {
public:
  virtual ~Clock() = default;
  // Seconds since this clock started; never decreases.
  virtual Seconds now() const = 0;
  // Today's date where the kiosk stands.
  virtual CivilDate today() const = 0;
  // Minutes since local midnight (0-1439), for opening hours.
  virtual int minuteOfDay() const = 0;
};

// Wall time from std::chrono::steady_clock, for the real kiosk.
class SteadyClock final : public Clock {
public:
  SteadyClock();
  Seconds now() const override;
  CivilDate today() const override; // the system's local date
  int minuteOfDay() const override;

private:
  std::chrono::steady_clock::time_point m_start;
};

// Time that moves only when told to: tests, input scripts, soak runs.
class VirtualClock final : public Clock {
public:
  Seconds now() const override { return m_now; }
  // The start date plus the whole days of virtual time passed: a week runs through seven dates.
  CivilDate today() const override { return m_startDate.plusDays(static_cast<long>(m_now / 86400)); }
  // Virtual time starts at midnight of the start date.
  int minuteOfDay() const override { return static_cast<int>(std::fmod(m_now, 86400.0) / 60.0); }
  void setStartDate(CivilDate date) { m_startDate = date; }
  // Moves time forward by `delta` seconds; a negative delta is ignored.
  void advance(Seconds delta) {
    if (delta > 0) m_now += delta;
  }

private:
  Seconds m_now = 0;
  CivilDate m_startDate{2026, 1, 1};
};

} // namespace kiosk
