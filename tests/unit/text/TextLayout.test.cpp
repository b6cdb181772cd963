#include "text/TextLayout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include "text/Bidi.h"
#include "text/LineBreaker.h"

using namespace kiosk::text;

namespace {

FontLibrary& fonts() {
  static FontLibrary library;
  return library;
}

std::string lineText(std::string_view text, const TextLine& l) { return std::string(text.substr(l.begin, l.end - l.begin)); }

} // namespace

TEST_CASE("[TextLayout] mixed scripts fall back face by face along the language's chain") {
  const TextLayout l = layoutText("Hello 你好 Привет", "en", {}, 2000, fonts());
  REQUIRE(l.lines.size() == 1);
  std::set<std::string> families;
  for (const auto& g : l.lines[0].glyphs) families.insert(g.face->family());
  CHECK(families.size() == 2); // Noto Sans for Latin and Cyrillic, a CJK face for the ideographs
  CHECK(l.missing.empty());
}

TEST_CASE("[TextLayout] Latin and Cyrillic in one face are shaped as two scripts, with the same result as apart") {
  // Kerning and shaping rules are per script: "AV Ая" laid out together must match its parts.
  const float together = layoutText("AVAV.ЯАЯА", "en", {}, 2000, fonts()).width;
  const float latin = layoutText("AVAV.", "en", {}, 2000, fonts()).width;
  const float cyrillic = layoutText("ЯАЯА", "en", {}, 2000, fonts()).width;
  CHECK(together == doctest::Approx(latin + cyrillic).epsilon(0.01));
}

TEST_CASE("[TextLayout] a character no font has is left out and reported, never drawn as a box") {
  const TextLayout l = layoutText("A\uE000B", "en", {}, 2000, fonts());
  CHECK(l.missing.count(0xE000));
  REQUIRE(l.lines.size() == 1);
  CHECK(l.lines[0].glyphs.size() == 2);
}

TEST_CASE("[TextLayout] Chinese wraps with kinsoku at shaped widths") {
  const std::string text = "沈阳是中国东北地区的中心城市，历史悠久，文化底蕴深厚，也是充满活力的现代都市。";
  TextStyle style;
  style.pixelSize = 30;
  const TextLayout l = layoutText(text, "zh-Hans", style, 30 * 7.5f, fonts());
  REQUIRE(l.lines.size() >= 4);
  for (const auto& line : l.lines) {
    CHECK(line.width <= 30 * 7.5f + 0.5f);
    const std::string t = lineText(text, line);
    CHECK(t.rfind("，", 0) != 0);
    CHECK(t.rfind("。", 0) != 0);
  }
}

TEST_CASE("[TextLayout] Thai wraps between dictionary words, not inside them") {
  const std::string text = "ยินดีต้อนรับสู่เมืองเสิ่นหยาง"; // welcome to the city of Shenyang
  const TextLayout l = layoutText(text, "th", {}, 160, fonts());
  REQUIRE(l.lines.size() >= 2);
  const auto breaks = findLineBreaks(text, "th").offsets;
  for (const auto& line : l.lines) CHECK(std::find(breaks.begin(), breaks.end(), line.end) != breaks.end());
}

TEST_CASE("[TextLayout] an Arabic line runs right to left: its first letter is drawn rightmost") {
  const std::string text = "مرحبا";
  const TextLayout l = layoutText(text, "ar", {}, 2000, fonts());
  REQUIRE(l.lines.size() == 1);
  const auto& g = l.lines[0].glyphs;
  REQUIRE(g.size() == 5);
  CHECK(g.front().x < g.back().x);
  // The glyph drawn rightmost is the initial form of meem, the word's first letter.
  const TextLayout meem = layoutText("م", "ar", {}, 2000, fonts());
  CHECK(g.back().glyph != meem.lines[0].glyphs[0].glyph); // joined, so not the isolated form
}

