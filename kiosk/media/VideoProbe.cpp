#include "media/VideoProbe.h"

#include "core/WebVtt.h"
#include "media/MpvFile.h"
#include "media/MpvLibrary.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::media {

namespace fs = std::filesystem;

namespace {

const mpv_node* mapGet(const mpv_node& map, const char* key) {
  if (map.format != MPV_FORMAT_NODE_MAP || !map.u.list) return nullptr;
  for (int i = 0; i < map.u.list->num; ++i)
    if (std::strcmp(map.u.list->keys[i], key) == 0) return &map.u.list->values[i];
  return nullptr;
}
std::string nodeString(const mpv_node* n) { return n && n->format == MPV_FORMAT_STRING && n->u.string ? n->u.string : ""; }
double nodeNumber(const mpv_node* n) {
  if (!n) return 0;
  if (n->format == MPV_FORMAT_INT64) return static_cast<double>(n->u.int64);
  if (n->format == MPV_FORMAT_DOUBLE) return n->u.double_;
  return 0;
}
bool nodeFlag(const mpv_node* n) { return n && n->format == MPV_FORMAT_FLAG && n->u.flag; }

// Reads what the opened file holds into `info`.
void readProperties(mpv_handle* h, VideoInfo& info) {
  if (char* s = mpv_get_property_string(h, "file-format")) {
    info.container = s;
    mpv_free(s);
  }
  double duration = 0;
  if (mpv_get_property(h, "duration", MPV_FORMAT_DOUBLE, &duration) >= 0 && std::isfinite(duration) && duration > 0)
    info.duration = duration;
  mpv_node tracks{};
  if (mpv_get_property(h, "track-list", MPV_FORMAT_NODE, &tracks) < 0) return;
  if (tracks.format == MPV_FORMAT_NODE_ARRAY && tracks.u.list) {
    for (int i = 0; i < tracks.u.list->num; ++i) {
      const mpv_node& t = tracks.u.list->values[i];
      const std::string type = nodeString(mapGet(t, "type"));
      if (type == "video" && info.videoCodec.empty() && !nodeFlag(mapGet(t, "albumart"))) {
        info.videoCodec = nodeString(mapGet(t, "codec"));
        if (info.videoCodec.empty()) info.videoCodec = "an unknown codec";
        info.width = static_cast<int>(nodeNumber(mapGet(t, "demux-w")));
        info.height = static_cast<int>(nodeNumber(mapGet(t, "demux-h")));
        const double fps = nodeNumber(mapGet(t, "demux-fps"));
        info.fps = std::isfinite(fps) && fps > 0 ? fps : 0;
      } else if (type == "audio") {
        if (info.audioCodec.empty()) info.audioCodec = nodeString(mapGet(t, "codec"));
        info.audioLanguages.push_back(nodeString(mapGet(t, "lang")));
      }
    }
  }
  mpv_free_node_contents(&tracks);
}

// "the file is empty" and the like, before mpv is asked: a regular file with bytes in it.
std::string checkFile(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return err == ENOENT ? "the file does not exist" : "it cannot be opened (" + std::string(std::strerror(err)) + ")";
  }
  struct stat st {};
  const bool got = ::fstat(fd, &st) == 0;
  ::close(fd);
  if (!got || !S_ISREG(st.st_mode)) return "it is not a regular file (a pipe, a device or a folder), so it is never read";
  if (st.st_size == 0) return "the file is empty (0 bytes)";
  return {};
}

std::string seconds(double s) {
  char buf[48];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(s / 3600), static_cast<int>(std::fmod(s, 3600) / 60));
  else std::snprintf(buf, sizeof buf, "%d min %02d s", static_cast<int>(s / 60), static_cast<int>(std::fmod(s, 60)));
  return buf;
}

// A codec as staff know it from their export dialog.
std::string codecName(const std::string& c) {
  static const std::map<std::string, std::string> names = {
      {"mpeg2video", "MPEG-2"}, {"mpeg1video", "MPEG-1"}, {"prores", "ProRes"}, {"dnxhd", "DNxHD"}, {"mjpeg", "Motion JPEG"},
      {"ffv1", "FFV1"}, {"theora", "Theora"}, {"wmv3", "Windows Media Video 9"}, {"vc1", "VC-1"}, {"msmpeg4v3", "DivX 3"},
      {"rawvideo", "uncompressed video"}, {"cinepak", "Cinepak"}, {"h263", "H.263"}, {"gif", "GIF"}, {"png", "PNG"}};
  const auto it = names.find(c);
  return it != names.end() ? it->second : c;
}

