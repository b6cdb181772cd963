#include "app/App.h"

#include "text/Bidi.h"
#include "media/FrameStamp.h"

#include "ops/Log.h"
#include "core/TranslationReport.h"
#include "media/ImageCheck.h"
#include "media/VideoProbe.h"
#include "platform/Display.h"
#include "platform/EditorWindow.h"
#include "speech/SpeakerFactory.h"
#include "text/LanguageNames.h"
#include "text/LineBreaker.h"

#include <SFML/Graphics/Texture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/Window/VideoMode.hpp>
#include <imgui.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <csignal>
#include <ctime>
#include <sys/resource.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <cstdio>
#include <iostream>
#include <unistd.h>
#include <sys/resource.h>
#include <thread>
#include <utility>

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {
// The process's resident memory now, from /proc (0 where there is none).
std::uint64_t residentBytesNow() {
  unsigned long long size = 0, resident = 0;
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  const bool read = std::fscanf(f, "%llu %llu", &size, &resident) == 2;
  std::fclose(f);
  return read ? resident * static_cast<unsigned long long>(sysconf(_SC_PAGESIZE)) : 0;
}

// Writes `text` to `file` whole or not at all: a temporary file beside it, written, closed,
// then renamed over it. When any step fails (a full disk) the old file stays as it was, the
// temporary is removed, and `why` says what failed. (An std::ofstream reports a full disk only
// at its close, after which the caller had already renamed an empty file over the good one.)
bool replaceFile(const fs::path& file, const std::string& text, std::string& why) {
  // A fresh name made with O_EXCL (mkostemp), never a fixed "<file>.tmp": in a folder shared with
  // other services a link planted at a fixed name would be followed (security review K16).
  std::string tmp = file.string() + ".XXXXXX";
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd >= 0) ::fchmod(fd, 0644); // read by node_exporter; mkostemp makes 0600
  if (fd < 0) {
    why = std::strerror(errno);
    return false;
  }
  int err = 0;
  for (size_t done = 0; done < text.size() && !err;) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) err = errno;
    else if (n == 0) err = ENOSPC;
    else done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && ::rename(tmp.c_str(), file.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    why = std::strerror(err);
    return false;
  }
  return true;
}
} // namespace

App::App(const Options& options, Clock& clock)
    : m_options(options), m_clock(clock), m_assets(findAssets(options, nullptr)),
      m_painter(std::make_unique<ui::TextPainter>(64u << 20)), // content text: 64 MiB of glyph pages at most
      m_early(startEarlyLoad()) {
  // The first load has been running since the App began (at 0 in the start line); m_window's
  // construction made the OpenGL context (on llvmpipe, 100-150 ms of the start).
  markStart("OpenGL context");
  createWindow();
  markStart("window");
  m_imgui = std::make_unique<ui::ImGuiSfml>();
  if (!m_imgui->rendererOk()) // nothing can be drawn; say why, where an operator looks
    std::cerr << "kiosk: the screen cannot be drawn: " << m_imgui->rendererError()
              << "; update the graphics driver (OpenGL 3.0 with GLSL 1.30 is needed)\n";
  GLint maxTexture = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
  if (maxTexture >= 1024) m_maxTextureSize = maxTexture;
  if (const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER)))
    m_softwareRenderer = ui::TextureCache::isSoftwareRenderer(renderer);
  createTextureCache();
  createFilms();
  createSpeaker();
  // Every finger, beyond the first that SFML sees as the mouse: pinch and two-finger gestures.
  m_touch = platform::createTouchInput();
  if (std::string why; !m_touch->start(static_cast<unsigned long>(m_window.getSystemHandle()), why) || !why.empty())
    std::cerr << "kiosk: " << why << "\n";
  // The headphone jack (a script owns the input: none there; nor in the editor's preview).
  if (m_options.script.empty() && !m_options.controlStdin) {
    m_jack = platform::createHeadphoneJack();
    std::cerr << "kiosk: speech: " << m_jack->describe() << "\n";
  }
  // Pixels per millimetre, for 9 mm touch targets: --display-width-mm, else what the display
  // reports (a windowed preview takes the window's share of it).
  // The display's refresh rate paces the loop and judges vsync (60 Hz when it does not say).
  if (const double hz = platform::displayRefreshHz(); hz > 0) m_pacer.setDisplayHz(hz);
  const int reported = platform::displayWidthMm();
  const float mm = m_options.displayWidthMm ? static_cast<float>(m_options.displayWidthMm)
                                            : static_cast<float>(reported) * width() / static_cast<float>(sf::VideoMode::getDesktopMode().width);
  if (mm > 0) m_pxPerMm = width() / mm;
  // Where a hand reaches is worked out from a size the operator gave, never from what a display
  // reports (Xvfb says 96 dpi; many televisions report nothing or a made-up size).
  if (m_options.displayWidthMm > 0) m_givenPxPerMm = width() / static_cast<float>(m_options.displayWidthMm);
  // A finger jitters by a few millimetres as it lands and lifts: movement within 4 mm (and
  // 12 px) is still a tap, on a dense small screen as on a big one.
  ImGui::GetIO().MouseDragThreshold = std::max(12.0f, 4.0f * m_pxPerMm);
  m_corners.emplace(CornerTaps::zoneFor(width(), height(), m_pxPerMm));
  // Visits are counted at a venue and in runs that name a state folder, never in a plain
  // scripted test run (it would add made-up visitors to the real folder).
  if (m_options.script.empty() || !m_options.stateDir.empty())
    m_visitLog = std::make_unique<VisitLog>(analyticsDirectory(m_options));
  startLoading(); // what of the first load needs the window
  m_lastFrame = m_clock.now();
}

void App::markStart(const char* what) {
  if (m_firstPictureLogged) return;
  m_startMarks.emplace_back(what, static_cast<int>(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started).count()));
}

void App::createTextureCache() {
  // Pictures are decoded at the size they are shown: a 24-megapixel photo becomes at most a
  // screen-sized texture, and the textures stay within a byte budget.
  ui::TextureCache::Options to;
  const auto w = static_cast<unsigned>(width()), h = static_cast<unsigned>(height());
  to.stripBytes = std::size_t{m_options.textureStripKiB} << 10;
  to.budgetBytes = m_options.textureBudgetMiB ? std::uintmax_t{m_options.textureBudgetMiB} << 20
                                              : ui::TextureCache::defaultBudget(w, h, m_softwareRenderer);
  to.limits.maxSide = m_maxTextureSize;
  to.prefetchBelowFrames = m_options.script.empty();
  std::string cacheNote = "off";
  if (m_options.imageCache) {
    fs::path dir = m_options.imageCacheDir.empty() ? media::defaultImageCacheDir() : fs::path(m_options.imageCacheDir);
    std::error_code ec;
    const fs::path content = fs::weakly_canonical(m_options.contentDir, ec), cache = fs::weakly_canonical(dir, ec);
    const auto rel = cache.lexically_relative(content);
    if (!rel.empty() && *rel.begin() != "..") { // staff's folder is theirs alone
      std::cerr << "kiosk: the image cache folder " << dir.string() << " is inside the content folder; using "
                << media::defaultImageCacheDir().string() << " instead\n";
      dir = media::defaultImageCacheDir();
    }
    auto disk = std::make_shared<media::DiskCache>(dir, std::uintmax_t{2} << 30);
    if (disk->usable()) {
      to.diskCache = std::move(disk);
      cacheNote = dir.string();
    } else {
      std::cerr << "kiosk: " << disk->problem() << "\n";
    }
  }
  std::cerr << "kiosk: pictures: texture budget " << (to.budgetBytes >> 20) << " MiB"
            << (m_softwareRenderer && !m_options.textureBudgetMiB
                    ? " (a software renderer: textures are the kiosk's own memory)"
                    : "")
            << ", disk cache " << cacheNote << "\n";
  m_textures = std::make_unique<ui::TextureCache>(std::move(to));
}

void App::createSpeaker() {
  speech::SpeakerOptions so;
  so.clock = &m_clock;
  so.virtualClock = !m_options.script.empty(); // scripts never open the sound device
  if (so.virtualClock) so.wavDir = m_options.speechWavDir;
  else if (!m_options.speechWavDir.empty()) std::cerr << "kiosk: --speech-wav is for scripted runs (--script); ignored\n";
  // "There is no voice for Mongolian...", in the visitor's language (or English standing in).
  so.notice = [this](const std::string& visitor, const std::string& language, const std::string& standIn) {
    const std::string in = m_strings.languageOf(visitor, "speech_no_voice");
    UiStrings::Args args;
    args.texts["language"] = text::languageNameIn(language, in);
    args.texts["stand_in"] = text::languageNameIn(standIn, in);
    return speech::Utterance{m_strings.format(visitor, "speech_no_voice", args), in};
  };
  m_speaker = speech::makeSpeaker(so);
}

