// Content written by a careless sync, a mistaken paste or an attacker with write access to the
// folder: each case must end in a clear diagnostic naming the file (and line), never a crash, a
// stall or a silent loss. Issue 13's defects, each pinned here.
#include "TempFolder.h"
#include "core/ContentLoader.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

using namespace kiosk;
using kiosk::test::TempFolder;
namespace fs = std::filesystem;

namespace {

void writeValid(const TempFolder& t, const std::string& languages = "\"zh-Hans\", \"en\"") {
  t.write("kiosk.toml", "[kiosk]\nname = { zh-Hans = \"测试\", en = \"Test\" }\ndefault_language = \"zh-Hans\"\nlanguages = [" +
                            languages + "]\n");
  t.write("sections/01-alpha/section.toml", "title = { zh-Hans = \"甲\", en = \"Alpha\" }\n");
  t.write("sections/01-alpha/01-one.toml", "title = { zh-Hans = \"一\", en = \"One\" }\n");
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", en = \"Two\" }\n");
}

std::string dump(const LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += d.format() + "\n";
  return s;
}

const Diagnostic* find(const LoadResult& r, const std::string& fileEnd, const std::string& text) {
  for (const auto& d : r.diagnostics)
    if (d.file.size() >= fileEnd.size() && d.file.compare(d.file.size() - fileEnd.size(), fileEnd.size(), fileEnd) == 0 &&
        d.message.find(text) != std::string::npos)
      return &d;
  return nullptr;
}

size_t itemsOf(const LoadResult& r, size_t section = 0) {
  return r.content && r.content->sections.size() > section ? r.content->sections[section].items.size() : 0;
}

std::string repeated(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Runs `check` in a child process as the unprivileged "nobody" (root reads any folder, so file
// permissions only mean something to another user) and returns what it returned.
template <typename F> std::string asNobody(F&& check) {
  int pipeFds[2];
  REQUIRE(pipe(pipeFds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipeFds[0]);
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(3);
    const std::string verdict = check();
    (void)!write(pipeFds[1], verdict.data(), verdict.size());
    _exit(0);
  }
  close(pipeFds[1]);
  std::string verdict;
  char buf[4096];
  for (ssize_t n; (n = read(pipeFds[0], buf, sizeof buf)) > 0;) verdict.append(buf, static_cast<size_t>(n));
  close(pipeFds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return verdict;
}

} // namespace

TEST_CASE("[ContentHostile] a 100,000-part dotted key is an error at its line, not a stack overflow") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n" + std::string("a") + repeated(".a", 99'999) + " = 1\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  const Diagnostic* d = find(r, "01-alpha/02-two.toml", "parts joined by dots");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(itemsOf(r) == 1);
}

TEST_CASE("[ContentHostile] a Chinese line with its key forgotten is an error at its line, not undefined behaviour") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n沈阳故宫是清朝初期的皇宫\n");
  const LoadResult r = loadContent(t.path());
  const Diagnostic* d = find(r, "01-alpha/02-two.toml", "not a key");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 1);
  CHECK(d->message.find("沈阳故宫") != std::string::npos);
}

TEST_CASE("[ContentHostile] macOS, Windows and editor leftovers are ignored") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/._01-one.toml", std::string("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X\xFF\xFE", 18));
  t.write("sections/01-alpha/.DS_Store", std::string("\x00\x00\x00\x01" "Bud1\xFF", 9));
  t.write("sections/01-alpha/01-one.toml~", "title = \"old\n");
  t.write("sections/01-alpha/#02-two.toml#", "title = \"autosave\n");
  t.write("sections/01-alpha/.02-two.toml.swp", std::string("b0VIM 8.2\x00\xFF", 11));
  t.write("sections/01-alpha/Thumbs.db", "\xD0\xCF\x11\xE0");
  t.write("sections/._01-alpha", "\x00\x05\x16\x07");
  t.write("sections/.git/HEAD", "ref: refs/heads/main\n");
  t.write("._kiosk.toml", "\x00\x05\x16\x07");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  CHECK(r.diagnostics.empty());
  CHECK(itemsOf(r) == 2);
}

