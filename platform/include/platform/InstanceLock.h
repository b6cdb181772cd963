#pragma once
// One kiosk per display: a second one started by mistake (a second autostart, a staff member
// launching it by hand) would fight the first for the screen. The lock is released when the
// process ends, however it ends.
#include <string>

namespace platform {

// Takes the lock named `name` for the life of the process. False when another process holds
// it, with `why` naming that process and saying what to do.
bool acquireInstanceLock(const std::string& name, std::string& why);

} // namespace platform
