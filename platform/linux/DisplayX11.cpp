#include "platform/Display.h"

#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>
#include <X11/extensions/dpms.h>

#include <atomic>
#include <cstdlib>
#include <unistd.h>

namespace platform {

namespace {
// The connection stays open for the life of the process: an X server whose last client
// disconnects resets itself, and SFML's own connection a moment later would then fail (seen
// under Xvfb; a bare xinit kiosk session behaves the same).
Display* held() {
  static Display* d = XOpenDisplay(nullptr);
  return d;
}
std::atomic<int> g_lostStatus{1};
std::atomic<void (*)(const std::string&)> g_sayLost{nullptr};
std::atomic_flag g_lost = ATOMIC_FLAG_INIT;

// Xlib's fatal IO error: the connection is gone and no X call can work again. Called by every
// connection (SFML's, this file's, the touch input's) on the thread that used it.
int displayLost(Display* d) {
  if (g_lost.test_and_set()) // another thread is already saying it and ending the process
    for (;;) ::pause();
  const char* name = d ? DisplayString(d) : nullptr;
  if (auto say = g_sayLost.load())
    say("lost the X display '" + std::string(name && *name ? name : "?") + "' (the X server stopped or crashed)");
  ::_exit(g_lostStatus.load());
}
} // namespace

void exitWhenDisplayLost(int status, void (*say)(const std::string& why)) {
  g_lostStatus = status;
  g_sayLost = say;
  XSetIOErrorHandler(displayLost);
}

int displayWidthMm() {
  Display* d = held();
  return d ? DisplayWidthMM(d, DefaultScreen(d)) : 0;
}

double displayRefreshHz() {
  Display* d = held();
  int event = 0, error = 0;
  if (!d || !XRRQueryExtension(d, &event, &error)) return 0;
  XRRScreenResources* res = XRRGetScreenResourcesCurrent(d, RootWindow(d, DefaultScreen(d)));
  if (!res) return 0;
  double hz = 0;
  for (int c = 0; c < res->ncrtc && hz == 0; ++c) {
    XRRCrtcInfo* crtc = XRRGetCrtcInfo(d, res, res->crtcs[c]);
    if (!crtc) continue;
    for (int m = 0; crtc->mode != None && m < res->nmode; ++m) {
      const XRRModeInfo& mode = res->modes[m];
      if (mode.id != crtc->mode || mode.hTotal == 0 || mode.vTotal == 0 || mode.dotClock == 0) continue;
      double lines = mode.vTotal;
      if (mode.modeFlags & RR_DoubleScan) lines *= 2;
      if (mode.modeFlags & RR_Interlace) lines /= 2;
      hz = static_cast<double>(mode.dotClock) / (static_cast<double>(mode.hTotal) * lines);
    }
    XRRFreeCrtcInfo(crtc);
  }
  XRRFreeScreenResources(res);
  return hz >= 20 && hz <= 500 ? hz : 0; // anything else is not a rate to pace by
}

bool setDisplayAwake(bool awake, std::string& why) {
  Display* d = held();
  if (!d) {
    why = "no display";
    return false;
  }
  int event = 0, error = 0;
  if (!DPMSQueryExtension(d, &event, &error) || !DPMSCapable(d)) {
    why = "the display has no power management (DPMS); it stays lit outside opening hours";
    return false;
  }
  if (awake) {
    // Lit, and kept lit: the X screen saver and DPMS timeouts would blank a kiosk mid-visit.
    DPMSForceLevel(d, DPMSModeOn);
    DPMSDisable(d);
    XSetScreenSaver(d, 0, 0, DontPreferBlanking, AllowExposures);
    XResetScreenSaver(d);
  } else {
    DPMSEnable(d);
    DPMSForceLevel(d, DPMSModeOff);
  }
  XFlush(d);
  return true;
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
