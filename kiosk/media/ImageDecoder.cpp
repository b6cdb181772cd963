#include "media/ImageDecoder.h"

#include "media/Resample.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <turbojpeg.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace kiosk::media {

namespace {

using Bytes = std::span<const std::uint8_t>;

std::uint32_t be32(Bytes b, size_t o) {
  return static_cast<std::uint32_t>(b[o]) << 24 | static_cast<std::uint32_t>(b[o + 1]) << 16 |
         static_cast<std::uint32_t>(b[o + 2]) << 8 | b[o + 3];
}
std::uint16_t be16(Bytes b, size_t o) { return static_cast<std::uint16_t>(b[o] << 8 | b[o + 1]); }

bool startsWith(Bytes b, size_t at, std::string_view s) {
  return b.size() >= at + s.size() && std::memcmp(b.data() + at, s.data(), s.size()) == 0;
}

std::string tooManyPixels(std::uint64_t w, std::uint64_t h) {
  return "the image is " + std::to_string(w) + "x" + std::to_string(h) +
         " pixels, more than the kiosk will decode; resize it to at most 8000x6000";
}
std::string tooLarge(std::uintmax_t size, const DecodeLimits& limits) {
  return "the image file is " + std::to_string(size >> 20) + " MiB, over the limit of " +
         std::to_string(limits.maxFileBytes >> 20) + " MiB; export a smaller JPEG";
}
const char* const kEmpty = "the image file is empty (0 bytes); copy it again";
const char* const kNotAnImage = "this is not an image the kiosk can read (use JPEG or PNG)";

std::string checkPixels(std::uint64_t w, std::uint64_t h, const DecodeLimits& limits) {
  if (w == 0 || h == 0) return "the image is damaged (its header gives it no pixels); export or copy it again";
  // A side over 65535 (JPEG's own limit) is refused too: 12,000,000 x 4 is few pixels but no photo.
  if (w * h > limits.maxPixels || w > 65535 || h > 65535) return tooManyPixels(w, h);
  return {};
}

//-----------------------------------------------------------------------------
// JPEG headers: size, EXIF orientation and Adobe (inverted CMYK) marker, from the segments
// before the first scan. Every length is checked against the bytes there are.
//-----------------------------------------------------------------------------

struct JpegHeader {
  bool sofFound = false;
  int width = 0, height = 0;
  int orientation = 1;
  bool adobe = false;
};

int exifOrientation(Bytes tiff) {
  if (tiff.size() < 8) return 1;
  const bool little = tiff[0] == 'I' && tiff[1] == 'I';
  if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
  auto u16 = [&](size_t o) -> std::uint32_t {
    return little ? tiff[o] | tiff[o + 1] << 8 : tiff[o] << 8 | tiff[o + 1];
  };
  auto u32 = [&](size_t o) -> std::uint32_t { return little ? u16(o) | u16(o + 2) << 16 : u16(o) << 16 | u16(o + 2); };
  if (u16(2) != 42) return 1;
  const std::uint32_t ifd = u32(4);
  if (ifd > tiff.size() - 2) return 1;
  const std::uint32_t count = u16(ifd);
  for (std::uint32_t i = 0; i < count; ++i) {
    const size_t e = ifd + 2 + static_cast<size_t>(i) * 12;
    if (e + 12 > tiff.size()) return 1;
    if (u16(e) == 0x0112 && u16(e + 2) == 3) { // Orientation, SHORT: the value sits in the entry
      const std::uint32_t v = u16(e + 8);
      return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
    }
  }
  return 1;
}

JpegHeader readJpegHeader(Bytes b) {
  JpegHeader h;
  size_t p = 2; // after SOI
  while (p + 4 <= b.size()) {
    if (b[p] != 0xFF) return h; // not at a marker: damaged; TurboJPEG will say so
    while (p < b.size() && b[p] == 0xFF) ++p; // fill bytes
    if (p >= b.size()) return h;
    const std::uint8_t marker = b[p++];
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no length
    if (marker == 0xD9 || marker == 0xDA) return h;                                      // end, or the first scan
    if (p + 2 > b.size()) return h;
    const size_t len = be16(b, p);
    if (len < 2 || p + len > b.size()) return h;
    const Bytes seg = b.subspan(p + 2, len - 2);
    if (marker == 0xE1 && startsWith(seg, 0, std::string_view("Exif\0\0", 6))) h.orientation = exifOrientation(seg.subspan(6));
    else if (marker == 0xEE && startsWith(seg, 0, "Adobe")) h.adobe = true;
    else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC && seg.size() >= 6) {
      h.sofFound = true;
      h.height = be16(seg, 1);
      h.width = be16(seg, 3);
    }
    p += len;
  }
  return h;
}

