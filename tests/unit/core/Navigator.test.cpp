#include "core/Navigator.h"

#include <doctest/doctest.h>

#include <limits>

using namespace kiosk;

namespace {

ContentSnapshot makeContent(double idle = 90, double slide = 7) {
  auto c = std::make_shared<Content>();
  c->settings.defaultLanguage = "zh-Hans";
  c->settings.languages = {"zh-Hans", "en"};
  c->settings.idleTimeoutSeconds = idle;
  c->settings.attractSlideSeconds = slide;
  for (const char* sid : {"city", "investment"}) {
    Section s;
    s.id = sid;
    s.title.byLanguage["en"] = sid;
    s.hasCover = true;
    s.cover.exists = true;
    s.cover.file = std::string("/c/") + sid + ".jpg";
    for (const char* iid : {"one", "two"}) {
      Item i;
      i.id = iid;
      ImageRef img;
      img.exists = true;
      img.file = std::string("/c/") + sid + "-" + iid + ".jpg";
      i.images.push_back(img);
      s.items.push_back(i);
    }
    c->sections.push_back(s);
  }
  return c;
}

} // namespace

TEST_CASE("[Navigator] a visitor walks attract, home, section, item and back") {
  VirtualClock clock;
  Navigator nav(makeContent(), clock.now());
  CHECK(nav.screen() == Screen::Attract);
  nav.wake(clock.now());
  CHECK(nav.screen() == Screen::Home);
  nav.openSection("investment", clock.now());
  CHECK(nav.screen() == Screen::Section);
  REQUIRE(nav.section());
  CHECK(nav.section()->id == "investment");
  nav.openItem("two", clock.now());
  CHECK(nav.screen() == Screen::Item);
  REQUIRE(nav.item());
  CHECK(nav.item()->id == "two");
  nav.back(clock.now());
  CHECK(nav.screen() == Screen::Section);
  nav.back(clock.now());
  CHECK(nav.screen() == Screen::Home);
}

TEST_CASE("[Navigator] Back on home keeps the visit: the language and display choices stay") {
  VirtualClock clock;
  Navigator nav(makeContent(), clock.now());
  nav.wake(clock.now());
  nav.setLanguage("en", clock.now());
  Accessibility a;
  a.largeText = true;
  nav.setAccessibility(a, clock.now());
  nav.back(clock.now());
  CHECK(nav.screen() == Screen::Home);
  CHECK(nav.language() == "en");
  CHECK(nav.accessibility().largeText);
}

TEST_CASE("[Navigator] Home jumps straight home from an item") {
  VirtualClock clock;
  Navigator nav(makeContent(), 0);
  nav.wake(0);
  nav.openSection("city", 0);
  nav.openItem("one", 0);
  nav.home(0);
  CHECK(nav.screen() == Screen::Home);
}

TEST_CASE("[Navigator] unknown ids leave the visitor where they are") {
  Navigator nav(makeContent(), 0);
  nav.wake(0);
  nav.openSection("nope", 0);
  CHECK(nav.screen() == Screen::Home);
  nav.openSection("city", 0);
  nav.openItem("nope", 0);
  CHECK(nav.screen() == Screen::Section);
  nav.setLanguage("xx", 0);
  CHECK(nav.language() == "zh-Hans");
}

TEST_CASE("[Navigator] Back from an item a map point opened returns to the map, not the linked item's section") {
  Navigator nav(makeContent(), 0);
  nav.wake(0);
  nav.openSection("city", 0);
  nav.openItem("one", 0); // the map
  nav.openLinkedItem("investment", "two", 1);
  CHECK(nav.screen() == Screen::Item);
  REQUIRE(nav.section());
  CHECK(nav.section()->id == "investment");
  REQUIRE(nav.item());
  CHECK(nav.item()->id == "two");
  CHECK(nav.screenSince() == 1);
  nav.back(2);
  CHECK(nav.screen() == Screen::Item);
  CHECK(nav.section()->id == "city");
  CHECK(nav.item()->id == "one");
  CHECK(nav.screenSince() == 2); // the map opens anew
  nav.back(3);
  CHECK(nav.screen() == Screen::Section); // then the map's own section, as ever
  CHECK(nav.section()->id == "city");
  // A link into the same section comes back too, and links followed one after another unwind in turn.
  nav.openItem("one", 4);
  nav.openLinkedItem("city", "two", 5);
  nav.openLinkedItem("investment", "one", 6);
  nav.back(7);
  CHECK(nav.item()->id == "two");
  CHECK(nav.section()->id == "city");
  nav.back(8);
  CHECK(nav.item()->id == "one");
  nav.back(9);
  CHECK(nav.screen() == Screen::Section);
}

