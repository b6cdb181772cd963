#pragma once
// The browser baseline of bench_vs_browser: the kiosk's attract loop written as a web developer
// would write it, one HTML page from a content folder. The content is read with the kiosk's own
// loader, so the page plays the same pictures in the same order with the same timings (slide
// length from kiosk.toml, 1.2 s smoothstep crossfade, the slow zoom 1.0 to 1.08 and pan one of
// four ways), the same texts (name, tagline, "touch to explore" in each offered language in
// turn), the faces fontconfig gives the kiosk for each language, and the kiosk's colours and
// positions. Everything moves by CSS animations of opacity and transform (what the compositor
// runs without the page's script); the script only counts frames when asked to.
#include "core/Clock.h"

#include <filesystem>
#include <string>
#include <vector>

namespace bench {

struct BrowserPage {
  std::string html;                     // empty when the content could not be read
  std::string error;                    // why
  std::vector<std::string> pictures;    // the attract loop's pictures, in order (absolute paths)
  std::vector<std::string> covers;      // the sections' covers among them (the loop begins with them)
  std::vector<std::string> fonts;       // "zh-Hans: Noto Sans CJK SC" per offered language
  std::vector<std::filesystem::path> films; // item files whose pictures include a film (see removeFilms)
  double slideSeconds = 7;
};

// The page for `content` on a `width` x `height` screen, the loop as the kiosk shows it on
// `today`. `assets`: the kiosk's assets folder (ui-strings.toml).
BrowserPage makeBrowserPage(const std::filesystem::path& content, const std::filesystem::path& assets, kiosk::CivilDate today,
                            int width, int height);

} // namespace bench
