#include "ops/Watchdog.h"

#include <cmath>
#include <utility>

namespace kiosk {

Watchdog::Watchdog(std::function<void(const std::string&)> send, Seconds interval)
    : m_send(std::move(send)), m_interval(std::isfinite(interval) && interval > 0 ? interval : 0) {}

void Watchdog::ready(Seconds now, const std::string& status) {
  if (m_ready) return;
  m_ready = true;
  m_status = status;
  m_send("READY=1\nSTATUS=" + status);
  m_lastBeat = now;
  if (m_interval > 0) {
    m_send("WATCHDOG=1");
    ++m_beats;
  }
}

void Watchdog::frameDone(Seconds now) {
  if (!m_ready || m_interval <= 0) return; // before the first screen, systemd's start timeout applies
  if (now - m_lastBeat < m_interval) return;
  m_lastBeat = now;
  m_send("WATCHDOG=1");
  ++m_beats;
}

void Watchdog::status(const std::string& text) {
  if (!m_ready || text == m_status) return;
  m_status = text;
  m_send("STATUS=" + text);
}

} // namespace kiosk
