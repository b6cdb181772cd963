#pragma once
// `kiosk report visits`: what visitors did, summed up from the visit log for the venue's staff,
// and as CSV for their spreadsheets.
#include "app/CommandLine.h"
#include "ops/VisitEvent.h"

#include <array>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::app {

// One item in one language.
struct ItemFigures {
  std::string language, section, item;
  size_t views = 0;
  double totalDwell = 0;  // seconds, all views
  double medianDwell = 0; // seconds, over views left by the visitor (all views when every one was cut by the idle timeout)
  size_t qrShown = 0;
};

struct VisitSummary {
  size_t sessions = 0;                              // session_start events
  std::map<std::string, size_t> sessionsPerDay;     // "2026-03-02" -> sessions that started that day
  std::array<size_t, 24> sessionsPerHour{};         // by the local hour they started
  double medianSessionSeconds = 0;                  // over sessions that ended (session_end)
  std::map<SessionEnd, size_t> ended;               // how sessions ended
  std::map<std::string, size_t> sessionsByLanguage; // the language each session ended in
  std::map<std::string, size_t> languageChoices;    // times a visitor chose each language
  std::vector<ItemFigures> items;                   // by language, then most viewed first
  std::vector<std::pair<std::string, size_t>> qrShown; // "section/item" -> times, most first
  size_t idleResets = 0;
};

VisitSummary summarizeVisits(const std::vector<VisitEvent>& events);

// A CSV field as RFC 4180 has it: quoted (quotes doubled) when it holds a comma, a quote or a
// line break.
std::string csvField(const std::string& value);
// One row per item and language: language,section,item,views,total_dwell_seconds,
// median_dwell_seconds,qr_shown, after a header row; CRLF line ends, as RFC 4180 says.
std::string visitsCsv(const VisitSummary& summary);

// The readable summary of the log in analyticsDirectory(o), days o.from to o.to; with
// o.csvFile, also the CSV. Returns 0, or 2 when the log could not be read or the CSV written.
int reportVisits(const Options& o, std::ostream& out, std::ostream& err);

} // namespace kiosk::app
