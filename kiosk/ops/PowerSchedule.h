#pragma once
// When the screen should be lit: during the venue's opening hours (kiosk.toml), and for a
// while after a touch outside them (staff checking the kiosk before opening). Outside them the
// display sleeps (DPMS), saving power and the panel; pure logic on the clock, so a week of
// openings and closings runs in a test.
#include "core/Clock.h"
#include "core/Content.h"

namespace kiosk {

// Whether the venue is open at `minute` of `date`; always, when kiosk.toml gives no hours.
bool venueOpen(const KioskSettings& settings, CivilDate date, int minute);

class PowerSchedule {
public:
  // Awake this long after a touch outside opening hours.
  static constexpr Seconds kAwakeAfterTouch = 300;

  // The display's state now; `touched` is a touch this frame. Returns whether it is awake.
  bool update(const KioskSettings& settings, CivilDate date, int minute, Seconds now, bool touched);
  bool awake() const { return m_awake; }

private:
  bool m_awake = true;
  Seconds m_touchedAt = -1e18;
};

} // namespace kiosk
