#pragma once
// Decodes a staff image file into RGBA pixels scaled to fit a display size. Runs on worker threads.
// Uses stb_image from libstb-dev: never SFML's loaders, which embed a 2017 stb_image.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::media {

struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // width * height * 4 bytes
};

struct DecodeLimits {
  std::uintmax_t maxFileBytes = 64u << 20;   // a larger file is refused before reading
  std::uint64_t maxPixels = 50'000'000;      // refuses decompression bombs before decoding
};

struct DecodeResult {
  DecodedImage image;
  std::string error; // empty on success; otherwise a sentence for staff
  bool ok() const { return error.empty(); }
};

// Checks that `file` is an image the kiosk can decode, reading only its header: "" when it is,
// otherwise the same sentence decodeImageFile would give. For `kiosk validate` and start-up.
std::string probeImageFile(const std::filesystem::path& file, const DecodeLimits& limits = {});

// Reads and decodes `file`, then downscales (never upscales) to fit within maxWidth x maxHeight.
DecodeResult decodeImageFile(const std::filesystem::path& file, int maxWidth, int maxHeight,
                             const DecodeLimits& limits = {});

} // namespace kiosk::media
