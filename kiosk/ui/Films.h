#pragma once
// The films on screen: a FilmPlayer per film being shown or about to be, asked for frame by
// frame like pictures from the texture cache. A film nobody asked for in the last frame is
// closed. A film asked to be prepared is opened paused on its first frame, so when its turn
// comes it starts at once, with no gap: the attract loop prepares the next film (a second
// player, A/B) while the current one plays, and a loop of one film alternates two players.
//
// In scripted runs (the virtual clock) players do not run in real time: each one is paused and
// sought, frame-exactly, to where the clock says it is, so screenshots are reproducible.
#include "core/Clock.h"
#include "core/Content.h"
#include "core/Diagnostic.h"
#include "core/WebVtt.h"
#include "ui/FilmPlayer.h"

#include <imgui.h>

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace kiosk::ui {

enum class FilmRole : std::uint8_t {
  Attract, // silent (no audio decoded), plays once to its end and holds its last frame
  Item,    // with sound at the visitor's volume, loops
};

class Films {
public:
  struct Options {
    std::string hwdec = "auto-safe";
    double speed = 1;     // soak tests play faster
    bool stepped = false; // scripted runs: frames follow the virtual clock
    size_t maxPlayers = 4;
  };

  struct View {
    bool ready = false; // a frame to draw; else draw the poster
    ImTextureID texture = nullptr;
    int width = 0, height = 0;
    double position = 0, duration = 0; // seconds
    double fps = 0;      // its frame rate (0: not known yet)
    bool ended = false;  // holding its last frame
    bool failed = false; // replaced by its poster for good
  };

  explicit Films(Options options);
  ~Films(); // OpenGL context current
  Films(const Films&) = delete;
  Films& operator=(const Films&) = delete;

  // `film` is on screen this frame, playing, in a `box` of pixels. `instance` tells two
  // showings of the same film apart (the attract loop's slide number).
  View play(const ImageRef& film, int boxWidth, int boxHeight, FilmRole role, std::uint64_t instance, Seconds now);
  // `film` comes next: opened, paused on its first frame.
  View prepare(const ImageRef& film, int boxWidth, int boxHeight, FilmRole role, std::uint64_t instance);

  // Starts a frame: closes players nobody asked for in the last one.
  void beginFrame();
  // After the screens are laid out, before ImGui draws: new frames into the textures.
  void render(Seconds now);
  // After the frame is on screen (mpv's timing of the next frame).
  void afterSwap();
  // New content: players of films it still shows unchanged (same size and time of change) go
  // on, so a reload does not restart the film on screen; the rest close, and every failure is
  // forgotten, so a film staff fixed is tried again.
  void retain(const Content& content) { retain(filmsIn(content)); }
  // The films of a snapshot (pointing into it): found on the load's worker, since listing every
  // picture of 10,000 items is a frame's worth of work; then retain() walks only the players.
  static std::vector<const ImageRef*> filmsIn(const Content& content);
  void retain(const std::vector<const ImageRef*>& films);
  void clear();
  // Closes every player and waits until they are gone with their threads (a soak's sample
  // measures what stays when no film is open; the next frame opens them again).
  void closeAllAndWait();
  // Stepped runs: the clock leaps (a script's coarse wait): no player opens, none is sought.
  void setLeaping(bool leaping) { m_leaping = leaping; }

  // The caption of `film` at `position` for a visitor reading `language` (along the usual
  // fallbacks, then the kiosk's `languages` in order), in the language it is written in; nullopt
  // between cues or without captions. Captions in a language the kiosk does not offer are never
  // shown (validate says so; the kiosk has no faces loaded for them). Captions files are read on
  // a worker the first time a film is shown.
  struct Cue {
    std::string text;
    std::string language;
  };
  std::optional<Cue> caption(const ImageRef& film, const std::string& language, const std::string& fallback,
                             double position, const std::vector<std::string>& languages);

  // The visitor's sound for films in items; back to the default when the visit ends.
  static constexpr int kDefaultVolume = 70;
  void setSound(bool muted, int volume);
  bool muted() const { return m_muted; }
  int volume() const { return m_volume; }

  // Stepped runs: players whose frame for the clock is not drawn yet (a screenshot waits).
  size_t pending() const;

  struct Stats {
    size_t players = 0;
    std::uint64_t opened = 0, failures = 0, framesRendered = 0;
    std::int64_t droppedFrames = 0; // by the players open now and those closed
    std::string hwdec;              // what the last film decoded with: "vaapi", "no" (software)...
    std::uint64_t decoderMessages = 0;
    double worstRenderMs = 0, lastRenderMs = 0;
    double worstOpenMs = 0, worstCloseMs = 0; // opening and closing a player (mpv core and render context) on the main thread
  };
  Stats stats() const { return m_stats; }
  // Lines for the kiosk's log: which decoder each film uses, failures, mpv's warnings.
  std::vector<std::string> takeLog() { return std::exchange(m_log, {}); }
  // Films that failed, as staff diagnostics (once per film and content version).
  std::vector<Diagnostic> takeDiagnostics() { return std::exchange(m_diagnostics, {}); }

private:
  using Key = std::tuple<std::string, FilmRole, std::uint64_t>;
  struct Slot {
    std::unique_ptr<FilmPlayer> player;
    std::uintmax_t bytes = 0;
    std::filesystem::file_time_type modified{};
    std::string displayPath, namedIn;
    int line = 0, column = 0;
    int boxWidth = 0, boxHeight = 0;
    std::uint64_t lastWanted = 0;
    bool playing = false;
    Seconds startedAt = -1; // stepped: the clock when it started playing
    double soughtTo = -1;
    bool behind = false; // stepped: the clock has moved past the frame sought
    double target = 0;   // stepped: where the clock says the film is
    // Stepped: seeks and steps made toward `target` while the clock stands still. A film whose
    // frames are far apart (one every 10 minutes, claiming 30 a second) never lands within a
    // frame of it; after kTries the frame mpv gives is taken, instead of seeking for ever.
    int tries = 0;
    static constexpr int kTries = 4;
    bool reportedHwdec = false, reportedFailure = false;
    FilmRole role = FilmRole::Attract;
  };
  Slot* slot(const ImageRef& film, int w, int h, FilmRole role, std::uint64_t instance);
  View viewOf(const Slot& s) const;
  void close(std::map<Key, Slot>::iterator it);

  Options m_options;
  std::map<Key, Slot> m_slots;
  // Players closed, stopping on mpv's threads, freed once stopped (or after a second).
  struct Retiring {
    std::unique_ptr<FilmPlayer> player;
    int frames = 0;
  };
  std::vector<Retiring> m_retiring;
  std::uint64_t m_frame = 1;
  Seconds m_lastRenderAt = -1;
  bool m_leaping = false; // stepped: the clock leaps (setLeaping)
  bool m_muted = false;
  int m_volume = kDefaultVolume;
  Stats m_stats;
  std::int64_t m_droppedClosed = 0;
  std::uint64_t m_framesClosed = 0;
  std::vector<std::string> m_log;
  std::vector<Diagnostic> m_diagnostics;
  std::map<std::string, bool> m_failedFiles; // file -> reported
  // What each film was found to decode with, for the same file (size and time): a film that
  // decodes in software is opened again without probing for hardware decoders (each probe costs
  // milliseconds and prints libcuda/VDPAU lines on a machine without them), and the choice is
  // logged once per film, not at every turn of the attract loop.
  struct Decoded {
    std::uintmax_t bytes = 0;
    std::filesystem::file_time_type modified{};
    std::string hwdec;
  };
  std::map<std::string, Decoded> m_decoded;
  // mpv's messages already in the log, per film: a week of attract loop says each one once.
  std::map<std::string, std::set<std::string>> m_said;
  // Each film's captions (language -> cues), read on a worker the first time it is shown.
  using CaptionSet = std::map<std::string, Captions>;
  std::map<std::string, std::shared_future<std::shared_ptr<const CaptionSet>>> m_captions;
  std::vector<std::shared_future<std::shared_ptr<const CaptionSet>>> m_captionsLeaving; // waited for at the end
  void forgetCaptions();
};

} // namespace kiosk::ui
