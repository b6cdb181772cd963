#include "TempFolder.h"
#include "core/ContentLoader.h"
#include "ops/AdminPin.h"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>

using namespace kiosk;
using kiosk::test::TempFolder;

namespace {

// A small valid content folder; each case below breaks one thing in it.
void writeValidFolder(const TempFolder& t) {
  t.write("kiosk.toml", R"([kiosk]
name = { zh-Hans = "测试", en = "Test" }
default_language = "zh-Hans"
languages = ["zh-Hans", "en"]
idle_timeout_seconds = 60
)");
  t.write("sections/01-alpha/section.toml", R"(title = { zh-Hans = "甲", en = "Alpha" }
colour = "#336699"
cover = "images/cover.png"
cover_alt = { zh-Hans = "封面", en = "The cover" }
)");
  t.write("sections/01-alpha/images/cover.png", "not decoded by the loader");
  t.write("sections/01-alpha/images/one.png", "not decoded by the loader");
  t.write("sections/01-alpha/01-one.toml", R"(title = { zh-Hans = "一", en = "One" }
summary = { zh-Hans = "一个", en = "The first" }
[[images]]
file = "images/one.png"
alt = { zh-Hans = "一张图", en = "A picture" }
)");
  t.write("sections/01-alpha/02-two.toml", R"(title = { zh-Hans = "二", en = "Two" }
)");
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const Diagnostic* find(const LoadResult& r, const std::string& fileSuffix, const std::string& text) {
  for (const auto& d : r.diagnostics)
    if (endsWith(d.file, fileSuffix) && d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

std::string dump(const LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += d.format() + "\n";
  return s;
}

struct BrokenCase {
  const char* name;
  std::function<void(const TempFolder&)> breakIt;
  const char* file;    // suffix of the file the diagnostic must name
  int line;            // 0: no line expected
  Diagnostic::Severity severity;
  const char* message; // part of the message
  int itemsLeft;       // items of section alpha still shown (-1: don't check)
};

} // namespace

TEST_CASE("[ContentLoader] the sample content loads clean with six sections in zh-Hans and en") {
  const LoadResult r = loadContent(kiosk::test::sampleContent());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty());
  CHECK(r.content->sections.size() >= 6);
  CHECK(r.content->settings.defaultLanguage == "zh-Hans");
  for (const auto& s : r.content->sections) {
    CHECK(s.items.size() >= 2);
    CHECK(s.title.has("zh-Hans"));
    CHECK(s.title.has("en"));
    CHECK(s.hasCover);
    for (const auto& i : s.items) {
      CHECK(i.title.has("zh-Hans"));
      CHECK(i.title.has("en"));
      CHECK(i.body.has("zh-Hans"));
      CHECK(i.body.has("en"));
      REQUIRE(i.cardImage()); // a picture on every card: its first image, or its map
      CHECK(i.cardImage()->exists);
      for (const auto& img : i.images) CHECK(img.exists);
    }
  }
  CHECK(r.content->findSection("investment") != nullptr);
}

TEST_CASE("[ContentLoader] the order prefix sorts and is not part of the id") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/03-gamma/section.toml", "title = \"丙\"\n");
  t.write("sections/03-gamma/01-x.toml", "title = \"x\"\n");
  t.write("sections/02-beta/section.toml", "title = \"乙\"\n");
  t.write("sections/02-beta/01-y.toml", "title = \"y\"\n");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  REQUIRE(r.content->sections.size() == 3);
  CHECK(r.content->sections[0].id == "alpha");
  CHECK(r.content->sections[1].id == "beta");
  CHECK(r.content->sections[2].id == "gamma");
  CHECK(r.content->sections[0].items[0].id == "one");
  CHECK(r.content->sections[0].items[1].id == "two");
  // A plain string is the default language's text.
  CHECK(r.content->sections[1].title.get("zh-Hans") == "乙");
}

TEST_CASE("[ContentLoader] an explicit order overrides the name's prefix") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/02-two.toml", "title = \"二\"\norder = 0\n");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  CHECK(r.content->sections[0].items[0].id == "two");
}

TEST_CASE("[ContentLoader] a valid folder has no diagnostics") {
  TempFolder t;
  writeValidFolder(t);
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty());
  CHECK(r.content->settings.idleTimeoutSeconds == 60);
  CHECK(r.content->sections[0].colour == 0x336699FF);
}

