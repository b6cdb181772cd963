#include "ui/FilmPlayer.h"

#include "media/MpvLibrary.h"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <mpv/client.h>
#include <mpv/render_gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace kiosk::ui {

namespace {

// The framebuffer functions are not in OpenGL 1.1's header: asked of the context, as mpv asks.
#ifndef GL_FRAMEBUFFER
#define GL_FRAMEBUFFER 0x8D40
#define GL_COLOR_ATTACHMENT0 0x8CE0
#define GL_FRAMEBUFFER_COMPLETE 0x8CD5
#define GL_FRAMEBUFFER_BINDING 0x8CA6
#endif
#ifndef GL_CLAMP_TO_EDGE
#define GL_CLAMP_TO_EDGE 0x812F
#endif
using GenFramebuffers = void (*)(GLsizei, GLuint*);
using DeleteFramebuffers = void (*)(GLsizei, const GLuint*);
using BindFramebuffer = void (*)(GLenum, GLuint);
using FramebufferTexture2D = void (*)(GLenum, GLenum, GLenum, GLuint, GLint);
using CheckFramebufferStatus = GLenum (*)(GLenum);

struct FramebufferFunctions {
  GenFramebuffers gen = nullptr;
  DeleteFramebuffers del = nullptr;
  BindFramebuffer bind = nullptr;
  FramebufferTexture2D texture2D = nullptr;
  CheckFramebufferStatus check = nullptr;
  bool ok() const { return gen && del && bind && texture2D && check; }
};

const FramebufferFunctions& fb() {
  static const FramebufferFunctions f = [] {
    FramebufferFunctions r;
    r.gen = reinterpret_cast<GenFramebuffers>(sf::Context::getFunction("glGenFramebuffers"));
    r.del = reinterpret_cast<DeleteFramebuffers>(sf::Context::getFunction("glDeleteFramebuffers"));
    r.bind = reinterpret_cast<BindFramebuffer>(sf::Context::getFunction("glBindFramebuffer"));
    r.texture2D = reinterpret_cast<FramebufferTexture2D>(sf::Context::getFunction("glFramebufferTexture2D"));
    r.check = reinterpret_cast<CheckFramebufferStatus>(sf::Context::getFunction("glCheckFramebufferStatus"));
    return r;
  }();
  return f;
}

void* procAddress(void*, const char* name) { return reinterpret_cast<void*>(sf::Context::getFunction(name)); }

// The properties the frame loop follows, by the reply id mpv hands back with each change.
enum : std::uint64_t { kTimePos = 1, kDuration, kEof, kWidth, kHeight, kHwdec, kDropped, kDecoderDropped, kIdle, kFps };

} // namespace

