#pragma once
// The kiosk's log lines: what each line is (level, event, the file it names), the rotating log
// file it goes to outside systemd, and the last warnings and errors kept in memory for the staff
// admin view. Lines stay the plain "kiosk: ..." sentences written to std::cerr all over the code;
// app/LogSink captures them whole and routes them (see there). No SFML here.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk::log {

// syslog's numbers, which the journal's PRIORITY= takes as they are.
enum class Level { Error = 3, Warning = 4, Info = 6 };
const char* levelName(Level level); // "error", "warning", "info"

// What a line says, read from its shape: "file:line:col: error: ..." (a Diagnostic) names a file
// and its severity; the kiosk's own "kiosk: ..." sentences are matched by their opening words.
struct LineInfo {
  Level level = Level::Info;
  std::string event; // KIOSK_EVENT: ready, reload, content_error, picture_error, ...; empty: unknown
  std::string file;  // KIOSK_CONTENT_FILE, for a diagnostic; else empty
  int line = 0;      // its line, 0 when none
};
LineInfo classify(std::string_view text);

struct LogLine {
  std::chrono::system_clock::time_point time;
  Level level = Level::Info;
  std::string text; // as written, without the newline
};

// "2026-05-01T10:15:30.123+08:00 warning kiosk: ..." (local time, ISO 8601), no newline.
std::string formatFileLine(const LogLine& line);

// The last `capacity` warnings and errors, oldest first. Thread-safe.
class RecentProblems {
public:
  explicit RecentProblems(std::size_t capacity = 50) : m_capacity(capacity) {}
  void add(LogLine line); // ignores Info lines
  std::vector<LogLine> snapshot() const;

private:
  std::size_t m_capacity;
  mutable std::mutex m_mutex;
  std::deque<LogLine> m_lines;
};

// The process's ring, filled by the installed log sink; what the admin view shows as "recent
// errors" (newest last). Empty until a sink is installed.
RecentProblems& recentProblemsRing();
std::vector<LogLine> recentProblems();

// A streambuf that cuts what is written into whole lines and hands each to `onLine` (without its
// '\n'). Each thread has its own unfinished line, so `std::cerr << a << b << "\n"` from two threads
// at once gives two whole lines, never a mix. `onLine` is called on the writing thread.
class LineSplitter : public std::streambuf {
public:
  using OnLine = std::function<void(std::string_view)>;
  explicit LineSplitter(OnLine onLine) : m_onLine(std::move(onLine)) {}
  ~LineSplitter() override { flushAll(); }
  // Hands over every thread's unfinished line (at exit), as if it had ended.
  void flushAll();

protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

private:
  OnLine m_onLine;
  std::mutex m_mutex;
  std::map<std::thread::id, std::string> m_pending;
};

// A log file that rotates by size: past `maxBytes` the file becomes name.1, name.1 name.2, ...,
// and name.<keep> is deleted, so the logs never hold more than about (keep + 1) * maxBytes. Only
// those names are touched; other files in the folder are left alone. Lines are queued and
// written (one write(2) each, O_APPEND) and files renamed on its own thread: the frame loop only
// formats and queues. Problems (the folder cannot be made, a full disk) go to `warn` once each.
class RotatingFile {
public:
  struct Limits {
    std::uintmax_t maxBytes = 5u << 20;
    int keep = 5;
    std::size_t maxQueued = 10000; // beyond this lines are dropped (and counted), not buffered
  };
  using Warn = std::function<void(const std::string&)>;
  RotatingFile(std::filesystem::path file, Limits limits, Warn warn);
  ~RotatingFile(); // writes what is queued, then stops
  RotatingFile(const RotatingFile&) = delete;
  RotatingFile& operator=(const RotatingFile&) = delete;

  void append(const LogLine& line);
  // Until everything queued so far is written (tests; shutting down).
  void flush();
  const std::filesystem::path& path() const { return m_file; }

private:
  void run();
  bool open();
  void rotate();
  void writeLine(const std::string& text);

  std::filesystem::path m_file;
  Limits m_limits;
  Warn m_warn;
  int m_fd = -1;
  std::uintmax_t m_size = 0;
  bool m_saidOpen = false, m_saidWrite = false;
  std::mutex m_mutex;
  std::condition_variable m_wake, m_idle;
  std::deque<LogLine> m_queue;
  std::size_t m_dropped = 0;
  bool m_busy = false, m_stop = false;
  std::thread m_worker;
};

} // namespace kiosk::log