TEST_CASE("[Navigator] moving on another way forgets the way back to the map, and unknown links go nowhere") {
  Navigator nav(makeContent(), 0);
  nav.wake(0);
  nav.openSection("city", 0);
  nav.openItem("one", 0);
  nav.openLinkedItem("investment", "nope", 1);
  nav.openLinkedItem("nope", "one", 1);
  CHECK(nav.section()->id == "city");
  CHECK(nav.item()->id == "one");
  // A sibling (a card, a swipe) after a link: Back goes to that item's section.
  nav.openLinkedItem("investment", "two", 2);
  nav.openItem("one", 3);
  nav.back(4);
  CHECK(nav.screen() == Screen::Section);
  CHECK(nav.section()->id == "investment");
  // Home, and the idle reset, end the way back.
  nav.openSection("city", 5);
  nav.openItem("one", 5);
  nav.openLinkedItem("investment", "two", 6);
  nav.home(7);
  nav.openSection("investment", 8);
  nav.openItem("two", 8);
  nav.back(9);
  CHECK(nav.screen() == Screen::Section);
  // The item the visitor came from is gone (new content): Back goes to the linked item's section.
  nav.openSection("city", 10);
  nav.openItem("one", 10);
  nav.openLinkedItem("investment", "two", 11);
  auto fewer = std::make_shared<Content>(*makeContent());
  fewer->sections[0].items.erase(fewer->sections[0].items.begin());
  nav.setContent(fewer, 12);
  nav.back(13);
  CHECK(nav.screen() == Screen::Section);
  CHECK(nav.section()->id == "investment");
}

TEST_CASE("[Navigator] after the idle timeout it asks, counts down, then returns to attract in the default language") {
  VirtualClock clock;
  Navigator nav(makeContent(90), clock.now());
  nav.wake(clock.now());
  nav.setLanguage("en", clock.now());
  nav.openSection("city", clock.now());
  clock.advance(89.9);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Section);
  CHECK(nav.countdownLeft(clock.now()) < 0); // not yet
  clock.advance(0.2);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Section); // "are you still there?", 20 s to answer (the default)
  CHECK(nav.countdownLeft(clock.now()) == doctest::Approx(19.9));
  clock.advance(19.7);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Section);
  CHECK(nav.countdownLeft(clock.now()) == doctest::Approx(0.2));
  clock.advance(0.3);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Attract);
  CHECK(nav.countdownLeft(clock.now()) < 0);
  CHECK(nav.language() == "zh-Hans");
  CHECK(nav.section() == nullptr);
  CHECK(nav.item() == nullptr);
}

TEST_CASE("[Navigator] a visitor's accessibility choices last their visit and no longer") {
  VirtualClock clock;
  Navigator nav(makeContent(90), clock.now());
  nav.wake(clock.now());
  Accessibility a;
  a.largeText = a.lowReach = true;
  nav.setAccessibility(a, clock.now());
  nav.openSection("city", clock.now());
  CHECK(nav.accessibility() == a);
  clock.advance(111);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Attract);
  CHECK(nav.accessibility() == Accessibility{});
}

