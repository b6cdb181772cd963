#pragma once
// The kiosk's verbs and options. Parsing only: no window, no files.
#include <optional>
#include <string>

namespace kiosk::app {

struct Options {
  enum class Verb { Run, Validate, ReportTranslations, HashPin, Help, Version };
  Verb verb = Verb::Run;
  std::string contentDir = "content";
  bool windowed = false;
  unsigned width = 0; // 0: the display's native size (fullscreen) or 1920x1080 (windowed)
  unsigned height = 0;
  std::string script;          // run this input script on a virtual clock, then exit
  std::string screenshotDir = "."; // where the script's screenshots go
  std::string assetsDir;       // empty: found next to the binary or in the source tree
  unsigned fpsLimit = 60;      // used when the driver has no working vsync
  bool json = false;           // validate: machine-readable output
  std::string date;            // --script only: the virtual calendar's first day, YYYY-MM-DD (default: today)
  unsigned textureBudgetMiB = 0; // 0: chosen from the screen size (256 MiB at 1080p, 1 GiB at 4K)
  std::string imageCacheDir;   // empty: $XDG_CACHE_HOME/kiosk/images or ~/.cache/kiosk/images
  bool imageCache = true;      // --no-image-cache: decode every picture from its original
  unsigned displayWidthMm = 0; // the screen's visible width; 0: as the display reports it
  std::string metricsFile;     // Prometheus textfile, rewritten every 15 s; empty: none
  std::string stateDir;        // the kiosk's own state (start count); empty: $XDG_STATE_HOME/kiosk
};

// Parses argv; on a mistake returns nullopt and puts a message (with the usage hint) in `error`.
std::optional<Options> parseCommandLine(int argc, const char* const* argv, std::string& error);

const char* usageText();

} // namespace kiosk::app
