#include "ui/FontSet.h"

#include "TempFolder.h"
#include "core/ContentLoader.h"
#include "core/Utf8.h"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace kiosk;
using namespace kiosk::ui;

TEST_CASE("[FontSet] the sample content's faces load on the worker and every character has one") {
  const auto loaded = loadContent(kiosk::test::sampleContent());
  REQUIRE(loaded.content);
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  kiosk::text::FontLibrary library;
  std::vector<std::string> faces;
  const auto problems = prepareFonts(library, collectGlyphNeeds(*loaded.content, strings), faces);
  INFO("problems: " << (problems.empty() ? std::string("none") : problems.front()));
  CHECK(problems.empty());
  CHECK(faces.size() == loaded.content->settings.languages.size());
  // Han unification: each Chinese, Japanese and Korean language gets its own face of Noto Sans CJK.
  for (const auto& c : std::vector<std::pair<std::string, std::string>>{
           {"zh-Hans", "CJK SC"}, {"zh-Hant", "CJK TC"}, {"ja", "CJK JP"}, {"ko", "CJK KR"}}) {
    const std::string& lang = c.first; // not a structured binding: clang 14 cannot CAPTURE one
    const std::string& face = c.second;
    CAPTURE(lang);
    bool found = false;
    for (const auto& f : faces) found = found || (f.rfind(lang + ":", 0) == 0 && f.find(face) != std::string::npos);
    CHECK(found);
  }
}

TEST_CASE("[FontSet] a character no font has is named by prepareFonts") {
  GlyphNeeds needs;
  needs.add("en", TextRole::Body, "A\uE000");
  kiosk::text::FontLibrary library;
  std::vector<std::string> faces;
  const auto problems = prepareFonts(library, needs, faces);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("U+E000") != std::string::npos);
}

TEST_CASE("[FontSet] glyph needs cover titles in body text, so a breadcrumb never shows '?'") {
  Content c;
  c.settings.languages = {"zh-Hans"};
  c.settings.defaultLanguage = "zh-Hans";
  Section s;
  s.title.byLanguage["zh-Hans"] = "雄";
  c.sections.push_back(s);
  const auto needs = collectGlyphNeeds(c, UiStrings{});
  const auto& roles = needs.byLanguage.at("zh-Hans");
  CHECK(roles[static_cast<size_t>(TextRole::Body)].count(U'雄'));
  CHECK(roles[static_cast<size_t>(TextRole::Caption)].count(U'雄'));
  CHECK(roles[static_cast<size_t>(TextRole::Title)].count(U'雄'));
  CHECK_FALSE(roles[static_cast<size_t>(TextRole::Headline)].count(U'雄')); // headline holds only the name
}

TEST_CASE("[FontSet] glyph needs cover map labels and texts, link titles, and the languages links open in") {
  Content c;
  c.settings.languages = {"ja", "en"};
  c.settings.defaultLanguage = "ja";
  c.settings.phoneLink.byLanguage["en"] = "https://example.org/a";
  c.settings.phoneLink.title.byLanguage["ja"] = "鶴";
  Section s;
  Item i;
  HotspotMap map;
  MapPoint p;
  p.label.byLanguage["ja"] = "亀";
  p.text.byLanguage["ja"] = "鷺";
  map.points.push_back(p);
  map.image.caption.byLanguage["ja"] = "鷹";
  i.map = map;
  s.items.push_back(i);
  c.sections.push_back(s);
  const auto needs = collectGlyphNeeds(c, UiStrings{});
  const auto& body = needs.byLanguage.at("ja")[static_cast<size_t>(TextRole::Body)];
  for (char32_t ch : {U'鶴', U'亀', U'鷺', U'鷹'}) CHECK(body.count(ch));
  // "(英語のページ)": the link opens an English page, named in Japanese.
  CHECK(body.count(U'英'));
  CHECK(body.count(U'語'));
}

TEST_CASE("[FontSet] text missing in a language is drawn from the fallback, so its glyphs are collected too") {
  Content c;
  c.settings.languages = {"zh-Hans", "en"};
  c.settings.defaultLanguage = "zh-Hans";
  Section s;
  s.title.byLanguage["zh-Hans"] = "沈阳"; // no English title
  c.sections.push_back(s);
  const auto needs = collectGlyphNeeds(c, UiStrings{});
  CHECK(needs.byLanguage.at("en")[static_cast<size_t>(TextRole::Title)].count(U'沈'));
}

