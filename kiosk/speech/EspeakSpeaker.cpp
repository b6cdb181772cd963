#include "speech/EspeakSpeaker.h"

#include "speech/EspeakEngine.h"
#include "speech/SpeechStream.h"
#include "speech/VoiceMap.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>

namespace kiosk::speech {
namespace {
// The text inside the log line's quotes: one line, quotes and backslashes escaped.
std::string quoted(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}
} // namespace

EspeakSpeaker::EspeakSpeaker(Options options) : m_options(std::move(options)) {
  auto& engine = EspeakEngine::instance();
  if (!engine.usable()) return;
  m_buffer.resize(static_cast<std::size_t>(engine.sampleRate()) * EspeakEngine::kChunkMs / 1000);
  if (!m_options.clock)
    m_stream = std::make_unique<SpeechStream>(*m_queue, static_cast<unsigned>(engine.sampleRate()),
                                              [shared = m_shared] { return gain(shared->volume); });
  if (!m_options.wavDir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(m_options.wavDir, ec);
  }
}

EspeakSpeaker::~EspeakSpeaker() {
  m_queue->cancel(); // the worker abandons what it was synthesizing for us, within a chunk
  if (m_stream) m_stream->halt();
  closeWav();
  // ...and is idle before we go: no synthesis may run on while the process exits.
  if (usable()) {
    std::promise<void> idle;
    EspeakEngine::instance().post([&idle] { idle.set_value(); });
    idle.get_future().wait();
  }
}

bool EspeakSpeaker::usable() const {
  return EspeakEngine::instance().usable();
}
std::string EspeakSpeaker::problem() const {
  return EspeakEngine::instance().problem();
}
int EspeakSpeaker::sampleRate() const {
  return EspeakEngine::instance().sampleRate();
}

int EspeakSpeaker::wordsPerMinute(int rateLevel) {
  static constexpr int kWpm[11] = {80, 95, 110, 130, 150, 175, 200, 230, 265, 305, 350};
  return kWpm[std::clamp(rateLevel, 0, 10)];
}

float EspeakSpeaker::gain(int volumeLevel) {
  // 2 dB a step below full (level 10), silent at 0: level 5 is -10 dB.
  const int level = std::clamp(volumeLevel, 0, 10);
  return level == 0 ? 0.0f : static_cast<float>(std::pow(10.0, -(10 - level) * 2.0 / 20.0));
}

bool EspeakSpeaker::hasVoice(const std::string& language) const {
  const auto& engine = EspeakEngine::instance();
  return engine.usable() && !speech::voiceFor(language, engine.languages()).empty();
}

std::string EspeakSpeaker::voiceFor(const std::string& language) const {
  const auto& available = EspeakEngine::instance().languages();
  std::string voice = speech::voiceFor(language, available);
  return voice.empty() ? standInVoiceFor(language, available) : voice;
}

void EspeakSpeaker::say(const std::vector<Utterance>& parts) {
  halt(true);
  if (&parts != &m_last) m_last = parts;
  if (!usable()) return;
  std::vector<SpokenPart> spoken;
  for (const auto& u : parts) {
    if (blank(u.text)) continue;
    if (!hasVoice(u.language)) {
      const std::string standIn = voiceFor(u.language);
      if (m_announced.insert(primaryLanguage(u.language)).second) {
        // Said in the visitor's language, by its voice or the stand-in that reads it.
        Utterance notice = m_options.notice ? m_options.notice(m_visitorLanguage, u.language, standIn) : Utterance{};
        if (blank(notice.text))
          notice = {"There is no voice for " + u.language + "; it is read with the " + standIn + " voice.", "en"};
        if (notice.language.empty()) notice.language = m_visitorLanguage;
        std::cerr << "kiosk: speech: no voice for " << u.language << "; read with the " << standIn << " voice: \""
                  << quoted(notice.text) << "\"\n";
        spoken.push_back({voiceFor(notice.language), notice.language, notice.text, ++m_serial});
      }
      spoken.push_back({standIn, u.language, u.text, ++m_serial});
    } else {
      spoken.push_back({voiceFor(u.language), u.language, u.text, ++m_serial});
    }
  }
  if (spoken.empty()) return;
  m_generation = m_queue->restart();
  m_active = true;
  m_saidAt = std::chrono::steady_clock::now();
  EspeakEngine::instance().post(
      [queue = m_queue, shared = m_shared, generation = m_generation, spoken = std::move(spoken)] {
        for (const auto& part : spoken) {
          if (!queue->beginPart(generation, part)) return;
          EspeakEngine::synthesize(
              part.voice, wordsPerMinute(shared->rate), part.text,
              [&](const std::int16_t* samples, int count) { return queue->append(generation, samples, count); });
          queue->endPart(generation);
        }
        queue->endAll(generation);
      });
  if (m_stream) {
    m_stream->start(m_generation);
  } else {
    m_startedAt = m_options.clock->now();
    m_played = 0;
  }
}

void EspeakSpeaker::stop() {
  halt(true);
}

void EspeakSpeaker::repeat() {
  if (!m_last.empty()) say(m_last);
}

int EspeakSpeaker::changeVolume(int steps) {
  m_volume = std::clamp(m_volume + steps, 0, 10);
  m_shared->volume = m_volume; // the next chunk played is louder or softer
  return m_volume;
}

int EspeakSpeaker::changeRate(int steps) {
  m_rate = std::clamp(m_rate + steps, 0, 10);
  m_shared->rate = m_rate; // from the next utterance synthesized
  return m_rate;
}

void EspeakSpeaker::endVisit() {
  halt(true);
  m_last.clear();
  m_announced.clear();
  changeVolume(kDefaultVolume - m_volume);
  changeRate(kDefaultRate - m_rate);
}

bool EspeakSpeaker::speaking() const {
  return m_active;
}

std::optional<double> EspeakSpeaker::firstSamplesMs() const {
  const auto at = m_queue->firstSamplesAt();
  if (!at) return std::nullopt;
  return std::chrono::duration<double, std::milli>(*at - m_saidAt).count();
}

std::optional<double> EspeakSpeaker::firstQueuedMs() const {
  const auto at = m_stream ? m_stream->firstQueuedAt() : std::nullopt;
  if (!at) return std::nullopt;
  return std::chrono::duration<double, std::milli>(*at - m_saidAt).count();
}

void EspeakSpeaker::halt(bool log) {
  if (m_active && log) std::cerr << "kiosk: speech: stopped\n";
  m_queue->cancel();
  if (m_stream) {
    m_stream->halt();
    for (const auto& p : m_stream->takeStarted())
      logStarted(p); // begun just before the cut
  }
  closeWav();
  m_active = false;
}

void EspeakSpeaker::logStarted(const SpokenPart& part) {
  std::cerr << "kiosk: speech: voice=" << part.voice << " lang=" << part.language << " \"" << quoted(part.text)
            << "\"\n";
}

void EspeakSpeaker::closeWav() {
  m_wav.reset();
}

void EspeakSpeaker::update() {
  if (!m_active) return;
  if (m_stream) {
    for (const auto& p : m_stream->takeStarted())
      logStarted(p);
    if (m_stream->getStatus() == sf::SoundSource::Stopped) m_active = false;
    return;
  }
  playVirtually();
}

// The samples due by the clock's time since say(), taken as if a sound card had played them.
// The worker is tens of times faster than real time; waiting for it keeps scripted runs the same
// on a busy machine (and happens only on a virtual clock).
void EspeakSpeaker::playVirtually() {
  const auto due = static_cast<std::uint64_t>(std::max(0.0, (m_options.clock->now() - m_startedAt) * sampleRate()));
  const float g = gain(m_volume);
  while (m_active && m_played < due) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(due - m_played, m_buffer.size()));
    const auto t =
        m_queue->take(m_generation, m_buffer.data(), want,
                      m_options.waitForSynthesis ? std::chrono::milliseconds(5000) : std::chrono::milliseconds(0));
    if (t.started) {
      logStarted(*t.started);
      closeWav();
      if (!m_options.wavDir.empty()) {
        char name[64];
        std::snprintf(name, sizeof name, "%03llu-", static_cast<unsigned long long>(t.started->serial));
        const auto path = std::filesystem::path(m_options.wavDir) / (name + t.started->language + ".wav");
        m_wav = std::make_unique<sf::OutputSoundFile>();
        if (!m_wav->openFromFile(path.string(), static_cast<unsigned>(sampleRate()), 1)) {
          std::cerr << "kiosk: speech: cannot write " << path.string() << "\n";
          m_wav.reset();
        }
      }
    }
    for (std::size_t i = 0; i < t.count; ++i)
      m_buffer[i] = static_cast<std::int16_t>(std::lround(m_buffer[i] * g));
    if (m_wav && t.count) m_wav->write(m_buffer.data(), t.count);
    m_played += t.count;
    if (t.partEnded) closeWav();
    if (t.finished) {
      closeWav();
      m_active = false;
    }
    if (t.count == 0 && !t.started && !t.finished) {
      // Nothing synthesized yet: playback runs late by what was due (a sound card underrun).
      if (!m_options.waitForSynthesis) m_startedAt += static_cast<double>(due - m_played) / sampleRate();
      break;
    }
  }
}

} // namespace kiosk::speech
