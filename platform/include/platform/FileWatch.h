#pragma once
// Notices changes anywhere under a folder, so the kiosk reloads content that staff edit while it
// runs. One implementation per OS: linux/FileWatchInotify.cpp (inotify, on its own thread) and
// null/FileWatchNull.cpp (never notices: staff press F5).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace platform {

class FileWatch {
public:
  virtual ~FileWatch() = default;

  // Starts watching `root` and every folder below it, including folders created later, files
  // saved by rename (as editors do), and `root` itself being deleted, renamed or recreated.
  // False, with `why`, when watching is not possible (then only F5 reloads).
  virtual bool start(const std::filesystem::path& root, std::string& why) = 0;

  // How many changes were seen since start(); never decreases. Safe from any thread; cheap.
  virtual std::uint64_t changes() const = 0;

  // The implementation's name for messages: "inotify", "none".
  virtual const char* name() const = 0;
};

// The platform's file watcher.
std::unique_ptr<FileWatch> createFileWatch();

} // namespace platform
