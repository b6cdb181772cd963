#include "core/ContentLoader.h"
#include "media/PosterFrame.h"
#include "media/VideoProbe.h"
#include "media/DiskCache.h"
#include "media/ImageDecoder.h"
#include "media/ImageLoader.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::media;
using kiosk::test::TempFolder;
namespace fs = std::filesystem;

namespace {

// The small films made by tests/unit/data/films/make.sh.
fs::path film(const char* name) { return fs::path(KIOSK_SOURCE_DIR) / "tests/unit/data/films" / name; }

} // namespace

TEST_CASE("[VideoProbe] an H.264 film with sound gives its container codecs size length and rate") {
  const VideoInfo v = probeVideo(film("ok.mp4"));
  MESSAGE("probe of ok.mp4: " << v.probeMs << " ms");
  CHECK(v.ok());
  CHECK(v.error == "");
  CHECK(v.container.find("mp4") != std::string::npos);
  CHECK(v.videoCodec == "h264");
  CHECK(v.audioCodec == "aac");
  CHECK(v.width == 160);
  CHECK(v.height == 90);
  REQUIRE(v.duration);
  CHECK(*v.duration == doctest::Approx(1.0).epsilon(0.05));
  CHECK(v.fps == doctest::Approx(25));
}

TEST_CASE("[VideoProbe] a VP9 WebM film is read") {
  const VideoInfo v = probeVideo(film("vp9.webm"));
  CHECK(v.ok());
  CHECK(v.videoCodec == "vp9");
  CHECK(v.audioCodec == "opus");
  CHECK((v.container == "mkv" || v.container.find("webm") != std::string::npos));
  CHECK(isPlayableCodec(v.videoCodec));
}

TEST_CASE("[VideoProbe] files that are not films say so and never hang") {
  for (const std::string name : {"text.mp4", "empty.mp4", "truncated.mp4"}) {
    CAPTURE(name);
    const auto t0 = std::chrono::steady_clock::now();
    const VideoInfo v = probeVideo(film(name.c_str()), 5);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    CHECK_FALSE(v.ok());
    CHECK_FALSE(v.hasVideo());
    MESSAGE(name << ": " << v.error << " (" << v.probeMs << " ms)");
  }
  CHECK(probeVideo(film("empty.mp4")).error == "the file is empty (0 bytes)");
  CHECK(probeVideo(film("missing.mp4")).error == "the file does not exist");
}

TEST_CASE("[VideoProbe] sound alone has no video codec") {
  const VideoInfo v = probeVideo(film("audio-only.mp4"));
  CHECK(v.ok());
  CHECK_FALSE(v.hasVideo());
  CHECK(v.audioCodec == "aac");
}

TEST_CASE("[VideoProbe] size rate codec and length beyond the limits are read as they are") {
  const VideoInfo big = probeVideo(film("8k.mp4"));
  CHECK(big.width == 7680);
  CHECK(big.height == 4320);
  CHECK(probeVideo(film("240fps.mp4")).fps == doctest::Approx(240));
  const VideoInfo mpeg2 = probeVideo(film("mpeg2.mkv"));
  CHECK(mpeg2.videoCodec == "mpeg2video");
  CHECK_FALSE(isPlayableCodec(mpeg2.videoCodec));
  const VideoInfo raw = probeVideo(film("raw-h264.mp4"));
  CHECK(raw.ok());
  CHECK(raw.videoCodec == "h264");
  CHECK_FALSE(raw.duration);
  const VideoInfo longFilm = probeVideo(film("long.mp4"));
  REQUIRE(longFilm.duration);
  CHECK(*longFilm.duration == doctest::Approx(7200).epsilon(0.01));
}

TEST_CASE("[VideoProbe] a named pipe is refused without waiting") {
  TempFolder t;
  REQUIRE(::mkfifo((t.path() / "pipe.mp4").c_str(), 0600) == 0);
  const VideoInfo v = probeVideo(t.path() / "pipe.mp4", 5);
  CHECK(v.error.find("not a regular file") != std::string::npos);
}

