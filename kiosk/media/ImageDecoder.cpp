#include "media/ImageDecoder.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace kiosk::media {

namespace {

std::string tooManyPixels(std::uint64_t w, std::uint64_t h) {
  return "the image is " + std::to_string(w) + "x" + std::to_string(h) +
         " pixels, more than the kiosk will decode; resize it to at most 8000x6000";
}

// Checks the size of the file and of the picture its header announces. `bytes` holds the file,
// or at least its first 64 KiB (enough for every header stb_image reads).
std::string checkHeader(const std::vector<unsigned char>& bytes, std::uintmax_t fileSize, const DecodeLimits& limits,
                        int& w, int& h) {
  if (fileSize == 0) return "the image file is empty (0 bytes); copy it again";
  if (fileSize > limits.maxFileBytes)
    return "the image file is " + std::to_string(fileSize >> 20) + " MiB, over the limit of " +
           std::to_string(limits.maxFileBytes >> 20) + " MiB; export a smaller JPEG";
  int channels = 0;
  if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels)) {
    // stb refuses PNGs over 2^30 bytes of pixels without saying why; read the size from the
    // header so staff hear "too large" rather than "not an image".
    static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() >= 24 && std::equal(kPng, kPng + 8, bytes.begin())) {
      auto be32 = [&](size_t o) {
        return static_cast<std::uint32_t>(bytes[o]) << 24 | static_cast<std::uint32_t>(bytes[o + 1]) << 16 |
               static_cast<std::uint32_t>(bytes[o + 2]) << 8 | bytes[o + 3];
      };
      const std::uint32_t pw = be32(16), ph = be32(20);
      if (static_cast<std::uint64_t>(pw) * ph > limits.maxPixels) return tooManyPixels(pw, ph);
    }
    return "this is not an image the kiosk can read (use JPEG or PNG)";
  }
  if (w <= 0 || h <= 0 || static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h) > limits.maxPixels)
    return tooManyPixels(static_cast<std::uint64_t>(std::max(w, 0)), static_cast<std::uint64_t>(std::max(h, 0)));
  return {};
}

} // namespace

std::string probeImageFile(const std::filesystem::path& file, const DecodeLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return "cannot read the image (" + ec.message() + ")";
  std::vector<unsigned char> head(static_cast<size_t>(std::min<std::uintmax_t>(size, 64 * 1024)));
  std::ifstream in(file, std::ios::binary);
  if (!in || !in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size())))
    return "cannot read the image file; check its permissions";
  int w = 0, h = 0;
  return checkHeader(head, size, limits, w, h);
}

DecodeResult decodeImageFile(const std::filesystem::path& file, int maxWidth, int maxHeight, const DecodeLimits& limits) {
  DecodeResult result;
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    result.error = "cannot read the image (" + ec.message() + ")";
    return result;
  }
  std::vector<unsigned char> bytes;
  if (size > 0 && size <= limits.maxFileBytes) {
    bytes.resize(size);
    std::ifstream in(file, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
      result.error = "cannot read the image file; check its permissions";
      return result;
    }
  }
  int w = 0, h = 0, channels = 0;
  result.error = checkHeader(bytes, size, limits, w, h);
  if (!result.ok()) return result;
  unsigned char* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
  if (!pixels) {
    result.error = std::string("the image is damaged and cannot be decoded (") + stbi_failure_reason() + ")";
    return result;
  }
  const double scale = std::min({1.0, static_cast<double>(maxWidth) / w, static_cast<double>(maxHeight) / h});
  if (scale < 1.0) {
    const int tw = std::max(1, static_cast<int>(std::lround(w * scale)));
    const int th = std::max(1, static_cast<int>(std::lround(h * scale)));
    result.image.rgba.resize(static_cast<size_t>(tw) * th * 4);
    stbir_resize_uint8_srgb(pixels, w, h, 0, result.image.rgba.data(), tw, th, 0, 4, 3, 0);
    result.image.width = tw;
    result.image.height = th;
  } else {
    result.image.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
    result.image.width = w;
    result.image.height = h;
  }
  stbi_image_free(pixels);
  return result;
}

} // namespace kiosk::media
