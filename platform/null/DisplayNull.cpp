#include "platform/Display.h"

namespace platform {

bool displayAvailable(std::string& why) {
  why = "this build has no display support (built with KIOSK_PLATFORM=null)";
  return false;
}

int displayWidthMm() { return 0; }

} // namespace platform
