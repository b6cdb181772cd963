#include "core/InputScript.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("[InputScript] every command parses with its arguments") {
  std::vector<Diagnostic> diags;
  const auto s = parseInputScript(R"(# a comment
wait 2s
wait 500ms
tap 960 540
tap 50% 25%
tap @section:investment   # trailing comment
drag 900 800 900 300 0.5s
key F2
screenshot home.png
expect screen home
expect language en
await reload 5s
await pictures
)",
                                  "walk.kscript", diags);
  CHECK(diags.empty());
  REQUIRE(s.commands.size() == 12);
  using K = ScriptCommand::Kind;
  CHECK(s.commands[0].kind == K::Wait);
  CHECK(s.commands[0].seconds == doctest::Approx(2));
  CHECK(s.commands[0].line == 2);
  CHECK(s.commands[1].seconds == doctest::Approx(0.5));
  CHECK(s.commands[2].kind == K::Tap);
  CHECK(s.commands[2].x.resolve(1920) == 960);
  CHECK(s.commands[3].x.relative);
  CHECK(s.commands[3].y.resolve(1080) == doctest::Approx(270));
  CHECK(s.commands[4].target == "section:investment");
  CHECK(s.commands[5].kind == K::Drag);
  CHECK(s.commands[5].y2.resolve(1080) == 300);
  CHECK(s.commands[5].seconds == doctest::Approx(0.5));
  CHECK(s.commands[6].text == "F2");
  CHECK(s.commands[7].text == "home.png");
  CHECK(s.commands[8].kind == K::ExpectScreen);
  CHECK(s.commands[9].kind == K::ExpectLanguage);
  CHECK(s.commands[10].kind == K::AwaitReload);
  CHECK(s.commands[10].seconds == doctest::Approx(5));
  CHECK(s.commands[11].kind == K::AwaitPictures);
  CHECK(s.commands[11].seconds == doctest::Approx(10));
}

TEST_CASE("[InputScript] mistakes are reported at their line and column") {
  struct Case {
    const char* line;
    int column;
    const char* message;
  };
  const Case cases[] = {
      {"wait forever", 6, "not a duration"},
      {"wait", 1, "takes a duration"},
      {"wait 1d every soon", 15, "not a step"},
      {"wait 1d every", 9, "only 'drawn'"},
      {"repeat many", 8, "not a count"},
      {"repeat 0", 8, "not a count"},
      {"end", 1, "without a 'repeat'"},
      {"sample soak.txt", 8, "ending in .csv"},
      {"sample ../soak.csv", 8, "ending in .csv"},
      {"tap 10", 1, "takes a target"},
      {"tap ten 20", 5, "pixels"},
      {"tap 150% 20", 5, "pixels"},
      {"drag 1 2 3", 1, "four coordinates"},
      {"screenshot shot.jpg", 12, "PNG"},
      {"expect screen lobby", 15, "attract, home, section or item"},
      {"expect weather sunny", 8, "knows 'screen', 'language', 'targets', 'admin', 'target'"},
      {"  jump 3", 3, "unknown command 'jump'"},
      {"await godot", 7, "knows 'reload', 'pictures' and 'workers'"},
      {"expect admin open", 14, "closed, pin, panel or pattern"},
      {"open /nothing", 6, "is not home, SECTION or SECTION/ITEM"},
      {"open investment/", 6, "is not home, SECTION or SECTION/ITEM"},
      {"set modes big-text", 11, "'big-text' is not a display choice"},
      {"set colour red", 5, "knows 'language' and 'modes'"},
      {"set language", 1, "'set language ru'"},
      {"thumbnail sheet.jpg", 11, "ending in .png"},
      {"thumbnail ../sheet.png", 11, "ending in .png"},
      {"expect target gallery:close", 15, "name one touch target"},
      {"expect no-target", 8, "name one touch target"},
      {"expect target-side @back", 20, "'expect target-side @back right'"},
      {"expect target-side back right", 20, "'expect target-side @back right'"},
      {"expect target-side @back up", 20, "(left or right)"},
      {"expect measure 5", 16, "from 10 to 1000"},
      {"expect picture map 55% 10%", 16, "'expect picture item 55% 12%'"},
      {"expect picture item 55 10%", 16, "'expect picture item 55% 12%'"},
      {"expect picture item 155% 10%", 16, "'expect picture item 55% 12%'"},
      {"expect picture item 55%", 16, "'expect picture item 55% 12%'"},
      {"expect picture", 8, "'expect picture item 55% 12%'"},
      {"wait 2s quickly", 9, "only 'drawn'"},
      {"release now", 1, "'release' lifts the finger"},
      {"pinch 1 2 3", 1, "a centre, two finger spreads"},
      {"screenshot a.png later", 18, "only 'now' may follow"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    std::vector<Diagnostic> diags;
    const auto s = parseInputScript(std::string("wait 1s\n") + c.line + "\n", "x.kscript", diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].file == "x.kscript");
    CHECK(diags[0].line == 2);
    CHECK(diags[0].column == c.column);
    CHECK(diags[0].message.find(c.message) != std::string::npos);
    CHECK(s.commands.size() == 1);
  }
}

