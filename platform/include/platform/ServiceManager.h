#pragma once
// Talking to the service manager when the kiosk runs as a service (systemd's sd_notify): the
// watchdog interval it expects, and notifications (READY=1, WATCHDOG=1, STATUS=...). Outside a
// service both do nothing.
#include <string>

namespace platform {

// Seconds between watchdog heartbeats the service manager expects (its WatchdogSec), or 0.
double serviceWatchdogSeconds();

// Sends one notification; false when there is no service manager to hear it.
bool notifyServiceManager(const std::string& state);

} // namespace platform
