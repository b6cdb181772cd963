// The mistakes new staff make, each made in a small content folder and checked with
// `kiosk validate` as staff run it: what validate says (the lines it prints that a clean folder
// does not) must be exactly the "Message now" column of tests/staff-mistakes.md, and must say
// what the issue asks for. tests/staff-mistakes.sh regenerates that table from the binaries:
// run with KIOSK_STAFF_MISTAKES_DIR=DIR, this test leaves each case's folder in DIR/<id>/content.
#include "app/Validate.h"
#include "core/ContentLoader.h"
#include "core/StaffStrings.h"
#include "core/TomlExplain.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

const fs::path kAssets = fs::path(KIOSK_SOURCE_DIR) / "assets";

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void writeFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A small folder in the sample's shape: two sections, three items, three languages, all complete.
void writeBase(const fs::path& c) {
  const fs::path jpeg = test::sampleContent() / "sections/06-entry-exit/images/work-permits-1.jpg";
  writeFile(c / "kiosk.toml", "[kiosk]\n"
                              "default_language = \"zh-Hans\"\n"
                              "languages = [\"zh-Hans\", \"en\", \"ru\"]\n"
                              "idle_timeout_seconds = 90\n"
                              "\n"
                              "[kiosk.name]\n"
                              "zh-Hans = \"国际沈阳\"\n"
                              "en = \"International Shenyang\"\n"
                              "ru = \"Международный Шэньян\"\n");
  const fs::path s1 = c / "sections/01-city-promotion";
  writeFile(s1 / "section.toml", "colour = \"#1F4E8C\"\n"
                                 "cover = \"images/cover.jpg\"\n"
                                 "\n"
                                 "[title]\n"
                                 "zh-Hans = \"城市推介\"\n"
                                 "en = \"City Promotion\"\n"
                                 "ru = \"Продвижение города\"\n"
                                 "\n"
                                 "[cover_alt]\n"
                                 "zh-Hans = \"城市全景\"\n"
                                 "en = \"A view over the city\"\n"
                                 "ru = \"Вид на город\"\n");
  writeFile(s1 / "01-shenyang-at-a-glance.toml", "attract = true\n"
                                                 "\n"
                                                 "[title]\n"
                                                 "zh-Hans = \"沈阳概览\"\n"
                                                 "en = \"Shenyang at a Glance\"\n"
                                                 "ru = \"Шэньян с первого взгляда\"\n"
                                                 "\n"
                                                 "[summary]\n"
                                                 "zh-Hans = \"东北的中心城市。\"\n"
                                                 "en = \"The heart of the north-east.\"\n"
                                                 "ru = \"Сердце северо-востока.\"\n"
                                                 "\n"
                                                 "[body]\n"
                                                 "zh-Hans = \"\"\"\n"
                                                 "沈阳是辽宁省省会。\n"
                                                 "\"\"\"\n"
                                                 "en = \"\"\"\n"
                                                 "Shenyang is the capital of Liaoning.\n"
                                                 "\"\"\"\n"
                                                 "ru = \"\"\"\n"
                                                 "Шэньян — столица провинции Ляонин.\n"
                                                 "\"\"\"\n"
                                                 "\n"
                                                 "[[images]]\n"
                                                 "file = \"images/photo.jpg\"\n"
                                                 "[images.caption]\n"
                                                 "zh-Hans = \"沈阳街景\"\n"
                                                 "en = \"A street in Shenyang\"\n"
                                                 "ru = \"Улица Шэньяна\"\n"
                                                 "[images.alt]\n"
                                                 "zh-Hans = \"一条街道的照片\"\n"
                                                 "en = \"A photo of a street\"\n"
                                                 "ru = \"Фотография улицы\"\n");
  const fs::path s2 = c / "sections/02-investment";
  writeFile(s2 / "section.toml", "colour = \"#7A3E1D\"\n"
                                 "cover = \"images/cover.jpg\"\n"
                                 "\n"
                                 "[title]\n"
                                 "zh-Hans = \"投资沈阳\"\n"
                                 "en = \"Invest in Shenyang\"\n"
                                 "ru = \"Инвестиции в Шэньян\"\n"
                                 "\n"
                                 "[cover_alt]\n"
                                 "zh-Hans = \"一座新的工业园区\"\n"
                                 "en = \"A new industrial park\"\n"
                                 "ru = \"Новый индустриальный парк\"\n");
  writeFile(s2 / "01-industrial-base.toml", "[title]\n"
                                            "zh-Hans = \"雄厚的产业基础\"\n"
                                            "en = \"A Strong Industrial Base\"\n"
                                            "ru = \"Мощная промышленная база\"\n"
                                            "\n"
                                            "[summary]\n"
                                            "zh-Hans = \"装备制造业发达。\"\n"
                                            "en = \"Mature manufacturing.\"\n"
                                            "ru = \"Развитое производство.\"\n"
                                            "\n"
                                            "[[images]]\n"
                                            "file = \"images/factory.jpg\"\n"
                                            "[images.caption]\n"
                                            "zh-Hans = \"工厂\"\n"
                                            "en = \"A factory\"\n"
                                            "ru = \"Завод\"\n"
                                            "[images.alt]\n"
                                            "zh-Hans = \"一座工厂的照片\"\n"
                                            "en = \"A photo of a factory hall\"\n"
                                            "ru = \"Фотография заводского цеха\"\n");
  writeFile(s2 / "02-free-trade-zone.toml", "[title]\n"
                                            "zh-Hans = \"自由贸易试验区\"\n"
                                            "en = \"The Free Trade Zone\"\n"
                                            "ru = \"Зона свободной торговли\"\n"
                                            "\n"
                                            "[summary]\n"
                                            "zh-Hans = \"开放的窗口。\"\n"
                                            "en = \"A window on the world.\"\n"
                                            "ru = \"Окно в мир.\"\n");
  for (const fs::path& p : {s1 / "images/cover.jpg", s1 / "images/photo.jpg", s2 / "images/cover.jpg", s2 / "images/factory.jpg"}) {
    fs::create_directories(p.parent_path());
    fs::copy_file(jpeg, p, fs::copy_options::overwrite_existing);
  }
}

