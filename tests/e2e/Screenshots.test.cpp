// Checks on the screenshots and logs of the end-to-end runs (tests/e2e/*.kscript). Regions are
// fractions of the screen, so the checks hold for any window size the runs use.
#include <doctest/doctest.h>
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {

const std::filesystem::path kOut = KIOSK_E2E_OUT;

struct Shot {
  int w = 0, h = 0;
  std::shared_ptr<unsigned char> px;
  const unsigned char* at(int x, int y) const { return px.get() + (static_cast<size_t>(y) * w + x) * 3; }
};

Shot load(const std::string& run, const std::string& name) {
  Shot s;
  int n = 0;
  const auto path = kOut / run / name;
  unsigned char* data = stbi_load(path.c_str(), &s.w, &s.h, &n, 3);
  INFO("screenshot " << path);
  REQUIRE(data != nullptr);
  s.px.reset(data, stbi_image_free);
  return s;
}

std::string readLog(const std::string& run) {
  std::ifstream in(kOut / run / "kiosk.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Region {
  float x0, y0, x1, y1; // fractions of the screen
};
const Region kWhole{0, 0, 1, 1};

// Mean absolute difference per channel over a region, 0..255.
double difference(const Shot& a, const Shot& b, Region r = kWhole) {
  REQUIRE(a.w == b.w);
  REQUIRE(a.h == b.h);
  double sum = 0;
  size_t n = 0;
  for (int y = static_cast<int>(r.y0 * a.h); y < static_cast<int>(r.y1 * a.h); y += 2)
    for (int x = static_cast<int>(r.x0 * a.w); x < static_cast<int>(r.x1 * a.w); x += 2) {
      for (int c = 0; c < 3; ++c) sum += std::abs(a.at(x, y)[c] - b.at(x, y)[c]);
      n += 3;
    }
  return sum / static_cast<double>(n);
}

// Fraction of pixels in a region brighter than `threshold` (light text on the dark theme).
double inkFraction(const Shot& s, Region r, int threshold = 200) {
  size_t bright = 0, n = 0;
  for (int y = static_cast<int>(r.y0 * s.h); y < static_cast<int>(r.y1 * s.h); ++y)
    for (int x = static_cast<int>(r.x0 * s.w); x < static_cast<int>(r.x1 * s.w); ++x) {
      const unsigned char* p = s.at(x, y);
      bright += (p[0] + p[1] + p[2]) / 3 > threshold;
      ++n;
    }
  return static_cast<double>(bright) / static_cast<double>(n);
}

// Fraction of pixels in a region that show a warm colour: red clearly above blue, and bright
// enough to be no shade of the dark blue theme (background, cards, a section's bar) nor of white
// or tinted text. An emoji's reds, oranges and yellows are; nothing else on a text screen is.
double warmFraction(const Shot& s, Region r) {
  size_t warm = 0, n = 0;
  for (int y = static_cast<int>(r.y0 * s.h); y < static_cast<int>(r.y1 * s.h); ++y)
    for (int x = static_cast<int>(r.x0 * s.w); x < static_cast<int>(r.x1 * s.w); ++x) {
      const unsigned char* p = s.at(x, y);
      warm += p[0] > 150 && p[0] - p[2] > 80;
      ++n;
    }
  return static_cast<double>(warm) / static_cast<double>(n);
}

// Runs of pixels along row `y` (a fraction of the height) that are not the page background,
// each at least 5% of the width: the number of tiles or cards side by side.
int spansAcross(const Shot& s, float y) {
  const int row = static_cast<int>(y * s.h);
  const int bg[3] = {0x0E, 0x1A, 0x2B}; // Theme::kBackground
  int spans = 0, run = 0;
  for (int x = 0; x <= s.w; ++x) {
    bool on = false;
    if (x < s.w) {
      const unsigned char* p = s.at(x, row);
      on = std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]) > 30;
    }
    if (on) {
      ++run;
    } else {
      spans += run > s.w / 20;
      run = 0;
    }
  }
  return spans;
}

// Regions of the layout (see kiosk/ui/Screens.cpp and Theme.h).
const Region kTopBarName{0.0f, 0.0f, 0.45f, 0.085f};
const Region kItemTitle{0.57f, 0.09f, 0.99f, 0.17f};
const Region kItemImage{0.03f, 0.2f, 0.5f, 0.7f};
const Region kHomeTiles{0.02f, 0.2f, 0.98f, 0.85f};

} // namespace

TEST_CASE("[Walkthrough] every screen was captured at the window size") {
  for (const char* name : {"attract.png", "attract-crossfade.png", "home-zh.png", "section-zh.png", "item-zh.png",
                           "item-en.png", "item-en-reloaded.png", "home-en.png", "section-en.png", "attract-after-idle.png"}) {
    CAPTURE(name);
    const Shot s = load("walkthrough", name);
    CHECK(s.w == 1920);
    CHECK(s.h == 1080);
  }
}

TEST_CASE("[Walkthrough] each step of the visitor's path shows a different screen") {
  const Shot attract = load("walkthrough", "attract.png");
  const Shot home = load("walkthrough", "home-zh.png");
  const Shot section = load("walkthrough", "section-zh.png");
  const Shot item = load("walkthrough", "item-zh.png");
  CHECK(difference(attract, home) > 20);
  CHECK(difference(home, section) > 20);
  CHECK(difference(section, item) > 10);
}

TEST_CASE("[Walkthrough] the attract loop crossfades to another picture over time") {
  CHECK(difference(load("walkthrough", "attract.png"), load("walkthrough", "attract-crossfade.png")) > 15);
}

TEST_CASE("[Walkthrough] switching language changes the text and leaves the picture alone") {
  const Shot zh = load("walkthrough", "item-zh.png");
  const Shot en = load("walkthrough", "item-en.png");
  CHECK(difference(zh, en, kItemTitle) > 5);
  CHECK(difference(zh, en, kTopBarName) > 5);
  CHECK(difference(zh, en, kItemImage) < 1);
  const Shot homeZh = load("walkthrough", "home-zh.png");
  const Shot homeEn = load("walkthrough", "home-en.png");
  CHECK(difference(homeZh, homeEn, kTopBarName) > 5);
  // The tiles stay where they were, their pictures the same: the upper part of each row
  // (above the shade that carries the titles, whose height follows the text) is unchanged.
  CHECK(difference(homeZh, homeEn, Region{0.02f, 0.19f, 0.98f, 0.27f}) < 1);
  CHECK(difference(homeZh, homeEn, Region{0.02f, 0.54f, 0.98f, 0.62f}) < 1);
  CHECK(difference(homeZh, homeEn, kHomeTiles) > 1); // and their titles changed
}

