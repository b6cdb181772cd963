#include "ops/VisitLog.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

namespace fs = std::filesystem;

VisitLog::VisitLog(fs::path dir, VisitLogLimits limits, Warn warn)
    : m_dir(std::move(dir)), m_limits(limits),
      m_warn(warn ? std::move(warn) : [](const std::string& m) { std::cerr << "kiosk: " << m << "\n"; }),
      m_worker([this] { run(); }) {}

VisitLog::~VisitLog() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_one();
  m_worker.join();
  closeFile();
}

void VisitLog::append(const VisitEvent& e) noexcept {
  try {
    Line line{e.date, formatVisitLine(e)};
    {
      std::lock_guard lock(m_mutex);
      if (m_queue.size() >= kMaxQueued) {
        ++m_stats.dropped;
        if (!m_queueFullTold) {
          m_queueFullTold = true;
          ++m_stats.warnings;
          m_warn("the visit log in " + m_dir.string() + " cannot keep up (the disk is too slow or stalled); visit events are being dropped");
        }
        return;
      }
      m_queue.push_back(std::move(line));
      ++m_queued;
    }
    m_wake.notify_one();
  } catch (...) {
    // Out of memory formatting one line: the visit goes unrecorded, the kiosk carries on.
  }
}

void VisitLog::append(const std::vector<VisitEvent>& events) noexcept {
  for (const auto& e : events) append(e);
}

void VisitLog::flush() {
  std::unique_lock lock(m_mutex);
  const auto target = m_queued;
  m_drained.wait(lock, [&] { return m_done >= target; });
}

VisitLog::Stats VisitLog::stats() const {
  std::lock_guard lock(m_mutex);
  return m_stats;
}

void VisitLog::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
    if (m_queue.empty() && m_stopping) return;
    std::deque<Line> batch;
    batch.swap(m_queue);
    lock.unlock();
    for (const auto& line : batch) writeLine(line);
    lock.lock();
    m_done += batch.size();
    m_drained.notify_all();
  }
}

std::string VisitLog::fileName(CivilDate date) { return "visits-" + date.iso() + ".jsonl"; }

std::optional<CivilDate> VisitLog::dateOfFile(const std::string& name) {
  // "visits-" + YYYY-MM-DD + ".jsonl", nothing else: other files in the folder are not ours.
  if (name.size() != 7 + 10 + 6 || name.compare(0, 7, "visits-") != 0 || name.compare(17, 6, ".jsonl") != 0) return std::nullopt;
  const std::string d = name.substr(7, 10);
  if (d[4] != '-' || d[7] != '-') return std::nullopt;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[k] < '0' || d[k] > '9') return std::nullopt;
  const CivilDate date{std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2))};
  if (!date.valid() || date.iso() != d) return std::nullopt;
  return date;
}

void VisitLog::fail(const std::string& message) {
  std::lock_guard lock(m_mutex);
  ++m_stats.dropped;
  if (m_failing) return;
  m_failing = true;
  ++m_stats.warnings;
  m_warn(message + "; visit analytics are not being recorded until this is fixed");
}

void VisitLog::closeFile() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
}

bool VisitLog::openDay(CivilDate date) {
  closeFile();
  const fs::path file = m_dir / fileName(date);
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  // Read access only to look at the last byte; every write goes to the end (O_APPEND).
  m_fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    fail("cannot open the visit log " + file.string() + " (" + std::strerror(errno) +
         "); check that the folder exists and the kiosk's user may write to it");
    return false;
  }
  m_openDate = date;
  struct stat st {};
  m_fileBytes = ::fstat(m_fd, &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  // A kiosk killed mid-write left a line without its '\n': the next line must not continue it.
  // When the last byte cannot be read, assume the worst: at most one empty line is skipped.
  char last = '\n';
  m_needNewline = m_fileBytes > 0 && (::pread(m_fd, &last, 1, static_cast<off_t>(m_fileBytes - 1)) != 1 || last != '\n');
  prune(date);
  return true;
}

