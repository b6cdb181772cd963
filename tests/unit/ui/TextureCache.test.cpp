// TextureCache with a fake GPU: budget, eviction, sliced uploads, fallback sizes, cancelling,
// reloads and failures, with real decodes on the real workers.
#include "ui/TextureCache.h"

#include "TempFolder.h"

#include <doctest/doctest.h>
#include <stb_image_write.h>

#include <chrono>
#include <map>
#include <thread>

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::test::TempFolder;
using media::DisplaySize;
using media::Fit;

namespace {

// Records what a GPU would hold; can be told to refuse uploads.
class FakeGpu final : public GpuTextures {
public:
  std::map<unsigned, std::pair<int, int>> live; // texture -> size
  std::map<unsigned, int> rowsUploaded;
  unsigned next = 1;
  bool refuseUploads = false;
  size_t uploads = 0;

  unsigned create(int w, int h, std::string&) override {
    live[next] = {w, h};
    return next++;
  }
  bool upload(unsigned texture, int y, int w, int rows, const std::uint8_t*, std::string& error) override {
    ++uploads;
    REQUIRE(live.count(texture) == 1);
    REQUIRE(w == live[texture].first);
    REQUIRE(y == rowsUploaded[texture]); // bands in order, none skipped
    REQUIRE(y + rows <= live[texture].second);
    if (refuseUploads) {
      error = "out of memory";
      return false;
    }
    rowsUploaded[texture] += rows;
    return true;
  }
  void destroy(unsigned texture) override {
    REQUIRE(live.erase(texture) == 1);
    rowsUploaded.erase(texture);
  }
  std::uintmax_t bytes() const {
    std::uintmax_t b = 0;
    for (const auto& [t, s] : live) b += static_cast<std::uintmax_t>(s.first) * s.second * 4;
    return b;
  }
};

ImageRef picture(const TempFolder& t, const std::string& name, int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 3, 120);
  const auto path = t.path() / name;
  REQUIRE(stbi_write_png(path.c_str(), w, h, 3, px.data(), w * 3));
  ImageRef r;
  r.file = path;
  r.displayPath = name;
  r.exists = true;
  r.bytes = std::filesystem::file_size(path);
  r.modified = std::filesystem::last_write_time(path);
  return r;
}

struct Rig {
  std::shared_ptr<FakeGpu> gpu = std::make_shared<FakeGpu>();
  std::unique_ptr<TextureCache> cache;
  explicit Rig(std::uintmax_t budget) {
    TextureCache::Options o;
    o.budgetBytes = budget;
    o.gpu = gpu;
    cache = std::make_unique<TextureCache>(std::move(o));
  }
  // One frame: what the screen draws this frame, then one unit of upload work (a 0 ms budget).
  std::vector<TextureCache::View> frame(const std::vector<std::pair<const ImageRef*, DisplaySize>>& drawn) {
    cache->beginFrame();
    std::vector<TextureCache::View> views;
    for (const auto& [img, box] : drawn) views.push_back(cache->get(*img, box));
    cache->pump(0);
    return views;
  }
  // Frames (real time passes for the workers) until `img` in `box` is ready.
  int until(const ImageRef& img, DisplaySize box) {
    const auto start = std::chrono::steady_clock::now();
    for (int frames = 1; std::chrono::steady_clock::now() - start < std::chrono::seconds(20); ++frames) {
      if (frame({{&img, box}})[0].state != TextureCache::State::Pending) return frames;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL("the picture never became ready");
    return -1;
  }
};

} // namespace

TEST_CASE("[TextureCache] a picture is decoded for its box and uploaded a band of rows per slice") {
  TempFolder t;
  const ImageRef tall = picture(t, "tall.png", 512, 2048); // 2 KiB a row: 256 rows a band, 8 bands
  Rig rig(64u << 20);
  CHECK(rig.frame({{&tall, {512, 2048, Fit::Contain}}})[0].state == TextureCache::State::Pending);
  const int frames = rig.until(tall, {512, 2048, Fit::Contain});
  const auto v = rig.frame({{&tall, {512, 2048, Fit::Contain}}})[0];
  CHECK(v.state == TextureCache::State::Ready);
  CHECK(v.width == 512);
  CHECK(v.height == 2048);
  CHECK(rig.gpu->uploads == 8);
  CHECK(frames > 8);                                     // one band a frame at a 0 ms slice
  CHECK(rig.cache->stats().lastUploadFrames >= 8);
  CHECK(rig.gpu->rowsUploaded.begin()->second == 2048); // every row, once
}

