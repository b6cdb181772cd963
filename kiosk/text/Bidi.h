#pragma once
// The Unicode bidirectional algorithm (ICU ubidi) for one line: which parts run right to left,
// and in which order the runs appear on screen.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct BidiRun {
  size_t begin = 0; // byte range of the UTF-8 text
  size_t end = 0;
  bool rightToLeft = false;
};

enum class BaseDirection { LeftToRight, RightToLeft, FromText };

// The runs of `utf8` in visual order (left to right on screen). Text without right-to-left
// characters is one left-to-right run.
std::vector<BidiRun> visualRuns(std::string_view utf8, BaseDirection base = BaseDirection::FromText);

// True when the paragraph's first strong character is right-to-left (Arabic, Hebrew): such a
// paragraph starts at the right edge.
bool startsRightToLeft(std::string_view utf8);

} // namespace kiosk::text
