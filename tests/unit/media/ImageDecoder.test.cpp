#include "media/DiskCache.h"
#include "media/ImageCheck.h"
#include "media/ImageDecoder.h"
#include "media/ImageLoader.h"

#include "TempFolder.h"

#include <doctest/doctest.h>
#include <stb_image_write.h>
#include <turbojpeg.h>

#include <array>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace kiosk::media;
using kiosk::test::TempFolder;
namespace fs = std::filesystem;

namespace {

using Bytes = std::vector<std::uint8_t>;

std::filesystem::path writePng(const TempFolder& t, const std::string& name, int w, int h, bool alpha = false) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      p[0] = static_cast<unsigned char>(x * 255 / w);
      p[1] = static_cast<unsigned char>(y * 255 / h);
      p[2] = 128;
      p[3] = alpha ? static_cast<unsigned char>(x * 255 / w) : 255;
    }
  const auto path = t.path() / name;
  REQUIRE(stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4));
  return path;
}

// Four quadrants: red top-left, green top-right, blue bottom-left, white bottom-right.
std::vector<std::uint8_t> quadrants(int w, int h) {
  std::vector<std::uint8_t> px(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      const bool right = x >= w / 2, bottom = y >= h / 2;
      const std::uint8_t c[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
      const auto& col = c[(bottom ? 2 : 0) + (right ? 1 : 0)];
      p[0] = col[0], p[1] = col[1], p[2] = col[2], p[3] = 255;
    }
  return px;
}

Bytes encodeJpeg(const std::vector<std::uint8_t>& px, int w, int h, int pixelFormat = TJPF_RGBA, int quality = 90) {
  tjhandle tj = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  REQUIRE(tjCompress2(tj, px.data(), w, 0, h, pixelFormat, &out, &size, TJSAMP_444, quality, 0) == 0);
  Bytes b(out, out + size);
  tjFree(out);
  tjDestroy(tj);
  return b;
}

// Inserts an EXIF APP1 segment holding only an orientation tag, right after SOI.
Bytes withOrientation(Bytes jpeg, int orientation, bool bigEndian) {
  Bytes tiff = bigEndian ? Bytes{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}
                         : Bytes{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  tiff[bigEndian ? 19 : 18] = static_cast<std::uint8_t>(orientation); // the SHORT value, in the file's byte order
  Bytes seg = {0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0};
  seg.insert(seg.end(), tiff.begin(), tiff.end());
  const size_t len = seg.size() - 2;
  seg[2] = static_cast<std::uint8_t>(len >> 8);
  seg[3] = static_cast<std::uint8_t>(len & 0xFF);
  jpeg.insert(jpeg.begin() + 2, seg.begin(), seg.end());
  return jpeg;
}

// A PNG signature and header chunk (with its checksum) for w x h pixels, and nothing after.
Bytes pngHeader(std::uint32_t w, std::uint32_t h) {
  Bytes b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  for (std::uint32_t v : {w, h})
    for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
  b.insert(b.end(), {8, 6, 0, 0, 0});
  std::uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 12; i < b.size(); ++i) {
    c ^= b[i];
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  c ^= 0xFFFFFFFFu;
  for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(c >> s));
  return b;
}

fs::path writeBytes(const TempFolder& t, const std::string& name, const Bytes& b) {
  t.write(name, std::string(b.begin(), b.end()));
  return t.path() / name;
}

Bytes readBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

// The colour at (x, y), compared loosely (JPEG is lossy): 'r', 'g', 'b', 'w' or '?'.
char colourAt(const DecodedImage& img, int x, int y) {
  const std::uint8_t* p = &img.rgba[(static_cast<size_t>(y) * img.width + x) * 4];
  auto hi = [](int v) { return v > 200; };
  auto lo = [](int v) { return v < 60; };
  if (hi(p[0]) && lo(p[1]) && lo(p[2])) return 'r';
  if (lo(p[0]) && hi(p[1]) && lo(p[2])) return 'g';
  if (lo(p[0]) && lo(p[1]) && hi(p[2])) return 'b';
  if (hi(p[0]) && hi(p[1]) && hi(p[2])) return 'w';
  return '?';
}
std::string corners(const DecodedImage& img) {
  const int x1 = img.width - 3, y1 = img.height - 3;
  return {colourAt(img, 2, 2), colourAt(img, x1, 2), colourAt(img, 2, y1), colourAt(img, x1, y1)};
}

const DisplaySize kScreen{1920, 1080, Fit::Contain};

} // namespace

//-----------------------------------------------------------------------------
// Decoding and sizing
//-----------------------------------------------------------------------------

TEST_CASE("[ImageDecoder] a PNG decodes at its size when it fits") {
  TempFolder t;
  const auto r = decodeImageFile(writePng(t, "a.png", 64, 32), kScreen);
  REQUIRE(r.ok());
  CHECK(r.image.width == 64);
  CHECK(r.image.height == 32);
  CHECK(r.image.rgba.size() == 64 * 32 * 4);
  CHECK(r.image.rgba[2] == 128);
  CHECK(r.image.opaque);
}

