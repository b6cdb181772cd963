#pragma once
// The visit log: one JSON Lines file per local day, `<dir>/visits-YYYY-MM-DD.jsonl`, that
// survives kill -9 and power loss with at worst its last line torn, and never grows past a byte
// budget or an age. Written on a small worker thread: the frame loop only queues lines.
//
// Why a kill cannot corrupt it: each line goes to disk in one write(2) on an O_APPEND file
// descriptor, so a killed writer leaves at most a truncated last line (one without its '\n'),
// never two lines interleaved. A writer that opens a file whose last byte is not '\n' starts
// its first line with one, so the next good line is never glued onto a torn fragment. The
// reader skips, and counts, every line that is not a complete event.
#include "core/Clock.h"
#include "ops/VisitEvent.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

struct VisitLogLimits {
  // All visits-*.jsonl files together; the oldest days are deleted first. Today's file is never
  // deleted: once it alone reaches the budget, the rest of the day's events are dropped.
  std::uint64_t maxBytes = 64ull << 20;
  // Files more than this many days older than the day being written are deleted.
  int maxDays = 365;
};

class VisitLog {
public:
  // Where problems are told (once each, not every frame): by default stderr, "kiosk: ...".
  using Warn = std::function<void(const std::string&)>;

  // Opens nothing yet: the folder is created and the day's file opened on the worker, at the
  // first event. Never throws for a bad folder; that is reported as a write failure.
  explicit VisitLog(std::filesystem::path dir, VisitLogLimits limits = {}, Warn warn = {});
  // Writes what is queued, then stops the worker.
  ~VisitLog();
  VisitLog(const VisitLog&) = delete;
  VisitLog& operator=(const VisitLog&) = delete;

  // Queues the event for the file of its date (e.date, from the kiosk's Clock::today(), so
  // virtual time rotates files too). Returns at once and never throws; when the disk cannot
  // keep up (more than kMaxQueued lines waiting) the event is dropped and counted.
  void append(const VisitEvent& e) noexcept;
  void append(const std::vector<VisitEvent>& events) noexcept;
  // Waits until every event queued so far is written (or has failed). For shutdown and tests.
  void flush();

  struct Stats {
    std::uint64_t written = 0;      // lines written whole
    std::uint64_t dropped = 0;      // lines lost: write failures, a full queue, the day over budget
    std::uint64_t filesDeleted = 0; // old days deleted for the budget
    std::uint64_t warnings = 0;     // problems told through Warn
  };
  Stats stats() const;

  static constexpr size_t kMaxQueued = 10000;
  // "visits-2026-01-05.jsonl"
  static std::string fileName(CivilDate date);
  // The date a log file is for, or nullopt for any other name (which the log never touches).
  static std::optional<CivilDate> dateOfFile(const std::string& name);

private:
  struct Line {
    CivilDate date;
    std::string text;
  };
  void run();
  void writeLine(const Line& line);
  bool openDay(CivilDate date);
  void closeFile();
  void prune(CivilDate today);
  // Tells `message` once, until a write succeeds again.
  void fail(const std::string& message);

  const std::filesystem::path m_dir;
  const VisitLogLimits m_limits;
  const Warn m_warn;

  mutable std::mutex m_mutex;
  std::condition_variable m_wake, m_drained;
  std::deque<Line> m_queue;
  std::uint64_t m_queued = 0, m_done = 0; // lines handed to and finished by the worker
  bool m_stopping = false;
  Stats m_stats;
  bool m_queueFullTold = false;

  // Worker only.
  int m_fd = -1;
  CivilDate m_openDate{0, 0, 0};
  std::uint64_t m_fileBytes = 0;
  std::uint64_t m_bytesSincePrune = 0;
  bool m_needNewline = false; // the file ends in a torn line: start the next write with '\n'
  bool m_failing = false;     // a failure was told and nothing has succeeded since

  std::thread m_worker; // last: starts after everything it uses
};

// One log file as the reader found it.
struct VisitLogFile {
  std::string name; // "visits-2026-01-05.jsonl"
  size_t good = 0;  // complete events read
  size_t skipped = 0; // lines that were not complete events (torn, glued, garbage)
  bool tornTail = false; // the last line had no '\n': a write cut short (kill -9, power loss)
  std::vector<size_t> skippedLines; // 1-based line numbers of the first few skipped lines
};

struct VisitLogContents {
  std::vector<VisitEvent> events; // files by date, lines in order
  std::vector<VisitLogFile> files;
  std::string error; // the folder could not be read; empty when it was (or does not exist yet)
  size_t skipped() const;
};

// Reads every visits-YYYY-MM-DD.jsonl in `dir` dated from `from` to `to` (inclusive, either
// open). A folder that does not exist yet is empty, not an error.
VisitLogContents readVisitLog(const std::filesystem::path& dir, std::optional<CivilDate> from = std::nullopt,
                              std::optional<CivilDate> to = std::nullopt);

} // namespace kiosk
