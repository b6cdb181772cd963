#include "text/Bidi.h"
#include "text/FontFace.h"
#include "text/Shaper.h"

#include "platform/FontFinder.h"

#include <doctest/doctest.h>

using namespace kiosk::text;

namespace {

std::shared_ptr<FontFace> faceFor(const std::string& language) {
  const auto f = platform::findFontForLanguage(language);
  REQUIRE_MESSAGE(f, "no font installed for " << language);
  std::string error;
  auto face = FontFace::load(f->file, f->index, error);
  REQUIRE_MESSAGE(face, error);
  return face;
}

} // namespace

TEST_CASE("[Shaper] Thai marks are positioned on their bases: 9 code points, 10 glyphs") {
  // "ที่นี่น้ำ" (here, water): the sara am decomposes into nikhahit + sara aa.
  const auto face = faceFor("th");
  CHECK(face->family().find("Thai") != std::string::npos);
  const ShapedRun run = shape("ที่นี่น้ำ", *face, 40, "th");
  CHECK(run.glyphs.size() == 10);
  size_t marks = 0;
  for (const auto& g : run.glyphs) marks += g.advance == 0.0f;
  CHECK(marks >= 5); // tone marks and vowels above take no room of their own
  CHECK(run.width > 0);
}

TEST_CASE("[Shaper] Arabic letters join: the shaped word uses other forms than the letters alone") {
  const auto face = faceFor("ar");
  const std::string word = "مرحبا"; // welcome: five letters, no ligature
  const ShapedRun joined = shape(word, *face, 40, "ar", true);
  REQUIRE(joined.glyphs.size() == 5);
  // The same letters shaped one by one give isolated forms; joined, at least two differ.
  std::vector<std::uint32_t> isolated;
  for (size_t i = 0; i < word.size(); i += 2) isolated.push_back(shape(word.substr(i, 2), *face, 40, "ar", true).glyphs.at(0).glyph);
  std::vector<std::uint32_t> logical;
  for (auto it = joined.glyphs.rbegin(); it != joined.glyphs.rend(); ++it) logical.push_back(it->glyph); // RTL: visual order reversed
  size_t differ = 0;
  for (size_t i = 0; i < std::min(isolated.size(), logical.size()); ++i) differ += isolated[i] != logical[i];
  CHECK(differ >= 2);
  CHECK(joined.glyphs.front().cluster > joined.glyphs.back().cluster); // visual order: last letter first
}

TEST_CASE("[Shaper] the same ideograph takes the form of the visitor's language (Han unification)") {
  // 直 differs between the Simplified Chinese and Japanese faces of Noto Sans CJK.
  const auto sc = faceFor("zh-Hans");
  const auto jp = faceFor("ja");
  CHECK(sc->family().find("SC") != std::string::npos);
  CHECK(jp->family().find("JP") != std::string::npos);
  CHECK(shape("直", *sc, 40, "zh-Hans").glyphs.at(0).glyph != shape("直", *jp, 40, "ja").glyphs.at(0).glyph);
}

TEST_CASE("[Shaper] Latin pairs are kerned: AV is narrower than A and V apart") {
  const auto face = faceFor("en");
  const float apart = shape("A", *face, 100, "en").width + shape("V", *face, 100, "en").width;
  CHECK(shape("AV", *face, 100, "en").width < apart - 1.0f);
}

TEST_CASE("[Bidi] right-to-left text inside a left-to-right line keeps its own order") {
  const std::string line = "Hello שלום world";
  const auto runs = visualRuns(line);
  REQUIRE(runs.size() == 3);
  CHECK_FALSE(runs[0].rightToLeft);
  CHECK(runs[1].rightToLeft);
  CHECK(line.substr(runs[1].begin, runs[1].end - runs[1].begin) == "שלום");
  CHECK_FALSE(runs[2].rightToLeft);
}

TEST_CASE("[Bidi] an Arabic paragraph runs right to left, with its number left to right, in visual order") {
  const std::string line = "مرحبا 2026 بكم"; // welcome ... 2026 ... to you
  const auto runs = visualRuns(line);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].rightToLeft);
  CHECK(line.substr(runs[0].begin, runs[0].end - runs[0].begin).find("بكم") != std::string::npos); // last word leftmost
  CHECK_FALSE(runs[1].rightToLeft);
  CHECK(line.substr(runs[1].begin, runs[1].end - runs[1].begin) == "2026");
  CHECK(visualRuns("plain text").size() == 1);
}
