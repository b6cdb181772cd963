#pragma once
// The systemd journal, for structured log lines (priority and the kiosk's own fields) when the
// kiosk's stderr goes to the journal anyway, as under kiosk.service. Outside systemd (and in the
// null platform) nothing is sent and the kiosk keeps writing stderr and its own log file.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace platform {

// One journal field beyond MESSAGE and PRIORITY: an upper-case NAME and its value.
struct JournalField {
  std::string name;
  std::string value;
};

// systemd's documented test for "stderr is the journal": $JOURNAL_STREAM is "DEV:INO" and names
// the device and inode of the file descriptor (a pipe to a console, or a file, does not match:
// then the kiosk was started by a shell inside a service, and its stderr is someone else's).
// Pure, for tests: `env` is the variable's value (null when unset), dev/ino fstat(2)'s.
inline bool journalStreamNames(const char* env, std::uint64_t dev, std::uint64_t ino) {
  if (!env || !*env) return false;
  std::uint64_t d = 0, i = 0;
  const char* p = env;
  auto number = [&p](std::uint64_t& out) {
    if (*p < '0' || *p > '9') return false;
    for (; *p >= '0' && *p <= '9'; ++p) out = out * 10 + static_cast<std::uint64_t>(*p - '0');
    return true;
  };
  if (!number(d) || *p++ != ':' || !number(i) || *p != '\0') return false;
  return d == dev && i == ino;
}

// True when file descriptor 2 is the journal stream systemd gave this process.
bool stderrIsJournal();

// Sends one entry (MESSAGE, PRIORITY 0-7, SYSLOG_IDENTIFIER=kiosk and `fields`); false when the
// journal did not take it, so the caller can write the line to stderr instead.
bool sendToJournal(int priority, std::string_view message, const std::vector<JournalField>& fields);

} // namespace platform