TEST_CASE("[TextLayout] too much text is cut to the allowed lines with an ellipsis that fits") {
  TextStyle style;
  style.maxLines = 2;
  const std::string text = "The free trade zone offers streamlined procedures for investors from every country in Asia.";
  const TextLayout l = layoutText(text, "en", style, 300, fonts());
  CHECK(l.truncated);
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[1].width <= 300);
  const TextLayout dots = layoutText("\u2026", "en", {}, 300, fonts());
  CHECK(l.lines[1].glyphs.back().glyph == dots.lines[0].glyphs[0].glyph);
}

TEST_CASE("[TextLayout] lines align to the start, the centre or the end of the width") {
  TextStyle style;
  style.align = Align::Center;
  const TextLayout c = layoutText("Home", "en", style, 400, fonts());
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].x == doctest::Approx((400 - c.lines[0].width) / 2).epsilon(0.01));
  style.align = Align::End;
  const TextLayout e = layoutText("Home", "en", style, 400, fonts());
  CHECK(e.lines[0].x + e.lines[0].width == doctest::Approx(400));
}

TEST_CASE("[TextLayout] a right-to-left paragraph starts at the right edge") {
  const TextLayout ar = layoutText("مرحبا بكم", "ar", {}, 600, fonts());
  REQUIRE(ar.lines.size() == 1);
  CHECK(ar.rightToLeft);
  CHECK(ar.lines[0].x + ar.lines[0].width == doctest::Approx(600));
  const TextLayout en = layoutText("Welcome", "en", {}, 600, fonts());
  CHECK(en.lines[0].x == 0);
}

TEST_CASE("[TextLayout] Japanese uses the Japanese face for shared ideographs") {
  const TextLayout l = layoutText("直", "ja", {}, 400, fonts());
  REQUIRE(l.lines.size() == 1);
  CHECK(l.lines[0].glyphs[0].face->family().find("JP") != std::string::npos);
}

namespace {
// Byte offsets of the glyphs of line `l`, left to right on screen.
std::vector<size_t> bytesLeftToRight(const TextLine& l) {
  std::vector<size_t> out;
  for (const auto& g : l.glyphs) out.push_back(g.byte);
  return out;
}
const TextLine* lineStartingWith(const TextLayout& layout, std::string_view text, std::string_view start) {
  for (const auto& l : layout.lines)
    if (text.substr(l.begin).starts_with(start)) return &l;
  return nullptr;
}
} // namespace

TEST_CASE("[TextLayout] an Arabic paragraph stays right to left on a line that begins with a Latin word") {
  // Issue 14: direction was decided per wrapped line, so this line was set left to right with
  // its full stop on the right. The paragraph's level is resolved once; the line is reordered.
  const std::string text = "تقع مدينة شنيانغ في شمال شرق الصين وهي عاصمة Liaoning Province.";
  const float latinWidth = layoutText("Liaoning Province.", "ar", {}, 1e9f, fonts()).width; // in the faces Arabic text uses
  const float wrap = latinWidth + 8;
  const TextLayout l = layoutText(text, "ar", {}, wrap, fonts());
  CHECK(l.rightToLeft);
  const TextLine* latin = lineStartingWith(l, text, "Liaoning");
  REQUIRE(latin != nullptr);
  CHECK(latin->rightToLeft);
  CHECK(latin->x + latin->width == doctest::Approx(wrap)); // flush right, as its paragraph
  const auto bytes = bytesLeftToRight(*latin);
  REQUIRE(!bytes.empty());
  CHECK(text[bytes.front()] == '.'); // the full stop ends the sentence: on the left
  CHECK(text.substr(bytes[1]).starts_with("Liaoning"));
}