TEST_CASE("[ContentLoader] each broken content folder is reported at its file and line") {
  using S = Diagnostic::Severity;
  const std::vector<BrokenCase> cases = {
      {"TOML syntax error skips the item",
       [](auto& t) { t.write("sections/01-alpha/01-one.toml", "title = { zh-Hans = \"一\", en = \"One\"\nsummary = 1\n"); },
       "01-alpha/01-one.toml", 1, S::Error, "must end with } on the same line", 1},
      {"missing image keeps the item with a placeholder",
       [](auto& t) { std::filesystem::remove(t.path() / "sections/01-alpha/images/one.png"); },
       "01-alpha/01-one.toml", 4, S::Error, "does not exist", 2},
      {"misspelt key gets a did-you-mean",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nsumary = \"x\"\n"); },
       "01-alpha/02-two.toml", 2, S::Warning, "did you mean 'summary'", 2},
      {"missing title skips the item",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "summary = \"x\"\n"); },
       "01-alpha/02-two.toml", 1, S::Error, "missing 'title'", 1},
      {"missing kiosk.toml", [](auto& t) { std::filesystem::remove(t.path() / "kiosk.toml"); }, "kiosk.toml", 0,
       S::Error, "kiosk.toml is missing", 2},
      {"file that is not UTF-8 names the byte offset",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"ok\"\nsummary = \"caf\xE9\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "offset 27", 1},
      {"image path leaving the folder is refused",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n[[images]]\nfile = \"../../../../etc/passwd\"\n"); },
       "01-alpha/02-two.toml", 3, S::Error, "outside the content folder", 2},
      {"absolute image path is refused",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n[[images]]\nfile = \"/etc/passwd\"\n"); },
       "01-alpha/02-two.toml", 3, S::Error, "must be a path inside", 2},
      {"badly written colour",
       [](auto& t) { t.write("sections/01-alpha/section.toml", "title = \"甲\"\ncolour = \"blue\"\n"); },
       "01-alpha/section.toml", 2, S::Error, "#1F6FB2", 2},
      {"default language not offered",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\ndefault_language = \"fr\"\nlanguages = [\"zh-Hans\", \"en\"]\n");
       },
       "kiosk.toml", 2, S::Error, "not in 'languages'", 2},
      {"text in a language the kiosk does not offer",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", en = \"Two\", fr = \"Deux\" }\n"); },
       "01-alpha/02-two.toml", 1, S::Warning, "does not offer", 2},
      {"text missing in an offered language",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\" }\n"); },
       "01-alpha/02-two.toml", 1, S::Warning, "English (en): 1 text in 01-alpha has no translation", 2},
      {"folder without section.toml",
       [](auto& t) { t.write("sections/02-stray/readme.txt", "notes"); }, "02-stray/section.toml", 0, S::Warning,
       "no section.toml", 2},
      {"section with no items",
       [](auto& t) { t.write("sections/02-empty/section.toml", "title = \"空\"\n"); }, "02-empty/section.toml", 0,
       S::Warning, "no items", 2},
      {"idle timeout of the wrong type",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "idle_timeout_seconds = \"long\"\n");
       },
       "kiosk.toml", 4, S::Error, "number of seconds", 2},
      {"images written as a string",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nimages = \"a.png\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "must be a list", 2},
      {"two sections with the same id",
       [](auto& t) {
         t.write("sections/02-alpha/section.toml", "title = \"又\"\n");
         t.write("sections/02-alpha/01-z.toml", "title = \"z\"\n");
       },
       "02-alpha/section.toml", 0, S::Error, "already has the id 'alpha'", 2},
      {"two items with the same id",
       [](auto& t) { t.write("sections/01-alpha/03-one.toml", "title = \"again\"\n"); }, "01-alpha/03-one.toml", 0,
       S::Error, "already has the id 'one'", 2},
      {"a huge file is refused without parsing",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"" + std::string(2 << 20, 'x') + "\"\n"); },
       "01-alpha/02-two.toml", 0, S::Error, "KiB", 1},
      {"a title that is a number",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = 42\n"); }, "01-alpha/02-two.toml", 1, S::Error,
       "must be text in quotes", 1},
      {"an image entry without a file",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n[[images]]\ncaption = \"c\"\n"); },
       "01-alpha/02-two.toml", 0, S::Error, "has no 'file'", 2},
      {"an order that is not a number",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\norder = \"first\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "whole number", 2},
      {"an idle timeout that is not a number (nan)",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "idle_timeout_seconds = nan\n");
       },
       "kiosk.toml", 4, S::Error, "number of seconds", 2},
      {"an attract flag in quotes",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nattract = \"yes\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "must be true or false", 2},
      {"an idle countdown too short to read",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "idle_countdown_seconds = 1\n");
       },
       "kiosk.toml", 4, S::Warning, "20 to 120", 2},
      {"an attract slide time of infinity",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "attract_slide_seconds = inf\n");
       },
       "kiosk.toml", 4, S::Error, "number of seconds", 2},
      {"an item file that is a link to outside the folder",
       [](auto& t) { std::filesystem::create_symlink("/etc/passwd", t.path() / "sections/01-alpha/03-pw.toml"); },
       "01-alpha/03-pw.toml", 0, S::Error, "link to outside the content folder", 2},
      {"a section folder that is a link to outside the folder",
       [](auto& t) {
         std::filesystem::create_directories(t.path().string() + "-outside/sec");
         std::ofstream(t.path().string() + "-outside/sec/section.toml") << "title = \"out\"\n";
         std::filesystem::create_directory_symlink(t.path().string() + "-outside/sec", t.path() / "sections/09-outside");
       },
       "sections/09-outside", 0, S::Error, "link to outside the content folder", 2},
      {"an image that is a link to outside the folder",
       [](auto& t) {
         std::filesystem::create_symlink("/etc/passwd", t.path() / "sections/01-alpha/images/pw.png");
         t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n[[images]]\nfile = \"images/pw.png\"\n");
       },
       "01-alpha/02-two.toml", 3, S::Error, "outside the content folder", 2},
      {"a language tag that is not BCP 47",
       [](auto& t) { t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"english\"]\ndefault_language = \"zh-Hans\"\n"); },
       "kiosk.toml", 2, S::Error, "'english' is not a language tag", 2},
      {"a text key with an underscore tag",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = { zh_CN = \"二\", en = \"Two\" }\n"); },
       "01-alpha/02-two.toml", 1, S::Error, "'zh_CN' is not a language tag", 2},
      {"an event whose end is before its start",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nshow_from = 2026-12-01\nshow_until = 2026-11-01\n"); },
       "01-alpha/02-two.toml", 3, S::Error, "is before show_from", 2},
      {"a date written in quotes",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nshow_from = \"2026-12-01\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "must be a date written like 2026-05-01", 2},
      {"a body given inline and in its own file",
       [](auto& t) {
         t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nbody.en = \"Inline\"\n");
         t.write("sections/01-alpha/02-two.en.md", "In a file\n");
       },
       "01-alpha/02-two.en.md", 0, S::Error, "given twice", 2},
      {"a body file with no item",
       [](auto& t) { t.write("sections/01-alpha/09-nothing.en.md", "Orphan\n"); }, "01-alpha/09-nothing.en.md", 0,
       S::Warning, "no item file 09-nothing.toml", 2},
      {"a body file in a language not offered",
       [](auto& t) { t.write("sections/01-alpha/02-two.fr.md", "Deux\n"); }, "01-alpha/02-two.fr.md", 0, S::Warning,
       "does not offer", 2},
      {"a body file that is not UTF-8",
       [](auto& t) { t.write("sections/01-alpha/02-two.en.md", "caf\xE9\n"); }, "01-alpha/02-two.en.md", 1, S::Error,
       "not UTF-8", 2},
      {"Markdown the kiosk does not show",
       [](auto& t) { t.write("sections/01-alpha/02-two.en.md", "See ![map](map.png) and [the site](https://example.org)\n"); },
       "01-alpha/02-two.en.md", 0, S::Warning, "images in the text", 2},
      {"an empty body file",
       [](auto& t) { t.write("sections/01-alpha/02-two.en.md", "\n  \n"); }, "01-alpha/02-two.en.md", 0, S::Warning,
       "this body file is empty", 2},
      {"a link that is not a web address",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nlink = \"www.example.org\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "starting with https://", 2},
      {"tags that are not a list",
       [](auto& t) { t.write("sections/01-alpha/02-two.toml", "title = \"二\"\ntags = \"history\"\n"); },
       "01-alpha/02-two.toml", 2, S::Error, "'tags' must be a list", 2},
      {"a theme colour without #",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "[kiosk.theme]\naccent = \"D4A24C\"\n");
       },
       "kiosk.toml", 5, S::Error, "'accent' must be a colour", 2},
      {"opening hours that close before they open",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "[kiosk.opening_hours]\nmon = \"17:00-09:00\"\n");
       },
       "kiosk.toml", 5, S::Error, "opening hours for mon", 2},
      {"a misspelt weekday in opening hours",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                               "[kiosk.opening_hours]\nmonday = \"09:00-17:00\"\n");
       },
       "kiosk.toml", 5, S::Warning, "did you mean 'mon'", 2},
      {"a logo that does not exist",
       [](auto& t) {
         t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\nlogo = \"logo.png\"\n");
       },
       "kiosk.toml", 4, S::Error, "'logo.png' does not exist", 2},
      {"a language listed twice",
       [](auto& t) { t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\", \"en\"]\ndefault_language = \"zh-Hans\"\n"); },
       "kiosk.toml", 2, S::Warning, "listed twice", 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    TempFolder t;
    writeValidFolder(t);
    c.breakIt(t);
    const LoadResult r = loadContent(t.path());
    std::error_code ec;
    std::filesystem::remove_all(t.path().string() + "-outside", ec);
    INFO(dump(r));
    REQUIRE(r.content); // a broken file never takes the rest of the content down
    const Diagnostic* d = find(r, c.file, c.message);
    REQUIRE_MESSAGE(d != nullptr, "no diagnostic for " << c.file << " containing '" << c.message << "'");
    CHECK(d->severity == c.severity);
    if (c.line) CHECK(d->line == c.line);
    if (c.line) CHECK(d->column >= 1);
    if (c.itemsLeft >= 0) {
      const Section* alpha = r.content->findSection("alpha");
      REQUIRE(alpha);
      CHECK(static_cast<int>(alpha->items.size()) == c.itemsLeft);
    }
  }
}

TEST_CASE("[ContentLoader] a body in its own file is read, parsed and drawn from its language") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/02-two.en.md", "# Heading\n\nA **bold** start.\n\n- one\n- two\n");
  t.write("sections/01-alpha/02-two.zh-Hans.md", "第一段。\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty());
  const Item* two = r.content->findItem("alpha", "two");
  REQUIRE(two);
  CHECK(two->body.get("zh-Hans") == "第一段。\n");
  const RichText* en = two->richBody("en", "zh-Hans");
  REQUIRE(en);
  REQUIRE(en->size() == 4);
  CHECK((*en)[0].kind == RichBlock::Kind::Heading);
  CHECK((*en)[1].text == "A bold start.");
  REQUIRE((*en)[1].strong.size() == 1);
  CHECK((*en)[1].text.substr((*en)[1].strong[0].begin, 4) == "bold");
  CHECK((*en)[3].kind == RichBlock::Kind::Bullet);
}

TEST_CASE("[ContentLoader] link, tags, event dates, theme and opening hours are read") {
  TempFolder t;
  writeValidFolder(t);
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n"
                        "[kiosk.theme]\naccent = \"#112233\"\n[kiosk.opening_hours]\nmon = \"09:30-17:00\"\nsun = \"closed\"\n");
  t.write("sections/01-alpha/02-two.toml", "title = \"二\"\nlink = \"https://example.org/a\"\ntags = [\"x\", \"y\"]\n"
                                           "show_from = 2026-12-01\nshow_until = 2026-12-31\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK_FALSE(hasErrors(r.diagnostics));
  const auto& s = r.content->settings;
  CHECK(s.accentColour == 0x112233FFu);
  REQUIRE(s.openingHours[0]);
  CHECK(s.openingHours[0]->open == 9 * 60 + 30);
  CHECK_FALSE(s.openingHours[6]);
  CHECK(s.openingHours[2]->close == 24 * 60); // not given: open all day
  const Item* two = r.content->findItem("alpha", "two");
  REQUIRE(two);
  CHECK(two->link == "https://example.org/a");
  CHECK(two->tags == std::vector<std::string>{"x", "y"});
  CHECK_FALSE(two->visibleOn({2026, 11, 30}));
  CHECK(two->visibleOn({2026, 12, 1}));
  CHECK(two->visibleOn({2026, 12, 31}));
  CHECK_FALSE(two->visibleOn({2027, 1, 1}));
}

TEST_CASE("[ContentLoader] a missing content folder is reported, not fatal") {
  const LoadResult r = loadContent("/nonexistent/kiosk/content");
  CHECK_FALSE(r.content);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].file == "/nonexistent/kiosk/content");
  CHECK(r.diagnostics[0].message.find("not found") != std::string::npos);
}