//-----------------------------------------------------------------------------
// PNG: stb_image ignores chunk checksums, so a PNG is walked first and every CRC checked. A
// damaged PNG then gets a placeholder and a sentence rather than garbage pixels on screen.
//-----------------------------------------------------------------------------

constexpr std::array<std::uint32_t, 256> makeCrcTable() {
  std::array<std::uint32_t, 256> t{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[n] = c;
  }
  return t;
}
constexpr auto kCrcTable = makeCrcTable();

std::uint32_t crc32(Bytes b) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::uint8_t x : b) c = kCrcTable[(c ^ x) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

const std::uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

// Checks the PNG's structure; with `headerOnly`, stops after IHDR. Returns "" or a sentence.
std::string checkPng(Bytes b, bool headerOnly, std::uint32_t& w, std::uint32_t& h) {
  size_t p = 8;
  bool first = true;
  while (true) {
    if (p + 12 > b.size()) return "the PNG is cut short at byte " + std::to_string(b.size()) + "; copy it again";
    const std::uint32_t len = be32(b, p);
    if (len > 0x7FFFFFFFu) return "the PNG is damaged (a chunk at byte " + std::to_string(p) + " has an impossible length); export it again";
    if (p + 12 + static_cast<size_t>(len) > b.size()) return "the PNG is cut short at byte " + std::to_string(b.size()) + "; copy it again";
    const std::string type(reinterpret_cast<const char*>(b.data() + p + 4), 4);
    if (crc32(b.subspan(p + 4, 4 + static_cast<size_t>(len))) != be32(b, p + 8 + len))
      return "the PNG is damaged (chunk '" + type + "' at byte " + std::to_string(p) + " fails its checksum); export or copy it again";
    if (first) {
      if (type != "IHDR" || len != 13) return "the PNG is damaged (it does not start with a header chunk); export it again";
      w = be32(b, p + 8);
      h = be32(b, p + 12);
      if (headerOnly) return {};
      first = false;
    }
    if (type == "IEND") return {};
    p += 12 + static_cast<size_t>(len);
  }
}

//-----------------------------------------------------------------------------
// Decoding
//-----------------------------------------------------------------------------

struct TjHandle {
  tjhandle h = tjInitDecompress();
  ~TjHandle() {
    if (h) tjDestroy(h);
  }
};

bool opaque(const std::uint8_t* rgba, size_t bytes) {
  for (size_t i = 3; i < bytes; i += 4)
    if (rgba[i] != 255) return false;
  return true;
}

// Scales `src` (sw x sh) to dw x dh with a filtered, gamma-correct resample into `out`: the
// kiosk's own fast bicubic for opaque pictures, stb_image_resize (which weights colour by alpha)
// for the others.
void resample(const std::uint8_t* src, int sw, int sh, int dw, int dh, bool hasAlpha, DecodedImage& out) {
  out.width = dw;
  out.height = dh;
  out.rgba.resize(static_cast<size_t>(dw) * dh * 4);
  if (!hasAlpha) {
    resampleOpaque(src, sw, sh, out.rgba.data(), dw, dh);
    return;
  }
  std::vector<std::uint8_t> halved; // stb_image_resize is slow at large ratios: halve first
  halveToWithinTwice(src, sw, sh, dw, dh, true, halved);
  stbir_resize_uint8_srgb(src, sw, sh, 0, out.rgba.data(), dw, dh, 0, 4, 3, 0);
}

DecodeResult decodeJpeg(Bytes b, const DisplaySize& box, const DecodeLimits& limits) {
  DecodeResult r;
  const JpegHeader head = readJpegHeader(b);
  TjHandle tj;
  if (!tj.h) {
    r.error = "the JPEG decoder could not start (out of memory)";
    return r;
  }
  int w = 0, h = 0, subsamp = 0, colorspace = 0;
  const auto size = static_cast<unsigned long>(b.size());
  if (tjDecompressHeader3(tj.h, b.data(), size, &w, &h, &subsamp, &colorspace) != 0) {
    r.error = std::string("the JPEG is damaged (") + tjGetErrorStr2(tj.h) + "); export or copy it again";
    return r;
  }
  if (r.error = checkPixels(static_cast<std::uint64_t>(w), static_cast<std::uint64_t>(h), limits); !r.ok()) return r;
  const int orientation = head.orientation;
  const bool swap = orientation >= 5;
  const int ow = swap ? h : w, oh = swap ? w : h;
  int fw = 0, fh = 0;
  fitSize(ow, oh, box, limits.maxSide, fw, fh);
  const int rw = swap ? fh : fw, rh = swap ? fw : fh; // the target in the file's own orientation
  tjscalingfactor best{1, 1};
  jpegDecodeScale(w, h, rw, rh, best.num, best.denom);
  const int sw = TJSCALED(w, best), sh = TJSCALED(h, best);
  const bool cmyk = colorspace == TJCS_CMYK || colorspace == TJCS_YCCK;
  std::vector<std::uint8_t> pixels(static_cast<size_t>(sw) * sh * 4);
  const int pf = cmyk ? TJPF_CMYK : TJPF_RGBA;
  if (tjDecompress2(tj.h, b.data(), size, pixels.data(), sw, 0, sh, pf, TJFLAG_LIMITSCANS | TJFLAG_STOPONWARNING) != 0) {
    // STOPONWARNING stops at the first warning. Data cut short is damage (half a picture would
    // show); a harmless warning ("extraneous bytes before marker", left by some editors) is
    // not, and every viewer shows such files: decode again, still limiting scans.
    const std::string why = tjGetErrorStr2(tj.h);
    const bool harmless = tjGetErrorCode(tj.h) == TJERR_WARNING && why.find("Premature end") == std::string::npos &&
                          why.find("Corrupt") == std::string::npos;
    if (!harmless || tjDecompress2(tj.h, b.data(), size, pixels.data(), sw, 0, sh, pf, TJFLAG_LIMITSCANS) != 0) {
      r.error = "the JPEG is damaged or cut short (" + why + "); export or copy it again";
      return r;
    }
  }
  if (cmyk) { // print-shop JPEGs; Adobe's store the inks inverted
    for (size_t i = 0; i < pixels.size(); i += 4) {
      int c = pixels[i], m = pixels[i + 1], y = pixels[i + 2], k = pixels[i + 3];
      if (!head.adobe) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
      pixels[i] = static_cast<std::uint8_t>(c * k / 255);
      pixels[i + 1] = static_cast<std::uint8_t>(m * k / 255);
      pixels[i + 2] = static_cast<std::uint8_t>(y * k / 255);
      pixels[i + 3] = 255;
    }
  }
  if (sw == rw && sh == rh) {
    r.image.width = sw;
    r.image.height = sh;
    r.image.rgba = std::move(pixels);
  } else {
    resample(pixels.data(), sw, sh, rw, rh, false, r.image);
  }
  applyOrientation(r.image, orientation);
  r.image.opaque = true;
  r.image.fileWidth = ow;
  r.image.fileHeight = oh;
  return r;
}

DecodeResult decodeWithStb(Bytes b, ImageFormat format, const DisplaySize& box, const DecodeLimits& limits) {
  DecodeResult r;
  if (format == ImageFormat::Png) { // the size first (a bomb is refused as one), then every chunk
    std::uint32_t pw = 0, ph = 0;
    if (r.error = checkPng(b, true, pw, ph); !r.ok()) return r;
    if (r.error = checkPixels(pw, ph, limits); !r.ok()) return r;
    if (r.error = checkPng(b, false, pw, ph); !r.ok()) return r;
  }
  int w = 0, h = 0, channels = 0;
  if (!stbi_info_from_memory(b.data(), static_cast<int>(b.size()), &w, &h, &channels)) {
    r.error = std::string("the image is damaged (") + stbi_failure_reason() + "); export or copy it again";
    return r;
  }
  if (r.error = checkPixels(static_cast<std::uint64_t>(std::max(w, 0)), static_cast<std::uint64_t>(std::max(h, 0)), limits); !r.ok())
    return r;
  unsigned char* pixels = stbi_load_from_memory(b.data(), static_cast<int>(b.size()), &w, &h, &channels, 4);
  if (!pixels) {
    r.error = std::string("the image is damaged and cannot be decoded (") + stbi_failure_reason() + "); export or copy it again";
    return r;
  }
  int fw = 0, fh = 0;
  fitSize(w, h, box, limits.maxSide, fw, fh);
  try {
    if (fw == w && fh == h) {
      r.image.width = w;
      r.image.height = h;
      r.image.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
    } else {
      const bool hasAlpha = (channels == 2 || channels == 4) && !opaque(pixels, static_cast<size_t>(w) * h * 4);
      resample(pixels, w, h, fw, fh, hasAlpha, r.image);
    }
  } catch (...) {
    stbi_image_free(pixels);
    throw;
  }
  stbi_image_free(pixels);
  r.image.opaque = opaque(r.image.rgba.data(), r.image.rgba.size());
  r.image.fileWidth = w;
  r.image.fileHeight = h;
  return r;
}

std::string posixError(const char* what) { return std::string(what) + " (" + std::strerror(errno) + ")"; }

} // namespace

