#pragma once
// One thing a visitor did, as the venue's analytics record it: no personal data, only what was
// on screen, when (local date and minute), and for how long. One event is one line of JSON in
// the visit log; the format is here so the writer, the reader and the tests share it.
#include "core/Clock.h"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class VisitEventType { SessionStart, Language, Section, Item, QrShown, IdleReset, SessionEnd };
// The name in the log: "session_start", "language", "section", "item", "qr_shown", "idle_reset",
// "session_end".
const char* visitEventName(VisitEventType type);
std::optional<VisitEventType> visitEventFromName(std::string_view name);

// How a session ended.
enum class SessionEnd {
  Idle,    // nobody touched the screen: the idle timeout returned it to the attract loop
  Visitor, // the visitor went back past home to the attract loop
  Stopped, // the kiosk quit or restarted mid-visit (VisitTracker::finish)
};
const char* sessionEndName(SessionEnd how);

struct VisitEvent {
  VisitEventType type = VisitEventType::SessionStart;
  CivilDate date;      // the local date when it happened; also names the log file
  int minuteOfDay = 0; // local time, 0-1439
  int session = 0;     // the session's number that day, from 1; not an identity of anyone
  std::string language; // BCP 47 tag shown at the time (session_end: the language it ended in)
  std::string section;  // section, item, qr_shown
  std::string item;     // item, qr_shown
  // section, item: dwell in seconds; session_end: the session's length. Never includes the "are
  // you still there?" countdown, nor the idle timeout after the last touch.
  double seconds = 0;
  bool cutAtLastTouch = false; // section, item: the view ended by the idle timeout, so it was cut at the last touch
  int items = 0;               // session_end: distinct items viewed in the session
  SessionEnd ended = SessionEnd::Idle; // session_end only
  bool operator==(const VisitEvent&) const = default;
};

// The event as one JSON object and a '\n', e.g.
// {"v":1,"type":"item","date":"2026-01-05","time":"14:03","session":3,"lang":"en","section":"trade","item":"ftz","seconds":12.4}
// Keys a type does not use are left out.
std::string formatVisitLine(const VisitEvent& e);

// Reads one line (without its '\n') written by formatVisitLine. Strict: anything that is not one
// flat JSON object of the expected keys and types (a torn or glued line, garbage) is nullopt.
std::optional<VisitEvent> parseVisitLine(std::string_view line);

} // namespace kiosk