TEST_CASE("[ContentHostile] a section folder that cannot be read is an error naming it, not a missing section") {
  TempFolder t;
  writeValid(t);
  t.write("sections/02-beta/section.toml", "title = \"乙\"\n");
  t.write("sections/02-beta/01-x.toml", "title = \"x\"\n");
  fs::permissions(t.path() / "sections/02-beta", fs::perms::none);
  const std::string verdict = asNobody([&] {
    const LoadResult r = loadContent(t.path());
    return find(r, "sections/02-beta", "cannot read this folder") && hasErrors(r.diagnostics) ? "error" : dump(r);
  });
  fs::permissions(t.path() / "sections/02-beta", fs::perms::owner_all);
  CHECK(verdict == "error");
}

TEST_CASE("[ContentHostile] a content folder that cannot be read is one error and no content, not a missing kiosk.toml") {
  TempFolder t;
  writeValid(t);
  fs::permissions(t.path(), fs::perms::none);
  const std::string verdict = asNobody([&] {
    const LoadResult r = loadContent(t.path());
    const bool one = r.diagnostics.size() == 1 && r.diagnostics[0].message.find("cannot read the content folder") == 0 &&
                     r.diagnostics[0].message.find(std::strerror(EACCES)) != std::string::npos;
    return !r.content && one ? std::string("error") : dump(r) + (r.content ? "(content loaded)" : "");
  });
  fs::permissions(t.path(), fs::perms::owner_all);
  CHECK(verdict == "error");
}

TEST_CASE("[ContentHostile] a section entry that is a link loop or points nowhere is an error") {
  TempFolder t;
  writeValid(t);
  fs::create_directory_symlink("03-loop", t.path() / "sections/03-loop");
  fs::create_directory_symlink(t.path() / "nowhere", t.path() / "sections/04-gone");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  CHECK(find(r, "sections/03-loop", "cannot read"));
  CHECK(find(r, "sections/04-gone", "points to nothing"));
}

TEST_CASE("[ContentHostile] too many items, sections or languages is one error with the count") {
  TempFolder t;
  writeValid(t);
  for (int i = 3; i <= 9; ++i) t.write("sections/01-alpha/0" + std::to_string(i) + "-x" + std::to_string(i) + ".toml", "title = \"x\"\n");
  t.write("sections/01-alpha/09-x9.en.md", "A body for an item past the limit\n");
  for (int i = 2; i <= 5; ++i) {
    const std::string dir = "sections/0" + std::to_string(i) + "-s" + std::to_string(i);
    t.write(dir + "/section.toml", "title = \"s\"\n");
    t.write(dir + "/01-a.toml", "title = \"a\"\n");
  }
  ContentLimits limits;
  limits.maxItemsPerSection = 4;
  limits.maxSections = 3;
  const LoadResult r = loadContent(t.path(), limits);
  INFO(dump(r));
  const Diagnostic* items = find(r, "01-alpha/section.toml", "this section has 9 items; a section may have at most 4");
  REQUIRE(items);
  CHECK(items->severity == Diagnostic::Severity::Error);
  CHECK(find(r, "sections", "there are 5 section folders; the kiosk shows at most 3"));
  CHECK(r.content->sections.size() == 3);
  CHECK(itemsOf(r) == 4);
  // No orphan-body warning for the item past the limit: two errors, and only warnings of missing English.
  for (const auto& d : r.diagnostics)
    if (d.severity == Diagnostic::Severity::Warning) CHECK(d.message.find("English (en): ") == 0);
  CHECK(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; }) == 2);

  TempFolder many;
  std::string langs;
  for (int i = 0; i < 10'000; ++i) langs += "\"en-x-" + std::to_string(i) + "\", ";
  writeValid(many, "\"zh-Hans\", \"en\", " + langs);
  const LoadResult m = loadContent(many.path());
  REQUIRE(m.content);
  CHECK(find(m, "kiosk.toml", "'languages' lists 10002 languages; a kiosk offers at most 20"));
  CHECK(m.content->settings.languages.size() == 20);
  CHECK(m.diagnostics.size() < 200); // not 829,336 warnings
}

TEST_CASE("[ContentHostile] a title too long to lay out is an error with its length") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", en = \"" + repeated("Long ", 1000) + "\" }\n");
  const LoadResult r = loadContent(t.path());
  const Diagnostic* d = find(r, "01-alpha/02-two.toml", "is 5,000 characters long; it may have at most 300");
  REQUIRE(d);
  CHECK(d->line == 1);
  CHECK(d->severity == Diagnostic::Severity::Error);
  CHECK_FALSE(r.content->sections[0].items[1].title.has("en"));
}

