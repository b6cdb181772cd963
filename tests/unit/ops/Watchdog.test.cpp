#include "ops/Watchdog.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

using namespace kiosk;

TEST_CASE("[Watchdog] a running frame loop beats every interval, and a stalled one stops beating") {
  std::vector<std::pair<double, std::string>> sent;
  VirtualClock clock;
  Watchdog dog([&](const std::string& s) { sent.emplace_back(clock.now(), s); }, 5.0); // WatchdogSec=10
  for (int i = 0; i < 60; ++i) { // a second of frames before the first screen: no beats yet
    clock.advance(1.0 / 60);
    dog.frameDone(clock.now());
  }
  CHECK(sent.empty());
  dog.ready(clock.now(), "showing content/ (6 sections)");
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].second == "READY=1\nSTATUS=showing content/ (6 sections)");
  CHECK(sent[1].second == "WATCHDOG=1");
  // A minute of frames at 60 fps: a beat every 5 s, never two closer.
  for (int i = 0; i < 3600; ++i) {
    clock.advance(1.0 / 60);
    dog.frameDone(clock.now());
  }
  CHECK(dog.beats() >= 12); // one at ready, then one every 5 s of the minute
  CHECK(dog.beats() <= 13);
  for (size_t i = 2; i < sent.size(); ++i) CHECK(sent[i].first - sent[i - 1].first >= 5.0 - 1e-9);
  // The frame loop hangs for 30 s (a driver stuck in a call): no frame, no beat. systemd's
  // WatchdogSec=10 then passes without a beat and it restarts the kiosk.
  const size_t before = sent.size();
  clock.advance(30);
  CHECK(sent.size() == before);
  // Frames again (had systemd not restarted it): beating resumes at once.
  dog.frameDone(clock.now());
  CHECK(sent.size() == before + 1);
}

TEST_CASE("[Watchdog] without a watchdog interval nothing beats, and status lines go out only when they change") {
  std::vector<std::string> sent;
  Watchdog dog([&](const std::string& s) { sent.push_back(s); }, 0);
  dog.ready(0, "starting");
  dog.ready(1, "again"); // once
  for (int i = 0; i < 1000; ++i) dog.frameDone(i);
  dog.status("starting");
  dog.status("content has 2 errors");
  dog.status("content has 2 errors");
  REQUIRE(sent.size() == 2);
  CHECK(sent[0] == "READY=1\nSTATUS=starting");
  CHECK(sent[1] == "STATUS=content has 2 errors");
  Watchdog nan([&](const std::string& s) { sent.push_back(s); }, std::numeric_limits<double>::quiet_NaN());
  CHECK(nan.interval() == 0);
}