TEST_CASE("[ImageDecoder] a large image is scaled to fit (contain) or to cover its box, keeping its aspect") {
  TempFolder t;
  const auto file = writePng(t, "big.png", 800, 400, true);
  const auto contain = decodeImageFile(file, {200, 200, Fit::Contain});
  REQUIRE(contain.ok());
  CHECK(contain.image.width == 200);
  CHECK(contain.image.height == 100);
  CHECK_FALSE(contain.image.opaque);
  const auto cover = decodeImageFile(file, {200, 200, Fit::Cover});
  REQUIRE(cover.ok());
  CHECK(cover.image.width == 400);
  CHECK(cover.image.height == 200);
  CHECK(cover.image.fileWidth == 800);
}

TEST_CASE("[ImageDecoder] never larger than the GPU's texture limit, even to cover a box") {
  int w = 0, h = 0;
  fitSize(40000, 100, {1920, 1080, Fit::Cover}, 8192, w, h);
  CHECK(w == 8192);
  CHECK(h <= 100);
  fitSize(100, 50, {1920, 1080, Fit::Cover}, 8192, w, h); // small pictures are never enlarged
  CHECK(w == 100);
  CHECK(h == 50);
}

TEST_CASE("[ImageDecoder] JPEG is decoded at the smallest DCT scale that still covers the display size") {
  int num = 0, den = 0;
  jpegDecodeScale(6000, 4000, 1620, 1080, num, den); // a 24 MP photo for a 1920x1080 screen
  CHECK(num * 8 == 3 * den);                         // 3/8: 2250x1500, not the whole 6000x4000
  jpegDecodeScale(6000, 4000, 1920, 1280, num, den);
  CHECK(num * 8 == 3 * den);
  jpegDecodeScale(6000, 4000, 320, 214, num, den); // a thumbnail: 1/8 is enough
  CHECK(num * 8 == den);
  jpegDecodeScale(1920, 1080, 1920, 1080, num, den); // already the right size
  CHECK(num == den);
}

TEST_CASE("[ImageDecoder] a JPEG decodes with its colours where they belong, scaled to the box") {
  TempFolder t;
  const auto file = writeBytes(t, "q.jpg", encodeJpeg(quadrants(1600, 1200), 1600, 1200));
  const auto r = decodeImageFile(file, {400, 400, Fit::Contain});
  REQUIRE(r.ok());
  CHECK(r.image.width == 400);
  CHECK(r.image.height == 300);
  CHECK(corners(r.image) == "rgbw");
  CHECK(r.image.opaque);
}

TEST_CASE("[ImageDecoder] EXIF orientation turns and mirrors the picture as the camera was held") {
  TempFolder t;
  const Bytes plain = encodeJpeg(quadrants(320, 160), 320, 160);
  // Corners (top-left, top-right, bottom-left, bottom-right) for each orientation 1-8.
  const char* expected[9] = {"", "rgbw", "grwb", "wbgr", "bwrg", "rbgw", "brwg", "wgbr", "gwrb"};
  for (int o = 1; o <= 8; ++o)
    for (bool big : {false, true}) {
      CAPTURE(o);
      CAPTURE(big);
      const Bytes jpeg = withOrientation(plain, o, big);
      CHECK(jpegOrientation(jpeg) == o);
      const auto r = decodeImageBytes(jpeg, {1920, 1080, Fit::Contain});
      REQUIRE(r.ok());
      CHECK(r.image.width == (o >= 5 ? 160 : 320));
      CHECK(r.image.height == (o >= 5 ? 320 : 160));
      CHECK(r.image.fileWidth == r.image.width);
      CHECK(corners(r.image) == expected[o]);
    }
  // A portrait photo (orientation 6) fitted in a landscape box is sized upright, not sideways.
  const auto r = decodeImageBytes(withOrientation(encodeJpeg(quadrants(1200, 800), 1200, 800), 6, false), {600, 600, Fit::Contain});
  REQUIRE(r.ok());
  CHECK(r.image.width == 400);
  CHECK(r.image.height == 600);
  CHECK(jpegOrientation(plain) == 1);
}

TEST_CASE("[ImageDecoder] a CMYK JPEG from a print shop shows its colours") {
  // Adobe CMYK stores inks inverted (255 = none): full magenta and yellow, no cyan or black, is red.
  std::vector<std::uint8_t> cmyk(64 * 64 * 4);
  for (size_t i = 0; i < cmyk.size(); i += 4) cmyk[i] = 255, cmyk[i + 1] = 0, cmyk[i + 2] = 0, cmyk[i + 3] = 255;
  const auto r = decodeImageBytes(encodeJpeg(cmyk, 64, 64, TJPF_CMYK), kScreen);
  REQUIRE(r.ok());
  CHECK(colourAt(r.image, 32, 32) == 'r');
}

//-----------------------------------------------------------------------------
// Bad images: each a sentence for staff, never a crash or a memory blow-up
//-----------------------------------------------------------------------------

