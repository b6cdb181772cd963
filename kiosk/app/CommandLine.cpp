#include "app/CommandLine.h"

#include "core/Clock.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>
#include <vector>

// CLI11 reads the arguments; this file says which options there are, what their values must be,
// and how a mistake is told. Of CLI11 only the plain parts are used: no configuration file, no
// environment variables, no extras allowed, and (in 2.1) no prefix matching of option names.
// Every verb takes every option, as the kiosk always did; those that do not apply are ignored.

namespace kiosk::app {

namespace {

constexpr const char* kUsageHead = R"(Usage: kiosk [OPTIONS] [CONTENT_DIR]
       kiosk validate [--json] [CONTENT_DIR]
       kiosk report translations [CONTENT_DIR]
       kiosk report visits [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE] [--state-dir DIR]
       kiosk hash-pin
       kiosk publish [--keep N] [--quiet-seconds S] [--versions DIR] STAGING CONTENT_LINK
       kiosk publish --rollback [--versions DIR] CONTENT_LINK
       kiosk edit [CONTENT_DIR]
       kiosk translations export [--format xliff|po] [--output FILE] CONTENT_DIR LANGUAGE
       kiosk translations import FILE [CONTENT_DIR]
       kiosk new section ID [CONTENT_DIR]
       kiosk new item SECTION/ID [CONTENT_DIR]

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
  hash-pin             read a staff PIN (6 to 12 digits; not shown when typed) and print the
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
  edit                 a window for staff to edit the content folder: sections and items,
                       their texts side by side in every language, pictures by drag and drop,
                       and the visitor screens previewed live as they type
  translations         export: every text of the content in LANGUAGE, with its source text,
                       for a translator (--format xliff: XLIFF 2.0 for CAT tools; po: gettext
                       for Weblate and Poedit); import: the translated file back into the
                       content files, never over a newer edit (each conflict is reported)
  new                  write a new section folder or item file from a commented template, in
                       the languages the kiosk offers

Options:
)";

constexpr const char* kUsageTail = R"(
Staff keys while running:
  F2                   show or hide the staff overlay (content problems, frame times)
  F5                   reload the content folder
  Ctrl+Q               quit
)";

constexpr const char* kSeeHelp = "; see kiosk --help";
constexpr const char* kListed = "Options"; // the group of the options the help text lists
constexpr std::size_t kHelpColumn = 23;    // where the help text's descriptions start

bool parseSize(const std::string& s, unsigned& w, unsigned& h) {
  const auto x = s.find('x');
  if (x == std::string::npos) return false;
  auto r1 = std::from_chars(s.data(), s.data() + x, w);
  auto r2 = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
  return r1.ec == std::errc() && r1.ptr == s.data() + x && r2.ec == std::errc() && r2.ptr == s.data() + s.size() &&
         w >= 320 && h >= 240 && w <= 16384 && h <= 16384;
}

bool isSize(const std::string& s) {
  unsigned w = 0, h = 0;
  return parseSize(s, w, h);
}

bool isDate(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  return std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && CivilDate{y, m, d}.valid();
}

bool isWholeNumber(const std::string& s, unsigned min, unsigned max) {
  unsigned n = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && n >= min && n <= max;
}

// The kiosk's options declared on a CLI11 app and bound to an Options. Each value's check writes
// its own sentence into `error` before CLI11 gives up, so the message is ours, not CLI11's.
class Grammar {
public:
  Grammar(CLI::App& cli, Options& o, std::string& error) : cli_(cli), o_(o), error_(error) {
    cli_.set_help_flag();                    // -h and --help are a verb here, not an exception
    cli_.allow_windows_style_options(false); // /path is a path
    // Given twice, the last one counts (a wrapper script's default can be overridden after it).
    cli_.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);

