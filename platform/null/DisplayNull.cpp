#include "platform/Display.h"

namespace platform {

bool displayAvailable(std::string& why) {
  why = "this build has no display support (built with KIOSK_PLATFORM=null)";
  return false;
}

int displayWidthMm() { return 0; }
double displayRefreshHz() {
  return 0;
}

bool setDisplayAwake(bool, std::string& why) {
  why = "no display power control on this platform";
  return false;
}

void exitWhenDisplayLost(int, void (*)(const std::string&)) {} // no display to lose

} // namespace platform
