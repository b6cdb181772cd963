#include "platform/InstanceLock.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace platform {

bool acquireInstanceLock(const std::string& name, std::string& why) {
  // In the user's runtime folder (a tmpfs, cleared at boot), else /tmp.
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  const bool inRuntime = runtime && *runtime == '/';
  std::string file;
  file.reserve(256);
  file.append(inRuntime ? runtime : "/tmp").append("/kiosk-");
  for (char c : name) file.push_back((c == '/' || c == ':' || c == '.') ? '_' : c);
  if (!inRuntime) file.append("-").append(std::to_string(getuid()));
  file.append(".lock");
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    why = "cannot open the lock file " + file + " (" + std::strerror(errno) + "); running without one";
    return true; // a lock we cannot take must not stop the kiosk
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char pid[32] = {};
    const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
    why = "another kiosk (pid " + std::string(n > 0 ? std::string(pid, static_cast<size_t>(n)) : "?") +
          ") is already showing on this display; stop it first (systemctl stop kiosk, or Ctrl+Q on its screen)";
    ::close(fd);
    return false;
  }
  // Held until the process ends: the descriptor is never closed. The pid is for the message above.
  const std::string me = std::to_string(getpid());
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, me.data(), me.size(), 0);
  return true;
}

} // namespace platform
