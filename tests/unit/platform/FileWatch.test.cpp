#include "platform/FileWatch.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

using kiosk::test::TempFolder;

namespace {

// Waits (up to 5 s: this machine is shared) until the watcher counts more changes than `before`.
bool changedSince(const platform::FileWatch& w, std::uint64_t before) {
  for (int i = 0; i < 500; ++i) {
    if (w.changes() > before) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

} // namespace

TEST_CASE("[FileWatch] notices saves, saves by rename, new folders and the root being replaced") {
  TempFolder t;
  t.write("content/kiosk.toml", "a");
  t.write("content/sections/01-a/section.toml", "a");
  auto w = platform::createFileWatch();
  std::string why;
  REQUIRE(w->start(t.path() / "content", why));
  CHECK(std::string(w->name()) == "inotify");

  auto before = w->changes();
  t.write("content/sections/01-a/section.toml", "b"); // a plain save
  CHECK(changedSince(*w, before));

  before = w->changes();
  t.write("content/sections/01-a/.section.toml.swp", "c"); // an editor's save by rename
  std::filesystem::rename(t.path() / "content/sections/01-a/.section.toml.swp", t.path() / "content/sections/01-a/section.toml");
  CHECK(changedSince(*w, before));

  before = w->changes();
  t.write("content/sections/02-new/section.toml", "d"); // a new folder...
  CHECK(changedSince(*w, before));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  before = w->changes();
  t.write("content/sections/02-new/01-item.toml", "e"); // ...is watched too
  CHECK(changedSince(*w, before));

  before = w->changes();
  std::filesystem::rename(t.path() / "content", t.path() / "content-old"); // the whole folder goes
  CHECK(changedSince(*w, before));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  before = w->changes();
  t.write("content/kiosk.toml", "f"); // and comes back
  CHECK(changedSince(*w, before));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  before = w->changes();
  t.write("content/sections/01-a/section.toml", "g"); // and is watched again inside
  CHECK(changedSince(*w, before));
}

TEST_CASE("[FileWatch] a content symlink renamed over to another version is followed there") {
  namespace fs = std::filesystem;
  TempFolder t;
  t.write("versions/a/sections/01-a/section.toml", "a");
  t.write("versions/b/sections/01-a/section.toml", "b");
  fs::create_directory_symlink("versions/a", t.path() / "content");
  auto w = platform::createFileWatch();
  std::string why;
  REQUIRE(w->start(t.path() / "content", why));

  // What kiosk publish does: a new link, renamed over the old one in one step.
  auto before = w->changes();
  fs::create_directory_symlink("versions/b", t.path() / "content.new");
  fs::rename(t.path() / "content.new", t.path() / "content");
  CHECK(changedSince(*w, before));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  before = w->changes();
  t.write("versions/b/sections/01-a/section.toml", "b2"); // the new target is watched
  CHECK(changedSince(*w, before));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  before = w->changes();
  fs::remove_all(t.path() / "versions/a"); // the old one is not: pruning it is no content change
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(w->changes() == before);
}
