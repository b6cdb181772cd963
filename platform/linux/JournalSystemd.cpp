#include "platform/Journal.h"

#include <sys/stat.h>
#include <sys/uio.h>
#include <systemd/sd-journal.h>

#include <cstdlib>

namespace platform {

bool stderrIsJournal() {
  struct stat st {};
  if (fstat(2, &st) != 0) return false;
  return journalStreamNames(std::getenv("JOURNAL_STREAM"), static_cast<std::uint64_t>(st.st_dev),
                            static_cast<std::uint64_t>(st.st_ino));
}

bool sendToJournal(int priority, std::string_view message, const std::vector<JournalField>& fields) {
  // sd_journal_sendv: the number of fields is known only here, and values may hold any bytes
  // (newlines too), which the "NAME=value" iovec form carries as they are.
  std::vector<std::string> text;
  text.reserve(fields.size() + 3);
  text.push_back("MESSAGE=" + std::string(message));
  text.push_back("PRIORITY=" + std::to_string(priority < 0 ? 0 : priority > 7 ? 7 : priority));
  text.push_back("SYSLOG_IDENTIFIER=kiosk");
  for (const auto& f : fields)
    if (!f.name.empty() && !f.value.empty()) text.push_back(f.name + "=" + f.value);
  std::vector<iovec> iov(text.size());
  for (size_t i = 0; i < text.size(); ++i) iov[i] = {text[i].data(), text[i].size()};
  return sd_journal_sendv(iov.data(), static_cast<int>(iov.size())) >= 0;
}

} // namespace platform
