#include "core/ContentLoader.h"
#include "core/UiStrings.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("[UiStrings] every language the sample content offers has every UI string") {
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  CHECK(diags.empty());
  const auto content = loadContent(kiosk::test::sampleContent());
  REQUIRE(content.content);
  for (const std::string key : {"home", "back", "touch_to_explore", "choose_section", "loading", "no_content"}) {
    for (const auto& lang : content.content->settings.languages) {
      CAPTURE(key);
      CAPTURE(lang);
      CHECK(strings.has(lang, key));
    }
  }
}

TEST_CASE("[UiStrings] a missing string falls back to English, then to the key") {
  UiStrings s;
  s.set("en", "home", "Home");
  s.set("zh-Hans", "back", "返回");
  CHECK(s.get("zh-Hans", "back") == "返回");
  CHECK(s.get("zh-Hans", "home") == "Home");
  CHECK(s.get("zh-Hans", "nothing") == "nothing");
}

TEST_CASE("[UiStrings] a broken catalog is reported with its line") {
  kiosk::test::TempFolder t;
  t.write("ui.toml", "[en]\nhome = \"Home\nback = \"Back\"\n");
  std::vector<Diagnostic> diags;
  (void)UiStrings::load(t.path() / "ui.toml", diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].line == 2);
}
