#include "media/ImageCheck.h"
#include "media/ImageDecoder.h"
#include "media/ImageLoader.h"

#include "TempFolder.h"

#include <doctest/doctest.h>
#include <stb_image_write.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace kiosk::media;
using kiosk::test::TempFolder;

namespace {

std::filesystem::path writePng(const TempFolder& t, const std::string& name, int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      p[0] = static_cast<unsigned char>(x * 255 / w);
      p[1] = static_cast<unsigned char>(y * 255 / h);
      p[2] = 128;
      p[3] = 255;
    }
  const auto path = t.path() / name;
  REQUIRE(stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4));
  return path;
}

} // namespace

TEST_CASE("[ImageDecoder] a PNG decodes at its size when it fits") {
  TempFolder t;
  const auto r = decodeImageFile(writePng(t, "a.png", 64, 32), 1920, 1080);
  REQUIRE(r.ok());
  CHECK(r.image.width == 64);
  CHECK(r.image.height == 32);
  CHECK(r.image.rgba.size() == 64 * 32 * 4);
  CHECK(r.image.rgba[2] == 128);
}

TEST_CASE("[ImageDecoder] a large image is scaled down to fit the display, keeping its aspect") {
  TempFolder t;
  const auto r = decodeImageFile(writePng(t, "big.png", 800, 400), 200, 200);
  REQUIRE(r.ok());
  CHECK(r.image.width == 200);
  CHECK(r.image.height == 100);
}

TEST_CASE("[ImageDecoder] bad files give a sentence for staff, never a crash") {
  TempFolder t;
  t.write("empty.jpg", "");
  t.write("text.jpg", "this is not an image at all");
  // PNG headers claiming 10000 x 10000 and 100000 x 100000 pixels: decompression bombs.
  std::string bomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x27\x10\0\0\x27\x10\x08\x06\0\0\0\0\0\0\0", 33);
  t.write("bomb.png", bomb);
  std::string hugeBomb("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x06\0\0\0\0\0\0\0", 33);
  t.write("huge-bomb.png", hugeBomb);
  const auto truncated = writePng(t, "trunc.png", 64, 64);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(truncated) / 2);
  struct Case {
    std::string file;
    const char* message;
  };
  const Case cases[] = {
      {"empty.jpg", "empty"},
      {"text.jpg", "not an image"},
      {"bomb.png", "more than the kiosk will decode"},
      {"huge-bomb.png", "more than the kiosk will decode"},
      {"trunc.png", "damaged"},
      {"missing.png", "cannot read"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const auto r = decodeImageFile(t.path() / c.file, 1920, 1080);
    CHECK_FALSE(r.ok());
    CHECK(r.error.find(c.message) != std::string::npos);
    CHECK(r.image.rgba.empty());
  }
}

TEST_CASE("[ImageDecoder] probing reads only the header and agrees with decoding") {
  TempFolder t;
  t.write("text.jpg", "this is not an image at all");
  CHECK(probeImageFile(writePng(t, "ok.png", 32, 32)).empty());
  CHECK(probeImageFile(t.path() / "text.jpg").find("not an image") != std::string::npos);
  CHECK(probeImageFile(t.path() / "none.jpg").find("cannot read") != std::string::npos);
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

TEST_CASE("[ImageLoader] decodes on workers and hands results over by polling") {
  TempFolder t;
  ImageLoader loader(2);
  loader.request({writePng(t, "a.png", 16, 16), 100, 100});
  loader.request({t.path() / "missing.png", 100, 100});
  std::vector<LoadedImage> done;
  const auto start = std::chrono::steady_clock::now();
  while (done.size() < 2 && std::chrono::steady_clock::now() - start < std::chrono::seconds(10)) {
    for (auto& d : loader.poll()) done.push_back(std::move(d));
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(done.size() == 2);
  CHECK(loader.pending() == 0);
  int ok = 0;
  for (const auto& d : done) ok += d.result.ok();
  CHECK(ok == 1);
}
