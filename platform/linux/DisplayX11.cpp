#include "platform/Display.h"

#include <X11/Xlib.h>

#include <cstdlib>

namespace platform {

namespace {
// The connection stays open for the life of the process: an X server whose last client
// disconnects resets itself, and SFML's own connection a moment later would then fail (seen
// under Xvfb; a bare xinit kiosk session behaves the same).
Display* held() {
  static Display* d = XOpenDisplay(nullptr);
  return d;
}
} // namespace

int displayWidthMm() {
  Display* d = held();
  return d ? DisplayWidthMM(d, DefaultScreen(d)) : 0;
}

bool displayAvailable(std::string& why) {
  if (held()) return true;
  const char* name = std::getenv("DISPLAY");
  why = (name && *name) ? "cannot open the X display '" + std::string(name) + "'"
                        : std::string("there is no display (DISPLAY is not set)");
  why += "; run the kiosk in the screen's desktop session, or preview it without a screen with "
         "xvfb-run -a -s \"-screen 0 1920x1080x24\" kiosk --script FILE";
  return false;
}

} // namespace platform
