#include "text/LineBreaker.h"

#include "core/Utf8.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;
using namespace kiosk::text;

namespace {

// Every code point is one unit wide: widths in tests are counts of characters.
float countWidth(std::string_view s) {
  std::vector<char32_t> cps;
  utf8::decode(s, cps);
  return static_cast<float>(cps.size());
}

std::vector<std::string> wrapped(const std::string& s, const std::string& lang, float width) {
  std::vector<std::string> out;
  for (const auto& l : wrapText(s, lang, width, countWidth)) out.push_back(s.substr(l.begin, l.end - l.begin));
  return out;
}

} // namespace

TEST_CASE("[LineBreaker] English wraps at spaces and drops the space at the break") {
  const auto lines = wrapped("The free trade zone welcomes investors", "en", 16);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "The free trade");
  CHECK(lines[1] == "zone welcomes");
  CHECK(lines[2] == "investors");
}

TEST_CASE("[LineBreaker] Chinese wraps between ideographs, never before closing punctuation") {
  // Width 5: a naive break would start line 2 with "，"; kinsoku keeps it on line 1's end
  // by moving the preceding character down with it.
  const std::string s = "沈阳是历史，也是未来。";
  const auto lines = wrapped(s, "zh-Hans", 5);
  REQUIRE(lines.size() >= 2);
  std::string joined;
  for (const auto& l : lines) {
    CHECK(countWidth(l) <= 5);
    CHECK(l.rfind("，", 0) != 0);
    CHECK(l.rfind("。", 0) != 0);
    joined += l;
  }
  CHECK(joined == s);
}

TEST_CASE("[LineBreaker] Chinese never ends a line with an opening bracket") {
  const std::string s = "中国（辽宁）自由贸易试验区";
  for (float w : {2.0f, 3.0f, 4.0f, 5.0f}) {
    CAPTURE(w);
    for (const auto& l : wrapped(s, "zh-Hans", w)) {
      const std::string open = "（";
      CHECK_FALSE((l.size() >= open.size() && l.compare(l.size() - open.size(), open.size(), open) == 0));
    }
  }
}

TEST_CASE("[LineBreaker] a word longer than the line is split rather than overflowing") {
  const auto lines = wrapped("Internationalization", "en", 8);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "Internat");
  CHECK(lines[2] == "tion");
}

TEST_CASE("[LineBreaker] a very long unbreakable run is split in a number of measurements linear in its lines") {
  // A 20,000-character run (a pasted URL, say) in a 10-character column: 2,000 lines. Splitting
  // must not re-measure the rest of the run for each line (that took seconds per frame).
  const std::string run(20000, 'x');
  size_t calls = 0;
  size_t measured = 0;
  const auto lines = wrapText(run, "en", 10, [&](std::string_view s) {
    ++calls;
    measured += s.size();
    return countWidth(s);
  });
  REQUIRE(lines.size() == 2000);
  for (const auto& l : lines) CHECK(l.end - l.begin == 10);
  CHECK(calls < 2000 * 12);
  CHECK(measured < 20000 * 30); // bytes measured in all: a few passes, not 2,000 of them
}

TEST_CASE("[LineBreaker] a newline is a hard break") {
  const auto lines = wrapped("one\ntwo three", "en", 100);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "one");
  CHECK(lines[1] == "two three");
}

TEST_CASE("[LineBreaker] text that fits is one line and empty text is no line") {
  CHECK(wrapped("Shenyang", "en", 100) == std::vector<std::string>{"Shenyang"});
  CHECK(wrapped("", "en", 100).empty());
}

TEST_CASE("[LineBreaker] Thai breaks between words found by ICU's dictionary") {
  // "ยินดีต้อนรับสู่เสิ่นหยาง" (welcome to Shenyang) has no spaces; the dictionary finds the words.
  const std::string s = "ยินดีต้อนรับสู่เสิ่นหยาง";
  const auto breaks = findLineBreaks(s, "th");
  CHECK(breaks.offsets.size() >= 3);
  CHECK(breaks.offsets.back() == s.size());
}

TEST_CASE("[LineBreaker] Japanese never starts a line with a small kana or the prolonged sound mark (strict rules)") {
  // Issue 14: ICU's data for "ja" picks its normal rules, which break before ゃ ッ ー; Japanese
  // typesetting (JIS X 4051) and browsers for lang=ja use the strict ones.
  const std::string text = "きゃあーーコーヒーとチョッキ";
  const BreakOpportunities ja = findLineBreaks(text, "ja");
  for (const char* bad : {"ゃ", "ー", "ョ", "ッ"}) {
    for (size_t at = text.find(bad); at != std::string::npos; at = text.find(bad, at + 1)) {
      CAPTURE(bad);
      CAPTURE(at);
      CHECK(std::find(ja.offsets.begin(), ja.offsets.end(), at) == ja.offsets.end());
    }
  }
  // Between ordinary kana it still breaks, and a tag asking for loose rules gets them.
  CHECK(std::find(ja.offsets.begin(), ja.offsets.end(), text.find("あ")) != ja.offsets.end());
  const BreakOpportunities loose = findLineBreaks(text, "ja-u-lb-loose");
  CHECK(std::find(loose.offsets.begin(), loose.offsets.end(), text.find("ゃ")) != loose.offsets.end());
}

TEST_CASE("[LineBreaker] a web address is never broken right after its scheme's ://") {
  const std::string text = "see https://www.shenyang.gov.cn/en/ now";
  const BreakOpportunities b = findLineBreaks(text, "en");
  const size_t after = text.find("://") + 3;
  CHECK(std::find(b.offsets.begin(), b.offsets.end(), after) == b.offsets.end());
  CHECK(std::find(b.offsets.begin(), b.offsets.end(), text.find("https")) != b.offsets.end());
}
