#include "ops/PowerSchedule.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {
KioskSettings sampleHours() { // as content/kiosk.toml: closed Mondays, 9-17 weekdays, 9-18 weekends
  KioskSettings s;
  s.openingHoursGiven = true;
  s.openingHours[0] = std::nullopt;
  for (int d = 1; d <= 4; ++d) s.openingHours[static_cast<size_t>(d)] = KioskSettings::Hours{9 * 60, 17 * 60};
  for (int d = 5; d <= 6; ++d) s.openingHours[static_cast<size_t>(d)] = KioskSettings::Hours{9 * 60, 18 * 60};
  return s;
}
} // namespace

TEST_CASE("[PowerSchedule] the screen is lit in opening hours and asleep outside them, over a week") {
  const KioskSettings s = sampleHours();
  VirtualClock clock;
  clock.setStartDate({2026, 11, 30}); // a Monday
  CHECK(clock.today().isoWeekday() == 1);
  PowerSchedule power;
  double awakeHours = 0;
  int wakes = 0;
  bool was = true;
  for (int step = 0; step < 7 * 24 * 60; ++step) { // a week, minute by minute
    const bool awake = power.update(s, clock.today(), clock.minuteOfDay(), clock.now(), false);
    awakeHours += awake ? 1.0 / 60 : 0;
    wakes += awake && !was;
    was = awake;
    clock.advance(60);
  }
  CHECK(awakeHours == doctest::Approx(4 * 8 + 2 * 9)); // Tue-Fri 8 h, Sat-Sun 9 h, Monday none
  CHECK(wakes == 6);
  // Tuesday 08:59 asleep, 09:00 awake, 16:59 awake, 17:00 asleep.
  clock.setStartDate({2026, 12, 1});
  CHECK_FALSE(venueOpen(s, {2026, 12, 1}, 8 * 60 + 59));
  CHECK(venueOpen(s, {2026, 12, 1}, 9 * 60));
  CHECK(venueOpen(s, {2026, 12, 1}, 16 * 60 + 59));
  CHECK_FALSE(venueOpen(s, {2026, 12, 1}, 17 * 60));
}

TEST_CASE("[PowerSchedule] a touch while closed lights the screen for five minutes") {
  const KioskSettings s = sampleHours();
  PowerSchedule power;
  const CivilDate monday{2026, 11, 30};
  CHECK_FALSE(power.update(s, monday, 600, 1000, false));
  CHECK(power.update(s, monday, 600, 1000, true));   // staff check the screen
  CHECK(power.update(s, monday, 604, 1299, false));
  CHECK_FALSE(power.update(s, monday, 605, 1300, false));
  KioskSettings always; // no hours given: always lit
  CHECK(power.update(always, monday, 3 * 60, 5000, false));
}
