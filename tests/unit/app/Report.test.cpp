#include "app/Report.h"

#include "TempFolder.h"
#include "ops/VisitLog.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace kiosk;
using namespace kiosk::app;

namespace {

VisitEvent ev(VisitEventType type, CivilDate date, int minute, int session, std::string lang, std::string section = {},
              std::string item = {}, double seconds = 0) {
  VisitEvent e;
  e.type = type;
  e.date = date;
  e.minuteOfDay = minute;
  e.session = session;
  e.language = std::move(lang);
  e.section = std::move(section);
  e.item = std::move(item);
  e.seconds = seconds;
  return e;
}

VisitEvent ended(CivilDate date, int minute, int session, std::string lang, double seconds, SessionEnd how) {
  auto e = ev(VisitEventType::SessionEnd, date, minute, session, std::move(lang), {}, {}, seconds);
  e.ended = how;
  e.items = 1;
  return e;
}

// Three sessions over two days: zh at 10:05 and en at 10:40 on the 2nd, zh at 15:00 on the 3rd.
std::vector<VisitEvent> knownVisits() {
  const CivilDate d1{2026, 3, 2}, d2{2026, 3, 3};
  using T = VisitEventType;
  return {
      ev(T::SessionStart, d1, 605, 1, "zh"),
      ev(T::QrShown, d1, 605, 1, "zh", "trade", "ftz"),
      ev(T::Item, d1, 606, 1, "zh", "trade", "ftz", 30),
      ev(T::Item, d1, 607, 1, "zh", "trade", "port", 10),
      ev(T::IdleReset, d1, 609, 1, "zh"),
      ended(d1, 609, 1, "zh", 60, SessionEnd::Idle),
      ev(T::SessionStart, d1, 640, 2, "zh"),
      ev(T::Language, d1, 640, 2, "en"),
      ev(T::Item, d1, 641, 2, "en", "trade", "ftz", 20),
      ended(d1, 642, 2, "en", 100, SessionEnd::Visitor),
      ev(T::SessionStart, d2, 900, 1, "zh"),
      ev(T::QrShown, d2, 900, 1, "zh", "trade", "ftz"),
      ev(T::Item, d2, 901, 1, "zh", "trade", "ftz", 50),
      ev(T::IdleReset, d2, 903, 1, "zh"),
      ended(d2, 903, 1, "zh", 80, SessionEnd::Idle),
  };
}

} // namespace

TEST_CASE("[Report] the figures of a known log") {
  const auto s = summarizeVisits(knownVisits());
  CHECK(s.sessions == 3);
  CHECK(s.sessionsPerDay.at("2026-03-02") == 2);
  CHECK(s.sessionsPerDay.at("2026-03-03") == 1);
  CHECK(s.sessionsPerHour[10] == 2);
  CHECK(s.sessionsPerHour[15] == 1);
  CHECK(s.medianSessionSeconds == doctest::Approx(80));
  CHECK(s.ended.at(SessionEnd::Idle) == 2);
  CHECK(s.ended.at(SessionEnd::Visitor) == 1);
  CHECK(s.sessionsByLanguage.at("zh") == 2);
  CHECK(s.sessionsByLanguage.at("en") == 1);
  CHECK(s.languageChoices.at("en") == 1);
  CHECK(s.idleResets == 2);
  REQUIRE(s.items.size() == 3);
  // By language, then most viewed first.
  CHECK(s.items[0].language == "en");
  CHECK(s.items[1].item == "ftz");
  CHECK(s.items[1].language == "zh");
  CHECK(s.items[1].views == 2);
  CHECK(s.items[1].medianDwell == doctest::Approx(40));
  CHECK(s.items[1].totalDwell == doctest::Approx(80));
  CHECK(s.items[1].qrShown == 2);
  CHECK(s.items[2].item == "port");
  REQUIRE(s.qrShown.size() == 1);
  CHECK(s.qrShown[0] == std::pair<std::string, size_t>{"trade/ftz", 2});
}

TEST_CASE("[Report] CSV fields are quoted as RFC 4180 says") {
  CHECK(csvField("ftz") == "ftz");
  // A file name a spreadsheet would run as a formula stays text.
  CHECK(csvField("=HYPERLINK(\"https://evil.example\")") == "\"'=HYPERLINK(\"\"https://evil.example\"\")\"");
  CHECK(csvField("@cmd") == "'@cmd");
  CHECK(csvField("+1") == "'+1");
  CHECK(csvField("a,b") == "\"a,b\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField("cr\r") == "\"cr\r\"");
  VisitSummary s;
  s.items.push_back({"en", "trade, port", "the \"big\" one", 2, 30, 15, 1});
  CHECK(visitsCsv(s) == "language,section,item,views,total_dwell_seconds,median_dwell_seconds,qr_shown\r\n"
                        "en,\"trade, port\",\"the \"\"big\"\" one\",2,30.00,15.00,1\r\n");
}

TEST_CASE("[Report] kiosk report visits reads the state folder, limits the days, names skipped lines and writes CSV") {
  test::TempFolder dir;
  std::map<std::string, std::string> files;
  for (const auto& e : knownVisits()) files[VisitLog::fileName(e.date)] += formatVisitLine(e);
  files["visits-2026-03-03.jsonl"] += "{\"v\":1,\"type\":\"sess"; // torn by a kill
  for (const auto& [name, text] : files) dir.write("state/analytics/" + name, text);
  Options o;
  o.verb = Options::Verb::ReportVisits;
  o.stateDir = (dir.path() / "state").string();
  o.csvFile = (dir.path() / "items.csv").string();
  std::ostringstream out, err;
  REQUIRE(reportVisits(o, out, err) == 0);
  const std::string text = out.str();
  CAPTURE(text);
  CHECK(text.find("Sessions: 3, median length 1 min 20 s") != std::string::npos);
  CHECK(text.find("  2026-03-02  2\n") != std::string::npos);
  CHECK(text.find("  10:00  ########################################  2\n") != std::string::npos);
  CHECK(text.find("  15:00  ####################                      1\n") != std::string::npos);
  CHECK(text.find("trade/ftz") != std::string::npos);
  CHECK(text.find("Damaged lines skipped: 1\n  visits-2026-03-03.jsonl: 1 (line 6); the last line is torn") != std::string::npos);
  std::ifstream csv(o.csvFile, std::ios::binary);
  std::string header;
  std::getline(csv, header);
  CHECK(header == "language,section,item,views,total_dwell_seconds,median_dwell_seconds,qr_shown\r");
  std::string row;
  std::getline(csv, row);
  CHECK(row == "en,trade,ftz,1,20.00,20.00,0\r");

  o.from = o.to = "2026-03-03";
  o.csvFile.clear();
  std::ostringstream day;
  REQUIRE(reportVisits(o, day, err) == 0);
  CHECK(day.str().find("Sessions: 1,") != std::string::npos);
  CHECK(err.str().empty());
}

TEST_CASE("[Report] the state folder: --state-dir, then XDG_STATE_HOME, then ~/.local/state") {
  Options o;
  o.stateDir = "/srv/kiosk-state";
  CHECK(stateDirectory(o) == "/srv/kiosk-state");
  CHECK(analyticsDirectory(o) == "/srv/kiosk-state/analytics");
  o.stateDir.clear();
  CHECK(analyticsDirectory(o).ends_with("/kiosk/analytics"));
}