TEST_CASE("[ContentLoader] a file given as the content folder is reported") {
  TempFolder t;
  t.write("file.txt", "x");
  const LoadResult r = loadContent(t.path() / "file.txt");
  CHECK_FALSE(r.content);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("not a content folder") != std::string::npos);
}

TEST_CASE("[ContentLoader] the loader never writes to the content folder") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/02-two.toml", "title = {\n"); // broken on purpose
  auto snapshot = [&] {
    std::vector<std::pair<std::string, std::filesystem::file_time_type>> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(t.path()))
      files.emplace_back(e.path().string(), e.last_write_time());
    std::sort(files.begin(), files.end());
    return files;
  };
  const auto before = snapshot();
  (void)loadContent(t.path());
  CHECK(snapshot() == before);
}

TEST_CASE("[ContentLoader] attract images are section covers then item images, skipping missing ones") {
  TempFolder t;
  writeValidFolder(t);
  std::filesystem::remove(t.path() / "sections/01-alpha/images/one.png");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  const auto images = r.content->attractImages(CivilDate{});
  REQUIRE(images.size() == 1);
  CHECK(images[0]->file.filename() == "cover.png");
}

TEST_CASE("[ContentLoader] a missing zh-Hant text is made from zh-Hans and marked machine-converted") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"zh-Hant\", \"en\"]\ndefault_language = \"zh-Hans\"\n");
  t.write("sections/01-a/section.toml", "[title]\nzh-Hans = \"沈阳\"\nzh-Hant = \"瀋陽（人工）\"\nen = \"Shenyang\"\n");
  t.write("sections/01-a/01-b.toml", "[title]\nzh-Hans = \"历史\"\nen = \"History\"\n");
  t.write("sections/01-a/01-b.zh-Hans.md", "沈阳历史悠久。\n");
  t.write("sections/01-a/01-b.en.md", "A long history.\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty()); // converted texts are not "missing"
  const Section* a = r.content->findSection("a");
  CHECK(a->title.get("zh-Hant") == "瀋陽（人工）"); // a human translation is never replaced
  CHECK(a->title.machineConverted.empty());
  const Item* b = r.content->findItem("a", "b");
  CHECK(b->title.get("zh-Hant") == "歷史");
  CHECK(b->title.machineConverted.count("zh-Hant"));
  CHECK(b->body.get("zh-Hant") == "瀋陽歷史悠久。\n");
  REQUIRE(b->richBody("zh-Hant", "zh-Hans"));
  CHECK(b->richBody("zh-Hant", "zh-Hans")->front().text == "瀋陽歷史悠久。");
}

TEST_CASE("[ContentLoader] texts fall back field by field: zh-Hant, then zh-Hans, then English, then the default") {
  LocalizedText t;
  t.byLanguage = {{"zh-Hans", "简"}, {"en", "En"}, {"ja", "日"}};
  CHECK(t.get("zh-Hant", "ja") == "简");
  CHECK(t.get("ru", "ja") == "En"); // a Russian visitor reads English before the default Japanese
  t.byLanguage.erase("en");
  CHECK(t.get("ru", "ja") == "日");
  CHECK(languageFallbacks("zh-Hans", "en") == std::vector<std::string>{"zh-Hans", "zh-Hant", "en"});
}

