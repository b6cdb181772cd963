#include "media/ImageLoader.h"

#include "core/Content.h"
#include "media/MpvLibrary.h"
#include "media/PosterFrame.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::media {

namespace {
constexpr std::uintmax_t kMaxPosterBytes = 256u << 20; // poster frames kept: hundreds of films
constexpr double kPosterSeconds = 20;                  // a film that gives no frame in this long gives none
} // namespace

ImageLoader::ImageLoader(unsigned workers, std::shared_ptr<DiskCache> cache, size_t maxWaiting, DecodeLimits limits,
                         PixelOrder order, int prefetchNice)
    : m_cache(std::move(cache)), m_maxWaiting(std::max<size_t>(1, maxWaiting)), m_limits(limits), m_order(order) {
  if (m_cache && !m_cache->usable()) m_cache.reset();
  if (m_cache) m_posterDir = m_cache->dir() / "posters";
  else if (auto dir = privatePosterDir()) m_posterDir = *dir;
  const unsigned decoders = std::max(1u, workers);
  for (unsigned i = 0; i <= decoders; ++i)
    m_threads.emplace_back([this, i, prefetcher = i == decoders, prefetchNice] {
      // Named for `top -H` and the tests; the prefetcher below the frame loop and its renderer.
      ::pthread_setname_np(::pthread_self(), prefetcher ? "kiosk-prefetch" : "kiosk-decode");
      if (prefetcher && prefetchNice > 0) ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), prefetchNice);
      if (i == 0 && m_cache) { // the cache folder's housekeeping, off the main thread
        try {
          m_cache->trim();
        } catch (const std::exception&) { // a cache that cannot be tidied is still a cache
        }
      }
      if (i == 0 && !m_posterDir.empty()) {
        try {
          trimPosterDir(m_posterDir, kMaxPosterBytes);
        } catch (const std::exception&) {
        }
      }
      run(prefetcher);
    });
}

ImageLoader::~ImageLoader() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (auto& t : m_threads) t.join();
}

void ImageLoader::request(ImageRequest request) {
  {
    std::lock_guard lock(m_mutex);
    (request.priority == Priority::Visible ? m_visible : m_prefetch).push_back(std::move(request));
  }
  m_wake.notify_all();
}

bool ImageLoader::cancel(std::uint64_t ticket) {
  std::lock_guard lock(m_mutex);
  for (auto* q : {&m_visible, &m_prefetch}) {
    const auto it = std::find_if(q->begin(), q->end(), [&](const ImageRequest& r) { return r.ticket == ticket; });
    if (it != q->end()) {
      q->erase(it);
      return true;
    }
  }
  return false;
}

void ImageLoader::promote(std::uint64_t ticket) {
  std::lock_guard lock(m_mutex);
  const auto it = std::find_if(m_prefetch.begin(), m_prefetch.end(), [&](const ImageRequest& r) { return r.ticket == ticket; });
  if (it == m_prefetch.end()) return;
  ImageRequest r = std::move(*it);
  m_prefetch.erase(it);
  r.priority = Priority::Visible;
  m_visible.push_back(std::move(r));
  m_wake.notify_all();
}

std::vector<LoadedImage> ImageLoader::poll(size_t max) {
  std::vector<LoadedImage> out;
  {
    std::lock_guard lock(m_mutex);
    while (!m_done.empty() && out.size() < max) {
      out.push_back(std::move(m_done.front()));
      m_done.pop_front();
    }
  }
  if (!out.empty()) m_wake.notify_all(); // room for paused workers
  return out;
}

size_t ImageLoader::pending() const {
  std::lock_guard lock(m_mutex);
  return m_visible.size() + m_prefetch.size() + m_inFlight + m_done.size();
}

