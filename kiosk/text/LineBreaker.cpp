#include "text/LineBreaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <mutex>
#include <map>

namespace kiosk::text {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Trims trailing white space (and the newline of a hard break) from [begin, end).
size_t trimEnd(std::string_view s, size_t begin, size_t end) {
  while (end > begin && isSpace(s[end - 1])) --end;
  return end;
}

// Next code point boundary after `i` in UTF-8.
size_t nextCodePoint(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

} // namespace

BreakOpportunities findLineBreaks(std::string_view utf8, const std::string& language) {
  BreakOpportunities out;
  if (utf8.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(
      locale.isBogus() ? icu::Locale::getRoot() : locale, status));
  if (U_FAILURE(status) || !it) {
    out.offsets.push_back(utf8.size());
    out.hard.push_back(true);
    return out;
  }
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    out.offsets.push_back(utf8.size());
    out.hard.push_back(true);
    return out;
  }
  it->setText(ut, status);
  // With a UTF-8 UText, ICU's indices are byte offsets into utf8.
  for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
    out.offsets.push_back(static_cast<size_t>(pos));
    out.hard.push_back(it->getRuleStatus() >= UBRK_LINE_HARD && it->getRuleStatus() < UBRK_LINE_HARD_LIMIT);
  }
  utext_close(ut);
  return out;
}

std::vector<Line> wrapText(std::string_view s, const std::string& language, float maxWidth, const MeasureFn& measure) {
  std::vector<Line> lines;
  if (s.empty()) return lines;
  const BreakOpportunities breaks = findLineBreaks(s, language);
  size_t lineStart = 0;
  size_t lastFit = 0; // the furthest break opportunity on this line that fits; 0 = none yet
  for (size_t k = 0; k < breaks.offsets.size(); ++k) {
    const size_t pos = breaks.offsets[k];
    const size_t visibleEnd = trimEnd(s, lineStart, pos);
    const bool fits = measure(s.substr(lineStart, visibleEnd - lineStart)) <= maxWidth;
    if (!fits) {
      if (lastFit > lineStart) {
        // Break at the last opportunity that fitted, then reconsider this segment on a new line.
        lines.push_back({lineStart, trimEnd(s, lineStart, lastFit)});
        lineStart = lastFit;
        lastFit = lineStart;
        --k;
        continue;
      }
      // One unbreakable run wider than the line: split it between code points.
      size_t cut = lineStart;
      size_t next = nextCodePoint(s, cut);
      while (next < visibleEnd && measure(s.substr(lineStart, next - lineStart)) <= maxWidth) {
        cut = next;
        next = nextCodePoint(s, cut);
      }
      if (cut == lineStart) cut = next; // at least one code point per line
      lines.push_back({lineStart, cut});
      lineStart = cut;
      lastFit = lineStart;
      if (cut < pos) --k; // the rest of this run still needs placing
      continue;
    }
    lastFit = pos;
    if (breaks.hard[k] || pos == s.size()) {
      lines.push_back({lineStart, visibleEnd});
      lineStart = pos;
      lastFit = pos;
    }
  }
  if (lineStart < s.size() && trimEnd(s, lineStart, s.size()) > lineStart)
    lines.push_back({lineStart, trimEnd(s, lineStart, s.size())});
  return lines;
}

} // namespace kiosk::text