ImageFormat sniffImageFormat(Bytes b, std::string* unsupported) {
  if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ImageFormat::Jpeg;
  if (b.size() >= 8 && std::equal(kPngSignature, kPngSignature + 8, b.begin())) return ImageFormat::Png;
  if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) return ImageFormat::Gif;
  if (startsWith(b, 0, "BM") && b.size() >= 26) return ImageFormat::Bmp;
  std::string name;
  if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) name = "WebP";
  else if (startsWith(b, 4, "ftypheic") || startsWith(b, 4, "ftypheix") || startsWith(b, 4, "ftypmif1") ||
           startsWith(b, 4, "ftyphevc"))
    name = "HEIC";
  else if (startsWith(b, 4, "ftypavif")) name = "AVIF";
  else if (startsWith(b, 0, "II*") || startsWith(b, 0, std::string_view("MM\0*", 4))) name = "TIFF";
  else if (startsWith(b, 0, std::string_view("\xFF\x0A", 2)) || startsWith(b, 4, "JXL ")) name = "JPEG XL";
  else if (startsWith(b, 0, "%PDF")) name = "PDF";
  else if (startsWith(b, 0, "8BPS")) name = "Photoshop (PSD)";
  else if (startsWith(b, 0, "<svg") || startsWith(b, 0, "<?xml")) name = "SVG";
  if (unsupported) *unsupported = name;
  return ImageFormat::Unknown;
}

