#include "text/LineBreaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cstring>
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
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status) || locale.isBogus()) locale = icu::Locale::getRoot();
  // Japanese is set with the strict rules (JIS X 4051, and what browsers do for lang=ja): no
  // line starts with a small kana (ゃ ッ), the prolonged sound mark ー or an iteration mark.
  // ICU's data for "ja" picks its normal rules, which allow them; a tag that names its own
  // line-break style (ja-u-lb-loose) keeps it.
  if (std::strcmp(locale.getLanguage(), "ja") == 0) {
    status = U_ZERO_ERROR;
    char style[16] = {};
    locale.getKeywordValue("lb", style, sizeof style, status);
    if (!*style) {
      status = U_ZERO_ERROR;
      locale.setKeywordValue("lb", "strict", status);
    }
  }
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(locale, status));
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
    // A web address never ends a line at its "://" ("https://" alone, the rest below): UAX #14
    // allows a break after a solidus, browsers keep a scheme with what follows it.
    const auto p = static_cast<size_t>(pos);
    if (p >= 3 && p < utf8.size() && utf8.compare(p - 3, 3, "://") == 0) continue;
    out.offsets.push_back(p);
    out.hard.push_back(it->getRuleStatus() >= UBRK_LINE_HARD && it->getRuleStatus() < UBRK_LINE_HARD_LIMIT);
  }
  utext_close(ut);
  return out;
}

namespace {

// The end of the longest prefix of [begin, end) that fits `maxWidth`, at a code point boundary,
// and at least one code point. Exponential then binary search over code points, so splitting a
// run costs O(line * log line) per line however long the run is.
size_t fitPrefix(std::string_view s, size_t begin, size_t end, float maxWidth, const MeasureFn& measure) {
  auto fits = [&](size_t p) { return measure(s.substr(begin, p - begin)) <= maxWidth; };
  auto advance = [&](size_t p, size_t n) {
    while (n-- > 0 && p < end) p = nextCodePoint(s, p);
    return p;
  };
  size_t good = advance(begin, 1); // one code point always goes on a line
  if (good >= end || !fits(good)) return good;
  size_t step = 1;
  size_t bad = end;
  for (;;) {
    const size_t probe = advance(good, step);
    if (fits(probe)) {
      good = probe;
      if (good >= end) return end;
      step *= 2;
    } else {
      bad = probe;
      break;
    }
  }
  // good fits, bad does not: narrow down between them one code point at a time by halving.
  while (true) {
    size_t count = 0;
    for (size_t p = good; p < bad; p = nextCodePoint(s, p)) ++count;
    if (count <= 1) return good;
    const size_t mid = advance(good, count / 2);
    if (fits(mid))
      good = mid;
    else
      bad = mid;
  }
}

} // namespace

std::vector<Line> wrapText(std::string_view s, const std::string& language, float maxWidth, const MeasureFn& measure) {
  std::vector<Line> lines;
  if (s.empty()) return lines;
  const BreakOpportunities breaks = findLineBreaks(s, language);
  size_t lineStart = 0;
  size_t lastFit = 0; // the furthest break opportunity on this line that fits; 0 = none yet
  for (size_t k = 0; k < breaks.offsets.size(); ++k) {
    const size_t pos = breaks.offsets[k];
    const size_t visibleEnd = trimEnd(s, lineStart, pos);
    if (measure(s.substr(lineStart, visibleEnd - lineStart)) > maxWidth) {
      if (lastFit > lineStart) {
        // Break at the last opportunity that fitted, then place this segment again on a new line.
        lines.push_back({lineStart, trimEnd(s, lineStart, lastFit)});
        lineStart = lastFit;
        --k; // unsigned wrap-around is well defined; the loop's ++k brings it back
        continue;
      }
      // One unbreakable run wider than the line (a long URL, a word in a narrow column): split
      // it between code points, as many lines as it takes; the tail stays on the current line.
      for (;;) {
        const size_t cut = fitPrefix(s, lineStart, visibleEnd, maxWidth, measure);
        if (cut >= visibleEnd) break;
        lines.push_back({lineStart, cut});
        lineStart = cut;
      }
    }
    lastFit = pos;
    if (breaks.hard[k] || pos == s.size()) {
      lines.push_back({lineStart, trimEnd(s, lineStart, pos)});
      lineStart = pos;
      lastFit = pos;
    }
  }
  if (lineStart < s.size() && trimEnd(s, lineStart, s.size()) > lineStart)
    lines.push_back({lineStart, trimEnd(s, lineStart, s.size())});
  return lines;
}

} // namespace kiosk::text
