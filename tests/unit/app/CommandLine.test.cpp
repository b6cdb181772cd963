#include "app/CommandLine.h"

#include <doctest/doctest.h>

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