void VisitLog::writeLine(const Line& line) {
  if (m_fd < 0 || line.date != m_openDate) {
    if (!openDay(line.date)) return;
  }
  std::string buffer;
  const std::string* text = &line.text;
  if (m_needNewline) {
    buffer = "\n" + line.text;
    text = &buffer;
  }
  if (m_fileBytes + text->size() > m_limits.maxBytes) {
    fail("the visit log " + (m_dir / fileName(line.date)).string() + " alone has reached the analytics budget of " +
         std::to_string(m_limits.maxBytes >> 20) + " MiB; the rest of the day's events are dropped");
    return;
  }
  // One write(2) per line: a kill can cut it short but nothing can come between its parts.
  ssize_t n;
  do n = ::write(m_fd, text->data(), text->size());
  while (n < 0 && errno == EINTR);
  if (n > 0) m_fileBytes += static_cast<std::uint64_t>(n);
  if (n != static_cast<ssize_t>(text->size())) {
    if (n > 0) m_needNewline = true; // a part is on disk: the next line starts afresh
    fail("cannot write the visit log " + (m_dir / fileName(line.date)).string() + " (" +
         (n < 0 ? std::strerror(errno) : "the disk took only part of a line") + "); check free disk space and permissions");
    return;
  }
  m_needNewline = false;
  m_bytesSincePrune += static_cast<std::uint64_t>(n);
  {
    std::lock_guard lock(m_mutex);
    ++m_stats.written;
    m_failing = false;
  }
  // Within a day the budget is checked every sixteenth of it, not at every line.
  if (m_bytesSincePrune > m_limits.maxBytes / 16) prune(line.date);
}

void VisitLog::prune(CivilDate today) {
  m_bytesSincePrune = 0;
  std::error_code ec;
  std::vector<std::pair<CivilDate, fs::path>> files;
  for (fs::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto date = dateOfFile(it->path().filename().string());
    std::error_code e2;
    if (date && it->is_regular_file(e2)) files.emplace_back(*date, it->path());
  }
  // Newest first: the budget keeps the most recent days.
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const CivilDate oldestKept = today.plusDays(1 - static_cast<long>(std::max(1, m_limits.maxDays)));
  std::uint64_t total = 0;
  for (const auto& [date, path] : files) {
    std::error_code e2;
    const auto size = fs::file_size(path, e2);
    if (!e2) total += size;
    if (date == m_openDate && m_fd >= 0) continue; // the day being written stays
    if (date < oldestKept || total > m_limits.maxBytes) {
      if (fs::remove(path, e2)) {
        std::lock_guard lock(m_mutex);
        ++m_stats.filesDeleted;
      }
    }
  }
}

size_t VisitLogContents::skipped() const {
  size_t n = 0;
  for (const auto& f : files) n += f.skipped;
  return n;
}

VisitLogContents readVisitLog(const fs::path& dir, std::optional<CivilDate> from, std::optional<CivilDate> to) {
  VisitLogContents out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  std::vector<std::pair<CivilDate, fs::path>> files;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.error = "cannot read the analytics folder " + dir.string() + " (" + ec.message() + ")";
    return out;
  }
  for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    const auto date = VisitLog::dateOfFile(it->path().filename().string());
    if (!date || (from && *date < *from) || (to && *date > *to)) continue;
    files.emplace_back(*date, it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& [date, path] : files) {
    VisitLogFile report;
    report.name = path.filename().string();
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t lineNumber = 0;
    for (size_t pos = 0; pos < text.size();) {
      ++lineNumber;
      const size_t newline = text.find('\n', pos);
      const bool torn = newline == std::string::npos; // written only in part
      const std::string_view line(text.data() + pos, (torn ? text.size() : newline) - pos);
      pos = torn ? text.size() : newline + 1;
      auto event = torn ? std::nullopt : parseVisitLine(line);
      if (event) {
        ++report.good;
        out.events.push_back(std::move(*event));
        continue;
      }
      ++report.skipped;
      report.tornTail = report.tornTail || torn;
      if (report.skippedLines.size() < 10) report.skippedLines.push_back(lineNumber);
    }
    out.files.push_back(std::move(report));
  }
  return out;
}

} // namespace kiosk
