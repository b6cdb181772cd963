#pragma once
// Turns what the Navigator shows, frame by frame, into the venue's visit events: sessions,
// languages chosen, sections and items viewed with their dwell, QR codes shown, idle resets.
// Pure: no I/O, time passed in, so a test runs a week of visitors in milliseconds.
//
// Decisions the analytics rest on:
// - A session runs from the first frame off the attract loop to the frame back on it. It has a
//   number that counts sessions that day from 1 (and again from 1 after a restart); nothing
//   about a visitor is kept, and events carry the local minute, not a timestamp.
// - A view is one uninterrupted showing of a section's card list or of one item, in one
//   language: changing language on an item ends that view and starts another, so dwell per
//   language is time read in that language. A view shorter than a second still counts.
// - Dwell never includes the "are you still there?" countdown. When the idle timeout ends the
//   visit, the last view and the session are cut at the last touch: the minute and a half of
//   nobody there would otherwise inflate the last item's dwell on every visit. Such views are
//   marked `cutAtLastTouch` (their dwell is a lower bound).
// - qr_shown is emitted once per item view, on the first frame its QR code is on screen.
// - Events at a frame come out in the order things happened: the view left, then the language
//   chosen, then the view entered; at an idle reset: the view, idle_reset, session_end.
#include "core/Clock.h"
#include "core/Navigator.h"
#include "ops/VisitEvent.h"

#include <set>
#include <string>
#include <vector>

namespace kiosk {

// What is on screen at one frame, as the Navigator reports it.
struct VisitState {
  Screen screen = Screen::Attract;
  std::string language;
  std::string sectionId; // Section and Item screens
  std::string itemId;    // Item screen
  bool qrShown = false;          // the item's QR code is on screen
  bool idleReset = false;        // this frame the idle timeout returned the kiosk to the attract loop
  bool countdownShowing = false; // "are you still there?" is on screen (Navigator::countdownLeft >= 0)
  Seconds lastActivity = 0;      // Navigator::lastActivity(): the last touch, in clock seconds
};

class VisitTracker {
public:
  // Call once per frame, after the Navigator has been updated and touches applied. `now` is clock
  // seconds (never decreasing); `today` and `minuteOfDay` the clock's local date and time, which
  // stamp the events. Returns the events this frame produced (usually none); the reference is
  // valid until the next call.
  const std::vector<VisitEvent>& observe(const VisitState& s, Seconds now, CivilDate today, int minuteOfDay);

  // The kiosk is quitting or restarting: ends the view and the session in progress (ended
  // "stopped"), so a shutdown mid-visit still counts. Returns the events, as observe does.
  const std::vector<VisitEvent>& finish(Seconds now, CivilDate today, int minuteOfDay);

  bool inSession() const { return m_inSession; }
  int sessionsToday() const { return m_sessionNumber; }

private:
  struct View {
    Screen screen = Screen::Attract; // Attract: no view open
    std::string language, section, item;
    Seconds start = 0;
    Seconds excluded = 0; // countdown time within the view, answered by a touch
    bool qrEmitted = false;
  };

  VisitEvent stamp(VisitEventType type, const std::string& language) const;
  void openView(const VisitState& s, Seconds now);
  // Ends the open view at `end`; `cut` when the idle timeout ended it.
  void closeView(Seconds end, bool cut);
  void endSession(Seconds now, Seconds lastActivity, SessionEnd how);

  std::vector<VisitEvent> m_out;
  CivilDate m_today;
  int m_minute = 0;
  int m_sessionNumber = 0;
  bool m_inSession = false;
  Seconds m_sessionStart = 0;
  Seconds m_sessionExcluded = 0;
  std::set<std::string> m_itemsSeen; // distinct items this session, for session_end's `items`
  CivilDate m_sessionDay{0, 0, 0};   // the day m_sessionNumber counts
  std::string m_language; // the session's current language
  View m_view;
  Seconds m_previousNow = 0;
  bool m_previousCountdown = false;
  Seconds m_lastActivity = 0;
  Seconds m_countdownRun = 0; // countdown on screen so far, not yet known to be answered
};

} // namespace kiosk