void App::createFilms() {
  ui::Films::Options fo;
  fo.hwdec = m_options.hwdec.empty() ? "auto-safe" : m_options.hwdec;
  fo.stepped = !m_options.script.empty(); // scripted runs: frames follow the virtual clock
  if (fo.stepped && m_options.hwdec == "auto-safe") fo.hwdec = "no"; // and are the same on every machine
  if (!m_options.videoSpeed.empty()) {
    char* end = nullptr;
    const double speed = std::strtod(m_options.videoSpeed.c_str(), &end);
    if (end && *end == '\0' && speed >= 0.1 && speed <= 100) fo.speed = speed;
    else std::cerr << "kiosk: --video-speed " << m_options.videoSpeed << " is not a number from 0.1 to 100; films play at their own speed\n";
  }
  std::cerr << "kiosk: films: decoding " << (fo.hwdec == "no" ? std::string("in software") : "with hwdec=" + fo.hwdec + " (hardware where it works)")
            << (fo.speed != 1 ? ", at " + std::to_string(fo.speed) + "x speed" : std::string()) << "\n";
  m_films = std::make_unique<ui::Films>(fo);
  if (!m_options.frameStampsFile.empty()) {
    m_frameStamps = std::fopen(m_options.frameStampsFile.c_str(), "w");
    if (!m_frameStamps) std::cerr << "kiosk: cannot write the frame stamps file " << m_options.frameStampsFile << "\n";
    else std::setvbuf(m_frameStamps, nullptr, _IOLBF, 256); // each line reaches the file at once: benches stop the kiosk with SIGTERM
  }
  if (!m_options.frameTimesFile.empty()) {
    m_frameTimes = std::fopen(m_options.frameTimesFile.c_str(), "w");
    if (!m_frameTimes) std::cerr << "kiosk: cannot write the frame times file " << m_options.frameTimesFile << "\n";
    else std::setvbuf(m_frameTimes, nullptr, _IOLBF, 64);
  }
}

// The screen's row through the middle, read back before it is shown and decoded as a test
// film's frame stamp: what the visitor saw, frame by frame, for bench_video and the soak.
void App::writeFrameStamp() {
  const int w = static_cast<int>(m_window.getSize().x), h = static_cast<int>(m_window.getSize().y);
  std::vector<std::uint8_t> row(static_cast<size_t>(w) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, h / 2, w, 1, GL_RGBA, GL_UNSIGNED_BYTE, row.data());
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started).count();
  const media::FrameStamp st = media::decodeFrameStamp(row.data(), w);
  if (st.kind == media::FrameStamp::Code) std::fprintf(m_frameStamps, "%.3f %d %d\n", ms, st.clip, st.frame);
  else std::fprintf(m_frameStamps, "%.3f %s\n", ms, st.kind == media::FrameStamp::Black ? "black" : "none");
}

namespace {
volatile std::sig_atomic_t g_stopRequested = 0;
double processCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}
void requestStop(int) { g_stopRequested = 1; }

// This thread's CPU time: what a slice of work cost it, without the time another process had the core.
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
} // namespace

void App::logMemory() const {
  std::uintmax_t hwm = 0, rss = 0;
  if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      unsigned long long v = 0;
      if (std::sscanf(line, "VmHWM: %llu kB", &v) == 1) hwm = v;
      if (std::sscanf(line, "VmRSS: %llu kB", &v) == 1) rss = v;
    }
    std::fclose(f);
  }
  const auto t = m_textures->stats();
  // Through std::cerr, as every log line, so the log sink (app/LogSink) sees it.
  char text[512];
  std::snprintf(
      text, sizeof text,
      "kiosk: memory: peak %ju MiB, now %ju MiB; picture textures peak %ju MiB of a %ju MiB budget "
      "(%zu pictures decoded, %zu from the disk cache, %zu evicted, %zu cancelled; slowest upload slice %.2f ms, "
      "CPU %.2f ms, median %.2f ms over %zu frames after the first picture; %zu strips created (%zu between frames), "
      "%zu reused)\n",
      hwm >> 10, rss >> 10, t.peakResidentBytes >> 20, t.budgetBytes >> 20, t.decoded, t.fromDiskCache, t.evictions,
      t.cancelled, m_uploadSliceMs.worst(), m_uploadSliceCpuMs.worst(), m_uploadSliceMs.median(),
      m_uploadSliceMs.count(), t.stripsCreated, t.stripsMadeAhead, t.stripsReused);
  std::cerr << text;
}

App::Resources App::resources() const {
  Resources r;
  r.residentBytes = residentBytesNow();
  r.textureBytes = m_textures->stats().residentBytes;
  r.glyphBytes = m_painter->atlasBytes();
  std::error_code ec;
  for (fs::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++r.openFiles;
  for (fs::directory_iterator it("/proc/self/task", ec), end; !ec && it != end; it.increment(ec)) ++r.threads;
  return r;
}

App::~App() {
  if (m_visitLog && m_nav) m_visitLog->append(m_visits.finish(m_clock.now(), m_clock.today(), m_clock.minuteOfDay()));
  m_visitLog.reset(); // writes what is queued
  if (m_pinCheck.valid()) m_pinCheck.wait();
  if (m_early.valid()) m_early.wait();
  if (m_loading.valid()) m_loading.wait();
  if (m_laterFonts.valid()) m_laterFonts.wait();
  if (m_metricsWrite.valid()) m_metricsWrite.wait();
  if (const auto fs = m_films->stats(); fs.opened > 0)
    std::cerr << "kiosk: films: " << fs.opened << " players opened (slowest " << std::lround(fs.worstOpenMs) << " ms, closing " << std::lround(fs.worstCloseMs) << " ms), " << fs.framesRendered
              << " frames drawn (slowest render " << std::lround(fs.worstRenderMs) << " ms), " << fs.droppedFrames << " dropped, "
              << fs.failures << " failed\n";
  m_speaker.reset(); // silence before the window goes
  m_films.reset(); // with the window's GL context still there
  m_textures.reset();
  m_imgui.reset();
  m_painter.reset(); // its glyph pages too (declared before the window, for the first load)
  if (m_frameStamps) std::fclose(m_frameStamps);
  if (m_frameTimes) std::fclose(m_frameTimes);
}

void App::createWindow() {
  sf::ContextSettings gl;
  gl.antialiasingLevel = 0;
  const bool scripted = !m_options.script.empty();
  if (m_options.embedInto) {
    const unsigned w = m_options.width ? m_options.width : 960, h = m_options.height ? m_options.height : 540;
    m_window.create(sf::VideoMode(w, h), "Kiosk preview", sf::Style::None, gl);
    std::string why;
    if (!platform::embedWindow(static_cast<unsigned long>(m_window.getSystemHandle()), m_options.embedInto, 0, 0, why))
      std::cerr << "kiosk: warning: " << why << "\n";
  } else if (m_options.windowed || scripted) {
    const unsigned w = m_options.width ? m_options.width : 1920, h = m_options.height ? m_options.height : 1080;
    m_window.create(sf::VideoMode(w, h), "Kiosk", sf::Style::Titlebar | sf::Style::Close, gl);
  } else {
    sf::VideoMode mode = sf::VideoMode::getDesktopMode();
    if (m_options.width) {
      const sf::VideoMode wanted(m_options.width, m_options.height, mode.bitsPerPixel);
      if (wanted.isValid())
        mode = wanted;
      else
        std::cerr << "kiosk: warning: the display has no " << m_options.width << "x" << m_options.height
                  << " mode; using its native " << mode.width << "x" << mode.height << "\n";
    }
    m_window.create(mode, "Kiosk", sf::Style::Fullscreen, gl);
    m_window.setMouseCursorVisible(false); // visitors touch; a cursor would only get in the way
  }
  if (!scripted) {
    // Vsync first; tuneFrameRate() falls back to a frame limit if the driver ignores it.
    m_window.setVerticalSyncEnabled(true);
  }
  m_window.setKeyRepeatEnabled(false);
  m_window.setActive(true);
}

// The content folder read and checked, and the faces of the first screen's languages (every
// language's on a reload) found and loaded: all that a load needs but the window.
App::Loaded App::loadContentAndFaces(const fs::path& dir, const fs::path& assets, bool haveFonts,
                                     text::FontLibrary* library, const std::string& staffLang) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
  };
  Loaded l;
  const auto t0 = Clock::now();
  l.content = loadContent(dir);
  if (l.content.content)
    for (auto& d : media::checkContentImages(*l.content.content))
      l.content.diagnostics.push_back(std::move(d));
  if (l.content.content)
    for (auto& d : media::checkContentVideos(*l.content.content))
      l.content.diagnostics.push_back(std::move(d));
  l.strings = UiStrings::load(assets / "ui-strings.toml", l.stringDiagnostics);
  if (l.content.content) {
    // The venue's digits, before any message is formatted (the glyphs below include them), and
    // a word to staff for each offered language the kiosk's own words would be English in.
    l.strings.setDigits(l.content.content->settings.digits);
    for (auto& d : l.strings.checkOffered(l.content.content->settings))
      l.stringDiagnostics.push_back(std::move(d));
  }
  if (l.content.content) {
    l.pictures = ui::TextureCache::wantedBy(*l.content.content);
    l.films = ui::Films::filmsIn(*l.content.content);
  }
  l.contentMs = ms(t0);
  const auto t1 = Clock::now();
  static const Content empty;
  // Content text is drawn by the text engine: load every face it will need here, on the
  // worker (a CJK collection is 20 MB), and find the characters no installed font has.
  // The admin view's words too, in the staff's language (kiosk.toml's staff_language, else
  // --language or the locale), whether or not visitors read it.
  const std::string& chosen =
      l.content.content ? l.content.content->settings.staffLanguage : empty.settings.staffLanguage;
  std::vector<Diagnostic> staffProblems;
  const StaffStrings staff = StaffStrings::load(assets, chosen.empty() ? staffLang : chosen, staffProblems);
  std::vector<std::string> staffTexts;
  for (const std::string& key : staff.keys(staff.language()))
    staffTexts.push_back(staff.pattern(staff.language(), key));
  // The first load of a run loads only the first screen's languages here; the others, and the
  // admin view's words, load on a worker after the first frame (their text is held until then,
  // never drawn in a wrong face). A reload prepares every language before it is shown.
  const bool firstLoad = !haveFonts && l.content.content;
  ui::GlyphNeeds needs = ui::collectGlyphNeeds(l.content.content ? *l.content.content : empty, l.strings,
                                               firstLoad ? std::string() : staff.language(), staffTexts);
  if (firstLoad) {
    l.firstLanguages = ui::firstScreenLanguages(l.content.content->settings);
    auto split = ui::splitGlyphNeeds(needs, l.firstLanguages);
    l.laterNeeds = std::move(split.second);
    if (const auto it = split.first.byLanguage.find(staff.language()); it != split.first.byLanguage.end())
      l.laterNeeds.byLanguage[it->first] = it->second; // ready already; the staff's words added to it
    ui::addStaffNeeds(l.laterNeeds, staff.language(), staffTexts);
    needs = std::move(split.first);
  }
  l.fontProblems = ui::prepareFonts(*library, needs, l.fontFaces);
  // ICU loads its line-break dictionaries on first use: do that here, not in a visitor's frame.
  if (l.content.content)
    for (const auto& lang : l.content.content->settings.languages)
      if (!l.laterNeeds.byLanguage.count(lang))
        (void)text::findLineBreaks(l.content.content->settings.name.get(lang) +
                                       (l.laterNeeds.byLanguage.empty() ? " \u6C88\u9633 \u0E44\u0E17\u0E22" : ""),
                                   lang);
  l.fontsReused = haveFonts;
  l.fontsMs = ms(t1);
  return l;
}