TEST_CASE("[Navigator] a touch during the countdown keeps the visitor where they were") {
  VirtualClock clock;
  Navigator nav(makeContent(90), clock.now());
  nav.wake(clock.now());
  nav.setLanguage("en", clock.now());
  nav.openSection("investment", clock.now());
  nav.openItem("one", clock.now());
  clock.advance(95);
  nav.update(clock.now());
  REQUIRE(nav.countdownLeft(clock.now()) > 0);
  nav.noteActivity(clock.now()); // any touch
  CHECK(nav.countdownLeft(clock.now()) < 0);
  clock.advance(50);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Item);
  CHECK(nav.language() == "en");
}

TEST_CASE("[Navigator] any activity postpones the idle timeout") {
  VirtualClock clock;
  Navigator nav(makeContent(90), clock.now());
  nav.wake(clock.now());
  for (int i = 0; i < 10; ++i) {
    clock.advance(60);
    nav.noteActivity(clock.now());
    nav.update(clock.now());
    CHECK(nav.screen() == Screen::Home);
  }
  clock.advance(109);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Home); // still asking: 90 s, then the 20 s countdown
  clock.advance(1.1);
  nav.update(clock.now());
  CHECK(nav.screen() == Screen::Attract);
}

TEST_CASE("[Navigator] the attract loop cycles every image and crossfades at the end of each slide") {
  Navigator nav(makeContent(90, 7), 0);
  const size_t count = nav.content().attractImages(nav.today()).size();
  REQUIRE(count == 6);
  auto f = nav.attract(0.5);
  CHECK(f.current == 0);
  CHECK(f.mix == 0.0f);
  f = nav.attract(7 - Navigator::kCrossfadeSeconds / 2);
  CHECK(f.current == 0);
  CHECK(f.next == 1);
  CHECK(f.mix == doctest::Approx(0.5f));
  f = nav.attract(7.01);
  CHECK(f.current == 1);
  CHECK(f.mix == 0.0f);
  f = nav.attract(6 * 7 + 0.5);
  CHECK(f.current == 0); // wrapped around
  // The prompt takes each offered language in turn.
  CHECK(nav.attract(0.5).promptIndex == 0);
  CHECK(nav.attract(7.5).promptIndex == 1);
  CHECK(nav.attract(14.5).promptIndex == 0);
}

TEST_CASE("[Navigator] items flagged for the attract loop choose its pictures, after the section covers") {
  auto c = std::make_shared<Content>(*makeContent());
  const size_t all = c->attractImages({}).size();
  c->sections[1].items[1].attract = true;
  size_t covers = 0;
  for (const auto& s : c->sections) covers += s.hasCover && s.cover.exists;
  const auto chosen = c->attractImages({});
  CHECK(chosen.size() == covers + c->sections[1].items[1].images.size());
  CHECK(chosen.back() == &c->sections[1].items[1].images.back());
  CHECK(chosen.size() < all);
  // A flagged event item off its days flags nothing: every item's pictures again.
  c->sections[1].items[1].showFrom = CivilDate{2030, 1, 1};
  CHECK(c->attractImages(CivilDate{2026, 1, 1}).size() == all - c->sections[1].items[1].images.size());
}

TEST_CASE("[Navigator] a slide's age runs on through its crossfade, and holding stops the loop") {
  Navigator nav(makeContent(90, 7), 0);
  const double fade = Navigator::kCrossfadeSeconds;
  auto f = nav.attract(7 - fade / 2); // slide 0 fading into slide 1
  CHECK(f.currentAge == doctest::Approx(7 - fade / 2));
  CHECK(f.nextAge == doctest::Approx(fade / 2));
  const double nextProgress = f.nextProgress;
  f = nav.attract(7.5); // slide 1 on its own: its age went on from its fade-in
  CHECK(f.current == 1);
  CHECK(f.currentAge == doctest::Approx(fade + 0.5));
  CHECK(f.currentProgress > nextProgress);
  CHECK(f.currentProgress < 1);
  // The next picture is not ready: the UI holds the loop, which stands still.
  const AttractFrame before = nav.attract(13.5);
  nav.holdAttract(2.0);
  const AttractFrame held = nav.attract(15.5);
  CHECK(held.current == before.current);
  CHECK(held.mix == doctest::Approx(before.mix));
  CHECK(held.currentAge == doctest::Approx(before.currentAge));
  nav.holdAttract(std::numeric_limits<double>::quiet_NaN()); // ignored
  CHECK(nav.attract(15.5).currentAge == doctest::Approx(before.currentAge));
}

