#include "platform/FileWatch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

namespace platform {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t kFolderEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                                        IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// Watches with inotify on a thread of its own: the frame loop only reads an atomic counter.
// inotify is not recursive, so every folder gets a watch, and new folders get one as they appear.
// The parent of the root is watched too, so the root being deleted, renamed away or recreated
// (staff replacing the whole folder), or a content symlink switched to another version, is
// noticed and the watches are rebuilt.
class FileWatchInotify final : public FileWatch {
public:
  ~FileWatchInotify() override {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    if (m_fd >= 0) ::close(m_fd);
  }

  bool start(const fs::path& root, std::string& why) override {
    m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
      why = std::string("cannot watch the content folder (inotify: ") + std::strerror(errno) + "); press F5 to reload";
      return false;
    }
    std::error_code ec;
    m_root = fs::absolute(root, ec).lexically_normal();
    if (m_root.has_filename() == false) m_root = m_root.parent_path();
    watchParent();
    watchTree(m_root);
    m_thread = std::thread([this] { run(); });
    return true;
  }

  std::uint64_t changes() const override { return m_changes.load(std::memory_order_relaxed); }
  const char* name() const override { return "inotify"; }

private:
  void watchParent() {
    const int wd = inotify_add_watch(m_fd, m_root.parent_path().c_str(), IN_CREATE | IN_MOVED_TO | IN_ONLYDIR);
    if (wd >= 0) m_parentWd = wd;
  }

  void watchTree(const fs::path& dir) {
    const int wd = inotify_add_watch(m_fd, dir.c_str(), kFolderEvents);
    if (wd < 0) {
      // Gone already (the next event tells), or out of watches: that one is worth saying.
      if (errno == ENOSPC && !m_saidLimit) {
        m_saidLimit = true;
        // std::cerr, not stdio: the kiosk's log sink captures std::cerr (see kiosk/app/LogSink.h).
        std::cerr << "kiosk: cannot watch every content folder (the system's inotify limit is reached); "
                     "raise fs.inotify.max_user_watches, or press F5 after changes\n";
      }
      return;
    }
    m_dirs[wd] = dir;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec) && !it->is_symlink(ec)) watchTree(it->path());
  }

  void run() {
    alignas(struct inotify_event) char buffer[16384];
    while (!m_stop) {
      pollfd p{m_fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
      if (n <= 0) continue;
      bool changed = false;
      for (ssize_t i = 0; i < n;) {
        const auto* e = reinterpret_cast<const struct inotify_event*>(buffer + i);
        i += static_cast<ssize_t>(sizeof(struct inotify_event) + e->len);
        if (e->mask & IN_Q_OVERFLOW) {
          // Too many at once: certainly a change, and folders created meanwhile went unseen.
          watchTree(m_root);
          changed = true;
          continue;
        }
        if (e->wd == m_parentWd) {
          // Something appeared next to the root: the root itself, recreated or renamed back, or
          // (when the root is a symlink, as `kiosk publish` makes it) the link renamed over to
          // point at another version. inotify watches what a path resolves to, so the old target's
          // watches go (edits to it, or its pruning, are not content) and the new target's come.
          if (e->len > 0 && m_root.filename() == e->name) {
            unwatchUnder(m_root);
            watchTree(m_root);
            changed = true;
            break; // the map changed; the rest of this buffer may name watches just removed
          }
          continue;
        }
        auto dir = m_dirs.find(e->wd);
        if (dir == m_dirs.end()) continue;
        if (e->mask & IN_IGNORED) {
          m_dirs.erase(dir); // the folder went away; its watch with it
          continue;
        }
        changed = true;
        if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) && e->len > 0)
          watchTree(dir->second / e->name);
        // A folder that leaves the tree (moved out, or the root renamed away) is no longer content:
        // stop watching it, or edits to the old copy would keep reloading.
        if ((e->mask & IN_ISDIR) && (e->mask & IN_MOVED_FROM) && e->len > 0) unwatchUnder(dir->second / e->name);
        if ((e->mask & IN_MOVE_SELF) && dir->second == m_root) {
          unwatchUnder(m_root);
          break; // the map changed under the iterator; the rest of this buffer is about the old tree
        }
      }
      if (changed) m_changes.fetch_add(1, std::memory_order_relaxed);
    }
  }

  // Removes the watches of `dir` and every folder below it (by path: they were added by path).
  void unwatchUnder(const fs::path& dir) {
    for (auto it = m_dirs.begin(); it != m_dirs.end();) {
      const auto rel = it->second.lexically_relative(dir);
      if (!rel.empty() && *rel.begin() != "..") {
        inotify_rm_watch(m_fd, it->first);
        it = m_dirs.erase(it);
      } else {
        ++it;
      }
    }
  }

  int m_fd = -1;
  bool m_saidLimit = false;
  int m_parentWd = -1;
  fs::path m_root;
  std::map<int, fs::path> m_dirs; // watch descriptor -> folder; only the watch thread touches it after start
  std::atomic<std::uint64_t> m_changes{0};
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

} // namespace

std::unique_ptr<FileWatch> createFileWatch() { return std::make_unique<FileWatchInotify>(); }

} // namespace platform