TEST_CASE("[ContentLoader] admin_pin: a hash is read, the PIN itself or a broken hash is an error that never shows it") {
  const std::string head = "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n";
  // The PIN 246813, as `kiosk hash-pin` prints it.
  const std::string argon =
      "$argon2id$v=19$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk";
  // The PIN 2468 (salt 00..0f, 10000 rounds), as an older kiosk's hash-pin printed it.
  const std::string hash =
      "pbkdf2-sha256$10000$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1";
  TempFolder t;
  writeValidFolder(t);

  SUBCASE("no admin_pin: no admin view, and no complaint (a kiosk may do without)") {
    const LoadResult r = loadContent(t.path());
    REQUIRE(r.content);
    CHECK(r.diagnostics.empty());
    CHECK_FALSE(r.content->settings.adminPin);
  }
  SUBCASE("a hash made by kiosk hash-pin is read") {
    t.write("kiosk.toml", head + "admin_pin = \"" + argon + "\"\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.content->settings.adminPin);
    CHECK_FALSE(r.content->settings.adminPin->legacy());
    CHECK(verifyPin("246813", *r.content->settings.adminPin));
  }
  SUBCASE("an older kiosk's hash still opens the view, with a warning to make a new one") {
    t.write("kiosk.toml", head + "admin_pin = \"" + hash + "\"\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    REQUIRE(r.content->settings.adminPin);
    CHECK(r.content->settings.adminPin->legacy());
    CHECK(r.content->settings.adminPin->iterations == 10000);
    CHECK(verifyPin("2468", *r.content->settings.adminPin));
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.severity == Diagnostic::Severity::Warning);
    CHECK(d.line == 4);
    CHECK(d.message.find("old-style hash") != std::string::npos);
    CHECK(d.message.find("at least 6 digits") != std::string::npos);
    CHECK(d.message.find("kiosk hash-pin") != std::string::npos);
    CHECK(d.format().find("1a08d6") == std::string::npos);
  }
  auto quoted = [](const std::string& text) {
    std::string q = "\"";
    q += text;
    q += '"';
    return q;
  };
  // Each mistake: its value, and words the message must have.
  const std::pair<std::string, const char*> mistakes[] = {
      {"\"2468\"", "never the PIN itself"},
      {"\"  13579 \"", "never the PIN itself"},
      {"2468", "never the PIN itself"}, // a number, without quotes
      {quoted(hash.substr(0, hash.size() - 10)), "cut short"},
      {quoted(argon.substr(0, argon.size() - 10)), "cut short"},
      {"\"sha1$2468\"", "four parts"},
      {"true", "text in quotes"},
  };
  for (const auto& mistake : mistakes) {
    // Named copies, not a structured binding: clang 14 (the sanitizer build) cannot capture a
    // binding in CAPTURE's lambda.
    const std::string& value = mistake.first;
    const char* words = mistake.second;
    CAPTURE(value);
    t.write("kiosk.toml", head + "admin_pin = " + value + "\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    CHECK_FALSE(r.content->settings.adminPin); // a broken PIN opens nothing
    const Diagnostic* d = find(r, "kiosk.toml", words);
    REQUIRE(d);
    CHECK(r.diagnostics.size() == 1);
    CHECK(d->severity == Diagnostic::Severity::Error);
    CHECK(d->line == 4);
    CHECK(d->column == 13); // the value, after `admin_pin = `
    CHECK(d->message.find("kiosk hash-pin") != std::string::npos);
    // Nothing of the value is repeated: a PIN written here must not reach a screen or a log.
    for (const char* digits : {"2468", "13579", "1a08d6", "5PGdnN"}) CHECK(d->format().find(digits) == std::string::npos);
  }
}

TEST_CASE("[ContentLoader] the sample ships without an admin PIN, so no installed kiosk has a known one") {
  const LoadResult r = loadContent(kiosk::test::sampleContent());
  REQUIRE(r.content);
  CHECK_FALSE(r.content->settings.adminPin);
  CHECK_FALSE(hasErrors(r.diagnostics));
}

//-----------------------------------------------------------------------------
// Maps: a picture with numbered points
//-----------------------------------------------------------------------------

namespace {

// The first 24 bytes of a PNG of w x h: all the loader reads of a map picture.
std::string pngHeader(unsigned w, unsigned h) {
  std::string b = "\x89PNG\r\n\x1A\n";
  b += std::string("\0\0\0\x0D", 4) + "IHDR";
  for (unsigned v : {w, h})
    for (int shift = 24; shift >= 0; shift -= 8) b += static_cast<char>((v >> shift) & 0xFF);
  return b;
}

// The line (1-based) of the first line of `text` containing `marker`; 0 when none does.
int lineOf(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  return at == std::string::npos ? 0 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

const std::string kMapTitle = "title = { zh-Hans = \"图\", en = \"Map\" }\n";
const std::string kMapHead = "[map]\nimage = \"images/map.png\"\n";
const std::string kPoint = "[[map.points]]\nx = 10\ny = 20\nitem = \"one\"\nlabel = { zh-Hans = \"一\", en = \"One\" }\n";

// writeValidFolder, a 1000 x 500 map picture, and a second section with an item to link to.
void writeMapFolder(const TempFolder& t) {
  writeValidFolder(t);
  t.write("sections/01-alpha/images/map.png", pngHeader(1000, 500));
  t.write("sections/02-beta/section.toml", "title = { zh-Hans = \"乙\", en = \"Beta\" }\n");
  t.write("sections/02-beta/01-far.toml", "title = { zh-Hans = \"远\", en = \"Far\" }\n");
}

} // namespace

TEST_CASE("[ContentLoader] a map's points are read in order, as fractions of the picture, linked or with a text") {
  TempFolder t;
  writeMapFolder(t);
  t.write("sections/01-alpha/03-map.toml", kMapTitle + R"([map]
image = "images/map.png"
caption = { zh-Hans = "示意图", en = "A sketch map" }
alt = { zh-Hans = "一张地图", en = "A map" }
[[map.points]]
x = 250
y = 125.5
item = "one"
label = { zh-Hans = "一", en = "One" }

[[map.points]]
x = 1000
y = 0
item = "beta/far"
label = { zh-Hans = "远", en = "Far" }

[[map.points]]
x = 0
y = 500
[map.points.label]
zh-Hans = "角"
en = "Corner"
[map.points.text]
zh-Hans = "地图的一角。"
en = "A corner of the map."
)");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty());
  const Item* item = r.content->findItem("alpha", "map");
  REQUIRE(item);
  REQUIRE(item->map);
  const HotspotMap& map = *item->map;
  CHECK(map.image.exists);
  CHECK(map.image.displayPath.find("images/map.png") != std::string::npos);
  CHECK(map.image.caption.get("en") == "A sketch map");
  CHECK(map.width == 1000);
  CHECK(map.height == 500);
  REQUIRE(map.points.size() == 3);
  CHECK(map.points[0].number == 1);
  CHECK(map.points[2].number == 3);
  CHECK(map.points[0].x == doctest::Approx(0.25));
  CHECK(map.points[0].y == doctest::Approx(0.251));
  CHECK(map.points[1].x == doctest::Approx(1.0));
  CHECK(map.points[1].y == doctest::Approx(0.0));
  CHECK(map.points[2].y == doctest::Approx(1.0));
  // "one" is an item of the map's own section; "beta/far" one of another.
  CHECK(map.points[0].sectionId == "alpha");
  CHECK(map.points[0].itemId == "one");
  CHECK(r.content->findItem(map.points[0]) == r.content->findItem("alpha", "one"));
  CHECK(r.content->findItem(map.points[1]) == r.content->findItem("beta", "far"));
  CHECK(map.points[0].label.get("en") == "One");
  CHECK(map.points[0].text.empty());
  CHECK_FALSE(map.points[2].opensItem());
  CHECK(r.content->findItem(map.points[2]) == nullptr);
  CHECK(map.points[2].text.get("zh-Hans") == "地图的一角。");
  CHECK(map.points[1].namedIn.find("03-map.toml") != std::string::npos);
  CHECK(map.points[1].line == 12); // its [[map.points]]
}

TEST_CASE("[ContentLoader] a map's picture is its card picture, is checked like any picture, and is no attract picture") {
  TempFolder t;
  writeMapFolder(t);
  t.write("sections/01-alpha/03-map.toml", kMapTitle + kMapHead + "alt = { zh-Hans = \"一张地图\", en = \"A map\" }\n" + kPoint);
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty());
  const Item* map = r.content->findItem("alpha", "map");
  REQUIRE(map);
  REQUIRE(map->cardImage());
  CHECK(map->cardImage() == &map->map->image); // no [[images]]: the map shows on the card
  const Item* one = r.content->findItem("alpha", "one");
  CHECK(one->cardImage() == &one->images.front());
  CHECK(r.content->findItem("alpha", "two")->cardImage() == nullptr);
  for (const ImageRef* img : r.content->attractImages(CivilDate{2026, 1, 1})) CHECK(img->file.filename() != "map.png");
  const auto pictures = r.content->pictures();
  CHECK(std::count_if(pictures.begin(), pictures.end(), [](const ImageRef* i) { return i->file.filename() == "map.png"; }) == 1);
  // Its caption and labels are texts the translation report and font checks see.
  bool label = false;
  for (const auto& place : r.content->texts()) label |= place.what == "label of map point 1" && place.text->get("en") == "One";
  CHECK(label);
}

TEST_CASE("[ContentLoader] malformed maps are reported at their line, never crash, and keep only valid points") {
  using S = Diagnostic::Severity;
  struct MapCase {
    const char* name;
    std::string map;     // the item file after its title
    const char* at;      // text on the line the diagnostic names ("" = no line expected)
    S severity;
    const char* message; // part of the message
    int pointsLeft;      // points in the model afterwards; -1: the item has no map
  };
  const std::string p = "[[map.points]]\n";
  const std::string label = "label = { zh-Hans = \"一\", en = \"One\" }\n";
  const std::string xy = "x = 10\ny = 20\n";
  std::string many = kMapHead;
  for (int i = 0; i < 41; ++i) many += kPoint;
  const std::vector<MapCase> cases = {
      {"a map written as a string", "map = \"images/map.png\"\n", "map =", S::Error, "'map' must be a table", -1},
      {"a map without a picture", "[map]\ncaption = \"c\"\n", "[map]", S::Error, "has no 'image'", -1},
      {"a picture that does not exist", "[map]\nimage = \"images/nope.png\"\n" + kPoint, "image =", S::Error, "nope.png", 0},
      {"a picture outside the folder", "[map]\nimage = \"../../../../etc/passwd\"\n", "image =", S::Error,
       "outside the content folder", -1},
      {"a picture named by a number", "[map]\nimage = 5\n", "image =", S::Error, "file name in quotes", -1},
      {"a picture that is no picture",
       "[map]\nimage = \"images/one.png\"\n" + kPoint, "image =", S::Error, "cannot read the size", 0},
      {"points that are not a list", kMapHead + "points = 3\n", "points =", S::Error, "'points' must be a list", 0},
      {"points written as one table", kMapHead + "[map.points]\nx = 1\n", "[map.points]", S::Error, "'points' must be a list", 0},
      {"a point that is a number", kMapHead + "points = [1, 2]\n", "points =", S::Error, "each point must be a table", 0},
      {"x in quotes", kMapHead + p + "x = \"12\"\ny = 20\nitem = \"one\"\n" + label, "x =", S::Error, "'x' must be a number", 0},
      {"x that is true", kMapHead + p + "x = true\ny = 20\nitem = \"one\"\n" + label, "x =", S::Error, "'x' must be a number", 0},
      {"x that is a list", kMapHead + p + "x = [1]\ny = 20\nitem = \"one\"\n" + label, "x =", S::Error, "'x' must be a number", 0},
      {"a negative x", kMapHead + p + "x = -5\ny = 20\nitem = \"one\"\n" + label, "x =", S::Error, "outside the picture", 0},
      {"y past the picture", kMapHead + p + "x = 5\ny = 500.5\nitem = \"one\"\n" + label, "y =", S::Error, "1000 x 500", 0},
      {"a huge y", kMapHead + p + "x = 5\ny = 1e300\nitem = \"one\"\n" + label, "y =", S::Error, "outside the picture", 0},
      {"the largest integer", kMapHead + p + "x = 9223372036854775807\ny = 1\nitem = \"one\"\n" + label, "x =", S::Error,
       "outside the picture", 0},
      {"x = nan", kMapHead + p + "x = nan\ny = 20\nitem = \"one\"\n" + label, "x =", S::Error, "'x' must be a number", 0},
      {"y = -inf", kMapHead + p + "x = 1\ny = -inf\nitem = \"one\"\n" + label, "y =", S::Error, "'y' must be a number", 0},
      {"no x", kMapHead + p + "y = 20\nitem = \"one\"\n" + label, "[[map.points]]", S::Error, "has no 'x'", 0},
      {"no label", kMapHead + p + xy + "item = \"one\"\n", "[[map.points]]", S::Error, "has no label", 0},
      {"a label without the default language", kMapHead + p + xy + "item = \"one\"\nlabel = { en = \"One\" }\n", "label =",
       S::Error, "label has no 'zh-Hans' text, the default language", 0},
      {"a label that is a number", kMapHead + p + xy + "item = \"one\"\nlabel = 3\n", "label =", S::Error, "text in quotes", 0},
      {"a label with a number in a language", kMapHead + p + xy + "item = \"one\"\nlabel = { zh-Hans = 1 }\n", "label =", S::Error,
       "must be a string in quotes", 0},
      {"both item and text", kMapHead + p + xy + "item = \"one\"\ntext = \"x\"\n" + label, "item =", S::Error,
       "both 'item' and 'text'", 0},
      {"neither item nor text", kMapHead + p + xy + label, "[[map.points]]", S::Error, "neither 'item' nor 'text'", 0},
      {"an empty text", kMapHead + p + xy + "text = {}\n" + label, "text =", S::Error, "text is empty", 0},
      {"an item that is a number", kMapHead + p + xy + "item = 7\n" + label, "item =", S::Error, "'item' must name an item", 0},
      {"an item with two slashes", kMapHead + p + xy + "item = \"a/b/c\"\n" + label, "item =", S::Error, "must name an item", 0},
      {"an item without a section", kMapHead + p + xy + "item = \"/one\"\n" + label, "item =", S::Error, "must name an item", 0},
      {"an empty item", kMapHead + p + xy + "item = \"\"\n" + label, "item =", S::Error, "must name an item", 0},
      {"an item that does not exist", kMapHead + kPoint + p + xy + "item = \"nowhere\"\n" + label, "[[map.points]]\nx = 10\ny = 20\nitem = \"nowhere\"",
       S::Error, "has no such item", 1},
      {"a misspelt item gets a did-you-mean", kMapHead + p + xy + "item = \"on\"\n" + label, "[[map.points]]", S::Error,
       "did you mean 'one'", 0},
      {"an item of a section that does not exist", kMapHead + p + xy + "item = \"gamma/one\"\n" + label, "[[map.points]]",
       S::Error, "no such section (there are: alpha, beta)", 0},
      {"a point linking to its own map", kMapHead + p + xy + "item = \"map\"\n" + label, "item =", S::Warning,
       "the map's own item", 1},
      {"a misspelt key in a point", kMapHead + p + xy + "item = \"one\"\n" + label + "lable = \"x\"\n", "lable", S::Warning,
       "did you mean 'label'", 1},
      {"a misspelt key in the map", kMapHead + "captoin = \"x\"\n" + kPoint, "captoin", S::Warning, "did you mean 'caption'", 1},
      {"a map without points", kMapHead, "[map]", S::Warning, "has no points", 0},
      {"41 points", many, "", S::Error, "at most 40 points", 40},
      {"a copied point at the same place", kMapHead + kPoint + p + xy + "item = \"one\"\nlabel = { zh-Hans = \"二\", en = \"Two\" }\n",
       "[[map.points]]\nx = 10\ny = 20\nitem = \"one\"\nlabel = { zh-Hans = \"二\"", S::Warning,
       "point 2 is at the same place as point 1 (x = 10, y = 20)", 2},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    TempFolder t;
    writeMapFolder(t);
    const std::string text = kMapTitle + c.map;
    t.write("sections/01-alpha/03-map.toml", text);
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content); // a broken map never takes the rest of the content down
    const Diagnostic* d = find(r, "01-alpha/03-map.toml", c.message);
    REQUIRE_MESSAGE(d != nullptr, "no diagnostic containing '" << c.message << "'");
    CHECK(d->severity == c.severity);
    if (*c.at) {
      CHECK(d->line == lineOf(text, c.at));
      CHECK(d->column >= 1);
    }
    const Item* item = r.content->findItem("alpha", "map");
    REQUIRE(item); // the item itself still shows
    if (c.pointsLeft < 0) {
      CHECK_FALSE(item->map);
    } else {
      REQUIRE(item->map);
      CHECK(static_cast<int>(item->map->points.size()) == c.pointsLeft);
      for (size_t i = 0; i < item->map->points.size(); ++i) {
        const MapPoint& point = item->map->points[i];
        CHECK(point.number == static_cast<int>(i) + 1);
        CHECK(point.x >= 0.0f);
        CHECK(point.x <= 1.0f);
        CHECK(point.y >= 0.0f);
        CHECK(point.y <= 1.0f);
        CHECK(point.label.has("zh-Hans"));
        CHECK(point.opensItem() != !point.text.empty());
        if (point.opensItem()) CHECK(r.content->findItem(point));
      }
    }
  }
}

//-----------------------------------------------------------------------------
// Links to take to a phone, per language
//-----------------------------------------------------------------------------

TEST_CASE("[ContentLoader] a link written as one address opens in every language, as before") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", en = \"Two\" }\nlink = \"https://example.org/page\"\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK(r.diagnostics.empty());
  const Item* two = r.content->findItem("alpha", "two");
  CHECK(two->link == "https://example.org/page");
  const auto target = two->phoneLink.forVisitor("ru", "zh-Hans");
  REQUIRE(target);
  CHECK(target->url == "https://example.org/page");
  CHECK(target->language == PhoneLink::kAnyLanguage); // the UI says nothing about its language
  CHECK(two->phoneLink.namedIn.find("02-two.toml") != std::string::npos);
  CHECK(two->phoneLink.line == 2);
  CHECK_FALSE(r.content->findItem("alpha", "one")->phoneLink.forVisitor("en", "zh-Hans"));
}