TEST_CASE("[ImageDecoder] bad files give a sentence for staff, never a crash") {
  TempFolder t;
  t.write("empty.jpg", "");
  t.write("text.jpg", "this is not an image at all");
  // PNG headers claiming 10000 x 10000 and 100000 x 100000 pixels: decompression bombs.
  writeBytes(t, "bomb.png", pngHeader(10000, 10000));
  writeBytes(t, "huge-bomb.png", pngHeader(100000, 100000));
  // A JPEG whose header says 60000 x 60000 (3.6 gigapixels) in a file of a few hundred bytes.
  Bytes jpegBomb = encodeJpeg(quadrants(16, 16), 16, 16);
  for (size_t i = 2; i + 9 < jpegBomb.size(); ++i)
    if (jpegBomb[i] == 0xFF && jpegBomb[i + 1] == 0xC0) {
      jpegBomb[i + 5] = 0xEA, jpegBomb[i + 6] = 0x60, jpegBomb[i + 7] = 0xEA, jpegBomb[i + 8] = 0x60;
      break;
    }
  writeBytes(t, "bomb.jpg", jpegBomb);
  const auto truncated = writePng(t, "trunc.png", 64, 64);
  fs::resize_file(truncated, fs::file_size(truncated) / 2);
  const Bytes photo = encodeJpeg(quadrants(640, 480), 640, 480);
  writeBytes(t, "trunc.jpg", Bytes(photo.begin(), photo.begin() + static_cast<long>(photo.size() / 2)));
  writeBytes(t, "just-a-header.jpg", Bytes(photo.begin(), photo.begin() + 4));
  // A PNG with one bit flipped inside its pixel data: stb_image alone would show garbage.
  Bytes crc = readBytes(writePng(t, "ok.png", 64, 64));
  for (size_t i = 8; i + 8 < crc.size(); ++i)
    if (std::memcmp(&crc[i], "IDAT", 4) == 0) {
      crc[i + 10] ^= 0x01;
      break;
    }
  writeBytes(t, "crc.png", crc);
  t.write("photo.heic", std::string("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24));
  t.write("photo.webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16));
  t.write("scan.tif", std::string("II*\0\x08\0\0\0", 8));
  fs::create_directories(t.path() / "folder.jpg");
  struct Case {
    std::string file;
    const char* message;
  };
  const Case cases[] = {
      {"empty.jpg", "empty (0 bytes); copy it again"},
      {"text.jpg", "not an image the kiosk can read (use JPEG or PNG)"},
      {"bomb.png", "10000x10000 pixels, more than the kiosk will decode"},
      {"huge-bomb.png", "100000x100000 pixels, more than the kiosk will decode"},
      {"bomb.jpg", "60000x60000 pixels, more than the kiosk will decode"},
      {"trunc.png", "cut short"},
      {"trunc.jpg", "the JPEG is damaged or cut short"},
      {"just-a-header.jpg", "damaged"},
      {"crc.png", "chunk 'IDAT' at byte"},
      {"photo.heic", "this is a HEIC file, which the kiosk cannot show; export it as JPEG or PNG"},
      {"photo.webp", "this is a WebP file"},
      {"scan.tif", "this is a TIFF file"},
      {"missing.png", "cannot read the image"},
      {"folder.jpg", "this is not a file"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const auto r = decodeImageFile(t.path() / c.file, kScreen);
    CHECK_FALSE(r.ok());
    CHECK(r.error.find(c.message) != std::string::npos);
    CHECK(r.image.rgba.empty());
  }
  // The header check alone catches what needs no decoding.
  for (const char* file : {"empty.jpg", "text.jpg", "bomb.png", "bomb.jpg", "photo.heic", "missing.png", "folder.jpg"}) {
    CAPTURE(file);
    CHECK_FALSE(probeImageFile(t.path() / file).empty());
  }
}

TEST_CASE("[ImageDecoder] a file over the size limit is refused before it is read") {
  TempFolder t;
  const auto file = writePng(t, "a.png", 64, 64);
  DecodeLimits small;
  small.maxFileBytes = 100;
  const auto r = decodeImageFile(file, kScreen, small);
  CHECK(r.error.find("over the limit") != std::string::npos);
  CHECK(probeImageFile(file, small).find("over the limit") != std::string::npos);
}

TEST_CASE("[ImageDecoder] a file replaced while it is being read is noticed, not decoded half old half new") {
  TempFolder t;
  const auto file = writePng(t, "a.png", 64, 64);
  const Bytes other = encodeJpeg(quadrants(200, 100), 200, 100);
  SUBCASE("overwritten in place (staff copying over it)") {
    const auto r = readImageFile(file, {}, [&] {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(other.data()), 100); // the copy has only begun
    });
    CHECK(r.changedWhileReading);
    CHECK(r.error.find("being changed while the kiosk read it") != std::string::npos);
  }
  SUBCASE("replaced by a rename (an atomic save)") {
    writeBytes(t, "new.jpg", other);
    const auto r = readImageFile(file, {}, [&] { fs::rename(t.path() / "new.jpg", file); });
    CHECK(r.changedWhileReading);
  }
  SUBCASE("left alone") {
    const auto r = readImageFile(file, {}, [] {});
    CHECK_FALSE(r.changedWhileReading);
    CHECK(r.error.empty());
    CHECK(r.bytes == readBytes(file));
  }
}

TEST_CASE("[ImageDecoder] probing reads only the header and agrees with decoding") {
  TempFolder t;
  CHECK(probeImageFile(writePng(t, "ok.png", 32, 32)).empty());
  CHECK(probeImageFile(writeBytes(t, "ok.jpg", withOrientation(encodeJpeg(quadrants(64, 64), 64, 64), 6, false))).empty());
  // A JPEG whose frame header comes after 192 KiB of comments (as after a large colour profile):
  // the probe reads on until it finds it.
  Bytes late = encodeJpeg(quadrants(64, 64), 64, 64);
  for (int i = 0; i < 3; ++i) {
    Bytes com = {0xFF, 0xFE, 0xFF, 0xFF};
    com.resize(65535 + 2, 'x');
    late.insert(late.begin() + 2, com.begin(), com.end());
  }
  CHECK(probeImageFile(writeBytes(t, "late.jpg", late)).empty());
  // ...and a JPEG with no frame header at all is damaged, not "too many pixels".
  Bytes headless(late.begin(), late.begin() + 2 + 3 * (65535 + 2));
  CHECK(probeImageFile(writeBytes(t, "headless.jpg", headless)).find("it has no picture header") != std::string::npos);
}

TEST_CASE("[ImageCheck] every unusable picture is reported at the line that names it") {
  TempFolder t;
  t.write("text.jpg", "this is not an image at all");
  kiosk::Content content;
  kiosk::Section s;
  s.hasCover = true;
  s.cover.file = writePng(t, "cover.png", 8, 8);
  s.cover.exists = true;
  kiosk::Item item;
  kiosk::ImageRef bad;
  bad.file = t.path() / "text.jpg";
  bad.exists = true;
  bad.displayPath = "content/text.jpg";
  bad.namedIn = "content/sections/01-a/01-b.toml";
  bad.line = 7;
  bad.column = 8;
  item.images = {bad, bad}; // named twice, reported once
  s.items.push_back(item);
  content.sections.push_back(s);
  const auto diags = kiosk::media::checkContentImages(content);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].format().rfind("content/sections/01-a/01-b.toml:7:8: error: image 'content/text.jpg': this is not an image", 0) == 0);
}

//-----------------------------------------------------------------------------
// Content hash and disk cache
//-----------------------------------------------------------------------------

TEST_CASE("[DiskCache] the content hash tells every byte change apart") {
  Bytes b(1000);
  for (size_t i = 0; i < b.size(); ++i) b[i] = static_cast<std::uint8_t>(i * 7);
  const ContentHash h = hashBytes(b);
  CHECK(hashBytes(b) == h);
  for (size_t i : {0u, 31u, 32u, 500u, 999u}) {
    Bytes c = b;
    c[i] ^= 1;
    CHECK_FALSE(hashBytes(c) == h);
  }
  // Lengths differing only by trailing zeros differ too.
  CHECK_FALSE(hashBytes(Bytes(31, 0)) == hashBytes(Bytes(32, 0)));
  CHECK_FALSE(hashBytes(Bytes(0)) == hashBytes(Bytes(1, 0)));
  CHECK(h.hex().size() == 32);
}

TEST_CASE("[DiskCache] the content hash is BLAKE2b-128, which no padded picture can steer") {
  const Bytes abc = {'a', 'b', 'c'};
  // hashlib.blake2b(b"abc", digest_size=16): cf4ab791c62b8d2b2109c90275287816, read little-endian.
  CHECK(hashBytes(abc).hex() == "2b8d2bc691b74acf1678287502c90921");
}

TEST_CASE("[DiskCache] stores display-sized pictures and gives them back, and damaged entries are rebuilt") {
  TempFolder t;
  DiskCache cache(t.path() / "cache", 64u << 20);
  REQUIRE(cache.usable());
  const Bytes original = encodeJpeg(quadrants(800, 600), 800, 600);
  const ContentHash key = hashBytes(original);
  const DisplaySize box{400, 300, Fit::Cover};
  CHECK_FALSE(cache.lookup(key, original.size(), box).has_value());

  const auto decoded = decodeImageBytes(original, box);
  REQUIRE(decoded.ok());
  cache.store(key, original.size(), box, decoded.image);
  const auto hit = cache.lookup(key, original.size(), box);
  REQUIRE(hit.has_value());
  CHECK(hit->width == decoded.image.width);
  CHECK(hit->height == decoded.image.height);
  CHECK(hit->fileWidth == 800);
  CHECK(corners(*hit) == "rgbw");
  // Another size, or other bytes, is another entry.
  CHECK_FALSE(cache.lookup(key, original.size(), {200, 150, Fit::Cover}).has_value());
  Bytes edited = original;
  edited[edited.size() / 2] ^= 0x10;
  CHECK_FALSE(cache.lookup(hashBytes(edited), edited.size(), box).has_value());

  // A picture with transparency is kept exactly.
  DecodedImage alpha;
  alpha.width = 3;
  alpha.height = 2;
  alpha.opaque = false;
  alpha.rgba = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24};
  cache.store(key, 1, box, alpha);
  const auto alphaHit = cache.lookup(key, 1, box);
  REQUIRE(alphaHit.has_value());
  CHECK(alphaHit->rgba == alpha.rgba);

  // Damage every entry (cut short, or one byte changed): each is a miss, deleted, and counted.
  int damaged = 0;
  for (const auto& e : fs::directory_iterator(t.path() / "cache")) {
    Bytes b = readBytes(e.path());
    if (damaged++ % 2 == 0) b.resize(b.size() / 2);
    else b[b.size() - 3] ^= 0xFF;
    std::ofstream(e.path(), std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(b.data()), static_cast<long>(b.size()));
  }
  CHECK(damaged == 2);
  CHECK_FALSE(cache.lookup(key, original.size(), box).has_value());
  CHECK_FALSE(cache.lookup(key, 1, box).has_value());
  CHECK(cache.stats().damaged == 2);
  CHECK(fs::is_empty(t.path() / "cache"));
}

