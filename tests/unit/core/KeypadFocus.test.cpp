#include "core/KeypadFocus.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

// A section screen as the screens lay one out: a top bar with two language buttons, a grid of
// cards two across and three down (the last row below the fold, in a scroll area), a bottom bar.
LayoutReport sectionScreen() {
  LayoutReport r;
  r.width = 1000;
  r.height = 800;
  r.areas.push_back({"cards", {0, 100, 1000, 600}, 300, 0});
  r.targets.push_back({"lang:zh-Hans", {700, 20, 120, 60}, -1});
  r.targets.push_back({"lang:en", {840, 20, 120, 60}, -1});
  for (int row = 0; row < 3; ++row)
    for (int col = 0; col < 2; ++col)
      r.targets.push_back({"item:s/i" + std::to_string(row * 2 + col + 1),
                           {40.0f + col * 480, 120.0f + row * 300, 440, 260}, 0});
  r.targets.push_back({"back", {20, 720, 150, 60}, -1});
  r.targets.push_back({"home", {190, 720, 150, 60}, -1});
  r.texts.push_back({"item:s/i1", "Mukden Palace", false, false, 0, "en"});
  r.texts.push_back({"item:s/i1", "The palace of the early Qing", false, false, 0, "en"});
  return r;
}

} // namespace

TEST_CASE("[KeypadFocus] up and down move to the nearest target that way, left and right along the reading order") {
  const LayoutReport r = sectionScreen();
  CHECK(moveFocus(r, "item:s/i1", KeypadKey::Right) == "item:s/i2");
  CHECK(moveFocus(r, "item:s/i1", KeypadKey::Down) == "item:s/i3");
  CHECK(moveFocus(r, "item:s/i4", KeypadKey::Up) == "item:s/i2");
  CHECK(moveFocus(r, "item:s/i2", KeypadKey::Left) == "item:s/i1");
  CHECK(moveFocus(r, "item:s/i2", KeypadKey::Up) == "lang:zh-Hans"); // the nearer of the two above
  CHECK(moveFocus(r, "lang:zh-Hans", KeypadKey::Right) == "lang:en");
  CHECK(moveFocus(r, "item:s/i3", KeypadKey::Down) == "item:s/i5"); // below the fold: it scrolls in
  CHECK(moveFocus(r, "back", KeypadKey::Right) == "home");
}

TEST_CASE("[KeypadFocus] at an edge the keys go on in reading order, and right to left mirrors it") {
  const LayoutReport r = sectionScreen();
  // Nothing right of the English button: the next in reading order (the first card).
  CHECK(moveFocus(r, "lang:en", KeypadKey::Right) == "item:s/i1");
  // Nothing below the home button: the first target again.
  CHECK(moveFocus(r, "home", KeypadKey::Down) == "lang:zh-Hans");
  CHECK(moveFocus(r, "lang:zh-Hans", KeypadKey::Up) == "home");
  CHECK(moveFocus(r, "lang:en", KeypadKey::Right, true) == "lang:zh-Hans");
  // A focus no longer on the screen starts at the first target; an empty screen has none.
  CHECK(moveFocus(r, "item:gone", KeypadKey::Down) == "lang:zh-Hans");
  CHECK(moveFocus(LayoutReport{}, "", KeypadKey::Down).empty());
}

TEST_CASE("[KeypadFocus] every target is reachable, and one that is not is named") {
  LayoutReport r = sectionScreen();
  CHECK(unreachableByKeypad(r).empty());
  // A zero-sized target is never focusable, nor a region the layout rules protect.
  r.targets.push_back({"ghost", {10, 10, 0, 0}, -1});
  r.targets.push_back({"item-pager", {700, 720, 280, 60}, -1, true});
  CHECK(unreachableByKeypad(r).empty());
  const auto names = focusableTargets(r);
  CHECK(names.size() == 10);
  CHECK(names.front()->name == "lang:zh-Hans");
  CHECK(modalBackdrop(r) == nullptr);
}