std::future<App::Loaded> App::startEarlyLoad() {
  // Watch first, then load: an edit made while the first load runs is not missed.
  m_watch = platform::createFileWatch();
  if (std::string why; !m_watch->start(m_options.contentDir, why)) std::cerr << "kiosk: " << why << "\n";
  return std::async(std::launch::async, [dir = m_options.contentDir, assets = m_assets, library = &m_painter->fonts(),
                                         staffLang = staffLanguage(m_options)] {
    return loadContentAndFaces(dir, assets, false, library, staffLang);
  });
}

void App::startLoading() {
  const float h = std::min(width(), height()); // text sizes follow the short side
  const int maxTexture = m_maxTextureSize;
  // ImGui's own atlas only holds the staff overlay's Latin font: built once, for the window.
  auto addAtlas = [h, maxTexture](Loaded l) {
    const auto t = std::chrono::steady_clock::now();
    if (!l.fontsReused) l.fonts = ui::buildFonts(ui::GlyphNeeds{}, h, maxTexture);
    l.fontsMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    return l;
  };
  if (m_early.valid()) { // the first load, begun before the window (startEarlyLoad)
    m_loading = std::async(std::launch::async,
                           [early = std::move(m_early), addAtlas]() mutable { return addAtlas(early.get()); });
    return;
  }
  m_loading =
      std::async(std::launch::async, [dir = m_options.contentDir, assets = m_assets, haveFonts = m_fonts.ready(),
                                      library = &m_painter->fonts(), staffLang = staffLanguage(m_options), addAtlas] {
        return addAtlas(loadContentAndFaces(dir, assets, haveFonts, library, staffLang));
      });
}

void App::adoptLoaded(Loaded&& l) {
  ++m_loadsFinished;
  m_adoptedThisFrame = true;
  m_contentLoadedAt = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  const auto changeSeen = std::exchange(m_changeSeen, {}); // this load answers that change, shown or not
  std::vector<Diagnostic> diagnostics = l.content.diagnostics;
  diagnostics.insert(diagnostics.end(), l.stringDiagnostics.begin(), l.stringDiagnostics.end());
  for (const auto& p : l.fontProblems) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.file = "fonts";
    d.message = p;
    diagnostics.push_back(d);
  }
  // The journal gets the first problems, then a count: a content folder with a problem in every
  // one of thousands of files must not flood the log or hold up the frame loop while it prints.
  constexpr size_t kLogged = 200;
  for (size_t i = 0; i < diagnostics.size() && i < kLogged; ++i) std::cerr << diagnostics[i].format() << "\n";
  if (diagnostics.size() > kLogged)
    std::cerr << "kiosk: and " << diagnostics.size() - kLogged << " more problems; `kiosk validate` lists them all\n";
  m_diagnostics = std::move(diagnostics);
  const int contentMs = static_cast<int>(l.contentMs), fontsMs = static_cast<int>(l.fontsMs);
  if (m_nav && !l.content.content) {
    // The folder vanished (deleted, renamed, unmounted) since the last load: what is on screen
    // stays, with its fonts, until a load succeeds again.
    std::cerr << "kiosk: the content folder could not be read; the previous content stays on screen\n";
    return;
  }
  // Errors by file and message (not line: an edit above them moves them), to tell new ones.
  std::set<std::string> errors;
  for (const auto& d : m_diagnostics)
    if (d.severity == Diagnostic::Severity::Error) errors.insert(d.file + "\n" + d.message);
  const bool newErrors = !std::includes(m_shownErrors.begin(), m_shownErrors.end(), errors.begin(), errors.end());
  if (m_nav && !m_showingEmpty && newErrors) {
    // Staff are mid-edit or made a mistake: visitors keep the last good content; the corner dot
    // and F2 tell staff what to fix, and the next save is picked up. Errors the content on
    // screen already had (it started with them) do not hold back other edits.
    std::cerr << "kiosk: the content folder has errors; the previous content stays on screen until they are fixed\n";
    return;
  }
  m_shownErrors = std::move(errors);
  const bool wasEmpty = std::exchange(m_showingEmpty, !l.content.content);
  if (!l.content.content) {
    // No folder at all from the start: run on an empty snapshot, so the screen explains itself.
    l.content.content = std::make_shared<Content>();
    m_staffOverlay = true;
  } else if (wasEmpty && m_nav) {
    // The folder has appeared: start afresh for visitors, as a kiosk just switched on would.
    m_staffOverlay = false;
    m_nav.reset();
  }
  for (const auto& f : l.fontFaces) std::cerr << "kiosk: font " << f << "\n";
  using Steady = std::chrono::steady_clock;
  auto msSince = [](Steady::time_point t) {
    return static_cast<int>(std::chrono::duration<double, std::milli>(Steady::now() - t).count());
  };
  if (!m_nav) markStart("content and fonts in");
  if (!m_nav)
    std::cerr << "kiosk: ready " << msSince(m_started) << " ms after start";
  else if (changeSeen != Steady::time_point{})
    std::cerr << "kiosk: content reloaded, on screen " << msSince(changeSeen) << " ms after the change";
  else
    std::cerr << "kiosk: content reloaded";
  std::cerr << " (content " << contentMs << " ms, fonts " << fontsMs << " ms, on a worker)\n";

  m_strings = std::move(l.strings);
  m_painter->clearLayouts();
  if (!l.laterNeeds.byLanguage.empty()) {
    m_painter->holdLanguagesExcept(l.firstLanguages);
    m_laterNeeds = std::move(l.laterNeeds); // started once the first picture is up (frame())
    m_laterNeedsSince = Steady::now();
  } else {
    m_laterNeeds.reset();
    m_painter->allLanguagesReady(); // this load prepared every language
  }
  if (!l.fontsReused) {
    const auto uploadStart = Steady::now();
    m_fonts.adopt(std::move(l.fonts));
    m_imgui->fontsChanged();
    std::cerr << "kiosk: font atlas " << ImGui::GetIO().Fonts->TexWidth << "x" << ImGui::GetIO().Fonts->TexHeight
              << " uploaded in " << msSince(uploadStart) << " ms\n";
  }
  if (l.pictures.byFile.empty() && l.films.empty()) { // no folder: the empty snapshot made here
    m_textures->retain(*l.content.content);
    m_films->retain(*l.content.content);
  } else {
    m_textures->retain(l.pictures);
    m_films->retain(l.films);
  }
  if (m_nav) {
    // The snapshot on screen until now is freed on a worker: 10,000 items take a third of a
    // second to free, on the frame that shows the reload.
    ContentSnapshot old = m_nav->snapshot();
    m_nav->setContent(l.content.content, m_clock.now());
    l.content.content.reset();
    if (m_retiring.valid()) m_retiring.wait(); // the one before (long since freed)
    m_retiring = std::async(std::launch::async, [old = std::move(old), index = std::move(l.pictures)]() mutable {
      index = {};
      old.reset();
    });
  } else
    m_nav = std::make_unique<Navigator>(l.content.content, m_clock.now(), m_clock.today());
}

void App::startLaterFonts(ui::GlyphNeeds needs) {
  text::FontLibrary* library = &m_painter->fonts(); // thread-safe; outlives the worker (declared first)
  m_laterFontsFor = m_loadsFinished;
  m_laterFonts = std::async(std::launch::async, [library, needs = std::move(needs)] {
    // Below the frame loop and the picture decoders: on two cores it must not slow the screen.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
    const auto t0 = std::chrono::steady_clock::now();
    LaterFonts r;
    for (const auto& [lang, roles] : needs.byLanguage) r.languages.insert(lang);
    r.problems = ui::prepareFonts(*library, needs, r.faces);
    // ICU's line-break dictionaries (CJK, Thai), loaded here rather than in a visitor's frame.
    for (const auto& lang : r.languages) (void)text::findLineBreaks("\u6C88\u9633 \u0E44\u0E17\u0E22", lang);
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return r;
  });
}