TEST_CASE("[Walkthrough] reloading the content (F5) keeps the visitor's place and looks the same") {
  CHECK(difference(load("walkthrough", "item-en.png"), load("walkthrough", "item-en-reloaded.png")) < 0.5);
}

TEST_CASE("[Walkthrough] titles are drawn as text in both languages") {
  for (const char* name : {"item-zh.png", "item-en.png"}) {
    CAPTURE(name);
    const double ink = inkFraction(load("walkthrough", name), kItemTitle);
    CHECK(ink > 0.01);
    CHECK(ink < 0.5);
  }
}

TEST_CASE("[Walkthrough] every glyph was found in the fonts: no tofu, no '?'") {
  const std::string log = readLog("walkthrough");
  CHECK(log.find("lacks it") == std::string::npos);
  CHECK(log.find("no installed font can draw") == std::string::npos);
  CHECK(log.find("Noto Sans CJK SC") != std::string::npos); // Chinese from the Simplified face
}

TEST_CASE("[Walkthrough] after the idle timeout the kiosk is back on the attract loop") {
  const Shot idle = load("walkthrough", "attract-after-idle.png");
  const Shot home = load("walkthrough", "home-en.png");
  CHECK(difference(idle, home, kTopBarName) > 5); // no top bar on the attract loop
}

TEST_CASE("[BrokenContent] problems are reported with file and line, and the kiosk kept running") {
  const std::string log = readLog("broken");
  CHECK(log.find("sections/02-investment/02-investor-services.toml:1:") != std::string::npos);
  CHECK(log.find("must end with } on the same line") != std::string::npos);
  CHECK(log.find("sections/03-culture-tourism/section.toml:2:") != std::string::npos);
  CHECK(log.find("industrial-base-1.jpg: error: this is not an image") != std::string::npos);
  // Found at start-up too, at the line of the item file that names the picture.
  CHECK(log.find("02-investment/01-industrial-base.toml:39:8: error: image 'broken.content/sections/02-investment/images/"
                 "industrial-base-1.jpg': this is not an image") != std::string::npos);
  for (const char* name : {"home.png", "section.png", "item.png", "staff-overlay.png"}) {
    CAPTURE(name);
    const Shot s = load("broken", name);
    CHECK(s.w == 1920);
  }
}

TEST_CASE("[BrokenContent] the broken image is a placeholder, not garbage and not blank") {
  const Shot item = load("broken", "item.png");
  const Shot walk = load("walkthrough", "item-en.png");
  // Same item, same screen, but its picture is a placeholder now...
  CHECK(difference(item, walk, kItemImage) > 10);
  // ...a calm field in the section's colour (not black, not noise)...
  const Region field{0.05f, 0.15f, 0.15f, 0.3f};
  CHECK(inkFraction(item, field, 15) > 0.9);  // not black
  CHECK(inkFraction(item, field, 120) < 0.01); // not bright garbage
  // ...with the struck-through picture icon in its middle.
  CHECK(inkFraction(item, Region{0.22f, 0.35f, 0.35f, 0.55f}, 100) > 0.02);
}

// Pixels of the staff's red dot (the error colour, #C8453A) in the bottom-right corner.
size_t redDotPixels(const Shot& s) {
  size_t n = 0;
  for (int y = s.h * 96 / 100; y < s.h; ++y)
    for (int x = s.w * 97 / 100; x < s.w; ++x) {
      const unsigned char* p = s.at(x, y);
      n += p[0] > 150 && p[1] < 110 && p[2] < 100;
    }
  return n;
}

TEST_CASE("[BrokenContent] the red dot for content errors is for staff previewing, never for visitors at a venue") {
  CHECK(redDotPixels(load("broken", "home.png")) > 20);
  CHECK(redDotPixels(load("broken-venue", "home.png")) == 0);
  CHECK(redDotPixels(load("broken-venue", "item.png")) == 0);
}

TEST_CASE("[BrokenContent] F2 shows the staff overlay with the problems") {
  CHECK(difference(load("broken", "item.png"), load("broken", "staff-overlay.png"), Region{0.35f, 0.0f, 1.0f, 0.6f}) > 10);
}

TEST_CASE("[Idle] the kiosk asks before it resets, a touch answers, and the reset leaves no trace") {
  const Shot section = load("idle", "section.png");
  const Shot asking = load("idle", "asking.png");
  const Shot answered = load("idle", "answered.png");
  const Shot reset = load("idle", "reset.png");
  // The question dims the screen and stands in the middle of it...
  CHECK(difference(section, asking, Region{0.3f, 0.4f, 0.7f, 0.6f}) > 15);
  CHECK(inkFraction(asking, Region{0.0f, 0.85f, 0.1f, 0.95f}, 40) < inkFraction(section, Region{0.0f, 0.85f, 0.1f, 0.95f}, 40) + 0.001);
  // ...a touch on it leaves the visitor exactly where they were (no button beneath pressed)...
  // (The bars' buttons orbit a pixel or so against burn-in over the 95 s between: the screen
  // between the bars must be the same, the whole nearly so.)
  CHECK(difference(section, answered, Region{0.0f, 0.15f, 1.0f, 0.85f}) < 0.5);
  CHECK(difference(section, answered) < 1.5);
  // ...and, left alone, the kiosk returns to the attract loop (no top bar, default language).
  CHECK(difference(reset, section, kTopBarName) > 5);
  CHECK(difference(asking, load("idle", "asking-again.png"), Region{0.3f, 0.4f, 0.7f, 0.6f}) < 3);
}