    flag("--windowed", &o.windowed, true, "run in a window, for previewing on a laptop (default 1920x1080)");
    size("--size", o.width, o.height,
         "window size in pixels, e.g. --size 1280x720 (with --windowed, or a\n"
         "fullscreen video mode the display supports)");
    text("--script", o.script, "FILE", "a script file",
         "run an input script (taps, drags, keys, waits, screenshots) on a\n"
         "virtual clock, frame by frame, then exit; non-zero if anything failed");
    text("--screenshots", o.screenshotDir, "DIR", "a folder",
         "folder for the script's screenshots (default: current folder)");
    date("--date", o.date,
         "with --script: the date the run starts on, to preview event items\n"
         "(default: today)");
    text("--assets", o.assetsDir, "DIR", "a folder",
         "folder with ui-strings.toml (default: found next to the program)");
    number("--fps", o.fpsLimit, 10, 500, "N", "a number of frames per second", "a number from 10 to 500",
           "frame limit when the display driver has no working vsync (default 60)");
    number("--texture-budget", o.textureBudgetMiB, 64, 65536, "MIB", "a number of MiB",
           "a number of MiB from 64 to 65536",
           "memory for pictures on the graphics card (default from the screen:\n"
           "256 at 1920x1080, 1024 at 3840x2160; at least 64)");
    number("--texture-strip", o.textureStripKiB, 0, 65536, "KIB", "a number of KiB", "a number of KiB from 0 to 65536",
           "largest texture a picture is cut into, uploaded one a frame (default 256;\n"
           "0: each picture one texture, as a reference to compare against)");
    text("--image-cache", o.imageCacheDir, "DIR", "a folder",
         "folder for display-sized copies of pictures, so restarts are fast\n"
         "(default: $XDG_CACHE_HOME/kiosk/images or ~/.cache/kiosk/images;\n"
         "never inside the content folder)");
    flag("--no-image-cache", &o.imageCache, false, "decode every picture from its original at every start");
    flag("--no-pacing", &o.pacing, false, "draw every frame at the display's rate, even on the attract loop\n"
                                           "(as a baseline for benchmarks)");
    text("--hwdec", o.hwdec, "MODE", "a decoding mode",
         "how films are decoded: auto-safe (default: the graphics card's\n"
         "decoder where it is known to work, VA-API on Intel and AMD), or\n"
         "no (always in software)");
    text("--video-speed", o.videoSpeed, "X", "a number",
         "play films X times faster (for soak tests)");
    text("--speech-wav", o.speechWavDir, "DIR", "a folder",
         "with --script: write what speech says as DIR/NNN-<lang>.wav, one\n"
         "file per utterance with the samples played by the script's clock\n"
         "(an interruption ends the file early)");
    text("--frame-stamps", o.frameStampsFile, "FILE", "a file name",
         "write a line per presented frame with the frame stamp of the test\n"
         "films read back from the screen (bench_video)");
    text("--frame-times", o.frameTimesFile, "FILE", "a file name",
         "write a line per presented frame: the time it was shown, in ms\n"
         "of the system's monotonic clock (bench_vs_browser)");
    text("--metrics-file", o.metricsFile, "FILE", "a file name",
         "write health figures (frame times, memory, textures, content errors,\n"
         "uptime, starts) every 15 s in the Prometheus text format, for\n"
         "node_exporter's textfile collector (e.g. /var/lib/prometheus/\n"
         "node-exporter/kiosk.prom)");
    text("--state-dir", o.stateDir, "DIR", "a folder",
         "the kiosk's own small state, such as its start count and visit\n"
         "analytics (default $XDG_STATE_HOME/kiosk or ~/.local/state/kiosk)");
    flag("--no-staff-keys", &o.staffKeys, false,
         "keyboard shortcuts (F2, F5, Ctrl+Q) only in the admin view, as a\n"
         "fullscreen kiosk always does (a windowed preview has them anyway)");
    text("--language", o.language, "LANG", "a language such as zh-Hans or en",
         "the language of messages for staff (validate, report, publish, the\n"
         "editor, the admin panel): zh-Hans or en (default: from the locale)");
    text("--log-file", o.logFile, "FILE", "a file name, or none",
         "also write every log line, with its time and level, to FILE, rotated\n"
         "at 5 MiB (FILE.1 ... FILE.5); 'none' for no file (default: none under\n"
         "systemd, whose journal keeps them, or with --script; else\n"
         "<state dir>/logs/kiosk.log); the lines always go to stderr too")
        ->check(CLI::Validator(
            [this](std::string& v) {
              return v.empty() ? fail(std::string("--log-file needs a file name, or none for no log file") + kSeeHelp)
                               : std::string();
            },
            ""));
    number("--display-width-mm", o.displayWidthMm, 50, 20000, "N", "a width in millimetres",
           "the screen's width in millimetres, from 50 to 20000",
           "the screen's visible width in millimetres, when the display does not\n"
           "report it truly (keeps every touch target at least 9 mm)");
    help_ = flag("-h,--help", nullptr, true, "show this text");
    version_ = flag("--version", nullptr, true, "show the version");

