#pragma once
// Where the kiosk's log lines go. Installed by main() for the `run` verb: everything written to
// std::cerr (and SFML's sf::err()) is cut into lines, each classified (ops/Log: level, event,
// file) and then:
//   - stderr is the journal (kiosk.service): sent with sd_journal_send as a structured entry
//     (PRIORITY, SYSLOG_IDENTIFIER=kiosk, KIOSK_EVENT, KIOSK_CONTENT_FILE, KIOSK_CONTENT_LINE),
//     and not written to stderr too, which would log it twice; to stderr if the journal fails;
//   - otherwise: written to the real stderr as before (byte for byte), and to the rotating log
//     file when there is one (see logFilePath);
//   - warnings and errors also into the ring of recent problems (kiosk::log::recentProblems()).
#include "ops/Log.h"

#include <iosfwd>
#include <memory>
#include <string>

namespace kiosk::app {

class LogSink {
public:
  struct Settings {
    std::string file;      // the rotating log file; empty: none
    bool journal = false;  // send lines to the journal (stderr is the journal)
    log::RotatingFile::Limits limits;
  };
  // Takes over std::cerr (and sf::err()) until destroyed.
  explicit LogSink(Settings settings);
  ~LogSink(); // finishes unfinished lines, writes what is queued, gives std::cerr back
  LogSink(const LogSink&) = delete;
  LogSink& operator=(const LogSink&) = delete;

  void flush();

private:
  void line(std::string_view text);

  Settings m_settings;
  std::streambuf* m_stderr; // std::cerr's own buffer: the real stderr
  std::streambuf* m_sfErr;
  std::unique_ptr<log::RotatingFile> m_file;
  std::unique_ptr<log::LineSplitter> m_splitter;
};

} // namespace kiosk::app