const char* const kItem1 = "sections/01-city-promotion/01-shenyang-at-a-glance.toml";
const char* const kItem2 = "sections/02-investment/01-industrial-base.toml";
const char* const kSection2 = "sections/02-investment/section.toml";
const char* const kKiosk = "kiosk.toml";

// Replaces the first `from` in the file by `to`; the case's premise must hold.
void edit(const fs::path& c, const std::string& file, const std::string& from, const std::string& to) {
  std::string text = readFile(c / file);
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, file << " has no " << from);
  text.replace(at, from.size(), to);
  writeFile(c / file, text);
}

void moveFile(const fs::path& c, const std::string& from, const std::string& to) { fs::rename(c / from, c / to); }

void copyTree(const fs::path& c, const std::string& from, const std::string& to) {
  fs::copy(c / from, c / to, fs::copy_options::recursive);
}

struct Mistake {
  const char* id;
  const char* what; // the mistake, as staff make it
  std::function<void(const fs::path&)> make;
  const char* mustSay; // what the new message must contain
  bool summary = false; // the summary line is the point (plurals)
  bool single = false;  // exactly one line (one warning for a whole section, not one per text)
};

std::vector<Mistake> mistakes() {
  return {
      // --- TOML syntax ---
      {"quote-missing", "A forgotten closing quote in a title (`en = \"City Promotion` on line 6)",
       [](const fs::path& c) { edit(c, "sections/01-city-promotion/section.toml", "en = \"City Promotion\"", "en = \"City Promotion"); },
       "the text that starts on line 6 has no closing quote \""},
      {"quote-missing-long", "A `\"\"\"` body whose closing `\"\"\"` was deleted",
       [](const fs::path& c) { edit(c, kItem1, "Liaoning.\n\"\"\"\n", "Liaoning.\n"); },
       "the long text that starts on line 17 with \"\"\" has no closing \"\"\""},
      {"quote-inside", "A quote inside a text (`en = \"the \"Shenyang\" brand\"`)",
       [](const fs::path& c) { edit(c, kItem2, "en = \"Mature manufacturing.\"", "en = \"the \"Shenyang\" brand\""); },
       "write \\\" for a quote inside the text"},
      {"date-dmy", "A date written the European way: `show_from = 15/11/2026`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_from = 15/11/2026\n\n[title]"); },
       "write dates as year-month-day, without quotes: show_from = 2026-11-15"},
      {"date-slashes", "A date with slashes: `show_until = 2026/11/30`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_until = 2026/11/30\n\n[title]"); },
       "show_until = 2026-11-30"},
      {"date-chinese", "A date written in Chinese: `show_from = 2026年11月15日`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_from = 2026年11月15日\n\n[title]"); },
       "show_from = 2026-11-15"},
      {"date-ambiguous", "A date whose day and month cannot be told apart: `show_from = 05/11/2026`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_from = 05/11/2026\n\n[title]"); },
       "the day and the month cannot be told apart"},
      {"date-one-digit", "A one-digit day: `show_from = 2026-11-5`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_from = 2026-11-5\n\n[title]"); }, "show_from = 2026-11-05"},
      {"date-no-such-day", "A day that does not exist: `show_until = 2026-11-31`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_until = 2026-11-31\n\n[title]"); },
       "2026-11-31 is not a day of the calendar"},
      {"date-quoted", "A date in quotes: `show_from = \"2026-11-15\"`",
       [](const fs::path& c) { edit(c, kItem2, "[title]", "show_from = \"2026-11-15\"\n\n[title]"); }, "(no quotes)"},
      {"windows-path", "A Windows path: `file = \"images\\factory.jpg\"`",
       [](const fs::path& c) { edit(c, kItem2, "\"images/factory.jpg\"", "\"images\\factory.jpg\""); },
       "use / in paths"},
      {"windows-path-x", "A Windows path whose backslash meets an x: `file = \"images\\x.jpg\"`",
       [](const fs::path& c) {
         edit(c, kItem2, "\"images/factory.jpg\"", "\"images\\x.jpg\"");
       },
       "write \"images/x.jpg\" instead of \"images\\x.jpg\""},
      {"curly-quotes", "Word's curly quotes: `en = “City Promotion”`",
       [](const fs::path& c) { edit(c, "sections/01-city-promotion/section.toml", "en = \"City Promotion\"", "en = “City Promotion”"); },
       "write the straight quote \" instead"},
      {"fullwidth-equals", "A full-width ＝ typed with a Chinese keyboard: `en ＝ \"City Promotion\"`",
       [](const fs::path& c) { edit(c, "sections/01-city-promotion/section.toml", "en = \"City", "en ＝ \"City"); },
       "write = instead"},
      {"fullwidth-comma", "A full-width comma in a list: `languages = [\"zh-Hans\"， \"en\", \"ru\"]`",
       [](const fs::path& c) { edit(c, kKiosk, "\"zh-Hans\", \"en\"", "\"zh-Hans\"， \"en\""); }, "write , instead"},
      {"fullwidth-brackets", "A table name in Chinese brackets: `【title】`",
       [](const fs::path& c) { edit(c, kSection2, "[title]", "【title】"); }, "write [ instead"},
      {"fullwidth-square", "A table name in full-width brackets: `［summary］`",
       [](const fs::path& c) { edit(c, kItem2, "[summary]", "［summary］"); }, "write [ instead"},
      {"fullwidth-quote", "A full-width quote: `en = ＂A factory＂`",
       [](const fs::path& c) { edit(c, kItem2, "en = \"A factory\"", "en = ＂A factory＂"); }, "write \" instead"},
      {"corner-quotes", "Chinese corner quotes around a text: `zh-Hans = 「工厂」`",
       [](const fs::path& c) { edit(c, kItem2, "zh-Hans = \"工厂\"", "zh-Hans = 「工厂」"); }, "write \" instead"},
      {"fullwidth-space", "A full-width space before `=`",
       [](const fs::path& c) { edit(c, kItem2, "en = \"A factory\"", "en　= \"A factory\""); }, "full-width space"},
      {"header-unclosed", "A table name without its `]`: `[summary`",
       [](const fs::path& c) { edit(c, kItem2, "[summary]", "[summary"); }, "write [summary] on a line of its own"},
      {"table-twice", "The same table written twice: a second `[title]`",
       [](const fs::path& c) { edit(c, kItem2, "[summary]", "[title]\nfr = \"Une base\"\n\n[summary]"); },
       "[title] is written a second time (the first is on line 1)"},
      {"caption-without-images", "A second picture's caption without its `[[images]]` line",
       [](const fs::path& c) { edit(c, kItem2, "ru = \"Завод\"\n", "ru = \"Завод\"\nfile = \"images/cover.jpg\"\n[images.caption]\nen = \"Cover\"\n"); },
       "each picture starts with its own [[images]] line"},
      {"key-twice", "The same language twice in one text",
       [](const fs::path& c) { edit(c, kItem2, "en = \"Mature manufacturing.\"", "en = \"Mature manufacturing.\"\nen = \"Industry.\""); },
       "en is given twice here"},
      {"missing-equals", "A key without `=`: `en \"A factory\"`",
       [](const fs::path& c) { edit(c, kItem2, "en = \"A factory\"", "en \"A factory\""); }, "put = between the name and the value"},
      {"yes-for-true", "`attract = yes` instead of `true`",
       [](const fs::path& c) { edit(c, kItem1, "attract = true", "attract = yes"); }, "write true or false"},
      {"true-capital", "`attract = True` with a capital letter",
       [](const fs::path& c) { edit(c, kItem1, "attract = true", "attract = True"); }, "in lower case"},
      {"colour-no-quotes", "A colour without quotes: `colour = #7A3E1D`",
       [](const fs::path& c) { edit(c, kSection2, "colour = \"#7A3E1D\"", "colour = #7A3E1D"); }, "a colour is written in quotes"},
      {"text-no-quotes", "A text without quotes: `en = Invest in Shenyang`",
       [](const fs::path& c) { edit(c, kSection2, "en = \"Invest in Shenyang\"", "en = Invest in Shenyang"); },
       "a text is written in quotes"},
      {"leading-zero", "A number with a 0 in front: `order = 02`",
       [](const fs::path& c) { edit(c, kSection2, "colour", "order = 02\ncolour"); }, "without a 0 in front"},
      {"decimal-comma", "A decimal comma: `idle_timeout_seconds = 90,5`",
       [](const fs::path& c) { edit(c, kKiosk, "idle_timeout_seconds = 90", "idle_timeout_seconds = 90,5"); },
       "with a point, not a comma"},
      {"two-on-a-line", "Two languages on one line: `zh-Hans = \"工厂\" en = \"A factory\"`",
       [](const fs::path& c) { edit(c, kItem2, "zh-Hans = \"工厂\"\nen = \"A factory\"", "zh-Hans = \"工厂\" en = \"A factory\""); },
       "on a line of its own"},
      {"list-unclosed", "A list without its `]`: `languages = [\"zh-Hans\", \"en\", \"ru\"`",
       [](const fs::path& c) { edit(c, kKiosk, "\"ru\"]", "\"ru\""); }, "is not closed"},
      // --- pictures ---
      {"picture-case", "`photo.JPG` on disk, the file says `photo.jpg`",
       [](const fs::path& c) { moveFile(c, "sections/01-city-promotion/images/photo.jpg", "sections/01-city-promotion/images/photo.JPG"); },
       "photo.JPG exists; the file says photo.jpg"},
      {"picture-heic", "An iPhone photo `photo.HEIC` copied in; the file says `photo.jpg`",
       [](const fs::path& c) { moveFile(c, "sections/01-city-promotion/images/photo.jpg", "sections/01-city-promotion/images/photo.HEIC"); },
       "save it as JPEG"},
      {"picture-webp", "A `factory.webp` from a web page; the file says `factory.jpg`",
       [](const fs::path& c) { moveFile(c, "sections/02-investment/images/factory.jpg", "sections/02-investment/images/factory.webp"); },
       "WebP"},
      {"picture-extension", "`factory.png` on disk, the file says `factory.jpg`",
       [](const fs::path& c) { moveFile(c, "sections/02-investment/images/factory.jpg", "sections/02-investment/images/factory.png"); },
       "factory.png exists; the file says factory.jpg"},
      {"picture-jpeg", "`factory.jpeg` on disk, the file says `factory.jpg`",
       [](const fs::path& c) { moveFile(c, "sections/02-investment/images/factory.jpg", "sections/02-investment/images/factory.jpeg"); },
       "factory.jpeg exists"},
      {"picture-typo", "A typo in a picture's name: the file says `factroy.jpg`",
       [](const fs::path& c) { edit(c, kItem2, "images/factory.jpg", "images/factroy.jpg"); }, "did you mean \"images/factory.jpg\"?"},
      {"picture-missing", "A picture never copied in",
       [](const fs::path& c) { fs::remove(c / "sections/02-investment/images/factory.jpg"); }, "does not exist"},
      {"picture-outside", "A path that leaves the folder: `file = \"../../photo.jpg\"`",
       [](const fs::path& c) { edit(c, kItem2, "images/factory.jpg", "../../../photo.jpg"); }, "outside the content folder"},
      // --- folders and files ---
      {"copy-folder-windows", "A Windows copy of a section: `02-investment - Copy`",
       [](const fs::path& c) { copyTree(c, "sections/02-investment", "sections/02-investment - Copy"); },
       "looks like a copy of 02-investment", false, true},
      {"copy-folder-chinese", "A Chinese Windows copy: `02-investment - 副本`",
       [](const fs::path& c) { copyTree(c, "sections/02-investment", "sections/02-investment - 副本"); },
       "looks like a copy of 02-investment", false, true},
      {"copy-folder-of", "`Copy of 02-investment`",
       [](const fs::path& c) { copyTree(c, "sections/02-investment", "sections/Copy of 02-investment"); },
       "looks like a copy of 02-investment", false, true},
      {"copy-file-numbered", "A copied item file: `01-industrial-base (1).toml`",
       [](const fs::path& c) { fs::copy_file(c / kItem2, c / "sections/02-investment/01-industrial-base (1).toml"); },
       "looks like a copy of 01-industrial-base.toml", false, true},
      {"copy-file-japanese", "A Japanese Windows copy: `01-industrial-base - コピー.toml`",
       [](const fs::path& c) { fs::copy_file(c / kItem2, c / "sections/02-investment/01-industrial-base - コピー.toml"); },
       "looks like a copy of 01-industrial-base.toml", false, true},
      {"folder-no-number", "A new section folder without its number: `trade`",
       [](const fs::path& c) {
         copyTree(c, "sections/02-investment", "sections/trade");
         fs::remove(c / "sections/trade/02-free-trade-zone.toml");
       },
       "like 03-trade"},
      {"toml-txt", "An item saved by Notepad as `03-logistics.toml.txt`",
       [](const fs::path& c) { fs::copy_file(c / kItem2, c / "sections/02-investment/03-logistics.toml.txt"); },
       "rename it to 03-logistics.toml"},
      {"section-toml-txt", "`section.toml.txt` instead of `section.toml`",
       [](const fs::path& c) { moveFile(c, kSection2, "sections/02-investment/section.toml.txt"); }, "rename it to section.toml"},
      {"no-section-toml", "A section folder without section.toml",
       [](const fs::path& c) { fs::remove(c / kSection2); }, "folder has no section.toml"},
      // --- translations, plurals ---
      {"translation-partial", "Russian left out of a whole section (6 texts)",
       [](const fs::path& c) {
         for (const char* f : {kItem2, kSection2, "sections/02-investment/02-free-trade-zone.toml"}) {
           std::string text = readFile(c / f), out;
           std::istringstream in(text);
           bool described = false; // the descriptions (alt) at the end keep theirs: see description-language
           for (std::string line; std::getline(in, line);) {
             described = described || line == "[images.alt]" || line == "[cover_alt]";
             if (described || line.rfind("ru = ", 0) != 0) out += line + "\n";
           }
           writeFile(c / f, out);
         }
       },
       "Русский (ru): 6 texts in 02-investment have no translation", false, true},
      {"translation-one", "One Russian caption left out",
       [](const fs::path& c) { edit(c, kItem2, "ru = \"Завод\"\n", ""); }, "Русский (ru): 1 text in 02-investment has no translation", false, true},
      {"description-language", "Russian left out of the descriptions (alt) of a section's two pictures",
       [](const fs::path& c) {
         edit(c, kItem2, "ru = \"Фотография заводского цеха\"\n", "");
         edit(c, kSection2, "ru = \"Новый индустриальный парк\"\n", "");
       },
       "Русский (ru): 2 pictures in 02-investment have no description in this language", false, true},
      {"description-none", "Pictures without any description (alt): a section's cover and its picture",
       [](const fs::path& c) {
         edit(c, kItem2, "[images.alt]\nzh-Hans = \"一座工厂的照片\"\nen = \"A photo of a factory hall\"\nru = \"Фотография заводского цеха\"\n", "");
         edit(c, kSection2, "\n[cover_alt]\nzh-Hans = \"一座新的工业园区\"\nen = \"A new industrial park\"\nru = \"Новый индустриальный парк\"\n", "");
       },
       "2 pictures in 02-investment have no description for visitors who cannot see them", false, true},
      {"description-none-one", "One picture without any description (alt)",
       [](const fs::path& c) {
         edit(c, kItem1, "[images.alt]\nzh-Hans = \"一条街道的照片\"\nen = \"A photo of a street\"\nru = \"Фотография улицы\"\n", "");
       },
       "1 picture in 01-city-promotion has no description for visitors who cannot see it", false, true},
      {"plural-one-error", "One error in the folder: the summary line",
       [](const fs::path& c) { edit(c, kItem2, "images/factory.jpg", "images/factroy.jpg"); }, "1 error, 0 warnings", true},
      // --- other things the staff guide warns about ---
      {"unknown-key", "A misspelt key: `titel`",
       [](const fs::path& c) { edit(c, kSection2, "[title]", "[titel]"); }, "did you mean 'title'?"},
      {"language-name", "A language written as a name: `english = \"...\"`",
       [](const fs::path& c) { edit(c, kSection2, "en = \"Invest", "english = \"Invest"); }, "is not a language tag"},
      {"language-underscore", "A locale instead of a tag: `zh_CN`",
       [](const fs::path& c) { edit(c, kSection2, "zh-Hans = \"投资沈阳\"", "zh_CN = \"投资沈阳\""); }, "is not a language tag"},
      {"pin-plain", "The PIN itself in kiosk.toml: `admin_pin = \"246810\"`",
       [](const fs::path& c) { edit(c, kKiosk, "idle_timeout", "admin_pin = \"246810\"\nidle_timeout"); }, "kiosk hash-pin"},
      {"colour-name", "A colour by name: `colour = \"blue\"`",
       [](const fs::path& c) { edit(c, kSection2, "\"#7A3E1D\"", "\"blue\""); }, "six hex digits"},
      {"not-utf8", "A file saved in GBK instead of UTF-8",
       [](const fs::path& c) { edit(c, kItem2, "zh-Hans = \"工厂\"", "zh-Hans = \"\xB9\xA4\xB3\xA7\""); }, "save it as UTF-8"},
      {"countdown-short", "`idle_countdown_seconds = 10`, below the accessible minimum",
       [](const fs::path& c) { edit(c, kKiosk, "idle_timeout_seconds = 90", "idle_timeout_seconds = 90\nidle_countdown_seconds = 10"); },
       "idle_countdown_seconds"},
      {"link-http", "A link with `http://`",
       [](const fs::path& c) { edit(c, kSection2, "colour", "link = \"http://english.shenyang.gov.cn/investment/\"\ncolour"); },
       "Not secure"},
  };
}