TEST_CASE("[FontSet] a character no font has is reported, not drawn as a box") {
  GlyphNeeds needs;
  needs.add("en", TextRole::Body, "A\uE000"); // a private-use code point no installed font covers
  const BuiltFonts built = buildFonts(needs, 720);
  REQUIRE_FALSE(built.problems.empty());
  CHECK(built.problems.front().find("U+E000") != std::string::npos);
}

TEST_CASE("[FontSet] characters beyond U+FFFF are checked like any other") {
  GlyphNeeds needs;
  needs.add("en", TextRole::Body, "A\U000F0001"); // supplementary private use: no font has it
  const auto& body = needs.byLanguage.at("en")[static_cast<size_t>(TextRole::Body)];
  CHECK(body.count(U'\U000F0001'));
  kiosk::text::FontLibrary library;
  std::vector<std::string> faces;
  const auto problems = prepareFonts(library, needs, faces);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("U+F0001") != std::string::npos);
}

TEST_CASE("[FontSet] the atlas never exceeds the graphics card's texture size") {
  // 3000 different ideographs at 4K sizes cannot fit a 1024-pixel texture: the atlas falls back
  // (narrower glyphs, then Latin only) and says so, instead of failing to upload.
  std::string many;
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c) utf8::append(many, c);
  GlyphNeeds needs;
  for (TextRole r : {TextRole::Caption, TextRole::Body, TextRole::Title}) needs.add("zh-Hans", r, many + "Abc");
  const BuiltFonts built = buildFonts(needs, 2160, 1024);
  REQUIRE(built.atlas);
  CHECK(built.atlas->TexWidth <= 1024);
  CHECK(built.atlas->TexHeight <= 1024);
  bool said = false;
  for (const auto& p : built.problems) said = said || p.find("font texture") != std::string::npos;
  CHECK(said);
  // Latin still draws.
  auto it = built.fonts.find({"zh-Hans", TextRole::Body});
  REQUIRE(it != built.fonts.end());
  CHECK(it->second->FindGlyphNoFallback('A') != nullptr);
}

TEST_CASE("[FontSet] the staff's language gets its glyphs even when no visitor reads it") {
  Content c;
  c.settings.languages = {"en", "ru"};
  c.settings.defaultLanguage = "en";
  const auto needs = collectGlyphNeeds(c, UiStrings{}, "zh-Hans", {"员工密码", "重新加载内容"});
  REQUIRE(needs.byLanguage.count("zh-Hans"));
  CHECK(needs.byLanguage.at("zh-Hans")[static_cast<size_t>(TextRole::Body)].count(U'员'));
  CHECK(needs.byLanguage.at("zh-Hans")[static_cast<size_t>(TextRole::Title)].count(U'载'));
  CHECK(needs.byLanguage.at("zh-Hans")[static_cast<size_t>(TextRole::Body)].count(U'7')); // digits of the figures
  CHECK_FALSE(collectGlyphNeeds(c, UiStrings{}).byLanguage.count("zh-Hans"));
}

TEST_CASE("[FontSet] the first screen needs only the default language and the first slide's, the rest load after it") {
  KioskSettings settings;
  settings.defaultLanguage = "zh-Hans";
  settings.languages = {"en", "zh-Hans", "ru", "ar"};
  CHECK(firstScreenLanguages(settings) == std::set<std::string>{"en", "zh-Hans"});
  settings.languages = {"zh-Hans", "en"};
  CHECK(firstScreenLanguages(settings) == std::set<std::string>{"zh-Hans"});
  settings.languages.clear(); // no content yet: the screen explains itself in the default language
  CHECK(firstScreenLanguages(settings) == std::set<std::string>{"zh-Hans"});

  GlyphNeeds needs;
  for (const char* l : {"en", "zh-Hans", "ru"}) needs.add(l, TextRole::Body, "abc");
  const auto split = splitGlyphNeeds(needs, {"en"});
  CHECK(split.first.byLanguage.size() == 1);
  CHECK(split.first.byLanguage.count("en") == 1);
  CHECK(split.second.byLanguage.size() == 2);
  CHECK(split.second.byLanguage.count("en") == 0);
  CHECK(split.second.byLanguage.at("ru")[static_cast<size_t>(TextRole::Body)].count(U'b') == 1);
}
