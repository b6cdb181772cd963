#pragma once
// Whether the kiosk can open a display at all, checked before creating the window: SFML aborts
// the process when it cannot, and staff deserve a sentence instead.
#include <string>

namespace platform {

// True when a display can be opened; otherwise false, with `why` saying what to do.
bool displayAvailable(std::string& why);

// The width of the screen in millimetres as the display reports it (EDID through X11), or 0
// when it does not say. For touch targets of a real size.
int displayWidthMm();

// The refresh rate of the display the kiosk's window is on, in Hz, as XRandR reports its mode
// (the first active output's), or 0 when it does not say (Xvfb reports none). For frame pacing.
double displayRefreshHz();

// Lights the screen and keeps it lit (no screen saver, no power saving) when `awake`; puts it
// to sleep (DPMS off) when not. False with `why` when the display cannot say.
bool setDisplayAwake(bool awake, std::string& why);

// When the connection to the display breaks (the X server stopped or crashed, the session
// ended), `say` is called once, with a sentence naming the display, to log it; then the process
// ends at once with `status` (_exit). Without this Xlib prints a line of its own and calls
// exit(1), whose static destructors run under threads still at work (seen once: SIGABRT in
// malloc). `say` must not return to X: it runs on the thread that noticed, inside Xlib.
void exitWhenDisplayLost(int status, void (*say)(const std::string& why));

} // namespace platform
