#include "ops/VisitLog.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

VisitEvent itemView(CivilDate date, std::string item, double seconds = 12.5) {
  VisitEvent e;
  e.type = VisitEventType::Item;
  e.date = date;
  e.minuteOfDay = 14 * 60 + 3;
  e.session = 3;
  e.language = "en";
  e.section = "trade";
  e.item = std::move(item);
  e.seconds = seconds;
  return e;
}

std::string slurpVisits(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("[VisitLog] an event is one flat JSON line, and reads back the same") {
  auto e = itemView({2026, 1, 5}, "ftz");
  e.cutAtLastTouch = true;
  // Dwell in hundredths, written as the shortest number that reads back the same (12.5; older
  // kiosks wrote 12.50, which reads the same, see below).
  CHECK(formatVisitLine(e) ==
        "{\"v\":1,\"type\":\"item\",\"date\":\"2026-01-05\",\"time\":\"14:03\",\"session\":3,\"lang\":\"en\",\"section\":\"trade\","
        "\"item\":\"ftz\",\"seconds\":12.5,\"cut\":true}\n");
  VisitEvent end;
  end.type = VisitEventType::SessionEnd;
  end.date = {2026, 12, 31};
  end.minuteOfDay = 1439;
  end.session = 41;
  end.language = "zh-Hans";
  end.seconds = 75.25;
  end.items = 4;
  end.ended = SessionEnd::Visitor;
  std::vector<VisitEvent> all{e, end};
  for (auto t : {VisitEventType::SessionStart, VisitEventType::Language, VisitEventType::Section, VisitEventType::QrShown,
                 VisitEventType::IdleReset}) {
    VisitEvent x = itemView({2026, 2, 1}, "port");
    x.type = t;
    if (t != VisitEventType::QrShown) x.item.clear();
    if (t != VisitEventType::Section) x.seconds = 0;
    if (t != VisitEventType::Section && t != VisitEventType::QrShown) x.section.clear();
    all.push_back(x);
  }
  for (const auto& x : all) {
    const std::string line = formatVisitLine(x);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    const auto back = parseVisitLine(std::string_view(line).substr(0, line.size() - 1));
    REQUIRE(back);
    CHECK(*back == x);
  }
}

TEST_CASE("[VisitLog] a dwell too long to be real is written as a whole number the reader reads back") {
  // The reader takes any non-negative number; written back, 1e300 once came out cut short.
  const auto read = parseVisitLine(
      "{\"v\":1,\"type\":\"section\",\"date\":\"2026-12-15\",\"time\":\"09:02\",\"session\":1,\"lang\":\"en\","
      "\"section\":\"a\",\"seconds\":1e300}");
  REQUIRE(read);
  const std::string line = formatVisitLine(*read);
  CHECK(line.find("\"seconds\":1000000000.0}") != std::string::npos);
  const auto back = parseVisitLine(std::string_view(line).substr(0, line.size() - 1));
  REQUIRE(back);
  CHECK(formatVisitLine(*back) == line);
}

TEST_CASE("[VisitLog] strings are escaped and bytes that are not UTF-8 keep the line valid JSON") {
  auto e = itemView({2026, 1, 5}, "a\"b\\c\nd\x01\xff 上海");
  const std::string line = formatVisitLine(e);
  CHECK(line.find("\"item\":\"a\\\"b\\\\c\\nd\\u0001\xEF\xBF\xBD 上海\"") != std::string::npos);
  const auto back = parseVisitLine(std::string_view(line).substr(0, line.size() - 1));
  REQUIRE(back);
  CHECK(back->item == "a\"b\\c\nd\x01\xEF\xBF\xBD 上海");
}

TEST_CASE("[VisitLog] dwell is kept to hundredths, never written as null, and older kiosks' lines still read") {
  auto e = itemView({2026, 1, 5}, "ftz", 3.14159);
  CHECK(formatVisitLine(e).find("\"seconds\":3.14}") != std::string::npos);
  for (double odd : {0.0, -4.0, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
    CAPTURE(odd);
    e.seconds = odd;
    CHECK(formatVisitLine(e).find("\"seconds\":0.0}") != std::string::npos);
  }
  e.seconds = 1e300; // a broken clock: a number all the same
  CHECK(formatVisitLine(e).find("\"seconds\":1000000000.0}") != std::string::npos);
  // Lines as the hand-written writer before nlohmann-json made them: two decimals always.
  const auto old = parseVisitLine(R"({"v":1,"type":"item","date":"2026-01-05","time":"14:03","session":3,"lang":"en",)"
                                  R"("section":"trade","item":"ftz","seconds":12.50,"cut":true})");
  REQUIRE(old);
  CHECK(old->seconds == 12.5);
  CHECK(old->cutAtLastTouch);
  const auto end = parseVisitLine(R"({"v":1,"type":"session_end","date":"2026-12-31","time":"23:59","session":41,)"
                                  R"("lang":"zh-Hans","seconds":0.00,"items":4,"ended":"visitor"})");
  REQUIRE(end);
  CHECK(end->seconds == 0);
  CHECK(end->items == 4);
}

TEST_CASE("[VisitLog] control characters are escaped and any bytes that are not UTF-8 become U+FFFD, never invalid JSON") {
  const std::string bad[] = {
      "\xFF", "\xC3",                        // never valid; a lead byte at the end
      "\xE6\xB2x",                           // a cut sequence before an ASCII letter
      "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", // overlong, surrogate, past U+10FFFF
      std::string("\x00\x01\x08\x0C\x1F\x7F", 6),   // NUL, other controls and DEL
  };
  for (const auto& b : bad) {
    CAPTURE(b);
    auto e = itemView({2026, 1, 5}, "a" + b + "z");
    e.language = b;
    e.section = "\"" + b + "\\";
    std::string line;
    REQUIRE_NOTHROW(line = formatVisitLine(e));
    REQUIRE(line.back() == '\n');
    line.pop_back();
    CHECK(line.find('\n') == std::string::npos);
    // What it wrote reads back, so it was JSON, and its strings are UTF-8 with no raw control
    // character left (DEL, 0x7F, is allowed raw in JSON).
    const auto back = parseVisitLine(line);
    REQUIRE(back);
    CHECK(back->item.front() == 'a');
    CHECK(back->item.back() == 'z');
    CHECK(std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20; }));
    if (static_cast<unsigned char>(b[0]) >= 0x80) CHECK(back->item.find("\xEF\xBF\xBD") != std::string::npos);
  }
  const std::string controls = formatVisitLine(itemView({2026, 1, 5}, std::string("\x00\x01\b\f\t\x1F", 6)));
  CHECK(controls.find(R"("item":"\u0000\u0001\b\f\t\u001f")") != std::string::npos);
}