TEST_CASE("[ContentHostile] a flood of combining marks and control characters in text are errors") {
  TempFolder t;
  writeValid(t);
  std::string zalgo = "Z";
  for (int i = 0; i < 10'000; ++i) zalgo += "\xCC\x81"; // U+0301
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"二\", en = \"" + zalgo + "\" }\nsummary = \"a\\u001B[2Jb\"\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  CHECK(find(r, "01-alpha/02-two.toml", "more than 8 accents or marks stacked"));
  CHECK(find(r, "01-alpha/02-two.toml", "invisible control character U+001B"));
  // Vietnamese (two marks when decomposed) and Thai (up to three) are not floods.
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \"Vie\\u0323\\u0302t\", en = \"\\u0e01\\u0e34\\u0e4a\\u0e4c\" }\n");
  const LoadResult ok = loadContent(t.path());
  INFO(dump(ok));
  CHECK(ok.diagnostics.empty());
}

TEST_CASE("[ContentHostile] a key with raw escape sequences is named without them") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n\"\\u001B]0;pwned\\u0007\\u001B[2J\" = 1\n");
  const LoadResult r = loadContent(t.path());
  const Diagnostic* d = find(r, "01-alpha/02-two.toml", "unknown key");
  REQUIRE(d);
  CHECK(d->message.find('\x1b') == std::string::npos);
  CHECK(d->message.find('\x07') == std::string::npos);
  CHECK(d->message.find("<U+001B>]0;pwned<U+0007><U+001B>[2J") != std::string::npos);
  for (const auto& diag : r.diagnostics) CHECK(diag.format().find('\x1b') == std::string::npos);
}

TEST_CASE("[ContentHostile] section ids that differ only by case or by composed accents are an error") {
  for (const std::string twin : {"02-ALPHA", "02-Alpha", "02-e\xCC\x81t\xC3\xA9"}) {
    TempFolder t;
    writeValid(t);
    const std::string first = twin == "02-e\xCC\x81t\xC3\xA9" ? "01-\xC3\xA9t\xC3\xA9" : "01-alpha";
    if (first != "01-alpha") fs::rename(t.path() / "sections/01-alpha", t.path() / "sections" / first);
    t.write("sections/" + twin + "/section.toml", "title = \"twin\"\n");
    t.write("sections/" + twin + "/01-a.toml", "title = \"a\"\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    // Composed and decomposed accents are one id once normalized (NFC); case twins are told apart.
    CHECK(find(r, twin.substr(3) + "/section.toml",
               first == "01-alpha" ? "only in upper and lower case or in how an accent is stored" : "already has the id '\xC3\xA9t\xC3\xA9'"));
    CHECK(r.content->sections.size() == 1);
  }
  // One folder named in NFD (as macOS stores it) has the NFC id staff type.
  TempFolder t;
  writeValid(t);
  fs::rename(t.path() / "sections/01-alpha", t.path() / "sections/01-cafe\xCC\x81");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content->sections.size() == 1);
  CHECK(r.content->sections[0].id == "caf\xC3\xA9");
}