TEST_CASE("[TextureCache] over its budget the least recently used go, and the current one stays") {
  TempFolder t;
  std::vector<ImageRef> pics;
  for (int i = 0; i < 6; ++i) pics.push_back(picture(t, "p" + std::to_string(i) + ".png", 256, 256)); // 256 KiB each
  Rig rig(3 * (256u << 10));
  for (const auto& p : pics) {
    rig.until(p, {256, 256, Fit::Cover});
    const auto again = rig.frame({{&p, {256, 256, Fit::Cover}}})[0];
    CHECK(again.state == TextureCache::State::Ready); // the one on screen is never the one evicted
    for (int k = 0; k < 3; ++k) rig.frame({{&p, {256, 256, Fit::Cover}}});
    CHECK(rig.gpu->bytes() <= 3 * (256u << 10));
    CHECK(rig.cache->stats().residentBytes == rig.gpu->bytes());
  }
  CHECK(rig.cache->stats().evictions == 3);
  CHECK(rig.gpu->live.size() == 3);
  // The oldest went first: the first picture has to be decoded again.
  CHECK(rig.frame({{&pics[0], {256, 256, Fit::Cover}}})[0].state == TextureCache::State::Pending);
}

TEST_CASE("[TextureCache] what is on screen is never evicted, even over the budget") {
  TempFolder t;
  const ImageRef a = picture(t, "a.png", 256, 256), b = picture(t, "b.png", 256, 256);
  Rig rig(256u << 10); // room for one
  rig.until(a, {256, 256, Fit::Cover});
  for (int i = 0; i < 2000; ++i) {
    const auto v = rig.frame({{&a, {256, 256, Fit::Cover}}, {&b, {256, 256, Fit::Cover}}});
    if (v[1].state == TextureCache::State::Ready) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  for (int i = 0; i < 5; ++i) {
    const auto v = rig.frame({{&a, {256, 256, Fit::Cover}}, {&b, {256, 256, Fit::Cover}}});
    CHECK(v[0].state == TextureCache::State::Ready);
    CHECK(v[1].state == TextureCache::State::Ready);
  }
  CHECK(rig.cache->stats().evictions == 0);
  CHECK(rig.gpu->live.size() == 2);
}

TEST_CASE("[TextureCache] until its own size is ready, another size of the same picture is drawn") {
  TempFolder t;
  const ImageRef p = picture(t, "p.png", 800, 600);
  Rig rig(64u << 20);
  rig.until(p, {800, 600, Fit::Contain});
  const auto thumb = rig.frame({{&p, {160, 120, Fit::Cover}}})[0];
  CHECK(thumb.state == TextureCache::State::Ready); // the large one, scaled by the GPU
  CHECK(thumb.width == 800);
  int width = 800;
  for (const auto start = std::chrono::steady_clock::now(); width == 800 && std::chrono::steady_clock::now() - start < std::chrono::seconds(20);) {
    width = rig.frame({{&p, {160, 120, Fit::Cover}}})[0].width;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(width == 171); // its own: covering 160x128 (boxes round up to 16 pixels) at 4:3
}

TEST_CASE("[TextureCache] requests nobody asks for any more are cancelled before they are decoded") {
  TempFolder t;
  std::vector<ImageRef> pics;
  for (int i = 0; i < 12; ++i) pics.push_back(picture(t, "p" + std::to_string(i) + ".png", 900, 900));
  Rig rig(64u << 20);
  rig.cache->beginFrame();
  for (const auto& p : pics) rig.cache->prefetch(p, {900, 900, Fit::Contain}); // a section's worth
  for (int i = 0; i < 2000 && rig.cache->pending() > 0; ++i) {
    rig.frame({}); // the visitor left: nothing asks for them now
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(rig.cache->pending() == 0);
  CHECK(rig.cache->stats().cancelled > 0);
  CHECK(rig.cache->stats().decoded + rig.cache->stats().cancelled >= 12); // each either way, once
  CHECK(rig.gpu->live.size() <= 3); // no more than the workers had started (and may keep)
}

TEST_CASE("[TextureCache] a reload keeps unchanged pictures and forgets changed ones and failures") {
  TempFolder t;
  ImageRef keep = picture(t, "keep.png", 64, 64), change = picture(t, "change.png", 64, 64);
  Rig rig(64u << 20);
  rig.until(keep, {64, 64, Fit::Cover});
  rig.until(change, {64, 64, Fit::Cover});
  CHECK(rig.gpu->live.size() == 2);
  Content content;
  Section s;
  Item item;
  change.bytes += 1; // staff replaced it
  item.images = {keep, change};
  s.items.push_back(item);
  content.sections.push_back(s);
  rig.cache->retain(content);
  CHECK(rig.gpu->live.size() == 1);
  CHECK(rig.frame({{&keep, {64, 64, Fit::Cover}}})[0].state == TextureCache::State::Ready);
  CHECK(rig.frame({{&change, {64, 64, Fit::Cover}}})[0].state == TextureCache::State::Pending);
}

TEST_CASE("[TextureCache] a published version keeps the textures of pictures that did not change") {
  TempFolder t;
  std::filesystem::create_directories(t.path() / "v1");
  std::filesystem::create_directories(t.path() / "v2");
  ImageRef old = picture(t, "v1/cover.png", 64, 64);
  old.displayPath = "content/cover.png";
  Rig rig(64u << 20);
  rig.until(old, {64, 64, Fit::Cover});
  REQUIRE(rig.gpu->live.size() == 1);
  // kiosk publish: the same file, same size and time, in the new version's folder.
  std::filesystem::copy_file(old.file, t.path() / "v2/cover.png");
  std::filesystem::last_write_time(t.path() / "v2/cover.png", old.modified);
  ImageRef now = old;
  now.file = t.path() / "v2/cover.png";
  Content content;
  content.settings.hasLogo = true;
  content.settings.logo = now;
  rig.cache->retain(content);
  CHECK(rig.gpu->live.size() == 1);
  CHECK(rig.frame({{&now, {64, 64, Fit::Cover}}})[0].state == TextureCache::State::Ready); // no placeholder, no decode
  // A changed file under the same name is decoded again.
  ImageRef changed = now;
  changed.file = t.path() / "v1/cover.png";
  changed.bytes += 1;
  content.settings.logo = changed;
  rig.cache->retain(content);
  CHECK(rig.gpu->live.empty());
}

TEST_CASE("[TextureCache] a failure is a placeholder and one sentence per picture, a GPU refusal too") {
  TempFolder t;
  t.write("bad.jpg", "not a picture");
  ImageRef bad;
  bad.file = t.path() / "bad.jpg";
  bad.displayPath = "images/bad.jpg";
  bad.exists = true;
  Rig rig(64u << 20);
  CHECK(rig.until(bad, {100, 100, Fit::Cover}) > 0);
  CHECK(rig.frame({{&bad, {100, 100, Fit::Cover}}})[0].state == TextureCache::State::Failed);
  rig.until(bad, {300, 300, Fit::Contain}); // another size of the same file
  const auto diags = rig.cache->takeDiagnostics();
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].format().find("images/bad.jpg: error: this is not an image") != std::string::npos);

  const ImageRef good = picture(t, "good.png", 300, 300);
  rig.gpu->refuseUploads = true;
  rig.until(good, {300, 300, Fit::Cover});
  CHECK(rig.frame({{&good, {300, 300, Fit::Cover}}})[0].state == TextureCache::State::Failed); // never half shown
  CHECK(rig.gpu->live.empty());
  CHECK(rig.cache->takeDiagnostics()[0].message.find("the graphics card could not take a 300x300 picture (out of memory)") !=
        std::string::npos);
}