TEST_CASE("[VisitLog] the parser refuses torn, glued and foreign lines") {
  const std::string good = formatVisitLine(itemView({2026, 1, 5}, "ftz"));
  const std::string_view line(good.data(), good.size() - 1);
  CHECK(parseVisitLine(line));
  for (size_t cut = 0; cut < line.size(); ++cut) CHECK_FALSE(parseVisitLine(line.substr(0, cut))); // every torn prefix
  CHECK_FALSE(parseVisitLine(std::string(line.substr(0, 40)) + std::string(line))); // a fragment glued to a good line
  CHECK_FALSE(parseVisitLine(std::string(line) + std::string(line)));
  const char* bad[] = {
      "", "garbage", "{}", "[1,2]", "null",
      R"({"v":2,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":"en"})",     // another version
      R"({"v":1,"type":"nap","date":"2026-01-05","time":"10:00","session":1,"lang":"en"})",           // unknown type
      R"({"v":1,"type":"idle_reset","date":"2026-02-30","time":"10:00","session":1,"lang":"en"})",    // no such day
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"24:00","session":1,"lang":"en"})",    // no such minute
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":0,"lang":"en"})",    // sessions count from 1
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1.5,"lang":"en"})",
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":"en","x":1})", // a foreign key
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":"en","lang":"zh"})", // a key twice
      R"({"v":1,"type":"item","date":"2026-01-05","time":"10:00","session":1,"lang":"en","section":"s","item":"i"})", // no dwell
      R"({"v":1,"type":"item","date":"2026-01-05","time":"10:00","session":1,"lang":"en","section":"s","item":"i","seconds":-1})",
      R"({"v":1,"type":"item","date":"2026-01-05","time":"10:00","session":1,"lang":"en","section":"s","item":"i","seconds":01})",
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":"e\q"})",
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":"\ud800"})",
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":{"x":"en"}})", // nested
      R"({"v":1,"type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":null})",
      R"({"v":1,"type":"item","date":"2026-01-05","time":"10:00","session":1,"lang":"en","section":"s","item":"i","seconds":1e400})",
      R"({"v":1,"type":"item","date":"2026-01-05","time":"10:00","session":1,"lang":"en","section":"s","item":"i","seconds":1,"cut":1})",
      "\xEF\xBB\xBF{\"v\":1,\"type\":\"idle_reset\",\"date\":\"2026-01-05\",\"time\":\"10:00\",\"session\":1,\"lang\":\"en\"}", // a BOM
      "{\"v\":1,\"type\":\"idle_reset\",\"date\":\"2026-01-05\",\"time\":\"10:00\",\"session\":1,\"lang\":\"en\"}\r", // saved on Windows
      "{\"v\":1,\"type\":\"idle_reset\",\"date\":\"2026-01-05\",\"time\":\"10:00\",\"session\":1,\"lang\":\"e\xFF\"}", // not UTF-8
  };
  for (const char* b : bad) {
    CAPTURE(b);
    CHECK_FALSE(parseVisitLine(b));
  }
  CHECK(parseVisitLine(R"({"v":1, "type":"idle_reset","date":"2026-01-05","time":"10:00","session":1,"lang":"\u4e0a\ud83d\ude00"})")
            ->language == "上😀");
}

