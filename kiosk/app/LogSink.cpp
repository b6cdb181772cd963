#include "app/LogSink.h"

#include "platform/Journal.h"

#include <SFML/System/Err.hpp>

#include <iostream>

namespace kiosk::app {

LogSink::LogSink(Settings settings) : m_settings(std::move(settings)), m_stderr(std::cerr.rdbuf()), m_sfErr(sf::err().rdbuf()) {
  if (!m_settings.file.empty()) {
    // The file's own problems go to the real stderr and the ring, never back into the file.
    m_file = std::make_unique<log::RotatingFile>(m_settings.file, m_settings.limits, [this](const std::string& m) {
      const std::string text = "kiosk: " + m;
      m_stderr->sputn(text.data(), static_cast<std::streamsize>(text.size()));
      m_stderr->sputc('\n');
      log::recentProblemsRing().add({std::chrono::system_clock::now(), log::Level::Error, text});
    });
  }
  m_splitter = std::make_unique<log::LineSplitter>([this](std::string_view text) { line(text); });
  std::cerr.rdbuf(m_splitter.get());
  sf::err().rdbuf(m_splitter.get()); // SFML's own warnings ("Failed to ...") are lines like ours
}

LogSink::~LogSink() {
  m_splitter->flushAll();
  std::cerr.rdbuf(m_stderr);
  sf::err().rdbuf(m_sfErr);
  m_file.reset(); // its destructor writes what is queued
}

void LogSink::flush() {
  m_splitter->flushAll();
  if (m_file) m_file->flush();
}

void LogSink::line(std::string_view text) {
  const auto info = log::classify(text);
  const log::LogLine l{std::chrono::system_clock::now(), info.level, std::string(text)};
  bool sent = false;
  if (m_settings.journal) {
    std::vector<platform::JournalField> fields;
    if (!info.event.empty()) fields.push_back({"KIOSK_EVENT", info.event});
    if (!info.file.empty()) fields.push_back({"KIOSK_CONTENT_FILE", info.file});
    if (info.line > 0) fields.push_back({"KIOSK_CONTENT_LINE", std::to_string(info.line)});
    sent = platform::sendToJournal(static_cast<int>(info.level), text, fields);
  }
  if (!sent) { // as the kiosk always wrote it: one line, from one call (stderr is unbuffered)
    std::string out(text);
    out += '\n';
    m_stderr->sputn(out.data(), static_cast<std::streamsize>(out.size()));
  }
  if (m_file) m_file->append(l);
  log::recentProblemsRing().add(l);
}

} // namespace kiosk::app
