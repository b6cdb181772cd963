// TextureCache with a fake GPU: budget, eviction, sliced uploads, fallback sizes, cancelling,
// reloads and failures, with real decodes on the real workers.
#include "ui/TextureCache.h"

#include "TempFolder.h"

#include <doctest/doctest.h>
#include <stb_image_write.h>

#include <chrono>
#include <map>
#include <set>
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
  media::PixelOrder pixelOrder = media::PixelOrder::Rgba;
  std::vector<std::uint8_t> firstPixel; // of the last texture's first row uploaded

  media::PixelOrder order() const override { return pixelOrder; }
  unsigned create(int w, int h, std::string&) override {
    live[next] = {w, h};
    return next++;
  }
  bool upload(unsigned texture, int y, int w, int rows, const std::uint8_t* pixels, std::string& error) override {
    ++uploads;
    if (y == 0) firstPixel.assign(pixels, pixels + 4);
    REQUIRE(live.count(texture) == 1);
    REQUIRE(w == live[texture].first);
    if (y == 0) rowsUploaded[texture] = 0; // a strip kept and used again for another picture
    REQUIRE(y == rowsUploaded[texture]);   // bands in order, none skipped
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
  explicit Rig(std::uintmax_t budget, media::PixelOrder order = media::PixelOrder::Rgba) {
    gpu->pixelOrder = order;
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

TEST_CASE("[TextureCache] pictures reach the GPU in the byte order it takes") {
  TempFolder t;
  const std::vector<unsigned char> orange{255, 128, 0};
  std::vector<unsigned char> px;
  for (int i = 0; i < 64 * 32; ++i) px.insert(px.end(), orange.begin(), orange.end());
  const auto path = t.path() / "orange.png";
  REQUIRE(stbi_write_png(path.c_str(), 64, 32, 3, px.data(), 64 * 3));
  ImageRef img = picture(t, "unused.png", 2, 2);
  img.file = path;
  img.bytes = std::filesystem::file_size(path);
  img.modified = std::filesystem::last_write_time(path);
  for (const auto order : {media::PixelOrder::Rgba, media::PixelOrder::Bgra}) {
    Rig rig(64u << 20, order);
    rig.until(img, {64, 32, Fit::Contain});
    const std::vector<std::uint8_t> rgba{255, 128, 0, 255}, bgra{0, 128, 255, 255};
    CHECK(rig.gpu->firstPixel == (order == media::PixelOrder::Bgra ? bgra : rgba));
  }
}

TEST_CASE("[TextureCache] a large picture is decoded for its box and uploaded a strip per slice") {
  TempFolder t;
  const ImageRef tall = picture(t, "tall.png", 512, 2048); // 2 KiB a row: 128-row strips (126 of its own), 17 of them
  const size_t expected = (2048 + (TextureCache::kStripBytes / 2048 - 2) - 1) / (TextureCache::kStripBytes / 2048 - 2);
  Rig rig(64u << 20);
  CHECK(rig.frame({{&tall, {512, 2048, Fit::Contain}}})[0].state == TextureCache::State::Pending);
  const int frames = rig.until(tall, {512, 2048, Fit::Contain});
  const auto v = rig.frame({{&tall, {512, 2048, Fit::Contain}}})[0];
  CHECK(v.state == TextureCache::State::Ready);
  CHECK(v.width == 512);
  CHECK(v.height == 2048);
  REQUIRE(v.strips.size() == expected);
  CHECK(expected > 8);
  CHECK(rig.gpu->uploads == expected);
  CHECK(rig.gpu->live.size() == expected);
  CHECK(static_cast<size_t>(frames) > expected);      // one strip a frame at a 0 ms slice
  CHECK(rig.cache->stats().lastUploadFrames >= static_cast<double>(expected));
  int next = 0;
  for (const auto& s : v.strips) { // every row drawn from exactly one strip, and uploaded with its neighbours
    CHECK(s.top == next);
    next = s.top + s.rows;
    CHECK(s.held == std::max(0, s.top - 1));
    CHECK(s.held + s.heldRows == std::min(2048, s.top + s.rows + 1));
    CHECK(static_cast<size_t>(s.heldRows) * 512 * 4 <= TextureCache::kStripBytes);
    const unsigned name = static_cast<unsigned>(reinterpret_cast<intptr_t>(s.texture));
    CHECK(rig.gpu->rowsUploaded[name] == s.heldRows);
  }
  CHECK(next == 2048);
  CHECK(rig.cache->stats().residentBytes == rig.gpu->bytes());
}

TEST_CASE("[TextureCache] strips of a Cover picture meet where the box's visible part starts and ends") {
  // 1000 x 1500 decoded for a 1000 x 500 Cover box: rows 500..1000 show at rest.
  const auto strips = TextureCache::planStrips(1000, 1500, {1000, 500, Fit::Cover});
  std::set<int> seams;
  int next = 0;
  for (const auto& s : strips) {
    CHECK(s.top == next);
    next = s.top + s.rows;
    seams.insert(s.top);
    CHECK(static_cast<size_t>(s.heldRows) * 1000 * 4 <= TextureCache::kStripBytes);
  }
  CHECK(next == 1500);
  CHECK(seams.count(500) == 1);
  CHECK(seams.count(1000) == 1);
  // Small pictures are one texture, as before.
  const auto one = TextureCache::planStrips(256, 256, {256, 256, Fit::Cover});
  REQUIRE(one.size() == 1);
  CHECK(one[0].heldRows == 256);
  CHECK(one[0].held == 0);
}

TEST_CASE("[TextureCache] the strips of a picture that leaves are used again for the next of its size") {
  TempFolder t;
  const ImageRef a = picture(t, "a.png", 512, 1024), b = picture(t, "b.png", 512, 1024); // 2 MiB each
  Rig rig(4u << 20); // room for two, spares up to 512 KiB
  rig.until(a, {512, 1024, Fit::Contain});
  for (int i = 0; i < 3; ++i) rig.frame({});
  const size_t perPicture = TextureCache::planStrips(512, 1024, {512, 1024, Fit::Contain}).size();
  CHECK(perPicture > 4);
  CHECK(rig.gpu->next - 1 == perPicture);
  // b arrives while a is gone from the screen; over the budget a goes, and its strips serve b.
  const ImageRef c = picture(t, "c.png", 512, 1024);
  rig.until(b, {512, 1024, Fit::Contain});
  for (int i = 0; i < 3; ++i) rig.frame({{&b, {512, 1024, Fit::Contain}}});
  rig.until(c, {512, 1024, Fit::Contain});
  for (int i = 0; i < 3; ++i) rig.frame({{&c, {512, 1024, Fit::Contain}}});
  const auto st = rig.cache->stats();
  CHECK(st.evictions >= 1);
  CHECK(st.stripsReused >= 1);
  CHECK(st.stripsCreated + st.stripsReused == 3 * perPicture);
  CHECK(rig.gpu->next - 1 == st.stripsCreated);
  CHECK(st.residentBytes + st.spareBytes == rig.gpu->bytes()); // spares are counted, and within the budget
  CHECK(st.residentBytes + st.spareBytes <= (4u << 20) + (2u << 20));
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
  CHECK(rig.cache->stats().textures <= 3); // no more pictures than the workers had started (and may keep)
}

TEST_CASE("[TextureCache] a reload keeps unchanged pictures and forgets changed ones and failures") {
  TempFolder t;
  ImageRef keep = picture(t, "keep.png", 64, 64), change = picture(t, "change.png", 64, 64);
  Rig rig(64u << 20);
  rig.until(keep, {64, 64, Fit::Cover});
  rig.until(change, {64, 64, Fit::Cover});
  CHECK(rig.cache->stats().textures == 2);
  Content content;
  Section s;
  Item item;
  change.bytes += 1; // staff replaced it
  item.images = {keep, change};
  s.items.push_back(item);
  content.sections.push_back(s);
  rig.cache->retain(content);
  CHECK(rig.cache->stats().textures == 1);
  CHECK(rig.gpu->bytes() == rig.cache->stats().residentBytes + rig.cache->stats().spareBytes); // the other kept for reuse, or gone
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
  REQUIRE(rig.cache->stats().textures == 1);
  // kiosk publish: the same file, same size and time, in the new version's folder.
  std::filesystem::copy_file(old.file, t.path() / "v2/cover.png");
  std::filesystem::last_write_time(t.path() / "v2/cover.png", old.modified);
  ImageRef now = old;
  now.file = t.path() / "v2/cover.png";
  Content content;
  content.settings.hasLogo = true;
  content.settings.logo = now;
  rig.cache->retain(content);
  CHECK(rig.cache->stats().textures == 1);
  CHECK(rig.gpu->next == 2); // nothing created again
  CHECK(rig.frame({{&now, {64, 64, Fit::Cover}}})[0].state == TextureCache::State::Ready); // no placeholder, no decode
  // A changed file under the same name is decoded again.
  ImageRef changed = now;
  changed.file = t.path() / "v1/cover.png";
  changed.bytes += 1;
  content.settings.logo = changed;
  rig.cache->retain(content);
  CHECK(rig.cache->stats().textures == 0);
  CHECK(rig.cache->stats().residentBytes == 0);
  CHECK(rig.gpu->bytes() == rig.cache->stats().spareBytes);
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
  CHECK(rig.cache->stats().residentBytes == 0);
  CHECK(rig.gpu->bytes() == rig.cache->stats().spareBytes); // its texture kept for another picture, nothing leaked
  CHECK(rig.cache->takeDiagnostics()[0].message.find("the graphics card could not take a 300x300 picture (out of memory)") !=
        std::string::npos);
}

TEST_CASE("[TextureCache] peek tells what get would give without asking for anything, and whether it is opaque") {
  TempFolder t;
  const ImageRef photo = picture(t, "photo.png", 320, 240);
  // A picture with transparent parts (a logo, say) must be blended over what is beneath it.
  std::vector<unsigned char> px(static_cast<size_t>(320) * 240 * 4, 200);
  for (size_t i = 3; i < px.size(); i += 8)
    px[i] = 0;
  const auto path = t.path() / "logo.png";
  REQUIRE(stbi_write_png(path.c_str(), 320, 240, 4, px.data(), 320 * 4));
  ImageRef logo = photo;
  logo.file = path;
  logo.displayPath = "logo.png";
  logo.bytes = std::filesystem::file_size(path);
  logo.modified = std::filesystem::last_write_time(path);
  Rig rig(64u << 20);
  const DisplaySize box{320, 240, Fit::Contain};
  for (int i = 0; i < 20; ++i) {
    rig.cache->beginFrame();
    CHECK(rig.cache->peek(photo, box).state == TextureCache::State::Pending);
    rig.cache->pump(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  CHECK(rig.cache->pending() == 0); // nothing was asked for
  CHECK(rig.cache->stats().decoded == 0);
  CHECK(rig.gpu->uploads == 0);
  rig.until(photo, box);
  rig.until(logo, box);
  const auto p = rig.cache->peek(photo, box), l = rig.cache->peek(logo, box);
  CHECK(p.state == TextureCache::State::Ready);
  CHECK(p.opaque);
  CHECK(l.state == TextureCache::State::Ready);
  CHECK_FALSE(l.opaque);
  const auto drawn = rig.frame({{&photo, box}})[0];
  CHECK(drawn.texture == p.texture);
  // Another size of a ready picture stands in, as get() would draw it.
  const auto other = rig.cache->peek(photo, {160, 120, Fit::Contain});
  CHECK(other.state == TextureCache::State::Ready);
  CHECK(other.width == 320);
}

namespace {
// Frames, each asking for the prefetch, until the loader has decoded `n` pictures (at most 20 s).
void framesUntilDecoded(Rig& rig, const ImageRef& img, DisplaySize box, size_t n) {
  const auto start = std::chrono::steady_clock::now();
  while (rig.cache->stats().decoded < n && std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
    rig.cache->beginFrame();
    rig.cache->prefetch(img, box);
    rig.cache->pump(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(rig.cache->stats().decoded == n);
}
// Frames until `img` is ready (at most `max`); returns how many.
int framesUntilReady(Rig& rig, const ImageRef& img, DisplaySize box, int max) {
  int frames = 0;
  while (frames < max && rig.cache->peek(img, box).state != TextureCache::State::Ready) {
    rig.cache->beginFrame();
    rig.cache->prefetch(img, box);
    rig.cache->pump(0);
    ++frames;
  }
  return frames;
}
} // namespace

TEST_CASE("[TextureCache] while the loop makes strips between frames, a prefetch's slices only copy rows, and a "
          "picture on screen goes first") {
  TempFolder t;
  const ImageRef next = picture(t, "next.png", 512, 2048), shown = picture(t, "shown.png", 512, 1024);
  const DisplaySize box{512, 2048, Fit::Contain}, shownBox{512, 1024, Fit::Contain};
  Rig rig(64u << 20);
  rig.cache->setCreatesAhead(true);
  rig.cache->beginFrame();
  rig.cache->prefetch(next, box);
  CHECK(rig.cache->pendingOnScreen() == 0); // nothing the screen waits for: the loop may stay paced
  CHECK(rig.cache->pending() == 1);
  framesUntilDecoded(rig, next, box, 1);
  for (int i = 0; i < 5; ++i) { // decoded: frames leave its strips to createAhead
    rig.cache->beginFrame();
    rig.cache->pump(0);
  }
  CHECK(rig.gpu->live.empty());
  // A picture on screen meanwhile goes up in frames, past the prefetch (the frame number stands
  // still here, so the prefetch's 30 frames never run out).
  rig.cache->beginFrame();
  CHECK(rig.cache->get(shown, shownBox).state == TextureCache::State::Pending);
  CHECK(rig.cache->pendingOnScreen() == 1);
  const auto start = std::chrono::steady_clock::now();
  while (rig.cache->get(shown, shownBox).state != TextureCache::State::Ready &&
         std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
    rig.cache->pump(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(rig.cache->get(shown, shownBox).state == TextureCache::State::Ready);
  CHECK(rig.cache->pendingOnScreen() == 0);
  const size_t shownStrips = rig.gpu->live.size();
  CHECK(shownStrips > 1);
  CHECK(rig.cache->peek(next, box).state == TextureCache::State::Pending);
  // Between frames the prefetch's textures are made; then the frames only upload rows.
  size_t made = 0;
  for (int i = 0; i < 100 && rig.cache->createAhead(0.0) > 0; ++i)
    ++made;
  CHECK(made > 8);
  CHECK(rig.cache->stats().stripsMadeAhead == made);
  CHECK(rig.gpu->live.size() == shownStrips + made);
  const size_t created = rig.cache->stats().stripsCreated;
  CHECK(framesUntilReady(rig, next, box, 100) < 100);
  CHECK(rig.cache->stats().stripsCreated == created); // none made in a frame
  CHECK(rig.cache->stats().residentBytes == rig.gpu->bytes());
}

TEST_CASE("[TextureCache] a prefetch that finds no time between frames goes up after 30 frames, and at once when "
          "nothing makes strips ahead") {
  TempFolder t;
  const ImageRef next = picture(t, "next.png", 512, 1024);
  const DisplaySize box{512, 1024, Fit::Contain};
  SUBCASE("the loop makes strips between frames, but finds no time") {
    Rig rig(64u << 20);
    rig.cache->setCreatesAhead(true);
    framesUntilDecoded(rig, next, box, 1);
    const int frames = framesUntilReady(rig, next, box, 200);
    CHECK(frames >= 29);
    CHECK(frames < 60);
    CHECK(rig.cache->stats().stripsMadeAhead == 0);
  }
  SUBCASE("nothing makes strips ahead (frames at the display's rate, scripted runs)") {
    Rig rig(64u << 20);
    framesUntilDecoded(rig, next, box, 1);
    CHECK(framesUntilReady(rig, next, box, 200) < 20); // a strip a frame at a 0 ms slice
  }
}

TEST_CASE("[TextureCache] the default budget: about 32 screens on a graphics card, about 10 in a software renderer's "
          "memory") {
  const auto mib = [](std::uintmax_t bytes) { return bytes >> 20; };
  CHECK(mib(TextureCache::defaultBudget(1920, 1080)) == 256);
  CHECK(mib(TextureCache::defaultBudget(3840, 2160)) == 1024);
  CHECK(mib(TextureCache::defaultBudget(800, 480)) == 128);
  CHECK(mib(TextureCache::defaultBudget(1920, 1080, true)) == 96);
  CHECK(mib(TextureCache::defaultBudget(3840, 2160, true)) == 320);
  CHECK(mib(TextureCache::defaultBudget(800, 480, true)) == 64);
  // The attract loop's current, next and two prefetched covers (decoded 8% over the screen) fit.
  CHECK(TextureCache::defaultBudget(1920, 1080, true) >= 4 * 2074u * 1167u * 4u);
  CHECK(TextureCache::isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
  CHECK(TextureCache::isSoftwareRenderer("softpipe"));
  CHECK(TextureCache::isSoftwareRenderer("Mesa X11 Software Rasterizer"));
  CHECK_FALSE(TextureCache::isSoftwareRenderer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  CHECK_FALSE(TextureCache::isSoftwareRenderer("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-18-amd64)"));
}
