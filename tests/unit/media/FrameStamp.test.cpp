// The frame stamp read from rows of real encoded frames (tests/unit/media/frame-stamp/*.png, made
// by make-frame-stamp-fixtures.sh from the counter films): each PNG stacks the middle row of
// consecutive frames of one clip as a screen shows them (own size, scaled, cropped to cover).
#include "media/FrameStamp.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace kiosk::media;

namespace {

struct Rows {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
  const std::uint8_t* row(int y) const { return rgba.data() + static_cast<size_t>(y) * width * 4; }
  std::vector<std::uint8_t> copyRow(int y) const { return {row(y), row(y) + static_cast<size_t>(width) * 4}; }
};

Rows load(const std::string& name) {
  Rows r;
  const std::string path = std::string(KIOSK_SOURCE_DIR) + "/tests/unit/media/frame-stamp/" + name + ".png";
  int channels = 0;
  unsigned char* px = stbi_load(path.c_str(), &r.width, &r.height, &channels, 4);
  REQUIRE_MESSAGE(px != nullptr, "fixture missing: " << path);
  r.rgba.assign(px, px + static_cast<size_t>(r.width) * r.height * 4);
  stbi_image_free(px);
  return r;
}

// Every row of the fixture reads as clip `clip`, frame first + row.
void expectCodes(const std::string& name, int clip, int first) {
  const Rows r = load(name);
  for (int y = 0; y < r.height; ++y) {
    const FrameStamp s = decodeFrameStamp(r.row(y), r.width);
    INFO(name << " row " << y);
    CHECK(s.kind == FrameStamp::Code);
    CHECK(s.clip == clip);
    CHECK(s.frame == first + y);
  }
}

// Paints module `k` of a row whose code spans the film's central 35/80 (the film as wide as the
// row) with one grey level.
void paintModule(std::vector<std::uint8_t>& row, int width, int k, std::uint8_t level) {
  const double m = width / 80.0, left = (width - 35 * m) / 2;
  for (int x = static_cast<int>(left + k * m); x < static_cast<int>(left + (k + 1) * m); ++x)
    for (int c = 0; c < 3; ++c) row[static_cast<size_t>(x) * 4 + c] = level;
}

} // namespace

TEST_CASE("[FrameStamp] reads every frame of a film at its own size") { expectCodes("native-1280", 3, 0); }

TEST_CASE("[FrameStamp] reads a film scaled down to 640 pixels wide") { expectCodes("scaled-640", 3, 0); }

TEST_CASE("[FrameStamp] reads a film scaled up to 3840 pixels wide") { expectCodes("scaled-3840", 1, 0); }

TEST_CASE("[FrameStamp] reads a 16:9 film cropped to cover a 4:3 screen") { expectCodes("cover-4x3-1024", 0, 100); }

TEST_CASE("[FrameStamp] reads a 16:9 film cropped to cover a 5:4 screen") { expectCodes("cover-5x4-1280", 0, 270); }

TEST_CASE("[FrameStamp] two frames blended are unreadable, never misread") {
  const Rows r = load("blended-1280");
  for (int y = 0; y < r.height; ++y) {
    INFO("row " << y);
    CHECK(decodeFrameStamp(r.row(y), r.width).kind == FrameStamp::Unreadable);
  }
}

TEST_CASE("[FrameStamp] a picture without a stamp is unreadable") {
  const Rows r = load("no-stamp-1920");
  for (int y = 0; y < r.height; ++y) {
    INFO("row " << y);
    CHECK(decodeFrameStamp(r.row(y), r.width).kind == FrameStamp::Unreadable);
  }
}

TEST_CASE("[FrameStamp] a row near black is black") {
  std::vector<std::uint8_t> row(1920 * 4, 0);
  CHECK(decodeFrameStamp(row.data(), 1920).kind == FrameStamp::Black);
  // The theme's dark background (#0E1A2B) where the film should be is as bad as black.
  for (size_t i = 0; i < row.size(); i += 4) row[i] = 0x0E, row[i + 1] = 0x1A, row[i + 2] = 0x2B;
  CHECK(decodeFrameStamp(row.data(), 1920).kind == FrameStamp::Black);
  // A mid grey row is not.
  std::fill(row.begin(), row.end(), std::uint8_t{128});
  CHECK(decodeFrameStamp(row.data(), 1920).kind == FrameStamp::Unreadable);
}

