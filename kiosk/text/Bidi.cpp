#include "text/Bidi.h"

#include <unicode/locid.h>
#include <unicode/ubidi.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace kiosk::text {

BaseDirection directionOfLanguage(const std::string& language) {
  if (language.empty() || language == "und") return BaseDirection::FromText;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status) || locale.isBogus() || !*locale.getLanguage()) return BaseDirection::FromText;
  // "ar" -> "ar-Arab-EG", "az" -> "az-Latn-AZ", "pa-Arab" stays Arabic: the script decides.
  status = U_ZERO_ERROR;
  locale.addLikelySubtags(status);
  if (U_FAILURE(status) || !*locale.getScript()) return BaseDirection::FromText;
  return locale.isRightToLeft() ? BaseDirection::RightToLeft : BaseDirection::LeftToRight;
}

BidiParagraph::BidiParagraph(std::string_view utf8, BaseDirection base) : m_text(utf8) {
  // UTF-8 -> UTF-16 with both index maps; an ill-formed sequence becomes one U+FFFD, as ICU's
  // UTF-8 readers do, so any bytes give well-defined runs.
  m_u16.reserve(utf8.size());
  m_unitAt.assign(utf8.size() + 1, 0);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    const int32_t unit = static_cast<int32_t>(m_u16.size());
    for (int32_t k = start; k < i; ++k) m_unitAt[static_cast<size_t>(k)] = unit;
    if (U16_LENGTH(c) == 1) {
      m_u16.push_back(static_cast<char16_t>(c));
      m_byteAt.push_back(static_cast<size_t>(start));
    } else {
      m_u16.push_back(static_cast<char16_t>(U16_LEAD(c)));
      m_u16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      m_byteAt.push_back(static_cast<size_t>(start));
      m_byteAt.push_back(static_cast<size_t>(start));
    }
  }
  m_byteAt.push_back(utf8.size());
  m_unitAt[utf8.size()] = static_cast<int32_t>(m_u16.size());

  UErrorCode status = U_ZERO_ERROR;
  m_para = ubidi_openSized(static_cast<int32_t>(m_u16.size()), 0, &status);
  if (U_FAILURE(status)) return;
  const UBiDiLevel level = base == BaseDirection::LeftToRight    ? UBIDI_LTR
                           : base == BaseDirection::RightToLeft ? UBIDI_RTL
                                                                : UBIDI_DEFAULT_LTR;
  ubidi_setPara(m_para, reinterpret_cast<const UChar*>(m_u16.data()), static_cast<int32_t>(m_u16.size()), level, nullptr,
                &status);
  m_ok = U_SUCCESS(status);
}

BidiParagraph::~BidiParagraph() {
  if (m_para) ubidi_close(m_para);
}

int32_t BidiParagraph::unitAt(size_t byte) const { return m_unitAt[std::min(byte, m_text.size())]; }

bool BidiParagraph::rightToLeft(size_t at) const {
  if (!m_ok || m_u16.empty()) return false;
  UErrorCode status = U_ZERO_ERROR;
  UBiDiLevel level = 0;
  const int32_t unit = std::min(unitAt(at), static_cast<int32_t>(m_u16.size()) - 1);
  ubidi_getParagraph(m_para, unit, nullptr, nullptr, &level, &status);
  return U_SUCCESS(status) && (level & 1) != 0;
}

std::vector<BidiRun> BidiParagraph::lineRuns(size_t begin, size_t end) const {
  std::vector<BidiRun> out;
  end = std::min(end, m_text.size());
  if (begin >= end) return out;
  const int32_t from = unitAt(begin), to = unitAt(end);
  UErrorCode status = U_ZERO_ERROR;
  UBiDi* line = m_ok ? ubidi_openSized(to - from, 0, &status) : nullptr;
  if (line) ubidi_setLine(m_para, from, to, line, &status);
  const int32_t count = line && U_SUCCESS(status) ? ubidi_countRuns(line, &status) : 0;
  if (!line || U_FAILURE(status) || count <= 0) {
    if (line) ubidi_close(line);
    return {{begin, end, rightToLeft(begin)}};
  }
  for (int32_t r = 0; r < count; ++r) {
    int32_t start = 0, length = 0;
    const UBiDiDirection dir = ubidi_getVisualRun(line, r, &start, &length);
    out.push_back({m_byteAt[static_cast<size_t>(from + start)], m_byteAt[static_cast<size_t>(from + start + length)],
                   dir == UBIDI_RTL});
  }
  ubidi_close(line);
  return out;
}

std::vector<std::uint8_t> BidiParagraph::levels() const {
  std::vector<std::uint8_t> out(m_text.size(), 0);
  if (!m_ok) return out;
  UErrorCode status = U_ZERO_ERROR;
  const UBiDiLevel* levels = ubidi_getLevels(m_para, &status);
  if (U_FAILURE(status) || !levels) return out;
  for (size_t b = 0; b < m_text.size(); ++b) out[b] = levels[m_unitAt[b]];
  return out;
}

std::vector<size_t> BidiParagraph::visualOrder(size_t begin, size_t end) const {
  std::vector<size_t> out;
  for (const BidiRun& run : lineRuns(begin, end)) {
    std::vector<size_t> starts;
    for (size_t b = run.begin; b < run.end;) {
      starts.push_back(b);
      const int32_t u = m_unitAt[b];
      const size_t next = m_byteAt[static_cast<size_t>(u + (U16_IS_LEAD(m_u16[static_cast<size_t>(u)]) ? 2 : 1))];
      b = std::max(next, b + 1);
    }
    if (run.rightToLeft) std::reverse(starts.begin(), starts.end());
    out.insert(out.end(), starts.begin(), starts.end());
  }
  return out;
}

std::vector<BidiRun> visualRuns(std::string_view utf8, BaseDirection base) {
  if (utf8.empty()) return {};
  const BidiParagraph para(utf8, base);
  return para.lineRuns(0, utf8.size());
}

bool startsRightToLeft(std::string_view utf8) {
  const BidiParagraph para(utf8, BaseDirection::FromText);
  return para.rightToLeft(0);
}

} // namespace kiosk::text