LoadedImage ImageLoader::work(const ImageRequest& req, std::optional<std::pair<ContentHash, std::uintmax_t>>& toStore) {
  const auto start = std::chrono::steady_clock::now();
  LoadedImage done{req, {}};
  std::filesystem::path source = req.file;
  if (isVideoPath(req.file)) { // a film: its poster frame, decoded like any picture
    source = posterFrame(req.file, done.result.error);
    if (source.empty()) {
      done.workMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      return done;
    }
  }
  // A file unchanged since it was last hashed (size, time, inode) is found in the disk cache
  // without reading it: a restart's first picture costs one small read, not a 10 MB one.
  const std::optional<FileIdentity> before = m_cache ? FileIdentity::of(source) : std::nullopt;
  if (before)
    if (const auto known = m_cache->knownHash(source, *before))
      if (auto hit = m_cache->lookup(*known, before->size, req.box)) {
        done.result.image = std::move(*hit);
        done.fromDiskCache = true;
        done.workMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return done;
      }
  const FileBytes read = readImageFileSettled(source, m_limits); // staff may be copying over it right now
  if (!read.error.empty()) {
    done.result.error = read.error;
  } else {
    ContentHash hash;
    if (m_cache) {
      hash = hashBytes(read.bytes);
      // Remembered only when the file was the same before and after the read: these bytes.
      if (before && before->size == read.bytes.size() && FileIdentity::of(source) == before) m_cache->remember(source, *before, hash);
      if (auto hit = m_cache->lookup(hash, read.bytes.size(), req.box)) {
        done.result.image = std::move(*hit);
        done.fromDiskCache = true;
      }
    }
    if (!done.fromDiskCache) {
      done.result = decodeImageBytes(read.bytes, req.box, m_limits);
      if (m_cache && done.result.ok()) toStore.emplace(hash, read.bytes.size());
    }
  }
  done.workMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return done;
}

std::filesystem::path ImageLoader::posterFrame(const std::filesystem::path& film, std::string& error) {
  const std::string stem = film.stem().string();
  const std::string instead = "; export it again as MP4 (H.264), or put a poster beside it named " + stem + ".poster.jpg";
  if (m_posterDir.empty()) {
    error = "no folder could be made to keep this film's poster frame in" + instead;
    return {};
  }
  const auto poster = posterPathFor(film, m_posterDir);
  if (!poster) {
    error = "this film cannot be read (it has disappeared, or the kiosk's user may not read it)";
    return {};
  }
  std::lock_guard lock(m_posterMutex);
  if (auto it = m_posterFailures.find(poster->string()); it != m_posterFailures.end()) {
    error = it->second;
    return {};
  }
  struct stat st {};
  if (::stat(poster->c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    ::utimensat(AT_FDCWD, poster->c_str(), nullptr, 0); // recently used: trimmed last
    return *poster;
  }
  if (const std::string& noMpv = mpvUnavailable(); !noMpv.empty()) { // the machine's problem, not the film's
    error = "no poster frame can be taken on this machine (" + noMpv + "); or put a poster beside the film named " + stem +
            ".poster.jpg";
    return {};
  }
  std::error_code ec;
  std::filesystem::create_directories(m_posterDir, ec);
  const std::string why = makePosterFrame(film, *poster, kPosterSeconds);
  if (!why.empty()) {
    if (m_posterFailures.size() > 1000) m_posterFailures.clear();
    error = m_posterFailures[poster->string()] = "no poster frame could be taken from this film (" + why + ")" + instead;
    return {};
  }
  return *poster;
}

void ImageLoader::run(bool prefetcher) {
  for (;;) {
    ImageRequest req;
    {
      std::unique_lock lock(m_mutex);
      // A prefetch waits while a picture for the screen is being decoded: on a two-core kiosk
      // it would take half the CPU from what the visitor is waiting for.
      m_wake.wait(lock, [this, prefetcher] {
        const bool work = prefetcher ? !m_prefetch.empty() && m_visibleInFlight == 0 : !m_visible.empty();
        return m_stop || (work && m_done.size() + m_inFlight < m_maxWaiting);
      });
      if (m_stop) return;
      const bool visible = !prefetcher;
      auto& q = visible ? m_visible : m_prefetch;
      req = std::move(q.front());
      q.pop_front();
      ++m_inFlight;
      m_visibleInFlight += visible;
    }
    LoadedImage done;
    std::optional<std::pair<ContentHash, std::uintmax_t>> toStore;
    DecodedImage copy;
    try {
      done = work(req, toStore);
      if (toStore) copy = done.result.image; // ~10 MB memcpy: the screen gets it before the disk does
      setPixelOrder(done.result.image, m_order); // the cache keeps RGBA, the texture takes `m_order`
    } catch (const std::exception& e) { // bad_alloc on a huge picture: a placeholder, not the end
      done = LoadedImage{req, {}};
      done.result.error = std::string("the image could not be decoded (") + e.what() + ")";
      toStore.reset();
    }
    {
      std::lock_guard lock(m_mutex);
      --m_inFlight;
      m_visibleInFlight -= req.priority == Priority::Visible;
      m_done.push_back(std::move(done));
    }
    m_wake.notify_all(); // a prefetch may go now
    if (toStore) {
      try {
        m_cache->store(toStore->first, toStore->second, req.box, copy);
      } catch (const std::exception&) { // out of memory or disk: the next start decodes again
      }
    }
  }
}

} // namespace kiosk::media