void App::adoptLaterFonts() {
  // The other languages' faces load once the first picture is on screen (or a second after the
  // first screen, when there is none to wait for): they never compete with the first frame.
  if (m_laterNeeds && (m_firstPictureLogged || std::chrono::steady_clock::now() - m_laterNeedsSince > std::chrono::seconds(1))) {
    startLaterFonts(std::move(*m_laterNeeds));
    m_laterNeeds.reset();
  }
  if (!m_laterFonts.valid() || m_laterFonts.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  LaterFonts r;
  try {
    r = m_laterFonts.get();
  } catch (const std::exception& e) { // faces then load as text asks for them, in a frame: slower, never wrong
    std::cerr << "kiosk: loading the other languages' fonts failed (" << e.what() << ")\n";
    m_painter->allLanguagesReady();
    return;
  }
  m_painter->languagesReady(r.languages);
  for (const auto& f : r.faces) std::cerr << "kiosk: font " << f << "\n";
  std::cerr << "kiosk: fonts for " << r.languages.size() << " more languages ready "
            << static_cast<int>(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started).count())
            << " ms after start (" << static_cast<int>(r.ms) << " ms on a worker, after the first frame)\n";
  if (m_laterFontsFor != m_loadsFinished) return; // a reload since has its own font problems
  for (const auto& p : r.problems) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.file = "fonts";
    d.message = p;
    std::cerr << d.format() << "\n";
    m_diagnostics.push_back(std::move(d));
  }
}

void App::collectWorkerResults() {
  adoptLaterFonts();
  if (m_loading.valid() && m_loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    Loaded l;
    try {
      l = m_loading.get();
    } catch (const std::exception& e) {
      // Never expected (the loader reports rather than throws), but a worker's surprise must not
      // end the kiosk: the last good content keeps running.
      Diagnostic d;
      d.file = m_options.contentDir;
      d.message = std::string("loading failed (") + e.what() + "); the previous content stays on screen; press F5 to try again";
      std::cerr << d.format() << "\n";
      m_diagnostics.push_back(d);
      if (!m_nav) {
        m_fonts.adopt(ui::fallbackFonts(std::min(width(), height())));
        m_imgui->fontsChanged();
        m_nav = std::make_unique<Navigator>(std::make_shared<Content>(), m_clock.now());
        m_staffOverlay = true;
      }
      return;
    }
    adoptLoaded(std::move(l));
  }
  for (auto& d : m_textures->takeDiagnostics()) {
    // The start-up check usually found it already, at the line that names the picture.
    const bool known = std::any_of(m_diagnostics.begin(), m_diagnostics.end(), [&](const Diagnostic& k) {
      return k.message.find("image '" + d.file + "'") != std::string::npos;
    });
    if (!known) m_diagnostics.push_back(std::move(d));
  }
}