TEST_CASE("[FrameStamp] a damaged module makes the row unreadable") {
  const Rows r = load("native-1280");
  REQUIRE(decodeFrameStamp(r.row(7), r.width).kind == FrameStamp::Code);
  const auto modules = frameStampModules(3, 7);
  for (int k = 0; k < kFrameStampModules; ++k) {
    INFO("module " << k);
    auto flipped = r.copyRow(7);
    paintModule(flipped, r.width, k, modules[static_cast<size_t>(k)] ? 0 : 255); // the other colour
    CHECK(decodeFrameStamp(flipped.data(), r.width).kind == FrameStamp::Unreadable);
    auto grey = r.copyRow(7);
    paintModule(grey, r.width, k, 128);
    CHECK(decodeFrameStamp(grey.data(), r.width).kind == FrameStamp::Unreadable);
  }
}

TEST_CASE("[FrameStamp] the films' drawn modules are the ones the code defines") {
  // Read each module's colour straight from the film's row and compare with frameStampModules:
  // the filter script and this code agree on every bit, check bits included.
  const Rows r = load("native-1280");
  for (int y = 0; y < r.height; ++y) {
    const auto modules = frameStampModules(3, y);
    const double m = r.width / 80.0, left = (r.width - 35 * m) / 2;
    for (int k = 0; k < kFrameStampModules; ++k) {
      const std::uint8_t* p = r.row(y) + static_cast<size_t>(left + (k + 0.5) * m) * 4;
      INFO("frame " << y << " module " << k);
      CHECK((p[1] > 128) == modules[static_cast<size_t>(k)]);
    }
  }
}

TEST_CASE("[FrameStamp] a stamp shifted off centre is unreadable") {
  // The screen crops a film equally at both sides: a code far from the row's middle is not one.
  const Rows r = load("native-1280");
  std::vector<std::uint8_t> shifted(r.copyRow(0));
  const auto row = r.copyRow(0);
  const int by = 3 * 16; // three modules
  for (int x = 0; x < r.width; ++x) {
    const int from = std::clamp(x - by, 0, r.width - 1);
    std::copy_n(row.begin() + from * 4, 4, shifted.begin() + x * 4);
  }
  CHECK(decodeFrameStamp(shifted.data(), r.width).kind == FrameStamp::Unreadable);
}

TEST_CASE("[FrameStamp] random rows are never read as a code") {
  std::mt19937 random(15);
  std::vector<std::uint8_t> row(1280 * 4);
  int codes = 0;
  for (int i = 0; i < 2000; ++i) {
    // Blocks of random black, white or grey, of random widths: the worst look-alikes.
    int x = 0;
    while (x < 1280) {
      const int w = 4 + static_cast<int>(random() % 24);
      const std::uint8_t level = std::array<std::uint8_t, 3>{0, 128, 255}[random() % 3];
      for (int k = x; k < std::min(1280, x + w); ++k)
        for (int c = 0; c < 4; ++c) row[static_cast<size_t>(k) * 4 + c] = level;
      x += w;
    }
    codes += decodeFrameStamp(row.data(), 1280).kind == FrameStamp::Code;
  }
  CHECK(codes == 0);
}

TEST_CASE("[FrameStamp] payload: clip, frame and check bits") {
  CHECK((frameStampPayload(3, 7) >> 24) == 3u);
  CHECK(((frameStampPayload(3, 7) >> 8) & 0xFFFFu) == 7u);
  CHECK(frameStampPayload(3, 7) != frameStampPayload(3, 8));
  CHECK((frameStampPayload(15, 65535) >> 8) == 0xFFFFFu);
  CHECK(decodeFrameStamp(nullptr, 100).kind == FrameStamp::Unreadable);
}
