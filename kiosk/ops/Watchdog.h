#pragma once
// Heartbeats for a service manager's watchdog (systemd's WatchdogSec): the frame loop reports
// each finished frame, and a heartbeat goes out at most every `interval`. A frame loop that
// hangs stops reporting, the heartbeats stop, and the service manager restarts the kiosk.
// Pure logic on a clock and a sink, so tests stall a frame loop in virtual time.
#include "core/Clock.h"

#include <functional>
#include <string>

namespace kiosk {

class Watchdog {
public:
  // `send` delivers one notification ("READY=1", "WATCHDOG=1", "STATUS=..."); `interval` is
  // how often to beat (half the service's WatchdogSec); 0 turns heartbeats off.
  Watchdog(std::function<void(const std::string&)> send, Seconds interval);

  // The first screen is drawn: the service is up (once).
  void ready(Seconds now, const std::string& status);
  // A frame finished: beats when `interval` has passed since the last beat.
  void frameDone(Seconds now);
  // A line for `systemctl status` (sent only when it changes).
  void status(const std::string& text);

  Seconds interval() const { return m_interval; }
  unsigned long beats() const { return m_beats; }

private:
  std::function<void(const std::string&)> m_send;
  Seconds m_interval;
  Seconds m_lastBeat = -1;
  bool m_ready = false;
  unsigned long m_beats = 0;
  std::string m_status;
};

} // namespace kiosk