TEST_CASE("[Gestures] a swipe turns the gallery and back, a flick carries the text on, a swipe on the text turns the item") {
  const Region text{0.58f, 0.1f, 0.98f, 0.85f};
  const Shot first = load("gestures", "gallery-1.png");
  CHECK(difference(first, load("gestures", "gallery-2.png"), kItemImage) > 10); // the second picture
  CHECK(difference(first, load("gestures", "gallery-back.png")) < 0.5);          // and back again
  // Pinching in from whole stays whole, and the first finger's slide (also the pointer) is no swipe.
  CHECK(difference(first, load("gestures", "pinched-in.png")) < 0.5);
  // Two fingers spreading on the picture open the gallery already enlarged (the text gives way
  // to it); one finger then moves the picture (the script checks it is still "1 / 2"); Close,
  // another picture and back shows the item as it was.
  const Shot zoomed = load("gestures", "zoomed.png");
  CHECK(difference(first, zoomed, kItemImage) > 5);
  CHECK(difference(first, zoomed, text) > 10);
  CHECK(difference(zoomed, load("gestures", "zoomed-swiped.png"), Region{0.2f, 0.2f, 0.8f, 0.7f}) > 3);
  CHECK(difference(first, load("gestures", "unzoomed.png")) < 0.5);
  const Shot released = load("gestures", "released.png");
  const Shot glided = load("gestures", "glided.png");
  const Shot settled = load("gestures", "settled.png");
  CHECK(difference(released, glided, text) > 2);  // moved on after the finger lifted
  CHECK(difference(glided, settled, text) < 0.5); // and came to rest
  CHECK(difference(first, released, kItemImage) < 0.5); // scrolling the text is no swipe
  CHECK(difference(settled, load("gestures", "next-item.png"), text) > 10); // the next item
}

// Mean brightness of a region, 0..255.
double brightness(const Shot& s, Region r) {
  double sum = 0;
  size_t n = 0;
  for (int y = static_cast<int>(r.y0 * s.h); y < static_cast<int>(r.y1 * s.h); y += 2)
    for (int x = static_cast<int>(r.x0 * s.w); x < static_cast<int>(r.x1 * s.w); x += 2) {
      sum += (s.at(x, y)[0] + s.at(x, y)[1] + s.at(x, y)[2]) / 3.0;
      ++n;
    }
  return sum / static_cast<double>(n);
}

TEST_CASE("[Accessibility] high contrast turns the page black, large text is larger, low reach moves every control down") {
  const Shot home = load("accessibility", "home.png");
  const Shot contrast = load("accessibility", "home-large-contrast.png");
  const Region heading{0.015f, 0.1f, 0.3f, 0.17f}; // "Choose a topic"
  CHECK(brightness(home, Region{0.0f, 0.88f, 0.012f, 0.9f}) > 8);   // the standard navy bar
  CHECK(brightness(contrast, Region{0.0f, 0.88f, 0.012f, 0.9f}) < 2); // black (left of home's QR code)
  CHECK(inkFraction(contrast, heading, 200) > inkFraction(home, heading, 200) * 1.2); // larger letters
  // Low reach: nothing to touch in the upper part; the language buttons sit above the bottom bar.
  const Shot low = load("accessibility", "item-low-reach.png");
  CHECK(difference(low, load("accessibility", "item-low-reach-ru.png"), Region{0.3f, 0.8f, 1.0f, 0.88f}) > 3); // they work there
  // No top bar at the top: only the section's name, in a band that holds it whole.
  CHECK(inkFraction(low, Region{0.5f, 0.0f, 1.0f, 0.08f}, 100) < 0.01);
  CHECK(inkFraction(low, Region{0.0f, 0.0f, 1.0f, 0.004f}, 100) < 0.001);
  // The choices ended with the visit: the next visitor gets the standard display.
  CHECK(difference(home, load("accessibility", "home-after-reset.png")) < 1);
}

TEST_CASE("[4K] every screen fills 3840x2160 at the same proportions as 1080p, in every language switched to") {
  for (const char* name : {"attract.png", "home-ja.png", "section-ko.png", "item-ru.png", "item-vi.png", "panel-vi.png"}) {
    CAPTURE(name);
    const Shot s = load("4k", name);
    CHECK(s.w == 3840);
    CHECK(s.h == 2160);
  }
  // The same layout as at 1080p: three tiles to a row, the pictures where they were.
  CHECK(spansAcross(load("4k", "home-ja.png"), 0.4f) == 3);
  CHECK(difference(load("4k", "item-ru.png"), load("4k", "item-vi.png"), Region{0.03f, 0.15f, 0.5f, 0.4f}) < 1); // the picture stays
  CHECK(difference(load("4k", "item-ru.png"), load("4k", "item-vi.png"), kItemTitle) > 1);   // the text changes
  const std::string log = readLog("4k");
  // The 4K default: 1 GiB on a graphics card; on a software renderer (Xvfb's llvmpipe), whose
  // textures are the kiosk's own memory, 320 MiB.
  if (log.find("(a software renderer: textures are the kiosk's own memory)") != std::string::npos)
    CHECK(log.find("texture budget 320 MiB") != std::string::npos);
  else
    CHECK(log.find("texture budget 1024 MiB") != std::string::npos);
}

TEST_CASE("[Transitions] a new screen fades in, and a touch during the fade is taken at once") {
  const Shot entering = load("transitions", "entering.png");
  const Region content{0.02f, 0.12f, 0.98f, 0.85f};
  // Three frames (50 ms) into the section screen: still mostly the background colour, between bars
  // already drawn in full.
  CHECK(brightness(entering, content) < brightness(load("transitions", "home.png"), content) - 10);
  CHECK(difference(entering, load("transitions", "section.png"), Region{0.0f, 0.9f, 0.15f, 1.0f}) < 1); // Back, Home
  // The item card tapped during the fade opened the item (the script's 'expect screen item').
  CHECK(difference(load("transitions", "item.png"), load("walkthrough", "item-en.png"), kItemTitle) < 1);
}

TEST_CASE("[Feedback] the frame after a finger lands shows the button pressed") {
  const Shot before = load("feedback", "before.png");
  const Shot pressed = load("feedback", "pressed.png");
  const Region homeButton{0.10f, 0.91f, 0.2f, 0.97f};
  CHECK(difference(before, pressed, homeButton) > 5);                 // lighter at once
  CHECK(difference(before, pressed, Region{0.3f, 0.2f, 1.0f, 0.8f}) < 1); // nothing else moved
}

