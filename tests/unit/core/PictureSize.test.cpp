#include "core/PictureSize.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

using Bytes = std::vector<std::uint8_t>;

void be16(Bytes& b, unsigned v) {
  b.push_back(static_cast<std::uint8_t>(v >> 8));
  b.push_back(static_cast<std::uint8_t>(v));
}
void be32(Bytes& b, std::uint32_t v) {
  be16(b, v >> 16);
  be16(b, v & 0xFFFF);
}
void le16(Bytes& b, unsigned v) {
  b.push_back(static_cast<std::uint8_t>(v));
  b.push_back(static_cast<std::uint8_t>(v >> 8));
}
void le32(Bytes& b, std::uint32_t v) {
  le16(b, v & 0xFFFF);
  le16(b, v >> 16);
}

Bytes png(std::uint32_t w, std::uint32_t h) {
  Bytes b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  be32(b, 13);
  for (char c : std::string("IHDR")) b.push_back(static_cast<std::uint8_t>(c));
  be32(b, w);
  be32(b, h);
  return b; // nothing after the size: the header alone is enough
}

// An APP1 segment with EXIF orientation `o`, little- or big-endian.
Bytes exifSegment(int o, bool little) {
  Bytes tiff;
  auto u16 = [&](unsigned v) { little ? le16(tiff, v) : be16(tiff, v); };
  auto u32 = [&](std::uint32_t v) { little ? le32(tiff, v) : be32(tiff, v); };
  tiff.push_back(little ? 'I' : 'M');
  tiff.push_back(little ? 'I' : 'M');
  u16(42);
  u32(8);  // IFD0 right after the header
  u16(2);  // two entries: something else first, then the orientation
  u16(0x010F), u16(2), u32(4), u32(0);
  u16(0x0112), u16(3), u32(1), u16(static_cast<unsigned>(o)), u16(0);
  u32(0);
  Bytes seg = {0xFF, 0xE1};
  be16(seg, static_cast<unsigned>(tiff.size() + 8));
  for (char c : std::string("Exif\0\0", 6)) seg.push_back(static_cast<std::uint8_t>(c));
  seg.insert(seg.end(), tiff.begin(), tiff.end());
  return seg;
}

