#include "media/FrameStamp.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::media {

namespace {

constexpr int kBlackMax = 64;     // a black module's pixels are at most this bright
constexpr int kWhiteMin = 192;    // a white module's at least this
constexpr int kGreyMin = 88;      // the quiet zone (luma 128 as drawn) lies within these
constexpr int kGreyMax = 168;
constexpr int kNearBlack = 40;    // a black row: its pixels at most this bright...
constexpr double kBlackShare = 0.98; // ...at least this share of them (a small overlay may stay)

// Guard modules: position and colour (true = white).
constexpr struct {
  int at;
  bool white;
} kGuards[] = {{0, false}, {1, true}, {16, false}, {17, true}, {18, false}, {33, true}, {34, false}};

bool isGuard(int module) {
  return std::any_of(std::begin(kGuards), std::end(kGuards), [&](const auto& g) { return g.at == module; });
}

std::uint8_t crc8(std::uint32_t value, int bits) {
  std::uint8_t crc = 0;
  for (int i = bits - 1; i >= 0; --i) {
    const bool in = ((value >> i) & 1u) != 0;
    const bool top = (crc & 0x80u) != 0;
    crc = static_cast<std::uint8_t>(crc << 1);
    if (in != top) crc ^= 0x07u;
  }
  return crc;
}

// The position (in pixel coordinates: pixel i spans [i, i+1)) where luma crosses `level` between
// pixels i and i+1 (one below, one at or above it, in either order).
double crossing(const std::vector<int>& y, int i, int level) {
  const double a = y[static_cast<size_t>(i)], b = y[static_cast<size_t>(i) + 1];
  const double t = a == b ? 0.5 : (level - a) / (b - a);
  return i + 0.5 + std::clamp(t, 0.0, 1.0);
}

} // namespace

std::uint32_t frameStampPayload(int clip, int frame) {
  const std::uint32_t value = (static_cast<std::uint32_t>(clip) & 0xFu) << 16 | (static_cast<std::uint32_t>(frame) & 0xFFFFu);
  const std::uint32_t check = crc8(value, 20) ^ 0x5Au;
  return value << 8 | check;
}

std::array<bool, kFrameStampModules> frameStampModules(int clip, int frame) {
  std::array<bool, kFrameStampModules> out{};
  for (const auto& g : kGuards) out[static_cast<size_t>(g.at)] = g.white;
  const std::uint32_t payload = frameStampPayload(clip, frame);
  int bit = 27;
  for (int m = 0; m < kFrameStampModules; ++m)
    if (!isGuard(m)) out[static_cast<size_t>(m)] = ((payload >> bit--) & 1u) != 0;
  return out;
}

FrameStamp decodeFrameStamp(const std::uint8_t* rgba, int width) {
  FrameStamp unreadable;
  if (rgba == nullptr || width < 16) return unreadable;
  std::vector<int> y(static_cast<size_t>(width));
  int dark = 0;
  for (int i = 0; i < width; ++i) {
    const std::uint8_t* p = rgba + 4 * static_cast<size_t>(i);
    // Rec. 601 luma in integers (the test films are grey-scale where the code is).
    y[static_cast<size_t>(i)] = (77 * p[0] + 150 * p[1] + 29 * p[2] + 128) >> 8;
    dark += y[static_cast<size_t>(i)] <= kNearBlack;
  }
  if (dark >= kBlackShare * width) return FrameStamp{FrameStamp::Black, -1, -1};

  // The centre module: white, between two black ones; its width is a first module width.
  const double centre = width / 2.0;
  const int ci = std::clamp(static_cast<int>(centre), 1, width - 2);
  const int mid = (kBlackMax + kWhiteMin) / 2;
  if (y[static_cast<size_t>(ci)] < kWhiteMin) return unreadable;
  int a = ci, b = ci;
  while (a > 0 && y[static_cast<size_t>(a) - 1] >= mid) --a;
  while (b + 1 < width && y[static_cast<size_t>(b) + 1] >= mid) ++b;
  if (a == 0 || b == width - 1) return unreadable;
  const double m0 = crossing(y, b, mid) - crossing(y, a - 1, mid);
  if (m0 < 3) return unreadable; // narrower than a 640-pixel film's modules by far

  // The ends of the code: from the centre outwards, the first grey run at least half a module
  // long is the quiet zone (a black-white edge passes through grey for a pixel or two only); the
  // end is where the outer black guard meets it.
  const int greyRun = std::max(2, static_cast<int>(m0 / 2));
  const int reach = static_cast<int>(m0 * (kFrameStampModules / 2.0 + kFrameStampQuietModules + 2));
  const int quietLevel = (kBlackMax + kGreyMin) / 2; // between the guard's black and the grey
  auto findEnd = [&](int step, double& end) {
    int run = 0;
    for (int i = ci; i >= 0 && i < width && std::abs(i - ci) <= reach; i += step) {
      const int v = y[static_cast<size_t>(i)];
      run = (v >= kGreyMin && v <= kGreyMax) ? run + 1 : 0;
      if (run < greyRun) continue;
      // The first grey pixel of the run; the edge is the last crossing of quietLevel before it.
      for (int k = i - step * (run - 1); k != ci; k -= step) {
        const int inner = k - step; // one pixel towards the centre
        if (y[static_cast<size_t>(inner)] < quietLevel && y[static_cast<size_t>(k)] >= quietLevel) {
          end = crossing(y, std::min(inner, k), quietLevel);
          return true;
        }
      }
      return false;
    }
    return false;
  };
  double left = 0, right = 0;
  if (!findEnd(-1, left) || !findEnd(+1, right)) return unreadable;
  const double m = (right - left) / kFrameStampModules;
  if (std::abs(m - m0) > 0.3 * m0) return unreadable;
  if (std::abs((left + right) / 2 - centre) > std::max(1.0, 0.35 * m)) return unreadable; // not centred

  // Every module: the middle half of it clearly black or clearly white.
  std::array<bool, kFrameStampModules> modules{};
  for (int k = 0; k < kFrameStampModules; ++k) {
    const double from = left + (k + 0.25) * m, to = left + (k + 0.75) * m;
    int first = static_cast<int>(std::ceil(from - 0.5)), last = static_cast<int>(std::floor(to - 0.5));
    if (last < first) first = last = static_cast<int>(std::floor(left + (k + 0.5) * m));
    if (first < 0 || last >= width) return unreadable;
    bool black = true, white = true;
    for (int i = first; i <= last; ++i) {
      black &= y[static_cast<size_t>(i)] <= kBlackMax;
      white &= y[static_cast<size_t>(i)] >= kWhiteMin;
    }
    if (black == white) return unreadable;
    modules[static_cast<size_t>(k)] = white;
  }
  for (const auto& g : kGuards)
    if (modules[static_cast<size_t>(g.at)] != g.white) return unreadable;
  std::uint32_t payload = 0;
  for (int k = 0; k < kFrameStampModules; ++k)
    if (!isGuard(k)) payload = payload << 1 | (modules[static_cast<size_t>(k)] ? 1u : 0u);
  const std::uint32_t value = payload >> 8;
  if ((crc8(value, 20) ^ 0x5Au) != (payload & 0xFFu)) return unreadable;
  return FrameStamp{FrameStamp::Code, static_cast<int>(value >> 16), static_cast<int>(value & 0xFFFFu)};
}

} // namespace kiosk::media
