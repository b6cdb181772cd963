#include "app/CommandLine.h"

#include "core/Clock.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace kiosk::app {

const char* usageText() {
  return R"(Usage: kiosk [OPTIONS] [CONTENT_DIR]
       kiosk validate [--json] [CONTENT_DIR]
       kiosk report translations [CONTENT_DIR]
       kiosk report visits [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE] [--state-dir DIR]
       kiosk hash-pin
       kiosk publish [--keep N] [--quiet-seconds S] [--versions DIR] STAGING CONTENT_LINK
       kiosk publish --rollback [--versions DIR] CONTENT_LINK

Shows the content folder (default: ./content) fullscreen at the display's native resolution.

Verbs:
  validate             check the content folder and list every problem as file:line:col;
                       exit status 0 clean (warnings allowed), 1 errors, 2 folder unreadable;
                       --json prints the same as JSON for tools
  report translations  each offered language's coverage as a table, and what is missing
  report visits        what visitors did (no personal data): sessions per day and per hour,
                       session length, languages, top items per language with their dwell,
                       QR codes shown, idle resets, and any damaged log lines skipped; read
                       from <state dir>/analytics; --from/--to limit the days (inclusive),
                       --csv FILE also writes one row per item and language (RFC 4180)
  hash-pin             read a staff PIN (4 to 12 digits; not shown when typed) and print the
                       admin_pin line to paste under [kiosk] in kiosk.toml; without it the
                       admin view (four corners tapped clockwise from top left) stays closed
  publish              for content that a sync tool (rsync, Syncthing) delivers into STAGING:
                       once staging has been still for --quiet-seconds (default 30; 0 when the
                       caller knows the sync has finished) and has no errors, copy it into
                       <versions>/<time>-<hash> (default versions next to CONTENT_LINK) and
                       point the CONTENT_LINK symlink at it in one atomic rename; keep the newest
                       --keep versions (default 3, at least 2); --rollback points the link back
                       at the version before. Exit status 0 published or nothing to do,
                       1 errors in the content (not published), 2 usage, 3 still changing (try
                       again later), 4 the copy or the link failed

Options:
  --windowed           run in a window, for previewing on a laptop (default 1920x1080)
  --size WxH           window size in pixels, e.g. --size 1280x720 (with --windowed, or a
                       fullscreen video mode the display supports)
  --script FILE        run an input script (taps, drags, keys, waits, screenshots) on a
                       virtual clock, frame by frame, then exit; non-zero if anything failed
  --screenshots DIR    folder for the script's screenshots (default: current folder)
  --date YYYY-MM-DD    with --script: the date the run starts on, to preview event items
                       (default: today)
  --assets DIR         folder with ui-strings.toml (default: found next to the program)
  --fps N              frame limit when the display driver has no working vsync (default 60)
  --texture-budget MIB memory for pictures on the graphics card (default from the screen:
                       256 at 1920x1080, 1024 at 3840x2160; at least 64)
  --image-cache DIR    folder for display-sized copies of pictures, so restarts are fast
                       (default: $XDG_CACHE_HOME/kiosk/images or ~/.cache/kiosk/images;
                       never inside the content folder)
  --no-image-cache     decode every picture from its original at every start
  --metrics-file FILE  write health figures (frame times, memory, textures, content errors,
                       uptime, starts) every 15 s in the Prometheus text format, for
                       node_exporter's textfile collector (e.g. /var/lib/prometheus/
                       node-exporter/kiosk.prom)
  --state-dir DIR      the kiosk's own small state, such as its start count and visit
                       analytics (default $XDG_STATE_HOME/kiosk or ~/.local/state/kiosk)
  --no-staff-keys      keyboard shortcuts (F2, F5, Ctrl+Q) only in the admin view, as a
                       fullscreen kiosk always does (a windowed preview has them anyway)
  --log-file FILE      also write every log line, with its time and level, to FILE, rotated
                       at 5 MiB (FILE.1 ... FILE.5); 'none' for no file (default: none under
                       systemd, whose journal keeps them, or with --script; else
                       <state dir>/logs/kiosk.log); the lines always go to stderr too
  --display-width-mm N the screen's visible width in millimetres, when the display does not
                       report it truly (keeps every touch target at least 9 mm)
  -h, --help           show this text
  --version            show the version

