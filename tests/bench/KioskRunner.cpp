#include "KioskRunner.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/select.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bench {

namespace {
using Steady = std::chrono::steady_clock;
double msSince(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }
} // namespace

Xvfb::~Xvfb() {
  if (pid > 0) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
}


static bool startXvfbOnce(Xvfb& x, const std::string& screen) {
  int fds[2];
  if (::pipe(fds) != 0) return false;
  x.pid = ::fork();
  if (x.pid == 0) {
    ::close(fds[0]);
    const std::string fd = std::to_string(fds[1]);
    ::execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", "-noreset",
             static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  ::close(fds[1]);
  // Xvfb writes the number and then its newline in a second write: the pipe stays open until the
  // newline is read, or that write fails and the server exits ("Cannot write display number").
  char buf[32] = {};
  size_t n = 0;
  while (n < sizeof buf - 1 && std::memchr(buf, '\n', n) == nullptr) {
    const ssize_t got = ::read(fds[0], buf + n, sizeof buf - 1 - n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    n += static_cast<size_t>(got);
  }
  ::close(fds[0]);
  if (n == 0) return false;
  const int number = std::atoi(buf);
  char name[64];
  std::snprintf(name, sizeof name, ":%d", number);
  x.display = name;
  // The server is up when its socket is there and it is still running.
  std::snprintf(name, sizeof name, "/tmp/.X11-unix/X%d", number);
  const fs::path socket = name;
  for (int i = 0; i < 100 && !fs::exists(socket); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // A server that loses a race for the number (another Xvfb, perhaps in a container sharing the
  // abstract socket namespace) exits at once: alive after a moment means it is ours.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  return fs::exists(socket) && ::waitpid(x.pid, nullptr, WNOHANG) == 0;
}

// Xvfb on a free display number; tried three times (a server starting elsewhere can take the
// number between Xvfb's check and its bind).
bool startXvfb(Xvfb& x, const std::string& screen) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (startXvfbOnce(x, screen)) return true;
    if (x.pid > 0) {
      ::kill(x.pid, SIGTERM);
      ::waitpid(x.pid, nullptr, 0);
      x.pid = 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}


// Runs the kiosk with `args`; with `until`, stops it (SIGTERM) once a stderr line contains it.
KioskRun runKiosk(const std::string& kiosk, const std::vector<std::string>& args, const std::string& until, int timeoutSeconds,
                  double stopAfterSeconds) {
  KioskRun run;
  int fds[2];
  if (::pipe(fds) != 0) return run;
  const auto start = Steady::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 2);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kiosk.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(kiosk.c_str(), argv.data());
    std::_Exit(127);
  }
  ::close(fds[1]);
  std::string pendingLine;
  char buf[4096];
  bool stopped = false;
  for (;;) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fds[0], &set);
    timeval tv{0, 100000};
    const int ready = ::select(fds[0] + 1, &set, nullptr, nullptr, &tv);
    if (stopAfterSeconds > 0 && !stopped && msSince(start) > stopAfterSeconds * 1000.0) {
      ::kill(pid, SIGTERM); // the kiosk ends its loop and writes its exit log
      stopped = true;
    }
    if (msSince(start) > timeoutSeconds * 1000.0) {
      ::kill(pid, SIGKILL);
      break;
    }
    if (ready <= 0) continue;
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    run.log.append(buf, static_cast<size_t>(n));
    const auto at = until.empty() || stopped ? std::string::npos : run.log.find(until);
    if (at != std::string::npos && run.log.find('\n', at) != std::string::npos) { // the whole line
      run.msToLine = msSince(start);
      ::kill(pid, SIGTERM);
      stopped = true;
    }
  }
  ::close(fds[0]);
  ::waitpid(pid, &run.status, 0);
  return run;
}


} // namespace bench