TEST_CASE("[ContentLoader] a link per language opens the visitor's page, else the page texts fall back to") {
  TempFolder t;
  writeValidFolder(t);
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"zh-Hant\", \"en\", \"ja\", \"ru\"]\ndefault_language = \"zh-Hans\"\n"
                        "link = \"https://www.example.gov.cn/\"\n"
                        "link_title = { zh-Hans = \"官网\", zh-Hant = \"官網\", en = \"Official site\", ja = \"公式サイト\", ru = \"Сайт\" }\n");
  t.write("sections/01-alpha/section.toml", "title = { zh-Hans = \"甲\", en = \"Alpha\", zh-Hant = \"甲\", ja = \"甲\", ru = \"А\" }\n"
                                            "[link]\nzh-Hans = \"https://mp.weixin.qq.com/s/abc\"\nru = \"https://example.org/ru/alpha\"\n");
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", zh-Hant = \"二\", en = \"Two\", ja = \"二\", ru = \"Два\" }\n"
                                           "[link]\nzh-Hans = \"https://example.cn/two\"\nen = \"https://example.org/two\"\n"
                                           "[link_title]\nzh-Hans = \"第二页\"\nzh-Hant = \"第二頁\"\nen = \"Page two\"\nja = \"二ページ\"\nru = \"Вторая\"\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  CHECK_FALSE(hasErrors(r.diagnostics));
  using Target = PhoneLink::Target;
  const PhoneLink& item = r.content->findItem("alpha", "two")->phoneLink;
  CHECK(item.forVisitor("en", "zh-Hans") == Target{"https://example.org/two", "en"});
  CHECK(item.forVisitor("zh-Hans", "zh-Hans") == Target{"https://example.cn/two", "zh-Hans"});
  CHECK(item.forVisitor("zh-Hant", "zh-Hans") == Target{"https://example.cn/two", "zh-Hans"}); // the sibling script first
  CHECK(item.forVisitor("ja", "zh-Hans") == Target{"https://example.org/two", "en"});          // then English
  CHECK(item.title.get("ja") == "二ページ");
  CHECK(r.content->findItem("alpha", "two")->link == "https://example.cn/two"); // the default language's
  const PhoneLink& section = r.content->findSection("alpha")->phoneLink;
  CHECK(section.forVisitor("ru", "zh-Hans") == Target{"https://example.org/ru/alpha", "ru"});
  CHECK(section.forVisitor("ja", "zh-Hans") == Target{"https://mp.weixin.qq.com/s/abc", "zh-Hans"}); // no en: the default
  const PhoneLink& home = r.content->settings.phoneLink;
  CHECK(home.forVisitor("ja", "zh-Hans") == Target{"https://www.example.gov.cn/", ""});
  CHECK(home.title.get("en") == "Official site");
  // No English, no default: any address rather than none.
  PhoneLink only;
  only.byLanguage["ko"] = "https://example.kr/";
  CHECK(only.forVisitor("ru", "zh-Hans") == Target{"https://example.kr/", "ko"});
}

