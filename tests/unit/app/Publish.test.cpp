#include "app/Publish.h"

#include "TempFolder.h"
#include "core/ContentLoader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

using namespace kiosk::app;
using kiosk::test::TempFolder;
namespace fs = std::filesystem;

namespace {

// A small folder that validates clean (no pictures, so nothing to decode), under `prefix`.
void writeContent(const TempFolder& t, const std::string& prefix, const std::string& title = "One") {
  t.write(prefix + "/kiosk.toml", "[kiosk]\nname = { en = \"Test\" }\ndefault_language = \"en\"\nlanguages = [\"en\"]\n");
  t.write(prefix + "/sections/01-alpha/section.toml", "title = { en = \"Alpha\" }\ncolour = \"#336699\"\n");
  t.write(prefix + "/sections/01-alpha/01-one.toml", "title = { en = \"" + title + "\" }\n");
}

struct Run {
  int status;
  std::string out;
};

Run publish(const TempFolder& t, unsigned quiet = 0, unsigned keep = 3) {
  PublishOptions o;
  o.staging = (t.path() / "staging").string();
  o.contentLink = (t.path() / "content").string();
  o.quietSeconds = quiet;
  o.keep = keep;
  std::ostringstream out;
  const int status = publishContent(o, out);
  return {status, out.str()};
}

Run rollback(const TempFolder& t) {
  PublishOptions o;
  o.contentLink = (t.path() / "content").string();
  o.rollback = true;
  std::ostringstream out;
  const int status = publishContent(o, out);
  return {status, out.str()};
}

std::vector<std::string> versions(const TempFolder& t) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(t.path() / "versions"))
    if (e.path().filename().string()[0] != '.') out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string linkTarget(const TempFolder& t) { return fs::read_symlink(t.path() / "content").string(); }

} // namespace

TEST_CASE("[Publish] staging becomes a version and the content link points at it") {
  TempFolder t;
  writeContent(t, "staging");
  const Run r = publish(t);
  CAPTURE(r.out);
  CHECK(r.status == kPublished);
  CHECK(r.out.find("published: ") != std::string::npos);
  REQUIRE(fs::is_symlink(t.path() / "content"));
  const auto v = versions(t);
  REQUIRE(v.size() == 1);
  CHECK(std::regex_match(v[0], std::regex(R"([0-9]{8}T[0-9]{6}Z-[0-9a-f]{12})")));
  CHECK(linkTarget(t) == "versions/" + v[0]); // relative, so /var/lib/kiosk may move as a whole
  CHECK(v[0].substr(17) == contentTreeHash((t.path() / "staging").string()).substr(0, 12));
  CHECK(fs::exists(t.path() / "content/sections/01-alpha/01-one.toml"));
  // A real copy: editing staging in place afterwards leaves the version as published.
  t.write("staging/sections/01-alpha/01-one.toml", "title = { en = \"Changed in place\" }\n");
  CHECK(contentTreeHash((t.path() / "versions" / v[0]).string()).substr(0, 12) == v[0].substr(17));
}

TEST_CASE("[Publish] staging identical to the version on show is nothing to do") {
  TempFolder t;
  writeContent(t, "staging");
  REQUIRE(publish(t).status == kPublished);
  const auto before = versions(t);
  // Rewritten with the same bytes (as a fresh rsync without -t would): new times, same content.
  writeContent(t, "staging");
  const Run r = publish(t);
  CAPTURE(r.out);
  CHECK(r.status == kPublished);
  CHECK(r.out.find("already published") != std::string::npos);
  CHECK(versions(t) == before);
}

TEST_CASE("[Publish] staging with an error is refused and the link stays") {
  TempFolder t;
  writeContent(t, "staging");
  REQUIRE(publish(t).status == kPublished);
  const std::string shown = linkTarget(t);
  t.write("staging/sections/01-alpha/01-one.toml", "title = { en = \"broken\"\n");
  Run r = publish(t);
  CAPTURE(r.out);
  CHECK(r.status == kContentErrors);
  CHECK(r.out.find("staging/sections/01-alpha/01-one.toml:1:") != std::string::npos); // file:line:col
  CHECK(r.out.find("not published") != std::string::npos);
  CHECK(linkTarget(t) == shown);
  CHECK(versions(t).size() == 1);
  // Asked again without a change (a timer every minute): refused again, without re-checking.
  r = publish(t);
  CHECK(r.status == kContentErrors);
  CHECK(r.out.find("unchanged since it was refused") != std::string::npos);
  // Fixed: published.
  writeContent(t, "staging", "Fixed");
  CHECK(publish(t).status == kPublished);
  CHECK(linkTarget(t) != shown);
}

