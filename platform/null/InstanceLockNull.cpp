#include "platform/InstanceLock.h"

namespace platform {

bool acquireInstanceLock(const std::string&, std::string&) { return true; }

} // namespace platform