Staff keys while running:
  F2                   show or hide the staff overlay (content problems, frame times)
  F5                   reload the content folder
  Ctrl+Q               quit
)";
}

namespace {

bool parseSize(const std::string& s, unsigned& w, unsigned& h) {
  const auto x = s.find('x');
  if (x == std::string::npos) return false;
  auto r1 = std::from_chars(s.data(), s.data() + x, w);
  auto r2 = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
  return r1.ec == std::errc() && r1.ptr == s.data() + x && r2.ec == std::errc() && r2.ptr == s.data() + s.size() &&
         w >= 320 && h >= 240 && w <= 16384 && h <= 16384;
}

} // namespace

std::optional<Options> parseCommandLine(int argc, const char* const* argv, std::string& error) {
  Options o;
  bool haveDir = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char* what) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        error = a + " needs " + what + "; see kiosk --help";
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    // `a`'s value into `out`: a folder, a file name, any text.
    auto text = [&](const char* what, std::string& out) {
      auto v = value(what);
      if (v) out = *v;
      return v.has_value();
    };
    // `a`'s value into `out` as a whole number from `min` to `max`; else `rule` is the error.
    auto number = [&](const char* what, unsigned& out, unsigned min, unsigned max, const char* rule) {
      auto v = value(what);
      if (!v) return false;
      const auto r = std::from_chars(v->data(), v->data() + v->size(), out);
      if (r.ec != std::errc() || r.ptr != v->data() + v->size() || out < min || out > max) {
        error = rule;
        return false;
      }
      return true;
    };
    // `a`'s value into `out` as a date, YYYY-MM-DD.
    auto date = [&](std::string& out) {
      auto v = value("a date like 2026-12-15");
      if (!v) return false;
      int y = 0, m = 0, d = 0;
      char tail = 0;
      if (std::sscanf(v->c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !CivilDate{y, m, d}.valid()) {
        error = a + " '" + *v + "' is not a date like 2026-12-15";
        return false;
      }
      out = *v;
      return true;
    };
    if (a == "-h" || a == "--help") {
      o.verb = Options::Verb::Help;
    } else if (a == "--version") {
      o.verb = Options::Verb::Version;
    } else if (a == "--windowed") {
      o.windowed = true;
    } else if (a == "--size") {
      auto v = value("a size like 1920x1080");
      if (!v) return std::nullopt;
      if (!parseSize(*v, o.width, o.height)) {
        error = "--size '" + *v + "' is not a size like 1920x1080 (320x240 to 16384x16384)";
        return std::nullopt;
      }
    } else if (a == "--script") {
      if (!text("a script file", o.script)) return std::nullopt;
    } else if (a == "--screenshots") {
      if (!text("a folder", o.screenshotDir)) return std::nullopt;
    } else if (a == "--date") {
      if (!date(o.date)) return std::nullopt;
    } else if (a == "--from") {
      if (!date(o.from)) return std::nullopt;
    } else if (a == "--to") {
      if (!date(o.to)) return std::nullopt;
    } else if (a == "--csv") {
      if (!text("a file name", o.csvFile)) return std::nullopt;
    } else if (a == "--assets") {
      if (!text("a folder", o.assetsDir)) return std::nullopt;
    } else if (a == "--fps") {
      if (!number("a number of frames per second", o.fpsLimit, 10, 500, "--fps must be a number from 10 to 500"))
        return std::nullopt;
    } else if (a == "--texture-budget") {
      if (!number("a number of MiB", o.textureBudgetMiB, 64, 65536, "--texture-budget must be a number of MiB from 64 to 65536"))
        return std::nullopt;
    } else if (a == "--image-cache") {
      if (!text("a folder", o.imageCacheDir)) return std::nullopt;
    } else if (a == "--display-width-mm") {
      if (!number("a width in millimetres", o.displayWidthMm, 50, 20000,
                  "--display-width-mm must be the screen's width in millimetres, from 50 to 20000"))
        return std::nullopt;
    } else if (a == "--metrics-file") {
      if (!text("a file name", o.metricsFile)) return std::nullopt;
    } else if (a == "--log-file") {
      if (!text("a file name, or none", o.logFile)) return std::nullopt;
      if (o.logFile.empty()) {
        error = "--log-file needs a file name, or none for no log file";
        return std::nullopt;
      }
    } else if (a == "--state-dir") {
      if (!text("a folder", o.stateDir)) return std::nullopt;
    } else if (a == "--versions") {
      if (!text("a folder", o.versionsDir)) return std::nullopt;
    } else if (a == "--keep") {
      if (!number("a number of versions", o.keep, 2, 100, "--keep must be a number of versions from 2 to 100"))
        return std::nullopt;
    } else if (a == "--quiet-seconds") {
      if (!number("a number of seconds", o.quietSeconds, 0, 86400, "--quiet-seconds must be a number of seconds from 0 to 86400"))
        return std::nullopt;
    } else if (a == "--rollback") {
      o.rollback = true;
    } else if (a == "--no-image-cache") {
      o.imageCache = false;
    } else if (a == "--no-staff-keys") {
      o.staffKeys = false;
    } else if (a == "validate" && i == 1) {
      o.verb = Options::Verb::Validate;
    } else if (a == "report" && i == 1) {
      const std::string what = i + 1 < argc ? argv[i + 1] : "";
      if (what != "translations" && what != "visits") {
        error = "'report' needs what to report: kiosk report translations [CONTENT_DIR], or kiosk report visits";
        return std::nullopt;
      }
      ++i;
      o.verb = what == "visits" ? Options::Verb::ReportVisits : Options::Verb::ReportTranslations;
    } else if (a == "publish" && i == 1) {
      o.verb = Options::Verb::Publish;
    } else if (a == "hash-pin" && i == 1) {
      o.verb = Options::Verb::HashPin;
    } else if (a == "--json") {
      o.json = true;
    } else if (o.verb == Options::Verb::HashPin) {
      // Never repeated in the message: it may be the PIN, which belongs in no shell history.
      error = "hash-pin takes nothing more: it reads the PIN from its input, so the PIN stays out of the shell's "
              "history; run kiosk hash-pin and type it";
      return std::nullopt;
    } else if (!a.empty() && a[0] == '-') {
      error = "unknown option '" + a + "'; see kiosk --help";
      return std::nullopt;
    } else if (o.verb == Options::Verb::Publish && !haveDir && o.staging.empty()) {
      o.staging = a; // the first of STAGING CONTENT_LINK, or with --rollback the link alone
    } else if (o.verb == Options::Verb::Publish && !haveDir) {
      o.contentDir = a;
      haveDir = true;
    } else if (!haveDir) {
      o.contentDir = a;
      haveDir = true;
    } else {
      error = "more than one content folder given ('" + o.contentDir + "' and '" + a + "')";
      return std::nullopt;
    }
  }
  if (o.verb == Options::Verb::Publish) {
    if (o.rollback && !haveDir && !o.staging.empty()) {
      o.contentDir = std::exchange(o.staging, std::string());
      haveDir = true;
    }
    if (o.rollback && !o.staging.empty()) {
      error = "publish --rollback takes the content link only: kiosk publish --rollback CONTENT_LINK";
      return std::nullopt;
    }
    if (!haveDir) {
      error = "publish needs the staging folder and the content link: kiosk publish STAGING CONTENT_LINK "
              "(e.g. /var/lib/kiosk/staging /var/lib/kiosk/content)";
      return std::nullopt;
    }
  }
  if (o.verb == Options::Verb::ReportVisits && !o.from.empty() && !o.to.empty() && o.to < o.from) {
    error = "--to " + o.to + " is before --from " + o.from;
    return std::nullopt;
  }
  return o;
}

std::string stateDirectory(const Options& o) {
  if (!o.stateDir.empty()) return o.stateDir;
  const char* x = std::getenv("XDG_STATE_HOME");
  if (x && *x == '/') return std::string(x) + "/kiosk";
  const char* home = std::getenv("HOME");
  return std::string(home && *home == '/' ? home : "/tmp") + "/.local/state/kiosk";
}

std::string analyticsDirectory(const Options& o) { return stateDirectory(o) + "/analytics"; }

std::string logFilePath(const Options& o, bool stderrIsJournal) {
  if (o.logFile == "none") return {};
  if (!o.logFile.empty()) return o.logFile;
  if (!o.script.empty() || stderrIsJournal) return {};
  return stateDirectory(o) + "/logs/kiosk.log";
}

} // namespace kiosk::app