TEST_CASE("[TextLayout] an English paragraph stays left to right on a line that begins with an Arabic word") {
  const std::string text = "Shenyang is twinned with many cities. شنيانغ is how Arabic writes its name.";
  const float wrap = layoutText("Shenyang is twinned with many cities.", "en", {}, 1e9f, fonts()).width + 8;
  const TextLayout l = layoutText(text, "en", {}, wrap, fonts());
  CHECK_FALSE(l.rightToLeft);
  const TextLine* second = lineStartingWith(l, text, "شنيانغ");
  REQUIRE(second != nullptr);
  CHECK_FALSE(second->rightToLeft);
  CHECK(second->x == 0);
  const auto bytes = bytesLeftToRight(*second);
  REQUIRE(bytes.size() > 3);
  // The Arabic word first (its letters right to left within it), the English after it.
  const size_t arabic = text.find("شنيانغ");
  CHECK(bytes.front() >= arabic);
  CHECK(bytes.front() < arabic + std::string_view("شنيانغ").size());
  CHECK(text[bytes.back()] == '.');
}

TEST_CASE("[TextLayout] a paragraph's direction comes from its language, else its first strong character") {
  CHECK(directionOfLanguage("ar") == BaseDirection::RightToLeft);
  CHECK(directionOfLanguage("he") == BaseDirection::RightToLeft);
  CHECK(directionOfLanguage("fa-IR") == BaseDirection::RightToLeft);
  CHECK(directionOfLanguage("ur") == BaseDirection::RightToLeft);
  CHECK(directionOfLanguage("en") == BaseDirection::LeftToRight);
  CHECK(directionOfLanguage("zh-Hans") == BaseDirection::LeftToRight);
  CHECK(directionOfLanguage("mn") == BaseDirection::LeftToRight);
  CHECK(directionOfLanguage("") == BaseDirection::FromText);
  CHECK(directionOfLanguage("und") == BaseDirection::FromText);
  // Arabic text that opens with a brand name is still an Arabic paragraph.
  const std::string text = "Shenyang Expo هو معرض سنوي";
  CHECK(layoutText(text, "ar", {}, 2000, fonts()).rightToLeft);
  CHECK_FALSE(layoutText(text, "", {}, 2000, fonts()).rightToLeft); // undetermined: first strong (Latin)
  CHECK(layoutText("معرض Shenyang Expo", "", {}, 2000, fonts()).rightToLeft);
}

TEST_CASE("[TextLayout] each paragraph of a text takes its own direction, and its lines align by it") {
  const std::string text = "مرحبا بكم\nWelcome";
  TextStyle style;
  const TextLayout l = layoutText(text, "", style, 600, fonts());
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[0].rightToLeft);
  CHECK(l.lines[0].x + l.lines[0].width == doctest::Approx(600));
  CHECK_FALSE(l.lines[1].rightToLeft);
  CHECK(l.lines[1].x == 0);
}

TEST_CASE("[TextLayout] a cut Arabic line keeps its direction and its ellipsis at the left end") {
  TextStyle style;
  style.maxLines = 1;
  const std::string text = "Liaoning هي مقاطعة في شمال شرق الصين وعاصمتها مدينة شنيانغ الكبيرة";
  const TextLayout l = layoutText(text, "ar", style, 300, fonts());
  REQUIRE(l.lines.size() == 1);
  CHECK(l.truncated);
  CHECK(l.lines[0].rightToLeft);
  CHECK(l.lines[0].x + l.lines[0].width == doctest::Approx(300));
}

TEST_CASE("[TextLayout] CJK punctuation side by side is compressed to half width, as browsers set it") {
  // Issue 14: 。「 left a whole em of blank between the sentences (two blank halves); the
  // bracket after a full stop takes the font's half-width form (OpenType halt).
  const float px = 40;
  TextStyle style;
  style.pixelSize = px;
  auto width = [&](const std::string& s, const char* lang) { return layoutText(s, lang, style, 1e9f, fonts()).width; };
  for (const char* lang : {"ja", "zh-Hans"}) {
    CAPTURE(lang);
    const float together = width("引用。「引用」", lang);
    const float apart = width("引用。", lang) + width("「引用」", lang);
    CHECK(together == doctest::Approx(apart - px / 2).epsilon(0.01));
    // A closing bracket before a full stop: 」。 the same.
    CHECK(width("「引」。", lang) == doctest::Approx(width("「引」", lang) + width("。", lang) - px / 2).epsilon(0.01));
  }
  // Latin text and Korean are left alone.
  CHECK(width("引用。「引用」", "ko") == doctest::Approx(width("引用。", "ko") + width("「引用」", "ko")).epsilon(0.01));
}

