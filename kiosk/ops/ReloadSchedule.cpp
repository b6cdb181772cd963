#include "ops/ReloadSchedule.h"

namespace kiosk {

void ReloadSchedule::observe(std::uint64_t changes, Seconds now) {
  if (changes == m_seen) return;
  m_seen = changes;
  if (!m_pending) m_firstChange = now;
  m_pending = true;
  m_lastChange = now;
}

bool ReloadSchedule::takeDue(Seconds now) {
  if (!m_pending || now - m_lastChange < kQuietSeconds) return false;
  m_pending = false;
  return true;
}

} // namespace kiosk
