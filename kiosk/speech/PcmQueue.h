#pragma once
// The speech between the synthesis worker and the player: parts (one per Utterance) of 16-bit
// mono PCM, filled chunk by chunk by the worker and read by one player (SFML's streaming
// thread, or the frame loop on a virtual clock). Each `say` is a generation: a newer one makes
// everything older vanish, so a stop cuts within one chunk.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::speech {

struct SpokenPart {
  std::string voice;    // espeak-ng voice name
  std::string language; // BCP 47 tag of the text
  std::string text;
  std::uint64_t serial = 0; // 1, 2, ... over the speaker's life (WAV file numbers)
};

class PcmQueue {
public:
  // Main thread. A new generation (everything queued is dropped): its number.
  std::uint64_t restart();
  // Main thread. Drops everything; the player's take() returns `finished` at once.
  void cancel() { restart(); }
  std::uint64_t generation() const;

  // Worker. Each returns false when `generation` is no longer current (stop synthesizing).
  bool beginPart(std::uint64_t generation, SpokenPart part);
  bool append(std::uint64_t generation, const std::int16_t* samples, int count);
  void endPart(std::uint64_t generation);
  void endAll(std::uint64_t generation); // nothing more will come for this generation

  // Player. Up to `max` samples of one part into `out`, waiting up to `wait` for the worker.
  struct Taken {
    std::size_t count = 0;
    std::optional<SpokenPart> started; // the part these samples begin
    std::uint64_t serial = 0;          // the part they belong to
    bool partEnded = false;            // the part's last samples were taken
    bool finished = false;             // the generation is over (all taken, or cancelled)
  };
  Taken take(std::uint64_t generation, std::int16_t* out, std::size_t max, std::chrono::milliseconds wait);

  // When the current generation's first samples arrived from the worker (benchmarks).
  std::optional<std::chrono::steady_clock::time_point> firstSamplesAt() const;

private:
  struct Part {
    SpokenPart what;
    std::vector<std::int16_t> samples;
    std::size_t read = 0;
    bool ended = false;
    bool started = false;
  };
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::uint64_t m_generation = 0;
  std::deque<Part> m_parts;
  bool m_allEnded = false;
  std::optional<std::chrono::steady_clock::time_point> m_firstSamples;
};

} // namespace kiosk::speech
