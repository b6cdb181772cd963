#include "app/ScriptRunner.h"

#include "core/KeypadFocus.h"

#include "text/Bidi.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace kiosk::app {
namespace {
constexpr double kFrame = 1.0 / 60.0;
}

ScriptRunner::ScriptRunner(App& app, VirtualClock& clock, std::string screenshotDir)
    : m_app(app), m_clock(clock), m_dir(std::move(screenshotDir)) {}

bool ScriptRunner::step(bool present, const std::string& screenshot) {
  m_clock.advance(kFrame);
  if (!m_app.frame(present, screenshot, m_error)) return false;
  if (!m_app.isOpen()) {
    m_error = "the window was closed";
    return false;
  }
  return true;
}

bool ScriptRunner::waitUntilReady() {
  // Loading happens on workers in real time; virtual time stands still until it is done.
  const auto start = std::chrono::steady_clock::now();
  while (!m_app.ready()) {
    if (!m_app.frame(false, {}, m_error)) return false;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(60)) {
      m_error = "content and fonts did not finish loading within 60 s";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

bool ScriptRunner::coarseWait(double seconds, double stepSeconds) {
  // Each step is one frame, undrawn, after `stepSeconds` of virtual time. Pictures asked for
  // are let finish decoding first (in real time, at most 2 s): on a real screen a decode takes
  // a tenth of a second against a 7 s slide, so the attract loop runs as it would, not held
  // waiting for pictures that virtual time outran.
  // Films stay posters through the leap: no player for frames nobody sees (each is an mpv core).
  m_app.leapFilms(stepSeconds > 1);
  struct Resume {
    App& app;
    ~Resume() { app.leapFilms(false); }
  } resume{m_app};
  for (double done = 0; done < seconds;) {
    const double step = std::min(stepSeconds, seconds - done);
    done += step;
    m_clock.advance(step);
    if (!m_app.frame(false, {}, m_error)) return false;
    const auto start = std::chrono::steady_clock::now();
    while (m_app.pendingImages() > 0 && std::chrono::steady_clock::now() - start < std::chrono::seconds(2)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (!m_app.frame(false, {}, m_error)) return false;
    }
  }
  return step(true);
}

bool ScriptRunner::sample(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(m_dir) / name;
  std::error_code ec;
  std::filesystem::create_directories(m_dir, ec);
  const bool fresh = !std::filesystem::exists(path, ec);
  std::ofstream out(path, std::ios::app);
  if (fresh) out << "virtual_seconds,resident_bytes,texture_bytes,glyph_bytes,open_files,threads\n";
  // Films close first: a sample taken while one plays would count its player's threads and
  // frames, one taken between films not; what must not grow is what stays when none is open.
  m_app.closeFilmsForSample();
  const auto r = m_app.resources();
  out << static_cast<long long>(m_clock.now()) << ',' << r.residentBytes << ',' << r.textureBytes << ',' << r.glyphBytes << ','
      << r.openFiles << ',' << r.threads << '\n';
  if (!out) {
    m_error = "cannot write " + path.string() + "; check that the folder is writable";
    return false;
  }
  return true;
}

std::string ScriptRunner::where() const {
  const Navigator* nav = m_app.navigator();
  if (!nav) return "no screen";
  std::string s = screenName(nav->screen());
  if (nav->screen() == Screen::Section && nav->section()) s += " " + nav->section()->id;
  if (nav->screen() == Screen::Item && nav->section() && nav->item()) s += " " + nav->section()->id + "/" + nav->item()->id;
  s += " (" + nav->language() + ", " + std::to_string(static_cast<int>(m_app.width())) + "x" + std::to_string(static_cast<int>(m_app.height()));
  const Accessibility& a = nav->accessibility();
  if (a.largeText) s += ", large text";
  if (a.highContrast) s += ", high contrast";
  if (a.lowReach) s += ", low reach";
  return s + ")";
}

std::string ScriptRunner::join(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : "; ") + p;
  return out;
}

bool ScriptRunner::settle() {
  bool ok = true;
  for (int i = 0; ok && i < 15 && m_app.transitioning(); ++i) ok = step(false);
  // Let outstanding images decode and upload first (real time; virtual time stands still),
  // so a screenshot never catches a placeholder that a visitor would see only for a moment.
  return ok && framesWhile([&] { return m_app.pendingImages() > 0 || m_app.pendingText() || m_app.pendingFilms() > 0; },
                           std::chrono::seconds(20));
}

bool ScriptRunner::framesWhile(const std::function<bool()>& busy, std::chrono::seconds limit) {
  const auto start = std::chrono::steady_clock::now();
  while (busy() && std::chrono::steady_clock::now() - start < limit) {
    if (!m_app.frame(false, {}, m_error)) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

bool ScriptRunner::awaitMedia() {
  // A film's caption is laid out once the film has opened and drawn the frame virtual time asked
  // for, which takes real time (an mpv core starts on a worker): a text check waits for that, with
  // virtual time standing still, as a screenshot does, so it sees what a visitor would.
  // One frame first: a film leapt past in a coarse wait gets its player in the next frame.
  return m_app.frame(false, {}, m_error) &&
         framesWhile([&] { return m_app.pendingText() || m_app.pendingFilms() > 0; }, std::chrono::seconds(20));
}

void ScriptRunner::check(const ScriptCommand& cmd, bool passed, const std::string& message) {
  ++m_checks;
  if (passed) return;
  ++m_failedChecks;
  fail(cmd, message);
}

bool ScriptRunner::writeSheets() {
  for (auto& [name, sheet] : m_sheets) {
    const std::string path = (std::filesystem::path(m_dir) / name).string();
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    if (!sheet.save(path)) {
      std::cerr << m_file << ": error: cannot write the contact sheet " << path << "; check that the folder is writable\n";
      return false;
    }
    std::cerr << "kiosk: wrote " << path << " (" << sheet.count() << " screens)\n";
  }
  m_sheets.clear();
  return true;
}

bool ScriptRunner::fail(const ScriptCommand& cmd, const std::string& message) {
  Diagnostic d;
  d.file = m_file;
  d.line = cmd.line;
  d.message = message;
  std::cerr << d.format() << "\n";
  return false;
}

bool ScriptRunner::resolve(const ScriptCommand& cmd, const ScriptCoord& x, const ScriptCoord& y, float& px, float& py) {
  // A finger lands where the screen is once its fonts are in: the other languages' faces load
  // on a worker in real time (virtual time stands still), and until then their texts are held
  // empty, so the language bar (right-aligned) is narrower and a button's place from that frame
  // is another button's a moment later. On a busy machine a script's first taps came before
  // them and '@lang:en' pressed Русский.
  if (m_app.laterFontsLoading()) {
    const bool ok = framesWhile([&] { return m_app.laterFontsLoading(); }, std::chrono::seconds(20)) &&
                    m_app.frame(false, {}, m_error); // then laid out with every face
    if (!ok) return fail(cmd, m_error);
  }
  if (!cmd.target.empty()) {
    const auto r = m_app.targets().find(cmd.target);
    if (!r) {
      std::string known;
      for (const auto& n : m_app.targets().names()) known += " @" + n;
      return fail(cmd, "no target @" + cmd.target + " on this screen; targets here:" + known);
    }
    px = r->cx();
    py = r->cy();
    return true;
  }
  px = x.resolve(m_app.width());
  py = y.resolve(m_app.height());
  if (px >= m_app.width() || py >= m_app.height())
    return fail(cmd, "the point is outside the window (" + std::to_string(static_cast<int>(m_app.width())) + "x" +
                         std::to_string(static_cast<int>(m_app.height())) + ")");
  return true;
}

int ScriptRunner::run(const InputScript& script) {
  m_file = script.file;
  // Contact sheets are written however the run ends: what was seen up to a failure is what
  // the person reading it needs.
  struct WriteSheets {
    ScriptRunner& runner;
    ~WriteSheets() { runner.writeSheets(); }
  } writeAtEnd{*this};
  if (!waitUntilReady()) {
    std::cerr << m_file << ": error: " << m_error << "\n";
    return 1;
  }
  if (!step(true)) { // lay out the first screen so targets exist
    std::cerr << m_file << ": error: " << m_error << "\n";
    return 1;
  }
  using K = ScriptCommand::Kind;
  using P = ui::PointerEvent::Kind;
  for (const ScriptCommand& cmd : script.commands) {
    bool ok = true;
    switch (cmd.kind) {
    case K::Wait: {
      if (cmd.amount > 0) { // coarse steps: a week of attract loop in minutes
        ok = coarseWait(cmd.seconds, cmd.amount);
        break;
      }
      const auto frames = std::max<long>(1, std::lround(cmd.seconds / kFrame));
      const bool everyFrame = cmd.text == "drawn";
      // Films on screen show the frame for the clock before virtual time moves on (real time; the
      // virtual clock stands still), as they would on a real screen: without this a film still
      // opening on a busy machine held the attract loop for virtual seconds (it waits for the
      // film's first frame), and what a script saw at 43 s depended on the machine's speed.
      // Nothing waits where no film plays; a wait spends at most a minute of real time on films.
      // Pictures likewise: where the attract loop holds a crossfade for the next picture (its
      // prefetch decodes below the frame loop's priority, and a script's frames run back to back
      // on a machine running other tests), the decode finishes in real time with virtual time
      // standing still, as it would long before the fade on a real screen.
      const auto budget = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      auto filmsCatchUp = [&] {
        while (ok && (m_app.pendingFilms() > 0 || (m_app.attractHeld() && m_app.pendingImages() > 0)) &&
               std::chrono::steady_clock::now() < budget) {
          ok = m_app.frame(false, {}, m_error);
          if (m_app.pendingFilms() == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(2)); // the decoder's turn
        }
      };
      for (long i = 0; i < frames && ok; ++i) {
        ok = step(everyFrame || i + 1 == frames);
        filmsCatchUp();
      }
      break;
    }
    case K::Tap: {
      float x = 0, y = 0;
      if (!resolve(cmd, cmd.x, cmd.y, x, y)) return 1;
      // Press and release arrive before the same frame, as a quick finger does: the latch must
      // turn them into a press frame and a release frame, or the tap is lost.
      m_app.pushPointer({P::Move, x, y});
      m_app.pushPointer({P::Down, x, y});
      m_app.pushPointer({P::Up, x, y});
      ok = step(true) && step(true) && step(true);
      break;
    }
    case K::Press: {
      float x = 0, y = 0;
      if (!resolve(cmd, cmd.x, cmd.y, x, y)) return 1;
      m_app.pushPointer({P::Move, x, y});
      m_app.pushPointer({P::Down, x, y});
      m_pressed = {x, y};
      ok = step(true); // one frame: what the finger sees the instant it lands
      break;
    }
    case K::Release:
      m_app.pushPointer({P::Up, m_pressed.first, m_pressed.second});
      ok = step(true) && step(true);
      break;
    case K::Pinch: {
      // Two fingers (multi-touch ids 901 and 902), side by side about the centre, spreading
      // from one distance to the other over the duration, then lifting.
      float cx = 0, cy = 0, from = 0, to = 0, unused = 0;
      if (!resolve(cmd, cmd.x, cmd.y, cx, cy) || !resolve(cmd, cmd.x2, cmd.x2, from, unused) || !resolve(cmd, cmd.y2, cmd.y2, to, unused))
        return 1;
      // As on a touch screen, the first finger is also the pointer.
      using TK = platform::TouchEvent::Kind;
      auto fingers = [&](TK kind, float spread) {
        m_app.pushTouch({kind, 901, cx - spread / 2, cy, true});
        m_app.pushTouch({kind, 902, cx + spread / 2, cy, false});
        m_app.pushPointer({P::Move, cx - spread / 2, cy});
        if (kind == TK::Begin) m_app.pushPointer({P::Down, cx - spread / 2, cy});
        if (kind == TK::End) m_app.pushPointer({P::Up, cx - spread / 2, cy});
      };
      fingers(TK::Begin, from);
      ok = step(true);
      const auto frames = std::max<long>(1, std::lround(cmd.seconds / kFrame));
      for (long i = 1; i <= frames && ok; ++i) {
        fingers(TK::Update, from + (to - from) * static_cast<float>(i) / static_cast<float>(frames));
        ok = step(true);
      }
      fingers(TK::End, to);
      ok = ok && step(true);
      break;
    }
    case K::Drag: {
      float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      if (!resolve(cmd, cmd.x, cmd.y, x0, y0) || !resolve(cmd, cmd.x2, cmd.y2, x1, y1)) return 1;
      m_app.pushPointer({P::Move, x0, y0});
      m_app.pushPointer({P::Down, x0, y0});
      ok = step(true);
      const auto frames = std::max<long>(1, std::lround(cmd.seconds / kFrame));
      for (long i = 1; i <= frames && ok; ++i) {
        const float t = static_cast<float>(i) / frames;
        m_app.pushPointer({P::Move, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t});
        ok = step(true);
      }
      m_app.pushPointer({P::Up, x1, y1});
      ok = ok && step(true) && step(true);
      break;
    }
    case K::Key:
      if (!m_app.staffKey(cmd.text)) return fail(cmd, "unknown key '" + cmd.text + "'; scripts can press F2 and F5"), 1;
      ok = step(true);
      // A reload (F5) finishes in real time before the script goes on, so runs are repeatable.
      ok = ok && framesWhile([&] { return m_app.loading(); }, std::chrono::seconds(60));
      break;
    case K::Open: {
      if (!m_app.openPlace(cmd.text)) return fail(cmd, "there is no '" + cmd.text + "' on screen today"), 1;
      // Laid out, not drawn: what comes next (a screenshot, a thumbnail) draws it; layout rules
      // need only the layout, and a matrix of thousands of screens at 4K stays quick.
      ok = step(false);
      break;
    }
    case K::AwaitWorkers:
    case K::AwaitPictures: {
      const auto start = std::chrono::steady_clock::now();
      while (ok && (cmd.kind == K::AwaitWorkers ? m_app.busy() : m_app.pendingImages() > 0)) {
        if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(cmd.seconds))
          return fail(cmd, std::string(cmd.kind == K::AwaitWorkers ? "workers were still busy" : "pictures were still decoding") + " after " +
                               std::to_string(static_cast<int>(cmd.seconds)) + " s"), 1;
        ok = m_app.frame(false, {}, m_error);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      // What the workers finished is laid out, so the next line's targets exist.
      if (cmd.kind == K::AwaitWorkers) ok = ok && step(true);
      break;
    }
    case K::Screenshot: {
      // A screen still fading in is let finish first (virtual time runs on, at most 0.25 s),
      // so screenshots show screens, not the moment between them.
      if (cmd.target != "now") ok = settle();
      std::error_code ec;
      std::filesystem::create_directories(m_dir, ec);
      const std::string path = (std::filesystem::path(m_dir) / cmd.text).string();
      ok = ok && m_app.frame(true, path, m_error);
      if (ok) std::cerr << "kiosk: wrote " << path << "\n";
      break;
    }
    case K::ExpectScreen:
      if (!m_app.navigator() || cmd.text != screenName(m_app.navigator()->screen()))
        return fail(cmd, "expected screen '" + cmd.text + "' but the kiosk shows '" +
                             (m_app.navigator() ? screenName(m_app.navigator()->screen()) : "nothing") + "'"),
               1;
      break;
    case K::AwaitReload: {
      // Staff (or a test) change the folder in real time: let virtual time follow real time
      // until the watcher's reload has finished, shown or held back for errors.
      const auto before = m_app.loadsFinished();
      const auto start = std::chrono::steady_clock::now();
      auto last = start;
      while (ok && m_app.loadsFinished() == before) {
        const auto nowReal = std::chrono::steady_clock::now();
        if (nowReal - start > std::chrono::duration<double>(cmd.seconds))
          return fail(cmd, "the content was not reloaded within " + std::to_string(static_cast<int>(cmd.seconds)) + " s"), 1;
        m_clock.advance(std::chrono::duration<double>(nowReal - last).count());
        last = nowReal;
        ok = m_app.frame(false, {}, m_error);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      ok = ok && step(true);
      break;
    }
    case K::ExpectTargets: {
      if (m_app.pxPerMm() <= 0) return fail(cmd, "the display's size is unknown; run with --display-width-mm"), 1;
      const auto small = m_app.targets().smallerThan(static_cast<float>(cmd.amount) * m_app.pxPerMm());
      if (!small.empty()) {
        std::string names;
        for (const auto& n : small) {
          const auto r = *m_app.targets().find(n);
          names += " @" + n + " (" + std::to_string(static_cast<int>(r.w / m_app.pxPerMm())) + "x" +
                   std::to_string(static_cast<int>(r.h / m_app.pxPerMm())) + " mm)";
        }
        return fail(cmd, "touch targets smaller than " + std::to_string(static_cast<int>(cmd.amount)) + " mm:" + names), 1;
      }
      break;
    }
    case K::ExpectAdmin: {
      using M = ui::AdminModel::Mode;
      const M m = m_app.admin().mode;
      const char* state = m == M::Pin ? "pin" : m == M::Panel ? "panel" : m == M::TestPattern ? "pattern" : "closed";
      if (cmd.text != state) return fail(cmd, "expected the admin view " + cmd.text + " but it is " + state), 1;
      break;
    }
    case K::Sample:
      ok = sample(cmd.text);
      break;
    case K::SetLanguage:
      if (!m_app.setLanguage(cmd.text)) return fail(cmd, "'" + cmd.text + "' is not one of the content's languages"), 1;
      ok = step(false);
      break;
    case K::SetModes: {
      Accessibility choice;
      choice.largeText = cmd.text.find("large-text") != std::string::npos;
      choice.highContrast = cmd.text.find("high-contrast") != std::string::npos;
      choice.lowReach = cmd.text.find("low-reach") != std::string::npos;
      m_app.setAccessibility(choice);
      ok = step(false);
      break;
    }
    case K::ExpectReachable: {
      const ReachBand band = m_app.reachBand();
      const bool lowReach = m_app.navigator() && m_app.navigator()->accessibility().lowReach;
      const auto problems = unreachableTargets(m_app.targets().layout(), lowReach ? &band : nullptr);
      check(cmd, problems.empty(), "on " + where() + ", " + join(problems));
      break;
    }
    case K::Keypad:
      m_app.keypadKey(*keypadKeyNamed(cmd.text));
      // The key acts after the next layout; a Select's tap takes two more frames (press, release)
      // and the screen it opens one more to lay out.
      for (int i = 0; ok && i < 4; ++i) ok = step(false);
      // A new screen fades in first (keys wait for it, as a visitor would), then says itself.
      for (int i = 0; ok && i < 30 && m_app.transitioning(); ++i) ok = step(false);
      ok = ok && step(false) && step(true);
      break;
    case K::ExpectFocus:
      check(cmd, m_app.keypad().focus() == cmd.target,
            "the keypad's focus is on @" + m_app.keypad().focus() + " on " + where() + ", not @" + cmd.target);
      break;
    case K::ExpectKeypadReachable: {
      const auto missed = unreachableByKeypad(m_app.targets().layout());
      std::string names;
      for (const auto& n : missed) names += " @" + n;
      check(cmd, missed.empty(), "on " + where() + ", the arrow keys never reach" + names);
      break;
    }
    case K::ExpectSaid: {
      std::string said;
      bool found = false;
      for (const auto& u : m_app.keypad().lastSaid()) {
        said += (said.empty() ? "" : " | ") + u.language + ": " + u.text;
        found |= u.language == cmd.target && u.text.find(cmd.text) != std::string::npos;
      }
      check(cmd, found, "the last announcement on " + where() + " was [" + said + "], without '" + cmd.text + "' in " + cmd.target);
      break;
    }
    case K::ExpectText:
      if (!(ok = awaitMedia())) break;
      if (!hasText(m_app.targets().layout(), cmd.text)) return fail(cmd, "'" + cmd.text + "' is not on " + where()), 1;
      break;
    case K::ExpectTextIn: {
      if (!(ok = awaitMedia())) break;
      const auto langs = textLanguages(m_app.targets().layout(), cmd.text);
      if (langs.empty()) return fail(cmd, "'" + cmd.text + "' is not on " + where()), 1;
      std::string seen;
      for (const auto& l : langs) seen += (seen.empty() ? "" : ", ") + l;
      check(cmd, std::find(langs.begin(), langs.end(), cmd.target) != langs.end(),
            "'" + cmd.text + "' on " + where() + " was laid out as " + seen + ", not " + cmd.target);
      break;
    }
    case K::ExpectTarget: {
      const bool there = m_app.targets().find(cmd.target).has_value();
      if (there != (cmd.amount > 0))
        return fail(cmd, "@" + cmd.target + (there ? " is on " : " is not on ") + where()), 1;
      break;
    }
    case K::ExpectTargetSide: {
      // A mirrored layout's check: which half of the screen the target's centre is in.
      const auto r = m_app.targets().find(cmd.target);
      if (!r) return fail(cmd, "@" + cmd.target + " is not on " + where()), 1;
      const float width = m_app.targets().layout().width;
      const std::string side = r->x + r->w / 2 < width / 2 ? "left" : "right";
      if (side != cmd.text)
        return fail(cmd, "@" + cmd.target + " is in the " + side + " half of " + where() + " (its centre at x " +
                std::to_string(static_cast<int>(r->x + r->w / 2)) + " of " + std::to_string(static_cast<int>(width)) + "), not the " +
                             cmd.text),
               1;
      break;
    }
    case K::ExpectPicture: {
      const auto problems = smallPicture(m_app.targets().layout(), cmd.target, static_cast<float>(cmd.amount), static_cast<float>(cmd.limit));
      check(cmd, problems.empty(), "on " + where() + ", " + join(problems));
      break;
    }
    case K::ExpectMeasure: {
      const auto problems = overlongLines(m_app.targets().layout(), static_cast<int>(cmd.amount));
      check(cmd, problems.empty(), "on " + where() + ", " + join(problems));
      break;
    }
    case K::ExpectNoTruncation: {
      const auto problems = truncatedTexts(m_app.targets().layout());
      check(cmd, problems.empty(), "on " + where() + ", " + join(problems));
      break;
    }
    case K::ExpectStableBar: {
      // Every language in turn, from the one on screen, and back: no language button moves.
      if (!m_app.navigator()) return fail(cmd, "no content is shown"), 1;
      const std::string start = m_app.navigator()->language();
      const LayoutReport before = m_app.targets().layout();
      std::string problems;
      // A language written the other way mirrors the bar (issue 14): each button must then be
      // exactly where the mirror puts it.
      const LayoutReport flipped = mirrored(before);
      const bool startRtl = text::directionOfLanguage(start) == text::BaseDirection::RightToLeft;
      for (const std::string& lang : m_app.navigator()->content().settings.languages) {
        if (!m_app.setLanguage(lang) || !step(false)) return fail(cmd, m_error), 1;
        const bool rtl = text::directionOfLanguage(lang) == text::BaseDirection::RightToLeft;
        const auto moved = movedTargets(rtl == startRtl ? before : flipped, m_app.targets().layout(), "lang:*", 1.5f);
        if (!moved.empty()) problems += "\n  switching from " + start + " to " + lang + ": " + join(moved);
      }
      m_app.setLanguage(start);
      ok = step(false);
      check(cmd, problems.empty(), "on " + where() + ", the language bar moves:" + problems);
      break;
    }
    case K::Thumbnail: {
      sf::Image shot;
      ok = settle();
      m_app.captureNextFrame(&shot);
      ok = ok && step(true);
      if (ok && shot.getSize().x > 0) m_sheets[cmd.text].add(shot, where());
      break;
    }
    case K::ExpectLanguage:
      if (!m_app.navigator() || cmd.text != m_app.navigator()->language())
        return fail(cmd, "expected language '" + cmd.text + "' but the kiosk shows '" +
                             (m_app.navigator() ? m_app.navigator()->language() : std::string("none")) + "'"),
               1;
      break;
    }
    if (!ok) return fail(cmd, m_error), 1;
    if (m_app.quitRequested()) { // the admin view's Exit: the script ends with the kiosk
      std::cerr << "kiosk: the kiosk was closed at line " << cmd.line << " (exit status " << m_app.exitStatus() << ")\n";
      m_app.logMemory();
      return m_app.exitStatus();
    }
  }
  if (!writeSheets()) return 1;
  // Layout rules go on after a failure, so one run names every problem of a matrix.
  if (m_checks > 0) std::cerr << "kiosk: layout checks: " << m_checks - m_failedChecks << " passed, " << m_failedChecks << " failed\n";
  if (m_failedChecks > 0) return 1;
  // Through std::cerr, as every log line, so the log sink (app/LogSink) sees them.
  char text[512];
  std::snprintf(text, sizeof text, "kiosk: text glyph pages: %.1f MiB\n", static_cast<double>(m_app.textAtlasBytes()) / (1 << 20));
  std::cerr << text;
  for (auto [what, series] : {std::pair{"whole frame", m_app.drawnFrameMs()}, std::pair{"UI before GPU", m_app.uiFrameMs()}}) {
    if (series.empty()) continue;
    std::sort(series.begin(), series.end());
    std::snprintf(text, sizeof text,
                  "kiosk: %zu frames drawn, %s: median %.1f ms, 95th percentile %.1f ms, 99th percentile %.1f ms, worst %.1f ms\n",
                  series.size(), what, series[series.size() / 2], series[series.size() * 95 / 100],
                  series[series.size() * 99 / 100], series.back());
    std::cerr << text;
  }
  // The main thread's worst frame before GPU submission, drawn or not: by wall time, and by its
  // own CPU time (a shared machine inflates the first, not the second).
  for (auto [what, w] : {std::pair{"", m_app.slowestFrame()}, std::pair{" by CPU", m_app.slowestFrameByCpu()}}) {
    if (w.frame == 0) continue;
    const std::string where = w.screen ? screenName(*w.screen) : std::string("loading");
    std::snprintf(text, sizeof text,
                  "kiosk: slowest frame%s: UI work %.1f ms, main thread CPU %.1f ms (frame %llu, on %s%s)\n", what,
                  w.ms, w.cpuMs, static_cast<unsigned long long>(w.frame), where.c_str(),
                  w.adoptedLoad ? ", adopting a load" : "");
    std::cerr << text;
  }
  m_app.logMemory();
  return 0;
}

int runScriptFile(App& app, VirtualClock& clock, const std::string& scriptFile, const std::string& screenshotDir) {
  std::ifstream in(scriptFile, std::ios::binary);
  if (!in) {
    std::cerr << scriptFile << ": error: cannot read the script file; check the path\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::vector<Diagnostic> diags;
  const InputScript script = parseInputScript(text.str(), scriptFile, diags);
  for (const auto& d : diags) std::cerr << d.format() << "\n";
  if (hasErrors(diags)) return 1;
  ScriptRunner runner(app, clock, screenshotDir);
  return runner.run(script);
}

} // namespace kiosk::app
