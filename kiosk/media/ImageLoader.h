#pragma once
// Decodes images on worker threads. The UI requests, then polls finished results once a frame:
// nothing here calls back into the UI and nothing here blocks the caller.
//
// A film (isVideoPath) requested here is shown as a frame of it: a poster frame libmpv takes
// once (PosterFrame.h), kept in the disk cache's posters/ folder (or a private temporary one
// without a disk cache), then decoded like any picture. A film that gives no frame fails like a
// picture that cannot be decoded.
//
// Pictures on screen now are decoded before prefetches, on `workers` threads at the process's
// priority; prefetches on one more thread below it (nice 10, named "kiosk-prefetch"), so on a
// software renderer a slide decoded ahead never takes a frame's CPU. A request no longer wanted can be
// cancelled while it waits; and workers pause while finished pictures wait to be taken, so
// decoded pixels never pile up in memory faster than the UI uploads them.
#include "media/DiskCache.h"
#include "media/ImageDecoder.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::media {

enum class Priority : std::uint8_t { Visible, Prefetch };

struct ImageRequest {
  std::filesystem::path file;
  DisplaySize box;
  Priority priority = Priority::Visible;
  std::uint64_t ticket = 0; // the caller's tag, returned with the result
};

struct LoadedImage {
  ImageRequest request;
  DecodeResult result;
  bool fromDiskCache = false;
  double workMs = 0; // reading, hashing and decoding (or reading the cache), on the worker
};

class ImageLoader {
public:
  // `cache` may be null (no disk cache). `maxWaiting` finished pictures may wait to be polled.
  // Pictures are handed over with their bytes in `order` (reordered on the worker).
  static constexpr int kPrefetchNice = 10; // the prefetch thread's nice value
  explicit ImageLoader(unsigned workers = 2, std::shared_ptr<DiskCache> cache = nullptr, size_t maxWaiting = 3,
                       DecodeLimits limits = {}, PixelOrder order = PixelOrder::Rgba, int prefetchNice = kPrefetchNice);
  ~ImageLoader();
  ImageLoader(const ImageLoader&) = delete;
  ImageLoader& operator=(const ImageLoader&) = delete;

  // Queues a decode; returns at once.
  void request(ImageRequest request);
  // Drops a request that has not started; returns whether it was dropped.
  bool cancel(std::uint64_t ticket);
  // Moves a waiting prefetch to the visible queue (the visitor got there first).
  void promote(std::uint64_t ticket);
  // Takes finished decodes, oldest first (at most `max`).
  std::vector<LoadedImage> poll(size_t max = SIZE_MAX);
  // Requests queued or being decoded, not yet polled.
  size_t pending() const;
  const std::shared_ptr<DiskCache>& diskCache() const { return m_cache; }
  // Where poster frames of films are kept ("" when there is nowhere to keep them).
  const std::filesystem::path& posterDir() const { return m_posterDir; }

private:
  // A worker's loop: `prefetcher` takes only prefetches, the others only pictures on screen.
  void run(bool prefetcher);
  // Reads, hashes and decodes (or finds in the disk cache). A fresh decode to be stored in the
  // disk cache is also left in `toStore`, so the picture is handed over before it is written.
  LoadedImage work(const ImageRequest& req, std::optional<std::pair<ContentHash, std::uintmax_t>>& toStore);
  // The poster frame of a film, made when missing; "" with `error` set when it gives none.
  std::filesystem::path posterFrame(const std::filesystem::path& film, std::string& error);

  std::shared_ptr<DiskCache> m_cache;
  size_t m_maxWaiting;
  DecodeLimits m_limits;
  PixelOrder m_order;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<ImageRequest> m_visible, m_prefetch;
  std::deque<LoadedImage> m_done;
  size_t m_inFlight = 0;
  size_t m_visibleInFlight = 0;
  bool m_stop = false;
  std::filesystem::path m_posterDir;
  std::mutex m_posterMutex; // one poster made at a time; a second request for it finds it made
  std::map<std::string, std::string> m_posterFailures; // poster path -> why the film gave none (guarded by m_posterMutex)
  std::vector<std::thread> m_threads;
};

} // namespace kiosk::media
