#pragma once
// One film playing through libmpv's render API into a texture of the kiosk's own OpenGL
// context, drawn by ImGui like any picture: no second window, no overlay.
//
// The GL context rules (libmpv render.h), all kept here:
// - the kiosk's context is current whenever a player is created, renders or is destroyed, and
//   all of that happens on the main thread, in the frame loop;
// - mpv's update callback only sets a flag; the frame loop asks mpv_render_context_update()
//   and renders a new frame when there is one (never from the callback, never blocking: the
//   render does not wait for a frame's target time, video-timing-offset is 0);
// - mpv's wakeup callback only sets a flag; events are drained without waiting;
// - the render context is freed before the mpv core is destroyed.
// Decoding runs in mpv's own threads: nothing here waits on it.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct mpv_handle;
struct mpv_render_context;

namespace kiosk::ui {

class FilmPlayer {
public:
  struct Options {
    bool loop = false;   // a single film in an item loops (mpv's loop-file, seamless at the seam)
    bool audio = false;  // the attract loop's films are silent: no audio is even decoded
    bool muted = false;
    int volume = 100;    // 0-100
    std::string hwdec = "auto-safe";
    double speed = 1;    // > 1 only for soak tests
    bool stepped = false; // scripted runs: paused, each frame sought by the kiosk's virtual clock
  };

  // Opens `file` paused. The GL context must be current. Null and `error` when mpv refuses.
  // Blocks until every player destroyed so far is gone with its threads (a soak's sample).
  static void waitForDestroyed();
  static std::unique_ptr<FilmPlayer> open(const std::filesystem::path& file, const Options& options, std::string& error);
  ~FilmPlayer(); // GL context current
  FilmPlayer(const FilmPlayer&) = delete;
  FilmPlayer& operator=(const FilmPlayer&) = delete;

  void setPlaying(bool playing);
  void setMuted(bool muted);
  void setVolume(int volume);
  // Stepped mode: show the frame at `seconds` (exact seek; the frame arrives a few frames later).
  void seekTo(double seconds);
  // Stepped mode: the next frame (cheap: no decoding from a keyframe as an exact seek does).
  void stepForward();
  // Drains mpv's events (non-blocking): position, end, errors, the film's size.
  void poll();
  // Renders mpv's new frame, if any, into the texture, `box` being the size it is drawn at
  // (the texture is at most the film's own size). True when something was rendered.
  bool render(int boxWidth, int boxHeight);
  void reportSwap();
  // Stops playback ahead of destruction: mpv takes its video output down on its own threads, so
  // freeing the render context afterwards does not wait in the frame loop. retired() says when.
  void retire();
  bool retired() const { return m_retired; }
  // A retiring player still answers mpv's update requests (without drawing) until it stops.
  void acknowledge();

  // What the frame loop reads.
  unsigned texture() const { return m_texture; }
  int width() const { return m_texWidth; }
  int height() const { return m_texHeight; }
  bool hasFrame() const { return m_frames > 0 && m_texture != 0; }
  bool ended() const { return m_ended; }   // played to its end, holding its last frame
  bool failed() const { return m_failed; } // mpv gave up on it (its error is in error())
  const std::string& error() const { return m_error; }
  double position() const { return m_position; }
  double duration() const { return m_duration; }
  double frameSeconds() const { return m_fps > 1 && m_fps < 1000 ? 1 / m_fps : 1.0 / 30; }
  bool seeking() const { return m_seekPending; }
  bool frameWaiting() const { return m_update; } // mpv has a frame the next render() draws
  bool playing() const { return m_playing; }
  std::uint64_t framesRendered() const { return m_frames; }
  const std::string& hwdec() const { return m_hwdecCurrent; }
  std::int64_t droppedFrames() const { return m_dropped + m_decoderDropped; }
  // mpv's warnings and errors since the last call ("[ffmpeg/video] h264: ..."), at most a few a second.
  std::vector<std::string> takeMessages();
  const std::filesystem::path& file() const { return m_file; }

private:
  FilmPlayer() = default;
  bool ensureTarget(int w, int h);

  std::filesystem::path m_file;
  mpv_handle* m_mpv = nullptr;
  mpv_render_context* m_render = nullptr;
  std::atomic<bool> m_wakeup{true};
  std::atomic<bool> m_update{false};
  unsigned m_fbo = 0, m_texture = 0;
  int m_texWidth = 0, m_texHeight = 0;
  int m_filmWidth = 0, m_filmHeight = 0;
  bool m_needRedraw = false;
  std::uint64_t m_frames = 0;
  bool m_ended = false, m_failed = false, m_playing = false, m_seekPending = false;
  bool m_retiring = false, m_retired = false, m_restarted = false;
  std::uint64_t m_framesAtSeek = 0;
  std::chrono::steady_clock::time_point m_seekIssued{};
  std::string m_error;
  double m_position = 0, m_duration = 0, m_fps = 0;
  std::string m_hwdecCurrent;
  std::int64_t m_dropped = 0, m_decoderDropped = 0;
  std::vector<std::string> m_messages;
  int m_messagesThisSecond = 0;
  std::int64_t m_messageSecond = 0;
};

} // namespace kiosk::ui