void App::writeMetrics() {
  if (m_metricsWrite.valid() && m_metricsWrite.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return; // still writing
  // The figures are copied here (cheap); reading /proc, counting starts and writing the file
  // happen on a worker.
  HealthFigures h = m_health;
  const auto tex = m_textures->stats();
  h.textureBytes = tex.residentBytes;
  h.textureBudgetBytes = tex.budgetBytes;
  h.contentLoads = m_loadsFinished;
  h.contentLoadedAt = m_contentLoadedAt;
  for (const auto& d : m_diagnostics) (d.severity == Diagnostic::Severity::Error ? h.contentErrors : h.contentWarnings)++;
  h.uptimeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
  h.now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  const auto films = m_films->stats();
  h.filmPlayers = films.players;
  h.filmFrames = films.framesRendered;
  h.filmDroppedFrames = static_cast<std::uint64_t>(std::max<std::int64_t>(0, films.droppedFrames));
  h.filmFailures = films.failures;
  h.filmDecoderMessages = films.decoderMessages;
  h.filmDecoder = films.hwdec;
  const fs::path file = m_options.metricsFile;
  const fs::path state = stateDirectory(m_options);
  const bool countStart = m_starts == 0;
  m_metricsWrite = std::async(std::launch::async, [this, h, file, state, countStart]() mutable {
    std::error_code ec;
    std::string why;
    if (countStart) { // this process is one more start of the kiosk on this machine
      fs::create_directories(state, ec);
      std::uint64_t starts = 0;
      if (std::ifstream in(state / "starts"); in) in >> starts;
      m_starts = starts + 1;
      if (!replaceFile(state / "starts", std::to_string(m_starts) + "\n", why)) // said once: it is tried once
        std::cerr << "kiosk: cannot keep the start count in " << (state / "starts").string() << " (" << why
                  << "); it stays " << starts << " there\n";
    }
    h.starts = m_starts;
    h.residentBytes = residentBytesNow();
    // Written whole or not at all: node_exporter may read it at any moment. A failure is told
    // once, not every 15 s, until a write works again.
    if (replaceFile(file, formatMetrics(h), why)) {
      m_metricsFailing = false;
    } else if (!std::exchange(m_metricsFailing, true)) {
      std::cerr << "kiosk: cannot write the metrics file " << file.string() << " (" << why
                << "); the last one written stays; check the folder exists, is writable and has room\n";
    }
  });
}

void App::applyPowerSchedule(bool touched) {
  // Only a fullscreen kiosk owns its display: a windowed preview on a laptop must never switch
  // the laptop's screen off, nor a scripted run.
  if (!m_options.script.empty() || m_options.windowed || !m_nav) return;
  if (!touched && m_lastPowerCheck >= 0 && m_clock.now() - m_lastPowerCheck < 5) return; // the hours change by the minute
  m_lastPowerCheck = m_clock.now();
  const auto& settings = m_nav->content().settings;
  const bool awake = m_power.update(settings, m_clock.today(), m_clock.minuteOfDay(), m_clock.now(), touched);
  if (m_powerApplied && awake == m_displayAwake) return; // the first check applies either way
  m_powerApplied = true;
  m_displayAwake = awake;
  std::string why;
  if (!platform::setDisplayAwake(awake, why)) std::cerr << "kiosk: " << why << "\n";
  std::cerr << "kiosk: display " << (awake ? "awake (open, or touched)" : "asleep (outside opening hours)") << "\n";
}

bool App::transitioning() const {
  return m_nav && m_nav->screen() != Screen::Attract && m_clock.now() - m_nav->screenSince() < ui::Screens::kTransitionSeconds;
}

bool App::openItem(const std::string& section, const std::string& item) {
  if (!m_nav) return false;
  const Seconds now = m_clock.now();
  m_nav->noteActivity(now);
  m_nav->openSection(section, now);
  m_nav->openItem(item, now);
  return m_nav->item() && m_nav->item()->id == item && m_nav->section() && m_nav->section()->id == section;
}

bool App::openPlace(const std::string& place) {
  if (!m_nav) return false;
  const Seconds now = m_clock.now();
  m_nav->noteActivity(now);
  if (place == "home") {
    if (m_nav->screen() == Screen::Attract) m_nav->wake(now);
    m_nav->home(now);
    return m_nav->screen() == Screen::Home;
  }
  const auto slash = place.find('/');
  if (slash != std::string::npos) return openItem(place.substr(0, slash), place.substr(slash + 1));
  if (m_nav->screen() == Screen::Attract) m_nav->wake(now);
  m_nav->openSection(place, now);
  return m_nav->screen() == Screen::Section && m_nav->section() && m_nav->section()->id == place;
}

bool App::setLanguage(const std::string& language) {
  if (!m_nav) return false;
  const auto& offered = m_nav->content().settings.languages;
  if (std::find(offered.begin(), offered.end(), language) == offered.end()) return false;
  m_nav->setLanguage(language, m_clock.now());
  return true;
}

void App::setAccessibility(const Accessibility& choice) {
  if (m_nav) m_nav->setAccessibility(choice, m_clock.now());
}

ReachBand App::reachBand() const { return kiosk::reachBand(ui::Screens::mounting(m_nav ? &m_nav->content().settings : nullptr, width(), height(), m_givenPxPerMm), height()); }

bool App::staffKey(const std::string& name) {
  sf::Event::KeyEvent k{};
  if (name == "F2") k.code = sf::Keyboard::F2;
  else if (name == "F5") k.code = sf::Keyboard::F5;
  else return false;
  handleKey(k);
  return true;
}

bool App::staffPreview() const { return (m_options.windowed || !m_options.script.empty()) && m_options.staffKeys; }

void App::handleKey(const sf::Event::KeyEvent& key) {
  // A fullscreen kiosk at a venue answers no keys outside the admin view: a keyboard left
  // within reach (or a visitor's own) is no way out. A windowed preview has them for staff.
  const bool preview = m_options.windowed || !m_options.script.empty();
  if (!(preview && m_options.staffKeys) && m_admin.mode != ui::AdminModel::Mode::Panel) return;
  if (key.code == sf::Keyboard::Q && key.control) m_quit = true;
  if (key.code == sf::Keyboard::F2) {
    m_staffOverlay = !m_staffOverlay;
    // Opened in the admin view at a venue, it closes with the view: visitors never keep it.
    m_overlayFromAdmin = m_staffOverlay && !(preview && m_options.staffKeys);
  }
  if (key.code == sf::Keyboard::F5 && !m_loading.valid()) startLoading();
}

void App::tuneFrameRate(double frameSeconds) {
  // Frames drawn back to back with working vsync come a whole number of display periods apart
  // (the swap waits for the display). Without it (Xvfb, some VMs) they come as fast as they are
  // drawn, and, once a frame is cheaper than a period, faster than the display: cap the frame
  // rate then instead of spinning a core. Working vsync needs positive evidence
  // (FramePacer::vsyncPaces: intervals on whole numbers of periods). (This once asked
  // only that 60 frames took a quarter of a second, which frames drawn in 5 ms or more passed
  // with no vsync at all: llvmpipe's crossfades then ran at 100 frames a second.)
  // Only frames drawn back to back count: one after the frame loop slept says nothing.
  if (m_vsyncChecked || !m_options.script.empty()) return;
  const bool slept = std::exchange(m_sleptBeforeFrame, false);
  if (m_vsyncProbeLast >= 0 && !slept) m_vsyncProbeIntervals.push_back(frameSeconds - m_vsyncProbeLast);
  m_vsyncProbeLast = frameSeconds;
  if (m_vsyncProbeIntervals.size() < 60) return;
  m_vsyncChecked = true;
  m_vsyncWorks = FramePacer::vsyncPaces(m_vsyncProbeIntervals, m_pacer.displayPeriod());
  m_vsyncProbeIntervals = {};
  if (!m_vsyncWorks) {
    m_window.setVerticalSyncEnabled(false);
    m_window.setFramerateLimit(m_options.fpsLimit);
    std::cerr << "kiosk: vsync is not pacing frames here; limiting to " << m_options.fpsLimit << " fps\n";
  }
}

void App::readBack(sf::Image& out) {
  // Straight from the back buffer into a buffer kept between shots: a texture made for each shot
  // (and its copy to an image) cost a 4K screenshot about a second here, most of it page faults
  // on 33 MB of fresh memory, three times over.
  const auto w = static_cast<int>(m_window.getSize().x), h = static_cast<int>(m_window.getSize().y);
  const size_t row = static_cast<size_t>(w) * 4;
  m_readBack.resize(row * static_cast<size_t>(h));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, m_readBack.data());
  std::vector<std::uint8_t> tmp(row); // OpenGL's rows start at the bottom
  for (int y = 0; y < h / 2; ++y) {
    std::uint8_t* a = m_readBack.data() + row * static_cast<size_t>(y);
    std::uint8_t* b = m_readBack.data() + row * static_cast<size_t>(h - 1 - y);
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (size_t i = 3; i < m_readBack.size(); i += 4) m_readBack[i] = 255; // the window is opaque
  out.create(static_cast<unsigned>(w), static_cast<unsigned>(h), m_readBack.data());
}

bool App::frame(bool present, const std::string& screenshot, std::string& error) {
  const auto cpuStart = std::chrono::steady_clock::now();
  const double threadStart = threadCpuMs();
  sf::Event event;
  const bool scripted = !m_options.script.empty();
  // Input that woke the frame loop's sleep first, then what came since.
  while (!m_heldEvents.empty() || m_window.pollEvent(event)) {
    if (!m_heldEvents.empty()) {
      event = m_heldEvents.front();
      m_heldEvents.pop_front();
    }
    if (event.type == sf::Event::Closed) m_quit = true;
    else if (event.type == sf::Event::KeyPressed) {
      // A keypad's keys (or a keyboard's arrows, Enter, Backspace...) move the focus; the rest
      // are the staff's (F2, F5, Ctrl+Q). A script owns the input.
      if (const auto k = keypadKeyFor(event.key); k && !scripted) m_keypad.press(*k);
      else if (!scripted) handleKey(event.key);
    } else if (!scripted)
      m_imgui->processEvent(event); // a script owns the pointer; stray real input would spoil it
  }
  collectWorkerResults();
  auto touches = std::exchange(m_heldTouches, {});
  for (auto& t : m_touch->poll()) touches.push_back(t);
  if (!scripted) // a script owns the input; stray real fingers would spoil it
    for (const auto& t : touches) {
      m_gestures.apply(t, m_clock.now());
      if (t.emulatesPointer) { // the finger that was the mouse: the kiosk's pointer now
        using P = ui::PointerEvent::Kind;
        m_imgui->pushPointer({P::Move, t.x, t.y});
        if (t.kind == platform::TouchEvent::Kind::Begin) m_imgui->pushPointer({P::Down, t.x, t.y});
        if (t.kind == platform::TouchEvent::Kind::End) m_imgui->pushPointer({P::Up, t.x, t.y});
      }
    }
  m_gestures.forgetStale(m_clock.now()); // a finger whose end was lost (cable pulled); the kiosk's one clock
  m_textures->beginFrame();
  m_films->beginFrame();
  // Uploads a strip at a time within 2 ms of the frame, so a large picture spreads over frames
  // and nothing else waits; before the first picture is on screen there is nothing to keep
  // smooth, so it goes up at once.
  {
    const auto pumpStart = std::chrono::steady_clock::now();
    const double cpuBefore = threadCpuMs();
    const size_t strips = m_textures->pump(m_firstPictureLogged ? 2.0 : 50.0);
    if (m_firstPictureLogged && strips > 0) { // what uploads took of a frame: wall, and this thread's CPU (without preemption)
      m_uploadSliceMs.add(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - pumpStart).count());
      m_uploadSliceCpuMs.add(threadCpuMs() - cpuBefore);
    }
  }

  const Seconds now = m_clock.now();
  if (m_watch) {
    const bool wasPending = m_reload.pending();
    m_reload.observe(m_watch->changes(), now);
    if (!wasPending && m_reload.pending() && m_changeSeen == std::chrono::steady_clock::time_point{})
      m_changeSeen = std::chrono::steady_clock::now();
    // A load already under way finishes first; the schedule stays due until one can start.
    if (!m_loading.valid() && m_reload.takeDue(now)) startLoading();
  }
  const auto dt = static_cast<float>(now - m_lastFrame);
  m_lastFrame = now;
  const std::uint64_t idleResetsBefore = m_nav ? m_nav->idleResets() : 0;
  if (m_nav) {
    m_nav->setToday(m_clock.today()); // past midnight, event items appear and disappear
    m_nav->update(now);
  }

  m_imgui->newFrame(width(), height(), dt);
  const ImGuiIO& io = ImGui::GetIO();
  // Touches count as activity after this frame is drawn: a touch that answers "are you still
  // there?" lands on the question (the screen beneath is disabled), not on a button under it.
  const bool touched = io.MouseDown[0] || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || m_gestures.fingers() > 0;
  if (!ready()) {
    drawLoading();
  } else {
    watchCornerTaps();
    m_painter->beginFrame(4.0); // glyphs rasterized on demand, 4 ms a frame at most
    ui::Frame f{*m_nav,        m_fonts,
                *m_painter,    *m_textures,
                m_targets,     m_strings,
                now,           width(),
                height(),      hasErrors(m_diagnostics) && staffPreview(),
                m_pxPerMm,     &m_gestures,
                &m_admin,      m_givenPxPerMm,
                m_films.get(), [this](ImU32 colour) { return m_imgui->veilRamp(colour); }};
    m_screens.draw(f);
    if (m_nav->idleResets() != idleResetsBefore) m_films->setSound(false, ui::Films::kDefaultVolume); // the next visitor's sound
    // Back on the attract loop (the idle timeout, or staff): the visit is over, so is its speech
    // and its keypad focus, and the next visitor starts at the default volume and rate.
    const bool attract = m_nav->screen() == Screen::Attract;
    if (attract && !m_onAttract) {
      m_speaker->endVisit();
      m_keypad.endVisit();
    }
    m_onAttract = attract;
    m_speaker->setVisitorLanguage(m_nav->language());
    // Keys act on what this frame laid out; the ring is drawn over it.
    // Headphones plugged in (not already in when the kiosk started): speech for this visitor.
    if (m_jack) {
      const auto plugged = m_jack->plugged();
      if (plugged && *plugged && m_jackWas && !*m_jackWas) m_keypad.requestSpeech();
      m_jackWas = plugged;
    }
    Keypad::Context keys{*m_nav, m_targets, m_screens, *m_imgui, m_strings, m_speaker.get(), now,
                         text::directionOfLanguage(m_nav->language()) == text::BaseDirection::RightToLeft, transitioning()};
    m_keypad.afterLayout(keys);
    if (touched) m_nav->noteActivity(now);
    if (touched && m_admin.mode != ui::AdminModel::Mode::Closed) m_adminTouched = now;
    handleAdmin();
    recordVisit(m_nav->idleResets() != idleResetsBefore);
    applyPowerSchedule(touched);
    for (char32_t c : m_painter->takeMissing())
      if (m_reportedGlyphs.insert(c).second) // once per character, not once per frame
        std::cerr << "kiosk: no installed font can draw U+" << std::hex << static_cast<unsigned>(c) << std::dec
                  << "; it is left out of the screen (kiosk validate names the file)\n";
  }
  m_speaker->update(); // hands finished speech over and logs it; cheap
  if (m_staffOverlay) drawStaffOverlay();
  // The films' new frames into their textures, before ImGui draws them (mpv renders here, in
  // the frame loop, never from its callbacks).
  m_films->render(now);
  for (const auto& line : m_films->takeLog()) std::cerr << "kiosk: " << line << "\n";
  for (auto& d : m_films->takeDiagnostics()) m_diagnostics.push_back(std::move(d));

  // Everything up to here is the kiosk's own work on the CPU; what follows is GPU submission
  // (and, on llvmpipe, the drawing itself).
  m_uiMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cpuStart).count();
  ++m_framesRun;
  const SlowestFrame thisFrame{m_uiMs, threadCpuMs() - threadStart, m_framesRun,
                               m_nav && ready() ? std::optional<Screen>(m_nav->screen()) : std::nullopt,
                               m_adoptedThisFrame};
  if (thisFrame.ms > m_slowest.ms) m_slowest = thisFrame;
  if (thisFrame.cpuMs > m_slowestCpu.cpuMs) m_slowestCpu = thisFrame;
  m_adoptedThisFrame = false;
  bool ok = true;
  if (present || !screenshot.empty()) {
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    m_imgui->render();
    if (!screenshot.empty() || m_capture) {
      sf::Image shot;
      readBack(shot);
      if (m_capture) *std::exchange(m_capture, nullptr) = std::move(shot);
      else if (!shot.saveToFile(screenshot)) {
        error = "could not write the screenshot " + screenshot + "; check that its folder exists and is writable";
        ok = false;
      }
    }
    if (m_frameStamps && screenshot.empty()) writeFrameStamp();
    m_beforeSwapMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cpuStart).count();
    m_window.display();
    m_swappedAt = std::chrono::steady_clock::now();
    if (m_frameTimes)
      std::fprintf(m_frameTimes, "%.3f\n", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count());
    m_films->afterSwap();
  } else {
    ImGui::Render(); // the frame still runs (input, layout) without being drawn
  }
  m_frameMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cpuStart).count();
  if (present && ready() && !m_firstPictureLogged &&
      std::none_of(m_startMarks.begin(), m_startMarks.end(), [](const auto& m) { return std::string_view(m.first) == "first screen"; }))
    markStart("first screen");
  if (!m_firstPictureLogged && m_textures->stats().readyDraws > 0 && present) {
    markStart("first picture");
    m_firstPictureLogged = true;
    std::string marks;
    for (const auto& [what, ms] : m_startMarks) marks += std::string(marks.empty() ? "" : ", ") + what + " " + std::to_string(ms);
    std::cerr << "kiosk: start: " << marks << " (ms after start)\n";
    const auto t = m_textures->stats();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_started).count();
    std::cerr << "kiosk: first picture on screen " << ms << " ms after start (" << t.fromDiskCache << " of "
              << t.decoded << " pictures from the disk cache; uploaded over " << t.lastUploadFrames << " frames)\n";
  }
  if (ready()) {
    // For systemd: up once the first screen is drawn, then a heartbeat from every frame loop
    // turn (at most every half WatchdogSec), and a status line for `systemctl status`, made
    // again only when a load or a problem changed it.
    const std::pair<std::uint64_t, size_t> statusOf{m_loadsFinished, m_diagnostics.size()};
    if (statusOf != m_serviceStatusOf || m_serviceStatus.empty()) {
      m_serviceStatusOf = statusOf;
      size_t errors = 0;
      for (const auto& d : m_diagnostics) errors += d.severity == Diagnostic::Severity::Error;
      m_serviceStatus = "showing " + m_options.contentDir + " (" + std::to_string(m_nav->content().sections.size()) +
                        " sections, " + std::to_string(errors) + " errors)";
      m_watchdog.ready(m_clock.now(), m_serviceStatus);
      m_watchdog.status(m_serviceStatus);
    }
    m_watchdog.frameDone(m_clock.now());
  }
  if (present) m_health.frames.add(m_frameMs / 1000.0);
  if (!m_options.metricsFile.empty() && (m_lastMetrics < 0 || m_clock.now() - m_lastMetrics >= 15)) {
    m_lastMetrics = m_clock.now();
    writeMetrics();
  }
  if (present && screenshot.empty()) {
    // The last 600 frames, for the admin panel (the full series below stops growing).
    if (m_recentFrameMs.size() < 600) m_recentFrameMs.push_back(m_frameMs);
    else m_recentFrameMs[m_recentFrameNext] = m_frameMs;
    m_recentFrameNext = (m_recentFrameNext + 1) % 600;
    if (m_drawnFrameMs.size() < 100000) {
      m_drawnFrameMs.push_back(m_frameMs);
      m_uiFrameMs.push_back(m_uiMs);
    }
    tuneFrameRate(std::chrono::duration<double>(m_swappedAt.time_since_epoch()).count());
  }
  return ok;
}

