#include "ui/FontSet.h"

#include "TempFolder.h"
#include "core/ContentLoader.h"
#include "core/Utf8.h"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace kiosk;
using namespace kiosk::ui;

TEST_CASE("[FontSet] every glyph the sample content needs is in the atlas, in every role") {
  const auto loaded = loadContent(kiosk::test::sampleContent());
  REQUIRE(loaded.content);
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  const GlyphNeeds needs = collectGlyphNeeds(*loaded.content, strings);
  const BuiltFonts built = buildFonts(needs, 1080);
  INFO("problems: " << (built.problems.empty() ? std::string("none") : built.problems.front()));
  CHECK(built.problems.empty());
  REQUIRE(built.atlas);
  for (const auto& [lang, roles] : needs.byLanguage) {
    for (size_t r = 0; r < roles.size(); ++r) {
      CAPTURE(lang);
      CAPTURE(r);
      auto it = built.fonts.find({lang, static_cast<TextRole>(r)});
      REQUIRE(it != built.fonts.end());
      size_t missing = 0;
      for (char32_t c : roles[r])
        if (!it->second->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
      CHECK(missing == 0);
      CHECK(it->second->FontSize == Theme::textSize(static_cast<TextRole>(r), 1080));
    }
  }
  // Chinese text is drawn from the Simplified Chinese face of Noto Sans CJK (Han unification).
  bool zhUsesSC = false;
  for (const auto& f : built.faces)
    if (f.rfind("zh-Hans: ", 0) == 0 && f.find("CJK SC") != std::string::npos) zhUsesSC = true;
  CHECK(zhUsesSC);
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

TEST_CASE("[FontSet] characters beyond U+FFFF are left out of the atlas (ImGui 1.86 is 16-bit)") {
  GlyphNeeds needs;
  needs.add("en", TextRole::Body, "A\U0001F600");
  const auto& body = needs.byLanguage.at("en")[static_cast<size_t>(TextRole::Body)];
  CHECK(body.count(U'A'));
  CHECK(body.size() == 1);
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
