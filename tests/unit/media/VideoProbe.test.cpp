#include "media/PosterFrame.h"
#include "media/VideoProbe.h"
#include "media/ImageDecoder.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
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