TEST_CASE("[VisitLog] one file per day, named by the event's date") {
  test::TempFolder dir;
  {
    VisitLog log(dir.path() / "analytics");
    log.append(itemView({2026, 1, 5}, "a"));
    log.append(itemView({2026, 1, 5}, "b"));
    log.append(itemView({2026, 1, 6}, "c")); // past midnight: the next day's file
    log.flush();
    CHECK(log.stats().written == 3);
  }
  CHECK(VisitLog::fileName({2026, 1, 5}) == "visits-2026-01-05.jsonl");
  const auto read = readVisitLog(dir.path() / "analytics");
  REQUIRE(read.files.size() == 2);
  CHECK(read.files[0].name == "visits-2026-01-05.jsonl");
  CHECK(read.files[0].good == 2);
  CHECK(read.files[1].good == 1);
  CHECK(read.events.at(2).item == "c");
  CHECK(read.skipped() == 0);
  CHECK(readVisitLog(dir.path() / "analytics", CivilDate{2026, 1, 6}).events.size() == 1); // --from
  CHECK(readVisitLog(dir.path() / "analytics", std::nullopt, CivilDate{2026, 1, 5}).events.size() == 2); // --to
  CHECK(readVisitLog(dir.path() / "nothing-yet").error.empty());
}