// What validate prints for the folder `content` inside `root`, one line each, with `root` cut.
std::vector<std::string> validateLines(const fs::path& root) {
  std::ostringstream out;
  app::validateContent((root / "content").string(), out, false, kAssets);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  const std::string prefix = root.string() + "/";
  for (std::string line; std::getline(in, line);) {
    for (size_t at; (at = line.find(prefix)) != std::string::npos;) line.erase(at, prefix.size());
    lines.push_back(line);
  }
  return lines;
}

bool isSummary(const std::string& line) { return line.rfind("content: ", 0) == 0; }

// The lines of `now` that `base` lacks (summary lines only when asked for).
std::vector<std::string> newLines(const std::vector<std::string>& base, const std::vector<std::string>& now, bool summary) {
  const std::set<std::string> before(base.begin(), base.end());
  std::vector<std::string> out;
  for (const auto& l : now)
    if (!before.count(l) && (summary || !isSummary(l))) out.push_back(l);
  return out;
}

std::string unescapeHtml(std::string s) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"<code>", ""}, {"</code>", ""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#124;", "|"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos;) {
      s.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return s;
}

// The table's "Message now" cell of each case, split into its lines.
std::map<std::string, std::vector<std::string>> tableNow() {
  std::map<std::string, std::vector<std::string>> out;
  std::istringstream in(readFile(fs::path(KIOSK_SOURCE_DIR) / "tests/staff-mistakes.md"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| ", 0) != 0) continue;
    std::vector<std::string> cells;
    for (size_t start = 1;;) {
      const size_t bar = line.find(" |", start);
      if (bar == std::string::npos) break;
      cells.push_back(line.substr(start + 1, bar - start - 1));
      start = bar + 2;
    }
    if (cells.size() < 5 || cells[1].size() < 3 || cells[1].front() != '`') continue;
    const std::string id = cells[1].substr(1, cells[1].size() - 2);
    std::vector<std::string> lines;
    const std::string cell = cells[4];
    for (size_t start = 0;;) {
      const size_t br = cell.find("<br>", start);
      lines.push_back(unescapeHtml(cell.substr(start, br == std::string::npos ? std::string::npos : br - start)));
      if (br == std::string::npos) break;
      start = br + 4;
    }
    out[id] = lines;
  }
  return out;
}

} // namespace

