#include "ui/TextureCache.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kiosk::ui {

namespace {

using Steady = std::chrono::steady_clock;
double msSince(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

// Boxes are rounded up to 16 pixels, so a layout a pixel different shares a texture.
media::DisplaySize quantize(media::DisplaySize box) {
  auto up = [](int v) { return std::max(16, (v + 15) / 16 * 16); };
  box.width = up(box.width);
  box.height = up(box.height);
  return box;
}

std::uintmax_t textureBytes(int w, int h) { return static_cast<std::uintmax_t>(w) * static_cast<std::uintmax_t>(h) * 4; }

} // namespace

std::uintmax_t TextureCache::defaultBudget(unsigned screenWidth, unsigned screenHeight, bool softwareRenderer) {
  const std::uintmax_t screen = textureBytes(static_cast<int>(screenWidth), static_cast<int>(screenHeight));
  if (softwareRenderer) { // about 10 screen-sized pictures, rounded up to 32 MiB
    const std::uintmax_t step = 32u << 20;
    return std::clamp<std::uintmax_t>((screen * 10 + step - 1) / step * step, 64u << 20, 512u << 20);
  }
  // About 32 screen-sized pictures, rounded up to 64 MiB: 256 MiB at 1080p, 1 GiB at 4K.
  const std::uintmax_t step = 64u << 20;
  return std::clamp<std::uintmax_t>((screen * 32 + step - 1) / step * step, 128u << 20, 1024u << 20);
}

bool TextureCache::isSoftwareRenderer(std::string_view glRenderer) {
  for (const std::string_view name : {"llvmpipe", "softpipe", "Software Rasterizer", "SWR"})
    if (glRenderer.find(name) != std::string_view::npos) return true;
  return false;
}

namespace {
TextureCache::Options withGpu(TextureCache::Options options) {
  if (!options.gpu) options.gpu = createGlTextures();
  return options;
}
} // namespace

TextureCache::TextureCache(Options options)
    : m_options(withGpu(std::move(options))),
      m_loader(m_options.workers, m_options.diskCache, 3, m_options.limits, m_options.gpu->order(),
               m_options.prefetchBelowFrames ? media::ImageLoader::kPrefetchNice : 0) {
  m_stats.budgetBytes = m_options.budgetBytes;
}

TextureCache::~TextureCache() {
  for (auto& [k, e] : m_entries) release(e);
  for (const auto& [size, name] : m_spare) m_options.gpu->destroy(name);
}

std::string TextureCache::key(const std::string& file, const media::DisplaySize& box) {
  return file + '\x1f' + std::to_string(box.width) + "x" + std::to_string(box.height) + (box.fit == media::Fit::Cover ? "c" : "f");
}

void TextureCache::release(Entry& e) {
  for (Strip& st : e.strips)
    if (st.texture) {
      giveBack(static_cast<unsigned>(reinterpret_cast<intptr_t>(st.texture)), e.width, st.heldRows);
      m_stats.residentBytes -= textureBytes(e.width, st.heldRows);
      st.texture = nullptr;
    }
  if (!e.strips.empty()) --m_stats.textures;
  e.strips.clear();
  e.stripsUploaded = 0;
  e.pixels = {};
}

// A strip's texture: a spare of the same size when there is one (nothing allocated), else a new one.
unsigned TextureCache::takeTexture(int w, int h, bool& reused, std::string& error) {
  if (const auto it = m_spare.find({w, h}); it != m_spare.end()) {
    const unsigned name = it->second;
    m_spare.erase(it);
    m_stats.spareBytes -= textureBytes(w, h);
    reused = true;
    ++m_stats.stripsReused;
    return name;
  }
  reused = false;
  const unsigned name = m_options.gpu->create(w, h, error);
  if (name) ++m_stats.stripsCreated;
  return name;
}

// Strips of a picture that leaves are kept for the next of the same size, up to an eighth of
// the budget (at most 64 MiB); the oldest spare goes first.
void TextureCache::giveBack(unsigned texture, int w, int h) {
  const std::uintmax_t limit = std::min<std::uintmax_t>(m_options.budgetBytes / 8, 64u << 20);
  if (textureBytes(w, h) > limit) {
    m_options.gpu->destroy(texture);
    return;
  }
  while (!m_spare.empty() && m_stats.spareBytes + textureBytes(w, h) > limit) {
    auto oldest = std::min_element(m_spare.begin(), m_spare.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    m_stats.spareBytes -= textureBytes(oldest->first.first, oldest->first.second);
    m_options.gpu->destroy(oldest->second);
    m_spare.erase(oldest);
  }
  m_spare.emplace(std::make_pair(w, h), texture);
  m_stats.spareBytes += textureBytes(w, h);
}

std::vector<TextureCache::Strip> TextureCache::planStrips(int w, int h, media::DisplaySize box, std::size_t maxBytes) {
  std::vector<Strip> out;
  if (w <= 0 || h <= 0) return out;
  const int rowBytes = w * 4;
  const int maxRows = std::max(16, static_cast<int>(std::min<std::size_t>(maxBytes / static_cast<std::size_t>(rowBytes), 1 << 20)));
  if (maxBytes == 0 || h <= maxRows) {
    out.push_back({nullptr, 0, h, 0, h});
    return out;
  }
  // The rows a Cover box shows at rest (the middle of a picture taller than the box); a
  // Contain box shows them all.
  int visTop = 0, visRows = h;
  if (box.fit == media::Fit::Cover && box.width > 0 && box.height > 0) {
    const double shown = static_cast<double>(w) * box.height / box.width;
    if (shown < h - 1) {
      visRows = std::max(1, static_cast<int>(std::lround(shown)));
      visTop = (h - visRows) / 2;
    }
  }
  const int usable = maxRows - 2; // a row of each neighbour is held too
  auto cut = [&](int from, int to) {
    const int n = (to - from + usable - 1) / usable;
    for (int k = 0; k < n; ++k) {
      const int a = from + static_cast<int>(static_cast<long long>(to - from) * k / n);
      const int b = from + static_cast<int>(static_cast<long long>(to - from) * (k + 1) / n);
      const int held = std::max(0, a - 1), heldEnd = std::min(h, b + 1);
      out.push_back({nullptr, a, b - a, held, heldEnd - held});
    }
  };
  cut(0, visTop);
  cut(visTop, visTop + visRows);
  cut(visTop + visRows, h);
  return out;
}

TextureCache::View TextureCache::viewOf(const Entry& e) const {
  View v{State::Ready, e.strips.empty() ? nullptr : e.strips.front().texture, e.width, e.height};
  if (e.strips.size() > 1) v.strips = e.strips;
  v.opaque = e.opaque;
  return v;
}

TextureCache::Entry& TextureCache::request(const ImageRef& image, media::DisplaySize box, media::Priority priority) {
  box = quantize(box);
  const std::string file = image.file.string();
  auto [it, inserted] = m_entries.try_emplace(key(file, box));
  Entry& e = it->second;
  if (inserted) {
    e.file = file;
    e.box = box;
    e.displayPath = image.displayPath;
    e.bytes = image.bytes;
    e.modified = image.modified;
    e.ticket = m_nextTicket++;
    // A film is shown as its poster here (the one staff gave, else a frame the loader takes
    // from the film); where it plays, the video players draw over it.
    m_loader.request({image.video && !image.poster.empty() ? image.poster : image.file, box, priority, e.ticket});
  }
  e.lastWanted = m_frame;
  if (priority == media::Priority::Visible && e.prefetchOnly) {
    e.prefetchOnly = false;
    if (e.state == State::Pending) m_loader.promote(e.ticket);
  }
  return e;
}

// Not ready at the size asked: another size of the same picture does meanwhile (say the
// full-screen picture while its thumbnail decodes), scaled by the GPU for a frame or two.
template <class Entries> auto* TextureCache::standIn(Entries& entries, const std::string& file) {
  decltype(&entries.begin()->second) best = nullptr;
  for (auto it = entries.lower_bound(file + '\x1f'); it != entries.end() && it->second.file == file; ++it)
    if (it->second.state == State::Ready && (!best || it->second.width > best->width)) best = &it->second;
  return best;
}

TextureCache::View TextureCache::get(const ImageRef& image, media::DisplaySize box) {
  Entry& e = request(image, box, media::Priority::Visible);
  e.lastDrawn = m_frame;
  if (e.state == State::Ready) ++m_stats.readyDraws;
  if (e.state == State::Ready) return viewOf(e);
  if (e.state == State::Failed) return {State::Failed};
  Entry* best = standIn(m_entries, e.file);
  if (!best) return {State::Pending};
  best->lastDrawn = m_frame;
  ++m_stats.readyDraws;
  return viewOf(*best);
}

TextureCache::View TextureCache::peek(const ImageRef& image, media::DisplaySize box) const {
  const std::string file = image.file.string();
  const auto it = m_entries.find(key(file, quantize(box)));
  if (it != m_entries.end() && it->second.state == State::Ready) return viewOf(it->second);
  if (it != m_entries.end() && it->second.state == State::Failed) return {State::Failed};
  const Entry* best = standIn(m_entries, file);
  return best ? viewOf(*best) : View{State::Pending};
}

void TextureCache::prefetch(const ImageRef& image, media::DisplaySize box) {
  // Prefetch never pushes out what is already held: it stops at three quarters of the budget.
  const bool exists = m_entries.count(key(image.file.string(), quantize(box))) > 0;
  if (!exists && m_stats.residentBytes > m_options.budgetBytes / 4 * 3) return;
  request(image, box, media::Priority::Prefetch);
}

void TextureCache::beginFrame() {
  ++m_frame;
  // Requests nobody asked for in the last two frames (the visitor moved on) are dropped before
  // they cost a decode.
  for (auto it = m_entries.begin(); it != m_entries.end();) {
    Entry& e = it->second;
    if (e.state == State::Pending && e.strips.empty() && e.lastWanted + 2 < m_frame && m_loader.cancel(e.ticket)) {
      ++m_stats.cancelled;
      it = m_entries.erase(it);
    } else {
      ++it;
    }
  }
  evict();
}

void TextureCache::evict() {
  // Spare strips go before any picture does.
  while (!m_spare.empty() && m_stats.residentBytes + m_stats.spareBytes > m_options.budgetBytes) {
    auto oldest = std::min_element(m_spare.begin(), m_spare.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    m_stats.spareBytes -= textureBytes(oldest->first.first, oldest->first.second);
    m_options.gpu->destroy(oldest->second);
    m_spare.erase(oldest);
  }
  if (m_stats.residentBytes <= m_options.budgetBytes) return;
  std::vector<std::map<std::string, Entry>::iterator> candidates;
  for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
    const Entry& e = it->second;
    // On screen this frame or the last: never evicted, even over the budget.
    // (The same two-frame margin as for cancelling: a picture just decoded for a screen the
    // visitor is still on is never evicted before it is drawn.)
    if (!e.strips.empty() && e.lastDrawn + 2 < m_frame && e.lastWanted + 2 < m_frame) candidates.push_back(it);
  }
  std::sort(candidates.begin(), candidates.end(), [](auto a, auto b) {
    return std::max(a->second.lastDrawn, a->second.lastWanted) < std::max(b->second.lastDrawn, b->second.lastWanted);
  });
  for (auto it : candidates) {
    if (m_stats.residentBytes <= m_options.budgetBytes) break;
    const std::string k = it->first;
    release(it->second);
    m_uploads.erase(std::remove(m_uploads.begin(), m_uploads.end(), k), m_uploads.end());
    m_entries.erase(it);
    ++m_stats.evictions;
  }
}

void TextureCache::fail(Entry& e, std::string error) {
  release(e);
  e.state = State::Failed;
  e.error = std::move(error);
  if (!m_reported.insert(e.file).second) return; // one sentence per picture, whatever its sizes
  Diagnostic d;
  d.file = e.displayPath;
  d.message = e.error + "; a placeholder is shown instead";
  std::cerr << d.format() << "\n";
  m_diagnostics.push_back(std::move(d));
}

// The texture of one strip: a spare of its size, else a new one (its cost learnt for the plans).
bool TextureCache::makeStripTexture(Entry& e, Strip& st, std::string& error) {
  bool reused = false;
  const auto start = Steady::now();
  const unsigned name = takeTexture(e.width, st.heldRows, reused, error);
  if (name == 0) return false;
  const double mib = static_cast<double>(textureBytes(e.width, st.heldRows)) / (1 << 20);
  if (!reused) m_createMsPerMiB = 0.75 * m_createMsPerMiB + 0.25 * msSince(start) / mib;
  st.texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(name));
  m_stats.residentBytes += textureBytes(e.width, st.heldRows);
  return true;
}

size_t TextureCache::createAhead(double budgetMs) {
  const auto start = Steady::now();
  size_t made = 0;
  for (const std::string& k : m_uploads) {
    auto it = m_entries.find(k);
    if (it == m_entries.end()) continue;
    Entry& e = it->second;
    for (size_t i = e.stripsUploaded; i < e.strips.size(); ++i) {
      Strip& st = e.strips[i];
      if (st.texture) continue;
      const double mib = static_cast<double>(textureBytes(e.width, st.heldRows)) / (1 << 20);
      const bool spare = m_spare.count({e.width, st.heldRows}) > 0;
      if (made > 0 && msSince(start) + mib * (spare ? 0 : m_createMsPerMiB) > budgetMs) return made;
      std::string error;
      if (!makeStripTexture(e, st, error)) return made; // the upload meets it again and says so
      ++made;
      m_stats.stripsMadeAhead += !spare; // of the strips created (a spare taken is not)
    }
  }
  return made;
}

// Creates (or reuses) the next strip's texture and uploads its rows; true when the picture is
// complete.
bool TextureCache::uploadStrip(Entry& e, std::string& error) {
  Strip& st = e.strips[e.stripsUploaded];
  const auto start = Steady::now();
  if (!st.texture && !makeStripTexture(e, st, error)) return false;
  const unsigned name = static_cast<unsigned>(reinterpret_cast<intptr_t>(st.texture));
  const auto uploadStart = Steady::now();
  if (!m_options.gpu->upload(name, 0, e.width, st.heldRows, e.pixels.data() + static_cast<size_t>(st.held) * e.width * 4, error))
    return false;
  const double uploadMs = msSince(uploadStart);
  const double mib = static_cast<double>(textureBytes(e.width, st.heldRows)) / (1 << 20);
  // What a strip costs here, learnt as they go (a quarter weight each), for pump's plan.
  m_uploadMsPerMiB = 0.75 * m_uploadMsPerMiB + 0.25 * uploadMs / mib;
  m_stats.worstSliceMs = std::max(m_stats.worstSliceMs, msSince(start));
  ++e.stripsUploaded;
  ++m_stats.bands;
  return e.stripsUploaded >= e.strips.size();
}

size_t TextureCache::pump(double budgetMs) {
  const auto start = Steady::now();
  bool didSomething = false, takeFromLoader = false;
  size_t strips = 0;
  while (!didSomething || msSince(start) < budgetMs) {
    if (!m_uploads.empty() && !std::exchange(takeFromLoader, false)) {
      auto it = m_entries.find(m_uploads.front());
      if (it == m_entries.end() || it->second.strips.empty() || it->second.stripsUploaded >= it->second.strips.size()) {
        m_uploads.pop_front();
        continue;
      }
      Entry& e = it->second;
      const Strip& next = e.strips[e.stripsUploaded];
      const double mib = static_cast<double>(textureBytes(e.width, next.heldRows)) / (1 << 20);
      const bool made = next.texture || m_spare.count({e.width, next.heldRows}) > 0;
      // While the loop makes strips between frames, a picture only prefetched leaves them to it
      // (createAhead), so that a frame's slice only copies rows; one on screen goes first. After
      // 30 frames without time between them (frames slower than their cadence), it goes as any.
      // Nothing more is taken from the loader meanwhile (decoded pictures wait there, not here),
      // unless a picture on screen is still with it.
      if (m_createsAhead && !made && e.prefetchOnly && m_frame < e.uploadStartFrame + 30) {
        const auto onScreen = std::find_if(m_uploads.begin() + 1, m_uploads.end(), [&](const std::string& k) {
          const auto j = m_entries.find(k);
          return j != m_entries.end() && !j->second.prefetchOnly;
        });
        if (onScreen != m_uploads.end()) {
          std::rotate(m_uploads.begin(), onScreen, onScreen + 1);
          continue;
        }
        if (pendingOnScreen() == 0) break;
        takeFromLoader = true; // a picture on screen is still with the loader: fetch it
        continue;
      }
      // Started only when it is expected to fit what is left of the slice (one always goes).
      const double expected = mib * ((made ? 0 : m_createMsPerMiB) + m_uploadMsPerMiB);
      if (didSomething && msSince(start) + expected > budgetMs) break;
      didSomething = true;
      ++strips;
      std::string error;
      const bool complete = uploadStrip(e, error);
      if (!error.empty()) { // never shown half uploaded
        fail(e, "the graphics card could not take a " + std::to_string(e.width) + "x" + std::to_string(e.height) + " picture (" +
                    error + ")");
        m_uploads.pop_front();
      } else if (complete) {
        e.state = State::Ready;
        e.pixels = {};
        m_stats.lastUploadFrames = static_cast<double>(m_frame - e.uploadStartFrame + 1);
        m_uploads.pop_front();
      }
      continue;
    }
    auto done = m_loader.poll(1);
    if (done.empty()) break;
    auto& loaded = done.front();
    auto it = m_entries.find(key(loaded.request.file.string(), loaded.request.box));
    if (it == m_entries.end() || it->second.ticket != loaded.request.ticket) continue; // superseded while decoding
    Entry& e = it->second;
    if (!loaded.result.ok()) {
      fail(e, loaded.result.error);
      continue;
    }
    if (e.lastWanted + 2 < m_frame) { // decoded after the visitor moved on
      m_entries.erase(it);
      ++m_stats.cancelled;
      continue;
    }
    ++m_stats.decoded;
    if (loaded.fromDiskCache) ++m_stats.fromDiskCache;
    auto& img = loaded.result.image;
    e.width = img.width;
    e.height = img.height;
    e.opaque = img.opaque;
    e.strips = planStrips(img.width, img.height, e.box, m_options.stripBytes);
    e.stripsUploaded = 0;
    ++m_stats.textures;
    media::setPixelOrder(img, m_options.gpu->order()); // done on the worker; nothing to do here
    e.pixels = std::move(img.rgba);
    e.uploadStartFrame = m_frame;
    m_uploads.push_back(it->first);
    // Room is made now for what this picture will take: older ones go before its strips arrive.
    m_stats.residentBytes += textureBytes(e.width, e.height);
    evict();
    m_stats.residentBytes -= textureBytes(e.width, e.height);
    m_stats.peakResidentBytes = std::max(m_stats.peakResidentBytes, m_stats.residentBytes + textureBytes(e.width, e.height));
  }
  m_stats.worstPumpMs = std::max(m_stats.worstPumpMs, msSince(start));
  return strips;
}

size_t TextureCache::pending() const { return m_loader.pending() + m_uploads.size(); }

size_t TextureCache::pendingOnScreen() const {
  size_t n = 0; // queued, decoding, decoded or uploading: a prefetch the screen asked for since counts
  for (const auto& [key, e] : m_entries)
    n += !e.prefetchOnly && e.state == State::Pending;
  return n;
}

std::vector<Diagnostic> TextureCache::takeDiagnostics() { return std::exchange(m_diagnostics, {}); }

TextureCache::Stats TextureCache::stats() const { return m_stats; }

TextureCache::Wanted TextureCache::wantedBy(const Content& content) {
  Wanted w;
  const auto pictures = content.pictures();
  w.byFile.reserve(pictures.size());
  w.byName.reserve(pictures.size());
  for (const ImageRef* img : pictures)
    w.byFile[img->file.native()] = img;
  // A published version is the same files in a new folder: a picture found under the name
  // staff know it by, with the same size and time, keeps its texture under its new path, so
  // the screen does not blink to a placeholder at every publish.
  for (const auto& [file, img] : w.byFile)
    w.byName[img->displayPath] = img;
  return w;
}

void TextureCache::retain(const Wanted& want) {
  const auto& wanted = want.byFile;
  const auto& byName = want.byName;
  auto same = [](const Entry& e, const ImageRef& img) { return img.bytes == e.bytes && img.modified == e.modified; };
  std::vector<Entry> moved;
  for (auto it = m_entries.begin(); it != m_entries.end();) {
    const auto w = wanted.find(it->second.file);
    const bool keep = w != wanted.end() && it->second.state != State::Failed && same(it->second, *w->second);
    if (keep) {
      ++it;
      continue;
    }
    if (const auto n = byName.find(it->second.displayPath);
        w == wanted.end() && it->second.state == State::Ready && n != byName.end() && same(it->second, *n->second)) {
      it->second.file = n->second->file.string();
      moved.push_back(std::move(it->second));
      it = m_entries.erase(it);
      continue;
    }
    if (it->second.state == State::Pending) m_loader.cancel(it->second.ticket);
    const std::string k = it->first;
    release(it->second);
    m_uploads.erase(std::remove(m_uploads.begin(), m_uploads.end(), k), m_uploads.end());
    it = m_entries.erase(it);
  }
  for (auto& e : moved) {
    const std::string k = key(e.file, e.box);
    if (m_entries.count(k)) release(e); // already there under the new path: one texture is enough
    else m_entries.emplace(k, std::move(e));
  }
  m_reported.clear();
}

} // namespace kiosk::ui
