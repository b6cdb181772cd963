#pragma once
// The speech engine: libespeak-ng synthesizing on its worker (EspeakEngine), played through
// SFML audio as it comes (SpeechStream), or, on a virtual clock (scripted runs, no sound
// device), "played" as the clock moves in update() and optionally written to WAV files.
//
// Log lines (stderr, through the app's log sink), written on the main thread:
//   kiosk: speech: voice=<voice> lang=<tag> "<text>"   each utterance as it starts playing
//   kiosk: speech: stopped                             speech cut off by stop(), say() or endVisit()
//   kiosk: speech: no voice for <tag>; read with the <voice> voice   once per language and visit
#include "core/Clock.h"
#include "speech/PcmQueue.h"
#include "speech/Speaker.h"

#include <SFML/Audio/OutputSoundFile.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::speech {

class SpeechStream;

// The notice that `language` has no voice, in `visitorLanguage` (or the language standing in for
// it: the Utterance says which), naming the language whose voice reads it instead
// (`standInLanguage`). An empty text: an English sentence.
using NoVoiceNotice = std::function<Utterance(const std::string& visitorLanguage, const std::string& language,
                                              const std::string& standInLanguage)>;

class EspeakSpeaker final : public Speaker {
public:
  struct Options {
    // Set: no sound device; playback follows this clock in update() (a VirtualClock in scripts).
    const Clock* clock = nullptr;
    std::string wavDir; // with `clock`: each utterance as <wavDir>/NNN-<lang>.wav (001, 002, ...)
    NoVoiceNotice notice;
    // With `clock`: update() waits for the worker's samples that are due (a virtual clock: the
    // same samples on a busy machine). False (a real clock, no sound device): samples not yet
    // synthesized are late, as on a sound card, and the frame never waits.
    bool waitForSynthesis = true;
  };
  static constexpr int kDefaultVolume = 5;
  static constexpr int kDefaultRate = 5;

  explicit EspeakSpeaker(Options options);
  ~EspeakSpeaker() override;

  // False when espeak-ng did not start; `problem()` says why.
  bool usable() const;
  std::string problem() const;

  void say(const std::vector<Utterance>& parts) override;
  void stop() override;
  void repeat() override;
  int changeVolume(int steps) override;
  int changeRate(int steps) override;
  void endVisit() override;
  bool speaking() const override;
  void update() override;
  bool hasVoice(const std::string& language) const override;
  void setVisitorLanguage(const std::string& language) override { m_visitorLanguage = language; }

  int volume() const { return m_volume; }
  int rate() const { return m_rate; }
  // The espeak-ng voice that speaks `language` ("cmn" for zh-Hans), or the stand-in that reads
  // it when it has none ("ru" for mn, else "en").
  std::string voiceFor(const std::string& language) const;
  int sampleRate() const;
  // Samples played since the last say() (virtual playback only).
  std::uint64_t samplesPlayed() const { return m_played; }
  // Steady time from the last say() to its first synthesized samples; empty until they exist.
  std::optional<double> firstSamplesMs() const;
  // Steady time from the last say() to its first samples handed to the sound device (which
  // plays them after its own buffering); empty on a clock or until then.
  std::optional<double> firstQueuedMs() const;
  // Playing through the sound device (not on a clock).
  bool onDevice() const { return m_stream != nullptr; }
  // Words per minute for a rate level (5: espeak-ng's normal 175), and amplitude for a volume level.
  static int wordsPerMinute(int rateLevel);
  static float gain(int volumeLevel);

private:
  void halt(bool log);
  void playVirtually();
  void logStarted(const SpokenPart& part);
  void closeWav();

  struct Shared { // read by the worker and SFML's thread
    std::atomic<int> volume{kDefaultVolume};
    std::atomic<int> rate{kDefaultRate};
  };
  Options m_options;
  std::shared_ptr<PcmQueue> m_queue = std::make_shared<PcmQueue>(); // the worker's jobs hold it too
  std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
  std::unique_ptr<SpeechStream> m_stream; // real playback only
  std::vector<Utterance> m_last;
  std::string m_visitorLanguage = "en";
  std::set<std::string> m_announced; // languages told to have no voice this visit
  int m_volume = kDefaultVolume;
  int m_rate = kDefaultRate;
  std::uint64_t m_generation = 0;
  std::uint64_t m_serial = 0;
  bool m_active = false;
  std::chrono::steady_clock::time_point m_saidAt{};
  // Virtual playback.
  Seconds m_startedAt = 0;
  std::uint64_t m_played = 0;
  std::vector<std::int16_t> m_buffer;
  std::unique_ptr<sf::OutputSoundFile> m_wav;
  std::uint64_t m_wavSerial = 0;
};

} // namespace kiosk::speech