TEST_CASE("[KeypadFocus] a modal panel keeps the focus on itself, a bare backdrop is one Select") {
  LayoutReport r = sectionScreen();
  // The display choices' panel: a backdrop over the screen, then its rows.
  r.targets.push_back({"a11y:close", {0, 0, 1000, 800}, -1});
  r.targets.push_back({"a11y:large-text", {300, 200, 400, 80}, -1});
  r.targets.push_back({"a11y:high-contrast", {300, 300, 400, 80}, -1});
  const auto inPanel = focusableTargets(r);
  REQUIRE(inPanel.size() == 2);
  CHECK(inPanel[0]->name == "a11y:large-text");
  CHECK(moveFocus(r, "item:s/i1", KeypadKey::Down) == "a11y:large-text"); // beneath: not focusable
  REQUIRE(modalBackdrop(r) != nullptr);
  CHECK(modalBackdrop(r)->name == "a11y:close");
  // The same panel as the kiosk draws it: the backdrop submitted after its rows (so that the rows
  // keep their touches); the rows are found by the backdrop's prefix.
  LayoutReport after = sectionScreen();
  after.targets.push_back({"a11y:large-text", {300, 200, 400, 80}, -1});
  after.targets.push_back({"a11y:high-contrast", {300, 300, 400, 80}, -1});
  after.targets.push_back({"a11y:close", {0, 0, 1000, 800}, -1});
  const auto rows = focusableTargets(after);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1]->name == "a11y:high-contrast");
  CHECK(unreachableByKeypad(after).empty());
  // The idle question: the whole screen answers it, nothing on it.
  r.targets.push_back({"still-there", {0, 0, 1000, 800}, -1});
  const auto question = focusableTargets(r);
  REQUIRE(question.size() == 1);
  CHECK(question[0]->name == "still-there");
}

TEST_CASE("[KeypadFocus] what is said: the role, the texts, the place in its list") {
  const LayoutReport r = sectionScreen();
  CHECK(roleOf("item:s/i1") == "item");
  CHECK(roleOf("lang:ru") == "language");
  CHECK(roleOf("section:investment") == "section");
  CHECK(roleOf("map:point:3") == "map-point");
  CHECK(roleOf("picture") == "picture");
  CHECK(roleOf("back") == "button");
  CHECK(roleOf("pin:7") == "key");
  const auto texts = textsOf(r, "item:s/i1");
  REQUIRE(texts.size() == 2);
  CHECK(texts[0]->text == "Mukden Palace");
  const GroupPosition p = positionOf(r, "item:s/i3");
  CHECK(p.index == 3);
  CHECK(p.count == 6);
  CHECK(positionOf(r, "lang:en").index == 2);
  CHECK(positionOf(r, "back").count == 0); // alone of its kind: no "1 of 1"
}

TEST_CASE("[KeypadFocus] a card below the fold scrolls into view, a visible one does not") {
  LayoutReport r = sectionScreen();
  CHECK_FALSE(scrollToShow(r, "item:s/i1").has_value());
  CHECK_FALSE(scrollToShow(r, "back").has_value()); // fixed on screen
  const auto down = scrollToShow(r, "item:s/i5"); // 720..980 in a view 100..700
  REQUIRE(down.has_value());
  CHECK(*down == doctest::Approx(280));
  r.areas[0].scroll = 280;
  for (auto& t : r.targets)
    if (t.area == 0) t.box.y -= 280;
  const auto up = scrollToShow(r, "item:s/i1"); // now at -160
  REQUIRE(up.has_value());
  CHECK(*up == doctest::Approx(20)); // the top of the card at the top of the view
  CHECK(moveFocus(r, "item:s/i5", KeypadKey::Down) == "home"); // scrolled in: the bar below, home right under its centre
  CHECK(keypadKeyNamed("volume-up") == KeypadKey::VolumeUp);
  CHECK_FALSE(keypadKeyNamed("sideways").has_value());
}