TEST_CASE("[ContentLoader] broken links are reported at their line") {
  using S = Diagnostic::Severity;
  struct LinkCase {
    const char* name;
    const char* file;
    std::string text;
    const char* at;
    S severity;
    const char* message;
  };
  const std::string item = "sections/01-alpha/02-two.toml", section = "sections/01-alpha/section.toml", kiosk = "kiosk.toml";
  const std::string title = "title = { zh-Hans = \"二\", en = \"Two\" }\n";
  const std::string head = "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n";
  const std::string linkTitle = "link_title = { zh-Hans = \"官网\", en = \"The official site\" }\n";
  const std::vector<LinkCase> cases = {
      {"an address without https://", "02-two.toml", title + "link = \"www.example.org/a\"\n", "link =", S::Error, "starting with https://"},
      {"an address with a space", "02-two.toml", title + "link = \"https://example.org/a b\"\n", "link =", S::Error, "a space (write %20)"},
      {"an address without a host", "02-two.toml", title + "link = \"https:///path\"\n", "link =", S::Error, "no site name"},
      // U+202E shows "https://example.org/exe.png" for an address that opens ".../gnp.exe".
      {"an address with a right-to-left override", "02-two.toml", title + "link = \"https://example.org/\u202Egnp.exe\"\n",
       "link =", S::Error, "invisible or direction-changing character (U+202E) at character 21"},
      {"an address with a zero-width space", "02-two.toml", title + "link = \"https://exa\u200Bmple.org/\"\n", "link =",
       S::Error, "(U+200B)"},
      {"an address with Arabic letters", "02-two.toml", title + "link = \"https://example.org/\u0645\u0631\"\n", "link =",
       S::Error, "right-to-left letter"},
      {"a javascript: address", "02-two.toml", title + "link = \"javascript:alert(1)\"\n", "link =", S::Error,
       "javascript:, file: or data:"},
      {"a link that is a number", "02-two.toml", title + "link = 42\n", "link =", S::Error, "'link' must be a web address"},
      {"a link that is a list", "02-two.toml", title + "link = [\"https://example.org/a\"]\n", "link =", S::Error,
       "one per language"},
      {"one language's address is broken", "02-two.toml", title + "[link]\nen = \"https://example.org/a\"\nzh-Hans = \"example.cn\"\n",
       "zh-Hans = \"example", S::Error, "the 'zh-Hans' address of 'link'"},
      {"a link in a language tag that is no tag", "02-two.toml", title + "[link]\nchinese = \"https://example.cn/a\"\n", "chinese",
       S::Error, "'chinese' is not a language tag"},
      {"a link table without addresses", "02-two.toml", title + "link = {}\n", "link =", S::Error, "has no addresses"},
      {"a home page without a title", "02-two.toml", title + "link = \"https://www.example.org/\"\n", "link =", S::Warning,
       "opens the home page of www.example.org, not this page"},
      {"a home page without a slash or title", "02-two.toml", title + "[link]\nen = \"https://example.org\"\n", "en = \"https", S::Warning,
       "home page of example.org"},
      {"an address with http://", "02-two.toml", title + "link = \"http://example.org/a\"\n", "link =", S::Warning,
       "starts with http://, which visitors' phones open as \"Not secure\""},
      {"a title without a link", "02-two.toml", title + linkTitle, "link_title", S::Warning, "there is no 'link' here"},
      {"a title that is a number", "02-two.toml", title + "link = \"https://example.org/a\"\nlink_title = 5\n", "link_title",
       S::Error, "'link_title' must be text"},
      {"a title missing a language", "02-two.toml", title + "link = \"https://example.org/a\"\nlink_title = { en = \"Page\" }\n",
       "link_title", S::Warning, "(zh-Hans): 1 text in 01-alpha has no translation"},
      {"a section's home page", "section.toml", "title = \"甲\"\nlink = \"https://example.org/?\"\n", "link =", S::Warning,
       "home page of example.org"},
      {"a misspelt section key", "section.toml", "title = \"甲\"\nlink_tilte = \"x\"\n", "link_tilte", S::Warning,
       "did you mean 'link_title'"},
      {"the home screen's broken link", "kiosk.toml", head + "link = \"ftp://example.org/a\"\n", "link =", S::Error,
       "starting with https://"},
      {"the home screen's home page", "kiosk.toml", head + "[kiosk.link]\nen = \"https://example.org/#top\"\n", "en = \"https", S::Warning,
       "home page of example.org"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    TempFolder t;
    writeValidFolder(t);
    const std::string file = std::string(c.file) == "section.toml" ? section : std::string(c.file) == "kiosk.toml" ? kiosk : item;
    t.write(file, c.text);
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    const Diagnostic* d = find(r, c.file, c.message);
    REQUIRE_MESSAGE(d != nullptr, "no diagnostic containing '" << c.message << "'");
    CHECK(d->severity == c.severity);
    CHECK(d->line == lineOf(c.text, c.at));
  }
  // A home page with a title saying what it is, or a page deeper in the site, is fine.
  for (const std::string& link : {"link = \"https://www.example.org/\"\n" + linkTitle, std::string("link = \"https://example.org/a\"\n"),
                                 std::string("link = \"https://example.org/?page=2\"\n")}) {
    CAPTURE(link);
    TempFolder t;
    writeValidFolder(t);
    t.write(item, title + link);
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    CHECK(r.diagnostics.empty());
  }
}

//-----------------------------------------------------------------------------
// The idle countdown: 20 to 120 seconds
//-----------------------------------------------------------------------------

TEST_CASE("[ContentLoader] the idle countdown defaults to 20 s and is clamped into 20 to 120 s with a warning") {
  const std::string head = "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n";
  {
    TempFolder t;
    writeValidFolder(t);
    const LoadResult r = loadContent(t.path());
    REQUIRE(r.content);
    CHECK(r.content->settings.idleCountdownSeconds == 20);
    CHECK(KioskSettings{}.idleCountdownSeconds == 20);
  }
  struct Case {
    std::string value;
    double used;
    const char* message; // "" = no diagnostic
    Diagnostic::Severity severity;
  };
  using S = Diagnostic::Severity;
  const std::vector<Case> cases = {
      {"20", 20, "", S::Warning},
      {"45.5", 45.5, "", S::Warning},
      {"120", 120, "", S::Warning},
      {"10", 20, "'idle_countdown_seconds' is 10, outside the allowed 20 to 120 seconds, so the kiosk uses 20", S::Warning},
      {"0", 20, "at least 20 seconds to answer", S::Warning},
      {"-3", 20, "so the kiosk uses 20", S::Warning},
      {"600", 120, "so the kiosk uses 120", S::Warning},
      {"19.5", 20, "WCAG 2.2", S::Warning},
      {"\"30\"", 20, "must be a number of seconds from 20 to 120", S::Error},
      {"nan", 20, "must be a number of seconds from 20 to 120", S::Error},
      {"inf", 20, "must be a number of seconds from 20 to 120", S::Error},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value);
    TempFolder t;
    writeValidFolder(t);
    t.write("kiosk.toml", head + "idle_countdown_seconds = " + c.value + "\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    CHECK(r.content->settings.idleCountdownSeconds == c.used); // the kiosk keeps running either way
    if (!*c.message) {
      CHECK(r.diagnostics.empty());
      continue;
    }
    const Diagnostic* d = find(r, "kiosk.toml", c.message);
    REQUIRE(d);
    CHECK(d->severity == c.severity);
    CHECK(d->line == 4);
    CHECK(d->column == 26); // the value, after `idle_countdown_seconds = `
  }
}

TEST_CASE("[ContentLoader] the sample has a city map and a free trade zone map, every point in eight languages") {
  const LoadResult r = loadContent(kiosk::test::sampleContent());
  INFO(dump(r));
  REQUIRE(r.content);
  const auto& languages = r.content->settings.languages;
  REQUIRE(languages.size() == 8);
  struct Expected {
    const char* section;
    const char* item;
    size_t minPoints, maxPoints;
  };
  for (const Expected& e : {Expected{"culture-tourism", "map-of-shenyang", 5, 7}, Expected{"free-trade-zone", "free-trade-zone-map", 4, 6}}) {
    CAPTURE(e.item);
    const Item* item = r.content->findItem(e.section, e.item);
    REQUIRE(item);
    REQUIRE(item->map);
    CHECK(item->map->image.exists);
    CHECK(item->map->width >= 1280);
    CHECK(item->map->height >= 720);
    CHECK(item->map->points.size() >= e.minPoints);
    CHECK(item->map->points.size() <= e.maxPoints);
    size_t linked = 0, texts = 0;
    for (const MapPoint& p : item->map->points) {
      CAPTURE(p.number);
      for (const auto& lang : languages) {
        CAPTURE(lang);
        CHECK(p.label.has(lang));
        CHECK_FALSE(p.label.machineConverted.count(lang));
        if (!p.opensItem()) CHECK(p.text.has(lang));
      }
      if (p.opensItem()) CHECK(r.content->findItem(p));
      (p.opensItem() ? linked : texts)++;
    }
    CHECK(linked >= 2); // the sample shows both kinds of point
    CHECK(texts >= 1);
  }
  // The Mukden Palace point opens the Mukden Palace item.
  const Item* city = r.content->findItem("culture-tourism", "map-of-shenyang");
  REQUIRE(city);
  CHECK(std::any_of(city->map->points.begin(), city->map->points.end(),
                    [](const MapPoint& p) { return p.sectionId == "culture-tourism" && p.itemId == "mukden-palace"; }));
}

TEST_CASE("[ContentLoader] the sample's home, every section and the entry-exit item have a link to take home") {
  const LoadResult r = loadContent(kiosk::test::sampleContent());
  REQUIRE(r.content);
  const auto& settings = r.content->settings;
  auto check = [&](const PhoneLink& link, const std::string& where) {
    CAPTURE(where);
    REQUIRE_FALSE(link.empty());
    for (const auto& lang : settings.languages) {
      CAPTURE(lang);
      const auto target = link.forVisitor(lang, settings.defaultLanguage);
      REQUIRE(target);
      CHECK(target->url.rfind("https://", 0) == 0);
      if (!link.title.empty()) CHECK(link.title.has(lang));
    }
  };
  check(settings.phoneLink, "kiosk.toml");
  CHECK_FALSE(settings.phoneLink.title.empty());
  for (const auto& s : r.content->sections) check(s.phoneLink, s.sourceFile);
  // tests/e2e/qr.kscript scans this item's QR code: the address must stay.
  const Item* port = r.content->findItem("entry-exit", "port-visa-and-transit");
  REQUIRE(port);
  CHECK(port->link == "https://www.nia.gov.cn/");
  check(port->phoneLink, port->sourceFile);
}

TEST_CASE("[ContentLoader] how the screen hangs, for low reach, is read from [kiosk.display] and checked") {
  const std::string head = "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n";
  {
    TempFolder t;
    writeValidFolder(t);
    t.write("kiosk.toml", head + "[kiosk.display]\nheight_mm = 685\nbottom_mm = 760.5\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    CHECK(r.diagnostics.empty());
    CHECK(r.content->settings.displayHeightMm == 685);
    CHECK(r.content->settings.displayBottomMm == 760.5);
  }
  struct Case {
    std::string table;
    const char* message;
    int line;
  };
  const std::vector<Case> cases = {
      {"display = 5\n", "'display' must be a table", 4},
      {"[kiosk.display]\nheight_mm = \"685\"\n", "'height_mm' must be the height of the screen's picture in millimetres", 5},
      {"[kiosk.display]\nheight_mm = -1\n", "from 100 to 5000", 5},
      {"[kiosk.display]\nbottom_mm = nan\n", "'bottom_mm' must be", 5},
      {"[kiosk.display]\nbottom_mm = 1e300\n", "from 0 to 3000", 5},
      {"[kiosk.display]\nheight = 685\n", "height", 5},
  };
  for (const auto& c : cases) {
    CAPTURE(c.table);
    TempFolder t;
    writeValidFolder(t);
    t.write("kiosk.toml", head + c.table);
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content); // the kiosk keeps running, with the 55-inch assumption
    CHECK(r.content->settings.displayHeightMm == 0);
    CHECK(r.content->settings.displayBottomMm < 0);
    REQUIRE(!r.diagnostics.empty());
    CHECK(r.diagnostics.front().message.find(c.message) != std::string::npos);
    CHECK(r.diagnostics.front().line == c.line);
  }
}

TEST_CASE("[ContentLoader] a missing zh-Hans text is made from zh-Hant, marked machine-converted, and each text knows its language") {
  // Issue 14: Traditional-only text was shown to a zh-Hans visitor in Traditional characters.
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"zh-Hans\", \"zh-Hant\", \"en\", \"ru\"]\ndefault_language = \"zh-Hans\"\n");
  t.write("sections/01-a/section.toml", "[title]\nzh-Hant = \"瀋陽歷史\"\nen = \"History\"\n");
  t.write("sections/01-a/01-b.toml", "[title]\nzh-Hant = \"故宮\"\nzh-Hans = \"故宫\"\n");
  t.write("sections/01-a/01-b.zh-Hant.md", "瀋陽故宮建於1625年。\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  const Section* a = r.content->findSection("a");
  CHECK(a->title.get("zh-Hans") == "沈阳历史");
  CHECK(a->title.machineConverted.count("zh-Hans"));
  const Item* b = r.content->findItem("a", "b");
  CHECK(b->title.machineConverted.empty()); // both given: nothing converted
  const std::string* bodyLanguage = nullptr;
  REQUIRE(b->richBody("zh-Hans", "zh-Hans", &bodyLanguage));
  CHECK(*bodyLanguage == "zh-Hans");
  CHECK(b->richBody("zh-Hans", "zh-Hans")->front().text == "沈阳故宫建于1625年。");
  // A Russian visitor reads the English title, and it is English text; the body (no Russian,
  // no English) is Chinese, in the default language's script.
  CHECK(a->title.languageOf("ru", "zh-Hans") == "en");
  REQUIRE(b->richBody("ru", "zh-Hans", &bodyLanguage));
  CHECK(*bodyLanguage == "zh-Hans");
  CHECK(b->title.languageOf("ja", "zh-Hans") == "zh-Hans");
  LocalizedText none;
  CHECK(none.languageOf("ko", "en") == "ko");
}

TEST_CASE("[ContentLoader] digits: latin or native, in any case, and anything else is an error at its line") {
  const std::string head = "[kiosk]\nlanguages = [\"zh-Hans\", \"en\"]\ndefault_language = \"zh-Hans\"\n";
  {
    TempFolder t;
    writeValidFolder(t);
    const LoadResult r = loadContent(t.path());
    REQUIRE(r.content);
    CHECK(r.content->settings.digits == Digits::Locale); // unset: each language's custom
  }
  for (const auto& choice : std::vector<std::pair<std::string, Digits>>{
           {"digits = \"latin\"\n", Digits::Latin}, {"digits = \"Native\"\n", Digits::Native}}) {
    const std::string& line = choice.first; // (not a structured binding: clang 14's CAPTURE cannot see one)
    const Digits digits = choice.second;
    CAPTURE(line);
    TempFolder t;
    writeValidFolder(t);
    t.write("kiosk.toml", head + line);
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    CHECK(r.diagnostics.empty());
    CHECK(r.content->settings.digits == digits);
  }
  for (const auto& bad : std::vector<std::pair<std::string, std::string>>{
           {"digits = \"arabic\"\n", "digits = \"arabic\" is not a choice: write \"latin\" for 0-9 in every language, or \"native\""},
           {"digits = 1\n", "'digits' must be a word in quotes"},
           {"digit = \"latin\"\n", "did you mean 'digits'"}}) {
    const std::string& line = bad.first;
    const std::string& message = bad.second;
    CAPTURE(line);
    TempFolder t;
    writeValidFolder(t);
    t.write("kiosk.toml", head + line);
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(r.content);
    const Diagnostic* d = find(r, "kiosk.toml", message);
    REQUIRE(d);
    CHECK(d->line == 4);
    CHECK(d->column >= 1);
    CHECK(r.content->settings.digits == Digits::Locale);
  }
}

TEST_CASE("[ContentLoader] where each offered language is written in kiosk.toml is kept, for messages about it") {
  TempFolder t;
  writeValidFolder(t);
  t.write("kiosk.toml", "[kiosk]\ndefault_language = \"en\"\nlanguages = [\"en\",\n  \"th\", \"AR\"]\n");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  const auto& s = r.content->settings;
  CHECK(s.file.ends_with("kiosk.toml"));
  REQUIRE(s.languagePlaces.count("ar") == 1); // by its conventional spelling
  CHECK(s.languagePlaces.at("en").line == 3);
  CHECK(s.languagePlaces.at("en").column == 14);
  CHECK(s.languagePlaces.at("th").line == 4);
  CHECK(s.languagePlaces.at("th").column == 3);
  CHECK(s.languagePlaces.at("ar").line == 4);
  CHECK(s.languagePlaces.at("ar").column == 9);
}

// ---- Descriptions read aloud (alt, issue 17) ----

namespace {

std::vector<const Diagnostic*> coded(const LoadResult& r, const std::string& code) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

} // namespace

TEST_CASE("[ContentLoader] a description (alt) is read per language for item pictures, films, maps and covers") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/images/map.png", "not decoded by the loader");
  t.write("sections/01-alpha/images/film.mp4", "not probed by the loader");
  t.write("sections/01-alpha/02-two.toml", R"(title = { zh-Hans = "二", en = "Two" }
[[images]]
file = "images/film.mp4"
[images.caption]
en = "A film"
[images.alt]
zh-Hans = "一部短片"
en = "A short film of the river"
[map]
image = "images/map.png"
alt = "地图"
)");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  const Section& s = r.content->sections.at(0);
  CHECK(s.cover.alt.get("en") == "The cover");
  CHECK(s.cover.alt.get("zh-Hans") == "封面");
  CHECK(s.items.at(0).images.at(0).alt.get("en") == "A picture");
  const Item& two = s.items.at(1);
  CHECK(two.images.at(0).alt.get("en") == "A short film of the river");
  CHECK(two.images.at(0).alt.get("zh-Hans") == "一部短片");
  CHECK(two.images.at(0).caption.get("en") == "A film"); // the caption stays the caption
  REQUIRE(two.map);
  CHECK(two.map->image.alt.get("zh-Hans") == "地图"); // a plain string is the default language's
  CHECK(!two.map->image.alt.has("en"));
  // The map's alt lacks English: one line for the section and language, no "no description".
  CHECK(coded(r, "pictures_undescribed").empty());
  const auto missing = coded(r, "missing_descriptions");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->message ==
        "English (en): 1 picture in 01-alpha has no description in this language; visitors listening in English hear the "
        "description in another language there, and kiosk report translations counts them");
  CHECK(endsWith(missing[0]->file, "02-two.toml"));
  CHECK(missing[0]->line == 11); // at the map's alt
  // Every describable picture, in content order: the cover, the item picture, the film, the map.
  const auto pictures = r.content->describablePictures();
  REQUIRE(pictures.size() == 4);
  CHECK(pictures[0].what == "cover");
  CHECK(pictures[1].what == "image 1");
  CHECK(pictures[2].image == &two.images.at(0));
  CHECK(pictures[3].what == "map");
}

