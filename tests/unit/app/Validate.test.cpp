#include "app/Validate.h"
#include "ops/AdminPin.h"

#include "TempFolder.h"
#include "core/Utf8.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

using kiosk::test::TempFolder;

TEST_CASE("[Validate] the sample validates clean and reports full coverage in eight languages") {
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(kiosk::test::sampleContent().string(), out) == 0);
  CHECK(out.str().find("0 errors, 0 warnings") != std::string::npos);
  std::ostringstream report;
  CHECK(kiosk::app::reportTranslations(kiosk::test::sampleContent().string(), report) == 0);
  for (const char* lang : {"zh-Hans", "zh-Hant", "en", "ja", "ko", "ru", "mn", "vi"}) {
    CAPTURE(lang);
    CHECK(report.str().find(std::string("\n") + lang) != std::string::npos);
  }
  CHECK(report.str().find("missing in") == std::string::npos);
}

TEST_CASE("[Validate] --json lists each problem with file, line, column and severity") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\"]\ndefault_language = \"en\"\nidle = 3\n");
  t.write("sections/01-a/section.toml", "title = \"A \\\"quoted\\\" title\"\n");
  t.write("sections/01-a/01-b.toml", "title = {\n");
  t.write("sections/01-a/02-\"q\"\xFF.toml", "title = 1\n"); // a quote and a byte that is not UTF-8 in a name
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(t.path().string(), out, true) == 1);
  const std::string j = out.str();
  CHECK(j.find("02-\\\"q\\\"<0xFF>.toml") != std::string::npos); // escaped quote, the byte shown as <0xFF>
  CHECK(kiosk::utf8::isValid(j));
  CHECK(j.find("\"errors\": 2") != std::string::npos);
  CHECK(j.find("\"severity\": \"warning\", \"message\": \"unknown key 'idle'") != std::string::npos);
  CHECK(j.find("01-b.toml\", \"line\": 1") != std::string::npos);
  CHECK(j.find("\"readable\": true") != std::string::npos);
}

TEST_CASE("[Validate] --json stays valid JSON whatever bytes the folder's name holds") {
  // The loader escapes names in its messages (<U+0001>, <0xE6>); the folder as given on the
  // command line reaches the JSON as it is: control characters, a quote, a backslash, a cut
  // UTF-8 sequence and an overlong one.
  TempFolder t;
  const std::string name = "c-\x01\x1f\x7f\"\\-\xE6\xB2-\xC0\xAF";
  t.write(name + "/kiosk.toml", "[kiosk]\nlanguages = [\"en\"]\ndefault_language = \"en\"\n");
  t.write(name + "/sections/01-a/section.toml", "title = \"A\"\n");
  t.write(name + "/sections/01-a/01-b.toml", "title = 1\n");
  std::ostringstream out;
  CHECK(kiosk::app::validateContent((t.path() / name).string(), out, true) == 1);
  const std::string j = out.str();
  CHECK(kiosk::utf8::isValid(j));
  CHECK(j.find("/c-\\u0001\\u001f\x7f\\\"\\\\-\xEF\xBF\xBD-\xEF\xBF\xBD\xEF\xBF\xBD\",\n") != std::string::npos);
  // A strict parser reads it all, and finds what the text says.
  const auto doc = nlohmann::json::parse(j, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  CHECK(doc["folder"].get<std::string>().ends_with("/c-\x01\x1f\x7f\"\\-\xEF\xBF\xBD-\xEF\xBF\xBD\xEF\xBF\xBD"));
  CHECK(doc["readable"] == true);
  CHECK(doc["errors"] == 1);
  REQUIRE(doc["diagnostics"].size() == 2); // and a warning: the section has nothing to show
  CHECK(doc["diagnostics"][0]["severity"] == "error");
  CHECK(doc["diagnostics"][0]["line"] == 1);
  CHECK(doc["diagnostics"][0]["message"].get<std::string>().find("'title' must be text") != std::string::npos);
}

TEST_CASE("[Validate] a character no installed font can draw is reported, so it never reaches the screen") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = \"A\"\n");
  t.write("sections/01-a/01-b.toml", "title = \"B \uE000 and Thai \u0E01 is fine\"\n");
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(t.path().string(), out) == 0);
  CHECK(out.str().find("01-b.toml: warning: the en title uses \uE000 (U+E000), which no installed font can draw") !=
        std::string::npos);
  CHECK(out.str().find("U+0E01") == std::string::npos); // Thai is drawn from a fallback font
}

