#pragma once
// Decodes images on worker threads. The UI requests, then polls finished results once a frame:
// nothing here calls back into the UI and nothing here blocks the caller.
//
// Pictures on screen now are decoded before prefetches; a request no longer wanted can be
// cancelled while it waits; and workers pause while finished pictures wait to be taken, so
// decoded pixels never pile up in memory faster than the UI uploads them.
#include "media/DiskCache.h"
#include "media/ImageDecoder.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
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
  explicit ImageLoader(unsigned workers = 2, std::shared_ptr<DiskCache> cache = nullptr, size_t maxWaiting = 3,
                       DecodeLimits limits = {});
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

private:
  void run();
  // Reads, hashes and decodes (or finds in the disk cache). A fresh decode to be stored in the
  // disk cache is also left in `toStore`, so the picture is handed over before it is written.
  LoadedImage work(const ImageRequest& req, std::optional<std::pair<ContentHash, std::uintmax_t>>& toStore);

  std::shared_ptr<DiskCache> m_cache;
  size_t m_maxWaiting;
  DecodeLimits m_limits;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<ImageRequest> m_visible, m_prefetch;
  std::deque<LoadedImage> m_done;
  size_t m_inFlight = 0;
  size_t m_visibleInFlight = 0;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

} // namespace kiosk::media
