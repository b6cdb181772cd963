#include "app/Report.h"

#include "ops/VisitLog.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace kiosk::app {
namespace {

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string fixed(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// "95 s", "4 min 5 s": session lengths and dwell as staff say them.
std::string duration(double seconds) {
  if (seconds < 60) return fixed(seconds < 10 ? "%.1f s" : "%.0f s", seconds);
  const long s = static_cast<long>(seconds + 0.5);
  return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
}

std::optional<CivilDate> dateOption(const std::string& s) {
  if (s.empty()) return std::nullopt;
  CivilDate d;
  std::sscanf(s.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day);
  return d;
}

std::string padded(const std::string& s, size_t width) { return s.size() >= width ? s : s + std::string(width - s.size(), ' '); }

} // namespace

VisitSummary summarizeVisits(const std::vector<VisitEvent>& events) {
  VisitSummary sum;
  std::vector<double> sessionLengths;
  struct Views {
    std::vector<double> dwell;
    std::vector<double> whole; // views the visitor left themselves (not cut by the idle timeout)
    size_t qr = 0;
  };
  std::map<std::tuple<std::string, std::string, std::string>, Views> views; // (language, section, item)
  std::map<std::string, size_t> qr;
  for (const auto& e : events) {
    switch (e.type) {
    case VisitEventType::SessionStart:
      ++sum.sessions;
      ++sum.sessionsPerDay[e.date.iso()];
      ++sum.sessionsPerHour[static_cast<size_t>(std::clamp(e.minuteOfDay / 60, 0, 23))];
      break;
    case VisitEventType::SessionEnd:
      sessionLengths.push_back(e.seconds);
      ++sum.ended[e.ended];
      ++sum.sessionsByLanguage[e.language];
      break;
    case VisitEventType::Language: ++sum.languageChoices[e.language]; break;
    case VisitEventType::Item: {
      auto& v = views[{e.language, e.section, e.item}];
      v.dwell.push_back(e.seconds);
      if (!e.cutAtLastTouch) v.whole.push_back(e.seconds);
      break;
    }
    case VisitEventType::QrShown:
      ++views[{e.language, e.section, e.item}].qr;
      ++qr[e.section + "/" + e.item];
      break;
    case VisitEventType::IdleReset: ++sum.idleResets; break;
    case VisitEventType::Section: break; // sections' dwell is in the log for whoever wants it; the report is about items
    }
  }
  sum.medianSessionSeconds = median(sessionLengths);
  for (const auto& [key, v] : views) {
    ItemFigures f;
    std::tie(f.language, f.section, f.item) = key;
    f.views = v.dwell.size();
    for (double d : v.dwell) f.totalDwell += d;
    // A view the idle timeout ended counts only to the last touch, which for a visitor who read
    // without touching is next to nothing: the median is of whole views when there are any.
    f.medianDwell = median(v.whole.empty() ? v.dwell : v.whole);
    f.qrShown = v.qr;
    sum.items.push_back(std::move(f));
  }
  std::sort(sum.items.begin(), sum.items.end(), [](const ItemFigures& a, const ItemFigures& b) {
    return std::tie(a.language, b.views, b.totalDwell, a.section, a.item) < std::tie(b.language, a.views, a.totalDwell, b.section, b.item);
  });
  sum.qrShown.assign(qr.begin(), qr.end());
  std::stable_sort(sum.qrShown.begin(), sum.qrShown.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return sum;
}

std::string csvField(const std::string& value) {
  // A name starting with = + - @ (a file named "=HYPERLINK(...)") would be a formula to a
  // spreadsheet: a leading ' makes it text, as OWASP's advice on CSV injection says.
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    return csvField("'" + value);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string visitsCsv(const VisitSummary& summary) {
  std::string out = "language,section,item,views,total_dwell_seconds,median_dwell_seconds,qr_shown\r\n";
  for (const auto& f : summary.items) {
    out += csvField(f.language) + "," + csvField(f.section) + "," + csvField(f.item) + "," + std::to_string(f.views) + "," +
           fixed("%.2f", f.totalDwell) + "," + fixed("%.2f", f.medianDwell) + "," + std::to_string(f.qrShown) + "\r\n";
  }
  return out;
}

int reportVisits(const Options& o, std::ostream& out, std::ostream& err) {
  const std::string dir = analyticsDirectory(o);
  const auto log = readVisitLog(dir, dateOption(o.from), dateOption(o.to));
  if (!log.error.empty()) {
    err << "kiosk: " << log.error << "\n";
    return 2;
  }
  const auto sum = summarizeVisits(log.events);
  std::string range = o.from.empty() && o.to.empty() ? "" : " from " + (o.from.empty() ? "the start" : o.from) + " to " + (o.to.empty() ? "the end" : o.to);
  out << "Visits in " << dir << range << ": " << log.files.size() << " day file(s)\n";
  if (log.files.empty()) out << "No visits recorded yet (the kiosk writes them there as visitors use it).\n";

  out << "\nSessions: " << sum.sessions;
  if (!sum.ended.empty()) {
    auto count = [&](SessionEnd h) { auto it = sum.ended.find(h); return it == sum.ended.end() ? size_t{0} : it->second; };
    out << ", median length " << duration(sum.medianSessionSeconds) << " (to the last touch); ended by the idle timeout "
        << count(SessionEnd::Idle) << ", by the visitor " << count(SessionEnd::Visitor) << ", by the kiosk stopping "
        << count(SessionEnd::Stopped);
  }
  out << "\nIdle resets: " << sum.idleResets << "\n";

  if (!sum.sessionsPerDay.empty()) {
    out << "\nSessions per day\n";
    for (const auto& [day, n] : sum.sessionsPerDay) out << "  " << day << "  " << n << "\n";
    out << "\nSessions per hour of day (when they started)\n";
    const size_t most = *std::max_element(sum.sessionsPerHour.begin(), sum.sessionsPerHour.end());
    size_t first = 0, last = 23;
    while (sum.sessionsPerHour[first] == 0) ++first;
    while (sum.sessionsPerHour[last] == 0) --last;
    for (size_t h = first; h <= last; ++h) {
      const size_t n = sum.sessionsPerHour[h];
      const size_t bar = most ? (n * 40 + most - 1) / most : 0; // a visit in an hour always shows
      char label[16];
      std::snprintf(label, sizeof label, "  %02zu:00  ", h);
      out << label << padded(std::string(bar, '#'), 40) << "  " << n << "\n";
    }
  }

  if (!sum.sessionsByLanguage.empty() || !sum.languageChoices.empty()) {
    out << "\nLanguages (sessions that ended in each, share; times chosen)\n";
    std::map<std::string, std::pair<size_t, size_t>> langs;
    for (const auto& [l, n] : sum.sessionsByLanguage) langs[l].first = n;
    for (const auto& [l, n] : sum.languageChoices) langs[l].second = n;
    size_t ended = 0;
    for (const auto& [l, n] : sum.sessionsByLanguage) ended += n;
    for (const auto& [l, n] : langs)
      out << "  " << padded(l, 10) << padded(std::to_string(n.first), 6)
          << padded(ended ? fixed("%.0f%%", 100.0 * static_cast<double>(n.first) / static_cast<double>(ended)) : "-", 6) << "  chosen "
          << n.second << "\n";
  }

  if (!sum.items.empty()) {
    out << "\nTop items per language (views, median and total dwell, QR codes shown)\n";
    std::string language = "\x01";
    int rank = 0;
    for (const auto& f : sum.items) {
      if (f.language != language) {
        language = f.language;
        rank = 0;
        out << "  " << (language.empty() ? "(no language)" : language) << "\n";
      }
      if (++rank > 10) continue;
      out << "    " << padded(std::to_string(rank) + ".", 4) << padded(f.section + "/" + f.item, 32) << padded(std::to_string(f.views) + (f.views == 1 ? " view" : " views"), 12)
          << "median " << padded(duration(f.medianDwell), 12) << "total " << padded(duration(f.totalDwell), 16) << "QR " << f.qrShown << "\n";
    }
  }
  if (!sum.qrShown.empty()) {
    out << "\nQR codes shown, per item\n";
    for (const auto& [item, n] : sum.qrShown) out << "  " << padded(item, 32) << n << "\n";
  }

  out << "\nDamaged lines skipped: " << log.skipped() << "\n";
  for (const auto& f : log.files) {
    if (!f.skipped) continue;
    out << "  " << f.name << ": " << f.skipped << " (line";
    for (size_t k = 0; k < f.skippedLines.size(); ++k) out << (k ? ", " : " ") << f.skippedLines[k];
    if (f.skipped > f.skippedLines.size()) out << ", ...";
    out << ")" << (f.tornTail ? "; the last line is torn (the kiosk was stopped mid-write)" : "") << "\n";
  }

  if (!o.csvFile.empty()) {
    std::ofstream csv(o.csvFile, std::ios::binary | std::ios::trunc);
    csv << visitsCsv(sum);
    csv.close();
    if (!csv) {
      err << "kiosk: cannot write " << o.csvFile << "; check the folder exists and is writable\n";
      return 2;
    }
    out << "\nWrote " << sum.items.size() << " item row(s) to " << o.csvFile << "\n";
  }
  return 0;
}

} // namespace kiosk::app
