#include "core/LayoutRules.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {
// A 1920x1080 screen with a grid between bars at 100 and 960 that scrolls.
LayoutReport grid(float maxScroll, float scroll = 0) {
  LayoutReport r;
  r.width = 1920;
  r.height = 1080;
  r.areas.push_back({"home", {0, 100, 1920, 860}, maxScroll, scroll});
  // Three rows of tiles 400 high, 20 apart, from y = 120 (content coordinates).
  for (int row = 0; row < 3; ++row)
    r.targets.push_back({"tile" + std::to_string(row), {40, 120 + row * 420.0f - scroll, 600, 400}, 0});
  return r;
}
} // namespace

TEST_CASE("[LayoutRules] a grid that scrolls far enough shows its last row") {
  // The last row ends at 120 + 2*420 + 400 = 1360; the view ends at 960: it needs 400.
  CHECK(unreachableTargets(grid(400)).empty());
  CHECK(unreachableTargets(grid(400, 250)).empty()); // wherever it is scrolled now
}

TEST_CASE("[LayoutRules] a grid that stops short names the row that is never seen whole") {
  const auto problems = unreachableTargets(grid(120));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("@tile2") != std::string::npos);
  CHECK(problems[0].find("cannot be scrolled into view") != std::string::npos);
}

TEST_CASE("[LayoutRules] a target taller than its scroll area, or past the window's edge, is unreachable") {
  LayoutReport r = grid(1000);
  r.targets.push_back({"huge", {40, 100, 600, 900}, 0});
  r.targets.push_back({"lang:vi", {1850, 10, 120, 60}, -1});
  r.targets.push_back({"back", {40, 1000, 200, 100}, -1});
  const auto problems = unreachableTargets(r);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].find("@huge") != std::string::npos);
  CHECK(problems[1].find("right edge") != std::string::npos);
  CHECK(problems[2].find("bottom") != std::string::npos);
}

TEST_CASE("[LayoutRules] in low reach every control must come within the reach band") {
  LayoutReport r = grid(400);
  const ReachBand band{100, 1080};
  CHECK(unreachableTargets(r, &band).empty());
  r.targets.push_back({"lang:en", {40, 20, 200, 60}, -1}); // a fixed button up high
  r.targets.push_back({"attract", {0, 0, 1920, 1080}, -1}); // tap anywhere: always in reach

  const auto problems = unreachableTargets(r, &band);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("@lang:en") != std::string::npos);
  CHECK(problems[0].find("out of reach") != std::string::npos);
  // A grid that starts above the band: its first row can never be scrolled down into reach, and
  // a tile taller than the band's part of the view cannot be reached whole.
  const ReachBand low{500, 1080};
  const auto high = unreachableTargets(grid(400), &low);
  REQUIRE(high.size() == 1);
  CHECK(high[0].find("@tile0") != std::string::npos);
  const ReachBand narrow{700, 1080};
  CHECK(unreachableTargets(grid(400), &narrow).size() == 3);
}

TEST_CASE("[LayoutRules] a cut title is reported, a clamped preview is not") {
  LayoutReport r;
  r.texts.push_back({"section:sports", "Пилотная зона свободной торговли", true, false});
  r.texts.push_back({"item:marathon", "A long summary…", true, true});
  r.texts.push_back({"item:winter", "Winter Sports", false, false});
  const auto problems = truncatedTexts(r);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("Пилотная") != std::string::npos);
  CHECK(problems[0].find("@section:sports") != std::string::npos);
}

TEST_CASE("[LayoutRules] language buttons that move between two languages are named") {
  LayoutReport a, b;
  a.targets = {{"lang:en", {1000, 10, 100, 60}, -1}, {"lang:ru", {1110, 10, 120, 60}, -1}, {"home", {0, 0, 10, 10}, -1}};
  b.targets = {{"lang:en", {1000, 10, 100, 60}, -1}, {"lang:ru", {1111, 10, 120, 60}, -1}, {"home", {500, 0, 10, 10}, -1}};
  CHECK(movedTargets(a, b, "lang:*", 1.5f).empty());
  b.targets[1].box.x = 800;
  const auto problems = movedTargets(a, b, "lang:*", 1.5f);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("@lang:ru moved") != std::string::npos);
  b.targets.erase(b.targets.begin());
  CHECK(movedTargets(a, b, "lang:*", 1.5f).size() == 2);
}