TEST_CASE("[VideoProbe] a playlist named .mp4 is refused and nothing it names is opened") {
  // A listening socket stands for a web server: the playlist's address must never be asked.
  const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  REQUIRE(server >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(server, 4) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(server, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/film.mp4";
  TempFolder t;
  fs::copy_file(film("ok.mp4"), t.path() / "inside.mp4");
  t.write("list.mp4", "#EXTM3U\n#EXTINF:1,x\n" + url + "\n#EXTINF:1,y\n" + (t.path() / "inside.mp4").string() + "\n");
  t.write("plain.mp4", url + "\n" + url + "\n");
  t.write("hls.mp4", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n" + url + "\n#EXT-X-ENDLIST\n");
  for (const std::string name : {"list.mp4", "plain.mp4", "hls.mp4"}) {
    CAPTURE(name);
    const VideoInfo v = probeVideo(t.path() / name, 5);
    CHECK_FALSE(v.ok());
    CHECK_FALSE(v.hasVideo());
    CHECK(makePosterFrame(t.path() / name, t.path() / "p.jpg", 5) != "");
    MESSAGE(name << ": " << v.error);
  }
  ::usleep(200'000);
  const int visitor = ::accept(server, nullptr, nullptr);
  CHECK(visitor < 0); // no connection came
  if (visitor >= 0) ::close(visitor);
  ::close(server);
}

TEST_CASE("[VideoProbe] a poster frame is taken from an H.264 and a VP9 film") {
  TempFolder t;
  for (const std::string name : {"ok.mp4", "vp9.webm", "raw-h264.mp4", "long.mp4"}) {
    CAPTURE(name);
    const fs::path out = t.path() / (name + ".jpg");
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(makePosterFrame(film(name.c_str()), out, 20) == "");
    MESSAGE("poster of " << name << ": " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() << " ms");
    const DecodeResult r = decodeImageFile(out, {320, 320, Fit::Contain});
    CHECK(r.ok());
    CHECK(r.image.fileWidth == 160);
    CHECK(r.image.fileHeight == 90);
  }
  // Nothing but the posters is left behind.
  int files = 0;
  for (auto it = fs::directory_iterator(t.path()); it != fs::directory_iterator(); ++it) ++files;
  CHECK(files == 4);
}

TEST_CASE("[VideoProbe] an 8K film gives a poster scaled to fit 4K") {
  TempFolder t;
  const fs::path out = t.path() / "8k.png";
  CHECK(makePosterFrame(film("8k.mp4"), out, 20) == "");
  const DecodeResult r = decodeImageFile(out, {8192, 8192, Fit::Contain});
  CHECK(r.ok());
  CHECK(r.image.fileWidth == 3840);
  CHECK(r.image.fileHeight == 2160);
}

TEST_CASE("[VideoProbe] films that give no frame say why and leave nothing behind") {
  TempFolder t;
  for (const std::string name : {"text.mp4", "empty.mp4", "truncated.mp4", "audio-only.mp4"}) {
    CAPTURE(name);
    const std::string error = makePosterFrame(film(name.c_str()), t.path() / "p.jpg", 10);
    CHECK(error != "");
    CHECK_FALSE(fs::exists(t.path() / "p.jpg"));
  }
  CHECK(fs::is_empty(t.path()));
}

TEST_CASE("[VideoProbe] a poster's name changes when the film changes") {
  TempFolder t;
  fs::copy_file(film("ok.mp4"), t.path() / "a.mp4");
  const auto first = posterPathFor(t.path() / "a.mp4", t.path() / "posters");
  REQUIRE(first);
  CHECK(first->parent_path() == t.path() / "posters");
  CHECK(posterPathFor(t.path() / "a.mp4", t.path() / "posters") == first);
  fs::last_write_time(t.path() / "a.mp4", fs::last_write_time(t.path() / "a.mp4") + std::chrono::seconds(5));
  CHECK(posterPathFor(t.path() / "a.mp4", t.path() / "posters") != first);
  CHECK_FALSE(posterPathFor(t.path() / "missing.mp4", t.path()));
}

namespace {

std::vector<LoadedImage> waitForLoads(ImageLoader& loader, size_t count) {
  std::vector<LoadedImage> done;
  const auto start = std::chrono::steady_clock::now();
  while (done.size() < count && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
    for (auto& d : loader.poll()) done.push_back(std::move(d));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done;
}

} // namespace

TEST_CASE("[ImageLoader] a film is shown as its poster frame, kept in the disk cache's posters folder") {
  TempFolder t;
  fs::copy_file(film("ok.mp4"), t.path() / "a.mp4");
  auto cache = std::make_shared<DiskCache>(t.path() / "cache", 64u << 20);
  {
    ImageLoader loader(2, cache);
    CHECK(loader.posterDir() == t.path() / "cache" / "posters");
    loader.request({t.path() / "a.mp4", {80, 80, Fit::Contain}, Priority::Visible, 1});
    const auto done = waitForLoads(loader, 1);
    REQUIRE(done.size() == 1);
    CHECK(done[0].result.ok());
    CHECK(done[0].result.image.width == 80);
    CHECK(done[0].result.image.fileWidth == 160);
    CHECK(done[0].result.image.fileHeight == 90);
    CHECK_FALSE(done[0].fromDiskCache);
    MESSAGE("poster frame and decode: " << done[0].workMs << " ms");
  }
  int posters = 0;
  for (auto it = fs::directory_iterator(t.path() / "cache" / "posters"); it != fs::directory_iterator(); ++it) ++posters;
  CHECK(posters == 1);
  // The next start: the poster is there, and its display-sized picture is in the disk cache.
  ImageLoader again(1, cache);
  again.request({t.path() / "a.mp4", {80, 80, Fit::Contain}, Priority::Visible, 2});
  const auto done = waitForLoads(again, 1);
  REQUIRE(done.size() == 1);
  CHECK(done[0].result.ok());
  CHECK(done[0].fromDiskCache);
}

TEST_CASE("[ImageLoader] a film that gives no frame fails like a bad picture, with a sentence") {
  TempFolder t;
  fs::copy_file(film("text.mp4"), t.path() / "notes.mp4");
  fs::copy_file(film("audio-only.mp4"), t.path() / "song.mp4");
  ImageLoader loader(2, std::make_shared<DiskCache>(t.path() / "cache", 64u << 20));
  loader.request({t.path() / "notes.mp4", {80, 80}, Priority::Visible, 1});
  loader.request({t.path() / "song.mp4", {80, 80}, Priority::Visible, 2});
  loader.request({t.path() / "notes.mp4", {40, 40}, Priority::Visible, 3}); // asked again: answered from memory
  const auto done = waitForLoads(loader, 3);
  REQUIRE(done.size() == 3);
  for (const auto& d : done) {
    CHECK_FALSE(d.result.ok());
    CHECK(d.result.error.find("no poster frame could be taken from this film") == 0);
    CHECK(d.result.error.find(".poster.jpg") != std::string::npos);
  }
}

namespace {

// A content folder whose one item shows each of `films` (copied from the fixtures), in order;
// the [[images]] file lines are 4, 7, 10... (3 lines each).
void filmFolder(const TempFolder& t, const std::vector<std::string>& films, const std::string& extraImageKeys = {}) {
  t.write("kiosk.toml", "[kiosk]\nlanguages = [\"en\", \"zh-Hans\"]\ndefault_language = \"en\"\n");
  t.write("sections/01-a/section.toml", "title = \"A\"\n");
  std::string item = "title = \"Films\"\n\n";
  for (const auto& f : films) {
    fs::create_directories(t.path() / "sections/01-a/films");
    if (!fs::exists(t.path() / "sections/01-a/films" / f)) fs::copy_file(film(f.c_str()), t.path() / "sections/01-a/films" / f);
    item += "[[images]]\nfile = \"films/" + f + "\"\n" + extraImageKeys + "\n";
  }
  t.write("sections/01-a/01-films.toml", item);
}

const Diagnostic* find(const std::vector<Diagnostic>& ds, const std::string& text) {
  for (const auto& d : ds)
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

} // namespace

TEST_CASE("[VideoProbe] checkContentVideos names each film the kiosk cannot play at the line that names it") {
  TempFolder t;
  const std::vector<std::string> films = {"ok.mp4",      "vp9.webm",    "text.mp4",     "empty.mp4", "truncated.mp4", "audio-only.mp4",
                                          "mpeg2.mkv",   "8k.mp4",      "240fps.mp4",   "long.mp4",  "raw-h264.mp4"};
  filmFolder(t, films);
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  const auto t0 = std::chrono::steady_clock::now();
  const auto ds = checkContentVideos(*r.content);
  MESSAGE("checkContentVideos, " << films.size() << " films: "
                                  << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() << " ms");
  auto lineOf = [&](const std::string& f) {
    return 4 + 3 * static_cast<int>(std::find(films.begin(), films.end(), f) - films.begin());
  };
  struct Expect {
    std::string film, text;
    Diagnostic::Severity severity;
  };
  const Diagnostic::Severity E = Diagnostic::Severity::Error, W = Diagnostic::Severity::Warning;
  for (const Expect& e : {Expect{"text.mp4", "sections/01-a/films/text.mp4' is not a film: its contents are not a video mpv can read; export it again as MP4 (H.264)", E},
                          Expect{"empty.mp4", "sections/01-a/films/empty.mp4' is not a film: the file is empty (0 bytes)", E},
                          Expect{"truncated.mp4", "sections/01-a/films/truncated.mp4' is not a film", E},
                          Expect{"audio-only.mp4", "has sound but no picture", E},
                          Expect{"mpeg2.mkv", "is in MPEG-2, which the kiosk does not play; export it as MP4 (H.264)", E},
                          Expect{"8k.mp4", "is 7680x4320 pixels; 8K is beyond the kiosk's limit of 4K", E},
                          Expect{"240fps.mp4", "has 240 frames a second, more than the 120", E},
                          Expect{"long.mp4", "is 2 h 00 min long, longer than an hour; the attract loop shows at most 10 minutes of it", W},
                          Expect{"raw-h264.mp4", "does not say how long it is", W}}) {
    CAPTURE(e.film);
    const Diagnostic* d = find(ds, e.text);
    REQUIRE(d);
    CHECK(d->severity == e.severity);
    CHECK(d->file.ends_with("/sections/01-a/01-films.toml"));
    CHECK(d->line == lineOf(e.film));
    CHECK(d->column == 8);
    CHECK(d->message.find(e.film) != std::string::npos);
  }
  CHECK(ds.size() == 9); // ok.mp4 and vp9.webm are fine
  // A reload probes again only films that changed: from memory, in no time.
  const auto t1 = std::chrono::steady_clock::now();
  CHECK(checkContentVideos(*r.content).size() == 9);
  CHECK(std::chrono::steady_clock::now() - t1 < std::chrono::milliseconds(200));
}

TEST_CASE("[VideoProbe] checkContentVideos checks each film's captions") {
  TempFolder t;
  filmFolder(t, {"ok.mp4"});
  t.write("sections/01-a/films/ok.en.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n\n00:01.5 --> 00:02.000\nBad\n");
  t.write("sections/01-a/films/ok.fr.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n");
  t.write("sections/01-a/films/ok.zh-Hans.vtt", "WEBVTT\n");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  const auto ds = checkContentVideos(*r.content);
  const Diagnostic* bad = find(ds, "'00:01.5' is not a time");
  REQUIRE(bad);
  CHECK(bad->file.ends_with("/sections/01-a/films/ok.en.vtt"));
  CHECK(bad->line == 6);
  const Diagnostic* french = find(ds, "not one of the kiosk's languages");
  REQUIRE(french);
  CHECK(french->severity == Diagnostic::Severity::Warning);
  CHECK(french->file.ends_with("/sections/01-a/films/ok.fr.vtt"));
  const Diagnostic* empty = find(ds, "has no captions in it");
  REQUIRE(empty);
  CHECK(empty->message.find("ok.zh-Hans.vtt") != std::string::npos);
  CHECK(ds.size() == 3);
}

TEST_CASE("[VideoProbe] captions named in [[images]] that are missing are an error at that line") {
  TempFolder t;
  filmFolder(t, {"ok.mp4"}, "[images.captions]\nen = \"films/nope.en.vtt\"\n");
  const LoadResult r = loadContent(t.path());
  REQUIRE(r.content);
  const auto ds = checkContentVideos(*r.content);
  const Diagnostic* missing = find(ds, "does not exist");
  REQUIRE(missing);
  CHECK(missing->severity == Diagnostic::Severity::Error);
  CHECK(missing->file.ends_with("/sections/01-a/01-films.toml"));
  CHECK(missing->line == 6);
  CHECK(missing->message.find("nope.en.vtt") != std::string::npos);
  CHECK(missing->message.find("ok.mp4") != std::string::npos);
}