TEST_CASE("[DiskCache] an entry whose header claims a huge picture is damaged, and nothing that size is allocated") {
  // Security review K17: a 48-byte entry with a valid payload checksum used to make lookup
  // allocate width x height x 4 bytes (16 GiB at 65535 x 65535) before the payload was compared.
  TempFolder t;
  const DisplaySize box{400, 300, Fit::Cover};
  DecodedImage alpha;
  alpha.width = 3;
  alpha.height = 2;
  alpha.opaque = false;
  alpha.rgba.assign(24, 7);
  for (std::uint32_t side : {65535u, 8193u, 8192u}) {
    CAPTURE(side);
    const fs::path dir = t.path() / ("cache-" + std::to_string(side));
    DiskCache cache(dir, 64u << 20);
    REQUIRE(cache.usable());
    const std::uintmax_t originalBytes = 100;
    cache.store(ContentHash{1, 2}, originalBytes, box, alpha);
    REQUIRE(cache.lookup(ContentHash{1, 2}, originalBytes, box).has_value());
    REQUIRE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    const fs::path entry = fs::directory_iterator(dir)->path();
    Bytes b = readBytes(entry);
    REQUIRE(b.size() == 48 + 24);
    std::memcpy(b.data() + 8, &side, 4); // width
    std::memcpy(b.data() + 12, &side, 4); // height
    std::ofstream(entry, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(b.data()), static_cast<long>(b.size()));
    CHECK_FALSE(cache.lookup(ContentHash{1, 2}, originalBytes, box).has_value());
    CHECK_FALSE(fs::exists(entry));
    CHECK(cache.stats().damaged == 1);
  }
}