TEST_CASE("[Publish] a staging folder written moments ago is still changing") {
  TempFolder t;
  writeContent(t, "staging");
  const Run r = publish(t, 30);
  CAPTURE(r.out);
  CHECK(r.status == kStillChanging);
  CHECK(r.out.find("not yet: ") != std::string::npos);
  CHECK(r.out.find("30 s") != std::string::npos);
  CHECK_FALSE(fs::exists(t.path() / "content"));
}

TEST_CASE("[Publish] a sync tool's temporary files mean the sync is still running") {
  for (const char* temp : {"sections/01-alpha/.01-one.toml.Xy12Ab", ".~tmp~/01-one.toml", "sections/.syncthing.a.toml.tmp"}) {
    CAPTURE(temp);
    TempFolder t;
    writeContent(t, "staging");
    t.write(std::string("staging/") + temp, "partial");
    const Run r = publish(t);
    CHECK(r.status == kStillChanging);
    CHECK(r.out.find("temporary file") != std::string::npos);
  }
  // Syncthing's own marker folder is not content, and not a reason to wait.
  TempFolder t;
  writeContent(t, "staging");
  t.write("staging/.stfolder/.keep", "");
  const std::string withMarker = contentTreeHash((t.path() / "staging").string());
  fs::remove_all(t.path() / "staging/.stfolder");
  CHECK(withMarker == contentTreeHash((t.path() / "staging").string()));
}

TEST_CASE("[Publish] an empty staging folder is nothing to publish") {
  TempFolder t;
  fs::create_directories(t.path() / "staging");
  const Run r = publish(t);
  CHECK(r.status == kPublished);
  CHECK(r.out.find("nothing to publish") != std::string::npos);
  CHECK_FALSE(fs::exists(t.path() / "content"));
}

TEST_CASE("[Publish] keeps the newest N versions and never a folder it did not make") {
  TempFolder t;
  fs::create_directories(t.path() / "versions/my-backup");
  t.write("versions/notes.txt", "staff notes");
  for (int i = 0; i < 4; ++i) {
    writeContent(t, "staging", "Version " + std::to_string(i));
    const Run r = publish(t, 0, 2);
    CAPTURE(r.out);
    REQUIRE(r.status == kPublished);
  }
  const auto v = versions(t);
  // my-backup, notes.txt and the two newest versions
  REQUIRE(v.size() == 4);
  CHECK(std::count_if(v.begin(), v.end(), [](const std::string& n) { return n.find('T') == 8; }) == 2);
  CHECK(fs::exists(t.path() / "versions/my-backup"));
  CHECK(fs::exists(t.path() / "versions/notes.txt"));
  CHECK(linkTarget(t) == "versions/" + v[1]); // the newest one is on show
  CHECK(fs::exists(t.path() / "content/kiosk.toml"));
}

TEST_CASE("[Publish] the first publish moves a plain content folder into versions, once") {
  TempFolder t;
  writeContent(t, "content", "Installed");
  writeContent(t, "staging", "Synced");
  const Run r = publish(t);
  CAPTURE(r.out);
  CHECK(r.status == kPublished);
  CHECK(r.out.find("first publish: the content folder") != std::string::npos);
  REQUIRE(fs::is_symlink(t.path() / "content"));
  const auto v = versions(t);
  REQUIRE(v.size() == 2); // the installed folder, kept for a rollback, and the synced one
  CHECK(linkTarget(t) == "versions/" + v[1]);
  CHECK(kiosk::loadContent(t.path() / "content").content->sections.at(0).items.at(0).title.get("en") == "Synced");
  // The installed folder is the one to roll back to.
  const Run back = rollback(t);
  CAPTURE(back.out);
  CHECK(back.status == kPublished);
  CHECK(linkTarget(t) == "versions/" + v[0]);
  // ...and the content rolled back from is not published again while staging still holds it.
  const Run again = publish(t);
  CHECK(again.status == kPublished);
  CHECK(again.out.find("rolled back from") != std::string::npos);
  CHECK(linkTarget(t) == "versions/" + v[0]);
}

