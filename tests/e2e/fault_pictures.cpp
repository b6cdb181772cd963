// Pictures for the fault tests (tests/e2e/run-*.sh): makes large JPEGs to be replaced under the
// kiosk, and measures its screenshots, so a shell script can judge what was on screen.
//
//   fault_pictures jpeg FILE WIDTH HEIGHT RRGGBB [SEED]
//       a noisy JPEG of one colour (about 1 byte a pixel: slow to decode, as a camera's photo)
//   fault_pictures diff A.png B.png [X0 Y0 X1 Y1]
//       the mean absolute difference per channel, 0..255, over a region given as fractions of
//       the screen (default: all of it)
//   fault_pictures share SHOT.png RRGGBB [TOLERANCE]
//       the fraction of pixels within TOLERANCE (default 60) of the colour in every channel
#include <stb_image.h>
#include <turbojpeg.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

bool parseColour(const char* text, Rgb& c) {
  unsigned v = 0;
  if (std::sscanf(text, "%6x", &v) != 1 || std::string(text).size() != 6) return false;
  c = {static_cast<int>(v >> 16 & 255), static_cast<int>(v >> 8 & 255), static_cast<int>(v & 255)};
  return true;
}

struct Shot {
  int w = 0, h = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
  const unsigned char* at(int x, int y) const { return px.get() + (static_cast<size_t>(y) * w + x) * 3; }
};

bool load(const char* file, Shot& s) {
  int n = 0;
  s.px.reset(stbi_load(file, &s.w, &s.h, &n, 3));
  if (!s.px) std::fprintf(stderr, "fault_pictures: cannot read %s (%s)\n", file, stbi_failure_reason());
  return s.px != nullptr;
}

int makeJpeg(const char* file, int w, int h, Rgb c, unsigned seed) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 3);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> noise(-24, 24);
  auto clamp = [](int v) { return static_cast<unsigned char>(v < 0 ? 0 : v > 255 ? 255 : v); };
  for (size_t i = 0; i < px.size(); i += 3) {
    px[i] = clamp(c.r + noise(random));
    px[i + 1] = clamp(c.g + noise(random));
    px[i + 2] = clamp(c.b + noise(random));
  }
  tjhandle tj = tjInitCompress();
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  const bool ok = tj && tjCompress2(tj, px.data(), w, 0, h, TJPF_RGB, &jpeg, &size, TJSAMP_444, 95, 0) == 0;
  if (tj) tjDestroy(tj);
  std::FILE* f = ok ? std::fopen(file, "wb") : nullptr;
  const bool written = f && std::fwrite(jpeg, 1, size, f) == size;
  if (f && std::fclose(f) != 0) f = nullptr;
  if (jpeg) tjFree(jpeg);
  if (!ok || !written || !f) {
    std::fprintf(stderr, "fault_pictures: cannot make %s\n", file);
    return 1;
  }
  return 0;
}

int diff(const char* a, const char* b, double x0, double y0, double x1, double y1) {
  Shot s, t;
  if (!load(a, s) || !load(b, t)) return 1;
  if (s.w != t.w || s.h != t.h) {
    std::fprintf(stderr, "fault_pictures: %s is %dx%d, %s %dx%d\n", a, s.w, s.h, b, t.w, t.h);
    return 1;
  }
  double sum = 0;
  size_t n = 0;
  for (int y = static_cast<int>(y0 * s.h); y < static_cast<int>(y1 * s.h); ++y)
    for (int x = static_cast<int>(x0 * s.w); x < static_cast<int>(x1 * s.w); ++x) {
      for (int c = 0; c < 3; ++c) sum += std::abs(s.at(x, y)[c] - t.at(x, y)[c]);
      n += 3;
    }
  std::printf("%.2f\n", n ? sum / static_cast<double>(n) : 0.0);
  return 0;
}

int share(const char* file, Rgb c, int tolerance) {
  Shot s;
  if (!load(file, s)) return 1;
  size_t near = 0;
  for (int y = 0; y < s.h; ++y)
    for (int x = 0; x < s.w; ++x) {
      const unsigned char* p = s.at(x, y);
      near += std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance && std::abs(p[2] - c.b) <= tolerance;
    }
  std::printf("%.4f\n", static_cast<double>(near) / (static_cast<double>(s.w) * s.h));
  return 0;
}

int usage() {
  std::fprintf(stderr, "usage: fault_pictures jpeg FILE WIDTH HEIGHT RRGGBB [SEED]\n"
                       "       fault_pictures diff A.png B.png [X0 Y0 X1 Y1]\n"
                       "       fault_pictures share SHOT.png RRGGBB [TOLERANCE]\n");
  return 2;
}

} // namespace

int main(int argc, char** argv) {
  const std::string verb = argc > 1 ? argv[1] : "";
  Rgb c;
  if (verb == "jpeg" && (argc == 6 || argc == 7) && parseColour(argv[5], c)) {
    const int w = std::atoi(argv[3]), h = std::atoi(argv[4]);
    if (w <= 0 || h <= 0 || w > 20000 || h > 20000) return usage();
    return makeJpeg(argv[2], w, h, c, argc == 7 ? static_cast<unsigned>(std::atoi(argv[6])) : 1u);
  }
  if (verb == "diff" && argc == 4) return diff(argv[2], argv[3], 0, 0, 1, 1);
  if (verb == "diff" && argc == 8)
    return diff(argv[2], argv[3], std::atof(argv[4]), std::atof(argv[5]), std::atof(argv[6]), std::atof(argv[7]));
  if (verb == "share" && (argc == 4 || argc == 5) && parseColour(argv[3], c))
    return share(argv[2], c, argc == 5 ? std::atoi(argv[4]) : 60);
  return usage();
}