TEST_CASE("[DiskCache] trimming deletes the least recently used entries past the size limit, and nothing else") {
  TempFolder t;
  const fs::path dir = t.path() / "cache";
  DiskCache cache(dir, 1u << 20); // 1 MiB
  t.write("cache/notes.txt", "not the kiosk's: never deleted");
  DecodedImage img;
  img.width = 256;
  img.height = 256;
  img.opaque = false; // raw: 256 KiB each
  img.rgba.assign(256 * 256 * 4, 7);
  for (int i = 0; i < 6; ++i) {
    cache.store(ContentHash{static_cast<std::uint64_t>(i), 0}, 1, kScreen, img);
    // Entries age in order of storing.
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().filename().string().starts_with(ContentHash{static_cast<std::uint64_t>(i), 0}.hex()))
        fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::minutes(60 - i));
  }
  cache.trim();
  std::uintmax_t total = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".kimg") total += fs::file_size(e.path());
  CHECK(total <= (1u << 20));
  CHECK(fs::exists(dir / "notes.txt"));
  CHECK(cache.lookup(ContentHash{5, 0}, 1, kScreen).has_value());  // the newest stays
  CHECK_FALSE(cache.lookup(ContentHash{0, 0}, 1, kScreen).has_value()); // the oldest went
}

TEST_CASE("[DiskCache] a cache folder that cannot be made is reported, and the kiosk decodes without it") {
  TempFolder t;
  t.write("file", "x");
  DiskCache cache(t.path() / "file" / "cache", 1u << 20);
  CHECK_FALSE(cache.usable());
  CHECK(cache.problem().find("cannot create the image cache folder") != std::string::npos);
  CHECK_FALSE(cache.lookup(ContentHash{1, 1}, 1, kScreen).has_value());
}

//-----------------------------------------------------------------------------
// Workers
//-----------------------------------------------------------------------------

namespace {

std::vector<LoadedImage> waitFor(ImageLoader& loader, size_t count) {
  std::vector<LoadedImage> done;
  const auto start = std::chrono::steady_clock::now();
  while (done.size() < count && std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
    for (auto& d : loader.poll()) done.push_back(std::move(d));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done;
}

} // namespace

TEST_CASE("[ImageLoader] decodes on workers and hands results over by polling") {
  TempFolder t;
  ImageLoader loader(2);
  loader.request({writePng(t, "a.png", 16, 16), {100, 100}});
  loader.request({t.path() / "missing.png", {100, 100}});
  const auto done = waitFor(loader, 2);
  REQUIRE(done.size() == 2);
  CHECK(loader.pending() == 0);
  int ok = 0;
  for (const auto& d : done) ok += d.result.ok();
  CHECK(ok == 1);
}

TEST_CASE("[ImageLoader] what is on screen is decoded before prefetches, and cancelled requests never are") {
  TempFolder t;
  const auto file = writeBytes(t, "p.jpg", encodeJpeg(quadrants(1200, 900), 1200, 900));
  ImageLoader loader(1);
  for (std::uint64_t i = 1; i <= 6; ++i) loader.request({file, {1200, 900}, Priority::Prefetch, i});
  loader.request({file, {100, 100}, Priority::Visible, 100});
  CHECK(loader.cancel(6));
  CHECK_FALSE(loader.cancel(6));
  loader.promote(5);
  const auto done = waitFor(loader, 6);
  REQUIRE(done.size() == 6);
  // The one worker may already have started the first prefetch; the visible request comes next.
  size_t visibleAt = 0, promotedAt = 0;
  for (size_t i = 0; i < done.size(); ++i) {
    if (done[i].request.ticket == 100) visibleAt = i;
    if (done[i].request.ticket == 5) promotedAt = i;
    CHECK(done[i].request.ticket != 6);
  }
  CHECK(visibleAt <= 1);
  CHECK(promotedAt <= 2);
}

// The nice value of this process's thread named `name`, read from /proc (-100 when none is).
static int niceOfThread(const std::string& name) {
  for (const auto& task : fs::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string n;
    std::getline(comm, n);
    if (n != name) continue;
    std::ifstream stat(task.path() / "stat");
    std::string line;
    std::getline(stat, line);
    // Fields after the ")" that ends the name: state is field 3, nice field 19.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && rest >> field; ++i) {
    }
    return std::stoi(field);
  }
  return -100;
}