TEST_CASE("[StaffMistakes] each mistake is answered in plain words, as tests/staff-mistakes.md says") {
  const char* keep = std::getenv("KIOSK_STAFF_MISTAKES_DIR");
  test::TempFolder baseDir;
  writeBase(baseDir.path() / "content");
  const auto base = validateLines(baseDir.path());
  REQUIRE_MESSAGE(base.back() == "content: 2 sections, 3 items, 0 errors, 0 warnings", base.back());
  if (keep) {
    fs::create_directories(fs::path(keep) / "_base");
    fs::copy(baseDir.path() / "content", fs::path(keep) / "_base/content", fs::copy_options::recursive);
  }
  const auto table = tableNow();
  std::set<std::string> ids;
  for (const auto& m : mistakes()) {
    const std::string id = m.id;
    CAPTURE(id);
    CHECK_MESSAGE(ids.insert(m.id).second, "two cases named " << m.id);
    test::TempFolder t;
    writeBase(t.path() / "content");
    m.make(t.path() / "content");
    const auto got = newLines(base, validateLines(t.path()), m.summary);
    std::string all;
    for (const auto& l : got) all += l + "\n";
    CAPTURE(all);
    CHECK_MESSAGE(all.find(m.mustSay) != std::string::npos, "validate does not say: " << m.mustSay);
    CHECK(!got.empty());
    // Told once: one line per section and language, not one per text.
    if (m.single) CHECK(got.size() == 1);
    const auto row = table.find(m.id);
    if (row == table.end()) {
      FAIL_CHECK("tests/staff-mistakes.md has no row for " << m.id << "; run tests/staff-mistakes.sh");
    } else {
      CHECK_MESSAGE(row->second == got, "tests/staff-mistakes.md is out of date for " << m.id << "; run tests/staff-mistakes.sh");
    }
    if (keep) {
      const fs::path dir = fs::path(keep) / m.id;
      fs::create_directories(dir);
      fs::copy(t.path() / "content", dir / "content", fs::copy_options::recursive);
      writeFile(dir / "mistake.txt", std::string(m.what) + "\n");
      writeFile(dir / "summary.txt", m.summary ? "1\n" : "0\n");
    }
  }
  CHECK(mistakes().size() >= 40);
  CHECK(table.size() == mistakes().size());
}

