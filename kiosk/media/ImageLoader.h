#pragma once
// Decodes images on worker threads. The UI requests, then polls finished results once a frame:
// nothing here calls back into the UI and nothing here blocks the caller.
#include "media/ImageDecoder.h"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::media {

struct ImageRequest {
  std::filesystem::path file;
  int maxWidth = 0;
  int maxHeight = 0;
  std::uint64_t ticket = 0; // the caller's tag, returned with the result
};

struct LoadedImage {
  ImageRequest request;
  DecodeResult result;
};

class ImageLoader {
public:
  explicit ImageLoader(unsigned workers = 2);
  ~ImageLoader();
  ImageLoader(const ImageLoader&) = delete;
  ImageLoader& operator=(const ImageLoader&) = delete;

  // Queues a decode; returns at once.
  void request(ImageRequest request);
  // Takes finished decodes, oldest first (at most `max`).
  std::vector<LoadedImage> poll(size_t max = SIZE_MAX);
  // Requests queued or being decoded, not yet polled.
  size_t pending() const;

private:
  void run();

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<ImageRequest> m_queue;
  std::deque<LoadedImage> m_done;
  size_t m_inFlight = 0;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

} // namespace kiosk::media