TEST_CASE("[InputScript] expect target-side names a target and a half of the screen") {
  std::vector<Diagnostic> diags;
  const auto s = parseInputScript("expect target-side @back right\nexpect target-side @section:a left\n", "rtl.kscript", diags);
  CHECK(diags.empty());
  REQUIRE(s.commands.size() == 2);
  CHECK(s.commands[0].kind == ScriptCommand::Kind::ExpectTargetSide);
  CHECK(s.commands[0].target == "back");
  CHECK(s.commands[0].text == "right");
  CHECK(s.commands[1].target == "section:a");
  CHECK(s.commands[1].text == "left");
}

TEST_CASE("[InputScript] durations in every unit") {
  double s = 0;
  CHECK(parseDuration("250ms", s));
  CHECK(s == doctest::Approx(0.25));
  CHECK(parseDuration("1.5min", s));
  CHECK(s == doctest::Approx(90));
  CHECK(parseDuration("2h", s));
  CHECK(s == doctest::Approx(7200));
  CHECK(parseDuration("7d", s));
  CHECK(s == doctest::Approx(7 * 86400));
  CHECK_FALSE(parseDuration("5", s));
  CHECK_FALSE(parseDuration("-1s", s));
  CHECK_FALSE(parseDuration("ms", s));
}

TEST_CASE("[InputScript] repeat blocks unroll, nested, keeping their lines") {
  std::vector<Diagnostic> diags;
  const auto s = parseInputScript("wait 1s\nrepeat 3\n  tap @attract\n  repeat 2\n    wait 25min every 5s\n  end\n  sample soak.csv\nend\nwait 2s drawn\n",
                                  "soak.kscript", diags);
  REQUIRE(diags.empty());
  using K = ScriptCommand::Kind;
  // 1 + 3 * (1 + 2 + 1) + 1
  REQUIRE(s.commands.size() == 14);
  CHECK(s.commands[1].kind == K::Tap);
  CHECK(s.commands[1].line == 3);
  CHECK(s.commands[2].kind == K::Wait);
  CHECK(s.commands[2].line == 5);
  CHECK(s.commands[2].amount == doctest::Approx(5));
  CHECK(s.commands[2].seconds == doctest::Approx(1500));
  CHECK(s.commands[3].line == 5);
  CHECK(s.commands[4].kind == K::Sample);
  CHECK(s.commands[4].text == "soak.csv");
  CHECK(s.commands[5].kind == K::Tap);
  CHECK(s.commands[12].kind == K::Sample);
  CHECK(s.commands[13].text == "drawn");
  CHECK(s.commands[13].amount == 0);
}

TEST_CASE("[InputScript] a repeat without its end is named at its line") {
  std::vector<Diagnostic> diags;
  (void)parseInputScript("wait 1s\nrepeat 2\nwait 1s\n", "x.kscript", diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].line == 2);
  CHECK(diags[0].message.find("no 'end'") != std::string::npos);
}

TEST_CASE("[InputScript] expect picture takes a picture, its least height and how far down it may start") {
  std::vector<Diagnostic> diags;
  const auto s = parseInputScript("expect picture item 55% 12%\nexpect picture gallery 80.5% 0%\n", "p.kscript", diags);
  REQUIRE(diags.empty());
  REQUIRE(s.commands.size() == 2);
  CHECK(s.commands[0].kind == ScriptCommand::Kind::ExpectPicture);
  CHECK(s.commands[0].target == "item");
  CHECK(s.commands[0].amount == doctest::Approx(0.55));
  CHECK(s.commands[0].limit == doctest::Approx(0.12));
  CHECK(s.commands[1].target == "gallery");
  CHECK(s.commands[1].amount == doctest::Approx(0.805));
  CHECK(s.commands[1].limit == doctest::Approx(0));
}