TEST_CASE("[Validate] emoji the installed colour font draws are not warned about, what no font has is named, in a body file too") {
  // Issue 14: every emoji was named as undrawable, though the kiosk draws them from Noto Color
  // Emoji; validate now asks the faces the screen would use, joiners and selectors included.
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\", \"ar\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = \"A\"\n");
  t.write("sections/01-a/01-b.toml", "[title]\nen = \"\u2744\uFE0F Winter \U0001F3BF\"\nar = \"\u2744\uFE0F \u0634\u062A\u0627\u0621\"\n");
  t.write("sections/01-a/01-b.en.md",
          "Party \U0001F389 with the family \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1E8\U0001F1F3 1\uFE0F\u20E3 and \U000F0001\n");
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(t.path().string(), out) == 0);
  const std::string report = out.str();
  CAPTURE(report);
  CHECK(report.find("the en body uses \U000F0001 (U+F0001), which no installed font can draw") != std::string::npos);
  for (const char* drawn : {"U+2744", "U+FE0F", "U+1F3BF", "U+1F389", "U+200D", "U+1F468", "U+1F1E8", "U+20E3"}) {
    CAPTURE(drawn);
    CHECK(report.find(drawn) == std::string::npos);
  }
  CHECK(report.find("no installed font can draw") == report.rfind("no installed font can draw")); // that one only
}

TEST_CASE("[Validate] an event that is over is pointed out") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = \"A\"\n");
  t.write("sections/01-a/01-b.toml", "title = \"B\"\nshow_until = 2020-01-31\n");
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(t.path().string(), out) == 0); // a warning, not an error
  CHECK(out.str().find("01-b.toml:2:14: warning: this event ended on 2020-01-31") != std::string::npos); // at show_until
}

TEST_CASE("[Validate] a folder that cannot be read exits 2, and the report names what is missing") {
  std::ostringstream out;
  CHECK(kiosk::app::validateContent("/nonexistent/folder", out) == 2);
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\", \"ja\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = { en = \"A\", ja = \"エー\" }\n");
  t.write("sections/01-a/01-b.toml", "title = { en = \"B\" }\nsummary = { en = \"S\", ja = \"エス\" }\n");
  std::ostringstream report;
  CHECK(kiosk::app::reportTranslations(t.path().string(), report) == 0);
  CHECK(report.str().find("3/3") != std::string::npos); // en
  CHECK(report.str().find("2/3") != std::string::npos); // ja
  CHECK(report.str().find("01-b.toml: title") != std::string::npos);
}

TEST_CASE("[Validate] the translation report lists machine-converted texts for a translator") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"zh-Hant\"]\ndefault_language = \"zh-Hans\"\n");
  t.write("sections/01-a/section.toml", "[title]\nzh-Hans = \"沈阳\"\nzh-Hant = \"瀋陽\"\n");
  t.write("sections/01-a/01-b.toml", "[title]\nzh-Hans = \"历史\"\n");
  std::ostringstream report;
  CHECK(kiosk::app::reportTranslations(t.path().string(), report) == 0);
  CHECK(report.str().find("machine-converted in zh-Hant") != std::string::npos);
  CHECK(report.str().find("01-b.toml: title") != std::string::npos);
}