TEST_CASE("[ImageLoader] prefetches are decoded below the frame loop's priority, pictures on screen at it") {
  TempFolder t;
  const auto file = writeBytes(t, "p.jpg", encodeJpeg(quadrants(1200, 900), 1200, 900));
  const int own = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()));
  ImageLoader loader(1);
  loader.request({file, {600, 450}, Priority::Prefetch, 1});
  loader.request({file, {300, 225}, Priority::Visible, 2});
  const auto done = waitFor(loader, 2);
  REQUIRE(done.size() == 2);
  for (const auto& d : done)
    CHECK(d.result.ok());
  CHECK(niceOfThread("kiosk-prefetch") == std::min(19, own + ImageLoader::kPrefetchNice));
  CHECK(niceOfThread("kiosk-decode") == own);
}

TEST_CASE("[ImageLoader] workers pause while finished pictures wait, so decoded pixels never pile up") {
  TempFolder t;
  const auto file = writePng(t, "a.png", 64, 64);
  ImageLoader loader(2, nullptr, 2);
  for (std::uint64_t i = 1; i <= 8; ++i) loader.request({file, {64, 64}, Priority::Visible, i});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(loader.poll().size() == 2); // at most two waited, although eight were asked for
  CHECK(waitFor(loader, 6).size() == 6);
}

TEST_CASE("[ImageLoader] with a disk cache, the second start serves the display-sized picture from it") {
  TempFolder t;
  const auto file = writeBytes(t, "p.jpg", encodeJpeg(quadrants(1600, 1200), 1600, 1200));
  for (int run = 0; run < 2; ++run) {
    CAPTURE(run);
    auto cache = std::make_shared<DiskCache>(t.path() / "cache", 64u << 20);
    ImageLoader loader(2, cache);
    loader.request({file, {400, 300, Fit::Cover}, Priority::Visible, 1});
    const auto done = waitFor(loader, 1);
    REQUIRE(done.size() == 1);
    REQUIRE(done[0].result.ok());
    CHECK(done[0].fromDiskCache == (run == 1));
    CHECK(done[0].result.image.width == 400);
    CHECK(corners(done[0].result.image) == "rgbw");
  }
  // Staff replace the picture: the new bytes miss the cache and are decoded.
  writeBytes(t, "p.jpg", encodeJpeg(quadrants(800, 600), 800, 600, TJPF_RGBA, 70));
  auto cache = std::make_shared<DiskCache>(t.path() / "cache", 64u << 20);
  ImageLoader loader(1, cache);
  loader.request({file, {400, 300, Fit::Cover}, Priority::Visible, 1});
  const auto done = waitFor(loader, 1);
  REQUIRE(done.size() == 1);
  CHECK_FALSE(done[0].fromDiskCache);
}

TEST_CASE("[ImageLoader] pictures are handed over in the order asked for, and the disk cache keeps RGBA") {
  TempFolder t;
  const auto file = writeBytes(t, "p.jpg", encodeJpeg(quadrants(1600, 1200), 1600, 1200));
  const DisplaySize box{400, 300, Fit::Cover};
  auto load = [&](PixelOrder order) {
    ImageLoader loader(1, std::make_shared<DiskCache>(t.path() / "cache", 64u << 20), 3, {}, order);
    loader.request({file, box, Priority::Visible, 1});
    auto done = waitFor(loader, 1);
    REQUIRE(done.size() == 1);
    REQUIRE(done[0].result.ok());
    return std::move(done[0]);
  };
  for (int run = 0; run < 2; ++run) { // decoded, then from the cache
    CAPTURE(run);
    LoadedImage got = load(PixelOrder::Bgra);
    CHECK(got.fromDiskCache == (run == 1));
    CHECK(got.result.image.order == PixelOrder::Bgra);
    CHECK(corners(got.result.image) == "bgrw"); // red and blue trade places; green and white stay
    setPixelOrder(got.result.image, PixelOrder::Rgba);
    CHECK(got.result.image.order == PixelOrder::Rgba);
    CHECK(corners(got.result.image) == "rgbw");
  }
  const LoadedImage rgba = load(PixelOrder::Rgba); // what the cache holds was never reordered
  CHECK(rgba.fromDiskCache);
  CHECK(rgba.result.image.order == PixelOrder::Rgba);
  CHECK(corners(rgba.result.image) == "rgbw");
}

TEST_CASE("[ImageDecoder] setPixelOrder swaps red and blue of every pixel, and only when the order changes") {
  DecodedImage img;
  img.width = 3;
  img.height = 1;
  img.rgba = {1, 2, 3, 4, 10, 20, 30, 40, 255, 0, 128, 7};
  setPixelOrder(img, PixelOrder::Rgba); // already
  CHECK(img.rgba == std::vector<std::uint8_t>{1, 2, 3, 4, 10, 20, 30, 40, 255, 0, 128, 7});
  setPixelOrder(img, PixelOrder::Bgra);
  CHECK(img.order == PixelOrder::Bgra);
  CHECK(img.rgba == std::vector<std::uint8_t>{3, 2, 1, 4, 30, 20, 10, 40, 128, 0, 255, 7});
  setPixelOrder(img, PixelOrder::Bgra); // again: nothing
  CHECK(img.rgba[0] == 3);
  setPixelOrder(img, PixelOrder::Rgba);
  CHECK(img.rgba == std::vector<std::uint8_t>{1, 2, 3, 4, 10, 20, 30, 40, 255, 0, 128, 7});
}

