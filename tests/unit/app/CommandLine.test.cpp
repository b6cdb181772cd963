#include "app/CommandLine.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <vector>

using namespace kiosk::app;

namespace {
std::optional<Options> parse(std::vector<const char*> args, std::string& error) {
  args.insert(args.begin(), "kiosk");
  return parseCommandLine(static_cast<int>(args.size()), args.data(), error);
}
} // namespace

TEST_CASE("[CommandLine] defaults: fullscreen on ./content") {
  std::string e;
  const auto o = parse({}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::Run);
  CHECK(o->contentDir == "content");
  CHECK_FALSE(o->windowed);
  CHECK(o->width == 0);
}

TEST_CASE("[CommandLine] options for staff previews and scripted runs") {
  std::string e;
  const auto o = parse({"--windowed", "--size", "1280x720", "--script", "s.kscript", "--screenshots", "out", "my-content"}, e);
  REQUIRE(o);
  CHECK(o->windowed);
  CHECK(o->width == 1280);
  CHECK(o->height == 720);
  CHECK(o->script == "s.kscript");
  CHECK(o->screenshotDir == "out");
  CHECK(o->contentDir == "my-content");
}

TEST_CASE("[CommandLine] picture options: texture budget and disk cache") {
  std::string e;
  const auto d = parse({}, e);
  REQUIRE(d);
  CHECK(d->textureBudgetMiB == 0); // chosen from the screen
  CHECK(d->imageCache);
  CHECK(d->imageCacheDir.empty());
  const auto o = parse({"--texture-budget", "512", "--image-cache", "/var/cache/kiosk"}, e);
  REQUIRE(o);
  CHECK(o->textureBudgetMiB == 512);
  CHECK(o->imageCacheDir == "/var/cache/kiosk");
  CHECK_FALSE(parse({"--no-image-cache"}, e)->imageCache);
  CHECK(parse({"--display-width-mm", "1210"}, e)->displayWidthMm == 1210);
}

TEST_CASE("[CommandLine] verbs") {
  std::string e;
  CHECK(parse({"--help"}, e)->verb == Options::Verb::Help);
  CHECK(parse({"--version"}, e)->verb == Options::Verb::Version);
  const auto v = parse({"validate", "x"}, e);
  CHECK(v->verb == Options::Verb::Validate);
  CHECK(v->contentDir == "x");
  CHECK(std::string(usageText()).find("--windowed") != std::string::npos);
}

TEST_CASE("[CommandLine] mistakes are explained") {
  const std::pair<std::vector<const char*>, const char*> cases[] = {
      {{"--size", "big"}, "not a size"},
      {{"--size", "10x10"}, "not a size"},
      {{"--size"}, "needs"},
      {{"--frobnicate"}, "unknown option"},
      {{"a", "b"}, "more than one content folder"},
      {{"--fps", "0"}, "--fps"},
      {{"--date", "2026-02-30"}, "not a date"},
      {{"--date", "tomorrow"}, "not a date"},
      {{"--texture-budget", "10"}, "from 64 to 65536"},
      {{"--texture-budget", "lots"}, "from 64 to 65536"},
      {{"--image-cache"}, "needs a folder"},
      {{"--display-width-mm", "5"}, "from 50 to 20000"},
  };
  for (const auto& [args, message] : cases) {
    std::string e;
    CHECK_FALSE(parse(args, e));
    CHECK(e.find(message) != std::string::npos);
  }
}

