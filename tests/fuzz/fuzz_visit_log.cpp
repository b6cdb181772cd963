// libFuzzer target for the visit-log reader: one input is a log file's text, read line by line
// as readVisitLog reads it (parseVisitLine on each complete line), then summed up as
// `kiosk report visits` does (summarizeVisits, visitsCsv). An event that parses must survive
// a round trip: formatting it and reading it back gives the same line again.
#include "app/Report.h"
#include "ops/VisitEvent.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<kiosk::VisitEvent> events;
  for (size_t pos = 0; pos < text.size();) {
    const size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) break; // a torn last line is never parsed
    const std::string_view line = text.substr(pos, newline - pos);
    pos = newline + 1;
    auto event = kiosk::parseVisitLine(line);
    if (!event) continue;
    // Written once, the line is the log's own form: reading it back and writing it again must
    // give the same bytes (a lossy field would make the reader and the writer disagree).
    const std::string once = kiosk::formatVisitLine(*event);
    if (once.empty() || once.back() != '\n') std::abort();
    const auto again = kiosk::parseVisitLine(std::string_view(once).substr(0, once.size() - 1));
    if (!again) {
      std::fprintf(stderr, "fuzz_visit_log: the writer's own line is not read back: %s", once.c_str());
      std::abort();
    }
    if (kiosk::formatVisitLine(*again) != once) {
      std::fprintf(stderr, "fuzz_visit_log: a round trip changed the line:\n  %s  %s", once.c_str(),
                   kiosk::formatVisitLine(*again).c_str());
      std::abort();
    }
    events.push_back(std::move(*event));
  }
  const auto summary = kiosk::app::summarizeVisits(events);
  (void)kiosk::app::visitsCsv(summary);
  return 0;
}