TEST_CASE("[VisitLog] old days go beyond the day limit and the byte budget, and nothing else in the folder") {
  test::TempFolder dir;
  const fs::path a = dir.path() / "analytics";
  dir.write("analytics/notes.txt", std::string(5000, 'x'));
  dir.write("analytics/visits-2025-01-01.jsonl.bak", std::string(5000, 'x'));
  dir.write("analytics/visits-2026-13-01.jsonl", "not a date"); // not a real day: not ours either
  const std::string line = formatVisitLine(itemView({2026, 1, 1}, std::string(400, 'i')));
  SUBCASE("days") {
    for (int d = 0; d < 10; ++d) dir.write("analytics/" + VisitLog::fileName(CivilDate{2026, 1, 1}.plusDays(d)), line);
    VisitLog log(a, {1ull << 20, 7});
    log.append(itemView({2026, 1, 12}, "x"));
    log.flush();
    // Seven days up to the 12th: the 6th to the 12th.
    CHECK_FALSE(fs::exists(a / "visits-2026-01-05.jsonl"));
    CHECK(fs::exists(a / "visits-2026-01-06.jsonl"));
    CHECK(log.stats().filesDeleted == 5);
  }
  SUBCASE("bytes") {
    for (int d = 0; d < 10; ++d) dir.write("analytics/" + VisitLog::fileName(CivilDate{2026, 1, 1}.plusDays(d)), line);
    const std::string today = formatVisitLine(itemView({2026, 1, 11}, "x"));
    VisitLog log(a, {3 * line.size() + today.size() + 10, 365});
    log.append(itemView({2026, 1, 11}, "x"));
    log.flush();
    // Today's file and the three newest days fit in the budget; the fourth would not.
    CHECK(fs::exists(a / "visits-2026-01-08.jsonl"));
    CHECK_FALSE(fs::exists(a / "visits-2026-01-07.jsonl"));
    CHECK(log.stats().filesDeleted == 7);
  }
  CHECK(fs::exists(a / "notes.txt"));
  CHECK(fs::exists(a / "visits-2025-01-01.jsonl.bak"));
  CHECK(fs::exists(a / "visits-2026-13-01.jsonl"));
}

TEST_CASE("[VisitLog] a day that fills the budget drops the rest, and says so once") {
  test::TempFolder dir;
  std::vector<std::string> told;
  const std::string line = formatVisitLine(itemView({2026, 1, 1}, "x"));
  VisitLog log(dir.path(), {3 * line.size(), 365}, [&](const std::string& m) { told.push_back(m); });
  for (int i = 0; i < 10; ++i) log.append(itemView({2026, 1, 1}, "x"));
  log.flush();
  CHECK(log.stats().written == 3);
  CHECK(log.stats().dropped == 7);
  REQUIRE(told.size() == 1);
  CHECK(told[0].find("visits-2026-01-01.jsonl") != std::string::npos);
}

TEST_CASE("[VisitLog] a folder it cannot write is told once, naming it, and never thrown") {
  test::TempFolder dir;
  dir.write("blocker", "a file where the folder should be");
  std::vector<std::string> told;
  VisitLog log(dir.path() / "blocker" / "analytics", {}, [&](const std::string& m) { told.push_back(m); });
  for (int i = 0; i < 100; ++i) log.append(itemView({2026, 1, 1}, "x"));
  log.flush();
  CHECK(log.stats().written == 0);
  CHECK(log.stats().dropped == 100);
  REQUIRE(told.size() == 1);
  CHECK(told[0].find("blocker/analytics/visits-2026-01-01.jsonl") != std::string::npos);
}

TEST_CASE("[VisitLog] the reader skips a torn tail and garbage, and a restarted writer does not glue onto the tear") {
  test::TempFolder dir;
  const std::string good = formatVisitLine(itemView({2026, 1, 5}, "a"));
  // As a kill -9 leaves it: two good lines, garbage, and the first 30 bytes of a third line.
  dir.write("visits-2026-01-05.jsonl", good + "#garbage\n" + good + good.substr(0, 30));
  auto read = readVisitLog(dir.path());
  REQUIRE(read.files.size() == 1);
  CHECK(read.files[0].good == 2);
  CHECK(read.files[0].skipped == 2);
  CHECK(read.files[0].tornTail);
  CHECK(read.files[0].skippedLines == std::vector<size_t>{2, 4});
  {
    VisitLog log(dir.path());
    log.append(itemView({2026, 1, 5}, "b"));
  }
  CHECK(slurpVisits(dir.path() / "visits-2026-01-05.jsonl").ends_with(good.substr(0, 30) + "\n" + formatVisitLine(itemView({2026, 1, 5}, "b"))));
  read = readVisitLog(dir.path());
  CHECK(read.files[0].good == 3);
  CHECK(read.files[0].skipped == 2); // the fragment is still skipped, now as a whole line
  CHECK_FALSE(read.files[0].tornTail);
  CHECK(read.events.back().item == "b");
}
