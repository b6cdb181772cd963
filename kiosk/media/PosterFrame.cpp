#include "media/PosterFrame.h"

#include "media/DiskCache.h"
#include "media/MpvFile.h"
#include "media/VideoProbe.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kiosk::media {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxPosterWidth = 3840, kMaxPosterHeight = 2160;

std::string lowerExtension(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

} // namespace

std::string makePosterFrame(const fs::path& film, const fs::path& out, double timeoutSeconds) {
  const auto start = mpvfile::Clock::now();
  const auto deadline = start + std::chrono::duration_cast<mpvfile::Clock::duration>(std::chrono::duration<double>(std::max(0.1, timeoutSeconds)));
  std::error_code ec;
  const fs::path absolute = fs::absolute(film, ec);
  const VideoInfo info = probeVideo(absolute, timeoutSeconds);
  if (!info.ok()) return info.error;
  if (!info.hasVideo()) return "it has sound but no picture to take a poster from";
  const double left = std::chrono::duration<double>(deadline - mpvfile::Clock::now()).count();
  if (left <= 0) return mpvfile::endErrorSentence({}, timeoutSeconds);

  // A frame with a picture: 10% in, at most 2 s (films fade in from black; a raw stream without
  // a length starts at its first frame).
  const double at = info.duration ? std::min(*info.duration * 0.1, 2.0) : 0.0;
  char atText[32];
  std::snprintf(atText, sizeof atText, "%.3f", at);
  std::string vf;
  if (info.width > kMaxPosterWidth || info.height > kMaxPosterHeight) {
    const double scale = std::min(double(kMaxPosterWidth) / info.width, double(kMaxPosterHeight) / info.height);
    const int w = std::max(2, static_cast<int>(info.width * scale) / 2 * 2), h = std::max(2, static_cast<int>(info.height * scale) / 2 * 2);
    vf = "scale=w=" + std::to_string(w) + ":h=" + std::to_string(h);
  }
  const std::string ext = lowerExtension(out);
  const bool jpeg = ext == ".jpg" || ext == ".jpeg";

  // mpv writes its frame into a folder of its own beside `out`; the frame is renamed into place.
  fs::create_directories(out.parent_path(), ec);
  std::string tmp = (out.parent_path() / ".poster-XXXXXX").string();
  if (!::mkdtemp(tmp.data())) return "no poster could be written in " + out.parent_path().string() + " (" + std::strerror(errno) + ")";
  struct Remove {
    fs::path dir;
    ~Remove() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{tmp};

  // Paused at the frame wanted, which mpv has decoded and shown (to no screen: vo=null keeps
  // it), then that frame written as a screenshot of the video alone.
  std::vector<std::pair<std::string, std::string>> options = {
      {"vo", "null"}, {"pause", "yes"}, {"aid", "no"}, {"sid", "no"}, {"hr-seek", "yes"},
      {"screenshot-format", jpeg ? "jpg" : "png"}, {"screenshot-jpeg-quality", "90"}, {"screenshot-png-compression", "3"},
      {"screenshot-high-bit-depth", "no"}, {"screenshot-tag-colorspace", "no"}, {"vf", vf}};
  if (at > 0) options.emplace_back("start", atText); // a raw stream without a length cannot seek: its first frame
  std::string error;
  mpvfile::Handle h = mpvfile::open(options, error);
  if (!h) return error;
  const mpvfile::Wait w = mpvfile::loadAndWait(h.get(), absolute, deadline, mpvfile::Until::Restarted);
  if (w.outcome != mpvfile::Outcome::Restarted) return mpvfile::endErrorSentence(w, timeoutSeconds);
  const std::string frame = (fs::path(tmp) / (jpeg ? "frame.jpg" : "frame.png")).string();
  const char* cmd[] = {"screenshot-to-file", frame.c_str(), "video", nullptr};
  if (const int r = mpv_command(h.get(), cmd); r < 0 || !fs::is_regular_file(frame, ec) || fs::file_size(frame, ec) == 0)
    return "no frame of it could be decoded (it may be cut short or damaged)";
  ::chmod(frame.c_str(), 0644);
  fs::rename(frame, out, ec);
  if (ec) return "its poster could not be kept in " + out.parent_path().string() + " (" + ec.message() + ")";
  return {};
}

std::optional<fs::path> posterPathFor(const fs::path& film, const fs::path& posterDir) {
  struct stat st {};
  if (::stat(film.c_str(), &st) != 0) return std::nullopt;
  std::error_code ec;
  const std::string key = fs::absolute(film, ec).string() + '\0' + std::to_string(st.st_size) + '\0' + std::to_string(st.st_mtim.tv_sec) +
                          '.' + std::to_string(st.st_mtim.tv_nsec) + '\0' + std::to_string(st.st_ino);
  const ContentHash hash = hashBytes({reinterpret_cast<const std::uint8_t*>(key.data()), key.size()});
  return posterDir / (hash.hex() + "-v1.jpg");
}

std::optional<fs::path> privatePosterDir() {
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec) / ("kiosk-posters-" + std::to_string(::getuid()));
  if (ec) return std::nullopt;
  ::mkdir(dir.c_str(), 0700);
  struct stat st {};
  // Not a link, ours, and no one else may write in it: another user cannot plant posters.
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() || (st.st_mode & 022) != 0) return std::nullopt;
  return dir;
}

std::uintmax_t trimPosterDir(const fs::path& dir, std::uintmax_t maxBytes) {
  struct Found {
    fs::path path;
    std::uintmax_t bytes;
    fs::file_time_type used;
  };
  std::vector<Found> posters;
  std::uintmax_t total = 0;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    const std::string name = it->path().filename().string();
    const auto used = it->last_write_time(e2);
    if (e2) continue;
    if (name.starts_with(".poster-")) { // left by a kiosk killed while making a poster
      if (now - used > std::chrono::hours(1)) fs::remove_all(it->path(), e2);
      continue;
    }
    if (!name.ends_with("-v1.jpg") || !it->is_regular_file(e2)) continue; // not ours: never touched
    const auto bytes = it->file_size(e2);
    if (e2) continue;
    posters.push_back({it->path(), bytes, used});
    total += bytes;
  }
  if (total <= maxBytes) return 0;
  std::sort(posters.begin(), posters.end(), [](const Found& a, const Found& b) { return a.used < b.used; });
  std::uintmax_t freed = 0;
  for (const auto& p : posters) {
    if (total - freed <= maxBytes / 10 * 9) break;
    std::error_code e2;
    if (fs::remove(p.path, e2)) freed += p.bytes;
  }
  return freed;
}

} // namespace kiosk::media
