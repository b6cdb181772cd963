#include "speech/PcmQueue.h"

#include <algorithm>
#include <cstring>

namespace kiosk::speech {

std::uint64_t PcmQueue::restart() {
  std::uint64_t g;
  {
    std::lock_guard lock(m_mutex);
    g = ++m_generation;
    m_parts.clear();
    m_allEnded = false;
    m_firstSamples.reset();
  }
  m_changed.notify_all();
  return g;
}

std::uint64_t PcmQueue::generation() const {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

bool PcmQueue::beginPart(std::uint64_t generation, SpokenPart part) {
  std::lock_guard lock(m_mutex);
  if (generation != m_generation) return false;
  m_parts.push_back({std::move(part), {}, 0, false, false});
  return true;
}

bool PcmQueue::append(std::uint64_t generation, const std::int16_t* samples, int count) {
  {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation || m_parts.empty()) return false;
    auto& s = m_parts.back().samples;
    s.insert(s.end(), samples, samples + count);
    if (!m_firstSamples) m_firstSamples = std::chrono::steady_clock::now();
  }
  m_changed.notify_all();
  return true;
}

void PcmQueue::endPart(std::uint64_t generation) {
  {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation || m_parts.empty()) return;
    m_parts.back().ended = true;
  }
  m_changed.notify_all();
}

void PcmQueue::endAll(std::uint64_t generation) {
  {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) return;
    for (auto& p : m_parts)
      p.ended = true;
    m_allEnded = true;
  }
  m_changed.notify_all();
}

PcmQueue::Taken PcmQueue::take(std::uint64_t generation, std::int16_t* out, std::size_t max,
                               std::chrono::milliseconds wait) {
  Taken t;
  std::unique_lock lock(m_mutex);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (generation != m_generation) {
      t.finished = true;
      return t;
    }
    // Parts read to their end go; a part without samples yet (a voice loading) waits.
    while (!m_parts.empty() && m_parts.front().ended && m_parts.front().read == m_parts.front().samples.size() &&
           m_parts.front().started) {
      m_parts.pop_front();
    }
    if (!m_parts.empty()) {
      Part& p = m_parts.front();
      const std::size_t available = p.samples.size() - p.read;
      if (available > 0 || (p.ended && !p.started)) {
        if (!p.started) {
          p.started = true;
          t.started = p.what;
        }
        t.serial = p.what.serial;
        t.count = std::min(max, available);
        if (t.count) std::memcpy(out, p.samples.data() + p.read, t.count * sizeof(std::int16_t));
        p.read += t.count;
        t.partEnded = p.ended && p.read == p.samples.size();
        return t;
      }
    } else if (m_allEnded) {
      t.finished = true;
      return t;
    }
    if (m_changed.wait_until(lock, deadline) == std::cv_status::timeout) return t;
  }
}

std::optional<std::chrono::steady_clock::time_point> PcmQueue::firstSamplesAt() const {
  std::lock_guard lock(m_mutex);
  return m_firstSamples;
}

} // namespace kiosk::speech
