#include "ops/VisitTracker.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;

namespace {

// A kiosk on a virtual clock, its screen set by hand, observed every frame as the App would.
struct Visits {
  VirtualClock clock;
  VisitTracker tracker;
  VisitState s;
  std::vector<VisitEvent> events;

  Visits() { s.language = "zh"; }

  void frame() {
    const auto& out = tracker.observe(s, clock.now(), clock.today(), clock.minuteOfDay());
    events.insert(events.end(), out.begin(), out.end());
    s.idleReset = false;
  }
  // `seconds` of frames at `step` apart, the screen unchanged.
  void wait(Seconds seconds, Seconds step = 0.25) {
    for (Seconds t = 0; t + step / 2 < seconds; t += step) {
      clock.advance(step);
      frame();
    }
  }
  // A touch that changes the screen, seen at the next frame.
  void touch(Screen screen, std::string section = {}, std::string item = {}) {
    clock.advance(1.0 / 60);
    s.screen = screen;
    s.sectionId = std::move(section);
    s.itemId = std::move(item);
    s.qrShown = false;
    s.lastActivity = clock.now();
    frame();
  }
  // Nobody touches: the idle timeout (90 s), the countdown (20 s), then the attract loop.
  void walkAway() {
    wait(90);
    s.countdownShowing = true;
    wait(20);
    const Seconds last = s.lastActivity;
    s = {};
    s.language = "zh"; // the default again
    s.idleReset = true;
    s.lastActivity = last;
    frame();
  }
  std::vector<VisitEvent> ofType(VisitEventType t) const {
    std::vector<VisitEvent> out;
    std::copy_if(events.begin(), events.end(), std::back_inserter(out), [&](const VisitEvent& e) { return e.type == t; });
    return out;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(visitEventName(e.type));
    return out;
  }
};

} // namespace

TEST_CASE("[VisitTracker] a visit: session, views with dwell when left, one QR per item view, idle reset") {
  Visits v;
  v.wait(10);
  CHECK(v.events.empty()); // the attract loop alone is no visit
  v.touch(Screen::Home);
  v.wait(2);
  v.touch(Screen::Section, "trade");
  v.wait(3);
  v.touch(Screen::Item, "trade", "ftz");
  v.s.qrShown = true;
  v.wait(30);
  v.touch(Screen::Section, "trade");
  v.wait(5);
  v.touch(Screen::Home);
  v.walkAway();
  CHECK(v.names() == std::vector<std::string>{"session_start", "section", "qr_shown", "item", "section", "idle_reset", "session_end"});
  const auto items = v.ofType(VisitEventType::Item);
  REQUIRE(items.size() == 1);
  CHECK(items[0].section == "trade");
  CHECK(items[0].item == "ftz");
  CHECK(items[0].language == "zh");
  CHECK(items[0].seconds == doctest::Approx(30).epsilon(0.01));
  CHECK_FALSE(items[0].cutAtLastTouch);
  CHECK(v.ofType(VisitEventType::Section)[0].seconds == doctest::Approx(3).epsilon(0.01));
  const auto end = v.ofType(VisitEventType::SessionEnd).at(0);
  CHECK(end.ended == SessionEnd::Idle);
  CHECK(end.items == 1);
  // From the first touch to the last: the idle timeout and countdown are not part of the visit.
  CHECK(end.seconds == doctest::Approx(40).epsilon(0.01));
  CHECK(end.session == 1);
  CHECK_FALSE(v.tracker.inSession());
}

TEST_CASE("[VisitTracker] the last view before an idle reset is cut at the last touch") {
  Visits v;
  v.touch(Screen::Home);
  v.wait(4);
  v.touch(Screen::Item, "city", "palace");
  v.walkAway();
  const auto item = v.ofType(VisitEventType::Item).at(0);
  CHECK(item.seconds == doctest::Approx(0).epsilon(0.01)); // nobody touched it after opening it
  CHECK(item.cutAtLastTouch);
  CHECK(v.ofType(VisitEventType::SessionEnd).at(0).seconds == doctest::Approx(4).epsilon(0.01));
}

TEST_CASE("[VisitTracker] an answered countdown is not dwell") {
  Visits v;
  v.touch(Screen::Item, "city", "palace");
  v.wait(90);
  v.s.countdownShowing = true;
  v.wait(6);
  v.s.countdownShowing = false; // a touch answers it and presses nothing beneath
  v.s.lastActivity = v.clock.now();
  v.frame();
  v.wait(4);
  v.touch(Screen::Home);
  const auto item = v.ofType(VisitEventType::Item).at(0);
  CHECK(item.seconds == doctest::Approx(94).epsilon(0.01)); // 100 s on screen less 6 s of countdown
  CHECK_FALSE(item.cutAtLastTouch);
}

TEST_CASE("[VisitTracker] changing language ends the view in the old language and starts one in the new") {
  Visits v;
  v.touch(Screen::Item, "city", "palace");
  v.s.qrShown = true;
  v.wait(5);
  v.clock.advance(1.0 / 60);
  v.s.language = "en";
  v.frame();
  v.wait(20);
  v.touch(Screen::Home);
  v.clock.advance(1.0 / 60);
  v.s.language = "ar"; // on home: a language event, no view
  v.frame();
  CHECK(v.names() ==
        std::vector<std::string>{"session_start", "qr_shown", "item", "language", "qr_shown", "item", "language"});
  const auto items = v.ofType(VisitEventType::Item);
  CHECK(items[0].language == "zh");
  CHECK(items[0].seconds == doctest::Approx(5).epsilon(0.02));
  CHECK(items[1].language == "en");
  CHECK(items[1].seconds == doctest::Approx(20).epsilon(0.01));
  CHECK(v.ofType(VisitEventType::Language).back().language == "ar");
  v.walkAway();
  const auto end = v.ofType(VisitEventType::SessionEnd).at(0);
  CHECK(end.language == "ar"); // the language the visit ended in, not the default it returns to
  CHECK(end.items == 1);       // one item, seen in two languages
}