TEST_CASE("[Validate] without admin_pin a note says the admin view is disabled, without making it a warning") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = \"A\"\n");
  t.write("sections/01-a/01-b.toml", "title = \"B\"\n");
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(t.path().string(), out) == 0);
  CHECK(out.str().find("note: the staff admin view is disabled until kiosk.toml has a valid admin_pin") != std::string::npos);
  CHECK(out.str().find("kiosk hash-pin") != std::string::npos);
  CHECK(out.str().find("0 errors, 0 warnings") != std::string::npos);
  std::ostringstream json;
  kiosk::app::validateContent(t.path().string(), json, true);
  CHECK(json.str().find("\"admin_view_enabled\": false") != std::string::npos);
  // With a PIN's hash: no note, and enabled.
  std::string error;
  const auto made = kiosk::makePinHash("246813", error);
  REQUIRE_MESSAGE(made, error);
  const std::string hash = made->text();
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\"]\ndefault_language = \"en\"\nadmin_pin = \"" + hash + "\"\n");
  std::ostringstream with, withJson;
  CHECK(kiosk::app::validateContent(t.path().string(), with) == 0);
  CHECK(with.str().find("admin view is disabled") == std::string::npos);
  kiosk::app::validateContent(t.path().string(), withJson, true);
  CHECK(withJson.str().find("\"admin_view_enabled\": true") != std::string::npos);
}

TEST_CASE("[Validate] map labels and texts and link titles are in the translation report and the font check") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\", \"ja\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = { en = \"A\", ja = \"エー\" }\n");
  // A PNG's signature and header chunk: 400 x 300 (validate decodes it and says it is damaged; fine here).
  t.write("sections/01-a/map.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\x01\x90\0\0\x01\x2C", 24));
  t.write("sections/01-a/01-b.toml", "title = { en = \"B\", ja = \"ビー\" }\n"
                                     "link = \"https://example.org/b\"\nlink_title = { en = \"Page \uE000\", ja = \"ページ\" }\n"
                                     "[map]\nimage = \"map.png\"\n"
                                     "[[map.points]]\nx = 200\ny = 150\nlabel = { en = \"Gate\" }\ntext = { en = \"Open\", ja = \"開く\" }\n");
  std::ostringstream out;
  kiosk::app::validateContent(t.path().string(), out);
  CHECK(out.str().find("01-b.toml: warning: the en link_title uses \uE000 (U+E000)") != std::string::npos);
  std::ostringstream report;
  CHECK(kiosk::app::reportTranslations(t.path().string(), report) == 0);
  CHECK(report.str().find("01-b.toml: label of map point 1") != std::string::npos); // missing in ja
  CHECK(report.str().find("01-b.toml: text of map point 1") == std::string::npos);  // complete
}

TEST_CASE("[Validate] an offered language without the kiosk's own words is a warning at its place in languages") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\ndefault_language = \"en\"\nlanguages = [\"en\", \"th\", \"ar\", \"fr\", \"sv\"]\n");
  t.write("sections/01-a/section.toml", "title = { en = \"A\", th = \"ก\", ar = \"أ\", fr = \"A\", sv = \"A\" }\n");
  t.write("sections/01-a/01-b.toml", "title = { en = \"B\", th = \"ข\", ar = \"ب\", fr = \"B\", sv = \"B\" }\n");
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(t.path().string(), out) == 0); // a warning: visitors still read every word
  const std::string text = out.str();
  INFO(text);
  // One warning per language, at the language in kiosk.toml's `languages` line.
  CHECK(text.find("kiosk.toml:3:32: warning: visitors who choose 'fr' (French) will see the kiosk's own words") != std::string::npos);
  CHECK(text.find("kiosk.toml:3:38: warning: visitors who choose 'sv' (Swedish)") != std::string::npos);
  CHECK(text.find("in English, the fallback language") != std::string::npos);
  CHECK(text.find("assets/ui-strings.toml has no strings for 'fr'; add a [fr] section there") != std::string::npos);
  CHECK(text.find("'th'") == std::string::npos); // Thai and Arabic have every string
  CHECK(text.find("'ar'") == std::string::npos);
  CHECK(text.find("0 errors, 2 warnings") != std::string::npos);

  // The catalog validate reads can be given (--assets); one that has French silences French.
  t.write("assets/ui-strings.toml", "[en]\nhome = \"Home\"\n[fr]\nhome = \"Accueil\"\n");
  std::ostringstream given;
  CHECK(kiosk::app::validateContent(t.path().string(), given, false, t.path() / "assets") == 0);
  CHECK(given.str().find("'fr'") == std::string::npos);
  CHECK(given.str().find("visitors who choose 'th' (Thai)") != std::string::npos);
  CHECK(given.str().find("[th] section") != std::string::npos);

  // A catalog that cannot be read is the installation's problem: a warning, publishing goes on.
  std::ostringstream missing;
  CHECK(kiosk::app::validateContent(t.path().string(), missing, false, t.path() / "nowhere") == 0);
  CHECK(missing.str().find("UI strings could not be read: cannot open the file") != std::string::npos);
}