int jpegOrientation(Bytes bytes) {
  if (sniffImageFormat(bytes) != ImageFormat::Jpeg) return 1;
  return readJpegHeader(bytes).orientation;
}

void setPixelOrder(DecodedImage& img, PixelOrder order) {
  if (img.order == order) return;
  // Red and blue trade places; green and alpha stay. A word at a time, which the compiler
  // vectorises: about 1 ms for a 1080p picture, on the worker.
  static_assert(std::endian::native == std::endian::little, "bytes 0 and 2 of a word as loaded below");
  std::uint8_t* p = img.rgba.data();
  const std::size_t n = img.rgba.size() / 4;
  for (std::size_t i = 0; i < n; ++i, p += 4) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    w = (w & 0xFF00FF00u) | ((w >> 16) & 0xFFu) | ((w & 0xFFu) << 16);
    std::memcpy(p, &w, 4);
  }
  img.order = order;
}

void applyOrientation(DecodedImage& img, int o) {
  if (o <= 1 || o > 8 || img.rgba.empty()) return;
  const int sw = img.width, sh = img.height;
  const bool swap = o >= 5;
  const int dw = swap ? sh : sw, dh = swap ? sw : sh;
  std::vector<std::uint8_t> out(img.rgba.size());
  const auto* src = reinterpret_cast<const std::uint32_t*>(img.rgba.data());
  auto* dst = reinterpret_cast<std::uint32_t*>(out.data());
  for (int y = 0; y < dh; ++y)
    for (int x = 0; x < dw; ++x) {
      int sx = x, sy = y;
      switch (o) {
        case 2: sx = sw - 1 - x; break;                 // mirrored
        case 3: sx = sw - 1 - x, sy = sh - 1 - y; break; // upside down
        case 4: sy = sh - 1 - y; break;                 // mirrored upside down
        case 5: sx = y, sy = x; break;                  // transposed
        case 6: sx = y, sy = sh - 1 - x; break;         // taken with the camera turned right
        case 7: sx = sw - 1 - y, sy = sh - 1 - x; break; // transversed
        case 8: sx = sw - 1 - y, sy = x; break;         // taken with the camera turned left
      }
      dst[static_cast<size_t>(y) * dw + x] = src[static_cast<size_t>(sy) * sw + sx];
    }
  img.rgba = std::move(out);
  img.width = dw;
  img.height = dh;
}