void App::drawLoading() {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(width(), height()), ui::toImColor(ui::Theme::kBackground));
  // A quiet spinner while content and fonts load (a few hundred milliseconds).
  const float r = height() * 0.03f;
  const ImVec2 c(width() / 2, height() / 2);
  const float t = static_cast<float>(m_clock.now()) * 4.0f;
  dl->PathArcTo(c, r, t, t + 4.2f, 32);
  dl->PathStroke(ui::toImColor(ui::Theme::kAccent), 0, r * 0.18f);
}

void App::drawStaffOverlay() {
  const float w = width() * 0.62f, h = height() * 0.6f;
  ImGui::SetNextWindowPos(ImVec2(width() - w - 20, 20), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.92f);
  // The overlay never takes a touch: visitors keep using the screen beneath while staff read.
  ImGui::Begin("Staff (F2 to close)", nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs);
  size_t errors = 0, warnings = 0;
  for (const auto& d : m_diagnostics) (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
  ImGui::Text("Content folder: %s", m_options.contentDir.c_str());
  const auto tex = m_textures->stats();
  ImGui::Text("%zu errors, %zu warnings   |   frame %.1f ms (UI %.1f ms)", errors, warnings, m_frameMs, m_uiMs);
  ImGui::Text("Pictures: %zu textures, %ju of %ju MiB, %zu pending, %zu evicted, %zu from the disk cache", tex.textures,
              tex.residentBytes >> 20, tex.budgetBytes >> 20, m_textures->pending(), tex.evictions, tex.fromDiskCache);
  if (m_nav) ImGui::Text("Screen: %s   Language: %s", screenName(m_nav->screen()), m_nav->language().c_str());
  ImGui::Separator();
  ImGui::BeginChild("diagnostics", ImVec2(0, 0), false, ImGuiWindowFlags_NoInputs);
  for (const auto& d : m_diagnostics) {
    const ImVec4 col = d.severity == Diagnostic::Severity::Error ? ImVec4(1.0f, 0.55f, 0.5f, 1) : ImVec4(1.0f, 0.85f, 0.45f, 1);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextWrapped("%s", d.format().c_str());
    ImGui::PopStyleColor();
  }
  if (m_diagnostics.empty()) ImGui::TextUnformatted("No problems found in the content folder.");
  ImGui::EndChild();
  ImGui::End();
}

void App::startControlReader() {
  // getline blocks, so it has a thread of its own; it ends with the input (the editor closed).
  std::thread([queue = m_control] {
    std::string line;
    while (std::getline(std::cin, line)) {
      std::lock_guard lock(queue->mutex);
      queue->lines.push_back(line);
    }
    std::lock_guard lock(queue->mutex);
    queue->ended = true;
  }).detach();
}

void App::takeControlLines() {
  // Lines wait until the content and fonts are in: an "open" before that found no place, and the
  // first content then started the attract loop (the editor's preview stayed there).
  if (!ready() || !m_nav) {
    std::lock_guard lock(m_control->mutex);
    if (m_control->ended) m_quit = true;
    return;
  }
  // The editor's preview shows what staff chose for as long as they look: no idle return.
  m_nav->noteActivity(m_clock.now());
  std::vector<std::string> lines;
  {
    std::lock_guard lock(m_control->mutex);
    lines.swap(m_control->lines);
    if (m_control->ended) m_quit = true;
  }
  for (const auto& line : lines) {
    const auto space = line.find(' ');
    const std::string verb = line.substr(0, space), arg = space == std::string::npos ? "" : line.substr(space + 1);
    if (verb == "open") openPlace(arg);
    else if (verb == "language") setLanguage(arg);
    else if (verb == "quit") m_quit = true;
  }
}

void App::prepareFirstFrame() {
  // Nothing is on screen yet, and the first load began on a worker before the window (on the
  // sample it is ready about 30 ms after it): the first frame waits a moment for it, so that it
  // draws the first screen rather than the loading spinner a frame before it (a frame costs
  // 60-130 ms at start on llvmpipe). A slower load (thousands of items) gets its spinner.
  if (m_loading.valid()) m_loading.wait_for(std::chrono::milliseconds(150));
}

int App::run() {
  std::string error;
  if (m_options.controlStdin) startControlReader();
  using Clock = std::chrono::steady_clock;
  const auto since = [&](Clock::time_point t) { return std::chrono::duration<double>(t - m_started).count(); };
  Clock::time_point lastStart{};
  double expected = -1; // when this frame was due, seconds since start
  // SIGTERM (systemd stopping the service, a benchmark) and SIGINT end the loop like Ctrl+Q:
  // the exit log (pacing, memory) is written and the watchdog told.
  struct sigaction stop{};
  stop.sa_handler = requestStop;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGINT, &stop, nullptr);
  prepareFirstFrame();
  while (m_window.isOpen() && !m_quit) {
    if (g_stopRequested) break;
    const auto start = Clock::now();
    // The figures cover the steady loop: from 3 s after start, once the first picture is up.
    if (m_pacingCpuFrom < 0 && m_firstPictureLogged && since(start) >= 3) {
      m_pacingCpuFrom = processCpuSeconds();
      lastStart = {};
    }
    if (lastStart != Clock::time_point{} && m_pacingCpuFrom >= 0) {
      const double ms = std::chrono::duration<double, std::milli>(start - lastStart).count();
      if (m_intervalsMs.size() < 200000) m_intervalsMs.push_back(ms);
      m_framesLate += expected >= 0 && since(start) - expected > m_pacer.displayPeriod() / 2;
      m_pacedSeconds += ms / 1000;
      ++m_framesPaced;
    }
    lastStart = start;
    if (m_options.controlStdin) takeControlLines();
    if (!frame(true, {}, error)) std::cerr << "kiosk: " << error << "\n";
    // Asleep outside opening hours: a few frames a second are enough to notice a touch or the
    // opening time, and the heartbeat goes on.
    if (!m_displayAwake) {
      waitUntil(Clock::now() + std::chrono::milliseconds(150));
      m_sleptBeforeFrame = true; // not evidence about vsync (tuneFrameRate)
      expected = -1;
      continue;
    }
    // Between frames that need not come at the display's rate, the loop sleeps (and wakes for
    // input). The cost that sets the cadence is the frame's work: with working vsync, up to the
    // swap (which only waits); until vsync is known, the whole frame.
    const FramePacer::Need need = frameNeed();
    const double cost = (m_vsyncWorks ? m_beforeSwapMs : m_frameMs) / 1000;
    const double due = m_pacer.next(since(start), cost, need);
    expected = need.displayRate ? since(start) + m_pacer.displayPeriod() : due;
    // With vsync the swap waits for the display: wake half a period early and let it.
    const double wake = due - (m_vsyncWorks ? m_pacer.displayPeriod() / 2 : 0);
    m_textures->setCreatesAhead(!need.displayRate);
    if (!need.displayRate) {
      // A prefetched picture waiting to go up gets its strips' textures made now, while the
      // loop would sleep (at most 4 ms, and only with 8 ms to spare), not in a frame's slice.
      if (wake - since(Clock::now()) > 0.008) m_textures->createAhead(4.0);
      waitUntil(m_started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wake)));
      m_sleptBeforeFrame = true;
    }
  }
  logPacing();
  logMemory();
  return m_exitStatus;
}

