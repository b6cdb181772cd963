#include "platform/ServiceManager.h"

namespace platform {

double serviceWatchdogSeconds() { return 0; }
bool notifyServiceManager(const std::string&) { return false; }

} // namespace platform