TEST_CASE("[Navigator] a film's slide: the slide number, time to the fade and to the next slide, and skipping to them") {
  Navigator nav(makeContent(90, 7), 0);
  const double fade = Navigator::kCrossfadeSeconds;
  AttractFrame f = nav.attract(2);
  CHECK(f.slide == 0);
  CHECK(f.remaining == doctest::Approx(5));
  CHECK(f.fadeIn == doctest::Approx(5 - fade));
  f = nav.attract(7 - fade / 2);
  CHECK(f.fadeIn == 0);
  CHECK(f.mix > 0);
  // A film that ended early: the fade starts now...
  f = nav.attract(3);
  nav.skipAttract(f.fadeIn);
  f = nav.attract(3);
  CHECK(f.fadeIn == doctest::Approx(0));
  CHECK(f.slide == 0);
  // ...or a cut: the next slide from its start, its number one more.
  nav.skipAttract(f.remaining);
  f = nav.attract(3);
  CHECK(f.slide == 1);
  CHECK(f.current == 1);
  CHECK(f.mix == 0);
  CHECK(f.remaining == doctest::Approx(7));
  // Numbers go on past the end of the loop (a loop of one film is slide 0, 1, 2...).
  f = nav.attract(3 + 7 * 10);
  CHECK(f.slide == 11);
  CHECK(f.current == 11 % 6);
  nav.skipAttract(-5); // never backwards
  nav.skipAttract(std::numeric_limits<double>::infinity());
  CHECK(nav.attract(3 + 7 * 10).slide == 11);
}

TEST_CASE("[Navigator] with one picture the drift swings back and forth, never jumping") {
  auto c = std::make_shared<Content>(*makeContent());
  while (c->attractImages({}).size() > 1) {
    for (auto& s : c->sections) s.hasCover = false;
    for (auto& s : c->sections)
      for (auto& i : s.items) i.images.clear();
    c->sections[0].hasCover = true;
    c->sections[0].cover.exists = true;
  }
  REQUIRE(c->attractImages({}).size() == 1);
  Navigator nav(c, 0);
  double previous = nav.attract(0).currentProgress;
  for (double t = 0.05; t < 60; t += 0.05) {
    const double p = nav.attract(t).currentProgress;
    CHECK(std::abs(p - previous) < 0.02);
    previous = p;
  }
}

TEST_CASE("[Navigator] a week of visitors and idle time on the virtual clock") {
  // A visitor every 10 minutes who reads for 2 minutes (touching every 30 s), for 7 days, at 10
  // updates a second: every visit must end back on the attract loop, in the default language.
  VirtualClock clock;
  Navigator nav(makeContent(90, 7), clock.now());
  const double week = 7 * 24 * 3600.0;
  size_t visits = 0, returnsToAttract = 0;
  double visitStart = -1, lastTouch = 0;
  Screen previous = nav.screen();
  while (clock.now() < week) {
    clock.advance(0.1);
    const double now = clock.now();
    if (now >= 600.0 * (visits + 1) && now < week - 1000) {
      ++visits;
      visitStart = lastTouch = now;
      nav.wake(now);
      nav.setLanguage("en", now);
      nav.openSection("investment", now);
      nav.openItem("one", now);
    }
    if (visitStart >= 0 && now - visitStart < 120 && now - lastTouch >= 30) {
      nav.noteActivity(now);
      lastTouch = now;
    }
    nav.update(now);
    if (previous != Screen::Attract && nav.screen() == Screen::Attract) {
      ++returnsToAttract;
      CHECK(now - lastTouch == doctest::Approx(110).epsilon(0.01)); // 90 s untouched + the 20 s countdown
      CHECK(nav.language() == "zh-Hans");
    }
    previous = nav.screen();
    const auto f = nav.attract(now);
    REQUIRE(f.current < 6);
    REQUIRE(f.mix >= 0.0f);
    REQUIRE(f.mix <= 1.0f);
  }
  CHECK(visits > 1000);
  CHECK(returnsToAttract == visits);
}