TEST_CASE("[ContentLoader] an alt that is not text is refused at its file, line and column, like a caption") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/01-one.toml", R"(title = { zh-Hans = "一", en = "One" }
[[images]]
file = "images/one.png"
alt = 42
)");
  t.write("sections/01-alpha/02-two.toml", R"(title = { zh-Hans = "二", en = "Two" }
[[images]]
file = "images/one.png"
[images.alt]
zh-Hans = "一张图"
en = true
fr = "Une image"
)");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  const Diagnostic* number = find(r, "01-one.toml", "'alt' must be text in quotes or a table of languages");
  REQUIRE(number);
  CHECK(number->severity == Diagnostic::Severity::Error);
  CHECK(number->line == 4);
  CHECK(number->column == 7);
  const Diagnostic* boolean = find(r, "02-two.toml", "the 'en' text of 'alt' must be a string in quotes");
  REQUIRE(boolean);
  CHECK(boolean->line == 6);
  CHECK(boolean->column == 6);
  const Diagnostic* french = find(r, "02-two.toml", "'alt' has text in 'fr', a language this kiosk does not offer");
  REQUIRE(french);
  CHECK(french->severity == Diagnostic::Severity::Warning);
  CHECK(french->line == 7);
  // Control characters are refused as in every text visitors get.
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", en = \"Two\" }\n[[images]]\nfile = \"images/one.png\"\n"
                                           "alt = { zh-Hans = \"图\", en = \"A \\u001B[2J picture\" }\n");
  const LoadResult esc = loadContent(t.path());
  INFO(dump(esc));
  const Diagnostic* control = find(esc, "02-two.toml", "the 'en' text of 'alt'");
  REQUIRE(control);
  CHECK(control->severity == Diagnostic::Severity::Error);
  CHECK(control->line == 4);
  REQUIRE(esc.content);
  CHECK(!esc.content->sections.at(0).items.at(1).images.at(0).alt.has("en"));
}