TEST_CASE("[ImageLoader] an original unchanged since it was hashed is served from the disk cache without reading it") {
  TempFolder t;
  const Bytes jpeg = encodeJpeg(quadrants(1600, 1200), 1600, 1200);
  const auto file = writeBytes(t, "p.jpg", jpeg);
  const DisplaySize box{400, 300, Fit::Cover};
  auto load = [&](std::uint64_t& indexHits) {
    auto cache = std::make_shared<DiskCache>(t.path() / "cache", 64u << 20); // a new start: the index from disk
    LoadedImage got;
    {
      ImageLoader loader(1, cache);
      loader.request({file, box, Priority::Visible, 1});
      auto done = waitFor(loader, 1);
      REQUIRE(done.size() == 1);
      got = std::move(done[0]);
    }
    indexHits = cache->stats().indexHits;
    return got;
  };
  std::uint64_t hits = 0;
  const LoadedImage first = load(hits);
  REQUIRE(first.result.ok());
  CHECK_FALSE(first.fromDiskCache);
  CHECK(hits == 0);
  CHECK(fs::exists(t.path() / "cache" / "index-v1.txt"));
  const LoadedImage second = load(hits);
  CHECK(second.fromDiskCache);
  CHECK(hits == 1);

  // The proof that it is not read: the bytes are overwritten in place (same inode, same size)
  // with zeros and the old time stamp put back. Reading them would fail to decode; the index
  // serves the old picture instead. This is the accepted trade-off (as make and rsync): size,
  // time and inode unchanged means unchanged.
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  {
    std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
    const std::string zeros(jpeg.size(), '\0');
    out.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  const struct timespec times[2] = {st.st_atim, st.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
  struct stat after {};
  REQUIRE(::stat(file.c_str(), &after) == 0);
  REQUIRE(after.st_ino == st.st_ino);
  const LoadedImage faked = load(hits);
  CHECK(faked.fromDiskCache);
  CHECK(hits == 1);
  CHECK(corners(faked.result.image) == "rgbw");

  // Any change of time (or size, or inode) and the file is read and hashed as before: the
  // zeros miss the cache and are reported as the bad picture they are.
  const struct timespec later[2] = {st.st_atim, {st.st_mtim.tv_sec + 1, st.st_mtim.tv_nsec}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), later, 0) == 0);
  const LoadedImage changed = load(hits);
  CHECK_FALSE(changed.fromDiskCache);
  CHECK(hits == 0);
  CHECK_FALSE(changed.result.ok());
}

