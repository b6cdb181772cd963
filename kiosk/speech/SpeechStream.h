#pragma once
// Speech to the sound device: an sf::SoundStream whose data come from a PcmQueue as the worker
// synthesizes them, so playing starts with the first chunks (not once the whole text is
// synthesized). Its onGetData runs on SFML's streaming thread.
#include "speech/PcmQueue.h"

#include <SFML/Audio/SoundStream.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace kiosk::speech {

class SpeechStream final : public sf::SoundStream {
public:
  // `gain` gives the amplitude factor (0..1) for the volume level at the moment of playing.
  SpeechStream(PcmQueue& queue, unsigned sampleRate, std::function<float()> gain);
  ~SpeechStream() override;
  // Plays the queue's `generation` from its start (stopping what played before).
  void start(std::uint64_t generation);
  // Silence now: the streaming thread is released from its wait and joined.
  void halt();
  // The parts that began playing since the last call (for the log), in order.
  std::vector<SpokenPart> takeStarted();
  // When the generation's first samples went to the device (empty until they did).
  std::optional<std::chrono::steady_clock::time_point> firstQueuedAt() const;

private:
  bool onGetData(Chunk& data) override;
  void onSeek(sf::Time) override {}

  PcmQueue& m_queue;
  std::function<float()> m_gain;
  std::atomic<std::uint64_t> m_generation{0};
  std::atomic<bool> m_halted{false};
  std::vector<std::int16_t> m_chunk;
  mutable std::mutex m_startedMutex;
  std::vector<SpokenPart> m_started;
  std::optional<std::chrono::steady_clock::time_point> m_firstQueued; // under m_startedMutex
};

} // namespace kiosk::speech
