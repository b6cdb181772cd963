#pragma once
// When the next frame is due. A screen where something moves fast, fades or is touched is drawn
// at the display's rate; one where nothing moves but a slow pan and zoom (the attract loop) at
// the rate its motion needs: a frame whenever the picture has moved about two pixels, on a steady
// cadence of whole display periods, never less often than kMinFps, and at once when a change
// is due (the next crossfade). Between frames the kiosk sleeps instead of drawing the same
// picture again: on a software renderer that is most of its CPU, on a GPU most of its power.
//
// The cadence also follows what frames cost: when frames take longer than the cadence (a slow
// GPU, a 4K screen on llvmpipe), it steps down to the next whole number of display periods that
// fits them, so frames stay evenly spaced instead of alternating fast and slow. The costs are
// those of the last kCostMemory seconds, longer than a slide, so a crossfade's frames (two
// pictures) that cannot keep the display's rate set the pan's cadence for the whole loop,
// instead of the pan stepping down after each fade and back up once its costs were forgotten.
#include "core/Clock.h"

#include <cstddef>
#include <deque>
#include <utility>
#include <vector>

namespace kiosk {

class FramePacer {
public:
  // What the frame just drawn needs of the next one.
  struct Need {
    bool displayRate = true;         // something moves fast, fades, or a finger is down
    double pixelsPerSecond = 0;      // else: how fast the slowest-paced motion moves on screen
    double framesPerSecond = 0;      // and any other steady change (a breathing prompt)
    Seconds untilChange = 1e9;       // a change that needs the display's rate starts in this long
  };
  static constexpr double kMinFps = 8;       // the slowest cadence (the heartbeat, a finger's wait)
  // A step of up to 2 px a frame: the sample's drift (about 34 px/s at its fastest at 1080p)
  // then needs 17 frames a second, a third of 60 Hz. Film pans far faster at 24 frames a
  // second; with linear filtering a 2 px step of a slow drift does not judder.
  static constexpr double kPixelsPerFrame = 2.0;

  explicit FramePacer(double displayHz = 60);
  void setDisplayHz(double hz);
  double displayPeriod() const { return m_displayPeriod; }

  // After a frame that started at `start` and whose work took `cost` seconds: when the next
  // one should start. At the display's rate that is `start` (the swap or the frame limit paces
  // it); slower, the next tick of a steady cadence.
  Seconds next(Seconds start, Seconds cost, const Need& need);
  // The cadence of the last call, in display periods (1 at the display's rate).
  int periods() const { return m_periods; }

  // Whether the display paces these back-to-back frame intervals (vsync works): most of them
  // (8 in 10) within 1.5 ms of a whole number of `period`s, where with no vsync about one in six
  // falls there by chance. Frames slower than a period without vsync are told apart too.
  static bool vsyncPaces(const std::vector<double>& intervals, double period);

private:
  double costP90() const;

  double m_displayPeriod = 1.0 / 60;
  int m_periods = 1;
  Seconds m_due = -1;
  static constexpr double kCostMemory = 12; // seconds: more than a slide and its crossfade
  static constexpr std::size_t kMaxCosts = 4096;
  std::deque<std::pair<Seconds, double>> m_costs; // (frame start, its cost), oldest first
};

} // namespace kiosk
