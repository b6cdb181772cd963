#include "ops/Log.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <utility>

namespace kiosk::log {
namespace fs = std::filesystem;

const char* levelName(Level level) {
  switch (level) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Info: return "info";
  }
  return "info";
}

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool contains(std::string_view s, std::string_view what) {
  return std::search(s.begin(), s.end(), what.begin(), what.end(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b;
         }) != s.end();
}

bool isPicture(std::string_view file) {
  const auto dot = file.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(file.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "gif" || ext == "bmp" || ext == "webp";
}

// The kiosk's own sentences, by their opening words after "kiosk: ". First match wins.
struct Known {
  std::string_view start;
  const char* event;
  Level level;
};
constexpr Known kKnown[] = {
    {"ready ", "ready", Level::Info},
    {"content reloaded", "reload", Level::Info},
    {"the content folder could not be read", "content_error", Level::Error},
    {"the content folder has errors", "content_error", Level::Error},
    {"lost the X display", "display_lost", Level::Error},
    {"display awake", "display_power", Level::Info},
    {"display asleep", "display_power", Level::Info},
    {"memory:", "memory", Level::Info},
    {"pictures:", "pictures", Level::Info},
    {"first picture on screen", "pictures", Level::Info},
    {"the image cache folder", "image_cache", Level::Warning},
    {"no installed font can draw", "missing_glyph", Level::Warning},
    {"font atlas", "fonts", Level::Info},
    {"font ", "fonts", Level::Info},
    {"cannot write the metrics file", "metrics", Level::Error},
    {"cannot keep the start count", "metrics", Level::Error},
    {"cannot write to the image cache", "image_cache", Level::Warning},
    {"vsync is not pacing", "frame_pacing", Level::Warning},
    {"warning: the display has no", "display_mode", Level::Warning},
    {"cannot watch every content folder", "file_watch", Level::Warning},
    {"text glyph pages", "frame_times", Level::Info},
    {"wrote ", "screenshot", Level::Info},
    {"multi-touch", "touch", Level::Info},
    {"speech: cannot", "speech", Level::Warning},
    {"speech: no sound device", "speech", Level::Warning},
    {"speech: off", "speech", Level::Warning},
    {"speech: ", "speech", Level::Info}, // what was said: its words ("cannot", "error") are no problem
};

} // namespace

LineInfo classify(std::string_view text) {
  LineInfo info;
  // A Diagnostic: "file[:line[:col]]: error: message" (or warning).
  for (auto [marker, level] : {std::pair{std::string_view(": error: "), Level::Error},
                               std::pair{std::string_view(": warning: "), Level::Warning}}) {
    const auto at = text.find(marker);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view place = text.substr(0, at);
    if (place.find(' ') != std::string_view::npos) continue; // a sentence, not a place
    info.level = level;
    // Up to two trailing ":number" parts are the line and column.
    int numbers[2] = {0, 0};
    int found = 0;
    for (; found < 2; ++found) {
      const auto colon = place.rfind(':');
      if (colon == std::string_view::npos) break;
      const auto digits = place.substr(colon + 1);
      if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) break;
      numbers[found] = std::atoi(std::string(digits).c_str());
      place = place.substr(0, colon);
    }
    info.line = found == 2 ? numbers[1] : found == 1 ? numbers[0] : 0;
    if (place == "kiosk") { // Diagnostic::format's name for "no file": the kiosk itself
      info.event = level == Level::Error ? "error" : "warning";
      return info;
    }
    info.file = std::string(place);
    const bool script = place.size() > 8 && place.substr(place.size() - 8) == ".kscript";
    info.event = script ? "script_error" : isPicture(place) ? "picture_error" : "content_error";
    return info;
  }
  if (startsWith(text, "kiosk: ")) {
    const auto rest = text.substr(7);
    for (const auto& k : kKnown) {
      if (startsWith(rest, k.start)) {
        info.event = k.event;
        info.level = k.level;
        return info;
      }
    }
    if (rest.find(" frames drawn, ") != std::string_view::npos) {
      info.event = "frame_times";
      return info;
    }
  }
  // Anything else (another library's line, a new sentence): its words decide.
  if (contains(text, "error") || contains(text, "cannot") || contains(text, "could not") || contains(text, "failed"))
    info.level = Level::Error;
  else if (contains(text, "warning"))
    info.level = Level::Warning;
  return info;
}

std::string formatFileLine(const LogLine& line) {
  using namespace std::chrono;
  const auto t = system_clock::to_time_t(line.time);
  const auto ms = duration_cast<milliseconds>(line.time.time_since_epoch()).count() % 1000;
  std::tm local{};
  localtime_r(&t, &local);
  char stamp[64];
  const auto n = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &local);
  char zone[8] = "";
  std::strftime(zone, sizeof zone, "%z", &local); // +0800; ISO 8601's extended form is +08:00
  std::string out(stamp, n);
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms < 0 ? ms + 1000 : ms));
  out += frac;
  if (std::strlen(zone) == 5) {
    out.append(zone, 3);
    out += ':';
    out.append(zone + 3, 2);
  }
  out += ' ';
  out += levelName(line.level);
  out += ' ';
  out += line.text;
  return out;
}