TEST_CASE("[Publish] the loader reads a content link from its target and names files as given") {
  TempFolder t;
  writeContent(t, "staging");
  REQUIRE(publish(t).status == kPublished);
  t.write("content/sections/01-alpha/02-two.toml", "title = 1\n");
  const auto r = kiosk::loadContent(t.path() / "content");
  REQUIRE(r.content);
  CHECK(r.content->root == fs::canonical(t.path() / "content"));
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].file == "content/sections/01-alpha/02-two.toml");
}

TEST_CASE("[Publish] a rollback with nothing before the version on show says so") {
  TempFolder t;
  writeContent(t, "staging");
  REQUIRE(publish(t).status == kPublished);
  const Run r = rollback(t);
  CHECK(r.status == kFailed);
  CHECK(r.out.find("oldest version") != std::string::npos);
}

TEST_CASE("[Publish] two rollbacks hold back both versions left, and the version left is never pruned") {
  TempFolder t;
  for (const char* title : {"One", "Two", "Three"}) {
    writeContent(t, "staging", title);
    REQUIRE(publish(t, 0, 2).status == kPublished);
  }
  const auto three = versions(t);
  REQUIRE(three.size() == 2); // keep 2: Two and Three
  REQUIRE(rollback(t).status == kPublished); // Three -> Two
  REQUIRE(linkTarget(t) == "versions/" + three[0]);
  // Staging still holds Three: the timer must not publish it again.
  Run r = publish(t, 0, 2);
  CAPTURE(r.out);
  CHECK(r.out.find("not published again") != std::string::npos);
  CHECK(linkTarget(t) == "versions/" + three[0]);
  // Staff push Two again by mistake (same bytes as on show): nothing to do.
  writeContent(t, "staging", "Two");
  CHECK(publish(t, 0, 2).out.find("already published") != std::string::npos);
  // Four is published while Two is on show: keep 2 would leave Three and Four, but Two (just
  // left, still read by a running kiosk until it reloads) stays too.
  writeContent(t, "staging", "Four");
  r = publish(t, 0, 2);
  REQUIRE(r.status == kPublished);
  const auto after = versions(t);
  CHECK(std::find(after.begin(), after.end(), three[0]) != after.end());
  // Two rollbacks (Four -> Three -> Two) hold back both Four and Three, not only the last.
  REQUIRE(rollback(t).status == kPublished);
  REQUIRE(rollback(t).status == kPublished);
  writeContent(t, "staging", "Four");
  r = publish(t, 0, 2);
  CAPTURE(r.out);
  CHECK(r.out.find("not published again") != std::string::npos);
}

TEST_CASE("[Publish] a link out of staging is refused, a link within it is copied") {
  TempFolder t;
  writeContent(t, "staging");
  t.write("outside.md", "secret");
  fs::create_symlink(t.path() / "outside.md", t.path() / "staging/sections/01-alpha/01-one.en.md");
  Run r = publish(t);
  CAPTURE(r.out);
  CHECK(r.status == kContentErrors);
  CHECK(r.out.find("01-one.en.md: error: a link to") != std::string::npos);
  CHECK_FALSE(fs::exists(t.path() / "content"));
  fs::remove(t.path() / "staging/sections/01-alpha/01-one.en.md");
  t.write("staging/sections/01-alpha/01-one.en.md", "Text.\n");
  fs::create_symlink("01-one.en.md", t.path() / "staging/sections/01-alpha/01-one.ja.md");
  r = publish(t);
  CHECK(r.status == kPublished);
  CHECK(fs::is_symlink(t.path() / "content/sections/01-alpha/01-one.ja.md"));
  CHECK(fs::equivalent(t.path() / "content/sections/01-alpha/01-one.ja.md", t.path() / "content/sections/01-alpha/01-one.en.md"));
}