TEST_CASE("[LayoutRules] a mirrored layout flips every box across the window, and only right to left") {
  LayoutReport a;
  a.width = 1920;
  a.height = 1080;
  a.targets = {{"lang:en", {1000, 10, 100, 60}, -1}, {"back", {40, 1000, 200, 60}, -1}};
  a.areas = {{"home", {0, 100, 1920, 800}, 0, 0}};
  a.pictures = {{"item", {60, 120, 900, 500}}};
  const LayoutReport m = mirrored(a);
  CHECK(m.targets[0].box.x == 820); // 1920 - 1000 - 100
  CHECK(m.targets[0].box.y == 10);
  CHECK(m.targets[1].box.x == 1680);
  CHECK(m.areas[0].view.x == 0);
  CHECK(m.pictures[0].box.x == 960);
  CHECK(m.pictures[0].box.w == 900);
  // A bar mirrored for a right-to-left language has not moved in its reading order...
  LayoutReport rtl = a;
  rtl.targets = {{"lang:en", {820, 10, 100, 60}, -1}, {"back", {1680, 1000, 200, 60}, -1}};
  CHECK(movedTargets(mirrored(a), rtl, "lang:*", 1.5f).empty());
  // ...but one left where it was has, and mirroring twice is the layout itself.
  CHECK(movedTargets(mirrored(a), a, "lang:*", 1.5f).size() == 1);
  CHECK(movedTargets(mirrored(mirrored(a)), a, "*", 0).empty());
}

TEST_CASE("[LayoutRules] the ADA reach range falls on the rows of a screen by its size and height") {
  // A 55" landscape picture (685 mm tall) with its bottom 800 mm above the floor, 1080 rows.
  const ReachBand band = reachBand({685, 800}, 1080);
  CHECK(band.bottom == 1080); // 380 mm is below the screen: every low row is in reach
  // 1220 mm is 420 mm above the bottom edge: 420 / 685 of the height.
  CHECK(band.top == doctest::Approx(1080 - 420.0 / 685 * 1080).epsilon(0.002));
  // Unknown mounting: the whole screen.
  const ReachBand all = reachBand({}, 1080);
  CHECK(all.top == 0);
  CHECK(all.bottom == 1080);
  // A screen hung high: nothing of it is in reach.
  const ReachBand high = reachBand({600, 1300}, 1000);
  CHECK(high.top == high.bottom);
}

TEST_CASE("[LayoutRules] a large area (a dragged column) is in reach when a tenth of the screen of it is") {
  LayoutReport r;
  r.width = 1920;
  r.height = 1080;
  r.targets.push_back({"text", {1100, 100, 760, 700}, -1});  // 300 px in the band
  r.targets.push_back({"panel", {1100, 100, 760, 430}, -1}); // 30 px in the band: too little
  const ReachBand band{500, 1080};
  const auto problems = unreachableTargets(r, &band);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("@panel") != std::string::npos);
  CHECK(problems[0].find("too little") != std::string::npos);
}

TEST_CASE("[LayoutRules] a picture shown as a strip, or pushed down the screen, is named with its size") {
  LayoutReport r;
  r.width = 1080;
  r.height = 1920;
  r.pictures.push_back({"item", {40, 180, 520, 780}}); // 41% of the height, from 9% down
  CHECK(smallPicture(r, "item", 0.40f, 0.10f).empty());
  const auto strip = smallPicture(r, "item", 0.55f, 0.10f);
  REQUIRE(strip.size() == 1);
  CHECK(strip[0].find("41% of the screen's height (780 px), less than 55%") != std::string::npos);
  const auto low = smallPicture(r, "item", 0.40f, 0.05f);
  REQUIRE(low.size() == 1);
  CHECK(low[0].find("starts 9% down the screen (180 px), below 5%") != std::string::npos);
  CHECK(smallPicture(r, "item", 0.55f, 0.05f).size() == 2);
  const auto none = smallPicture(r, "gallery", 0.1f, 1.0f);
  REQUIRE(none.size() == 1);
  CHECK(none[0] == "no gallery picture is drawn");
}

TEST_CASE("[LayoutRules] controls fixed on screen that partly cover each other are named, a button on a picture is not") {
  LayoutReport r;
  r.width = 1080;
  r.height = 1920;
  r.targets.push_back({"home", {260, 1820, 200, 80}, -1});
  r.targets.push_back({"item-pager", {420, 1820, 260, 80}, -1}); // runs 40 px over Home
  r.targets.push_back({"picture", {40, 200, 1000, 700}, -1});
  r.targets.push_back({"enlarge", {960, 820, 60, 60}, -1}); // on the picture: fine
  r.targets.push_back({"card", {40, 300, 400, 200}, 0});    // scrolls: not compared
  r.areas.push_back({"grid", {0, 180, 1080, 1600}, 0, 0});
  const auto problems = unreachableTargets(r);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("@home") != std::string::npos);
  CHECK(problems[0].find("@item-pager") != std::string::npos);
  CHECK(problems[0].find("overlap by 40x80 px") != std::string::npos);
  r.targets[1].box.x = 470; // a 10 px gap
  CHECK(unreachableTargets(r).empty());
}