void jpegDecodeScale(int w, int h, int targetW, int targetH, int& num, int& denom) {
  int count = 0;
  const tjscalingfactor* factors = tjGetScalingFactors(&count);
  tjscalingfactor best{1, 1};
  for (int i = 0; factors && i < count; ++i) {
    const tjscalingfactor f = factors[i];
    if (f.num > f.denom) continue;
    if (TJSCALED(w, f) >= targetW && TJSCALED(h, f) >= targetH && f.num * best.denom < best.num * f.denom) best = f;
  }
  num = best.num;
  denom = best.denom;
}

void fitSize(int w, int h, const DisplaySize& box, int maxSide, int& outW, int& outH) {
  double s = 1.0;
  if (box.width > 0 && box.height > 0) {
    const double sx = static_cast<double>(box.width) / w, sy = static_cast<double>(box.height) / h;
    s = std::min(1.0, box.fit == Fit::Cover ? std::max(sx, sy) : std::min(sx, sy));
  }
  if (maxSide > 0) s = std::min({s, static_cast<double>(maxSide) / w, static_cast<double>(maxSide) / h});
  outW = std::max(1, static_cast<int>(std::ceil(w * s - 1e-6)));
  outH = std::max(1, static_cast<int>(std::ceil(h * s - 1e-6)));
}

DecodeResult decodeImageBytes(Bytes bytes, const DisplaySize& box, const DecodeLimits& limits) {
  DecodeResult r;
  if (bytes.empty()) {
    r.error = kEmpty;
    return r;
  }
  if (bytes.size() > limits.maxFileBytes) {
    r.error = tooLarge(bytes.size(), limits);
    return r;
  }
  std::string unsupported;
  const ImageFormat format = sniffImageFormat(bytes, &unsupported);
  if (format == ImageFormat::Unknown) {
    r.error = unsupported.empty() ? kNotAnImage
                                  : "this is a " + unsupported + " file, which the kiosk cannot show; export it as JPEG or PNG";
    return r;
  }
  try {
    return format == ImageFormat::Jpeg ? decodeJpeg(bytes, box, limits) : decodeWithStb(bytes, format, box, limits);
  } catch (const std::bad_alloc&) {
    r = {};
    r.error = "there was not enough memory to decode the image; export a smaller one";
    return r;
  }
}