TEST_CASE("[Publish] the content hash is SHA-256 over names, types, sizes and bytes, so version names never change") {
  // The bytes hashed, by hand: each entry's relative path and a NUL, then "d" for a folder,
  // "f<size>\0<bytes>" for a file, "l<target>\0" for a link. The expected value is from
  // `printf 'a.txt\0f3\0abcd\0dd/b.txt\0f6\0hello\nl\0la.txt\0' | sha256sum`, and is the name
  // the hand-written SHA-256 gave before libsodium's: versions published then keep their names.
  TempFolder t;
  t.write("tree/a.txt", "abc");
  t.write("tree/d/b.txt", "hello\n");
  fs::create_symlink("a.txt", t.path() / "tree/l");
  CHECK(contentTreeHash((t.path() / "tree").string()) == "76779551c4f59cc334c3349092e97a41305f7e446a572f096f37c3789f92a1d5");
}

// Published test vectors (FIPS 180-2 appendix B): a hash that is nearly right is worthless.
TEST_CASE("[Publish] the content hash's SHA-256 gives the FIPS 180 examples") {
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // 56 bytes: the padding no longer fits in the message's block and needs a block of its own.
  CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("[Publish] a published version keeps no setuid bit and no write for others") {
  TempFolder t;
  writeContent(t, "staging");
  t.write("staging/tool", "#!/bin/sh\n");
  std::filesystem::permissions(t.path() / "staging/tool",
                               std::filesystem::perms::set_uid | std::filesystem::perms::owner_all |
                                   std::filesystem::perms::others_all);
  REQUIRE(publish(t).status == kPublished);
  const auto perms = std::filesystem::status(t.path() / "content" / "tool").permissions();
  CHECK((perms & std::filesystem::perms::set_uid) == std::filesystem::perms::none);
  CHECK((perms & std::filesystem::perms::others_write) == std::filesystem::perms::none);
  CHECK((perms & std::filesystem::perms::owner_exec) != std::filesystem::perms::none);
}

TEST_CASE("[Publish] staging larger than the free disk is refused before it is read, and nothing is copied") {
  // Security review K5: publish used to copy any staging folder whole, a sparse file written out
  // to its full size, until the disk that also holds the kiosk's state was full.
  TempFolder t;
  writeContent(t, "staging");
  REQUIRE(publish(t).status == kPublished);
  t.write("staging/sections/01-alpha/01-one.toml", "title = { en = \"Two\" }\n");
  const auto space = fs::space(t.path());
  t.write("staging/notes.bin", "");
  // Sparse: no disk is used, but a copy would write it all (and hashing it would take hours).
  fs::resize_file(t.path() / "staging/notes.bin", space.available + (std::uintmax_t{1} << 30));
  const Run r = publish(t);
  CAPTURE(r.out);
  CHECK(r.status == kFailed);
  CHECK(r.out.find("not published: " + (t.path() / "staging").string() + " holds ") != std::string::npos);
  CHECK(r.out.find("must stay free for the kiosk") != std::string::npos);
  CHECK(versions(t).size() == 1); // the version on show, nothing half-copied beside it
  CHECK(fs::exists(t.path() / "content/sections/01-alpha/01-one.toml"));
  fs::remove(t.path() / "staging/notes.bin");
  CHECK(publish(t).status == kPublished);
  CHECK(versions(t).size() == 2);
}

TEST_CASE("[Publish] in the staff's language: the refusal, validate's lines and the verdict in Chinese") {
  TempFolder t;
  writeContent(t, "staging");
  t.write("staging/sections/01-alpha/01-one.toml", "title = { en = \"broken\"\n");
  PublishOptions o;
  o.staging = (t.path() / "staging").string();
  o.contentLink = (t.path() / "content").string();
  o.quietSeconds = 0;
  o.language = "zh-Hans";
  std::ostringstream refused;
  CHECK(publishContent(o, refused) == kContentErrors);
  CAPTURE(refused.str());
  CHECK(refused.str().find("01-one.toml:1:") != std::string::npos);
  CHECK(refused.str().find(": 错误: ") != std::string::npos);
  CHECK(refused.str().find("未发布：") != std::string::npos);
  CHECK(refused.str().find("当前的内容") != std::string::npos);
  writeContent(t, "staging", "Fixed");
  std::ostringstream done;
  CHECK(publishContent(o, done) == kPublished);
  CAPTURE(done.str());
  CHECK(done.str().find("已发布：") != std::string::npos);
  CHECK(done.str().find("0 个错误") == std::string::npos); // a clean report is not repeated
}