std::unique_ptr<FilmPlayer> FilmPlayer::open(const std::filesystem::path& file, const Options& options, std::string& error) {
  if (!fb().ok()) {
    error = "this OpenGL has no framebuffer objects, so films cannot be drawn; their posters are shown";
    return nullptr;
  }
  if (const std::string& why = media::mpvUnavailable(); !why.empty()) {
    error = why;
    return nullptr;
  }
  std::unique_ptr<FilmPlayer> p(new FilmPlayer);
  p->m_file = file;
  p->m_mpv = mpv_create();
  if (!p->m_mpv) {
    error = "mpv could not be started (out of memory?)";
    return nullptr;
  }
  mpv_handle* h = p->m_mpv;
  auto set = [h](const char* name, const std::string& value) { mpv_set_option_string(h, name, value.c_str()); };
  // A kiosk player, not mpv the application: no user config, scripts, keys, on-screen display,
  // subtitles (the kiosk draws captions itself) or network; the video goes to our render API.
  set("config", "no");
  set("terminal", "no");
  set("load-scripts", "no");
  set("ytdl", "no");
  set("input-default-bindings", "no");
  set("input-vo-keyboard", "no");
  set("osc", "no");
  set("osd-level", "0");
  set("sid", "no");
  set("sub-auto", "no");
  set("audio-file-auto", "no");
  set("vo", "libmpv");
  set("hwdec", options.hwdec);
  // Software decoding needs no interop between a decoder and GL: without this, the render context
  // loads CUDA's and VDPAU's at every open and their libraries print to stderr on machines
  // without them.
  if (options.hwdec == "no") set("gpu-hwdec-interop", "no");
  set("keep-open", "always"); // the last frame stays: never a black frame at a film's end
  set("keep-open-pause", "yes");
  set("idle", "yes");
  set("pause", "yes");
  set("video-timing-offset", "0"); // render() never sleeps until a frame's time
  set("demuxer-lavf-o", "protocol_whitelist=file"); // a film is a file in the content folder, nothing else
  set("demuxer-max-bytes", "32MiB");
  set("demuxer-max-back-bytes", "8MiB");
  set("loop-file", options.loop && !options.stepped ? "inf" : "no");
  set("aid", options.audio ? "auto" : "no");
  set("audio-display", "no");
  set("mute", options.muted ? "yes" : "no");
  set("volume", std::to_string(std::clamp(options.volume, 0, 100)));
  set("speed", std::to_string(options.speed > 0 ? options.speed : 1));
  if (options.stepped) {
    set("hr-seek", "yes");
    set("ao", "null"); // a scripted run is silent and must not depend on the machine's sound card
  }
  if (mpv_initialize(h) < 0) {
    error = "mpv could not be initialised";
    mpv_terminate_destroy(h);
    p->m_mpv = nullptr;
    return nullptr;
  }
  mpv_request_log_messages(h, "warn");
  mpv_opengl_init_params gl{procAddress, nullptr};
  int advanced = 0;
  mpv_render_param params[] = {{MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_OPENGL)},
                               {MPV_RENDER_PARAM_OPENGL_INIT_PARAMS, &gl},
                               {MPV_RENDER_PARAM_ADVANCED_CONTROL, &advanced},
                               {MPV_RENDER_PARAM_INVALID, nullptr}};
  // Created before loadfile (the render API's rule), with the kiosk's context current.
  if (const int r = mpv_render_context_create(&p->m_render, h, params); r < 0) {
    error = std::string("mpv could not draw with this OpenGL (") + mpv_error_string(r) + ")";
    mpv_terminate_destroy(h);
    p->m_mpv = nullptr;
    return nullptr;
  }
  FilmPlayer* self = p.get();
  mpv_set_wakeup_callback(h, [](void* d) { static_cast<FilmPlayer*>(d)->m_wakeup = true; }, self);
  mpv_render_context_set_update_callback(p->m_render, [](void* d) { static_cast<FilmPlayer*>(d)->m_update = true; }, self);
  mpv_observe_property(h, kTimePos, "time-pos", MPV_FORMAT_DOUBLE);
  mpv_observe_property(h, kDuration, "duration", MPV_FORMAT_DOUBLE);
  mpv_observe_property(h, kEof, "eof-reached", MPV_FORMAT_FLAG);
  mpv_observe_property(h, kWidth, "dwidth", MPV_FORMAT_INT64);
  mpv_observe_property(h, kHeight, "dheight", MPV_FORMAT_INT64);
  mpv_observe_property(h, kHwdec, "hwdec-current", MPV_FORMAT_STRING);
  mpv_observe_property(h, kDropped, "frame-drop-count", MPV_FORMAT_INT64);
  mpv_observe_property(h, kDecoderDropped, "decoder-frame-drop-count", MPV_FORMAT_INT64);
  mpv_observe_property(h, kIdle, "idle-active", MPV_FORMAT_FLAG);
  mpv_observe_property(h, kFps, "container-fps", MPV_FORMAT_DOUBLE);
  const std::string path = file.string();
  const char* cmd[] = {"loadfile", path.c_str(), nullptr};
  if (const int r = mpv_command_async(h, 0, cmd); r < 0) {
    error = std::string("mpv could not open the film (") + mpv_error_string(r) + ")";
    return nullptr; // the destructor frees the render context, then the core
  }
  return p;
}

// mpv cores are destroyed on a thread of their own: mpv_terminate_destroy joins mpv's threads,
// which takes milliseconds the frame loop does not have. Joined when the program ends.
class CoreReaper {
public:
  ~CoreReaper() {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
  }
  void destroy(mpv_handle* h) {
    {
      std::lock_guard lock(m_mutex);
      m_queue.push_back(h);
      if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_all();
  }

  void waitIdle() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return m_queue.empty() && !m_busy; });
  }

private:
  void run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
      m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
      while (!m_queue.empty()) {
        mpv_handle* h = m_queue.front();
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        mpv_terminate_destroy(h);
        lock.lock();
        m_busy = false;
      }
      m_idle.notify_all();
      if (m_stop) return;
    }
  }
  std::mutex m_mutex;
  std::condition_variable m_wake, m_idle;
  std::deque<mpv_handle*> m_queue;
  bool m_busy = false;
  std::thread m_thread;
  bool m_stop = false;
};

CoreReaper& reaper() {
  static CoreReaper r;
  return r;
}

void FilmPlayer::waitForDestroyed() { reaper().waitIdle(); }

FilmPlayer::~FilmPlayer() {
  if (m_render) mpv_render_context_free(m_render); // before the core, on this thread: the render API's rule
  if (m_mpv) {
    mpv_set_wakeup_callback(m_mpv, nullptr, nullptr); // this object is gone
    reaper().destroy(m_mpv);
  }
  if (m_fbo) fb().del(1, &m_fbo);
  if (m_texture) glDeleteTextures(1, &m_texture);
}

