#include "core/FramePacer.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

FramePacer::FramePacer(double displayHz) { setDisplayHz(displayHz); }

void FramePacer::setDisplayHz(double hz) { m_displayPeriod = 1.0 / std::clamp(hz, 10.0, 500.0); }

double FramePacer::costP90() const {
  if (m_costs.empty()) return 0;
  std::vector<double> c;
  c.reserve(m_costs.size());
  for (const auto& [at, cost] : m_costs)
    c.push_back(cost);
  const auto k = static_cast<std::ptrdiff_t>(c.size() * 9 / 10);
  std::nth_element(c.begin(), c.begin() + k, c.end());
  return c[static_cast<std::size_t>(k)];
}

Seconds FramePacer::next(Seconds start, Seconds cost, const Need& need) {
  // The costs of the last kCostMemory seconds, display-rate frames among them: the loop's costliest
  // frames (a crossfade's, two pictures) set one cadence for all of it.
  m_costs.push_back({start, cost});
  while (!m_costs.empty() && (m_costs.front().first < start - kCostMemory || m_costs.size() > kMaxCosts))
    m_costs.pop_front();
  if (need.displayRate) {
    m_periods = 1;
    m_due = -1;
    return start;
  }
  // Frames a second the motion needs: a pixel's move per frame, or the other change's rate.
  const double fps = std::max({need.pixelsPerSecond / kPixelsPerFrame, need.framesPerSecond, kMinFps});
  const double displayHz = 1.0 / m_displayPeriod;
  int periods = std::max(1, static_cast<int>(std::floor(displayHz / fps + 1e-9)));
  // Frames that take longer than the cadence: step down to one they fit (with a tenth to spare).
  const int fits = std::max(1, static_cast<int>(std::ceil(costP90() * 1.1 / m_displayPeriod - 1e-9)));
  periods = std::max(periods, fits);
  periods = std::min(periods, std::max(1, static_cast<int>(std::floor(displayHz / kMinFps))));
  const Seconds period = periods * m_displayPeriod;
  // A steady cadence: the tick after the last one, unless the cadence changed or this frame
  // ran past it (then from this frame on).
  Seconds due = (m_due >= 0 && periods == m_periods) ? m_due + period : start + period;
  if (due <= start) due = start + period;
  m_periods = periods;
  // A change due sooner (the crossfade) is not waited for.
  if (need.untilChange < due - start) due = start + std::max<Seconds>(0, need.untilChange);
  m_due = due;
  return due;
}

bool FramePacer::vsyncPaces(const std::vector<double>& intervals, double period) {
  if (intervals.empty() || period <= 0) return false;
  std::size_t onTick = 0;
  for (const double t : intervals) {
    const double periods = std::round(t / period);
    onTick += periods >= 1 && std::abs(t - periods * period) <= 0.0015;
  }
  return onTick * 10 >= intervals.size() * 8;
}

} // namespace kiosk