TEST_CASE("[Health] the kiosk writes its health for Prometheus: frame times, memory, content, a heartbeat") {
  std::ifstream in(kOut / "idle" / "kiosk.prom");
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  for (const char* line : {"kiosk_content_errors 0\n", "kiosk_starts_total 1\n", "kiosk_content_loads_total 1\n",
                           "# TYPE kiosk_frame_seconds histogram\n", "# TYPE kiosk_heartbeat_timestamp_seconds gauge\n"}) {
    CAPTURE(line);
    CHECK(text.find(line) != std::string::npos);
  }
  const auto at = text.find("kiosk_frame_seconds_count ");
  REQUIRE(at != std::string::npos);
  CHECK(std::stol(text.substr(at + 26)) > 10); // frames drawn by then (a script draws only the last frame of a wait)
  for (const auto& e : std::filesystem::directory_iterator(kOut / "idle")) { // written whole, then renamed
    CAPTURE(e.path());
    CHECK(e.path().filename().string().rfind("kiosk.prom.", 0) == std::string::npos);
  }
}

TEST_CASE("[BadImages] every kind of bad picture is named for staff with what to do") {
  const std::string log = readLog("bad-images");
  // file, sentence: on one line of the log (at start-up, at the line naming the picture; or when
  // it was decoded for the screen).
  const std::pair<const char*, const char*> expected[] = {
      {"cut-short.jpg", "the JPEG is damaged or cut short"},
      {"empty.jpg", "the image file is empty (0 bytes); copy it again"},
      {"not-an-image.jpg", "this is not an image the kiosk can read (use JPEG or PNG)"},
      {"bomb.jpg", "the image is 60000x60000 pixels, more than the kiosk will decode"},
      {"iphone-photo.heic", "this is a HEIC file, which the kiosk cannot show; export it as JPEG or PNG"},
  };
  for (const auto& [file, sentence] : expected) {
    CAPTURE(file);
    bool found = false;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);)
      found |= line.find(file) != std::string::npos && line.find(sentence) != std::string::npos && line.find("error") != std::string::npos;
    CHECK(found);
  }
  // The damaged PNG passes the header check; decoding finds it, and says which chunk.
  CHECK(log.find("broken-checksum.png: error: the PNG is damaged (chunk 'IDAT' at byte 33 fails its checksum)") != std::string::npos);
  // No memory blow-up: the 3.6-gigapixel bomb was refused before anything was allocated for it.
  const auto at = log.find("kiosk: memory: peak ");
  REQUIRE(at != std::string::npos);
  CHECK(std::stoi(log.substr(at + 20)) < 600);
}

TEST_CASE("[BadImages] a bad picture is a calm placeholder, and the good one beside it shows") {
  const Shot good = load("bad-images", "good.png");
  for (const char* name : {"cut-short.png", "empty.png", "not-an-image.png"}) {
    CAPTURE(name);
    const Shot bad = load("bad-images", name);
    CHECK(difference(bad, good, kItemImage) > 10);       // the photo is not there...
    const Region field{0.05f, 0.15f, 0.15f, 0.3f};
    CHECK(inkFraction(bad, field, 15) > 0.9);              // ...a field in the section's colour,
    CHECK(inkFraction(bad, field, 120) < 0.01);            // not garbage,
    CHECK(difference(bad, load("bad-images", "empty.png"), kItemImage) < 1); // and the same for every kind
  }
  CHECK(inkFraction(good, Region{0.05f, 0.15f, 0.15f, 0.3f}, 120) > 0.05); // the photo has light in it
}

TEST_CASE("[Portrait] a portrait screen stacks the item's picture above its text") {
  const Shot item = load("portrait", "item.png");
  CHECK(item.w == 1080);
  CHECK(item.h == 1920);
  // The picture fills the upper part; the title and text are below it, on the dark page.
  CHECK(inkFraction(item, Region{0.03f, 0.08f, 0.97f, 0.3f}, 150) > 0.2);
  CHECK(inkFraction(item, Region{0.03f, 0.42f, 0.97f, 0.7f}) > 0.01);
  const std::string log = readLog("portrait");
  CHECK(log.find("lacks it") == std::string::npos);
}

TEST_CASE("[Portrait] tiles and cards are fewer to a row on a tall screen, so titles are not cut short") {
  CHECK(spansAcross(load("portrait", "home.png"), 0.25f) == 2);
  CHECK(spansAcross(load("walkthrough", "home-zh.png"), 0.4f) == 3);
  // Cards are at least a finger-friendly width: two to a row on a portrait screen, where a
  // landscape one of the same width per card takes four (the [ManyContent] section).
  CHECK(spansAcross(load("portrait", "section.png"), 0.3f) == 2);
  // Through the cards' text, where the cards are plain (a row through the pictures depends on
  // what they show): the two items of the section, side by side.
  CHECK(spansAcross(load("walkthrough", "section-zh.png"), 0.62f) == 2);
}

TEST_CASE("[ManyContent] grids keep finger-sized tiles and scroll by dragging") {
  const Shot top = load("many", "home-top.png");
  const Shot scrolled = load("many", "home-scrolled.png");
  CHECK(spansAcross(top, 0.4f) == 4);                            // 20 sections: four to a row
  CHECK(difference(top, scrolled, Region{0, 0.2f, 1, 0.85f}) > 5); // the drag moved the grid
  CHECK(difference(top, scrolled, kTopBarName) < 0.5);              // and nothing else
  const Shot sTop = load("many", "section-top.png");
  const Shot sScrolled = load("many", "section-scrolled.png");
  CHECK(spansAcross(sTop, 0.6f) == 4); // cards sized to their content, four to a row
  CHECK(difference(sTop, sScrolled, Region{0, 0.3f, 1, 0.85f}) > 5);
}

TEST_CASE("[HotReload] an edited title is on screen within a second of the save") {
  const Shot before = load("hot", "before.png");
  const Shot edited = load("hot", "edited.png");
  CHECK(difference(before, edited, kItemTitle) > 1);  // the new title (two characters changed)
  CHECK(difference(before, edited, kItemImage) < 1);  // the same picture, no placeholder flash
  const std::string log = readLog("hot");
  const auto at = log.find("content reloaded, on screen ");
  REQUIRE(at != std::string::npos);
  const int ms = std::stoi(log.substr(at + std::string("content reloaded, on screen ").size()));
  INFO("change to screen: " << ms << " ms");
  CHECK(ms < 1000);
  // Text is drawn from glyphs rasterized on demand: a reload rebuilds no font atlas.
  CHECK(log.find("font atlas") == log.rfind("font atlas"));
}

