#include "core/PictureSize.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <vector>

namespace kiosk {
namespace {

using Byte = std::uint8_t;

bool readBytes(std::istream& in, Byte* out, std::size_t n) {
  in.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(n));
  return in && static_cast<std::size_t>(in.gcount()) == n;
}

std::uint32_t be16(const Byte* p) { return static_cast<std::uint32_t>(p[0]) << 8 | p[1]; }
std::uint32_t be32(const Byte* p) { return be16(p) << 16 | be16(p + 2); }
std::uint32_t le16(const Byte* p) { return static_cast<std::uint32_t>(p[1]) << 8 | p[0]; }
std::uint32_t le32(const Byte* p) { return le16(p + 2) << 16 | le16(p); }

std::optional<PictureSize> sized(std::int64_t w, std::int64_t h) {
  constexpr std::int64_t kMax = std::numeric_limits<int>::max();
  if (w <= 0 || h <= 0 || w > kMax || h > kMax) return std::nullopt;
  return PictureSize{static_cast<int>(w), static_cast<int>(h)};
}

// The orientation (1-8) in an APP1 segment's payload, 1 when it is not EXIF or has none.
int exifOrientation(const std::vector<Byte>& seg) {
  if (seg.size() < 14 || std::memcmp(seg.data(), "Exif\0\0", 6) != 0) return 1;
  const Byte* tiff = seg.data() + 6;
  const std::size_t size = seg.size() - 6;
  const bool little = tiff[0] == 'I' && tiff[1] == 'I';
  if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
  auto u16 = [&](std::size_t at) { return little ? le16(tiff + at) : be16(tiff + at); };
  auto u32 = [&](std::size_t at) { return little ? le32(tiff + at) : be32(tiff + at); };
  if (u16(2) != 42) return 1;
  const std::size_t ifd = u32(4);
  if (ifd > size || size - ifd < 2) return 1;
  const std::size_t count = u16(ifd);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t entry = ifd + 2 + i * 12;
    if (entry > size || size - entry < 12) break;
    if (u16(entry) == 0x0112 && u16(entry + 2) == 3) {
      const std::uint32_t v = u16(entry + 8);
      return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
    }
  }
  return 1;
}

// Walks the JPEG's segments up to the frame header (SOFn), which holds the size.
std::optional<PictureSize> jpegSize(std::istream& in) {
  int orientation = 1;
  constexpr int kMaxSegments = 4096;    // a real file has a few dozen before its frame header
  constexpr int kMaxFillBytes = 1 << 16; // padding or garbage between segments
  for (int segments = 0; segments < kMaxSegments; ++segments) {
    Byte b = 0;
    int skipped = 0;
    // A marker is 0xFF (possibly repeated as fill) and a code that is neither 0x00 nor 0xFF.
    do {
      if (!readBytes(in, &b, 1) || ++skipped > kMaxFillBytes) return std::nullopt;
    } while (b != 0xFF);
    do {
      if (!readBytes(in, &b, 1) || ++skipped > kMaxFillBytes) return std::nullopt;
    } while (b == 0xFF);
    const Byte marker = b;
    if (marker == 0x00 || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no length
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt; // the end, or picture data, before any frame header
    Byte len[2];
    if (!readBytes(in, len, 2)) return std::nullopt;
    const std::uint32_t length = be16(len);
    if (length < 2) return std::nullopt;
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      Byte sof[5];
      if (length < 7 || !readBytes(in, sof, 5)) return std::nullopt;
      const std::int64_t h = be16(sof + 1), w = be16(sof + 3);
      // Orientations 5-8 turn the picture a quarter: a viewer shows it the other way round.
      return orientation >= 5 ? sized(h, w) : sized(w, h);
    }
    if (marker == 0xE1 && orientation == 1) {
      std::vector<Byte> seg(length - 2);
      if (!readBytes(in, seg.data(), seg.size())) return std::nullopt;
      orientation = exifOrientation(seg);
      continue;
    }
    if (!in.seekg(static_cast<std::streamoff>(length - 2), std::ios::cur)) return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

std::optional<PictureSize> readPictureSize(std::istream& in) {
  try {
    std::array<Byte, 26> head{};
    if (!readBytes(in, head.data(), 2)) return std::nullopt;
    if (head[0] == 0xFF && head[1] == 0xD8) return jpegSize(in);
    if (!readBytes(in, head.data() + 2, 8)) return std::nullopt;
    static const Byte kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::memcmp(head.data(), kPng, 8) == 0) {
      // The first chunk is IHDR: length, type, width, height (big-endian).
      if (!readBytes(in, head.data() + 10, 14) || std::memcmp(head.data() + 12, "IHDR", 4) != 0) return std::nullopt;
      return sized(be32(head.data() + 16), be32(head.data() + 20));
    }
    if (std::memcmp(head.data(), "GIF87a", 6) == 0 || std::memcmp(head.data(), "GIF89a", 6) == 0)
      return sized(le16(head.data() + 6), le16(head.data() + 8)); // the logical screen
    if (head[0] == 'B' && head[1] == 'M') {
      if (!readBytes(in, head.data() + 10, 16)) return std::nullopt;
      const std::uint32_t headerSize = le32(head.data() + 14);
      if (headerSize == 12) return sized(le16(head.data() + 18), le16(head.data() + 20)); // OS/2
      if (headerSize < 40) return std::nullopt;
      // A negative height is a picture stored top row first.
      const auto h = static_cast<std::int32_t>(le32(head.data() + 22));
      return sized(static_cast<std::int32_t>(le32(head.data() + 18)), h < 0 ? -static_cast<std::int64_t>(h) : h);
    }
    return std::nullopt;
  } catch (...) { // a stream set to throw, or a segment too large to hold
    return std::nullopt;
  }
}

std::optional<PictureSize> readPictureSize(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return readPictureSize(in);
}

} // namespace kiosk
