#include "ui/Films.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace kiosk::ui {

Films::Films(Options options) : m_options(std::move(options)) {}

Films::~Films() {
  m_slots.clear();
  m_retiring.clear();
}

Films::Slot* Films::slot(const ImageRef& film, int w, int h, FilmRole role, std::uint64_t instance) {
  const std::string file = film.file.string();
  if (!film.exists || !film.video) return nullptr;
  Key key{file, role, instance};
  auto it = m_slots.find(key);
  if (it == m_slots.end()) {
    if (m_failedFiles.count(file)) return nullptr; // its poster stands in until the content changes
    // A script's coarse wait leaps through hours in 5 s steps: no player is opened for frames
    // nobody sees (each one is an mpv core and its threads); the posters stand in.
    if (m_options.stepped && m_leaping) return nullptr;
    // At most a few players: past that, the one wanted longest ago makes room (never one on
    // screen in this frame or the last).
    while (m_slots.size() >= m_options.maxPlayers) {
      auto oldest = std::min_element(m_slots.begin(), m_slots.end(),
                                     [](const auto& a, const auto& b) { return a.second.lastWanted < b.second.lastWanted; });
      if (oldest->second.lastWanted + 1 >= m_frame) return nullptr;
      close(oldest);
    }
    FilmPlayer::Options o;
    o.loop = role == FilmRole::Item;
    o.audio = role == FilmRole::Item;
    o.muted = m_muted;
    o.volume = m_volume;
    o.hwdec = m_options.hwdec;
    if (const auto d = m_decoded.find(file);
        d != m_decoded.end() && d->second.hwdec == "no" && d->second.bytes == film.bytes && d->second.modified == film.modified)
      o.hwdec = "no"; // found to decode in software before: no hardware probe again
    o.speed = m_options.speed;
    o.stepped = m_options.stepped;
    std::string error;
    const auto openStart = std::chrono::steady_clock::now();
    auto player = FilmPlayer::open(film.file, o, error);
    ++m_stats.opened;
    m_stats.worstOpenMs = std::max(m_stats.worstOpenMs, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - openStart).count());
    if (!player) {
      m_failedFiles[file] = true;
      ++m_stats.failures;
      m_log.push_back("film " + film.displayPath + " cannot be played: " + error + "; its poster is shown");
      Diagnostic d;
      d.file = film.namedIn;
      d.line = film.line;
      d.column = film.column;
      d.message = "film '" + film.displayPath + "' cannot be played (" + error + "); its poster is shown instead";
      m_diagnostics.push_back(std::move(d));
      return nullptr;
    }
    Slot s;
    s.player = std::move(player);
    s.bytes = film.bytes;
    s.modified = film.modified;
    s.displayPath = film.displayPath;
    s.namedIn = film.namedIn;
    s.line = film.line;
    s.column = film.column;
    s.role = role;
    it = m_slots.emplace(std::move(key), std::move(s)).first;
  }
  Slot& s = it->second;
  s.lastWanted = m_frame;
  s.boxWidth = std::max(s.boxWidth, w);
  s.boxHeight = std::max(s.boxHeight, h);
  return &s;
}

Films::View Films::viewOf(const Slot& s) const {
  View v;
  const FilmPlayer& p = *s.player;
  v.failed = p.failed();
  v.position = p.position();
  v.duration = p.duration();
  v.fps = 1 / p.frameSeconds();
  v.ended = p.ended();
  if (m_options.stepped && s.playing && s.role == FilmRole::Attract && p.duration() > 0 && s.startedAt >= 0)
    v.ended = s.target >= p.duration() - 0.5 / 30; // the clock is at its last frame
  if (v.failed && p.hasFrame()) v.ended = true; // it broke off: the loop moves on from its last good frame
  v.ready = p.hasFrame();
  if (v.ready) {
    v.texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(p.texture()));
    v.width = p.width();
    v.height = p.height();
  }
  if (v.failed) v.ready = false; // its poster, not a frozen half-decoded picture
  return v;
}

Films::View Films::play(const ImageRef& film, int boxWidth, int boxHeight, FilmRole role, std::uint64_t instance, Seconds now) {
  Slot* s = slot(film, boxWidth, boxHeight, role, instance);
  if (!s) {
    View v;
    v.failed = m_failedFiles.count(film.file.string()) != 0;
    v.ended = v.failed;
    return v;
  }
  if (!s->playing) {
    s->playing = true;
    s->startedAt = now;
    if (!m_options.stepped) s->player->setPlaying(true);
  }
  return viewOf(*s);
}

Films::View Films::prepare(const ImageRef& film, int boxWidth, int boxHeight, FilmRole role, std::uint64_t instance) {
  Slot* s = slot(film, boxWidth, boxHeight, role, instance);
  if (!s) return View{};
  return viewOf(*s);
}