    // The verbs' own options, described with their verbs above rather than in the list.
    flag("--json", &o.json, true, "", "");
    date("--from", o.from, "", "");
    date("--to", o.to, "", "");
    text("--csv", o.csvFile, "FILE", "a file name", "", "");
    text("--versions", o.versionsDir, "DIR", "a folder", "", "");
    number("--keep", o.keep, 2, 100, "N", "a number of versions", "a number of versions from 2 to 100", "", "");
    number("--quiet-seconds", o.quietSeconds, 0, 86400, "S", "a number of seconds",
           "a number of seconds from 0 to 86400", "", "");
    flag("--rollback", &o.rollback, true, "", "");
    text("--format", o.format, "FORMAT", "xliff or po", "", "");
    text("--output", o.output, "FILE", "a file name", "", "");
    // The editor's live preview (see Options::embedInto).
    cli_.add_option("--embed-into", o.embedInto)->group("");
    flag("--control-stdin", &o.controlStdin, true, "", "");
  }

  // A folder given without an option: CONTENT_DIR, or publish's STAGING and CONTENT_LINK.
  CLI::Option* operand(const char* name, std::string& out) {
    return cli_.add_option(name, out)->check(CLI::Validator(
        [this](std::string& v) {
          // As before CLI11: whatever starts with '-' and is no option is a mistake, not a folder
          // (CLI11 itself would take "---x" or "-5" for a folder).
          return !v.empty() && v[0] == '-' ? fail("unknown option '" + v + "'" + kSeeHelp) : std::string();
        },
        ""));
  }

  bool given(const char* name) const { return cli_.get_option(name)->count() > 0; }

  // -h/--help or --version, whichever came last; nullopt for neither.
  std::optional<Options::Verb> askedFor() const {
    const auto& order = cli_.parse_order();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if (*it == help_) return Options::Verb::Help;
      if (*it == version_) return Options::Verb::Version;
    }
    return std::nullopt;
  }

  // One sentence for what CLI11 refused. `args` are the arguments it was given, in order.
  std::string explain(const CLI::ParseError& e, const std::vector<std::string>& args) const {
    if (!error_.empty()) return error_; // a value's check said it already
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && !args.empty()) {
      // CLI11 takes the next argument as the value whatever it looks like, so a value is missing
      // only after the last argument.
      const std::string& last = args.back();
      const std::string name = last.substr(0, last.find('='));
      const auto* opt = cli_.get_option_no_throw(name);
      const auto what = needs_.find(opt);
      return name + " needs " + (what != needs_.end() ? what->second : std::string("a value")) + kSeeHelp;
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
      std::string first; // the first argument left over ("--" is CLI11's end of options)
      for (const auto& a : cli_.remaining()) {
        if (a != "--") {
          first = a;
          break;
        }
      }
      if (o_.verb == Options::Verb::HashPin) {
        // Never repeated in the message: it may be the PIN, which belongs in no shell history.
        return "hash-pin takes nothing more: it reads the PIN from its input, so the PIN stays out of the shell's "
               "history; run kiosk hash-pin and type it";
      }
      if (!first.empty() && first[0] == '-') return "unknown option '" + first + "'" + kSeeHelp;
      if (o_.verb == Options::Verb::Publish) {
        return "publish takes the staging folder and the content link only, not also '" + first + "'" + kSeeHelp;
      }
      return "more than one content folder given ('" + o_.contentDir + "' and '" + first + "')" + kSeeHelp;
    }
    return std::string(e.what()) + kSeeHelp; // not expected: CLI11's own words
  }

  // The list of options for the help text: "  --name VALUE" then the description, its lines
  // indented to the same column.
  std::string optionsHelp() const {
    std::string out;
    for (const CLI::Option* opt : cli_.get_options()) {
      if (opt->get_group() != kListed) continue;
      std::string label;
      for (const auto& s : opt->get_snames())
        label += "-" + s + ", ";
      for (const auto& l : opt->get_lnames())
        label += "--" + l + ", ";
      label.resize(label.size() - 2);
      if (opt->get_items_expected_max() > 0) label += " " + opt->get_type_name();
      out += "  " + label + std::string(label.size() + 2 < kHelpColumn ? kHelpColumn - 2 - label.size() : 1, ' ');
      for (const char c : opt->get_description()) {
        out += c;
        if (c == '\n') out += std::string(kHelpColumn, ' ');
      }
      out += '\n';
    }
    return out;
  }