TEST_CASE("[DiskCache] the index survives restarts, forgets changed files, and shrugs off a damaged index file") {
  TempFolder t;
  const auto file = writeBytes(t, "a.jpg", Bytes(100, 7));
  const auto id = FileIdentity::of(file);
  REQUIRE(id);
  CHECK(id->size == 100);
  const ContentHash h = hashBytes(Bytes(100, 7));
  {
    DiskCache cache(t.path() / "cache", 1u << 20);
    CHECK_FALSE(cache.knownHash(file, *id));
    cache.remember(file, *id, h);
    CHECK(cache.knownHash(file, *id) == h);
  }
  {
    DiskCache cache(t.path() / "cache", 1u << 20);
    CHECK(cache.knownHash(file, *id) == h);
    FileIdentity other = *id;
    other.mtimeNs += 1;
    CHECK_FALSE(cache.knownHash(file, other));
    other = *id;
    other.inode += 1;
    CHECK_FALSE(cache.knownHash(file, other));
    CHECK_FALSE(cache.knownHash(t.path() / "b.jpg", *id));
  }
  // Garbage lines are skipped; the good line after them still counts.
  const std::string good = [&] {
    std::ifstream in(t.path() / "cache" / "index-v1.txt");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  t.write("cache/index-v1.txt", "nonsense\n\xff\xfe 12 x\n" + good);
  DiskCache cache(t.path() / "cache", 1u << 20);
  CHECK(cache.knownHash(file, *id) == h);
  CHECK_FALSE(FileIdentity::of(t.path() / "missing.jpg"));
  CHECK_FALSE(FileIdentity::of(t.path()));
}

//-----------------------------------------------------------------------------
// Resampling
//-----------------------------------------------------------------------------

#include "media/Resample.h"

#include <stb_image_resize.h>

TEST_CASE("[Resample] keeps flat colour exact and agrees with stb_image_resize on a photo-like picture") {
  const int sw = 900, sh = 600;
  std::vector<std::uint8_t> flat(static_cast<size_t>(sw) * sh * 4);
  for (size_t i = 0; i < flat.size(); i += 4) flat[i] = 200, flat[i + 1] = 90, flat[i + 2] = 17, flat[i + 3] = 255;
  for (auto size : {std::pair{768, 512}, std::pair{100, 67}, std::pair{1800, 1200}, std::pair{1, 1}}) {
    const int dw = size.first, dh = size.second; // not a structured binding: clang 14 cannot CAPTURE one
    CAPTURE(dw);
    std::vector<std::uint8_t> out(static_cast<size_t>(dw) * dh * 4);
    resampleOpaque(flat.data(), sw, sh, out.data(), dw, dh);
    size_t wrong = 0;
    for (size_t i = 0; i < out.size(); i += 4)
      wrong += out[i] != 200 || out[i + 1] != 90 || out[i + 2] != 17 || out[i + 3] != 255;
    CHECK(wrong == 0);
  }
  // Detail at every scale: gradients, stripes and a checkerboard.
  std::vector<std::uint8_t> photo(flat.size());
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) {
      std::uint8_t* p = &photo[(static_cast<size_t>(y) * sw + x) * 4];
      p[0] = static_cast<std::uint8_t>(x * 255 / sw);
      p[1] = static_cast<std::uint8_t>(((x / 3) % 2) * 200 + 20);
      p[2] = static_cast<std::uint8_t>(((x / 16 + y / 16) % 2) * 255);
      p[3] = 255;
    }
  const int dw = 768, dh = 512;
  std::vector<std::uint8_t> ours(static_cast<size_t>(dw) * dh * 4), stb(ours.size());
  resampleOpaque(photo.data(), sw, sh, ours.data(), dw, dh);
  stbir_resize_uint8_srgb(photo.data(), sw, sh, 0, stb.data(), dw, dh, 0, 4, STBIR_ALPHA_CHANNEL_NONE, 0);
  double sum = 0;
  for (size_t i = 0; i < ours.size(); ++i) sum += std::abs(ours[i] - stb[i]);
  // Same filter family, both in linear light; Catmull-Rom is a little sharper than stb's Mitchell
  // on the 3-pixel stripes, hence not identical.
  CHECK(sum / static_cast<double>(ours.size()) < 3.0);
  // Gamma-correct: 1-pixel black and white stripes average to the light of mid-grey (188), not
  // to byte 128.
  std::vector<std::uint8_t> stripes(static_cast<size_t>(64) * 64 * 4);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x)
      for (int c = 0; c < 4; ++c) stripes[(static_cast<size_t>(y) * 64 + x) * 4 + c] = (x % 2 || c == 3) ? 255 : 0;
  std::vector<std::uint8_t> half(static_cast<size_t>(16) * 16 * 4);
  resampleOpaque(stripes.data(), 64, 64, half.data(), 16, 16);
  CHECK(half[(8 * 16 + 8) * 4] == doctest::Approx(188).epsilon(0.03));
}

TEST_CASE("[Resample] a picture narrower than the filter, and extreme reductions, stay in bounds") {
  // 3x2000 to a tall box and 4000x3 to a thumbnail: every source pixel read is inside the picture
  // (AddressSanitizer in the fuzz build would say otherwise), and the colour is kept.
  for (auto c : {std::array{3, 2000, 2, 1080}, std::array{4000, 3, 64, 2}, std::array{5000, 5000, 7, 9}}) {
    const int sw = c[0], sh = c[1], dw = c[2], dh = c[3]; // not a structured binding: clang 14 cannot CAPTURE one
    CAPTURE(sw);
    std::vector<std::uint8_t> src(static_cast<size_t>(sw) * sh * 4, 0);
    for (size_t i = 0; i < src.size(); i += 4) src[i] = 180, src[i + 3] = 255;
    std::vector<std::uint8_t> out(static_cast<size_t>(dw) * dh * 4);
    resampleOpaque(src.data(), sw, sh, out.data(), dw, dh);
    size_t wrong = 0;
    for (size_t i = 0; i < out.size(); i += 4) wrong += out[i] != 180 || out[i + 1] != 0 || out[i + 3] != 255;
    CHECK(wrong == 0);
  }
}

TEST_CASE("[ImageDecoder] a picture with a side over 65535 pixels is refused, however few its pixels") {
  TempFolder t;
  // 12,000,000 x 4: under 50 megapixels, but no photo, and its scratch rows would take gigabytes.
  std::vector<std::uint8_t> b = pngHeader(12'000'000, 4);
  b.insert(b.end(), {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82});
  const auto r = decodeImageBytes(b, kScreen);
  CHECK(r.error.find("12000000x4 pixels, more than the kiosk will decode") != std::string::npos);
}

TEST_CASE("[ImageDecoder] hostile EXIF (offsets past the end, huge counts) is ignored, never read out of bounds") {
  const Bytes plain = encodeJpeg(quadrants(32, 16), 32, 16);
  for (std::uint8_t b : {0x00, 0x7F, 0xFF}) {
    Bytes jpeg = withOrientation(plain, 6, false);
    // The IFD offset (bytes 4-7 of the TIFF header, after SOI + APP1 header + "Exif\0\0").
    const size_t tiff = 2 + 4 + 6;
    for (size_t i = 4; i < 8; ++i) jpeg[tiff + i] = b;
    CHECK(jpegOrientation(jpeg) >= 1);
    Bytes counted = withOrientation(plain, 6, false);
    counted[tiff + 8] = 0xFF, counted[tiff + 9] = 0xFF; // 65535 entries in a 26-byte block:
    CHECK(jpegOrientation(counted) == 6);                // the one inside it is read, no further
    CHECK(decodeImageBytes(counted, kScreen).ok());
  }
}
