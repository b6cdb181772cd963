#pragma once
// When to reload content after the folder changed: once things have been quiet for a moment, so
// copying 200 pictures, or an editor's save-by-rename, causes one reload and not dozens.
#include "core/Clock.h"

#include <cstdint>

namespace kiosk {

class ReloadSchedule {
public:
  // Seconds without a new change before reloading.
  static constexpr Seconds kQuietSeconds = 0.25;

  // Changes up to this count are already reflected in what is loaded: they schedule nothing.
  void ignoreUpTo(std::uint64_t changes) { m_seen = changes; }
  // Tells the schedule the watcher's change count (never decreasing) at time `now`.
  void observe(std::uint64_t changes, Seconds now);
  // True once when a reload should start: changes were seen and the folder has been quiet.
  bool takeDue(Seconds now);
  // When the first change of the pending batch was seen; for change-to-screen figures.
  Seconds firstChangeAt() const { return m_firstChange; }
  bool pending() const { return m_pending; }

private:
  std::uint64_t m_seen = 0;
  bool m_pending = false;
  Seconds m_lastChange = 0;
  Seconds m_firstChange = 0;
};

} // namespace kiosk