private:
  // Keeps the first mistake's sentence and hands it to CLI11, which then stops.
  std::string fail(std::string sentence) const {
    if (error_.empty()) error_ = sentence;
    return sentence;
  }

  CLI::Validator rule(const char* name, bool (*ok)(const std::string&), const char* isNot) {
    return CLI::Validator(
        [this, name, ok, isNot](std::string& v) {
          return ok(v) ? std::string() : fail(std::string(name) + " '" + v + "' " + isNot + kSeeHelp);
        },
        "");
  }

  // A switch: when given, `*out` (if any) becomes `given`.
  CLI::Option* flag(const char* names, bool* out, bool given, const char* help, const char* group = kListed) {
    auto* opt = cli_.add_flag(names)->description(help)->group(group);
    // CLI11 would read --windowed=no as "not windowed"; the kiosk's switches take no value.
    opt->check(CLI::Validator(
        [this, opt](std::string& v) {
          return v == "true" ? std::string()
                             : fail(opt->get_name() + " takes no value, but was given '" + v + "'" + kSeeHelp);
        },
        ""));
    return out ? opt->each([out, given](const std::string&) { *out = given; }) : opt;
  }

  CLI::Option* text(const char* name, std::string& out, const char* valueName, const char* needs, const char* help,
                    const char* group = kListed) {
    auto* opt = cli_.add_option(name, out, help)->type_name(valueName)->group(group);
    needs_[opt] = needs;
    return opt;
  }

  CLI::Option* size(const char* name, unsigned& width, unsigned& height, const char* help) {
    auto* opt = cli_.add_option_function<std::string>(
        name, [&width, &height](const std::string& v) { parseSize(v, width, height); }, help);
    opt->type_name("WxH")->group(kListed);
    needs_[opt] = "a size like 1920x1080";
    return opt->check(rule(name, isSize, "is not a size like 1920x1080 (320x240 to 16384x16384)"));
  }

  CLI::Option* date(const char* name, std::string& out, const char* help, const char* group = kListed) {
    auto* opt = text(name, out, "YYYY-MM-DD", "a date like 2026-12-15", help, group);
    return opt->check(rule(name, isDate, "is not a date like 2026-12-15"));
  }

  CLI::Option* number(const char* name, unsigned& out, unsigned min, unsigned max, const char* valueName,
                      const char* needs, const char* range, const char* help, const char* group = kListed) {
    // Read as decimal here, not by CLI11, which would read 010 as octal 8.
    auto* opt = cli_.add_option_function<std::string>(
        name, [&out](const std::string& v) { std::from_chars(v.data(), v.data() + v.size(), out); }, help);
    opt->type_name(valueName)->group(group);
    needs_[opt] = needs;
    return opt->check(CLI::Validator(
        [this, name, min, max, range](std::string& v) {
          return isWholeNumber(v, min, max) ? std::string()
                                            : fail(std::string(name) + " '" + v + "' is not " + range + kSeeHelp);
        },
        ""));
  }

  CLI::App& cli_;
  Options& o_;
  std::string& error_;
  std::map<const CLI::Option*, std::string> needs_; // what an option's missing value should have been
  CLI::Option* help_ = nullptr;
  CLI::Option* version_ = nullptr;
};

} // namespace

