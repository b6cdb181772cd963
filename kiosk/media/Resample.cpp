#include "media/Resample.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace kiosk::media {

namespace {

constexpr int kShift = 14; // weights in 2.14 fixed point

// sRGB byte -> linear light in 0..65535, and linear (12-bit index) -> sRGB byte.
struct GammaTables {
  std::array<std::uint16_t, 256> toLinear{};
  std::array<std::uint8_t, 4096> toSrgb{};
  GammaTables() {
    for (int i = 0; i < 256; ++i) {
      const double c = i / 255.0;
      const double l = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
      toLinear[static_cast<size_t>(i)] = static_cast<std::uint16_t>(std::lround(l * 65535));
    }
    for (int i = 0; i < 4096; ++i) {
      const double l = (i + 0.5) / 4096.0;
      const double c = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
      toSrgb[static_cast<size_t>(i)] = static_cast<std::uint8_t>(std::clamp(std::lround(c * 255), 0L, 255L));
    }
  }
};
const GammaTables& gamma() {
  static const GammaTables t;
  return t;
}

double cubic(double x) { // Catmull-Rom
  x = std::abs(x);
  constexpr double a = -0.5;
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
  return 0;
}

// For each output index: the first source index and `taps` fixed-point weights (zero-padded).
struct Taps {
  int taps = 0;
  std::vector<int> first;
  std::vector<std::int32_t> weights; // out x taps
};

Taps makeTaps(int src, int dst) {
  Taps t;
  const double scale = static_cast<double>(dst) / src;
  const double widen = std::min(1.0, scale); // shrinking widens the filter to cover each source pixel
  const double support = 2.0 / widen;
  // Never more taps than source pixels: a picture narrower than the filter is read whole.
  t.taps = std::min(src, static_cast<int>(std::ceil(support * 2)) + 1);
  t.first.resize(static_cast<size_t>(dst));
  t.weights.assign(static_cast<size_t>(dst) * t.taps, 0);
  std::vector<double> w(static_cast<size_t>(t.taps));
  for (int o = 0; o < dst; ++o) {
    const double centre = (o + 0.5) / scale - 0.5;
    int lo = static_cast<int>(std::ceil(centre - support));
    lo = std::clamp(lo, 0, std::max(0, src - t.taps));
    double sum = 0;
    for (int k = 0; k < t.taps; ++k) {
      const int i = lo + k;
      w[static_cast<size_t>(k)] = i < src ? cubic((i - centre) * widen) : 0;
      sum += w[static_cast<size_t>(k)];
    }
    t.first[static_cast<size_t>(o)] = lo;
    std::int32_t total = 0, biggest = 0;
    for (int k = 0; k < t.taps; ++k) {
      const auto q = static_cast<std::int32_t>(std::lround(w[static_cast<size_t>(k)] / sum * (1 << kShift)));
      t.weights[static_cast<size_t>(o) * t.taps + k] = q;
      total += q;
      if (q > t.weights[static_cast<size_t>(o) * t.taps + biggest]) biggest = k;
    }
    t.weights[static_cast<size_t>(o) * t.taps + biggest] += (1 << kShift) - total; // sums to exactly 1
  }
  return t;
}

} // namespace

void halveToWithinTwice(const std::uint8_t*& src, int& sw, int& sh, int dw, int dh, bool alpha, std::vector<std::uint8_t>& storage) {
  const auto& g = gamma();
  while (sw >= 2 * dw || sh >= 2 * dh) {
    const bool halveX = sw >= 2 * dw, halveY = sh >= 2 * dh;
    const int nw = halveX ? sw / 2 : sw, nh = halveY ? sh / 2 : sh;
    std::vector<std::uint8_t> next(static_cast<size_t>(nw) * nh * 4);
    for (int y = 0; y < nh; ++y) {
      const std::uint8_t* r0 = src + static_cast<size_t>(halveY ? 2 * y : y) * sw * 4;
      const std::uint8_t* r1 = halveY ? r0 + static_cast<size_t>(sw) * 4 : r0;
      std::uint8_t* out = &next[static_cast<size_t>(y) * nw * 4];
      for (int x = 0; x < nw; ++x) {
        const int x0 = (halveX ? 2 * x : x) * 4, x1 = halveX ? x0 + 4 : x0;
        const std::uint8_t* p[4] = {r0 + x0, r0 + x1, r1 + x0, r1 + x1};
        std::uint32_t weight[4] = {1, 1, 1, 1}, total = 4;
        if (alpha) {
          total = 0;
          for (int k = 0; k < 4; ++k) total += weight[k] = p[k][3];
        }
        for (int c = 0; c < 3; ++c) {
          std::uint64_t sum = 0;
          for (int k = 0; k < 4; ++k) sum += static_cast<std::uint64_t>(g.toLinear[p[k][c]]) * weight[k];
          out[x * 4 + c] = total ? g.toSrgb[static_cast<size_t>(sum / total) >> 4] : 0;
        }
        out[x * 4 + 3] = alpha ? static_cast<std::uint8_t>((p[0][3] + p[1][3] + p[2][3] + p[3][3] + 2) / 4) : 255;
      }
    }
    storage = std::move(next);
    src = storage.data();
    sw = nw;
    sh = nh;
  }
}

