#include "ops/Metrics.h"

#include <cmath>
#include <cstdio>

namespace kiosk {

void FrameHistogram::add(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return;
  for (size_t i = 0; i < kBounds.size(); ++i)
    if (seconds <= kBounds[i]) {
      ++m_buckets[i];
      break;
    }
  ++m_count;
  m_sum += seconds;
}

std::array<std::uint64_t, FrameHistogram::kBounds.size()> FrameHistogram::cumulative() const {
  std::array<std::uint64_t, kBounds.size()> out{};
  std::uint64_t running = 0;
  for (size_t i = 0; i < kBounds.size(); ++i) out[i] = running += m_buckets[i];
  return out;
}

namespace {

void metric(std::string& out, const char* name, const char* type, const char* help, double value) {
  char buf[512];
  // Whole numbers as such; others to the millisecond (timestamps, seconds).
  const bool whole = std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15;
  std::snprintf(buf, sizeof buf, whole ? "# HELP %s %s\n# TYPE %s %s\n%s %.0f\n" : "# HELP %s %s\n# TYPE %s %s\n%s %.3f\n", name, help,
                name, type, name, value);
  out += buf;
}

} // namespace

std::string formatMetrics(const HealthFigures& h) {
  std::string out;
  out += "# HELP kiosk_frame_seconds Time to draw a frame (the budget is 1/60 s).\n# TYPE kiosk_frame_seconds histogram\n";
  const auto cum = h.frames.cumulative();
  char buf[256];
  for (size_t i = 0; i < FrameHistogram::kBounds.size(); ++i) {
    std::snprintf(buf, sizeof buf, "kiosk_frame_seconds_bucket{le=\"%g\"} %llu\n", FrameHistogram::kBounds[i],
                  static_cast<unsigned long long>(cum[i]));
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "kiosk_frame_seconds_bucket{le=\"+Inf\"} %llu\nkiosk_frame_seconds_sum %.9g\nkiosk_frame_seconds_count %llu\n",
                static_cast<unsigned long long>(h.frames.count()), h.frames.sum(), static_cast<unsigned long long>(h.frames.count()));
  out += buf;
  metric(out, "kiosk_resident_memory_bytes", "gauge", "Memory the kiosk holds (RSS).", static_cast<double>(h.residentBytes));
  metric(out, "kiosk_texture_bytes", "gauge", "Picture textures held on the GPU.", static_cast<double>(h.textureBytes));
  metric(out, "kiosk_texture_budget_bytes", "gauge", "The picture texture budget.", static_cast<double>(h.textureBudgetBytes));
  metric(out, "kiosk_content_loads_total", "counter", "Content snapshots swapped in since start (the content version).",
         static_cast<double>(h.contentLoads));
  metric(out, "kiosk_content_loaded_timestamp_seconds", "gauge", "When the content on screen was loaded (Unix time).", h.contentLoadedAt);
  metric(out, "kiosk_content_errors", "gauge", "Errors in the content folder (kiosk validate lists them).",
         static_cast<double>(h.contentErrors));
  metric(out, "kiosk_content_warnings", "gauge", "Warnings in the content folder.", static_cast<double>(h.contentWarnings));
  metric(out, "kiosk_uptime_seconds", "gauge", "Seconds since this kiosk process started.", h.uptimeSeconds);
  metric(out, "kiosk_starts_total", "counter", "Times the kiosk has started on this machine (restarts + 1).", static_cast<double>(h.starts));
  metric(out, "kiosk_heartbeat_timestamp_seconds", "gauge", "When this file was written (Unix time): stale means stuck.", h.now);
  metric(out, "kiosk_film_players", "gauge", "Films open now (playing or prepared to play next).", static_cast<double>(h.filmPlayers));
  metric(out, "kiosk_film_frames_total", "counter", "Film frames drawn since start.", static_cast<double>(h.filmFrames));
  metric(out, "kiosk_film_dropped_frames_total", "counter", "Film frames mpv dropped (late decode or display) since start.",
         static_cast<double>(h.filmDroppedFrames));
  metric(out, "kiosk_film_failures_total", "counter", "Films that could not be played (their posters were shown).",
         static_cast<double>(h.filmFailures));
  metric(out, "kiosk_film_decoder_messages_total", "counter", "Warnings and errors from mpv's decoders since start.",
         static_cast<double>(h.filmDecoderMessages));
  if (!h.filmDecoder.empty()) {
    std::string label;
    for (char c : h.filmDecoder) // a label value: quotes and backslashes escaped
      label += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    out += "# HELP kiosk_film_hardware_decoding Whether the last film decoded in hardware (1) or software (0), with mpv's decoder.\n"
           "# TYPE kiosk_film_hardware_decoding gauge\n";
    out += "kiosk_film_hardware_decoding{hwdec=\"" + label + "\"} " + (h.filmDecoder == "no" ? "0" : "1") + "\n";
  }
  return out;
}

} // namespace kiosk