std::string probeImageFile(const std::filesystem::path& file, const DecodeLimits& limits) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return posixError("cannot read the image");
  struct stat st {};
  std::vector<std::uint8_t> head;
  std::string error;
  if (::fstat(fd, &st) != 0) error = posixError("cannot read the image");
  else if (!S_ISREG(st.st_mode)) error = "this is not a file; name an image file";
  else if (st.st_size == 0) error = kEmpty;
  else if (static_cast<std::uintmax_t>(st.st_size) > limits.maxFileBytes) error = tooLarge(static_cast<std::uintmax_t>(st.st_size), limits);
  else {
    // Headers sit in the first bytes, after EXIF (at most 64 KiB) and usually the colour
    // profile: 128 KiB holds them in practice, so checking 200 photos at start reads 25 MB, not
    // 1.3 GB. A JPEG whose size is not found there is read whole.
    head.resize(static_cast<size_t>(std::min<off_t>(st.st_size, 128 << 10)));
    if (::pread(fd, head.data(), head.size(), 0) != static_cast<ssize_t>(head.size())) error = posixError("cannot read the image file");
  }
  ::close(fd);
  if (!error.empty()) return error;
  std::string unsupported;
  const ImageFormat format = sniffImageFormat(head, &unsupported);
  if (format == ImageFormat::Unknown)
    return unsupported.empty() ? kNotAnImage : "this is a " + unsupported + " file, which the kiosk cannot show; export it as JPEG or PNG";
  if (format == ImageFormat::Jpeg) {
    JpegHeader h = readJpegHeader(head);
    if (!h.sofFound && head.size() < static_cast<size_t>(st.st_size)) {
      const FileBytes whole = readImageFile(file, limits);
      if (!whole.error.empty()) return whole.error;
      h = readJpegHeader(whole.bytes);
    }
    if (!h.sofFound) return "the JPEG is damaged (it has no picture header); export or copy it again";
    return checkPixels(static_cast<std::uint64_t>(h.width), static_cast<std::uint64_t>(h.height), limits);
  }
  if (format == ImageFormat::Png) {
    std::uint32_t w = 0, h = 0;
    if (std::string e = checkPng(head, true, w, h); !e.empty()) return e;
    return checkPixels(w, h, limits);
  }
  int w = 0, h = 0, channels = 0;
  if (!stbi_info_from_memory(head.data(), static_cast<int>(head.size()), &w, &h, &channels)) return kNotAnImage;
  return checkPixels(static_cast<std::uint64_t>(std::max(w, 0)), static_cast<std::uint64_t>(std::max(h, 0)), limits);
}

FileBytes readImageFile(const std::filesystem::path& file, const DecodeLimits& limits, const std::function<void()>& afterOpen) {
  FileBytes out;
  // The loader resolved every link when it checked the path: a link (or a pipe, which would block
  // a decode thread for good) swapped in since is refused here, never followed.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    out.error = errno == ELOOP ? std::string("the image has been replaced by a link since it was checked; it is read again at the next reload")
                               : posixError("cannot read the image");
    return out;
  }
  struct stat before {};
  if (::fstat(fd, &before) != 0 || !S_ISREG(before.st_mode)) {
    out.error = S_ISREG(before.st_mode) ? posixError("cannot read the image") : "this is not a file; name an image file";
    ::close(fd);
    return out;
  }
  const auto size = static_cast<std::uintmax_t>(before.st_size);
  if (size > limits.maxFileBytes) {
    out.error = tooLarge(size, limits);
    ::close(fd);
    return out;
  }
  if (afterOpen) afterOpen();
  // One byte more than the size: a file that grew while being read is caught here too.
  out.bytes.resize(static_cast<size_t>(size) + 1);
  size_t got = 0;
  while (got < out.bytes.size()) {
    const ssize_t n = ::read(fd, out.bytes.data() + got, out.bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.error = posixError("cannot read the image file");
      ::close(fd);
      return out;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  struct stat after {};
  const bool fstatOk = ::fstat(fd, &after) == 0;
  ::close(fd);
  struct stat now {};
  const bool pathOk = ::stat(file.c_str(), &now) == 0;
  auto sameTime = [](const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; };
  out.changedWhileReading = got != size || !fstatOk || after.st_size != before.st_size ||
                            !sameTime(after.st_mtim, before.st_mtim) || !pathOk || now.st_ino != before.st_ino ||
                            now.st_dev != before.st_dev || now.st_size != before.st_size || !sameTime(now.st_mtim, before.st_mtim);
  out.bytes.resize(std::min(got, static_cast<size_t>(size)));
  if (out.changedWhileReading)
    out.error = "the image file was being changed while the kiosk read it; it is read again once it stops changing";
  return out;
}

FileBytes readImageFileSettled(const std::filesystem::path& file, const DecodeLimits& limits) {
  FileBytes read;
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    read = readImageFile(file, limits);
    if (!read.changedWhileReading) break;
  }
  return read;
}

DecodeResult decodeImageFile(const std::filesystem::path& file, const DisplaySize& box, const DecodeLimits& limits) {
  const FileBytes read = readImageFileSettled(file, limits);
  if (!read.error.empty()) {
    DecodeResult r;
    r.error = read.error;
    return r;
  }
  return decodeImageBytes(read.bytes, box, limits);
}

} // namespace kiosk::media