TEST_CASE("[StaffMistakes] every coded message is its English catalogue pattern with its arguments") {
  std::vector<Diagnostic> problems;
  const StaffStrings strings = StaffStrings::load(kAssets, "en", problems);
  REQUIRE(problems.empty());
  std::set<std::string> seen;
  for (const auto& m : mistakes()) {
    const std::string id = m.id;
    CAPTURE(id);
    test::TempFolder t;
    writeBase(t.path() / "content");
    m.make(t.path() / "content");
    const LoadResult r = loadContent(t.path() / "content");
    for (const auto& d : r.diagnostics) {
      if (d.code.empty()) continue;
      CAPTURE(d.code);
      seen.insert(d.code);
      REQUIRE_MESSAGE(!strings.pattern("en", d.code).empty(), "assets/staff-diagnostics.toml has no [en] " << d.code);
      CHECK(strings.formatIn("en", d.code, d.args) == d.message);
      // Chinese is there for each, and fills in every argument.
      const std::string zh = strings.formatIn("zh-Hans", d.code, d.args);
      CHECK(!strings.pattern("zh-Hans", d.code).empty());
      CHECK(zh.find('{') == std::string::npos);
      CHECK(zh != d.message);
    }
  }
  CHECK(seen.size() >= 25);
  // The catalogue has no pattern nobody uses, and Chinese has every English key.
  for (const auto& key : strings.keys("en")) CHECK_MESSAGE(strings.pattern("zh-Hans", key) != "", key);
}

