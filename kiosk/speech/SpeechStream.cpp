#include "speech/SpeechStream.h"

#include "speech/EspeakEngine.h"

#include <cmath>
#include <utility>

namespace kiosk::speech {

SpeechStream::SpeechStream(PcmQueue& queue, unsigned sampleRate, std::function<float()> gain)
    : m_queue(queue), m_gain(std::move(gain)), m_chunk(sampleRate * EspeakEngine::kChunkMs / 1000) {
  initialize(1, sampleRate);
}

SpeechStream::~SpeechStream() {
  halt();
}

void SpeechStream::start(std::uint64_t generation) {
  halt();
  m_generation = generation;
  m_halted = false;
  {
    std::lock_guard lock(m_startedMutex);
    m_firstQueued.reset();
  }
  play();
}

void SpeechStream::halt() {
  m_halted = true; // onGetData stops waiting within its next 10 ms
  stop();
}

std::vector<SpokenPart> SpeechStream::takeStarted() {
  std::lock_guard lock(m_startedMutex);
  return std::exchange(m_started, {});
}

std::optional<std::chrono::steady_clock::time_point> SpeechStream::firstQueuedAt() const {
  std::lock_guard lock(m_startedMutex);
  return m_firstQueued;
}

bool SpeechStream::onGetData(Chunk& data) {
  // Waits for the worker rather than returning silence: a silent buffer queued ahead of the
  // first words would delay them. A stream that runs dry meanwhile is restarted by SFML.
  while (!m_halted) {
    const auto t = m_queue.take(m_generation, m_chunk.data(), m_chunk.size(), std::chrono::milliseconds(10));
    if (t.started || (t.count > 0)) {
      std::lock_guard lock(m_startedMutex);
      if (t.started) m_started.push_back(*t.started);
      if (t.count > 0 && !m_firstQueued) m_firstQueued = std::chrono::steady_clock::now();
    }
    if (t.count > 0) {
      const float gain = m_gain();
      for (std::size_t i = 0; i < t.count; ++i)
        m_chunk[i] = static_cast<std::int16_t>(std::lround(m_chunk[i] * gain));
      data.samples = m_chunk.data();
      data.sampleCount = t.count;
      return true;
    }
    if (t.finished) return false;
  }
  return false;
}

} // namespace kiosk::speech
