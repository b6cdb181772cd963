#include "platform/HeadphoneJack.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace platform {

namespace {

constexpr size_t kSwitchBytes = SW_MAX / 8 + 1;

bool hasBit(const unsigned char* bits, int bit) { return (bits[bit / 8] >> (bit % 8)) & 1; }

// Watches every input device that reports SW_HEADPHONE_INSERT, reading the switches' state twice
// a second on a thread of its own (an ioctl each: no frame waits for it).
class EvdevJack final : public HeadphoneJack {
public:
  EvdevJack() {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/input", ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("event", 0) != 0) continue;
      const int fd = ::open(entry.path().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) continue;
      unsigned char bits[kSwitchBytes] = {};
      if (::ioctl(fd, EVIOCGBIT(EV_SW, sizeof bits), bits) >= 0 && hasBit(bits, SW_HEADPHONE_INSERT)) {
        char label[128] = {};
        ::ioctl(fd, EVIOCGNAME(sizeof label - 1), label);
        m_fds.push_back(fd);
        m_names += (m_names.empty() ? "" : ", ") + std::string(label[0] ? label : name.c_str());
      } else
        ::close(fd);
    }
    if (m_fds.empty()) return;
    read();
    m_thread = std::thread([this] {
      std::unique_lock lock(m_mutex);
      while (!m_stop) {
        m_wake.wait_for(lock, std::chrono::milliseconds(500));
        if (!m_stop) read();
      }
    });
  }
  ~EvdevJack() override {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
    for (int fd : m_fds) ::close(fd);
  }
  std::optional<bool> plugged() const override {
    if (m_fds.empty()) return std::nullopt;
    return m_plugged.load();
  }
  std::string describe() const override {
    return m_fds.empty() ? "no headphone jack found (no input device reports SW_HEADPHONE_INSERT, or /dev/input is not readable)"
                         : "watching the headphone jack of " + m_names;
  }

private:
  void read() {
    bool any = false;
    for (int fd : m_fds) {
      unsigned char state[kSwitchBytes] = {};
      if (::ioctl(fd, EVIOCGSW(sizeof state), state) >= 0) any |= hasBit(state, SW_HEADPHONE_INSERT);
    }
    m_plugged = any;
  }

  std::vector<int> m_fds;
  std::string m_names;
  std::atomic<bool> m_plugged{false};
  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
};

} // namespace

std::unique_ptr<HeadphoneJack> createHeadphoneJack() { return std::make_unique<EvdevJack>(); }

} // namespace platform