FramePacer::Need App::frameNeed() const {
  FramePacer::Need need = m_screens.need();
  // Whatever else is on screen or under way keeps the display's rate: loading, a screen fading
  // in, a picture the screen waits for, staff's overlay or admin view, the keypad's ring,
  // speech, a finger down. (A prefetch does not: it decodes on a worker, and goes up between
  // and in the paced frames, TextureCache::createAhead.)
  const bool busy = !ready() || transitioning() || m_staffOverlay || m_admin.mode != ui::AdminModel::Mode::Closed ||
                    m_gestures.fingers() > 0 || m_textures->pendingOnScreen() > 0 || m_keypad.active();
  if (busy || !m_options.pacing) need.displayRate = true;
  return need;
}

void App::waitUntil(std::chrono::steady_clock::time_point due) {
  using namespace std::chrono;
  sf::Event event;
  while (steady_clock::now() < due && !m_quit && !g_stopRequested) {
    bool woke = false;
    while (m_window.pollEvent(event)) {
      m_heldEvents.push_back(event);
      woke = true;
    }
    for (auto& t : m_touch->poll()) {
      m_heldTouches.push_back(t);
      woke = true;
    }
    if (woke) return;
    if (m_options.controlStdin) { // the editor's command: taken in the next frame
      std::lock_guard<std::mutex> lock(m_control->mutex);
      if (!m_control->lines.empty() || m_control->ended) return;
    }
    std::this_thread::sleep_for(std::min<steady_clock::duration>(milliseconds(4), due - steady_clock::now()));
  }
}

void App::logPacing() const {
  if (m_intervalsMs.empty() || m_pacedSeconds <= 0) return;
  auto v = m_intervalsMs;
  std::sort(v.begin(), v.end());
  const double cpu = processCpuSeconds() - m_pacingCpuFrom;
  char text[400];
  std::snprintf(text, sizeof text,
                "kiosk: frame pacing: %zu frames in %.1f s (%.1f a second), intervals median %.1f ms, 99th percentile %.1f ms; "
                "%zu later than their tick; CPU %.3f s a second\n",
                m_framesPaced, m_pacedSeconds, static_cast<double>(m_framesPaced) / m_pacedSeconds, v[v.size() / 2], v[v.size() * 99 / 100],
                m_framesLate, cpu / m_pacedSeconds);
  std::cerr << text;
}