TEST_CASE("[StaffMistakes] the explanations of TOML errors toml++ gives elsewhere in a file") {
  // A missing """ is told at the line where the text started, not at the end of the file.
  const std::string doc = "[title]\nen = \"x\"\n\n[body]\nen = \"\"\"\nFirst.\n\nSecond.\n\n[[images]]\nfile = \"a.jpg\"\n";
  const auto e = explainTomlError(doc, 12, 1, "Error while parsing string: encountered end-of-file");
  CHECK(e.code == "toml_unclosed_long");
  CHECK(e.line == 5);
  CHECK(e.column == 6);
  // Curly quotes inside a text are the text's own: not a mistake.
  CHECK_FALSE(explainConfusable("en = \"He said “hi”\"\n", 1));
  CHECK(explainConfusable("en = “hi”\n", 1)->column == 6);
  // Anything else keeps the parser's reason, in a sentence.
  const auto other = explainTomlError("a = @\n", 1, 5, "Error while parsing value: could not determine value type");
  CHECK(other.code == "toml_text_quotes");
  const auto unknown = explainTomlError("a = 1\n", 1, 1, "Error while parsing something: odd");
  CHECK(unknown.code == "toml_syntax");
  CHECK(unknown.message.find("parsing something: odd") != std::string::npos);
}

