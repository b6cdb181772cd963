#pragma once
// The running kiosk: window, frame loop, and the wiring of content, fonts, images and screens.
// Slow work (content parsing, font rasterizing, image decoding) happens on worker threads; the
// frame loop only polls for finished results and swaps them in between frames.
#include <SFML/Graphics/Image.hpp>
#include "core/LayoutRules.h"
#include "app/CommandLine.h"
#include "app/Keypad.h"
#include "core/Clock.h"
#include "core/FramePacer.h"
#include "core/ContentLoader.h"
#include "core/Navigator.h"
#include "ops/ReloadSchedule.h"
#include "platform/FileWatch.h"
#include "core/StaffStrings.h"
#include "core/UiStrings.h"
#include "ui/FontSet.h"
#include "ui/HitTargets.h"
#include "ui/ImGuiSfml.h"
#include "ui/Films.h"
#include "ui/Screens.h"
#include "ui/TextPainter.h"
#include "ui/TextureCache.h"
#include "ui/TouchGestures.h"
#include "ops/AdminPin.h"
#include "ops/CornerTaps.h"
#include "ops/Metrics.h"
#include "ops/VisitLog.h"
#include "ops/VisitTracker.h"
#include "ui/AdminView.h"
#include "ops/PowerSchedule.h"
#include "ops/Watchdog.h"
#include "platform/ServiceManager.h"
#include "platform/TouchInput.h"
#include "platform/HeadphoneJack.h"
#include "speech/Speaker.h"

#include <SFML/Graphics/RenderWindow.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <deque>
#include <vector>

namespace kiosk::app {

class App {
public:
  App(const Options& options, Clock& clock);
  ~App();

  // Runs frames until the window closes, Ctrl+Q or the admin view's Exit; returns the process
  // exit status (kExitByStaff for the admin view's Exit, which systemd does not restart).
  int run();
  static constexpr int kExitByStaff = 4;
  // The X display went away under the kiosk (its server stopped or crashed): EX_UNAVAILABLE, a
  // status of its own that kiosk.service restarts (Restart=always), as any but kExitByStaff.
  static constexpr int kExitDisplayLost = 69;

  // One frame: events, worker results, update, ImGui, and (when `present`) drawing and display.
  // A non-empty `screenshot` saves the frame as PNG there; false and `error` when it could not.
  bool frame(bool present, const std::string& screenshot, std::string& error);