const char* usageText() {
  static const std::string text = [] {
    Options o;
    std::string error;
    CLI::App cli;
    return kUsageHead + Grammar(cli, o, error).optionsHelp() + kUsageTail;
  }();
  return text.c_str();
}

std::optional<Options> parseCommandLine(int argc, const char* const* argv, std::string& error) {
  Options o;
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  // A verb is the first argument or none: after anything else the same word is a content folder.
  std::size_t verbWords = 1;
  const std::string first = args.empty() ? std::string() : args[0];
  if (first == "validate") {
    o.verb = Options::Verb::Validate;
  } else if (first == "hash-pin") {
    o.verb = Options::Verb::HashPin;
  } else if (first == "publish") {
    o.verb = Options::Verb::Publish;
  } else if (first == "report") {
    const std::string what = args.size() > 1 ? args[1] : std::string();
    if (what != "translations" && what != "visits") {
      error = what.empty() ? std::string("report needs what to report, translations or visits") + kSeeHelp
                           : "report '" + what + "' is not something to report (translations or visits)" + kSeeHelp;
      return std::nullopt;
    }
    o.verb = what == "visits" ? Options::Verb::ReportVisits : Options::Verb::ReportTranslations;
    verbWords = 2;
  } else if (first == "edit") {
    o.verb = Options::Verb::Edit;
  } else if (first == "translations") {
    const std::string what = args.size() > 1 ? args[1] : std::string();
    if (what != "export" && what != "import") {
      error = what.empty() ? std::string("translations needs export or import") + kSeeHelp
                           : "translations '" + what + "' is not export or import" + kSeeHelp;
      return std::nullopt;
    }
    o.verb = what == "export" ? Options::Verb::TranslationsExport : Options::Verb::TranslationsImport;
    verbWords = 2;
  } else if (first == "new") {
    const std::string what = args.size() > 1 ? args[1] : std::string();
    if (what != "section" && what != "item") {
      error = what.empty() ? std::string("new needs what to make: section or item") + kSeeHelp
                           : "new '" + what + "' is not section or item" + kSeeHelp;
      return std::nullopt;
    }
    o.verb = what == "section" ? Options::Verb::NewSection : Options::Verb::NewItem;
    verbWords = 2;
  } else {
    verbWords = 0;
  }
  args.erase(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(verbWords));

  CLI::App cli{"", "kiosk"};
  std::string checkError; // a value check's sentence, set before CLI11 stops
  Grammar grammar(cli, o, checkError);
  if (o.verb == Options::Verb::Publish) {
    grammar.operand("STAGING", o.staging); // with --rollback: the content link, moved below
    grammar.operand("CONTENT_LINK", o.contentDir);
  } else if (o.verb == Options::Verb::TranslationsExport) {
    grammar.operand("CONTENT_DIR", o.contentDir);
    grammar.operand("LANGUAGE", o.targetLanguage);
  } else if (o.verb == Options::Verb::TranslationsImport) {
    grammar.operand("FILE", o.importFile);
    grammar.operand("CONTENT_DIR", o.contentDir);
  } else if (o.verb == Options::Verb::NewSection || o.verb == Options::Verb::NewItem) {
    grammar.operand("ID", o.newId);
    grammar.operand("CONTENT_DIR", o.contentDir);
  } else if (o.verb != Options::Verb::HashPin) {
    grammar.operand("CONTENT_DIR", o.contentDir);
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them from the back
    cli.parse(reversed);
  } catch (const CLI::ParseError& e) {
    error = grammar.explain(e, args);
    return std::nullopt;
  }
  if (const auto asked = grammar.askedFor()) o.verb = *asked;

  if (o.verb == Options::Verb::Publish) {
    bool haveLink = grammar.given("CONTENT_LINK");
    if (o.rollback && !haveLink && !o.staging.empty()) {
      o.contentDir = std::exchange(o.staging, std::string());
      haveLink = true;
    }
    if (o.rollback && !o.staging.empty()) {
      error = std::string("publish --rollback takes the content link only: kiosk publish --rollback CONTENT_LINK") +
              kSeeHelp;
      return std::nullopt;
    }
    if (!haveLink) {
      error = std::string("publish needs the staging folder and the content link: kiosk publish STAGING CONTENT_LINK "
                          "(e.g. /var/lib/kiosk/staging /var/lib/kiosk/content)") +
              kSeeHelp;
      return std::nullopt;
    }
  }
  if (o.verb == Options::Verb::TranslationsExport) {
    if (o.targetLanguage.empty()) {
      error = std::string("translations export needs the content folder and a language: kiosk translations export "
                          "--format xliff content ru") + kSeeHelp;
      return std::nullopt;
    }
    if (o.format != "xliff" && o.format != "po") {
      error = "--format " + o.format + " is not a format translators read: xliff (XLIFF 2.0) or po (gettext)" + kSeeHelp;
      return std::nullopt;
    }
  }
  if (o.verb == Options::Verb::TranslationsImport && o.importFile.empty()) {
    error = std::string("translations import needs the file and the content folder: kiosk translations import ru.xlf content") +
            kSeeHelp;
    return std::nullopt;
  }
  if ((o.verb == Options::Verb::NewSection || o.verb == Options::Verb::NewItem) && o.newId.empty()) {
    error = o.verb == Options::Verb::NewSection
                ? std::string("new section needs a name for its folder: kiosk new section 07-museums") + kSeeHelp
                : std::string("new item needs its section and a name: kiosk new item 07-museums/01-liaoning-museum") + kSeeHelp;
    return std::nullopt;
  }
  if (o.verb == Options::Verb::ReportVisits && !o.from.empty() && !o.to.empty() && o.to < o.from) {
    error = "--to " + o.to + " is before --from " + o.from + kSeeHelp;
    return std::nullopt;
  }
  return o;
}

