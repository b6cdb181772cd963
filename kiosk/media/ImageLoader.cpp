#include "media/ImageLoader.h"

#include <exception>

namespace kiosk::media {

ImageLoader::ImageLoader(unsigned workers) {
  for (unsigned i = 0; i < std::max(1u, workers); ++i) m_threads.emplace_back([this] { run(); });
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
    m_queue.push_back(std::move(request));
  }
  m_wake.notify_one();
}

std::vector<LoadedImage> ImageLoader::poll(size_t max) {
  std::vector<LoadedImage> out;
  std::lock_guard lock(m_mutex);
  while (!m_done.empty() && out.size() < max) {
    out.push_back(std::move(m_done.front()));
    m_done.pop_front();
  }
  return out;
}

size_t ImageLoader::pending() const {
  std::lock_guard lock(m_mutex);
  return m_queue.size() + m_inFlight + m_done.size();
}

void ImageLoader::run() {
  for (;;) {
    ImageRequest req;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_stop) return;
      req = std::move(m_queue.front());
      m_queue.pop_front();
      ++m_inFlight;
    }
    LoadedImage done{req, {}};
    try {
      done.result = decodeImageFile(req.file, req.maxWidth, req.maxHeight);
    } catch (const std::exception& e) { // bad_alloc on a huge picture: a placeholder, not the end
      done.result.error = std::string("the image could not be decoded (") + e.what() + ")";
    }
    {
      std::lock_guard lock(m_mutex);
      --m_inFlight;
      m_done.push_back(std::move(done));
    }
  }
}

} // namespace kiosk::media