void Films::close(std::map<Key, Slot>::iterator it) {
  m_droppedClosed += it->second.player->droppedFrames();
  m_framesClosed += it->second.player->framesRendered();
  it->second.player->retire();
  m_retiring.push_back({std::move(it->second.player), 0});
  m_slots.erase(it);
}

void Films::beginFrame() {
  ++m_frame;
  for (auto it = m_retiring.begin(); it != m_retiring.end();) {
    it->player->poll();
    it->player->acknowledge();
    if (it->player->retired() || ++it->frames > 60) {
      const auto start = std::chrono::steady_clock::now();
      it = m_retiring.erase(it); // frees its render context; its core goes on the reaper's thread
      m_stats.worstCloseMs = std::max(m_stats.worstCloseMs, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    } else
      ++it;
  }
  for (auto it = m_slots.begin(); it != m_slots.end();) {
    if (it->second.lastWanted + 1 < m_frame) {
      auto gone = it++;
      close(gone);
    } else
      ++it;
  }
}

void Films::render(Seconds now) {
  const auto start = std::chrono::steady_clock::now();
  std::int64_t dropped = m_droppedClosed;
  const bool leaping = m_options.stepped && m_leaping;
  m_lastRenderAt = now;
  for (auto& [key, s] : m_slots) {
    FilmPlayer& p = *s.player;
    p.poll();
    for (auto& m : p.takeMessages()) {
      ++m_stats.decoderMessages;
      auto& said = m_said[std::get<0>(key)];
      if (said.size() < 64 && said.insert(m).second) m_log.push_back("film " + s.displayPath + ": mpv " + m);
    }
    if (p.failed() && !s.reportedFailure) {
      s.reportedFailure = true;
      ++m_stats.failures;
      const std::string file = std::get<0>(key);
      if (!m_failedFiles[file]) {
        m_failedFiles[file] = true;
        m_log.push_back("film " + s.displayPath + " failed: " + p.error() + "; its poster is shown and the loop goes on");
        Diagnostic d;
        d.file = s.namedIn;
        d.line = s.line;
        d.column = s.column;
        d.message = "film '" + s.displayPath + "' could not be played to its end (" + p.error() +
                    "); its poster is shown instead; export it again (MP4, H.264) and copy it in";
        m_diagnostics.push_back(std::move(d));
      }
    }
    if (m_options.stepped && s.playing && p.duration() > 0 && s.startedAt >= 0) {
      double at = (now - s.startedAt) * m_options.speed;
      const double last = std::max(0.0, p.duration() - 1.0 / 60);
      at = s.role == FilmRole::Item ? std::fmod(at, p.duration()) : std::min(at, last);
      if (at != s.target) s.tries = 0;
      s.target = at;
      // One seek at a time: a new one replaces its target when the last has its frame. While
      // the clock leaps (a script's coarse wait: a week in 5 s steps) nothing is sought: an exact
      // seek decodes from a keyframe, and nobody sees those frames; the next fine step seeks.
      // The frame shown must be the one the clock is in: pts <= at < pts + one frame.
      const double ahead = at - p.position();
      const double frame = p.frameSeconds();
      s.behind = (s.soughtTo < 0 || ahead >= frame * 0.999 || ahead < -frame * 0.5) && s.tries < Slot::kTries;
      if (!leaping && !p.seeking() && !p.frameWaiting() && s.behind) {
        ++s.tries;
        // A little ahead (playing on): the next frame, as playback would; further, or back (a
        // loop's seam), an exact seek, which decodes from the keyframe before it.
        if (s.soughtTo >= 0 && ahead > 0 && ahead < frame * 3.5) p.stepForward();
        else p.seekTo(at);
        s.soughtTo = at;
      }
    }
    if (p.render(s.boxWidth, s.boxHeight) && !s.reportedHwdec && p.hasFrame() && !p.hwdec().empty()) {
      s.reportedHwdec = true;
      m_stats.hwdec = p.hwdec();
      auto& d = m_decoded[std::get<0>(key)];
      if (d.hwdec != p.hwdec() || d.bytes != s.bytes || d.modified != s.modified)
        m_log.push_back("film " + s.displayPath + " decodes " +
                        (p.hwdec() == "no" ? std::string("in software (no hardware decoder for it here)") : "in hardware (" + p.hwdec() + ")"));
      d = Decoded{s.bytes, s.modified, p.hwdec()};
    }
    dropped += p.droppedFrames();
  }
  std::uint64_t frames = m_framesClosed;
  for (const auto& [key, s] : m_slots) frames += s.player->framesRendered();
  m_stats.players = m_slots.size();
  m_stats.droppedFrames = dropped;
  m_stats.framesRendered = frames;
  m_stats.lastRenderMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  m_stats.worstRenderMs = std::max(m_stats.worstRenderMs, m_stats.lastRenderMs);
}

void Films::afterSwap() {
  for (auto& [key, s] : m_slots) s.player->reportSwap();
}

std::vector<const ImageRef*> Films::filmsIn(const Content& content) {
  std::vector<const ImageRef*> out;
  for (const ImageRef* img : content.pictures())
    if (img->video) out.push_back(img);
  return out;
}

void Films::retain(const std::vector<const ImageRef*>& list) {
  std::map<std::string, const ImageRef*> films;
  for (const ImageRef* img : list)
    films[img->file.string()] = img;
  for (auto it = m_slots.begin(); it != m_slots.end();) {
    const auto f = films.find(std::get<0>(it->first));
    const bool same = f != films.end() && f->second->bytes == it->second.bytes && f->second->modified == it->second.modified;
    if (same) ++it;
    else {
      auto gone = it++;
      close(gone);
    }
  }
  m_failedFiles.clear();
  m_said.clear(); // a changed content says its films' warnings again
  forgetCaptions();
}

void Films::forgetCaptions() {
  // A read still running finishes on its own; its result is no longer asked for.
  std::erase_if(m_captionsLeaving, [](const auto& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
  for (auto it = m_captions.begin(); it != m_captions.end();)
    if (it->second.wait_for(std::chrono::seconds(0)) == std::future_status::ready) it = m_captions.erase(it);
    else {
      m_captionsLeaving.push_back(std::move(it->second));
      it = m_captions.erase(it);
    }
}

void Films::closeAllAndWait() {
  while (!m_slots.empty()) close(m_slots.begin());
  const auto start = std::chrono::steady_clock::now();
  while (!m_retiring.empty() && std::chrono::steady_clock::now() - start < std::chrono::seconds(3)) {
    for (auto& r : m_retiring) r.player->poll(), r.player->acknowledge();
    std::erase_if(m_retiring, [](const Retiring& r) { return r.player->retired(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  m_retiring.clear();
  FilmPlayer::waitForDestroyed();
}

void Films::clear() {
  m_slots.clear();
  m_failedFiles.clear();
}

std::optional<Films::Cue> Films::caption(const ImageRef& film, const std::string& language, const std::string& fallback,
                                         double position, const std::vector<std::string>& languages) {
  if (film.captions.empty()) return std::nullopt;
  auto it = m_captions.find(film.file.string());
  if (it == m_captions.end()) {
    // Read and checked on a worker (the files may be large or on a slow disk); their problems
    // are validate's and the loader's to report, at the file's line.
    ImageRef copy = film;
    it = m_captions
             .emplace(film.file.string(), std::async(std::launch::async, [copy] {
                                            std::vector<Diagnostic> ignored;
                                            return std::make_shared<const CaptionSet>(loadFilmCaptions(copy, ignored));
                                          }).share())
             .first;
  }
  if (it->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  const CaptionSet& set = *it->second.get();
  // The visitor's language, else along the fallbacks, else the first of the kiosk's languages
  // that has them: the captions in one language for the whole film, never a mix by moment.
  const Captions* chosen = nullptr;
  const std::string* chosenLanguage = nullptr;
  auto offered = [&](const std::string& l) {
    return std::find(languages.begin(), languages.end(), l) != languages.end();
  };
  for (const auto& l : languageFallbacks(language, fallback))
    if (auto c = set.find(l); offered(l) && c != set.end() && !c->second.empty()) {
      chosen = &c->second;
      chosenLanguage = &c->first;
      break;
    }
  if (!chosen)
    for (const auto& l : languages)
      if (auto c = set.find(l); c != set.end() && !c->second.empty()) {
        chosen = &c->second;
        chosenLanguage = &c->first;
        break;
      }
  if (!chosen) return std::nullopt;
  const CaptionCue* cue = chosen->at(position);
  if (!cue || cue->text.empty()) return std::nullopt;
  return Cue{cue->text, *chosenLanguage};
}

void Films::setSound(bool muted, int volume) {
  volume = std::clamp(volume, 0, 100);
  if (muted == m_muted && volume == m_volume) return;
  for (auto& [key, s] : m_slots) {
    if (s.role != FilmRole::Item) continue;
    if (muted != m_muted) s.player->setMuted(muted);
    if (volume != m_volume) s.player->setVolume(volume);
  }
  m_muted = muted;
  m_volume = volume;
}

size_t Films::pending() const {
  if (!m_options.stepped) return 0;
  size_t n = 0;
  for (const auto& [file, f] : m_captions) // captions still being read: a screenshot waits for them
    if (f.wait_for(std::chrono::seconds(0)) != std::future_status::ready) ++n;
  for (const auto& [key, s] : m_slots)
    if (!s.player->failed() && (!s.player->hasFrame() || s.player->seeking() || s.player->frameWaiting() || s.behind)) ++n;
  return n;
}

} // namespace kiosk::ui