std::string staffLanguage(const Options& o) {
  if (!o.language.empty()) return o.language;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;
    std::string locale(v);
    locale = locale.substr(0, locale.find_first_of(".@")); // zh_CN.UTF-8, sr_RS@latin
    if (locale == "C" || locale == "POSIX") return "en";
    std::replace(locale.begin(), locale.end(), '_', '-');
    if (locale.rfind("zh", 0) == 0) {
      if (locale.find("Hant") != std::string::npos || locale == "zh-TW" || locale == "zh-HK" || locale == "zh-MO")
        return "zh-Hant";
      return "zh-Hans";
    }
    return locale;
  }
  return "en";
}

std::string stateDirectory(const Options& o) {
  if (!o.stateDir.empty()) return o.stateDir;
  const char* x = std::getenv("XDG_STATE_HOME");
  if (x && *x == '/') return std::string(x) + "/kiosk";
  const char* home = std::getenv("HOME");
  return std::string(home && *home == '/' ? home : "/tmp") + "/.local/state/kiosk";
}

std::string analyticsDirectory(const Options& o) {
  return stateDirectory(o) + "/analytics";
}

std::string logFilePath(const Options& o, bool stderrIsJournal) {
  if (o.logFile == "none") return {};
  if (!o.logFile.empty()) return o.logFile;
  if (!o.script.empty() || stderrIsJournal) return {};
  return stateDirectory(o) + "/logs/kiosk.log";
}

std::filesystem::path findAssets(const Options& options, const char* argv0) {
  namespace fs = std::filesystem;
  if (!options.assetsDir.empty()) return options.assetsDir;
  if (const char* env = std::getenv("KIOSK_ASSETS")) return env;
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  for (const fs::path& candidate : {exe.parent_path() / "assets", exe.parent_path().parent_path() / "assets",
                                    exe.parent_path().parent_path() / "share/kiosk/assets"})
    if (!ec && fs::exists(candidate / "ui-strings.toml", ec)) return candidate;
  (void)argv0;
  return KIOSK_SOURCE_ASSETS;
}

} // namespace kiosk::app