TEST_CASE("[Validate] report translations counts, per language, the pictures with a description read aloud") {
  // The sample: every picture and film described in each of its eight languages.
  std::ostringstream sample;
  CHECK(kiosk::app::reportTranslations(kiosk::test::sampleContent().string(), sample) == 0);
  CAPTURE(sample.str());
  CHECK(sample.str().rfind("language         texts  coverage  converted   missing  described\n", 0) == 0);
  std::istringstream rows(sample.str());
  std::string row;
  std::getline(rows, row);
  int counted = 0;
  while (std::getline(rows, row) && !row.empty()) {
    CAPTURE(row);
    CHECK(row.size() > 5);
    CHECK(row.substr(row.size() - 6) == " 28/28");
    ++counted;
  }
  CHECK(counted == 8);
  CHECK(sample.str().find("no description in") == std::string::npos);

  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\", \"ja\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = { en = \"A\", ja = \"エー\" }\ncover = \"c.png\"\ncover_alt = { en = \"A red cover\" }\n");
  t.write("sections/01-a/c.png", "x");
  t.write("sections/01-a/p.png", "x");
  t.write("sections/01-a/01-b.toml", "title = { en = \"B\", ja = \"ビー\" }\n[[images]]\nfile = \"p.png\"\n"
                                     "[[images]]\nfile = \"p.png\"\nalt = { en = \"A photo\", ja = \"写真\" }\n");
  std::ostringstream report;
  CHECK(kiosk::app::reportTranslations(t.path().string(), report) == 0);
  CAPTURE(report.str());
  std::map<std::string, std::string> byLanguage; // the table's rows by their first word
  std::istringstream lines(report.str());
  for (std::string line; std::getline(lines, line) && !line.empty();) byLanguage[line.substr(0, line.find(' '))] = line;
  CHECK(byLanguage["en"].substr(byLanguage["en"].size() - 4) == " 2/3");
  CHECK(byLanguage["ja"].substr(byLanguage["ja"].size() - 4) == " 1/3");
  CHECK(report.str().find("no description in en (read aloud to visitors who cannot see the picture):\n") != std::string::npos);
  CHECK(report.str().find("no description in ja (read aloud to visitors who cannot see the picture):\n") != std::string::npos);
  CHECK(report.str().find("01-a/section.toml: cover\n") != std::string::npos);
  CHECK(report.str().find("01-b.toml: image 1\n") != std::string::npos);
  CHECK(report.str().find("01-b.toml: image 2\n") == std::string::npos);
  // In Chinese, the same figures under the staff catalogue's words.
  std::ostringstream zh;
  CHECK(kiosk::app::reportTranslations(t.path().string(), zh, "zh-Hans", std::filesystem::path(KIOSK_SOURCE_DIR) / "assets") == 0);
  CHECK(zh.str().find("有描述") != std::string::npos);
  CHECK(zh.str().find("ja 中没有描述的图片（为看不见的观众朗读）：") != std::string::npos);
}

TEST_CASE("[Validate] an offered language without a speech voice gets a note naming the voice that reads it") {
  std::ostringstream out;
  CHECK(kiosk::app::validateContent(kiosk::test::sampleContent().string(), out) == 0);
  CHECK(out.str().find("note: speech has no voice for Mongolian (mn); its texts are read aloud with the Russian voice") != std::string::npos);
  CHECK(out.str().find("(ru);") == std::string::npos); // Russian has its voice
  std::ostringstream zh;
  kiosk::app::validateContent(kiosk::test::sampleContent().string(), zh, false, {}, "zh-Hans");
  CHECK(zh.str().find("提示：语音朗读没有蒙古语（mn）的语音；这种语言的文字用俄语语音朗读") != std::string::npos);
}