// Probes remembered by file, size and time of change: a reload probes only changed films.
struct Memo {
  std::mutex mutex;
  std::map<std::string, VideoInfo> byKey;
};
Memo& memo() {
  static Memo m;
  return m;
}
std::string memoKey(const ImageRef& img) {
  return img.file.string() + '\n' + std::to_string(img.bytes) + '\n' + std::to_string(img.modified.time_since_epoch().count());
}

} // namespace

bool isPlayableCodec(const std::string& c) {
  return c == "h264" || c == "hevc" || c == "vp8" || c == "vp9" || c == "av1" || c == "mpeg4";
}

VideoInfo probeVideo(const fs::path& file, double timeoutSeconds) {
  const auto start = mpvfile::Clock::now();
  VideoInfo info;
  auto finish = [&] {
    info.probeMs = std::chrono::duration<double, std::milli>(mpvfile::Clock::now() - start).count();
    return info;
  };
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec);
  if ((info.error = checkFile(absolute)).size()) return finish();
  // Nothing is decoded (no track is selected, and the probe stops before decoders start), nothing
  // is shown or heard, and the file is left paused.
  mpvfile::Handle h = mpvfile::open({{"vo", "null"}, {"vid", "no"}, {"aid", "no"}, {"sid", "no"}, {"pause", "yes"}}, info.error);
  if (!h) return finish();
  const auto deadline = start + std::chrono::duration_cast<mpvfile::Clock::duration>(std::chrono::duration<double>(std::max(0.1, timeoutSeconds)));
  const mpvfile::Wait w = mpvfile::loadAndWait(h.get(), absolute, deadline, mpvfile::Until::Preloaded);
  if (w.outcome == mpvfile::Outcome::Preloaded) {
    readProperties(h.get(), info);
    mpv_hook_continue(h.get(), w.hookId);
    if (info.videoCodec.empty() && info.audioCodec.empty()) info.error = "its contents are not a video mpv can read";
  } else {
    info.error = mpvfile::endErrorSentence(w, timeoutSeconds);
  }
  return finish();
}

