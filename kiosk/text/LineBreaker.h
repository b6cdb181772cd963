#pragma once
// Line breaking by ICU's rules (UAX #14 plus dictionaries): Chinese and Japanese break between
// characters but never before closing punctuation, Thai breaks between words, Latin at spaces.
// Width comes from a caller-supplied measure, so this module knows nothing about fonts.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct Line {
  size_t begin = 0; // byte offsets into the UTF-8 text; [begin, end) without trailing spaces
  size_t end = 0;
};

// Byte offsets where a line may start, in increasing order, not including 0; the last is text.size().
// A mandatory break (newline) is reported in `hard` with the same index.
struct BreakOpportunities {
  std::vector<size_t> offsets;
  std::vector<bool> hard;
};
BreakOpportunities findLineBreaks(std::string_view utf8, const std::string& language);

// Width in pixels of a UTF-8 run.
using MeasureFn = std::function<float(std::string_view)>;

// Greedy wrapping into lines no wider than maxWidth. A run with no break that is wider than a
// line is split between characters. Never returns an empty vector for non-empty text.
std::vector<Line> wrapText(std::string_view utf8, const std::string& language, float maxWidth, const MeasureFn& measure);

} // namespace kiosk::text
