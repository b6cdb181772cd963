#pragma once
// The kiosk's health in the Prometheus text format, for node_exporter's textfile collector:
// a fleet of kiosks is watched with the tools a venue's IT already runs. Pure formatting (the
// app gathers the figures and writes the file on a worker).
#include <array>
#include <cstdint>
#include <string>

namespace kiosk {

// Frame times in buckets (seconds): the frame budget is 1/60 s.
class FrameHistogram {
public:
  static constexpr std::array<double, 7> kBounds{0.004, 0.008, 0.0167, 0.033, 0.066, 0.1, 0.25};
  void add(double seconds);
  std::array<std::uint64_t, kBounds.size()> cumulative() const; // frames at or under each bound
  std::uint64_t count() const { return m_count; }
  double sum() const { return m_sum; }

private:
  std::array<std::uint64_t, kBounds.size()> m_buckets{};
  std::uint64_t m_count = 0;
  double m_sum = 0;
};

struct HealthFigures {
  FrameHistogram frames;
  std::uint64_t residentBytes = 0;
  std::uint64_t textureBytes = 0, textureBudgetBytes = 0;
  std::uint64_t contentLoads = 0;    // content version: loads swapped in since start
  double contentLoadedAt = 0;        // Unix seconds of the content on screen
  std::uint64_t contentErrors = 0, contentWarnings = 0;
  double uptimeSeconds = 0;
  std::uint64_t starts = 0;          // process starts on this machine (restarts + 1)
  double now = 0;                    // Unix seconds: the heartbeat
  // Films (issue 15): players open now, frames drawn, frames mpv dropped, films that failed,
  // mpv's warnings, and whether the last film decoded in hardware (its mpv hwdec name, or "no").
  std::uint64_t filmPlayers = 0, filmFrames = 0, filmDroppedFrames = 0, filmFailures = 0, filmDecoderMessages = 0;
  std::string filmDecoder;
};

// The figures as Prometheus text exposition, every metric with HELP and TYPE lines.
std::string formatMetrics(const HealthFigures& h);

} // namespace kiosk
