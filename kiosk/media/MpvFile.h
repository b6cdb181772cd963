#pragma once
// A private libmpv handle that opens one local file staff gave, for the video probe and poster
// frames (not for playback: the UI's players have their own). Internal to kiosk_media: its
// header brings <mpv/client.h>, so only VideoProbe.cpp and PosterFrame.cpp include it.
//
// What the handle never does: read mpv's config files or scripts, write to the terminal, take
// input, fetch anything from the network (lavf's nested opens are limited to file:, mpv's
// playlist entries and references to other files are refused by the on_load hook), load
// subtitles or audio files beside the film, use hardware decoding, or play sound.
#include <mpv/client.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::media::mpvfile {

using Clock = std::chrono::steady_clock;

// Owns an mpv_handle; mpv_terminate_destroy on every path out.
class Handle {
public:
  Handle() = default;
  explicit Handle(mpv_handle* h) : m_h(h) {}
  ~Handle() {
    if (m_h) mpv_terminate_destroy(m_h);
  }
  Handle(Handle&& o) noexcept : m_h(std::exchange(o.m_h, nullptr)) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      if (m_h) mpv_terminate_destroy(m_h);
      m_h = std::exchange(o.m_h, nullptr);
    }
    return *this;
  }
  mpv_handle* get() const { return m_h; }
  explicit operator bool() const { return m_h != nullptr; }

private:
  mpv_handle* m_h = nullptr;
};

// Creates and initialises a handle with the safe options above plus `extra` (name, value);
// empty Handle and `error` set when libmpv refuses. Extra options that this libmpv does not
// know are an error; the safe ones it does not know (built without Lua: osc, ...) are skipped.
Handle open(const std::vector<std::pair<std::string, std::string>>& extra, std::string& error);

// What happened to the file after loadfile.
enum class Outcome { Preloaded, Restarted, Ended, Refused, TimedOut, Shutdown };

// What loadAndWait waits for.
enum class Until {
  Preloaded, // the file opened with its tracks known, before any decoder starts: the on_preloaded
             // hook, left waiting (continue it with mpv_hook_continue)
  Restarted, // the first frame decoded and shown, paused (MPV_EVENT_PLAYBACK_RESTART)
};

struct Wait {
  Outcome outcome = Outcome::TimedOut;
  int endError = 0;        // MPV_ERROR_* when the file ended with an error
  int endReason = -1;      // mpv_end_file_reason when it ended
  std::uint64_t hookId = 0; // the on_preloaded hook waiting for mpv_hook_continue (Preloaded only)
};

// Issues loadfile for `file` (absolute) and waits until the deadline for `until`, or the file's
// end. A load of anything but `file` (a playlist's entry, a reference) is refused.
Wait loadAndWait(mpv_handle* h, const std::filesystem::path& file, Clock::time_point deadline, Until until);

// A sentence for why mpv could not open a film ("its contents are not a video mpv can read").
std::string endErrorSentence(const Wait& w, double timeoutSeconds);

} // namespace kiosk::media::mpvfile