  // Content, strings and fonts are loaded and in use.
  bool ready() const { return m_nav != nullptr && m_fonts.ready(); }
  // Content (re)loading on the worker has not been swapped in yet.
  bool loading() const { return m_loading.valid(); }
  // Loads finished so far, shown or (with errors) held back; the first is the start-up load.
  std::uint64_t loadsFinished() const { return m_loadsFinished; }
  bool isOpen() const { return m_window.isOpen(); }
  // Image decodes or uploads still outstanding.
  size_t pendingImages() const { return m_textures->pending(); }
  // Scripted runs: films whose frame for the virtual clock is not drawn yet.
  size_t pendingFilms() const { return m_films ? m_films->pending() : 0; }
  // The attract loop holds its crossfade for a picture still decoding (a prefetch that did not
  // finish in time: on a loaded machine, below the frame loop's priority).
  bool attractHeld() const { return m_screens.attractHeld(); }
  void leapFilms(bool leaping) {
    if (m_films) m_films->setLeaping(leaping);
  }
  void closeFilmsForSample() {
    if (m_films) m_films->closeAllAndWait();
  }
  // Any worker still busy for the screen: content loading, pictures, the admin PIN check.
  bool busy() const { return loading() || pendingImages() > 0 || m_pinCheck.valid(); }
  const ui::AdminModel& admin() const { return m_admin; }
  // Ctrl+Q or the admin view's Exit asked the kiosk to close, with this status.
  bool quitRequested() const { return m_quit; }
  int exitStatus() const { return m_exitStatus; }
  // Glyphs of text on screen still waiting to be rasterized (they appear within a few frames).
  bool pendingText() const { return m_painter->pending(); }
  // The other languages' faces, loading on a worker after the first frame (held texts are empty
  // until then, so a bar of language names is narrower than it will be).
  bool laterFontsLoading() const { return m_laterNeeds.has_value() || m_laterFonts.valid(); }
  std::size_t textAtlasBytes() const { return m_painter->atlasBytes(); }
  const ui::HitTargets& targets() const { return m_targets; }
  // Keypad navigation (issue 17): a key as a keypad or keyboard gives it (scripts: `keypad down`).
  void keypadKey(KeypadKey key) { m_keypad.press(key); }
  const Keypad& keypad() const { return m_keypad; }
  float pxPerMm() const { return m_pxPerMm; }
  // A new screen is still fading in.
  bool transitioning() const;
  const Navigator* navigator() const { return m_nav.get(); }
  // Speech for visitors who cannot see the screen (issue 17); never null once constructed:
  // a silent speaker when espeak-ng or the sound device is missing.
  speech::Speaker* speaker() { return m_speaker.get(); }
  void pushPointer(const ui::PointerEvent& e) { m_imgui->pushPointer(e); }
  // A finger, as the touch screen's multi-touch would report it (for scripts).
  void pushTouch(const platform::TouchEvent& e) { m_gestures.apply(e, m_clock.now()); }
  bool hasPendingInput() const { return m_imgui->hasPendingInput(); }
  // Goes straight to an item (for scripts); false when it is not shown today.
  bool openItem(const std::string& section, const std::string& item);
  // Goes straight to "home", a section ("investment") or an item ("investment/industrial-base")
  // as a visitor's taps would; false when it is not shown today.
  bool openPlace(const std::string& place);
  // The visitor's language and display choices, as their taps would set them (for scripts).
  bool setLanguage(const std::string& language);
  void setAccessibility(const Accessibility& choice);
  // The rows a hand reaches on this screen (core/LayoutRules), from the content's mounting.
  ReachBand reachBand() const;
  // Staff are previewing (a window or a script, with staff keys): the screens show the red dot
  // for content errors; visitors at a venue never see it.
  bool staffPreview() const;
  // The next drawn frame is read back into `image` (contact sheets).
  void captureNextFrame(sf::Image* image) { m_capture = image; }
  // A staff shortcut by name ("F2", "F5"); false when the name is not a known key.
  bool staffKey(const std::string& name);
  // CPU milliseconds of each drawn frame so far (ImGui, GL submission, and on llvmpipe the drawing).
  const std::vector<double>& drawnFrameMs() const { return m_drawnFrameMs; }
  // The part of those frames spent before GPU submission: input, layout, image uploads.
  const std::vector<double>& uiFrameMs() const { return m_uiFrameMs; }
  // The slowest frame's work before GPU submission, drawn or not (a frame that adopts a load is
  // often not drawn in a script), and what it did: the main thread's worst, for bench_content.
  struct SlowestFrame {
    double ms = 0;                // wall time
    double cpuMs = 0;             // the main thread's CPU time (what a busy machine does not inflate)
    std::uint64_t frame = 0;      // counted from 1
    std::optional<Screen> screen; // the screen it laid out; none while loading
    bool adoptedLoad = false;     // a finished load was adopted (snapshot swapped) in that frame
  };
  const SlowestFrame& slowestFrame() const { return m_slowest; }
  const SlowestFrame& slowestFrameByCpu() const { return m_slowestCpu; }
  // Peak and current memory, and how the picture textures fared, on stderr.
  void logMemory() const;
  // What a week-long run must not grow: resident memory, textures, glyph pages, open files,
  // threads (soak runs sample it; see tests/e2e/soak.kscript).
  struct Resources {
    std::uint64_t residentBytes = 0;
    std::uint64_t textureBytes = 0;
    std::uint64_t glyphBytes = 0;
    int openFiles = 0;
    int threads = 0;
  };
  Resources resources() const;
  float width() const { return static_cast<float>(m_window.getSize().x); }
  float height() const { return static_cast<float>(m_window.getSize().y); }

private:
  struct Loaded {
    LoadResult content;
    UiStrings strings;
    std::vector<Diagnostic> stringDiagnostics;
    ui::BuiltFonts fonts;
    double contentMs = 0; // worker time to read and check the content folder
    double fontsMs = 0;   // worker time to find faces and rasterize the atlas
    bool fontsReused = false;              // the staff font atlas exists already: nothing was built
    std::vector<std::string> fontFaces;    // "zh-Hans: Noto Sans CJK SC, ..." for the log
    std::vector<std::string> fontProblems; // characters no installed font can draw
    // The first load of a run prepares only the first screen's languages (firstLanguages);
    // laterNeeds are loaded on a worker after the first frame (startLaterFonts).
    std::set<std::string> firstLanguages;
    ui::GlyphNeeds laterNeeds;
    // The snapshot's pictures and films, indexed on the worker for the caches' retain().
    ui::TextureCache::Wanted pictures;
    std::vector<const ImageRef*> films;
  };
  struct LaterFonts {
    std::set<std::string> languages;
    std::vector<std::string> faces, problems;
    double ms = 0;
  };
  void startLaterFonts(ui::GlyphNeeds needs);
  void adoptLaterFonts();

