#pragma once
// Running the real kiosk binary from a benchmark: our own Xvfb (on a free display number, made
// sure of), and the kiosk with its stderr read as it comes, stopped once a line appears.
#include <string>
#include <sys/types.h>
#include <vector>

namespace bench {

struct Xvfb {
  pid_t pid = 0;
  std::string display;
  ~Xvfb();
};

// Starts Xvfb with a screen of `screen` (like "1920x1080x24") on a free display; three tries.
bool startXvfb(Xvfb& x, const std::string& screen = "1920x1080x24");

struct KioskRun {
  double msToLine = -1; // from fork to the awaited line, or -1
  std::string log;      // all of stderr
  int status = -1;
};

// Runs the kiosk with `args`; with `until`, stops it (SIGTERM) once a whole stderr line holds it;
// with `stopAfterSeconds`, stops it (SIGTERM) after that long and reads its exit log.
KioskRun runKiosk(const std::string& kiosk, const std::vector<std::string>& args, const std::string& until, int timeoutSeconds,
                  double stopAfterSeconds = -1);

} // namespace bench
