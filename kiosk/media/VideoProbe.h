#pragma once
// Films (issue 15) probed without playing them: container, codecs, size, duration and frame
// rate read by a private libmpv handle that opens the file and stops before any decoder starts.
// `kiosk validate` and every content load check each film against what the kiosk plays, so staff
// learn of a film it cannot show from a sentence naming it, not from a black screen.
// Worker threads only (a probe takes tens of milliseconds, up to its timeout for a bad file).
#include "core/Content.h"
#include "core/Diagnostic.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::media {

struct VideoInfo {
  std::string error;      // "" when mpv opened it; else a sentence ("its contents are not a video mpv can read")
  std::string container;  // mpv's file-format: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "h264"
  std::string videoCodec; // mpv's codec name: "h264", "hevc", "vp9", "av1"...; "" when there is no picture
  std::string audioCodec; // "aac", "opus"...; "" when there is no sound
  std::vector<std::string> audioLanguages; // each audio track's language tag ("" when untagged)
  int width = 0, height = 0;        // of the first video track, as stored (before rotation)
  std::optional<double> duration;   // seconds; nullopt when the file does not say (a raw stream)
  double fps = 0;                   // the container's frame rate; 0 when unknown
  double probeMs = 0;               // how long the probe took

  bool ok() const { return error.empty(); }
  bool hasVideo() const { return !videoCodec.empty(); }
};

// Opens `file` with libmpv (no decoding, no sound, no network) and reads what it holds; gives up
// after `timeoutSeconds`. Never throws; libmpv's handle is always destroyed.
VideoInfo probeVideo(const std::filesystem::path& file, double timeoutSeconds = 10);

// What the kiosk plays (the limits validate checks films against).
inline constexpr int kMaxFilmLongSide = 4096;   // 4K: 3840x2160 and DCI 4096x2160, either way up
inline constexpr int kMaxFilmShortSide = 2304;
inline constexpr double kMaxFilmFps = 120;
inline constexpr double kLongFilmSeconds = 3600;       // longer: a warning
inline constexpr double kAttractMaxFilmSeconds = 600;  // the attract loop shows at most this much of a film
// "h264" -> true: the codecs the kiosk plays (H.264, HEVC, VP8, VP9, AV1, MPEG-4 part 2).
bool isPlayableCodec(const std::string& mpvCodec);

// One diagnostic per problem with a film the content names, at the TOML line that names it:
// not a film, no picture, a codec the kiosk does not play, beyond 4K or 120 frames a second,
// longer than an hour or of unknown length (warnings); its captions: missing or unreadable
// files, WebVTT errors (at the .vtt file's line), languages the kiosk does not offer
// (warnings). Probes are remembered by file, size and time of change, so a reload probes only
// films that changed. Worker thread.
std::vector<Diagnostic> checkContentVideos(const Content& content, double timeoutSeconds = 10);

} // namespace kiosk::media