  void createWindow();
  void prepareFirstFrame();
  // The editor's live preview: lines from standard input (Options::controlStdin).
  void startControlReader();
  void takeControlLines();
  struct ControlQueue { // shared with the reader thread, which may outlive the App
    std::mutex mutex;
    std::vector<std::string> lines;
    bool ended = false;
  };
  std::shared_ptr<ControlQueue> m_control = std::make_shared<ControlQueue>();
  void createTextureCache();
  void startLoading();
  void collectWorkerResults();
  // Swaps a finished load in between frames (or keeps what is on screen when the folder is gone).
  void adoptLoaded(Loaded&& loaded);
  void drawLoading();
  void drawStaffOverlay();
  void handleKey(const sf::Event::KeyEvent& key);
  // The staff admin view: the corner gesture (before drawing), the actions tapped (after), and
  // the panel's figures (about once a second while it is open).
  void watchCornerTaps();
  void handleAdmin();
  void fillAdminPanel();
  // The admin view's words in the staff's language, read again when that language changes.
  void refreshStaffWords();
  std::string m_staffWordsLanguage;
  StaffStrings m_staff;
  // Visit analytics: what the frame showed, as sessions, views and dwell.
  void recordVisit(bool idleReset);
  void tuneFrameRate(double frameSeconds);
  // Sleeps until `due` (steady clock), waking at once for a key, a pointer or a finger (kept
  // for the next frame).
  void waitUntil(std::chrono::steady_clock::time_point due);
  FramePacer::Need frameNeed() const;
  void logPacing() const;

  Options m_options;
  Clock& m_clock;
  // Before the window: the first load starts as the App does (startEarlyLoad), on a worker, while
  // the OpenGL context is made (llvmpipe takes 100-150 ms to start; it is made as m_window is).
  std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
  std::filesystem::path m_assets;
  std::unique_ptr<ui::TextPainter> m_painter; // before the loads: they use its font library
  std::unique_ptr<platform::FileWatch> m_watch;
  std::future<Loaded> m_early; // the first load, taken up by startLoading()
  static Loaded loadContentAndFaces(const std::filesystem::path& dir, const std::filesystem::path& assets,
                                    bool haveFonts, text::FontLibrary* library, const std::string& staffLang);
  std::future<Loaded> startEarlyLoad();
  sf::RenderWindow m_window;
  std::unique_ptr<ui::ImGuiSfml> m_imgui;
  std::unique_ptr<ui::TextureCache> m_textures;
  std::unique_ptr<ui::Films> m_films;
  std::FILE* m_frameStamps = nullptr; // --frame-stamps
  std::FILE* m_frameTimes = nullptr;  // --frame-times
  void writeFrameStamp();
  void createFilms();
  ui::FontSet m_fonts;
  ui::Screens m_screens;
  ui::HitTargets m_targets;
  Keypad m_keypad;
  std::unique_ptr<platform::HeadphoneJack> m_jack; // plugging headphones in starts speech
  std::optional<bool> m_jackWas;
  UiStrings m_strings;
  std::unique_ptr<Navigator> m_nav;
  std::vector<Diagnostic> m_diagnostics; // content + images + fonts, for the staff overlay
  std::future<Loaded> m_loading;
  std::future<LaterFonts> m_laterFonts; // the other languages' faces, after the first frame
  std::optional<ui::GlyphNeeds> m_laterNeeds; // waiting for the first picture
  std::chrono::steady_clock::time_point m_laterNeedsSince;
  std::uint64_t m_laterFontsFor = 0;    // the load they complete (a reload since prepared them itself)
  // Start-up milestones (ms after start) for the "kiosk: start:" line at the first picture.
  std::vector<std::pair<const char*, int>> m_startMarks;
  void markStart(const char* what);
  std::future<void> m_retiring; // the snapshot replaced by a reload, being freed on a worker

  ReloadSchedule m_reload;
  std::uint64_t m_loadsFinished = 0;
  std::chrono::steady_clock::time_point m_changeSeen{}; // first change of the batch being loaded, real time
  std::set<std::string> m_shownErrors;                   // errors of the content on screen (file, message)
  bool m_showingEmpty = false;                           // no folder yet: the empty snapshot is on screen