// SOI, a JFIF APP0, optional extra segments, a quantisation table, then the frame header.
Bytes jpeg(unsigned w, unsigned h, const Bytes& extra = {}, std::uint8_t sof = 0xC0) {
  Bytes b = {0xFF, 0xD8, 0xFF, 0xE0};
  be16(b, 16);
  for (char c : std::string("JFIF\0", 5)) b.push_back(static_cast<std::uint8_t>(c));
  b.insert(b.end(), {1, 1, 0, 0, 1, 0, 1, 0, 0});
  b.insert(b.end(), extra.begin(), extra.end());
  b.insert(b.end(), {0xFF, 0xDB});
  be16(b, 67);
  b.insert(b.end(), 65, 1);
  b.insert(b.end(), {0xFF, 0xFF, sof}); // with a fill byte before the marker
  be16(b, 17);
  b.push_back(8);
  be16(b, h);
  be16(b, w);
  b.insert(b.end(), {3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
  return b;
}

std::optional<PictureSize> sizeOf(const Bytes& b) {
  std::istringstream in(std::string(b.begin(), b.end()));
  return readPictureSize(in);
}

} // namespace

TEST_CASE("[PictureSize] PNG, GIF and BMP sizes come from their first bytes") {
  CHECK(sizeOf(png(1920, 1080)) == PictureSize{1920, 1080});
  Bytes gif = {'G', 'I', 'F', '8', '9', 'a'};
  le16(gif, 640);
  le16(gif, 480);
  CHECK(sizeOf(gif) == PictureSize{640, 480});
  Bytes bmp = {'B', 'M'};
  le32(bmp, 0), le32(bmp, 0), le32(bmp, 54), le32(bmp, 40);
  le32(bmp, 300);
  le32(bmp, static_cast<std::uint32_t>(-200)); // stored top row first
  CHECK(sizeOf(bmp) == PictureSize{300, 200});
  Bytes os2 = {'B', 'M'};
  le32(os2, 0), le32(os2, 0), le32(os2, 26), le32(os2, 12);
  le16(os2, 32), le16(os2, 16), le32(os2, 0);
  CHECK(sizeOf(os2) == PictureSize{32, 16});
}

TEST_CASE("[PictureSize] a JPEG's size is found past its other segments, baseline or progressive") {
  CHECK(sizeOf(jpeg(1920, 1080)) == PictureSize{1920, 1080});
  CHECK(sizeOf(jpeg(800, 600, {}, 0xC2)) == PictureSize{800, 600});
  Bytes bigComment = {0xFF, 0xFE};
  be16(bigComment, 60000);
  bigComment.insert(bigComment.end(), 59998, 'x');
  CHECK(sizeOf(jpeg(4000, 3000, bigComment)) == PictureSize{4000, 3000});
}

TEST_CASE("[PictureSize] a JPEG turned by its EXIF orientation is measured as a viewer shows it") {
  for (bool little : {true, false}) {
    CAPTURE(little);
    CHECK(sizeOf(jpeg(4000, 3000, exifSegment(6, little))) == PictureSize{3000, 4000}); // turned a quarter
    CHECK(sizeOf(jpeg(4000, 3000, exifSegment(8, little))) == PictureSize{3000, 4000});
    CHECK(sizeOf(jpeg(4000, 3000, exifSegment(3, little))) == PictureSize{4000, 3000}); // upside down: same size
    CHECK(sizeOf(jpeg(4000, 3000, exifSegment(1, little))) == PictureSize{4000, 3000});
  }
}

TEST_CASE("[PictureSize] anything else, cut short or damaged, has no size and never throws") {
  const Bytes good = jpeg(640, 480);
  const Bytes smallPng = png(10, 10);
  const std::vector<std::pair<const char*, Bytes>> bad = {
      {"empty", {}},
      {"text", Bytes{'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'}},
      {"PNG cut short", Bytes(smallPng.begin(), smallPng.begin() + 20)},
      {"PNG of width 0", png(0, 10)},
      {"PNG wider than an int", png(0x80000000u, 10)},
      {"PNG whose first chunk is not IHDR", [] {
         Bytes b = png(10, 10);
         b[12] = 'I', b[13] = 'D', b[14] = 'A', b[15] = 'T';
         return b;
       }()},
      {"JPEG cut in its frame header", Bytes(good.begin(), good.end() - 12)},
      {"JPEG cut after its start", Bytes{0xFF, 0xD8}},
      {"JPEG with picture data before a frame header", Bytes{0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 1, 2, 3}},
      {"JPEG whose segment claims more than the file", Bytes{0xFF, 0xD8, 0xFF, 0xE2, 0xFF, 0xFF, 1, 2}},
      {"JPEG with a segment length below 2", Bytes{0xFF, 0xD8, 0xFF, 0xE2, 0, 1, 0xFF, 0xC0}},
      {"JPEG of height 0", jpeg(640, 0)},
      {"JPEG of nothing but fill bytes", [] {
         Bytes b = {0xFF, 0xD8};
         b.insert(b.end(), 200000, 0xFF);
         return b;
       }()},
      {"JPEG with a damaged EXIF offset", [] {
         Bytes exif = exifSegment(6, true);
         exif[14] = 0xFF, exif[15] = 0xFF; // IFD0 offset far past the segment
         return jpeg(40, 30, exif);
       }()},
  };
  for (const auto& [label, bytes] : bad) {
    const std::string name = label;
    CAPTURE(name);
    if (name == "JPEG with a damaged EXIF offset")
      CHECK(sizeOf(bytes) == PictureSize{40, 30}); // the orientation is ignored, the size still read
    else
      CHECK_FALSE(sizeOf(bytes));
  }
}

TEST_CASE("[PictureSize] the sample's pictures are measured from their files") {
  const auto root = kiosk::test::sampleContent();
  CHECK(readPictureSize(root / "logo.png") == PictureSize{240, 240});
  CHECK(readPictureSize(root / "sections/01-city-promotion/images/cover.jpg") == PictureSize{1920, 1080});
  CHECK_FALSE(readPictureSize(root / "kiosk.toml"));
  CHECK_FALSE(readPictureSize(root / "no-such-picture.png"));
}
