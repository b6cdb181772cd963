#pragma once
// The Unicode Bidirectional Algorithm (UAX #9, through ICU ubidi) for a paragraph and its lines.
// Levels are resolved once over the whole paragraph (ubidi_setPara), then each wrapped line is
// reordered on its own (ubidi_setLine), as the algorithm says: a line that happens to begin
// with a Latin word inside an Arabic paragraph stays a right-to-left line.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct UBiDi;

namespace kiosk::text {

struct BidiRun {
  size_t begin = 0; // byte range of the UTF-8 text
  size_t end = 0;
  bool rightToLeft = false;
};

enum class BaseDirection { LeftToRight, RightToLeft, FromText };

// The direction a paragraph written in `language` (a BCP 47 tag) takes: right to left for
// Arabic, Hebrew, Persian, Urdu... (by the script ICU's likely-subtags give the language),
// left to right for other known languages, FromText (its first strong character, rules P2
// and P3) for an empty or undetermined tag.
BaseDirection directionOfLanguage(const std::string& language);

// One text's resolved bidi levels. Byte offsets are into the UTF-8 text given to the
// constructor. A text with several paragraphs (separated by newlines or U+2029) resolves each
// paragraph's level on its own when the base direction is FromText.
class BidiParagraph {
public:
  BidiParagraph(std::string_view utf8, BaseDirection base);
  ~BidiParagraph();
  BidiParagraph(const BidiParagraph&) = delete;
  BidiParagraph& operator=(const BidiParagraph&) = delete;

  // True when the paragraph holding byte `at` runs right to left (its level is odd).
  bool rightToLeft(size_t at = 0) const;
  // The runs of line [begin, end) in visual order (left to right on screen). The line must lie
  // within one paragraph; trailing white space takes the paragraph's level (rule L1).
  std::vector<BidiRun> lineRuns(size_t begin, size_t end) const;
  // The resolved embedding level of each byte's character (for tests and conformance data).
  std::vector<std::uint8_t> levels() const;
  // The visual order of line [begin, end) as byte offsets of its characters, left to right.
  std::vector<size_t> visualOrder(size_t begin, size_t end) const;

private:
  int32_t unitAt(size_t byte) const; // UTF-16 index of the character starting at (or holding) `byte`
  std::string_view m_text;
  std::vector<char16_t> m_u16;
  std::vector<size_t> m_byteAt;   // UTF-16 index -> byte offset (one past: size)
  std::vector<int32_t> m_unitAt;  // byte offset -> UTF-16 index
  UBiDi* m_para = nullptr;
  bool m_ok = false;
};

// The runs of `utf8`, taken as one paragraph and one line, in visual order. Text without
// right-to-left characters is one left-to-right run.
std::vector<BidiRun> visualRuns(std::string_view utf8, BaseDirection base = BaseDirection::FromText);

// True when the paragraph's first strong character is right-to-left (Arabic, Hebrew).
bool startsRightToLeft(std::string_view utf8);

} // namespace kiosk::text