  bool m_staffOverlay = false;
  bool m_quit = false;
  Seconds m_lastFrame = 0;
  double m_frameMs = 0;        // last frame's CPU time, for the staff overlay
  double m_uiMs = 0;           // the part before GPU submission
  std::vector<double> m_drawnFrameMs;
  std::vector<double> m_uiFrameMs;
  SlowestFrame m_slowest, m_slowestCpu;
  std::uint64_t m_framesRun = 0;
  bool m_adoptedThisFrame = false;
  std::vector<double> m_vsyncProbeIntervals; // back-to-back frames' intervals, to see whether vsync paces us
  double m_vsyncProbeLast = -1;
  std::chrono::steady_clock::time_point m_swappedAt{}; // when the last frame's swap returned
  bool m_sleptBeforeFrame = false;
  bool m_vsyncChecked = false;
  bool m_vsyncWorks = false;
  FramePacer m_pacer;
  std::deque<sf::Event> m_heldEvents;                // input that woke a sleep, for the next frame
  std::vector<platform::TouchEvent> m_heldTouches;
  double m_beforeSwapMs = 0;                          // this frame's work up to the swap
  // Real-time frame pacing figures, for the exit log: start-to-start intervals, frames later
  // than their tick by more than half a display period, and the time they cover.
  std::vector<double> m_intervalsMs;
  size_t m_framesLate = 0, m_framesPaced = 0;
  double m_pacedSeconds = 0;
  double m_pacingCpuFrom = -1; // the process's CPU seconds when the figures began
  int m_maxTextureSize = 2048;          // GL_MAX_TEXTURE_SIZE, read once at start
  bool m_softwareRenderer = false;      // llvmpipe and the like: textures are our own memory
  std::set<char32_t> m_reportedGlyphs; // glyph bugs already logged
  bool m_firstPictureLogged = false;
  // Texture upload slices after the first picture (frames that uploaded), for the exit log.
  struct Times {
    std::vector<double> ms;
    double worstMs = 0;
    void add(double v) {
      worstMs = std::max(worstMs, v);
      if (ms.size() < 100000) ms.push_back(v);
    }
    double worst() const { return worstMs; }
    size_t count() const { return ms.size(); }
    double median() const {
      if (ms.empty()) return 0;
      auto copy = ms;
      std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(copy.size() / 2), copy.end());
      return copy[copy.size() / 2];
    }
  };
  Times m_uploadSliceMs, m_uploadSliceCpuMs;
  float m_pxPerMm = 0; // 0: the display's size is unknown
  float m_givenPxPerMm = 0; // from --display-width-mm only (0: not given)
  sf::Image* m_capture = nullptr; // read the next drawn frame back into it
  std::vector<std::uint8_t> m_readBack; // the last shot's pixels, kept: a 4K one is 33 MB
  void readBack(sf::Image& out);
  std::unique_ptr<platform::TouchInput> m_touch; // XInput 2.2 fingers, when the screen has them
  void createSpeaker();
  std::unique_ptr<speech::Speaker> m_speaker;
  bool m_onAttract = true; // the last frame showed the attract loop: leaving it starts a visit
  ui::TouchGestures m_gestures;
  // Readiness and heartbeats for systemd (Type=notify, WatchdogSec): half its interval.
  Watchdog m_watchdog{platform::notifyServiceManager, platform::serviceWatchdogSeconds() / 2};
  std::string m_serviceStatus;                  // the status line systemd was last given
  std::pair<std::uint64_t, size_t> m_serviceStatusOf{0, 0}; // the loads and problems it counted
  // Health figures for Prometheus: gathered on the main thread (cheap), written on a worker.
  void writeMetrics();
  HealthFigures m_health;
  Seconds m_lastMetrics = -1;
  std::future<void> m_metricsWrite;
  std::uint64_t m_starts = 0; // read (and counted) by the first write
  bool m_metricsFailing = false; // the metrics worker's: a failed write was told, none has worked since
  // The display sleeps outside opening hours (fullscreen only: never a preview's laptop screen).
  void applyPowerSchedule(bool touched);
  PowerSchedule m_power;
  bool m_displayAwake = true;
  bool m_powerApplied = false;
  Seconds m_lastPowerCheck = -1;
  double m_contentLoadedAt = 0;
  // Staff admin view.
  ui::AdminModel m_admin;
  std::optional<CornerTaps> m_corners; // made once the window's size and density are known
  PinAttempts m_pinAttempts;
  std::future<bool> m_pinCheck;
  Seconds m_adminTouched = 0;
  Seconds m_adminFilled = -1;
  int m_exitStatus = 0;
  bool m_overlayFromAdmin = false;          // F2 pressed in the admin view at a venue
  std::vector<double> m_recentFrameMs;      // ring of the last 600 drawn frames' CPU time
  size_t m_recentFrameNext = 0;
  std::uint64_t m_translationsOf = ~std::uint64_t{0}; // the load the panel's coverage lines are of
  // Visit analytics, in <state dir>/analytics (not for scripted runs without --state-dir).
  std::unique_ptr<VisitLog> m_visitLog;
  VisitTracker m_visits;
};

} // namespace kiosk::app
