#include "ops/Log.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <fstream>
#include <ostream>
#include <regex>
#include <sstream>

using namespace kiosk::log;
namespace fs = std::filesystem;

namespace {

std::string slurpLog(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

LogLine at(std::string text, Level level = Level::Info) { return {std::chrono::system_clock::now(), level, std::move(text)}; }

} // namespace

TEST_CASE("[Log] lines are cut at newlines, across partial writes and several in one write") {
  std::vector<std::string> lines;
  LineSplitter splitter([&](std::string_view l) { lines.emplace_back(l); });
  std::ostream out(&splitter);
  out << "kiosk: ready " << 120 << " ms";
  CHECK(lines.empty()); // not a line until it ends
  out << " after start\nkiosk: one\nkiosk: two\n";
  out << 'x';
  out.put('\n');
  out << "\n"; // an empty line is a line
  out << "unfinished";
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "kiosk: ready 120 ms after start");
  CHECK(lines[1] == "kiosk: one");
  CHECK(lines[2] == "kiosk: two");
  CHECK(lines[3] == "x");
  CHECK(lines[4].empty());
  splitter.flushAll(); // at exit the unfinished line is handed over too
  REQUIRE(lines.size() == 6);
  CHECK(lines[5] == "unfinished");
}

TEST_CASE("[Log] two threads writing at once each give whole lines") {
  std::mutex m;
  std::vector<std::string> lines;
  LineSplitter splitter([&](std::string_view l) {
    std::lock_guard lock(m);
    lines.emplace_back(l);
  });
  auto writer = [&](char c) {
    std::ostream out(&splitter);
    for (int i = 0; i < 500; ++i) out << "kiosk: " << c << c << c << " " << i << "\n";
  };
  std::thread a(writer, 'a'), b(writer, 'b');
  a.join();
  b.join();
  REQUIRE(lines.size() == 1000);
  for (const auto& l : lines) CHECK(std::regex_match(l, std::regex("kiosk: (aaa|bbb) [0-9]+")));
}

TEST_CASE("[Log] levels and events: diagnostics name their file, the kiosk's sentences their event") {
  auto i = classify("sections/01-city/02-history.toml:12:5: error: 'title' is missing; add a title line");
  CHECK(i.level == Level::Error);
  CHECK(i.event == "content_error");
  CHECK(i.file == "sections/01-city/02-history.toml");
  CHECK(i.line == 12);

  i = classify("sections/01-city/images/cover.jpg: warning: the picture is damaged; a placeholder is shown instead");
  CHECK(i.level == Level::Warning);
  CHECK(i.event == "picture_error");
  CHECK(i.file == "sections/01-city/images/cover.jpg");
  CHECK(i.line == 0);

  i = classify("walk.kscript:3: error: expected screen 'item' but the kiosk shows 'attract'");
  CHECK(i.event == "script_error");
  CHECK(i.line == 3);

  i = classify("kiosk: error: loading failed (bad_alloc); the previous content stays on screen");
  CHECK(i.level == Level::Error);
  CHECK(i.file.empty());

  CHECK(classify("kiosk: ready 812 ms after start (content 40 ms, fonts 300 ms, on a worker)").event == "ready");
  CHECK(classify("kiosk: ready 812 ms after start").level == Level::Info);
  CHECK(classify("kiosk: content reloaded, on screen 300 ms after the change (content 4 ms)").event == "reload");
  CHECK(classify("kiosk: display asleep (outside opening hours)").event == "display_power");
  const auto lost = classify("kiosk: lost the X display ':0' (the X server stopped or crashed); exiting with status 69");
  CHECK(lost.event == "display_lost");
  CHECK(lost.level == Level::Error);
  CHECK(classify("kiosk: memory: peak 300 MiB, now 200 MiB").event == "memory");
  const auto c = classify("kiosk: the content folder has errors; the previous content stays on screen until they are fixed");
  CHECK(c.event == "content_error");
  CHECK(c.level == Level::Error);
  CHECK(classify("kiosk: no installed font can draw U+1f600; it is left out").level == Level::Warning);
  CHECK(classify("kiosk: cannot write the metrics file /x.prom; check the folder").level == Level::Error);
  CHECK(classify("kiosk: cannot keep the start count in /s/starts (No space left on device); it stays 41 there").event == "metrics");
  const auto cache = classify("kiosk: cannot write to the image cache folder /c (No space left on device); pictures are decoded");
  CHECK(cache.event == "image_cache");
  CHECK(cache.level == Level::Warning);
  CHECK(classify("kiosk: 600 frames drawn, whole frame: median 2.1 ms").event == "frame_times");

  // Lines the table does not know: their words decide, and no event is made up.
  const auto sfml = classify("Failed to set DPMS mode");
  CHECK(sfml.level == Level::Error);
  CHECK(sfml.event.empty());
  CHECK(classify("kiosk: something new went wrong: cannot open it").level == Level::Error);
  CHECK(classify("Warning: a library is unhappy").level == Level::Warning);
  CHECK(classify("kiosk: font /usr/share/fonts/NotoSans-Regular.ttf").level == Level::Info);
  CHECK(classify("").level == Level::Info);
}

