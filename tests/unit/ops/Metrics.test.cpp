#include "ops/Metrics.h"

#include <doctest/doctest.h>

#include <limits>
#include <sstream>

using namespace kiosk;

TEST_CASE("[Metrics] frame times fall in cumulative buckets, as Prometheus histograms are") {
  FrameHistogram h;
  for (double s : {0.002, 0.010, 0.012, 0.020, 0.5}) h.add(s);
  h.add(std::numeric_limits<double>::quiet_NaN()); // ignored
  const auto c = h.cumulative();
  CHECK(c[0] == 1); // <= 4 ms
  CHECK(c[1] == 1); // <= 8 ms
  CHECK(c[2] == 3); // <= 16.7 ms
  CHECK(c[3] == 4); // <= 33 ms
  CHECK(c.back() == 4); // 0.5 s is only in +Inf
  CHECK(h.count() == 5);
}

TEST_CASE("[Metrics] the textfile has HELP and TYPE for every metric and well-formed samples") {
  HealthFigures f;
  f.frames.add(0.010);
  f.frames.add(0.040);
  f.residentBytes = 300u << 20;
  f.textureBytes = 100u << 20;
  f.textureBudgetBytes = 256u << 20;
  f.contentLoads = 3;
  f.contentErrors = 2;
  f.uptimeSeconds = 3600;
  f.starts = 4;
  f.now = 1.8e9;
  const std::string text = formatMetrics(f);
  CHECK(text.find("kiosk_frame_seconds_bucket{le=\"0.0167\"} 1\n") != std::string::npos);
  CHECK(text.find("kiosk_frame_seconds_bucket{le=\"+Inf\"} 2\n") != std::string::npos);
  CHECK(text.find("kiosk_frame_seconds_count 2\n") != std::string::npos);
  CHECK(text.find("kiosk_content_errors 2\n") != std::string::npos);
  CHECK(text.find("kiosk_starts_total 4\n") != std::string::npos);
  CHECK(text.find("kiosk_heartbeat_timestamp_seconds 1800000000\n") != std::string::npos);
  // Every sample line belongs to a metric announced with HELP and TYPE before it.
  std::istringstream lines(text);
  std::string line, typed;
  int samples = 0;
  for (; std::getline(lines, line);) {
    if (line.rfind("# TYPE ", 0) == 0) typed = line.substr(7, line.find(' ', 7) - 7);
    else if (line[0] != '#') {
      ++samples;
      CHECK(line.rfind(typed, 0) == 0);
      CHECK(line.find(' ') != std::string::npos);
    }
  }
  CHECK(samples == 25); // 7 buckets, +Inf, sum and count, ten gauges and counters, five for films (no decoder seen yet)
}

TEST_CASE("[Metrics] films: frames, drops, failures and whether decoding is in hardware") {
  HealthFigures f;
  f.filmPlayers = 2;
  f.filmFrames = 900;
  f.filmDroppedFrames = 3;
  f.filmFailures = 1;
  f.filmDecoder = "vaapi";
  std::string text = formatMetrics(f);
  CHECK(text.find("kiosk_film_players 2\n") != std::string::npos);
  CHECK(text.find("kiosk_film_frames_total 900\n") != std::string::npos);
  CHECK(text.find("kiosk_film_dropped_frames_total 3\n") != std::string::npos);
  CHECK(text.find("kiosk_film_failures_total 1\n") != std::string::npos);
  CHECK(text.find("kiosk_film_hardware_decoding{hwdec=\"vaapi\"} 1\n") != std::string::npos);
  f.filmDecoder = "no";
  text = formatMetrics(f);
  CHECK(text.find("kiosk_film_hardware_decoding{hwdec=\"no\"} 0\n") != std::string::npos);
}