// Built for AVX2 as well as the x86-64 baseline; the loader picks what the CPU has.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define KIOSK_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define KIOSK_CLONES
#endif

KIOSK_CLONES void resampleOpaque(const std::uint8_t* src, int sw, int sh, std::uint8_t* dst, int dw, int dh) {
  const auto& g = gamma();
  // Large reductions (a 12000-pixel-wide PNG to a thumbnail) first halve the picture, so the
  // bicubic never needs more than about nine taps and its scratch rows stay small.
  std::vector<std::uint8_t> reduced;
  halveToWithinTwice(src, sw, sh, dw, dh, false, reduced);
  const Taps rows = makeTaps(sh, dh), cols = makeTaps(sw, dw);
  const size_t srcStride = static_cast<size_t>(sw) * 4;

  // Source rows in linear light, converted once each into a ring of rows: the column filter for
  // output row y needs rows first..first+taps, and `first` only grows with y. Nothing the size
  // of the picture is allocated besides the result.
  const int ringRows = rows.taps;
  std::vector<std::uint16_t> ring(srcStride * static_cast<size_t>(ringRows));
  std::vector<int> ringHolds(static_cast<size_t>(ringRows), -1);
  auto linearRow = [&](int r) -> const std::uint16_t* {
    std::uint16_t* slot = &ring[static_cast<size_t>(r % ringRows) * srcStride];
    if (ringHolds[static_cast<size_t>(r % ringRows)] != r) {
      const std::uint8_t* in = src + static_cast<size_t>(r) * srcStride;
      for (size_t i = 0; i < srcStride; ++i) slot[i] = g.toLinear[in[i]];
      ringHolds[static_cast<size_t>(r % ringRows)] = r;
    }
    return slot;
  };

  std::vector<std::int32_t> acc(srcStride);
  std::vector<std::uint16_t> mid(srcStride);
  using V4 = std::int32_t __attribute__((vector_size(16)));
  for (int y = 0; y < dh; ++y) {
    // Down the columns: one row of sw pixels.
    std::fill(acc.begin(), acc.end(), 1 << (kShift - 1));
    const int first = rows.first[static_cast<size_t>(y)];
    for (int k = 0; k < rows.taps; ++k) {
      const std::int32_t w = rows.weights[static_cast<size_t>(y) * rows.taps + k];
      if (w == 0) continue;
      const std::uint16_t* in = linearRow(first + k);
      for (size_t i = 0; i < srcStride; ++i) acc[i] += w * in[i];
    }
    for (size_t i = 0; i < srcStride; ++i) mid[i] = static_cast<std::uint16_t>(std::clamp(acc[i] >> kShift, 0, 65535));

    // Along the row, back to sRGB bytes; a pixel's channels are one 4-lane vector.
    std::uint8_t* out = dst + static_cast<size_t>(y) * dw * 4;
    for (int x = 0; x < dw; ++x) {
      const std::int32_t* w = &cols.weights[static_cast<size_t>(x) * cols.taps];
      const std::uint16_t* p = mid.data() + static_cast<size_t>(cols.first[static_cast<size_t>(x)]) * 4;
      V4 sum = {1 << (kShift - 1), 1 << (kShift - 1), 1 << (kShift - 1), 0};
      for (int k = 0; k < cols.taps; ++k, p += 4) {
        const V4 px = {p[0], p[1], p[2], p[3]};
        sum += px * w[k];
      }
      for (int c = 0; c < 3; ++c)
        out[x * 4 + c] = g.toSrgb[static_cast<size_t>(std::clamp(sum[c] >> kShift, 0, 65535) >> 4)];
      out[x * 4 + 3] = 255;
    }
  }
}

} // namespace kiosk::media