std::vector<Diagnostic> checkContentVideos(const Content& content, double timeoutSeconds) {
  std::vector<Diagnostic> out;
  std::set<std::string> checked; // a film named twice is reported once
  bool warnedNoMpv = false;
  const std::set<std::string> offered(content.settings.languages.begin(), content.settings.languages.end());
  for (const ImageRef* imgp : content.pictures()) {
    const ImageRef& img = *imgp;
    if (!img.video || !img.exists || !checked.insert(img.file.string()).second) continue; // missing: the loader said so
    auto at = [&](Diagnostic::Severity severity, std::string message) {
      Diagnostic d;
      d.severity = severity;
      d.file = img.namedIn;
      d.line = img.line;
      d.column = img.column;
      d.message = std::move(message);
      out.push_back(std::move(d));
    };
    const std::string name = "'" + printable(img.displayPath) + "'";
    // No libmpv on this machine: nothing is wrong with the films, and nothing can be said of
    // what is in them either; one warning for the folder, at its first film (captions are still
    // checked: they are text).
    const std::string& noMpv = mpvUnavailable();
    if (!noMpv.empty() && !warnedNoMpv) {
      warnedNoMpv = true;
      at(Diagnostic::Severity::Warning, "films cannot be checked or played on this machine: " + noMpv +
                                            "; until then every film shows its poster or a placeholder");
    }

    if (noMpv.empty()) {
      VideoInfo info;
      const std::string key = memoKey(img);
      bool known = false;
      {
        std::lock_guard lock(memo().mutex);
        if (auto it = memo().byKey.find(key); it != memo().byKey.end()) info = it->second, known = true;
      }
      if (!known) {
        info = probeVideo(img.file, timeoutSeconds);
        std::lock_guard lock(memo().mutex);
        if (memo().byKey.size() > 1000) memo().byKey.clear(); // films come and go over months of reloads
        if (info.error.find("longer than") == std::string::npos)
          memo().byKey[key] = info; // a slow disk may do better next time
      }

      if (!info.ok()) {
        at(Diagnostic::Severity::Error,
           name + " is not a film: " + info.error +
               "; export it again as MP4 (H.264); its poster or a placeholder is shown instead");
      } else if (!info.hasVideo()) {
        at(Diagnostic::Severity::Error,
           name + " has sound but no picture, so there is nothing to show; export the film again "
                  "as MP4 (H.264) with its video, or name a picture here instead");
      } else {
        if (!isPlayableCodec(info.videoCodec))
          at(Diagnostic::Severity::Error, "the film " + name + " is in " + codecName(info.videoCodec) +
                                              ", which the kiosk does not play; export it as MP4 (H.264)");
        const int longSide = std::max(info.width, info.height), shortSide = std::min(info.width, info.height);
        if (longSide > kMaxFilmLongSide || shortSide > kMaxFilmShortSide)
          at(Diagnostic::Severity::Error,
             "the film " + name + " is " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                 " pixels; " + (longSide >= 7680 ? "8K" : "this") + " is beyond the kiosk's limit of 4K (" +
                 std::to_string(kMaxFilmLongSide) + "x" + std::to_string(kMaxFilmShortSide) +
                 "); export it at 3840x2160 or smaller");
        if (info.fps > kMaxFilmFps + 0.5) {
          char fps[32];
          std::snprintf(fps, sizeof fps, "%g", std::round(info.fps * 100) / 100);
          at(Diagnostic::Severity::Error, "the film " + name + " has " + fps + " frames a second, more than the " +
                                              std::to_string(static_cast<int>(kMaxFilmFps)) +
                                              " the kiosk shows; export it at 60, 50, 30 or 25 frames a second");
        }
        const std::string attractMinutes = std::to_string(static_cast<int>(kAttractMaxFilmSeconds / 60));
        if (!info.duration)
          at(Diagnostic::Severity::Warning, "the film " + name +
                                                " does not say how long it is (a stream without an index), so "
                                                "the attract loop shows at most " +
                                                attractMinutes + " minutes of it; export it again as MP4 (H.264)");
        else if (*info.duration > kLongFilmSeconds)
          at(Diagnostic::Severity::Warning, "the film " + name + " is " + seconds(*info.duration) +
                                                " long, longer than an hour; the attract loop shows at most " +
                                                attractMinutes +
                                                " minutes of it; shorten it for the loop if that is where it plays");
      }
    }

    // Captions: each file readable WebVTT, in a language the kiosk offers.
    for (const auto& entry : img.captions) { // not a structured binding: clang 14 cannot capture one
      const std::string& language = entry.first;
      const ImageRef::CaptionFile& cf = entry.second;
      auto place = [&](Diagnostic::Severity severity, std::string message) {
        Diagnostic d;
        d.severity = severity;
        d.file = cf.line > 0 ? img.namedIn : cf.displayPath;
        d.line = cf.line;
        d.column = cf.column;
        d.message = std::move(message);
        out.push_back(std::move(d));
      };
      const std::string file = "'" + printable(cf.displayPath) + "'";
      if (!offered.count(language))
        place(Diagnostic::Severity::Warning, "the captions " + file + " are in '" + printable(language) +
                                                 "', which is not one of the kiosk's languages, so they are never shown; add '" +
                                                 printable(language) + "' to languages in kiosk.toml, or remove the file");
      std::error_code ec;
      if (!fs::exists(fs::symlink_status(cf.file, ec)) || !fs::exists(cf.file, ec)) {
        place(Diagnostic::Severity::Error, "the captions file " + file + " for the film " + name +
                                               " does not exist; check the spelling or copy the file in");
        continue;
      }
      const size_t before = out.size();
      const Captions captions = readWebVttFile(cf.file, cf.displayPath, out);
      if (captions.empty() && out.size() == before)
        place(Diagnostic::Severity::Warning, "the captions file " + file + " has no captions in it (only the WEBVTT line); "
                                             "add the cues or remove the file");
    }
  }
  return out;
}

} // namespace kiosk::media