TEST_CASE("[Navigator] non-finite timings cannot stop the idle return or the attract loop") {
  auto c = std::make_shared<Content>(*makeContent());
  c->settings.idleTimeoutSeconds = std::numeric_limits<double>::quiet_NaN();
  c->settings.attractSlideSeconds = std::numeric_limits<double>::infinity();
  Navigator nav(c, 0);
  nav.wake(0);
  nav.update(1000);
  CHECK(nav.screen() == Screen::Attract);
  CHECK(nav.attract(1000 + 7.5).current == 1);
}

TEST_CASE("[Navigator] an event item exists only on its days, and midnight takes a visitor off it") {
  auto c = std::make_shared<Content>(*makeContent());
  c->sections[1].items[1].showFrom = CivilDate{2026, 12, 1};
  c->sections[1].items[1].showUntil = CivilDate{2026, 12, 31};
  Navigator nav(c, 0, CivilDate{2026, 11, 30});
  CHECK(nav.attract(0).current < 5);
  CHECK(nav.content().attractImages(nav.today()).size() == 5); // the event's picture is not shown yet
  nav.wake(0);
  nav.openSection("investment", 0);
  nav.openItem("two", 0);
  CHECK(nav.screen() == Screen::Section); // not yet
  nav.setToday({2026, 12, 1});
  nav.openItem("two", 1);
  CHECK(nav.screen() == Screen::Item);
  nav.setToday({2027, 1, 1}); // midnight after the last day
  CHECK(nav.screen() == Screen::Section);
  CHECK(nav.item() == nullptr);
}

TEST_CASE("[Navigator] a section whose items are all out of their dates is hidden") {
  auto c = std::make_shared<Content>(*makeContent());
  for (auto& i : c->sections[0].items) i.showUntil = CivilDate{2026, 1, 1};
  Navigator nav(c, 0, CivilDate{2026, 6, 1});
  nav.wake(0);
  nav.openSection("city", 0);
  CHECK(nav.screen() == Screen::Home);
}

TEST_CASE("[Clock] calendar arithmetic across months, years and leap days") {
  CHECK(CivilDate{2026, 12, 31}.plusDays(1) == CivilDate{2027, 1, 1});
  CHECK(CivilDate{2028, 2, 28}.plusDays(1) == CivilDate{2028, 2, 29});
  CHECK(CivilDate{2026, 3, 1}.plusDays(-1) == CivilDate{2026, 2, 28});
  CHECK(CivilDate{2026, 1, 1}.plusDays(-400).iso() == "2024-11-27");
  CHECK_FALSE(CivilDate{2026, 2, 29}.valid());
  VirtualClock clock;
  clock.setStartDate({2026, 12, 31});
  clock.advance(86400 * 1.5);
  CHECK(clock.today() == CivilDate{2027, 1, 1});
}

TEST_CASE("[Navigator] new content keeps the visitor's place when it still exists") {
  Navigator nav(makeContent(), 0);
  nav.wake(0);
  nav.setLanguage("en", 0);
  nav.openSection("investment", 0);
  nav.openItem("two", 0);
  nav.setContent(makeContent(), 1);
  CHECK(nav.screen() == Screen::Item);
  CHECK(nav.item()->id == "two");
  CHECK(nav.language() == "en");

  auto smaller = std::make_shared<Content>(*makeContent());
  smaller->sections[1].items.pop_back(); // "two" is gone
  nav.setContent(smaller, 2);
  CHECK(nav.screen() == Screen::Section);

  auto noInvestment = std::make_shared<Content>(*makeContent());
  noInvestment->sections.pop_back();
  nav.setContent(noInvestment, 3);
  CHECK(nav.screen() == Screen::Home);
}
