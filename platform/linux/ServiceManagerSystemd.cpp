#include "platform/ServiceManager.h"

#include <systemd/sd-daemon.h>

namespace platform {

double serviceWatchdogSeconds() {
  uint64_t usec = 0;
  return sd_watchdog_enabled(0, &usec) > 0 ? static_cast<double>(usec) / 1e6 : 0.0;
}

bool notifyServiceManager(const std::string& state) { return sd_notify(0, state.c_str()) > 0; }

} // namespace platform