void App::watchCornerTaps() {
  // The hidden gesture works on the attract loop only, and only with a PIN in kiosk.toml:
  // four corners tapped clockwise from top left within 4 s. Those corner taps do not wake the
  // loop (Screens leaves them alone), so a sequence leaves no trace for visitors.
  const auto& pin = m_nav->content().settings.adminPin;
  m_admin.cornerZone = pin ? m_corners->zone() : 0;
  if (!pin || m_admin.mode != ui::AdminModel::Mode::Closed) return;
  if (m_nav->screen() != Screen::Attract) {
    m_corners->reset();
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  const bool tap = io.MouseReleased[0] && io.MouseDragMaxDistanceSqr[0] <= io.MouseDragThreshold * io.MouseDragThreshold;
  if (tap && m_corners->tap(io.MouseClickedPos[0].x, io.MouseClickedPos[0].y, width(), height(), m_clock.now())) {
    m_admin.mode = ui::AdminModel::Mode::Pin;
    m_admin.digits.clear();
    m_admin.pinMessage.clear();
    m_adminTouched = m_clock.now();
  }
}

void App::refreshStaffWords() {
  const std::string chosen = m_nav ? m_nav->content().settings.staffLanguage : std::string();
  const std::string language = StaffStrings::catalogueLanguage(chosen.empty() ? staffLanguage(m_options) : chosen);
  if (language == m_staffWordsLanguage) return;
  m_staffWordsLanguage = language;
  std::vector<Diagnostic> problems;
  m_staff = StaffStrings::load(m_assets, language, problems);
  for (const auto& d : problems) std::cerr << "kiosk: warning: " << d.format() << "\n";
  m_admin.language = m_staff.language();
  m_admin.words.clear();
  for (const char* key : {"admin_pin_title", "admin_checking", "admin_cancel", "admin_delete", "admin_ok", "admin_reload", "admin_attract",
                          "admin_pattern", "admin_exit", "admin_exit_again", "admin_close", "admin_status", "admin_translations",
                          "admin_problems", "admin_nothing"})
    m_admin.words[key] = m_staff.get(key);
  m_translationsOf = ~std::uint64_t{0};
}

void App::handleAdmin() {
  using Mode = ui::AdminModel::Mode;
  using Action = ui::AdminModel::Action;
  const Seconds now = m_clock.now();
  if (m_admin.mode != Mode::Closed) refreshStaffWords();
  auto waitMessage = [&] {
    return m_staff.get("admin_pin_locked", {{"seconds", std::to_string(static_cast<int>(std::ceil(m_pinAttempts.lockedFor(now))))}});
  };
  // The PIN is checked on a worker (it is slow on purpose: 0.1 s here).
  if (m_pinCheck.valid() && m_pinCheck.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    bool right = false;
    try {
      right = m_pinCheck.get();
    } catch (const std::exception& e) { // out of memory: say so, count nothing
      std::cerr << "kiosk: the PIN could not be checked (" << e.what() << "); try again\n";
      m_admin.checking = false;
      m_admin.pinMessage = m_staff.get("admin_pin_failed");
      return;
    }
    m_admin.checking = false;
    m_admin.digits.clear();
    if (right && m_admin.mode == Mode::Pin) {
      m_pinAttempts.succeeded();
      m_admin.mode = Mode::Panel;
      m_admin.exitArmed = false;
      m_adminFilled = -1;
      std::cerr << "kiosk: admin view opened\n";
    } else if (!right) {
      m_pinAttempts.failed(now);
      std::cerr << "kiosk: warning: a wrong admin PIN was entered (" << m_pinAttempts.failures() << " since the last right one)\n";
      m_admin.pinMessage = m_pinAttempts.locked(now) ? waitMessage() : m_staff.get("admin_pin_wrong");
    }
  }
  const Action action = std::exchange(m_admin.action, Action::None);
  switch (action) {
  case Action::None: break;
  case Action::Digit:
    if (m_admin.digits.size() < 12) m_admin.digits += m_admin.digit;
    m_admin.pinMessage.clear();
    break;
  case Action::Delete:
    if (!m_admin.digits.empty()) m_admin.digits.pop_back();
    break;
  case Action::SubmitPin:
    if (m_pinAttempts.locked(now)) {
      m_admin.pinMessage = waitMessage();
      m_admin.digits.clear();
    } else if (!isValidPin(m_admin.digits)) {
      m_admin.pinMessage = m_staff.get("admin_pin_digits");
    } else if (const auto& hash = m_nav->content().settings.adminPin; hash && !m_pinCheck.valid()) {
      try {
        m_pinCheck = std::async(std::launch::async, [pin = m_admin.digits, h = *hash] { return verifyPin(pin, h); });
        m_admin.checking = true;
      } catch (const std::exception& e) { // no thread to be had
        std::cerr << "kiosk: the PIN could not be checked (" << e.what() << "); try again\n";
        m_admin.pinMessage = m_staff.get("admin_pin_failed");
      }
    }
    break;
  case Action::Cancel:
    m_admin.mode = Mode::Closed;
    m_admin.digits.clear();
    break;
  case Action::Reload:
    if (!m_loading.valid()) startLoading();
    std::cerr << "kiosk: content reload asked for in the admin view\n";
    m_adminFilled = -1;
    break;
  case Action::Attract:
    m_nav->resetToAttract(now);
    m_admin.mode = Mode::Closed;
    break;
  case Action::TestPattern: m_admin.mode = Mode::TestPattern; break;
  case Action::Exit:
    if (m_admin.exitArmed && now - m_admin.exitArmedAt < 4) {
      std::cerr << "kiosk: closed by staff from the admin view (exit status " << kExitByStaff << ": not restarted)\n";
      m_exitStatus = kExitByStaff;
      m_quit = true;
    } else {
      m_admin.exitArmed = true;
      m_admin.exitArmedAt = now;
    }
    break;
  case Action::Close:
    m_admin.mode = m_admin.mode == Mode::TestPattern ? Mode::Panel : Mode::Closed;
    break;
  }
  if (m_admin.exitArmed && now - m_admin.exitArmedAt >= 4) m_admin.exitArmed = false;
  if (m_admin.mode == Mode::Closed && m_overlayFromAdmin) {
    m_overlayFromAdmin = false;
    m_staffOverlay = false;
  }
  // Left open and untouched, the view closes by itself: a PIN pad after 30 s, the panel or the
  // test pattern after 3 minutes, so visitors never find it.
  if (m_admin.mode != Mode::Closed && !m_admin.checking &&
      now - m_adminTouched > (m_admin.mode == Mode::Pin ? 30 : 180)) {
    m_admin.mode = Mode::Closed;
    m_admin.digits.clear();
    std::cerr << "kiosk: admin view closed after no touch\n";
  }
  if (m_admin.mode == Mode::Panel && (m_adminFilled < 0 || now - m_adminFilled >= 1)) {
    m_adminFilled = now;
    fillAdminPanel();
  }
}

void App::fillAdminPanel() {
  char host[256] = "this machine";
  gethostname(host, sizeof host - 1);
  m_admin.title = m_staff.get("admin_title", {{"version", KIOSK_VERSION}, {"host", host}});
  auto& st = m_admin.status;
  st.clear();
  const Content& content = m_nav->content();
  std::error_code ec;
  const fs::path shown = fs::canonical(m_options.contentDir, ec);
  std::string version = fs::absolute(m_options.contentDir, ec).string();
  if (!ec && shown != fs::absolute(m_options.contentDir, ec).lexically_normal()) version += " -> " + shown.string();
  st.push_back({m_staff.get("admin_content", {{"folder", version}})});
  char buf[512];
  const std::time_t loaded = static_cast<std::time_t>(m_contentLoadedAt);
  std::tm tm{};
  localtime_r(&loaded, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  size_t items = 0, errors = 0, warnings = 0;
  for (const auto& s : content.sections) items += s.items.size();
  for (const auto& d : m_diagnostics) (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
  st.push_back({m_staff.get("admin_loaded", {{"time", buf}, {"load", std::to_string(m_loadsFinished)},
                                              {"reloading", m_loading.valid() ? "yes" : "no"},
                                              {"section_count", std::to_string(content.sections.size())},
                                              {"item_count", std::to_string(items)}})});
  st.push_back({m_staff.get("admin_problem_counts", {{"error_count", std::to_string(errors)}, {"warning_count", std::to_string(warnings)}}),
                errors ? 2 : warnings ? 1 : 0});
  const auto up = static_cast<long>(std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count());
  std::snprintf(buf, sizeof buf, "Up %ld h %02ld min", up / 3600, up / 60 % 60);
  // The start count is kept with the metrics file (--metrics-file); without it, it is unknown.
  st.push_back({std::string(buf) + (m_starts ? "; started " + std::to_string(m_starts) + " times on this machine" : "")});
  if (!m_recentFrameMs.empty()) {
    std::vector<double> recent = m_recentFrameMs;
    std::sort(recent.begin(), recent.end());
    // In words first: the slowest frame in a hundred within one frame at 60 Hz is smooth, within
    // two some stutter, beyond that it stutters; the milliseconds after, for a technician.
    const double p99 = recent[recent.size() * 99 / 100];
    const char* motion = p99 <= 16.7 * 1.1 ? "admin_smooth" : p99 <= 33.4 * 1.1 ? "admin_some_stutter" : "admin_stutters";
    char median[16], slow[16];
    std::snprintf(median, sizeof median, "%.1f", recent[recent.size() / 2]);
    std::snprintf(slow, sizeof slow, "%.1f", p99);
    st.push_back({m_staff.get("admin_motion", {{"state", m_staff.get(motion)}, {"median", median}, {"slow", slow},
                                               {"frame_count", std::to_string(recent.size())}}),
                  p99 > 16.7 * 1.1 ? 1 : 0});
  }
  const auto r = resources();
  const auto tex = m_textures->stats();
  // "high" past 1.5 GiB: a kiosk showing pictures settles well below it (636 MiB paging 200 photos).
  const bool memoryHigh = (r.residentBytes >> 20) > 1536;
  st.push_back({m_staff.get("admin_memory", {{"state", m_staff.get(memoryHigh ? "admin_memory_high" : "admin_memory_fine")},
                                             {"mib", std::to_string(r.residentBytes >> 20)},
                                             {"gpu_mib", std::to_string(tex.residentBytes >> 20)},
                                             {"budget_mib", std::to_string(tex.budgetBytes >> 20)},
                                             {"waiting_count", std::to_string(m_textures->pending())},
                                             {"cached_count", std::to_string(tex.fromDiskCache)}}),
                memoryHigh ? 1 : 0});
  if (const auto films = m_films->stats(); films.opened > 0) {
    std::snprintf(buf, sizeof buf, "Films: %zu open, decoding %s; %llu frames drawn, %lld dropped, %llu failed, %llu decoder messages",
                  films.players, films.hwdec.empty() ? "(not yet)" : films.hwdec == "no" ? "in software" : ("in hardware (" + films.hwdec + ")").c_str(),
                  static_cast<unsigned long long>(films.framesRendered), static_cast<long long>(films.droppedFrames),
                  static_cast<unsigned long long>(films.failures), static_cast<unsigned long long>(films.decoderMessages));
    st.push_back({buf, films.failures > 0 || films.droppedFrames > 0 ? 1 : 0});
  }
  st.push_back({m_staff.get(m_displayAwake ? "admin_display_awake" : "admin_display_asleep",
                            {{"width", std::to_string(static_cast<int>(width()))}, {"height", std::to_string(static_cast<int>(height()))}})});
  st.push_back({m_staff.get(m_visitLog ? "admin_visits" : "admin_visits_off", {{"count", std::to_string(m_visits.sessionsToday())}})});
  auto& pr = m_admin.problems;
  pr.clear();
  for (const auto& d : m_diagnostics) pr.push_back({m_staff.format(d), d.severity == Diagnostic::Severity::Error ? 2 : 1});
  // Then what the kiosk itself logged lately (pictures, display, files), newest first, with the time.
  const auto recent = log::recentProblems();
  std::set<std::string> listed;
  for (const auto& d : m_diagnostics) listed.insert(d.format());
  for (auto it = recent.rbegin(); it != recent.rend() && it - recent.rbegin() < 20; ++it) {
    if (listed.count(it->text)) continue; // a content problem, listed above with its file and line
    const std::time_t t = std::chrono::system_clock::to_time_t(it->time);
    std::tm lt{};
    localtime_r(&t, &lt);
    char when[32];
    std::strftime(when, sizeof when, "%m-%d %H:%M:%S ", &lt);
    pr.push_back({when + it->text, it->level == log::Level::Error ? 2 : 1});
  }
  // Coverage walks every text of every item: once per content load, not every second.
  if (m_translationsOf == m_loadsFinished && !m_admin.translations.empty()) return;
  m_translationsOf = m_loadsFinished;
  auto& tr = m_admin.translations;
  tr.clear();
  for (const auto& c : translationCoverage(content)) {
    const int pct = c.total ? static_cast<int>(100 * c.present / c.total) : 100;
    std::string line = m_staff.get("admin_coverage", {{"language", c.language}, {"percent", std::to_string(pct)},
                                                      {"present", std::to_string(c.present)}, {"total", std::to_string(c.total)}});
    if (!c.converted.empty()) line += m_staff.get("admin_converted", {{"count", std::to_string(c.converted.size())}});
    tr.push_back({line, c.missing.empty() ? 0 : 1});
    for (size_t i = 0; i < c.missing.size() && i < 3; ++i) tr.push_back({"    " + m_staff.get("admin_missing", {{"what", c.missing[i]}}), 1});
    if (c.missing.size() > 3) tr.push_back({"    " + m_staff.get("admin_more", {{"count", std::to_string(c.missing.size() - 3)}}), 1});
  }
}

void App::recordVisit(bool idleReset) {
  if (!m_visitLog || !m_nav || m_admin.mode != ui::AdminModel::Mode::Closed) return; // staff are no visitors
  const Seconds now = m_clock.now();
  VisitState v;
  v.screen = m_nav->screen();
  v.language = m_nav->language();
  if (const Section* s = m_nav->section()) v.sectionId = s->id;
  if (const Item* i = m_nav->item(); i && v.screen == Screen::Item) {
    v.itemId = i->id;
    v.qrShown = m_screens.qrShown();
  }
  v.idleReset = idleReset; // this frame's update() timed the visitor out (a tap may have woken it again)
  v.countdownShowing = m_nav->countdownLeft(now) >= 0;
  v.lastActivity = m_nav->lastActivity();
  m_visitLog->append(m_visits.observe(v, now, m_clock.today(), m_clock.minuteOfDay()));
}

} // namespace kiosk::app
