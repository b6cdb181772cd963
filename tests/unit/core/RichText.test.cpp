#include "core/RichText.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;
using K = RichBlock::Kind;

TEST_CASE("[RichText] paragraphs, headings, lists and bold") {
  const RichText r = parseMarkdown("## Visiting\n\nOpen **daily** from 9.\nSecond line.\n\n1. first\n2. second\n\n- a\n  - nested\n");
  REQUIRE(r.size() == 6);
  CHECK(r[0].kind == K::Heading);
  CHECK(r[0].level == 2);
  CHECK(r[1].kind == K::Paragraph);
  CHECK(r[1].text == "Open daily from 9. Second line."); // a soft break is a space
  REQUIRE(r[1].strong.size() == 1);
  CHECK(r[1].text.substr(r[1].strong[0].begin, r[1].strong[0].end - r[1].strong[0].begin) == "daily");
  CHECK(r[2].kind == K::Numbered);
  CHECK(r[2].number == 1);
  CHECK(r[3].number == 2);
  CHECK(r[4].kind == K::Bullet);
  CHECK(r[4].level == 1);
  CHECK(r[5].level == 2);
  CHECK(r[5].text == "nested");
}

TEST_CASE("[RichText] CJK text keeps its bytes and bold spans in UTF-8") {
  const RichText r = parseMarkdown("**如需咨询**，可联系：\n");
  REQUIRE(r.size() == 1);
  REQUIRE(r[0].strong.size() == 1);
  CHECK(r[0].text.substr(0, r[0].strong[0].end) == "如需咨询");
}

TEST_CASE("[RichText] what the kiosk does not draw is named once") {
  std::vector<std::string> unsupported;
  const RichText r = parseMarkdown("See [site](https://a.b) and [other](https://c.d).\n\n```\ncode\n```\n", &unsupported);
  CHECK(r.front().text == "See site and other.");
  CHECK(unsupported.size() == 2); // links (once), code blocks
}

TEST_CASE("[RichText] bold at the start of a list item lands in that item, on whole characters") {
  const RichText r = parseMarkdown("- **粗体字**尾\n");
  REQUIRE(r.size() == 1);
  REQUIRE(r[0].strong.size() == 1);
  CHECK(r[0].text.substr(r[0].strong[0].begin, r[0].strong[0].end - r[0].strong[0].begin) == "粗体字");
}

TEST_CASE("[RichText] entities are decoded, and tables are named as not shown") {
  std::vector<std::string> unsupported;
  const RichText r = parseMarkdown("Tom &amp; Jerry &copy; &#x4E2D;\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", &unsupported);
  REQUIRE_FALSE(r.empty());
  CHECK(r[0].text == "Tom & Jerry \u00A9 \u4E2D");
  CHECK(std::find(unsupported.begin(), unsupported.end(), std::string("tables")) != unsupported.end());
}

TEST_CASE("[RichText] raw HTML is not drawn as markup") {
  const RichText r = parseMarkdown("<b>hi</b> there\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].text.find('<') != std::string::npos); // shown as the text staff typed, never interpreted
}

TEST_CASE("[RichText] lists nested thousands deep stay at the fourth level, and quotes thousands deep parse") {
  std::string nested;
  for (int i = 0; i < 2'000; ++i) nested += std::string(static_cast<size_t>(i) * 2, ' ') + "- level\n";
  std::vector<std::string> unsupported;
  const RichText r = parseMarkdown(nested, &unsupported);
  REQUIRE_FALSE(r.empty());
  for (const auto& block : r) CHECK(block.level <= 4);
  CHECK(std::find(unsupported.begin(), unsupported.end(), std::string("lists nested more than 4 deep (shown at the fourth level)")) !=
        unsupported.end());
  const RichText q = parseMarkdown(std::string(10'000, '>') + " quoted\n" + std::string(10'000, '*') + "x" + std::string(10'000, '*'));
  CHECK_FALSE(q.empty());
}