TEST_CASE("[StaffMistakes] validate speaks the staff's language: zh-Hans messages, severities and summary") {
  test::TempFolder t;
  writeBase(t.path() / "content");
  fs::rename(t.path() / "content/sections/01-city-promotion/images/photo.jpg", t.path() / "content/sections/01-city-promotion/images/photo.JPG");
  std::ostringstream zh, en;
  CHECK(app::validateContent((t.path() / "content").string(), zh, false, kAssets, "zh-CN") == 1);
  CHECK(app::validateContent((t.path() / "content").string(), en, false, kAssets, "en") == 1);
  CAPTURE(zh.str());
  CHECK(zh.str().find("01-shenyang-at-a-glance.toml:25:8: 错误: 有 photo.JPG，但文件里写的是 photo.jpg") != std::string::npos);
  CHECK(zh.str().find("：2 个栏目，3 个条目，1 个错误，0 个警告") != std::string::npos);
  CHECK(en.str().find(": 2 sections, 3 items, 1 error, 0 warnings") != std::string::npos);
  // The English summary is the catalogue's pattern, plurals and all.
  std::vector<Diagnostic> problems;
  const StaffStrings strings = StaffStrings::load(kAssets, "en", problems);
  CHECK(strings.get("validate_summary", {{"folder", "content"}, {"section_count", "1"}, {"item_count", "2"}, {"error_count", "1"},
                                         {"warning_count", "0"}}) == "content: 1 section, 2 items, 1 error, 0 warnings");
  // Every word the editor's code asks for (tr("editor_...") and trf("editor_...")) is in the
  // catalogue in English and Chinese: a key added to the code alone fails here.
  std::set<std::string> editorKeys;
  for (const char* source : {"kiosk/app/Editor.cpp", "kiosk/app/EditorView.cpp"}) {
    std::ifstream in(fs::path(KIOSK_SOURCE_DIR) / source);
    REQUIRE(in);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (size_t at = 0; (at = text.find("tr", at)) != std::string::npos; ++at) {
      const size_t open = text.compare(at, 4, "tr(\"") == 0 ? at + 4 : text.compare(at, 5, "trf(\"") == 0 ? at + 5 : std::string::npos;
      if (open == std::string::npos || text.compare(open, 7, "editor_") != 0) continue;
      editorKeys.insert(text.substr(open, text.find('"', open) - open));
    }
  }
  CHECK(editorKeys.size() > 60);
  for (const auto& key : editorKeys) {
    CAPTURE(key);
    CHECK(!strings.pattern("en", key).empty());
    CHECK(!strings.pattern("zh-Hans", key).empty());
  }
  StaffStrings zhStrings = StaffStrings::load(kAssets, "zh_CN", problems);
  CHECK(zhStrings.language() == "zh-Hans");
  CHECK(zhStrings.get("editor_unsaved", {{"count", "2"}}) == "2 个文件未保存");
  CHECK(strings.get("editor_unsaved", {{"count", "1"}}) == "1 file not saved");
  CHECK(strings.get("editor_pictures_added", {{"count", "2"}}) == "2 pictures added; save to keep them in the item");
  CHECK(StaffStrings::load(kAssets, "fr", problems).get("editor_save") == "Save (Ctrl+S)");
  CHECK(problems.empty());
}

