#pragma once
// The kiosk's verbs and options, and the folders they lead to. No window.
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::app {

struct Options {
  enum class Verb {
    Run, Validate, ReportTranslations, ReportVisits, HashPin, Publish, Help, Version,
    Edit,                                   // kiosk edit [DIR]: the staff editor (issue 16)
    TranslationsExport, TranslationsImport, // kiosk translations export|import ...
    NewSection, NewItem                     // kiosk new section ID [DIR], kiosk new item SECTION/ID [DIR]
  };
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
  unsigned textureStripKiB = 256; // 0: every picture one texture (to compare against)
  unsigned textureBudgetMiB = 0; // 0: chosen from the screen size (256 MiB at 1080p, 1 GiB at 4K)
  std::string imageCacheDir;   // empty: $XDG_CACHE_HOME/kiosk/images or ~/.cache/kiosk/images
  bool pacing = true;          // --no-pacing: every frame at the display's rate (a benchmark's baseline)
  bool imageCache = true;      // --no-image-cache: decode every picture from its original
  // Keyboard shortcuts (F2, F5, Ctrl+Q) outside the admin view: a windowed preview has them, a
  // fullscreen kiosk never (visitors have no way out); --no-staff-keys previews the venue's rule.
  bool staffKeys = true;
  unsigned displayWidthMm = 0; // the screen's visible width; 0: as the display reports it
  std::string metricsFile;     // Prometheus textfile, rewritten every 15 s; empty: none
  std::string stateDir;        // the kiosk's own state (start count, analytics); empty: see stateDirectory()
  std::string logFile;         // --log-file: the rotating log file, or "none"; empty: see logFilePath()
  std::string from, to;        // report visits: the first and last day, YYYY-MM-DD; empty: open
  std::string csvFile;         // report visits: also write the per-item figures here as CSV
  // publish: STAGING is `staging`, CONTENT_LINK is `contentDir` (the folder the kiosk runs on).
  std::string staging;
  std::string versionsDir;     // publish: empty: "versions" next to the content link
  unsigned keep = 3;           // publish: versions kept
  unsigned quietSeconds = 30;  // publish: how long staging must have been still
  bool rollback = false;       // publish --rollback CONTENT_LINK
  std::string hwdec = "auto-safe"; // films: mpv's hwdec ("auto-safe": VA-API where it works; "no": software)
  std::string videoSpeed;      // films play this many times faster (soak tests); empty: 1
  std::string speechWavDir;    // --speech-wav: with --script, each spoken utterance as DIR/NNN-<lang>.wav
  std::string frameStampsFile; // a line per presented frame with the film frame stamp read back (bench_video)
  std::string frameTimesFile;  // --frame-times: a line per presented frame, its CLOCK_MONOTONIC time in ms (bench_vs_browser)
  std::string language;        // --language: the language staff messages are in; empty: from the locale (staffLanguage())
  // translations export: `format` (xliff or po), the content folder in `contentDir`, the
  // language in `targetLanguage`, written to `output` (empty: standard output).
  // translations import: `importFile` into `contentDir`.
  std::string format = "xliff";
  std::string targetLanguage;
  std::string output;
  std::string importFile;
  std::string newId; // new section ID / new item SECTION/ID
  // The editor's live preview (kiosk edit runs the kiosk with these; not for staff): the window
  // is put inside the editor's window with this X id, and lines on standard input steer it
  // ("open investment/industrial-base", "language ru"); the end of input closes it.
  unsigned long embedInto = 0;
  bool controlStdin = false;
};

// Parses argv; on a mistake returns nullopt and puts a message (with the usage hint) in `error`.
std::optional<Options> parseCommandLine(int argc, const char* const* argv, std::string& error);

const char* usageText();

// The kiosk's own state folder: --state-dir, else $XDG_STATE_HOME/kiosk, else
// ~/.local/state/kiosk (relative variables are ignored, as the XDG spec says).
std::string stateDirectory(const Options& o);
// Where visit analytics are written and read: <state folder>/analytics.
std::string analyticsDirectory(const Options& o);
// The rotating log file the run verb writes, or empty for none: --log-file (unless "none");
// else none for scripted runs (tests and previews must not write the user's state folder) and
// under the journal (which keeps the lines already); else <state folder>/logs/kiosk.log.
std::string logFilePath(const Options& o, bool stderrIsJournal);
// The assets folder (ui-strings.toml): --assets, $KIOSK_ASSETS, next to the binary, or the
// source tree. `validate` and `publish` read it too: the kiosk's own words in each language.
std::filesystem::path findAssets(const Options& options, const char* argv0);
// The language staff messages (validate, report, publish, the editor, the admin panel and PIN
// pad) are written in: --language when given, else the locale's (LC_ALL, LC_MESSAGES, LANG:
// zh_CN, zh_SG and zh_Hans give "zh-Hans", zh_TW and zh_HK "zh-Hant"), else "en". A BCP 47 tag.
std::string staffLanguage(const Options& o);

} // namespace kiosk::app
