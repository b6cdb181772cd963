#include "ops/PowerSchedule.h"

namespace kiosk {

bool venueOpen(const KioskSettings& settings, CivilDate date, int minute) {
  if (!settings.openingHoursGiven) return true;
  const auto& hours = settings.openingHours[static_cast<size_t>(date.isoWeekday() - 1)];
  return hours && minute >= hours->open && minute < hours->close;
}

bool PowerSchedule::update(const KioskSettings& settings, CivilDate date, int minute, Seconds now, bool touched) {
  if (touched) m_touchedAt = now;
  m_awake = venueOpen(settings, date, minute) || now - m_touchedAt < kAwakeAfterTouch;
  return m_awake;
}

} // namespace kiosk