TEST_CASE("[StaffMistakes] report translations in Chinese keeps its columns by display width") {
  CHECK(app::terminalWidth("language") == 8);
  CHECK(app::terminalWidth("语言") == 4);
  CHECK(app::terminalWidth("ｚＨ") == 4);       // full-width Latin
  CHECK(app::terminalWidth("Tiếng Việt") == 10); // precomposed or not, one column a letter
  CHECK(app::terminalWidth("e\xCC\x81") == 1);   // e + combining acute
  test::TempFolder t;
  writeBase(t.path() / "content");
  edit(t.path() / "content", kItem2, "ru = \"Завод\"\n", "");
  std::ostringstream zh;
  CHECK(app::reportTranslations((t.path() / "content").string(), zh, "zh-Hans", kAssets) == 0);
  std::istringstream in(zh.str());
  std::string head, row;
  std::getline(in, head);
  std::getline(in, row);
  CAPTURE(zh.str());
  CHECK(head.rfind("语言", 0) == 0);
  CHECK(app::terminalWidth(head) == app::terminalWidth(row)); // the headings line up with the figures
  CHECK(zh.str().find("ru 中缺少的文字：") != std::string::npos);
  std::ostringstream en;
  CHECK(app::reportTranslations((t.path() / "content").string(), en, "en", kAssets) == 0);
  CHECK(en.str().rfind("language         texts  coverage  converted   missing  described\n", 0) == 0);
  CHECK(en.str().find("missing in ru:") != std::string::npos);
}