TEST_CASE("[VisitTracker] a view shorter than a second still counts") {
  Visits v;
  v.touch(Screen::Section, "city");
  v.touch(Screen::Item, "city", "palace");
  v.touch(Screen::Section, "city");
  const auto items = v.ofType(VisitEventType::Item);
  REQUIRE(items.size() == 1);
  CHECK(items[0].seconds == doctest::Approx(1.0 / 60));
}

TEST_CASE("[VisitTracker] a visitor who goes back to the attract loop ends the session as 'visitor'") {
  Visits v;
  v.touch(Screen::Home);
  v.wait(3);
  v.touch(Screen::Attract);
  const auto end = v.ofType(VisitEventType::SessionEnd).at(0);
  CHECK(end.ended == SessionEnd::Visitor);
  CHECK(end.seconds == doctest::Approx(3 + 1.0 / 60).epsilon(0.01));
  CHECK(v.ofType(VisitEventType::IdleReset).empty());
}

TEST_CASE("[VisitTracker] a kiosk that quits mid-visit ends the view and the session as 'stopped'") {
  Visits v;
  v.touch(Screen::Item, "city", "palace");
  v.wait(12);
  const auto& out = v.tracker.finish(v.clock.now(), v.clock.today(), v.clock.minuteOfDay());
  REQUIRE(out.size() == 2);
  CHECK(out[0].type == VisitEventType::Item);
  CHECK(out[0].seconds == doctest::Approx(12).epsilon(0.01));
  CHECK(out[1].type == VisitEventType::SessionEnd);
  CHECK(out[1].ended == SessionEnd::Stopped);
  CHECK(v.tracker.finish(v.clock.now(), v.clock.today(), v.clock.minuteOfDay()).empty()); // nothing left to end
}

TEST_CASE("[VisitTracker] a week of visitors: sessions numbered per day, stamped with the local date and minute") {
  Visits v;
  v.clock.setStartDate({2026, 3, 2});
  int sessions = 0;
  for (int day = 0; day < 7; ++day) {
    for (int hour : {10, 14, 16}) {
      // Attract until the hour, in coarse frames as an idle kiosk would be observed.
      while (v.clock.now() < day * 86400.0 + hour * 3600.0) {
        v.clock.advance(30);
        v.frame();
      }
      v.touch(Screen::Section, "trade");
      v.wait(8);
      v.touch(Screen::Item, "trade", hour == 14 ? "port" : "ftz");
      v.wait(15);
      v.s.lastActivity = v.clock.now(); // a flick of the text: still reading
      v.wait(5);
      v.walkAway();
      ++sessions;
    }
  }
  const auto starts = v.ofType(VisitEventType::SessionStart);
  REQUIRE(starts.size() == 21);
  CHECK(starts[0].date == CivilDate{2026, 3, 2});
  CHECK(starts[0].minuteOfDay == 10 * 60);
  CHECK(starts[0].session == 1);
  CHECK(starts[2].session == 3);
  CHECK(starts[3].date == CivilDate{2026, 3, 3});
  CHECK(starts[3].session == 1); // a new day counts from 1
  CHECK(starts[20].date == CivilDate{2026, 3, 8});
  CHECK(starts[19].minuteOfDay == 14 * 60);
  CHECK(v.ofType(VisitEventType::IdleReset).size() == 21);
  for (const auto& e : v.ofType(VisitEventType::Item)) {
    CHECK(e.cutAtLastTouch);
    CHECK(e.seconds == doctest::Approx(15).epsilon(0.01)); // to the flick, not to the idle reset
  }
  for (const auto& e : v.ofType(VisitEventType::Section)) CHECK(e.seconds == doctest::Approx(8).epsilon(0.01));
  for (const auto& e : v.ofType(VisitEventType::SessionEnd)) CHECK(e.seconds == doctest::Approx(23).epsilon(0.01));
  CHECK(sessions == 21);
}

TEST_CASE("[VisitTracker] a touch in the very frame of an idle reset starts a new session") {
  Visits v;
  v.touch(Screen::Home);
  v.touch(Screen::Section, "trade");
  v.wait(90);
  v.s.countdownShowing = true;
  v.wait(10);
  // The reset frame: the Navigator timed out, and a new visitor's tap woke it to Home at once.
  const Seconds lastTouch = v.s.lastActivity;
  v.clock.advance(1.0 / 60);
  v.s = {};
  v.s.language = "zh";
  v.s.screen = Screen::Home;
  v.s.idleReset = true;
  v.s.lastActivity = v.clock.now();
  v.frame();
  REQUIRE(v.ofType(VisitEventType::SessionStart).size() == 2);
  const auto ends = v.ofType(VisitEventType::SessionEnd);
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].ended == SessionEnd::Idle);
  CHECK(ends[0].seconds <= lastTouch + 0.01); // cut at the first visitor's last touch
  CHECK(v.ofType(VisitEventType::IdleReset).size() == 1);
  CHECK(v.tracker.inSession());
}