TEST_CASE("[ContentLoader] pictures without any description are one warning per section, in the right plural") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/01-one.toml", R"(title = { zh-Hans = "一", en = "One" }
[[images]]
file = "images/one.png"
)");
  {
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    const auto undescribed = coded(r, "pictures_undescribed");
    REQUIRE(undescribed.size() == 1);
    CHECK(undescribed[0]->severity == Diagnostic::Severity::Warning);
    CHECK(undescribed[0]->message ==
          "1 picture in 01-alpha has no description for visitors who cannot see it; add alt after the caption, like "
          "[images.alt] with en = \"what it shows\" (cover_alt for a cover), which the kiosk reads aloud");
    CHECK(endsWith(undescribed[0]->file, "01-one.toml"));
    CHECK(undescribed[0]->line == 3); // where the picture is named
    CHECK(coded(r, "missing_descriptions").empty());
  }
  // Three more without, one of them a cover and one in a second section: 3 in alpha, 1 in beta.
  t.write("sections/01-alpha/section.toml", "title = { zh-Hans = \"甲\", en = \"Alpha\" }\ncover = \"images/cover.png\"\n");
  t.write("sections/01-alpha/02-two.toml", R"(title = { zh-Hans = "二", en = "Two" }
[[images]]
file = "images/one.png"
[images.alt]
en = "  "
)");
  t.write("sections/02-beta/section.toml", "title = { zh-Hans = \"乙\", en = \"Beta\" }\n");
  t.write("sections/02-beta/images/b.png", "x");
  t.write("sections/02-beta/01-b.toml", "title = { zh-Hans = \"乙\", en = \"B\" }\n[[images]]\nfile = \"images/b.png\"\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  const auto undescribed = coded(r, "pictures_undescribed");
  REQUIRE(undescribed.size() == 2);
  CHECK(undescribed[0]->message.rfind("3 pictures in 01-alpha have no description for visitors who cannot see them; ", 0) == 0);
  CHECK(endsWith(undescribed[0]->file, "section.toml")); // the first of them: the cover
  CHECK(undescribed[0]->line == 2);
  CHECK(undescribed[0]->args == std::vector<std::pair<std::string, std::string>>{{"count", "3"}, {"place", "01-alpha"}});
  CHECK(undescribed[1]->message.rfind("1 picture in 02-beta has no description for visitors who cannot see it; ", 0) == 0);
  CHECK(coded(r, "missing_descriptions").empty()); // a blank description is none, not a partial one
}

TEST_CASE("[ContentLoader] pictures described in some languages are one warning per section and language") {
  TempFolder t;
  writeValidFolder(t);
  t.write("kiosk.toml", R"([kiosk]
name = { zh-Hans = "测试", zh-Hant = "測試", en = "Test", ru = "Тест" }
default_language = "zh-Hans"
languages = ["zh-Hans", "zh-Hant", "en", "ru"]
)");
  t.write("sections/01-alpha/section.toml", R"(title = { zh-Hans = "甲", zh-Hant = "甲", en = "Alpha", ru = "Альфа" }
cover = "images/cover.png"
cover_alt = { zh-Hans = "封面", en = "The cover" }
)");
  t.write("sections/01-alpha/01-one.toml", R"(title = { zh-Hans = "一", zh-Hant = "一", en = "One", ru = "Один" }
[[images]]
file = "images/one.png"
alt = { zh-Hans = "一张图", en = "A picture" }
[[images]]
file = "images/one.png"
alt = { zh-Hans = "又一张图", en = "Another", ru = "Ещё одна" }
)");
  t.write("sections/01-alpha/02-two.toml", R"(title = { zh-Hans = "二", zh-Hant = "二", en = "Two", ru = "Два" }
)");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  REQUIRE(r.content);
  // zh-Hant is made from zh-Hans, as for every text; Russian lacks two: one line, plural.
  CHECK(r.content->sections.at(0).cover.alt.has("zh-Hant"));
  CHECK(r.content->sections.at(0).cover.alt.machineConverted.count("zh-Hant") == 1);
  const auto missing = coded(r, "missing_descriptions");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->message ==
        "Русский (ru): 2 pictures in 01-alpha have no description in this language; visitors listening in Русский hear the "
        "description in another language there, and kiosk report translations counts them");
  CHECK(endsWith(missing[0]->file, "section.toml"));
  CHECK(missing[0]->line == 3);
  CHECK(coded(r, "pictures_undescribed").empty());
  CHECK(coded(r, "missing_translations").empty()); // descriptions are not counted as missing texts
}

TEST_CASE("[ContentLoader] cover_alt without a cover is a warning naming what to do") {
  TempFolder t;
  writeValidFolder(t);
  t.write("sections/01-alpha/section.toml", "title = { zh-Hans = \"甲\", en = \"Alpha\" }\ncover_alt = { en = \"The cover\" }\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  const Diagnostic* d = find(r, "section.toml", "'cover_alt' describes the section's cover picture, but there is no 'cover'");
  REQUIRE(d);
  CHECK(d->severity == Diagnostic::Severity::Warning);
  CHECK(d->line == 2);
}

TEST_CASE("[ContentLoader] every picture and film of the sample has a description in every offered language") {
  const LoadResult r = loadContent(kiosk::test::sampleContent());
  REQUIRE(r.content);
  const auto& languages = r.content->settings.languages;
  REQUIRE(languages.size() == 8);
  const auto pictures = r.content->describablePictures();
  CHECK(pictures.size() == 28); // six covers, twenty item pictures and films, two maps
  for (const auto& p : pictures) {
    for (const auto& lang : languages) {
      CAPTURE(p.file);
      CAPTURE(p.what);
      CAPTURE(lang);
      CHECK(p.image->alt.has(lang));
      CHECK(p.image->alt.machineConverted.count(lang) == 0); // written by people, not converted
      CHECK(p.image->alt.get(lang).size() > 20);
    }
  }
}
