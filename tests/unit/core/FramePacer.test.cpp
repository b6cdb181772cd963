#include "core/FramePacer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using kiosk::FramePacer;

namespace {
// Frames of `cost` seconds each, started when the pacer says, for `seconds`: their start times.
std::vector<double> run(FramePacer& p, const FramePacer::Need& need, double cost, double seconds, double from = 0) {
  std::vector<double> starts;
  for (double t = from; t < from + seconds;) {
    starts.push_back(t);
    const double due = p.next(t, cost, need);
    t = std::max(due, t + cost); // a frame cannot start before the last one ended
  }
  return starts;
}
} // namespace

TEST_CASE("[FramePacer] what moves fast, fades or is touched is drawn at the display's rate") {
  FramePacer p(60);
  FramePacer::Need need; // displayRate
  CHECK(p.next(1.0, 0.004, need) == doctest::Approx(1.0)); // at once: the swap or frame limit paces it
  CHECK(p.periods() == 1);
}

TEST_CASE("[FramePacer] a slow pan gets a frame for about every pixel it moves, on a steady cadence") {
  FramePacer p(60);
  FramePacer::Need need;
  need.displayRate = false;
  need.pixelsPerSecond = 2 * 20; // 40 px/s: 20 frames a second do (2 px each), so every third display period
  const auto starts = run(p, need, 0.004, 3);
  CHECK(p.periods() == 3);
  for (size_t i = 1; i < starts.size(); ++i) CHECK(starts[i] - starts[i - 1] == doctest::Approx(3.0 / 60).epsilon(1e-6));
  CHECK(starts.size() == doctest::Approx(60).epsilon(0.05));
  // Faster motion, more frames; never fewer than kMinFps however still it is.
  need.pixelsPerSecond = 2 * 45;
  run(p, need, 0.004, 1);
  CHECK(p.periods() == 1);
  need.pixelsPerSecond = 0;
  run(p, need, 0.004, 1);
  CHECK(60.0 / p.periods() >= FramePacer::kMinFps);
  // Another steady change (the prompt breathing) counts like motion.
  need.framesPerSecond = 30;
  run(p, need, 0.004, 1);
  CHECK(p.periods() == 2);
}

TEST_CASE("[FramePacer] a change due sooner than the next tick is not waited for") {
  FramePacer p(60);
  FramePacer::Need need;
  need.displayRate = false;
  need.pixelsPerSecond = 2 * 10; // every sixth period
  need.untilChange = 0.02;
  CHECK(p.next(5.0, 0.004, need) == doctest::Approx(5.02));
}

TEST_CASE("[FramePacer] frames that cost more than the cadence make it step down to one they fit, evenly") {
  FramePacer p(60);
  FramePacer::Need need;
  need.displayRate = false;
  need.pixelsPerSecond = 2 * 60;              // would be every period
  const auto starts = run(p, need, 0.040, 4); // 40 ms frames: 3 periods (50 ms) fit them with a tenth to spare
  CHECK(p.periods() == 3);
  std::vector<double> gaps;
  for (size_t i = starts.size() / 2; i < starts.size(); ++i) gaps.push_back(starts[i] - starts[i - 1]);
  for (double g : gaps) CHECK(g == doctest::Approx(0.05).epsilon(1e-6));
}

TEST_CASE("[FramePacer] a crossfade too costly for the display's rate sets one cadence for the whole loop") {
  FramePacer p(60);
  FramePacer::Need pan;
  pan.displayRate = false;
  pan.pixelsPerSecond = 2 * 20;                   // every third period
  double t = run(p, pan, 0.030, 2).back() + 0.05; // 30 ms pan frames fit 3 periods
  CHECK(p.periods() == 3);
  const FramePacer::Need fade; // at the display's rate: two pictures a frame, 60 ms each on a slow renderer
  for (int slide = 0; slide < 3; ++slide) {
    t = run(p, fade, 0.060, 1.2, t).back() + 0.06;
    const auto starts = run(p, pan, 0.030, 5.8, t);
    // The pan's frames as far apart as the fade's can be (4 periods fit 60 ms with a tenth to
    // spare), all through the slide, not 4 periods just after the fade and 3 later.
    CHECK(p.periods() == 4);
    for (size_t i = 2; i < starts.size(); ++i)
      CHECK(starts[i] - starts[i - 1] == doctest::Approx(4.0 / 60).epsilon(1e-6));
    t = starts.back() + 4.0 / 60;
  }
  // Once fades stop (a visitor came), their costs are forgotten within kCostMemory.
  t = run(p, pan, 0.030, 15, t).back() + 0.05;
  CHECK(p.periods() == 3);
}

TEST_CASE("[FramePacer] a frame that ran late restarts the cadence from itself instead of rushing to catch up") {
  FramePacer p(60);
  FramePacer::Need need;
  need.displayRate = false;
  need.pixelsPerSecond = 2 * 20;
  double t = 0;
  for (int i = 0; i < 10; ++i) t = p.next(t, 0.004, need);
  const double late = t + 0.2; // the machine was busy
  const double due = p.next(late, 0.004, need);
  CHECK(due == doctest::Approx(late + 3.0 / 60));
}

TEST_CASE("[FramePacer] vsync is believed only when frames come on whole display periods") {
  const double period = 1.0 / 60;
  std::vector<double> vsync, missed, xvfbFast, xvfbSlow;
  for (int i = 0; i < 60; ++i) {
    const double jitter = ((i * 37) % 11 - 5) * 0.0001; // +-0.5 ms
    vsync.push_back(period + jitter);
    missed.push_back((i % 3 ? 1 : 2) * period + jitter); // a frame that missed its vblank
    xvfbFast.push_back(0.0081 + (i % 7) * 0.0004);       // llvmpipe, no vsync: 8-10.5 ms
    xvfbSlow.push_back(0.021 + (i % 13) * 0.0011);       // slower than a period: 21-34 ms, anywhere
  }
  CHECK(FramePacer::vsyncPaces(vsync, period));
  CHECK(FramePacer::vsyncPaces(missed, period));
  CHECK_FALSE(FramePacer::vsyncPaces(xvfbFast, period));
  CHECK_FALSE(FramePacer::vsyncPaces(xvfbSlow, period));
  // 60 frames in a quarter of a second or more (what was once asked) passes the fast Xvfb frames:
  double total = 0;
  for (const double t : xvfbFast)
    total += t;
  CHECK(total >= 0.25);
  CHECK_FALSE(FramePacer::vsyncPaces({}, period));
}