TEST_CASE("[Log] a file line starts with the local time in ISO 8601 and the level") {
  const auto text = formatFileLine(at("kiosk: the content folder has errors", Level::Error));
  CHECK(std::regex_match(text, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d error kiosk: the content folder has errors)")));
  CHECK(formatFileLine(at("x", Level::Warning)).find(" warning x") != std::string::npos);
  CHECK(formatFileLine(at("x")).find(" info x") != std::string::npos);
}

TEST_CASE("[Log] recent problems keep the last warnings and errors only, oldest first") {
  RecentProblems ring(3);
  ring.add(at("kiosk: ready", Level::Info));
  for (int i = 0; i < 5; ++i) ring.add(at("problem " + std::to_string(i), i % 2 ? Level::Warning : Level::Error));
  const auto lines = ring.snapshot();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "problem 2");
  CHECK(lines[1].text == "problem 3");
  CHECK(lines[1].level == Level::Warning);
  CHECK(lines[2].text == "problem 4");
}

TEST_CASE("[Log] recent problems are safe to read while other threads add") {
  RecentProblems ring(50);
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done) CHECK(ring.snapshot().size() <= 50);
  });
  std::thread a([&] { for (int i = 0; i < 2000; ++i) ring.add(at("a", Level::Error)); });
  std::thread b([&] { for (int i = 0; i < 2000; ++i) ring.add(at("b", Level::Warning)); });
  a.join();
  b.join();
  done = true;
  reader.join();
  CHECK(ring.snapshot().size() == 50);
}

TEST_CASE("[Log] the log file gets every line with its time and level") {
  kiosk::test::TempFolder tmp;
  const auto file = tmp.path() / "logs" / "kiosk.log"; // the folder is made when missing
  std::vector<std::string> warnings;
  {
    RotatingFile log(file, {}, [&](const std::string& w) { warnings.push_back(w); });
    log.append(at("kiosk: ready 10 ms after start"));
    log.append(at("a.toml:1:1: error: bad", Level::Error));
  }
  const auto text = slurpLog(file);
  CHECK(text.find(" info kiosk: ready 10 ms after start\n") != std::string::npos);
  CHECK(text.find(" error a.toml:1:1: error: bad\n") != std::string::npos);
  CHECK(warnings.empty());
}

TEST_CASE("[Log] rotation by size keeps N files and deletes only its own") {
  kiosk::test::TempFolder tmp;
  const auto file = tmp.path() / "kiosk.log";
  tmp.write("kiosk.log.txt", "not ours");
  tmp.write("other.log", "not ours");
  tmp.write("kiosk.log.9", "not ours either: beyond keep");
  RotatingFile::Limits limits;
  limits.maxBytes = 1000;
  limits.keep = 3;
  {
    RotatingFile log(file, limits, {});
    // Lines of 100 bytes with their stamp: about 9 to a file; 100 lines make 11 files' worth.
    for (int i = 0; i < 100; ++i) {
      char text[64];
      std::snprintf(text, sizeof text, "kiosk: line %03d %s", i, std::string(40, 'x').c_str());
      log.append(at(text));
    }
    log.flush();
    for (int i = 0; i <= 3; ++i) {
      const auto p = i == 0 ? file : fs::path(file.string() + "." + std::to_string(i));
      REQUIRE(fs::exists(p));
      CHECK(fs::file_size(p) <= 1000);
      CHECK(fs::file_size(p) > 800);
    }
  }
  CHECK_FALSE(fs::exists(file.string() + ".4"));
  CHECK(slurpLog(tmp.path() / "kiosk.log.txt") == "not ours");
  CHECK(slurpLog(tmp.path() / "other.log") == "not ours");
  CHECK(fs::exists(tmp.path() / "kiosk.log.9"));
  // Newest in kiosk.log, the one before in kiosk.log.1.
  CHECK(slurpLog(file).find("kiosk: line 099") != std::string::npos);
  const auto previous = slurpLog(file.string() + ".1");
  CHECK(previous.find("kiosk: line 099") == std::string::npos);
  CHECK(previous.back() == '\n');
}

TEST_CASE("[Log] a log file that cannot be written is said once, and nothing else breaks") {
  kiosk::test::TempFolder tmp;
  tmp.write("blocker", "a file where the folder should be");
  std::vector<std::string> warnings;
  {
    RotatingFile log(tmp.path() / "blocker" / "kiosk.log", {}, [&](const std::string& w) { warnings.push_back(w); });
    for (int i = 0; i < 10; ++i) log.append(at("kiosk: line"));
    log.flush();
  }
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("cannot write the log file") != std::string::npos);
  CHECK(warnings[0].find("--log-file none") != std::string::npos);
}

TEST_CASE("[Log] what speech said is information, whatever its words") {
  auto i = classify("kiosk: speech: voice=en lang=en \"If you cannot see the screen, an error is no failure\"");
  CHECK(i.level == Level::Info);
  CHECK(i.event == "speech");
  CHECK(classify("kiosk: speech: stopped").level == Level::Info);
  CHECK(classify("kiosk: speech: no sound device (Failed to open the audio device); speech is silent and only logged").level ==
        Level::Warning);
  CHECK(classify("kiosk: speech: cannot write /tmp/x/001-en.wav").level == Level::Warning);
}