TEST_CASE("[HotReload] a broken file keeps the old content on screen, with the staff indicator") {
  const Shot edited = load("hot", "edited.png");
  const Shot broken = load("hot", "broken.png");
  CHECK(difference(edited, broken, Region{0, 0, 0.9f, 0.9f}) < 0.5); // visitors see no change
  CHECK(difference(edited, broken, Region{0.97f, 0.95f, 1, 1}) > 3);  // the red dot appeared
  const std::string log = readLog("hot");
  CHECK(log.find("01-industrial-base.toml:1:") != std::string::npos);
  CHECK(log.find("the previous content stays on screen until they are fixed") != std::string::npos);
}

TEST_CASE("[HotReload] fixing the file shows the new content and clears the indicator") {
  const Shot edited = load("hot", "edited.png");
  const Shot fixed = load("hot", "fixed.png");
  CHECK(difference(edited, fixed) < 0.5);
  CHECK(difference(edited, fixed, Region{0.97f, 0.95f, 1, 1}) < 0.5); // the red dot is gone
}

TEST_CASE("[HotReload] the whole folder renamed away and back: the screen stays, nothing crashes") {
  const Shot fixed = load("hot", "fixed.png");
  CHECK(difference(fixed, load("hot", "folder-gone.png"), Region{0, 0, 0.9f, 0.9f}) < 0.5);
  CHECK(difference(fixed, load("hot", "folder-back.png")) < 0.5);
  CHECK(readLog("hot").find("the content folder could not be read; the previous content stays on screen") !=
        std::string::npos);
}

TEST_CASE("[HotReload] an error the kiosk started with does not hold back other edits") {
  CHECK(difference(load("hot-error", "before.png"), load("hot-error", "edited.png"), kItemTitle) > 1);
  CHECK(readLog("hot-error").find("content reloaded, on screen") != std::string::npos);
}

TEST_CASE("[Scripts] the same item is set in ten languages, every character drawn") {
  const std::string log = readLog("scripts");
  CHECK(log.find("left out") == std::string::npos);
  CHECK(log.find("no installed font can draw") == std::string::npos);
  for (const char* lang : {"zh-Hans", "zh-Hant", "ja", "ko", "en", "ru", "mn", "th", "vi", "ar"}) {
    CAPTURE(lang);
    const Shot s = load("scripts", std::string(lang) + ".png");
    CHECK(inkFraction(s, Region{0.0f, 0.1f, 1.0f, 0.22f}) > 0.002); // title and text are there
  }
}