TEST_CASE("[TextLayout] an opening bracket that begins a wrapped line is set flush, not the paragraph's first") {
  const float px = 40;
  TextStyle style;
  style.pixelSize = px;
  const std::string text = "「沈阳故宫」是清朝的皇宫。「一宫两陵」是世界文化遗产。「沈阳故宫」是清朝的皇宫。";
  const float full = layoutText("「一宫两陵」是世界文化遗产。", "zh-Hans", style, 1e9f, fonts()).width;
  // Wrapped one sentence a line: the second line starts with 「 and loses its blank half.
  const TextLayout l = layoutText(text, "zh-Hans", style, full + 2, fonts());
  REQUIRE(l.lines.size() >= 2);
  const TextLine* second = lineStartingWith(l, text, "「一宫两陵」");
  REQUIRE(second != nullptr);
  CHECK(second->width == doctest::Approx(full - px / 2).epsilon(0.01));
  CHECK(l.lines[0].width == doctest::Approx(layoutText("「沈阳故宫」是清朝的皇宫。", "zh-Hans", style, 1e9f, fonts()).width).epsilon(0.01));
  for (const auto& line : l.lines) CHECK(line.width <= full + 2);
}

namespace {
// The glyphs of a one-line layout drawn from a colour face, and from a monochrome one.
size_t colourGlyphs(const TextLayout& l) {
  size_t n = 0;
  for (const auto& line : l.lines)
    for (const auto& g : line.glyphs) n += g.face->colour();
  return n;
}
} // namespace

TEST_CASE("[TextLayout] emoji are drawn from a colour face, the words between them from a text face") {
  // Issue 14: emoji were left out (no colour face was ever chosen) and "❄️" came out black and white.
  const std::string text = "❄️ Winter 🎿";
  const TextLayout l = layoutText(text, "en", {}, 2000, fonts());
  CHECK(l.missing.empty());
  REQUIRE(l.lines.size() == 1);
  const auto& glyphs = l.lines[0].glyphs;
  // The snowflake (a text symbol made an emoji by U+FE0F) and the skis (an emoji by default):
  // two colour glyphs; "Winter" in the language's own face.
  CHECK(colourGlyphs(l) == 2);
  for (const auto& g : glyphs) {
    CAPTURE(g.byte);
    const bool emoji = g.byte < text.find(' ') || g.byte >= text.rfind(' ') + 1;
    CHECK(g.face->colour() == emoji);
    if (!emoji) CHECK(g.face == fonts().primary("en").get());
  }
}

TEST_CASE("[TextLayout] an emoji sequence is one glyph: a family, a flag, a skin tone, a keycap") {
  const char* sequences[] = {
      "\U0001F468\u200D\U0001F469\u200D\U0001F467", // 👨‍👩‍👧 man, woman, girl joined by ZWJ
      "\U0001F1E8\U0001F1F3",                       // 🇨🇳 two regional indicators
      "\U0001F44B\U0001F3FD",                       // 👋🏽 waving hand, medium skin tone
      "1\uFE0F\u20E3",                              // 1️⃣ keycap
      "\U0001F3C3\u200D\u2640\uFE0F",               // 🏃‍♀️ a text-default sign joined in
  };
  for (const char* s : sequences) {
    const std::string sequence = s;
    CAPTURE(sequence);
    for (const std::string lang : {"en", "ar", "zh-Hans"}) { // the same in a right-to-left paragraph
      CAPTURE(lang);
      const TextLayout l = layoutText(s, lang, {}, 2000, fonts());
      CHECK(l.missing.empty());
      REQUIRE(l.lines.size() == 1);
      REQUIRE(l.lines[0].glyphs.size() == 1);
      CHECK(l.lines[0].glyphs[0].face->colour());
    }
  }
  // Between words, too: the family stays one glyph and the words keep their faces.
  const TextLayout l = layoutText("Family \U0001F468\u200D\U0001F469\u200D\U0001F467 day", "en", {}, 2000, fonts());
  CHECK(l.missing.empty());
  CHECK(colourGlyphs(l) == 1);
  for (const auto& line : l.lines)
    for (const auto& g : line.glyphs)
      if (!g.face->colour()) CHECK(g.face == fonts().primary("en").get());
}