void FilmPlayer::setPlaying(bool playing) {
  if (playing == m_playing || !m_mpv) return;
  m_playing = playing;
  int pause = playing ? 0 : 1;
  mpv_set_property_async(m_mpv, 0, "pause", MPV_FORMAT_FLAG, &pause);
}

void FilmPlayer::setMuted(bool muted) {
  int m = muted ? 1 : 0;
  if (m_mpv) mpv_set_property_async(m_mpv, 0, "mute", MPV_FORMAT_FLAG, &m);
}

void FilmPlayer::setVolume(int volume) {
  double v = std::clamp(volume, 0, 100);
  if (m_mpv) mpv_set_property_async(m_mpv, 0, "volume", MPV_FORMAT_DOUBLE, &v);
}

void FilmPlayer::seekTo(double seconds) {
  if (!m_mpv) return;
  const std::string at = std::to_string(std::max(0.0, seconds));
  const char* cmd[] = {"seek", at.c_str(), "absolute+exact", nullptr};
  if (mpv_command_async(m_mpv, 0, cmd) >= 0) {
    m_seekPending = true;
    m_restarted = false;
    m_framesAtSeek = m_frames;
    m_seekIssued = std::chrono::steady_clock::now();
  }
}

void FilmPlayer::stepForward() {
  if (!m_mpv) return;
  const char* cmd[] = {"frame-step", nullptr};
  if (mpv_command_async(m_mpv, 0, cmd) >= 0) { // no restart event: its frame ends it
    m_seekPending = true;
    m_restarted = true;
    m_framesAtSeek = m_frames;
    m_seekIssued = std::chrono::steady_clock::now();
  }
}

void FilmPlayer::poll() {
  // A seek whose frame never came (mpv dropped the request) is not waited for past 3 s: the
  // caller asks again if the frame is still not the one it wants.
  if (m_seekPending && std::chrono::steady_clock::now() - m_seekIssued > std::chrono::seconds(3)) m_seekPending = false;
  if (!m_mpv || !m_wakeup.exchange(false)) return;
  for (int guard = 0; guard < 1000; ++guard) {
    mpv_event* e = mpv_wait_event(m_mpv, 0);
    if (e->event_id == MPV_EVENT_NONE) break;
    switch (e->event_id) {
    case MPV_EVENT_PROPERTY_CHANGE: {
      const auto* prop = static_cast<mpv_event_property*>(e->data);
      if (prop->format == MPV_FORMAT_NONE || !prop->data) break;
      switch (e->reply_userdata) {
      case kTimePos: m_position = *static_cast<double*>(prop->data); break;
      case kDuration: m_duration = *static_cast<double*>(prop->data); break;
      case kEof: m_ended = *static_cast<int*>(prop->data) != 0; break;
      case kWidth: m_filmWidth = static_cast<int>(*static_cast<std::int64_t*>(prop->data)); break;
      case kHeight: m_filmHeight = static_cast<int>(*static_cast<std::int64_t*>(prop->data)); break;
      case kHwdec: m_hwdecCurrent = *static_cast<char**>(prop->data); break;
      case kDropped: m_dropped = *static_cast<std::int64_t*>(prop->data); break;
      case kDecoderDropped: m_decoderDropped = *static_cast<std::int64_t*>(prop->data); break;
      case kFps: m_fps = *static_cast<double*>(prop->data); break;
      case kIdle:
        if (m_retiring && *static_cast<int*>(prop->data)) m_retired = true; // stopped: the video output is down
        break;
      default: break;
      }
      break;
    }
    case MPV_EVENT_PLAYBACK_RESTART:
      // A seek (or the start) is done: its frame comes with the next update; the seek counts
      // as pending until that frame is rendered (the update may arrive after this event).
      // (Its frame may already have been drawn: the update can overtake this event.)
      if (m_frames > m_framesAtSeek) m_seekPending = false;
      else m_restarted = true;
      break;
    case MPV_EVENT_FILE_LOADED: {
      // A file with no picture mpv can show (sound alone, or a video track no decoder here
      // takes) never gives a frame, and a paused or stepped film would wait for one for ever:
      // it fails here, and shows its placeholder.
      std::int64_t id = 0;
      if (!m_retiring &&
          mpv_get_property(m_mpv, "current-tracks/video/id", MPV_FORMAT_INT64, &id) == MPV_ERROR_PROPERTY_UNAVAILABLE) {
        m_failed = true;
        m_error = "it has no picture mpv can show (sound alone, or a picture no decoder here reads)";
      }
      break;
    }
    case MPV_EVENT_END_FILE: {
      const auto* end = static_cast<mpv_event_end_file*>(e->data);
      if (m_retiring) break;
      if (end->reason == MPV_END_FILE_REASON_ERROR) {
        m_failed = true;
        m_error = std::string("mpv stopped playing it: ") + mpv_error_string(end->error);
      } else if (end->reason == MPV_END_FILE_REASON_EOF && m_frames == 0) {
        m_failed = true; // ended without a single picture: not a film mpv can show
        m_error = "it ended before a single frame could be shown";
      }
      break;
    }
    case MPV_EVENT_LOG_MESSAGE: {
      const auto* m = static_cast<mpv_event_log_message*>(e->data);
      const auto second = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
      if (second != m_messageSecond) m_messageSecond = second, m_messagesThisSecond = 0;
      // Hardware decoders tried and not found (CUDA, VDPAU, VA-API on a machine without them) are
      // what auto-safe is for: the choice made is logged once, not each one tried.
      const std::string prefix = m->prefix;
      const bool probing = prefix == "vaapi" || prefix == "vdpau" || prefix == "cuda" || prefix == "vd" ||
                           std::string(m->text).find("AVHWDeviceContext") != std::string::npos ||
                           std::string(m->text).find("hwdec") != std::string::npos;
      if (!probing && ++m_messagesThisSecond <= 3 && m_messages.size() < 32) { // a broken stream may say the same thing every frame
        std::string text = std::string("[") + m->prefix + "] " + m->text;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        m_messages.push_back(std::move(text));
      }
      break;
    }
    case MPV_EVENT_SHUTDOWN: m_failed = true; break;
    default: break;
    }
  }
}