TEST_CASE("[ContentHostile] zh-hans in lower case is zh-Hans, in languages, text keys and body files") {
  TempFolder t;
  t.write("kiosk.toml", "[kiosk]\nname = { zh-hans = \"测试\", EN = \"Test\" }\ndefault_language = \"ZH-HANS\"\nlanguages = [\"zh-hans\", \"en\"]\n");
  t.write("sections/01-alpha/section.toml", "title = { zh-hans = \"甲\", en = \"Alpha\" }\n");
  t.write("sections/01-alpha/01-one.toml", "title = { zh-HANS = \"一\", en = \"One\" }\n");
  t.write("sections/01-alpha/01-one.zh-hans.md", "正文\n");
  t.write("sections/01-alpha/01-one.en.md", "Body\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.content);
  CHECK(r.content->settings.defaultLanguage == "zh-Hans");
  CHECK(r.content->settings.languages.front() == "zh-Hans");
  CHECK(r.content->sections[0].items[0].title.get("zh-Hans") == "一");
  CHECK(r.content->sections[0].items[0].body.has("zh-Hans"));
  // Two spellings of one tag in one text are one language given twice.
  t.write("sections/01-alpha/01-one.toml", "title = { zh-Hans = \"一\", zh-hans = \"又\", en = \"One\" }\n");
  CHECK(find(loadContent(t.path()), "01-one.toml", "has two 'zh-Hans' texts"));
}

TEST_CASE("[ContentHostile] file and folder names with control or direction characters are errors naming them") {
  for (const std::string name : {"03-new\nline.toml", "03-esc\x1b[2J.toml", "03-\xE2\x80\xAEgnp.toml", "03-zero\xE2\x80\x8Bwidth.toml"}) {
    TempFolder t;
    writeValid(t);
    t.write("sections/01-alpha/" + name, "title = \"x\"\n");
    const LoadResult r = loadContent(t.path());
    INFO(dump(r));
    REQUIRE(hasErrors(r.diagnostics));
    CHECK(find(r, "", "this name has the invisible"));
    CHECK(itemsOf(r) == 2);
    for (const auto& d : r.diagnostics) CHECK(d.format().find_first_of("\n\x1b") == std::string::npos);
  }
}

TEST_CASE("[ContentHostile] a picture path with NUL, a folder or a pipe as a picture, and a name in the wrong case") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/images/Photo.PNG", "not decoded by the loader");
  fs::create_directories(t.path() / "sections/01-alpha/images/folder.png");
  REQUIRE(mkfifo((t.path() / "sections/01-alpha/images/pipe.png").c_str(), 0644) == 0);
  t.write("sections/01-alpha/02-two.toml", "title = \"二\"\n[[images]]\nfile = \"images/Photo.PNG\\u0000.jpg\"\n"
                                           "[[images]]\nfile = \"images/folder.png\"\n[[images]]\nfile = \"images/pipe.png\"\n"
                                           "[[images]]\nfile = \"images/photo.png\"\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  CHECK(find(r, "02-two.toml", "invisible control character U+0000"));
  CHECK(find(r, "02-two.toml", "is a folder, not a picture file"));
  CHECK(find(r, "02-two.toml", "is not a regular file (a pipe"));
  CHECK(find(r, "02-two.toml", "Photo.PNG exists; the file says photo.png: names must match in upper and lower case"));
}

TEST_CASE("[ContentHostile] an item file that is a pipe is refused at once, never read") {
  TempFolder t;
  writeValid(t);
  REQUIRE(mkfifo((t.path() / "sections/01-alpha/03-pipe.toml").c_str(), 0644) == 0);
  const LoadResult r = loadContent(t.path()); // would block forever if the pipe were opened to read
  CHECK(itemsOf(r) == 2);
}

TEST_CASE("[ContentHostile] an empty title, a name before @ in a link, and HTTPS in capitals") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/02-two.toml", "title = { zh-Hans = \" \", en = \"\" }\n");
  t.write("sections/01-alpha/01-one.toml", "title = \"一\"\nlink = \"https://www.gov.cn@evil.example/\"\n");
  t.write("sections/01-alpha/section.toml", "title = \"甲\"\nlink = \"HTTPS://www.gov.cn/zhengce/\"\n");
  const LoadResult r = loadContent(t.path());
  INFO(dump(r));
  CHECK(find(r, "02-two.toml", "'title' is empty"));
  CHECK(find(r, "01-one.toml", "a name before '@'"));
  t.write("sections/01-alpha/01-one.toml",
          "title = \"一\"\nlink = \"https://www.shenyang.gov.cn\u2215en\u2215invest.evil.example/\"\n");
  CHECK(find(loadContent(t.path()), "01-one.toml", "in the site's name (character 28)"));
  CHECK_FALSE(find(r, "section.toml", "link"));
}

TEST_CASE("[ContentHostile] a NUL in a body file is named at its line and column") {
  TempFolder t;
  writeValid(t);
  t.write("sections/01-alpha/01-one.en.md", std::string("First line\nSecond \0 line\n", 25));
  const LoadResult r = loadContent(t.path());
  const Diagnostic* d = find(r, "01-one.en.md", "control character U+0000");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 8);
}
