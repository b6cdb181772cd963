// The real kiosk as systemd sees it: a notify socket of our own stands in for systemd
// (NOTIFY_SOCKET, WATCHDOG_USEC=2 s), the kiosk runs on the sample content under our own
// Xvfb, and this program checks that it says READY=1 once its first screen is drawn, beats
// WATCHDOG=1 about every second, and stops beating while its frame loop is stalled (SIGSTOP:
// what a hung driver call looks like from outside), which is when systemd restarts it.
#include "KioskRunner.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Steady = std::chrono::steady_clock;

// Datagrams received within `seconds`, each with the time it came.
std::vector<std::pair<double, std::string>> listen(int fd, double seconds, Steady::time_point origin) {
  std::vector<std::pair<double, std::string>> got;
  const auto end = Steady::now() + std::chrono::duration<double>(seconds);
  while (Steady::now() < end) {
    char buf[4096];
    timeval tv{0, 100000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n > 0) got.emplace_back(std::chrono::duration<double>(Steady::now() - origin).count(), std::string(buf, static_cast<size_t>(n)));
  }
  return got;
}

int failWith(const std::string& why, pid_t kiosk) {
  std::fprintf(stderr, "service-notify: %s\n", why.c_str());
  if (kiosk > 0) {
    ::kill(kiosk, SIGCONT);
    ::kill(kiosk, SIGKILL);
    ::waitpid(kiosk, nullptr, 0);
  }
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: service_notify KIOSK CONTENT_DIR\n");
    return 2;
  }
  bench::Xvfb xvfb;
  if (!bench::startXvfb(xvfb, "1280x720x24")) return failWith("Xvfb would not start", 0);

  const std::string path = "/tmp/kiosk-notify-" + std::to_string(::getpid());
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
  ::unlink(path.c_str());
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return failWith("cannot make the notify socket", 0);

  ::setenv("DISPLAY", xvfb.display.c_str(), 1);
  const auto origin = Steady::now();
  const pid_t kiosk = ::fork();
  if (kiosk == 0) {
    ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
    ::setenv("WATCHDOG_USEC", "2000000", 1);
    const std::string cache = path + "-cache";
    ::execl(argv[1], argv[1], "--windowed", "--size", "1280x720", "--image-cache", cache.c_str(), argv[2],
            static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  // Running: READY=1 once, then beats about every second (half of WATCHDOG_USEC).
  const auto running = listen(fd, 6, origin);
  int ready = 0, beats = 0;
  for (const auto& [t, msg] : running) {
    std::printf("%6.2f s  %s\n", t, msg.c_str());
    ready += msg.rfind("READY=1", 0) == 0;
    beats += msg == "WATCHDOG=1";
  }
  if (ready != 1) return failWith("expected one READY=1, got " + std::to_string(ready), kiosk);
  if (beats < 3) return failWith("expected a heartbeat about every second, got " + std::to_string(beats) + " in 6 s", kiosk);
  // A second kiosk on the same display is refused, saying which one runs (exit 3).
  {
    const bench::KioskRun second = bench::runKiosk(argv[1], {"--windowed", "--size", "640x480", argv[2]}, "", 30);
    if (!WIFEXITED(second.status) || WEXITSTATUS(second.status) != 3 ||
        second.log.find("another kiosk (pid " + std::to_string(kiosk) + ") is already showing on this display") == std::string::npos)
      return failWith("a second kiosk was not refused; its log:\n" + second.log, kiosk);
    std::printf("a second kiosk on the display was refused\n");
  }
  // Stalled: no frames, no beats. systemd (WatchdogSec=2 here) would restart it now.
  ::kill(kiosk, SIGSTOP);
  listen(fd, 0.3, origin); // what was already in flight
  const auto stalled = listen(fd, 3, origin);
  if (!stalled.empty()) return failWith("a stalled kiosk still sent '" + stalled.front().second + "'", kiosk);
  std::printf("stalled for 3 s: no heartbeat\n");
  // Resumed: beats again.
  ::kill(kiosk, SIGCONT);
  const auto resumed = listen(fd, 3, origin);
  int again = 0;
  for (const auto& [t, msg] : resumed) again += msg == "WATCHDOG=1";
  ::kill(kiosk, SIGTERM);
  ::waitpid(kiosk, nullptr, 0);
  ::close(fd);
  ::unlink(path.c_str());
  if (again < 1) return failWith("no heartbeat after the stall ended", 0);
  std::printf("service-notify: READY=1 once, %d beats in 6 s, none while stalled, %d after\n", beats, again);
  return 0;
}
