// libFuzzer target for the image decode path: every byte a staff member (or a damaged USB stick)
// can put in the content folder goes through decodeImageBytes. Built in the sanitizer build
// (KIOSK_SANITIZE) and run by platform/scripts/fuzz.sh.
//
// KIOSK_FUZZ_WRITE_SEEDS=DIR makes the binary write a small seed corpus (JPEG with EXIF,
// progressive and CMYK JPEG, PNG with and without alpha, GIF, BMP) and exit: that is how
// corpus/fuzz_images/ was made (with the sample's logo.png beside them).
#include "media/ImageDecoder.h"

#include <stb_image_write.h>
#include <turbojpeg.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace kiosk::media;

namespace {

void writeSeed(const std::filesystem::path& dir, const std::string& name, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(dir / name, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> jpeg(int w, int h, int pixelFormat, int samp, int flags) {
  std::vector<std::uint8_t> px(static_cast<size_t>(w) * h * 4);
  for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<std::uint8_t>(i * 37 % 251);
  tjhandle tj = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  tjCompress2(tj, px.data(), w, 0, h, pixelFormat, &out, &size, samp, 80, flags);
  std::vector<std::uint8_t> b(out, out + size);
  tjFree(out);
  tjDestroy(tj);
  return b;
}

void writeSeeds(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  writeSeed(dir, "plain.jpg", jpeg(48, 32, TJPF_RGBA, TJSAMP_420, 0));
  writeSeed(dir, "progressive.jpg", jpeg(40, 24, TJPF_RGBA, TJSAMP_444, TJFLAG_PROGRESSIVE));
  writeSeed(dir, "gray.jpg", jpeg(16, 16, TJPF_GRAY, TJSAMP_GRAY, 0));
  writeSeed(dir, "cmyk.jpg", jpeg(16, 16, TJPF_CMYK, TJSAMP_444, 0));
  auto exif = jpeg(32, 16, TJPF_RGBA, TJSAMP_422, 0);
  const std::vector<std::uint8_t> app1 = {0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
                                          0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
  exif.insert(exif.begin() + 2, app1.begin(), app1.end());
  writeSeed(dir, "exif6.jpg", exif);
  std::vector<std::uint8_t> rgba(24 * 16 * 4);
  for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = static_cast<std::uint8_t>(i * 13 % 256);
  auto save = [&](const std::string& name, auto&& fn) {
    std::vector<std::uint8_t> out;
    fn([](void* ctx, void* data, int n) {
      auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
      v->insert(v->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + n);
    }, &out);
    writeSeed(dir, name, out);
  };
  save("alpha.png", [&](stbi_write_func* f, void* c) { stbi_write_png_to_func(f, c, 24, 16, 4, rgba.data(), 24 * 4); });
  save("rgb.png", [&](stbi_write_func* f, void* c) { stbi_write_png_to_func(f, c, 16, 24, 3, rgba.data(), 16 * 3); });
  save("image.bmp", [&](stbi_write_func* f, void* c) { stbi_write_bmp_to_func(f, c, 24, 16, 3, rgba.data()); });
  // A two-colour GIF87a, 2x2 pixels.
  writeSeed(dir, "tiny.gif", {'G', 'I', 'F', '8', '7', 'a', 2, 0, 2, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2C, 0, 0, 0, 0, 2,
                              0, 2, 0, 0, 2, 2, 0x84, 0x51, 0, 0x3B});
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("KIOSK_FUZZ_WRITE_SEEDS")) {
    writeSeeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  // Smaller limits than the kiosk's keep each run fast; the checks are the same code.
  DecodeLimits limits;
  limits.maxPixels = 1'000'000; // a 35-byte GIF declaring 1.5 Mpx took 4 s a run under ASan
  limits.maxFileBytes = 1u << 20;
  const std::span<const std::uint8_t> bytes(data, size);
  (void)jpegOrientation(bytes);
  std::string unsupported;
  (void)sniffImageFormat(bytes, &unsupported);
  for (const DisplaySize box : {DisplaySize{64, 64, Fit::Cover}, DisplaySize{37, 300, Fit::Contain}}) {
    const DecodeResult r = decodeImageBytes(bytes, box, limits);
    if (r.ok() && (r.image.width <= 0 || r.image.height <= 0 ||
                   r.image.rgba.size() != static_cast<size_t>(r.image.width) * r.image.height * 4))
      std::abort(); // a "success" that is not a picture
    if (!r.ok() && r.error.empty()) std::abort();
  }
  return 0;
}
