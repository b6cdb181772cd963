#include "BenchPhotos.h"

#include <turbojpeg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bench {

// A photo-like picture: broad colour fields, edges, fine texture and sensor grain, so it
// compresses like a real photo (about 6 MB at quality 90), not like a flat test card.
Bytes makePhoto(int w, int h, unsigned seed) {
  std::vector<std::uint8_t> rgb(static_cast<size_t>(w) * h * 3);
  std::uint32_t state = seed * 2654435761u + 1;
  const float fx = 0.002f + 0.0005f * static_cast<float>(seed % 5), fy = 0.003f + 0.0004f * static_cast<float>(seed % 7);
  for (int y = 0; y < h; ++y) {
    std::uint8_t* row = &rgb[static_cast<size_t>(y) * w * 3];
    const float sy = std::sin(y * fy);
    for (int x = 0; x < w; ++x) {
      state = state * 1664525u + 1013904223u;
      const int grain = static_cast<int>((state >> 24) & 15) - 8;
      const float base = 0.5f + 0.25f * std::sin(x * fx + sy * 3.0f) + 0.15f * std::sin((x + y) * 0.02f) * sy;
      const int texture = ((x / 7 + y / 5) & 3) * 6;
      const int horizon = y > h * 2 / 3 ? 40 : 0;
      const int r = static_cast<int>(255 * base) + grain + texture - horizon;
      const int g = static_cast<int>(200 * base) + grain + horizon / 2;
      const int b = static_cast<int>(255 * (1 - base)) + grain + texture;
      row[x * 3] = static_cast<std::uint8_t>(std::clamp(r, 0, 255));
      row[x * 3 + 1] = static_cast<std::uint8_t>(std::clamp(g, 0, 255));
      row[x * 3 + 2] = static_cast<std::uint8_t>(std::clamp(b, 0, 255));
    }
  }
  tjhandle tj = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  if (tjCompress2(tj, rgb.data(), w, 0, h, TJPF_RGB, &out, &size, TJSAMP_420, 90, 0) != 0) {
    std::fprintf(stderr, "bench: cannot encode a test photo: %s\n", tjGetErrorStr2(tj));
    std::exit(1);
  }
  Bytes jpeg(out, out + size);
  tjFree(out);
  tjDestroy(tj);
  return jpeg;
}

// The same photo with a comment segment naming it: different bytes (and so a different content
// hash) at no cost to decoding, as 200 different photos would be.
Bytes uniqueCopy(const Bytes& jpeg, int n) {
  const std::string note = "bench photo " + std::to_string(n);
  Bytes seg = {0xFF, 0xFE, static_cast<std::uint8_t>((note.size() + 2) >> 8), static_cast<std::uint8_t>((note.size() + 2) & 0xFF)};
  seg.insert(seg.end(), note.begin(), note.end());
  Bytes out;
  out.reserve(jpeg.size() + seg.size());
  out.push_back(jpeg[0]);
  out.push_back(jpeg[1]);
  out.insert(out.end(), seg.begin(), seg.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

} // namespace bench