// ---- RecentProblems -------------------------------------------------------------------------

void RecentProblems::add(LogLine line) {
  if (line.level == Level::Info || m_capacity == 0) return;
  std::lock_guard lock(m_mutex);
  if (m_lines.size() == m_capacity) m_lines.pop_front();
  m_lines.push_back(std::move(line));
}

std::vector<LogLine> RecentProblems::snapshot() const {
  std::lock_guard lock(m_mutex);
  return {m_lines.begin(), m_lines.end()};
}

RecentProblems& recentProblemsRing() {
  static RecentProblems ring(50);
  return ring;
}

std::vector<LogLine> recentProblems() { return recentProblemsRing().snapshot(); }

// ---- LineSplitter ---------------------------------------------------------------------------

LineSplitter::int_type LineSplitter::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  xsputn(&c, 1);
  return ch;
}

std::streamsize LineSplitter::xsputn(const char* s, std::streamsize n) {
  std::vector<std::string> done;
  {
    std::lock_guard lock(m_mutex);
    std::string& pending = m_pending[std::this_thread::get_id()];
    std::string_view rest(s, static_cast<size_t>(n));
    for (auto nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
      pending.append(rest.substr(0, nl));
      done.push_back(std::move(pending));
      pending.clear();
      rest.remove_prefix(nl + 1);
    }
    pending.append(rest);
    if (pending.empty()) m_pending.erase(std::this_thread::get_id()); // threads come and go
  }
  for (const auto& line : done) m_onLine(line); // outside the lock: the sink may be slow
  return n;
}

void LineSplitter::flushAll() {
  std::vector<std::string> rest;
  {
    std::lock_guard lock(m_mutex);
    for (auto& [id, text] : m_pending)
      if (!text.empty()) rest.push_back(std::move(text));
    m_pending.clear();
  }
  for (const auto& line : rest) m_onLine(line);
}

// ---- RotatingFile ---------------------------------------------------------------------------

RotatingFile::RotatingFile(fs::path file, Limits limits, Warn warn)
    : m_file(std::move(file)), m_limits(limits), m_warn(std::move(warn)), m_worker([this] { run(); }) {}

RotatingFile::~RotatingFile() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_one();
  m_worker.join();
  if (m_fd >= 0) ::close(m_fd);
}

void RotatingFile::append(const LogLine& line) {
  {
    std::lock_guard lock(m_mutex);
    if (m_queue.size() >= m_limits.maxQueued) {
      ++m_dropped;
      return;
    }
    m_queue.push_back(line);
  }
  m_wake.notify_one();
}

void RotatingFile::flush() {
  std::unique_lock lock(m_mutex);
  m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void RotatingFile::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
    if (m_queue.empty() && m_stop) break;
    std::deque<LogLine> batch;
    batch.swap(m_queue);
    const auto dropped = std::exchange(m_dropped, 0);
    m_busy = true;
    lock.unlock();
    if (dropped > 0)
      writeLine(formatFileLine({std::chrono::system_clock::now(), Level::Warning,
                                "kiosk: " + std::to_string(dropped) + " log lines were dropped (written faster than the disk took them)"}));
    for (const auto& l : batch) writeLine(formatFileLine(l));
    lock.lock();
    m_busy = false;
    if (m_queue.empty()) m_idle.notify_all();
  }
  m_idle.notify_all();
}

bool RotatingFile::open() {
  if (m_fd >= 0) return true;
  std::error_code ec;
  if (m_file.has_parent_path()) fs::create_directories(m_file.parent_path(), ec);
  m_fd = ::open(m_file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    if (!m_saidOpen && m_warn)
      m_warn("cannot write the log file " + m_file.string() + " (" + std::strerror(errno) +
             "); check its folder is writable, or pass --log-file none");
    m_saidOpen = true;
    return false;
  }
  m_saidOpen = false;
  m_size = static_cast<std::uintmax_t>(::lseek(m_fd, 0, SEEK_END));
  return true;
}

void RotatingFile::rotate() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  const std::string base = m_file.string();
  auto numbered = [&](int i) { return base + "." + std::to_string(i); };
  if (m_limits.keep <= 0) {
    ::unlink(base.c_str());
    return;
  }
  // rename(2) over name.<keep> deletes the oldest; only our own names are ever touched.
  for (int i = m_limits.keep - 1; i >= 1; --i) ::rename(numbered(i).c_str(), numbered(i + 1).c_str());
  ::rename(base.c_str(), numbered(1).c_str());
}

void RotatingFile::writeLine(const std::string& text) {
  std::string out = text + "\n";
  if (!open()) return;
  if (m_size > 0 && m_size + out.size() > m_limits.maxBytes) {
    rotate();
    if (!open()) return;
  }
  // One write(2) per line on an O_APPEND file: a kill -9 leaves at most a torn last line.
  const auto n = ::write(m_fd, out.data(), out.size());
  if (n < 0) {
    if (!m_saidWrite && m_warn)
      m_warn("cannot write the log file " + m_file.string() + " (" + std::strerror(errno) + "); lines are lost until it works");
    m_saidWrite = true;
    return;
  }
  m_saidWrite = false;
  m_size += static_cast<std::uintmax_t>(n);
}

} // namespace kiosk::log
