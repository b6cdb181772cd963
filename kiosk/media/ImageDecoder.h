#pragma once
// Turns the bytes of a staff image file into RGBA pixels at the size they will be shown. Runs on
// worker threads and trusts nothing in the bytes.
//
// JPEG goes through TurboJPEG: the header is read first, then the DCT scaling factor is chosen that
// gives the smallest image still covering the display size, so a 24-megapixel photo is never
// decoded whole; LIMITSCANS and STOPONWARNING turn progressive-scan bombs and damaged data into
// errors. PNG (every chunk's CRC checked first), GIF and BMP go through stb_image from libstb-dev;
// never SFML's loaders, which embed a 2017 stb_image. EXIF orientation is applied, then a
// gamma-correct filtered downscale (stb_image_resize) brings the picture to its display size.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::media {

// How a picture fills the box it is drawn in: whole inside it, or covering it (cropped).
enum class Fit : std::uint8_t { Contain, Cover };

// The box a picture is drawn in, in pixels. The decoder never makes a picture larger than its
// file, and never larger than it needs to be to fill this box.
struct DisplaySize {
  int width = 0;
  int height = 0;
  Fit fit = Fit::Contain;
  bool operator==(const DisplaySize&) const = default;
};

// The order of a pixel's four bytes. Decoders give RGBA; the kiosk's OpenGL textures take BGRA,
// which llvmpipe samples 2.3x faster (see GpuTextures.h), so the loader's workers reorder them.
enum class PixelOrder : std::uint8_t { Rgba, Bgra };

struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // width * height * 4 bytes in `order`, rows top to bottom
  PixelOrder order = PixelOrder::Rgba;
  bool opaque = true;             // every alpha is 255
  int fileWidth = 0;              // the picture in the file, after EXIF orientation
  int fileHeight = 0;
};

struct DecodeLimits {
  std::uintmax_t maxFileBytes = 64u << 20; // a larger file is refused before reading
  std::uint64_t maxPixels = 50'000'000;    // refuses decompression bombs before decoding
  int maxSide = 8192;                      // the result never exceeds this (the GPU's texture limit)
};

struct DecodeResult {
  DecodedImage image;
  std::string error; // empty on success; otherwise a sentence for staff (what is wrong; what to do)
  bool ok() const { return error.empty(); }
};

enum class ImageFormat { Unknown, Jpeg, Png, Gif, Bmp };

// What the first bytes of a file say it is. For a known format the kiosk cannot show (HEIC,
// WebP, TIFF, ...) `unsupported` names it, so staff hear "export it as JPEG" rather than "damaged".
ImageFormat sniffImageFormat(std::span<const std::uint8_t> bytes, std::string* unsupported = nullptr);

// EXIF orientation (1-8) of a JPEG, 1 when it has none or it cannot be read.
int jpegOrientation(std::span<const std::uint8_t> bytes);

// Reorders every pixel's bytes to `order` (swaps red and blue when it differs; nothing when not).
void setPixelOrder(DecodedImage& image, PixelOrder order);

// Rotates and mirrors pixels as EXIF orientation `orientation` asks.
void applyOrientation(DecodedImage& image, int orientation);

// The size a picture of w x h takes to fill `box` (never larger than the picture, at most maxSide).
void fitSize(int w, int h, const DisplaySize& box, int maxSide, int& outW, int& outH);

// The DCT scale (num/denom, from TurboJPEG's n/8 steps) at which a w x h JPEG is decoded to
// cover targetW x targetH: the smallest that still covers it, so the resample only shrinks.
void jpegDecodeScale(int w, int h, int targetW, int targetH, int& num, int& denom);

// Decodes bytes already in memory. The entry point for the fuzzer.
DecodeResult decodeImageBytes(std::span<const std::uint8_t> bytes, const DisplaySize& box, const DecodeLimits& limits = {});

// Checks that `file` is an image the kiosk can decode, reading only its header: "" when it is,
// otherwise the sentence decoding it would give. For start-up and `kiosk validate`.
std::string probeImageFile(const std::filesystem::path& file, const DecodeLimits& limits = {});

// The bytes of a file read whole, and whether they are the file as it stands.
struct FileBytes {
  std::vector<std::uint8_t> bytes;
  std::string error; // "" when read whole and unchanged while reading
  bool changedWhileReading = false;
};

// Reads `file` whole, refusing files over the limit before reading. If the file is replaced,
// grown or shrunk while it is read (staff copying over it), the result says so instead of
// returning a mix of old and new bytes. `afterOpen` is a test seam, called once the file is open.
FileBytes readImageFile(const std::filesystem::path& file, const DecodeLimits& limits = {},
                        const std::function<void()>& afterOpen = {});

// readImageFile, reading again (up to three times, 50 ms apart) a file that changed while it was
// read, before giving up.
FileBytes readImageFileSettled(const std::filesystem::path& file, const DecodeLimits& limits = {});

// readImageFileSettled then decodeImageBytes.
DecodeResult decodeImageFile(const std::filesystem::path& file, const DisplaySize& box, const DecodeLimits& limits = {});

} // namespace kiosk::media