TEST_CASE("[Scripts] the text engine's glyph pages stay well under the 64 MiB budget") {
  for (const char* run : {"walkthrough", "scripts", "every-text"}) {
    CAPTURE(run);
    const std::string log = readLog(run);
    const auto at = log.find("text glyph pages: ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stod(log.substr(at + std::strlen("text glyph pages: "))) < 64.0);
  }
}

TEST_CASE("[Scripts] 直骨 takes the Simplified, Traditional and Japanese forms of each language") {
  // Identical characters in the three languages; only the faces (SC, TC, JP) differ.
  // (A text-only item centres its reading column: the title starts a quarter of the way in.)
  const Region title{0.24f, 0.11f, 0.40f, 0.18f};
  const Shot sc = load("scripts", "zh-Hans.png");
  CHECK(difference(sc, load("scripts", "ja.png"), title) > 1);
  CHECK(difference(sc, load("scripts", "zh-Hant.png"), title) > 1);
}

TEST_CASE("[Scripts] Arabic runs right to left from the right edge") {
  // The text-only item's reading column is centred (x 0.25 to 0.74 at 1920x1080): the body's
  // short last line sits at its right end in Arabic, at its left end in English.
  const Shot ar = load("scripts", "ar.png");
  const Region lastLine{0.0f, 0.215f, 1.0f, 0.245f};
  const Region columnLeft{0.26f, lastLine.y0, 0.42f, lastLine.y1}, columnRight{0.58f, lastLine.y0, 0.73f, lastLine.y1};
  const double right = inkFraction(ar, columnRight);
  const double left = inkFraction(ar, columnLeft);
  CHECK(right > left * 2 + 0.001);
  const Shot en = load("scripts", "en.png");
  CHECK(inkFraction(en, columnLeft) > inkFraction(en, columnRight) * 2 + 0.001);
}

TEST_CASE("[Emoji] emoji in a title are drawn in colour, in Latin, Arabic and Thai titles alike") {
  // Issue 14: emoji were left out ("no installed font can draw") and ❄ was black and white.
  const std::string log = readLog("emoji");
  CHECK(log.find("left out") == std::string::npos);
  CHECK(log.find("no installed font can draw") == std::string::npos);
  // The title row of the text-only item's reading column, right of the section's blue bar.
  const Region title{0.26f, 0.09f, 0.75f, 0.17f};
  const Shot reference = load("emoji", "zh-Hans.png"); // the same screen, its title without emoji
  CHECK(inkFraction(reference, title) > 0.002);       // a title is there...
  CHECK(warmFraction(reference, title) < 0.0005);     // ...white on blue: nothing warm
  for (const char* lang : {"en", "ar", "th"}) {
    CAPTURE(lang);
    const Shot s = load("emoji", std::string(lang) + ".png");
    CHECK(inkFraction(s, title) > 0.002);
    CHECK(warmFraction(s, title) > 0.004); // 🔥's flame and 🎿's skis, in their own colours
  }
}

TEST_CASE("[MissingFolder] a missing content folder is explained, never a crash or a blank screen") {
  const std::string log = readLog("missing");
  CHECK(log.find("no-such-folder: error: content folder not found") != std::string::npos);
  const Shot home = load("missing", "home.png");
  CHECK(inkFraction(home, Region{0, 0.08f, 1, 0.3f}) > 0.001); // the "no content" message
}

TEST_CASE("[MissingFolder] when the folder is copied in, the kiosk starts afresh without the staff overlay") {
  const Shot appeared = load("missing", "appeared.png");
  const Shot attract = load("walkthrough", "attract.png");
  // The attract loop in the default language, as on a fresh start, with no overlay over it.
  CHECK(difference(appeared, attract, Region{0.35f, 0.0f, 1.0f, 0.6f}) < 8);
}

TEST_CASE("[Admin] keys do nothing for visitors, the corners open a PIN pad, the PIN opens the panel") {
  const Shot attract = load("admin", "attract.png");
  // F2 at the venue: no staff overlay (the attract loop only drifted a frame).
  CHECK(difference(attract, load("admin", "keys-ignored.png")) < 2);
  const Shot pin = load("admin", "pin.png");
  const Region pad{0.4f, 0.2f, 0.6f, 0.8f};
  CHECK(difference(attract, pin, pad) > 20);
  // Four digits typed: four filled dots where the empty rings were; a wrong PIN says so.
  const Region dots{0.45f, 0.2f, 0.55f, 0.25f};
  CHECK(difference(pin, load("admin", "pin-typed.png"), dots) > 3);
  CHECK(difference(pin, load("admin", "wrong-pin.png"), Region{0.4f, 0.25f, 0.6f, 0.29f}) > 3);
  // The panel replaces the attract loop; F2 works in it; the test pattern is something else again.
  const Shot panel = load("admin", "panel.png");
  CHECK(difference(pin, panel) > 20);
  CHECK(difference(panel, load("admin", "panel-f2.png"), Region{0.4f, 0.05f, 0.95f, 0.5f}) > 5);
  CHECK(difference(panel, load("admin", "pattern.png")) > 40);
}

// The gallery run (tests/e2e/gallery.kscript, 1920x1080): the script itself checks the targets,
// "1 / 2", the ends and reach; these check what a visitor sees.
TEST_CASE("[Gallery] a tapped picture fills the screen in a dark room, double tap enlarges and restores it") {
  const Shot item = load("gallery-1920x1080", "item.png");
  const Shot open = load("gallery-1920x1080", "gallery-ru.png");
  // Where the item had its text column, the gallery shows the picture, larger.
  const Region rightOfCentre{0.62f, 0.3f, 0.8f, 0.6f};
  CHECK(brightness(open, rightOfCentre) > brightness(item, rightOfCentre) + 60);
  // The top bar (languages) is gone: the room around the picture is dark.
  CHECK(brightness(open, Region{0.4f, 0.0f, 1.0f, 0.05f}) < 30);
  CHECK(difference(open, load("gallery-1920x1080", "gallery-ru-2.png"), Region{0.2f, 0.1f, 0.8f, 0.8f}) > 10); // the next picture
  const Shot whole = load("gallery-1920x1080", "whole.png");
  CHECK(difference(whole, load("gallery-1920x1080", "double-tapped.png"), Region{0.15f, 0.1f, 0.85f, 0.8f}) > 10);
  CHECK(difference(whole, load("gallery-1920x1080", "whole-again.png")) < 0.5);
  // High contrast: a black room.
  CHECK(brightness(load("gallery-1920x1080", "gallery-high-contrast.png"), Region{0.0f, 0.2f, 0.05f, 0.6f}) < 3);
}

namespace {

// The picture on a map item's screen: the light rectangle in the left part of the screen (the
// sample maps are light), found by walking out from a point inside it.
struct Picture {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
bool isPage(const unsigned char* p) { return p[0] + p[1] + p[2] < 200; } // the dark page
Picture findPicture(const Shot& s, int insideX, int insideY) {
  Picture r{insideX, insideY, insideX, insideY};
  while (r.x0 > 0 && !isPage(s.at(r.x0 - 1, insideY))) --r.x0;
  while (r.x1 < s.w - 1 && !isPage(s.at(r.x1 + 1, insideY))) ++r.x1;
  while (r.y0 > 0 && !isPage(s.at(insideX, r.y0 - 1))) --r.y0;
  while (r.y1 < s.h - 1 && !isPage(s.at(insideX, r.y1 + 1))) ++r.y1;
  return r;
}
// Pixels near (x, y) within `radius` of the marker's dark rim (Theme::kBar) and of its accent fill.
std::pair<int, int> markerInk(const Shot& s, int x, int y, int radius) {
  int rim = 0, fill = 0;
  for (int py = std::max(0, y - radius); py < std::min(s.h, y + radius); ++py)
    for (int px = std::max(0, x - radius); px < std::min(s.w, x + radius); ++px) {
      const unsigned char* p = s.at(px, py);
      rim += std::abs(p[0] - 0x0A) + std::abs(p[1] - 0x13) + std::abs(p[2] - 0x20) < 40;
      fill += std::abs(p[0] - 0xD4) + std::abs(p[1] - 0xA2) + std::abs(p[2] - 0x4C) < 40;
    }
  return {rim, fill};
}

} // namespace

TEST_CASE("[Map] a numbered marker is drawn on (or, crowded, beside) each point of the map, and nowhere else") {
  // content/sections/03-culture-tourism/04-map-of-shenyang.toml: points in pixels of 1920x1080.
  const int points[][2] = {{960, 430}, {860, 190}, {900, 318}, {1560, 330}, {1780, 160}, {1370, 820}, {1050, 990}};
  for (const std::string run : {"map-1920x1080", "map-1280x1024", "map-1080x1920"}) {
    CAPTURE(run);
    const Shot s = load(run, "map-zh.png");
    // Down a line a quarter across the map (no marker is there) to its top and bottom, then
    // across a line 62% down it (nor there) to its sides.
    const int x = static_cast<int>(s.w * (s.h > s.w ? 0.26f : 0.165f));
    int y = s.h / 10;
    while (y < s.h / 2 && isPage(s.at(x, y))) ++y;
    const Picture down = findPicture(s, x, y + 2);
    const Picture pic = findPicture(s, x, down.y0 + (down.y1 - down.y0) * 62 / 100);
    const int w = pic.x1 - pic.x0 + 1, h = down.y1 - down.y0 + 1;
    CAPTURE(pic.x0);
    CAPTURE(down.y0);
    CAPTURE(w);
    CAPTURE(h);
    CHECK(std::abs(w * 9 - h * 16) < w / 10); // the map whole, at its own 16:9
    const int radius = std::min(s.w, s.h) / 25; // a marker is about 1/17 of the short side across
    // Points closer than a finger have their markers moved apart (points 1, 2 and 3 at
    // 1280x1024), by at most a marker's width: look within that.
    for (const auto& p : points) {
      const auto [rim, fill] = markerInk(s, pic.x0 + p[0] * w / 1920, down.y0 + p[1] * h / 1080, radius * 2);
      CAPTURE(p[0]);
      CHECK(rim > radius);     // the dark rim around it...
      CHECK(fill > radius * 4); // ...and its accent disc
    }
    // Where there is no point (the south-west of the map) there is no marker.
    CHECK(markerInk(s, pic.x0 + w / 8, down.y0 + h * 3 / 4, radius).first < radius);
  }
}

TEST_CASE("[Map] every legend label is set in Russian, whole, with every glyph found") {
  for (const std::string run : {"map-1920x1080", "map-1280x1024", "map-1080x1920"}) {
    CAPTURE(run);
    const std::string log = readLog(run);
    // map.kscript expects each Russian label on screen and no text cut short, in low reach too.
    CHECK(log.find("layout checks: 18 passed, 0 failed") != std::string::npos);
    CHECK(log.find("lacks it") == std::string::npos);
    CHECK(log.find("no installed font can draw") == std::string::npos);
    // The legend is in the visitor's language: Russian and Chinese set differently.
    const Region text = run == "map-1080x1920" ? Region{0.05f, 0.45f, 0.95f, 0.75f} : Region{0.57f, 0.15f, 0.99f, 0.7f};
    CHECK(difference(load(run, "map-ru.png"), load(run, "map-zh.png"), text) > 3);
  }
}

TEST_CASE("[Map] Back from the item a point opened returns to the map, with that point still chosen") {
  for (const std::string run : {"map-1920x1080", "map-1280x1024", "map-1080x1920"}) {
    CAPTURE(run);
    const Shot chosen = load(run, "map-zh-point.png");
    CHECK(difference(chosen, load(run, "linked-zh.png")) > 10);   // Open showed another item...
    CHECK(difference(chosen, load(run, "map-zh-back.png")) < 0.5); // ...and Back the map as it was left
    CHECK(difference(chosen, load(run, "map-zh.png")) > 0.3);     // (with the bubble open)
    CHECK(difference(load(run, "map-ru-point.png"), load(run, "map-ru-back.png")) < 0.5); // from another section too
  }
}

namespace {

// Fraction of pixels in a region within `tolerance` (per channel) of an RGB colour.
double colourFraction(const Shot& s, Region r, std::uint32_t rgb, int tolerance = 6) {
  size_t near = 0, n = 0;
  const int want[3] = {static_cast<int>((rgb >> 16) & 0xFF), static_cast<int>((rgb >> 8) & 0xFF), static_cast<int>(rgb & 0xFF)};
  for (int y = static_cast<int>(r.y0 * s.h); y < static_cast<int>(r.y1 * s.h); ++y)
    for (int x = static_cast<int>(r.x0 * s.w); x < static_cast<int>(r.x1 * s.w); ++x) {
      const unsigned char* p = s.at(x, y);
      near += std::abs(p[0] - want[0]) <= tolerance && std::abs(p[1] - want[1]) <= tolerance && std::abs(p[2] - want[2]) <= tolerance;
      ++n;
    }
  return static_cast<double>(near) / static_cast<double>(n);
}

// The same region seen in a mirror (flipped across the screen's width).
Region mirror(Region r) { return {1 - r.x1, r.y0, 1 - r.x0, r.y1}; }

constexpr std::uint32_t kPage = 0x0E1A2B;   // Theme::kBackground
constexpr std::uint32_t kButtonFill = 0x24384F; // Theme::kButton
constexpr std::uint32_t kGold = 0xD4A24C;   // Theme::kAccent

} // namespace

// The e2e.rtl.run screenshots (tests/e2e/rtl.kscript, stress content at 1920x1080): an Arabic
// visitor's screens mirror, an English visitor's stay; pictures are placed, never flipped.
TEST_CASE("[Rtl] the item's picture is at the right and its text at the left in Arabic, the other way in English") {
  const Shot ar = load("rtl", "item-ar.png");
  const Shot en = load("rtl", "item-en.png");
  const Region pictureEn{0.2f, 0.15f, 0.38f, 0.6f}; // inside the media column at the left
  const Region belowTextEn{0.62f, 0.55f, 0.8f, 0.65f}; // the text column, below the text
  CHECK(colourFraction(en, pictureEn, kPage, 12) < 0.05);
  CHECK(colourFraction(en, belowTextEn, kPage, 12) > 0.95);
  CHECK(colourFraction(ar, mirror(pictureEn), kPage, 12) < 0.05);
  CHECK(colourFraction(ar, mirror(belowTextEn), kPage, 12) > 0.95);
}

TEST_CASE("[Rtl] the gallery keeps its pictures as they are: the same picture in Arabic and English, in the same place") {
  const Shot first = load("rtl", "gallery-ar.png");
  const Shot secondAr = load("rtl", "gallery-ar-2.png");
  const Shot secondEn = load("rtl", "gallery-en-2.png");
  const Region picture{0.1f, 0.1f, 0.9f, 0.85f};
  CHECK(difference(first, secondAr, picture) > 10);   // a swipe to the right turned it
  CHECK(difference(secondAr, secondEn, picture) < 1); // never mirrored
  // Close at the left in Arabic, at the right in English (the bar's button fill).
  const Region closeEn{0.9f, 0.92f, 0.97f, 0.97f};
  CHECK(colourFraction(secondEn, closeEn, kButtonFill) > 0.3);
  CHECK(colourFraction(secondAr, mirror(closeEn), kButtonFill) > 0.3);
  CHECK(colourFraction(secondAr, closeEn, kButtonFill) < 0.05);
}

TEST_CASE("[Rtl] the display choices open at the left in Arabic, at the right in English") {
  const Shot ar = load("rtl", "panel-ar.png");
  const Shot en = load("rtl", "panel-en.png");
  const Region rowsEn{0.6f, 0.55f, 0.94f, 0.84f};
  CHECK(colourFraction(en, rowsEn, kButtonFill) > 0.3);
  CHECK(colourFraction(ar, mirror(rowsEn), kButtonFill) > 0.3);
  CHECK(colourFraction(ar, rowsEn, kButtonFill) < 0.05);
  // Turned on, a switch fills with gold: at the left of its row in Arabic.
  const Shot on = load("rtl", "panel-ar-on.png");
  CHECK(colourFraction(on, Region{0.04f, 0.57f, 0.11f, 0.61f}, kGold, 10) > 0.2);
}

TEST_CASE("[Rtl] the idle question's ring is at the right of its text in Arabic, at the left otherwise") {
  const Region ringRight{0.66f, 0.38f, 0.8f, 0.62f};
  const Shot ar = load("rtl", "still-there-ar.png");
  CHECK(colourFraction(ar, ringRight, kGold, 12) > 0.01);
  CHECK(colourFraction(ar, mirror(ringRight), kGold, 12) < 0.001);
  const Shot zh = load("walkthrough", "still-there.png");
  CHECK(colourFraction(zh, mirror(ringRight), kGold, 12) > 0.01);
  CHECK(colourFraction(zh, ringRight, kGold, 12) < 0.001);
}

TEST_CASE("[Rtl] home's heading and first tile start at the right in Arabic") {
  const Shot ar = load("rtl", "home-ar.png");
  const Shot en = load("rtl", "home-en.png");
  const Region headingEn{0.02f, 0.1f, 0.3f, 0.17f};
  CHECK(inkFraction(en, headingEn) > 0.01);
  CHECK(inkFraction(ar, mirror(headingEn)) > 0.01);
  CHECK(inkFraction(ar, headingEn) < 0.001);
  // The display choices' button at the bottom left in Arabic (its fill), bottom right in English.
  const Region a11yEn{0.86f, 0.92f, 0.95f, 0.97f};
  CHECK(colourFraction(en, a11yEn, kButtonFill) > 0.2);
  CHECK(colourFraction(ar, mirror(a11yEn), kButtonFill) > 0.2);
}

// The e2e.films.run screenshots (tests/e2e/films.kscript, the sample content at 1920x1080): the
// promotional film plays in the attract loop and in its item, with captions in each visitor's
// language and sound controls; the frames follow the virtual clock, so they are reproducible.
TEST_CASE("[Films] an item's film is drawn with captions in the visitor's language, white on a dark band") {
  const Shot zh = load("films", "item-zh-Hans.png");
  const Shot en = load("films", "item-en.png");
  const Region film{0.05f, 0.2f, 0.5f, 0.5f};      // the film's picture, above its captions
  const Region captions{0.08f, 0.56f, 0.5f, 0.64f}; // the caption band at the film's foot
  CHECK(colourFraction(zh, film, kPage, 12) < 0.05); // a film frame, not the page or a placeholder
  CHECK(colourFraction(zh, captions, 0xFFFFFF, 40) > 0.02);
  CHECK(colourFraction(en, captions, 0xFFFFFF, 40) > 0.02);
  CHECK(colourFraction(en, captions, 0x000000, 24) > 0.2); // the band
  CHECK(difference(zh, en, film) > 5);      // the film moved on between them
  CHECK(difference(zh, en, captions) > 10); // another cue, in another script
}

TEST_CASE("[Films] the sound control shows the film muted") {
  const Shot en = load("films", "item-en.png");
  const Shot muted = load("films", "item-ru-muted.png");
  const Region speaker{0.03f, 0.13f, 0.075f, 0.195f};
  CHECK(colourFraction(en, speaker, 0xFFFFFF, 40) > 0.05);
  CHECK(difference(en, muted, speaker) > 3); // a cross where the waves were
}

TEST_CASE("[Films] the gallery plays the film larger, and the attract loop plays it on the whole screen") {
  const Shot gallery = load("films", "gallery-ru.png");
  const Shot attract = load("films", "attract-film.png");
  CHECK(colourFraction(gallery, Region{0.15f, 0.15f, 0.85f, 0.7f}, 0x0C0F14, 10) < 0.05);
  CHECK(colourFraction(attract, Region{0.0f, 0.1f, 1.0f, 0.45f}, kPage, 12) < 0.05);
  CHECK(colourFraction(attract, Region{0.2f, 0.4f, 0.8f, 0.55f}, 0xFFFFFF, 40) > 0.005); // its captions
}

TEST_CASE("[Strips] pictures cut into texture strips look exactly as one texture: no seam, no line at a rounded corner") {
  for (const char* shape : {"1920x1080", "1080x1920"}) {
    const std::string cut = std::string("strips-") + shape + "-256", whole = std::string("strips-") + shape + "-0";
    // The cut run really cut them (more strips than pictures), the whole run did not.
    auto strips = [](const std::string& log) {
      const auto at = log.rfind(" strips created (");
      REQUIRE(at != std::string::npos);
      const auto from = log.rfind("; ", at);
      long created = 0, ahead = 0, reused = 0, decoded = 0;
      REQUIRE(std::sscanf(log.c_str() + from, "; %ld strips created (%ld between frames), %ld reused", &created, &ahead,
                          &reused) == 3);
      const auto d = log.rfind("(", from);
      std::sscanf(log.c_str() + d, "(%ld pictures decoded", &decoded);
      return std::make_pair(created + reused, decoded);
    };
    const auto [cutStrips, cutPictures] = strips(readLog(cut));
    const auto [wholeStrips, wholePictures] = strips(readLog(whole));
    CHECK(cutStrips > cutPictures * 3);
    CHECK(wholeStrips == wholePictures);
    for (const char* name : {"attract-pan.png", "attract-fade.png", "home.png", "section.png", "item.png", "gallery.png"}) {
      const Shot a = load(cut, name), b = load(whole, name);
      REQUIRE(a.w == b.w);
      REQUIRE(a.h == b.h);
      int worst = 0, worstY = -1;
      size_t off = 0;
      for (int y = 0; y < a.h; ++y)
        for (int x = 0; x < a.w; ++x)
          for (int c = 0; c < 3; ++c) {
            const int d = std::abs(a.at(x, y)[c] - b.at(x, y)[c]);
            off += d > 2;
            if (d > worst) worst = d, worstY = y;
          }
      INFO(std::string(shape) << " " << std::string(name) << ": worst difference " << worst << " on row " << worstY << ", "
                              << off << " values off by more than 2");
      // llvmpipe's linear path (ImGuiGl) interpolates in 8-bit fixed point from each quad's own
      // corners, so a strip's pixels round a level or three apart from the whole picture's at a
      // handful of values (at most 4 of 6 million seen). A seam is a whole row off, by far more.
      CHECK(worst <= 3);
      CHECK(off <= 16);
    }
  }
}