TEST_CASE("[CommandLine] report visits: days, CSV and state folder") {
  std::string e;
  const auto o = parse({"report", "visits", "--from", "2026-03-01", "--to", "2026-03-31", "--csv", "items.csv", "--state-dir", "/srv/s"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::ReportVisits);
  CHECK(o->from == "2026-03-01");
  CHECK(o->to == "2026-03-31");
  CHECK(o->csvFile == "items.csv");
  CHECK(o->stateDir == "/srv/s");
  CHECK_FALSE(parse({"report", "visits", "--from", "2026-02-30"}, e));
  CHECK(e.find("--from '2026-02-30' is not a date") != std::string::npos);
  CHECK_FALSE(parse({"report", "visits", "--from", "2026-03-02", "--to", "2026-03-01"}, e));
  CHECK_FALSE(parse({"report", "sales"}, e));
  CHECK(std::string(usageText()).find("report visits") != std::string::npos);
}

TEST_CASE("[CommandLine] hash-pin takes no arguments, so a PIN never lands in the shell history") {
  std::string e;
  const auto o = parse({"hash-pin"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::HashPin);
  CHECK(std::string(usageText()).find("kiosk hash-pin") != std::string::npos);
  CHECK(std::string(usageText()).find("admin_pin") != std::string::npos);
  // The PIN given as an argument is refused, and the message does not repeat it.
  for (const char* pin : {"2468", "-2468"}) {
    CAPTURE(pin);
    CHECK_FALSE(parse({"hash-pin", pin}, e));
    CHECK(e.find("reads the PIN from its input") != std::string::npos);
    CHECK(e.find("2468") == std::string::npos);
  }
  // Only as the verb: a content folder named hash-pin still works.
  const auto dir = parse({"--windowed", "hash-pin"}, e);
  REQUIRE(dir);
  CHECK(dir->verb == Options::Verb::Run);
  CHECK(dir->contentDir == "hash-pin");
}

TEST_CASE("[CommandLine] log file: default under the state folder, none for scripts and the journal") {
  std::string e;
  auto o = parse({"--state-dir", "/srv/kiosk-state"}, e);
  REQUIRE(o);
  CHECK(logFilePath(*o, false) == "/srv/kiosk-state/logs/kiosk.log");
  CHECK(logFilePath(*o, true).empty()); // the journal keeps the lines already

  o = parse({"--state-dir", "/srv/kiosk-state", "--script", "s.kscript"}, e);
  REQUIRE(o);
  CHECK(logFilePath(*o, false).empty()); // tests never write the user's state folder

  o = parse({"--script", "s.kscript", "--log-file", "/tmp/x/kiosk.log"}, e);
  REQUIRE(o);
  CHECK(logFilePath(*o, false) == "/tmp/x/kiosk.log");
  CHECK(logFilePath(*o, true) == "/tmp/x/kiosk.log"); // asked for: written under systemd too

  o = parse({"--log-file", "none"}, e);
  REQUIRE(o);
  CHECK(logFilePath(*o, false).empty());

  CHECK_FALSE(parse({"--log-file"}, e));
  CHECK(e.find("--log-file needs") != std::string::npos);
  CHECK_FALSE(parse({"--log-file", ""}, e));
}

TEST_CASE("[CommandLine] publish takes the staging folder and the content link") {
  std::string e;
  auto o = parse({"publish", "--keep", "5", "--quiet-seconds", "0", "/var/lib/kiosk/staging", "/var/lib/kiosk/content"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::Publish);
  CHECK(o->staging == "/var/lib/kiosk/staging");
  CHECK(o->contentDir == "/var/lib/kiosk/content");
  CHECK(o->keep == 5);
  CHECK(o->quietSeconds == 0);
  o = parse({"publish", "/s", "/c"}, e);
  REQUIRE(o);
  CHECK(o->keep == 3);
  CHECK(o->quietSeconds == 30);
  o = parse({"publish", "--rollback", "/var/lib/kiosk/content"}, e);
  REQUIRE(o);
  CHECK(o->rollback);
  CHECK(o->contentDir == "/var/lib/kiosk/content");
  CHECK(o->staging.empty());
  CHECK_FALSE(parse({"publish", "/var/lib/kiosk/staging"}, e));
  CHECK(e.find("kiosk publish STAGING CONTENT_LINK") != std::string::npos);
  CHECK_FALSE(parse({"publish", "--keep", "1", "/s", "/c"}, e));
  CHECK(e.find("--keep") != std::string::npos);
  CHECK_FALSE(parse({"publish", "--rollback", "/s", "/c"}, e));
  CHECK_FALSE(parse({"publish", "/s", "/c", "/d"}, e));
}

namespace {
// The message for `args`, which must be refused.
std::string refusal(std::vector<const char*> args) {
  std::string e;
  CHECK_FALSE(parse(std::move(args), e));
  return e;
}
} // namespace

TEST_CASE("[CommandLine] an unknown option is named, never matched by its prefix nor taken for a folder") {
  for (const char* unknown : {"--frobnicate", "--window", "--Windowed", "--no-image", "-x", "---windowed", "-5", "-"}) {
    CAPTURE(unknown);
    CHECK(refusal({unknown}) == std::string("unknown option '") + unknown + "'; see kiosk --help");
  }
  CHECK(refusal({"--frobnicate=1"}) == "unknown option '--frobnicate=1'; see kiosk --help");
  CHECK(refusal({"validate", "--frobnicate", "x"}) == "unknown option '--frobnicate'; see kiosk --help");
  CHECK(refusal({"report", "visits", "--from-date", "2026-03-01"}) == "unknown option '--from-date'; see kiosk --help");
  CHECK(refusal({"publish", "--kep", "5", "/s", "/c"}) == "unknown option '--kep'; see kiosk --help");
  // No configuration file and no environment variable stands in for an option.
  CHECK(refusal({"--config", "kiosk.ini"}) == "unknown option '--config'; see kiosk --help");
}

TEST_CASE("[CommandLine] a missing value names the option and what it needs") {
  CHECK(refusal({"--fps"}) == "--fps needs a number of frames per second; see kiosk --help");
  CHECK(refusal({"--size"}) == "--size needs a size like 1920x1080; see kiosk --help");
  CHECK(refusal({"--windowed", "--script"}) == "--script needs a script file; see kiosk --help");
  CHECK(refusal({"report", "visits", "--from"}) == "--from needs a date like 2026-12-15; see kiosk --help");
  CHECK(refusal({"publish", "/s", "/c", "--keep"}) == "--keep needs a number of versions; see kiosk --help");
  CHECK(refusal({"--state-dir="}) == "--state-dir needs a folder; see kiosk --help");
}

TEST_CASE("[CommandLine] a bad number names the option and the value") {
  CHECK(refusal({"--fps", "12.5"}) == "--fps '12.5' is not a number from 10 to 500; see kiosk --help");
  CHECK(refusal({"--fps", "501"}) == "--fps '501' is not a number from 10 to 500; see kiosk --help");
  for (const char* bad : {"-30", "+30", "0x20", " 30", "30 ", "", "thirty", "99999999999999999999"}) {
    CAPTURE(bad);
    CHECK(refusal({"--fps", bad}) == std::string("--fps '") + bad + "' is not a number from 10 to 500; see kiosk --help");
  }
  CHECK(refusal({"publish", "--keep", "1", "/s", "/c"}) ==
        "--keep '1' is not a number of versions from 2 to 100; see kiosk --help");
  CHECK(refusal({"publish", "--quiet-seconds", "86401", "/s", "/c"}) ==
        "--quiet-seconds '86401' is not a number of seconds from 0 to 86400; see kiosk --help");
  CHECK(refusal({"--display-width-mm", "20001"}).find("'20001'") != std::string::npos);
  std::string e;
  CHECK(parse({"--fps", "010", "--quiet-seconds", "0"}, e)->fpsLimit == 10); // leading zeros are still decimal
}

TEST_CASE("[CommandLine] an option given twice: the last one counts, and each value is checked") {
  std::string e;
  auto o = parse({"--fps", "30", "--size", "1280x720", "--fps", "50", "--size", "1024x576", "--windowed", "--windowed"}, e);
  REQUIRE(o);
  CHECK(o->fpsLimit == 50);
  CHECK(o->width == 1024);
  CHECK(o->height == 576);
  CHECK(o->windowed);
  // A wrapper's default overridden after it, as tests/e2e/run-kiosk-script.sh allows.
  o = parse({"--date", "2026-12-15", "--image-cache", "/a", "--date", "2027-01-01", "--image-cache", "/b"}, e);
  REQUIRE(o);
  CHECK(o->date == "2027-01-01");
  CHECK(o->imageCacheDir == "/b");
  CHECK(refusal({"--fps", "0", "--fps", "30"}) == "--fps '0' is not a number from 10 to 500; see kiosk --help");
  CHECK(refusal({"--fps", "30", "--fps", "0"}) == "--fps '0' is not a number from 10 to 500; see kiosk --help");
}

TEST_CASE("[CommandLine] a value that looks like an option is still the option's value") {
  std::string e;
  auto o = parse({"--screenshots", "--windowed", "--script", "-", "c"}, e);
  REQUIRE(o);
  CHECK(o->screenshotDir == "--windowed");
  CHECK_FALSE(o->windowed);
  CHECK(o->script == "-");
  CHECK(o->contentDir == "c");
  CHECK(refusal({"--fps", "--windowed"}) == "--fps '--windowed' is not a number from 10 to 500; see kiosk --help");
  CHECK(refusal({"--date", "--to"}) == "--date '--to' is not a date like 2026-12-15; see kiosk --help");
  // The --name=value form, and -- before a folder.
  o = parse({"--size=1280x720", "--log-file=--odd.log", "--", "c"}, e);
  REQUIRE(o);
  CHECK(o->width == 1280);
  CHECK(o->logFile == "--odd.log");
  CHECK(o->contentDir == "c");
  // A switch takes no value: --windowed=no must not quietly mean windowed.
  CHECK(refusal({"--windowed=no"}) == "--windowed takes no value, but was given 'no'; see kiosk --help");
  // Whatever form it takes, a PIN given to hash-pin is refused without being repeated.
  for (const char* pin : {"--", "--2468", "-2468"}) {
    CAPTURE(pin);
    const auto m = refusal({"hash-pin", pin, "2468"});
    CHECK(m.find("reads the PIN from its input") != std::string::npos);
    CHECK(m.find("2468") == std::string::npos);
  }
}

TEST_CASE("[CommandLine] unicode paths pass through unchanged") {
  std::string e;
  auto o = parse({"--script", "脚本/参观.kscript", "--screenshots", "Aufnahmen/Größe", "--state-dir", "/srv/état",
                  "--log-file", "/var/log/киоск.log", "展品/Ausstellungsstücke"},
                 e);
  REQUIRE(o);
  CHECK(o->script == "脚本/参观.kscript");
  CHECK(o->screenshotDir == "Aufnahmen/Größe");
  CHECK(o->stateDir == "/srv/état");
  CHECK(logFilePath(*o, false) == "/var/log/киоск.log");
  CHECK(o->contentDir == "展品/Ausstellungsstücke");
  o = parse({"validate", "محتوى"}, e);
  REQUIRE(o);
  CHECK(o->contentDir == "محتوى");
  o = parse({"publish", "/var/lib/kiosk/暂存", "/var/lib/kiosk/内容"}, e);
  REQUIRE(o);
  CHECK(o->staging == "/var/lib/kiosk/暂存");
  CHECK(o->contentDir == "/var/lib/kiosk/内容");
  CHECK(refusal({"--size", "１２８０x７２０"}) ==
        "--size '１２８０x７２０' is not a size like 1920x1080 (320x240 to 16384x16384); see kiosk --help");
  CHECK(refusal({"展品", "Выставка"}) == "more than one content folder given ('展品' and 'Выставка'); see kiosk --help");
}

TEST_CASE("[CommandLine] help and version after any verb, whichever comes last") {
  std::string e;
  for (const char* asked : {"-h", "--help"}) {
    CAPTURE(asked);
    CHECK(parse({asked}, e)->verb == Options::Verb::Help);
    CHECK(parse({"validate", asked}, e)->verb == Options::Verb::Help);
    CHECK(parse({"publish", asked}, e)->verb == Options::Verb::Help); // no STAGING CONTENT_LINK needed
    CHECK(parse({"hash-pin", asked}, e)->verb == Options::Verb::Help);
  }
  CHECK(parse({"report", "visits", "--version"}, e)->verb == Options::Verb::Version);
  CHECK(parse({"--help", "--version"}, e)->verb == Options::Verb::Version);
  CHECK(parse({"--version", "-h"}, e)->verb == Options::Verb::Help);
  // The help lists every option a staff member may need, each once.
  const std::string usage = usageText();
  for (const char* option : {"--windowed", "--size WxH", "--script FILE", "--screenshots DIR", "--date YYYY-MM-DD",
                             "--assets DIR", "--fps N", "--texture-budget MIB", "--image-cache DIR",
                             "--no-image-cache", "--metrics-file FILE", "--state-dir DIR", "--no-staff-keys",
                             "--log-file FILE", "--display-width-mm N", "-h, --help", "--version"}) {
    CAPTURE(option);
    CHECK(usage.find(std::string("\n  ") + option + " ") != std::string::npos);
  }
}

TEST_CASE("[CommandLine] --frame-times names the file of presented frames (bench_vs_browser)") {
  std::string e;
  auto o = parse({"--frame-times", "frames.txt", "content"}, e);
  REQUIRE(o);
  CHECK(o->frameTimesFile == "frames.txt");
  CHECK(parse({"content"}, e)->frameTimesFile.empty());
}

TEST_CASE("[CommandLine] staff verbs of issue 16: edit, translations, new") {
  std::string e;
  auto o = parse({"edit", "venue"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::Edit);
  CHECK(o->contentDir == "venue");
  o = parse({"translations", "export", "--format", "po", "--output", "ru.po", "venue", "ru"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::TranslationsExport);
  CHECK(o->format == "po");
  CHECK(o->output == "ru.po");
  CHECK(o->contentDir == "venue");
  CHECK(o->targetLanguage == "ru");
  o = parse({"translations", "import", "ru.xlf", "venue"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::TranslationsImport);
  CHECK(o->importFile == "ru.xlf");
  CHECK(o->contentDir == "venue");
  o = parse({"new", "item", "07-museums/01-liaoning-museum"}, e);
  REQUIRE(o);
  CHECK(o->verb == Options::Verb::NewItem);
  CHECK(o->newId == "07-museums/01-liaoning-museum");
  CHECK(o->contentDir == "content");
  // Mistakes are told with the command that was meant.
  CHECK_FALSE(parse({"translations", "export", "--format", "docx", "venue", "ru"}, e));
  CHECK(e.find("xliff") != std::string::npos);
  CHECK_FALSE(parse({"translations", "export", "venue"}, e));
  CHECK(e.find("a language") != std::string::npos);
  CHECK_FALSE(parse({"translations", "send"}, e));
  CHECK_FALSE(parse({"new", "page", "x"}, e));
  CHECK(e.find("section or item") != std::string::npos);
  CHECK_FALSE(parse({"new", "section"}, e));
}

TEST_CASE("[CommandLine] the staff language: --language, else the locale") {
  std::string e;
  auto o = parse({"--language", "zh-Hans", "validate"}, e);
  REQUIRE(o);
  CHECK(staffLanguage(*o) == "zh-Hans");
  o = parse({"validate"}, e);
  REQUIRE(o);
  const char* saved[3] = {std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG")};
  const std::string keep[3] = {saved[0] ? saved[0] : "", saved[1] ? saved[1] : "", saved[2] ? saved[2] : ""};
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  setenv("LANG", "zh_CN.UTF-8", 1);
  CHECK(staffLanguage(*o) == "zh-Hans");
  setenv("LANG", "zh_TW.UTF-8", 1);
  CHECK(staffLanguage(*o) == "zh-Hant");
  setenv("LANG", "C.UTF-8", 1);
  CHECK(staffLanguage(*o) == "en");
  setenv("LC_MESSAGES", "ru_RU.UTF-8", 1);
  CHECK(staffLanguage(*o) == "ru-RU");
  unsetenv("LANG");
  unsetenv("LC_MESSAGES");
  CHECK(staffLanguage(*o) == "en");
  const char* names[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (int i = 0; i < 3; ++i)
    if (saved[i]) setenv(names[i], keep[i].c_str(), 1);
}