TEST_CASE("[TextLayout] U+FE0E asks for text: a monochrome face where one has the character") {
  // ☔ is an emoji by default; followed by U+FE0E it is a text symbol, in the text's colour.
  const TextLayout emoji = layoutText("\u2614", "en", {}, 2000, fonts());
  const TextLayout text = layoutText("\u2614\uFE0E", "en", {}, 2000, fonts());
  REQUIRE(emoji.lines.size() == 1);
  REQUIRE(text.lines.size() == 1);
  REQUIRE(emoji.lines[0].glyphs.size() == 1);
  REQUIRE(text.lines[0].glyphs.size() == 1);
  CHECK(emoji.lines[0].glyphs[0].face->colour());
  CHECK_FALSE(text.lines[0].glyphs[0].face->colour());
  // And a text symbol stays text unless U+FE0F asks otherwise.
  const TextLayout snow = layoutText("\u2744", "en", {}, 2000, fonts());
  REQUIRE(snow.lines.size() == 1);
  CHECK_FALSE(snow.lines[0].glyphs[0].face->colour());
  CHECK(text.missing.empty());
}

TEST_CASE("[TextLayout] an emoji's advance is scaled like the text's: twice the size, twice the width") {
  TextStyle small, large;
  small.pixelSize = 24;
  large.pixelSize = 48;
  const float a = layoutText("\U0001F3BF", "en", small, 2000, fonts()).width;
  const float b = layoutText("\U0001F3BF", "en", large, 2000, fonts()).width;
  CHECK(a > 24 * 0.8f);
  CHECK(a < 24 * 1.5f); // about an em (Noto Color Emoji's is 1.25 em), not its 109 px strike
  CHECK(b == doctest::Approx(2 * a).epsilon(0.02));
}

TEST_CASE("[TextLayout] Arabic, Persian and Urdu are set in Noto Sans Arabic, Hebrew in Noto Sans Hebrew, Thai in Noto Sans Thai") {
  // Issue 14: fontconfig's first choice for Arabic was DejaVu Sans (its sans-serif list comes before
  // the language), so Arabic was set in DejaVu's Arabic letters beside Noto Sans Latin.
  const std::pair<const char*, const char*> cases[] = {
      {"ar", "مرحبا بكم في شنيانغ"}, {"fa", "به شنیانگ خوش آمدید"}, {"ur", "شینیانگ میں خوش آمدید"},
      {"he", "ברוכים הבאים לשניאנג"}, {"th", "ยินดีต้อนรับสู่เมืองเสิ่นหยาง"}};
  const std::map<std::string, std::string> family{{"ar", "Noto Sans Arabic"}, {"fa", "Noto Sans Arabic"},
                                                   {"ur", "Noto Sans Arabic"}, {"he", "Noto Sans Hebrew"},
                                                   {"th", "Noto Sans Thai"}};
  for (const auto& c : cases) {
    const std::string lang = c.first;
    CAPTURE(lang);
    const TextLayout l = layoutText(c.second, lang, {}, 4000, fonts());
    CHECK(l.missing.empty());
    REQUIRE(l.lines.size() == 1);
    for (const auto& g : l.lines[0].glyphs) CHECK(g.face->family() == family.at(lang));
    REQUIRE(fonts().primary(lang));
    CHECK(fonts().primary(lang)->family() == family.at(lang));
  }
}
