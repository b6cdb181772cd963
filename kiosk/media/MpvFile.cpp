#include "media/MpvFile.h"
#include "media/MpvLibrary.h"

#include <cmath>
#include <cstring>

namespace kiosk::media::mpvfile {

namespace {

constexpr std::uint64_t kOnLoad = 1, kOnPreloaded = 2;

// Options every handle gets. `required`: libmpv must take it (an error otherwise); the others
// exist only in some builds (Lua scripts) and are skipped where unknown.
struct Option {
  const char* name;
  const char* value;
  bool required;
};
constexpr Option kSafe[] = {
    {"config", "no", true},
    {"terminal", "no", true},
    {"msg-level", "all=no", true},
    {"load-scripts", "no", true},
    {"ytdl", "no", false},
    {"osc", "no", false},
    {"load-stats-overlay", "no", false},
    {"load-osd-console", "no", false},
    {"load-auto-profiles", "no", false},
    {"input-default-bindings", "no", true},
    {"input-vo-keyboard", "no", false},
    {"idle", "yes", true},
    {"ao", "null", true},
    {"audio-device", "null", false},
    {"hwdec", "no", true},
    {"sub-auto", "no", true},
    {"audio-file-auto", "no", true},
    {"cover-art-auto", "no", false},
    {"autoload-files", "no", false},
    {"access-references", "no", false},
    {"ordered-chapters", "no", true},
    {"load-unsafe-playlists", "no", true},
    {"prefetch-playlist", "no", true},
    {"cache", "no", true},
    {"demuxer-max-bytes", "4MiB", true},
    {"demuxer-max-back-bytes", "0", true},
    {"demuxer-readahead-secs", "0", true},
    // lavf's own opens (HLS segments, a concat list): local files only, never a network protocol.
    {"demuxer-lavf-o", "protocol_whitelist=file", true},
    {"stream-lavf-o", "protocol_whitelist=file", false},
    {"resume-playback", "no", true},
    {"save-position-on-quit", "no", true},
};

} // namespace

Handle open(const std::vector<std::pair<std::string, std::string>>& extra, std::string& error) {
  if (const std::string& why = mpvUnavailable(); !why.empty()) {
    error = why;
    return {};
  }
  Handle h(mpv_create());
  if (!h) {
    // mpv_create refuses to start unless LC_NUMERIC is "C".
    error = "libmpv could not start (out of memory, or a number format other than C is set for this program)";
    return {};
  }
  for (const Option& o : kSafe) {
    const int r = mpv_set_option_string(h.get(), o.name, o.value);
    if (r < 0 && (o.required || r != MPV_ERROR_OPTION_NOT_FOUND)) {
      error = std::string("libmpv refused its option ") + o.name + "=" + o.value + " (" + mpv_error_string(r) + ")";
      return {};
    }
  }
  for (const auto& [name, value] : extra) {
    const int r = mpv_set_option_string(h.get(), name.c_str(), value.c_str());
    if (r < 0) {
      error = "libmpv refused its option " + name + "=" + value + " (" + mpv_error_string(r) + ")";
      return {};
    }
  }
  if (const int r = mpv_initialize(h.get()); r < 0) {
    error = std::string("libmpv could not start (") + mpv_error_string(r) + ")";
    return {};
  }
  mpv_hook_add(h.get(), kOnLoad, "on_load", 0);
  mpv_hook_add(h.get(), kOnPreloaded, "on_preloaded", 0);
  return h;
}

Wait loadAndWait(mpv_handle* h, const std::filesystem::path& file, Clock::time_point deadline, Until until) {
  Wait w;
  const std::string path = file.string();
  const char* cmd[] = {"loadfile", path.c_str(), "replace", nullptr};
  if (const int r = mpv_command(h, cmd); r < 0) {
    w.outcome = Outcome::Ended;
    w.endError = r;
    return w;
  }
  bool started = false; // our file's on_load has been seen
  for (;;) {
    const double left = std::chrono::duration<double>(deadline - Clock::now()).count();
    if (left <= 0) return w; // TimedOut
    const mpv_event* ev = mpv_wait_event(h, left);
    switch (ev->event_id) {
    case MPV_EVENT_NONE: break; // the timeout: checked at the top
    case MPV_EVENT_SHUTDOWN: w.outcome = Outcome::Shutdown; return w;
    case MPV_EVENT_HOOK: {
      const auto* hook = static_cast<const mpv_event_hook*>(ev->data);
      if (ev->reply_userdata == kOnLoad) {
        // Only the file asked for is ever opened: a playlist's entries (maybe web addresses) and
        // references to other files are refused before mpv touches them.
        char* next = mpv_get_property_string(h, "stream-open-filename");
        const bool ours = next && path == next && !started;
        if (next) mpv_free(next);
        if (!ours) {
          mpv_set_property_string(h, "stream-open-filename", "null://");
          mpv_hook_continue(h, hook->id);
          w.outcome = Outcome::Refused;
          return w;
        }
        started = true;
        mpv_hook_continue(h, hook->id);
      } else if (ev->reply_userdata == kOnPreloaded && until == Until::Preloaded) {
        w.outcome = Outcome::Preloaded;
        w.hookId = hook->id;
        return w;
      } else {
        mpv_hook_continue(h, hook->id);
      }
      break;
    }
    case MPV_EVENT_PLAYBACK_RESTART:
      if (until == Until::Restarted && started) {
        w.outcome = Outcome::Restarted;
        return w;
      }
      break;
    case MPV_EVENT_END_FILE: {
      const auto* end = static_cast<const mpv_event_end_file*>(ev->data);
      w.outcome = end->reason == MPV_END_FILE_REASON_REDIRECT ? Outcome::Refused : Outcome::Ended;
      w.endReason = end->reason;
      w.endError = end->reason == MPV_END_FILE_REASON_ERROR ? end->error : 0;
      return w;
    }
    default: break;
    }
  }
}

std::string endErrorSentence(const Wait& w, double timeoutSeconds) {
  switch (w.outcome) {
  case Outcome::TimedOut: {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::round(timeoutSeconds * 10) / 10);
    return std::string("opening it took longer than ") + buf + " seconds, so it was given up (a damaged or endless file)";
  }
  case Outcome::Refused: return "it is a playlist or refers to other files, not a film";
  case Outcome::Shutdown: return "libmpv stopped while opening it";
  case Outcome::Preloaded:
  case Outcome::Restarted: return {};
  case Outcome::Ended: break;
  }
  switch (w.endError) {
  case MPV_ERROR_UNKNOWN_FORMAT: return "its contents are not a video mpv can read";
  case MPV_ERROR_NOTHING_TO_PLAY: return "it holds no picture or sound mpv can play";
  case MPV_ERROR_LOADING_FAILED: return "it could not be opened (it may be cut short or damaged)";
  case 0: return "it ended before its picture could be read (it may be cut short or damaged)";
  default: return std::string("it could not be opened (") + mpv_error_string(w.endError) + ")";
  }
}

} // namespace kiosk::media::mpvfile