std::vector<std::string> FilmPlayer::takeMessages() { return std::exchange(m_messages, {}); }

bool FilmPlayer::ensureTarget(int w, int h) {
  if (w <= 0 || h <= 0) return false;
  if (m_texture && w == m_texWidth && h == m_texHeight) return true;
  GLint previousTexture = 0, previousFbo = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previousTexture);
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
  if (!m_texture) glGenTextures(1, &m_texture);
  glBindTexture(GL_TEXTURE_2D, m_texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  if (!m_fbo) fb().gen(1, &m_fbo);
  fb().bind(GL_FRAMEBUFFER, m_fbo);
  fb().texture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
  const bool complete = fb().check(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  fb().bind(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previousTexture));
  if (!complete) {
    m_failed = true;
    m_error = "OpenGL refused a " + std::to_string(w) + "x" + std::to_string(h) + " texture for it";
    return false;
  }
  m_texWidth = w;
  m_texHeight = h;
  m_needRedraw = true;
  return true;
}

bool FilmPlayer::render(int boxWidth, int boxHeight) {
  if (!m_render || m_failed) return false;
  bool newFrame = false;
  if (m_update.exchange(false)) newFrame = (mpv_render_context_update(m_render) & MPV_RENDER_UPDATE_FRAME) != 0;
  if (m_filmWidth <= 0 || m_filmHeight <= 0) return false;
  // The texture is the size the film is drawn at, never larger than the film: mpv scales
  // (with its good scalers) once, and a small picture in an item costs a small texture.
  const double scale = std::min(1.0, std::max(static_cast<double>(boxWidth) / m_filmWidth, static_cast<double>(boxHeight) / m_filmHeight));
  const int w = std::max(16, static_cast<int>(std::lround(m_filmWidth * scale)));
  const int h = std::max(16, static_cast<int>(std::lround(m_filmHeight * scale)));
  if (!ensureTarget(w, h)) return false;
  if (!newFrame && !m_needRedraw) return false;
  GLint previousFbo = 0, viewport[4] = {};
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previousFbo);
  glGetIntegerv(GL_VIEWPORT, viewport);
  mpv_opengl_fbo target{static_cast<int>(m_fbo), m_texWidth, m_texHeight, 0};
  int flip = 0, block = 0;
  mpv_render_param params[] = {{MPV_RENDER_PARAM_OPENGL_FBO, &target},
                               {MPV_RENDER_PARAM_FLIP_Y, &flip},
                               {MPV_RENDER_PARAM_BLOCK_FOR_TARGET_TIME, &block},
                               {MPV_RENDER_PARAM_INVALID, nullptr}};
  mpv_render_context_render(m_render, params);
  fb().bind(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  m_needRedraw = false;
  if (newFrame) {
    ++m_frames;
    if (m_restarted) m_seekPending = false;
    m_restarted = false;
  }
  return true;
}

void FilmPlayer::acknowledge() {
  if (m_render && m_update.exchange(false)) mpv_render_context_update(m_render);
}

void FilmPlayer::retire() {
  if (m_retiring || !m_mpv) return;
  m_retiring = true;
  const char* cmd[] = {"stop", nullptr};
  if (mpv_command_async(m_mpv, 0, cmd) < 0) m_retired = true;
}

void FilmPlayer::reportSwap() {
  if (m_render && m_frames > 0) mpv_render_context_report_swap(m_render);
}

} // namespace kiosk::ui
