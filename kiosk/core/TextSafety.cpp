#include "core/TextSafety.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdio>

namespace kiosk {
namespace {

// "1,048,576": counts staff read at a glance.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Calls f(codePoint, index) for each code point (malformed bytes as U+FFFD); stops when f is false.
// `lastByte`, when given, is the byte offset of the code point f was called with.
template <typename F> void forEachCodePoint(std::string_view s, F&& f, std::size_t* lastByte = nullptr) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  std::size_t index = 0;
  while (i < length) {
    if (lastByte) *lastByte = static_cast<std::size_t>(i);
    UChar32 c;
    U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
    if (!f(static_cast<char32_t>(c), index++)) return;
  }
}

bool isMark(char32_t c) {
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

} // namespace

std::string codePointName(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::optional<std::string> problemInShownText(std::string_view utf8, std::size_t maxChars, const std::string& what,
                                              std::size_t* byteOffset) {
  std::optional<std::string> problem;
  if (byteOffset) *byteOffset = 0;
  std::size_t marks = 0, count = 0;
  forEachCodePoint(utf8, [&](char32_t c, std::size_t index) {
    count = index + 1;
    if (isMark(c)) {
      if (++marks > kMaxStackedMarks) {
        problem = what + " has a letter with more than " + std::to_string(kMaxStackedMarks) +
                  " accents or marks stacked on it (at character " + grouped(index + 1) +
                  "), which would be drawn over the lines around it; remove the extra marks";
        return false;
      }
    } else {
      marks = 0;
    }
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7F && c < 0xA0)) {
      problem = what + " has the invisible control character " + codePointName(c) + " at character " + grouped(index + 1) +
                "; remove it (it may have come from copying text out of another program)";
      return false;
    }
    return true;
  }, byteOffset);
  if (problem) return problem;
  if (byteOffset) *byteOffset = 0;
  if (count > maxChars) {
    // Counted to the end for the message: the text has already been read into memory.
    std::size_t total = 0;
    forEachCodePoint(utf8, [&](char32_t, std::size_t) { return ++total, true; });
    return what + " is " + grouped(total) + " characters long; it may have at most " + grouped(maxChars) +
           (maxChars < 1000 ? " (move the rest to the summary or the body)" : " (split it, or shorten it)");
  }
  return std::nullopt;
}

std::optional<std::string> problemInWebAddress(std::string_view url) {
  std::string start(url.substr(0, 8));
  for (char& c : start) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); // HTTPS:// is https://
  size_t scheme = 0;
  if (start.rfind("https://", 0) == 0) scheme = 8;
  else if (start.rfind("http://", 0) == 0) scheme = 7;
  if (scheme == 0)
    return std::string("must be a web address starting with https:// (other kinds, like javascript:, file: or data:, "
                       "are never opened)");
  if (url.size() == scheme || url.find_first_of("/?#", scheme) == scheme) return std::string("has no site name after https://");
  // "https://www.gov.cn@evil.example/" opens evil.example: a name before '@' only hides the site.
  const size_t hostEnd = url.find_first_of("/?#", scheme);
  if (url.substr(scheme, hostEnd == std::string_view::npos ? std::string_view::npos : hostEnd - scheme).find('@') !=
      std::string_view::npos)
    return std::string("has a name before '@' in front of the site (https://name@site/), which makes it open another site "
                       "than it seems to; write the site's own address");
  if (url.size() > 1000) return "is " + std::to_string(url.size()) + " bytes long; a QR code holds up to 1,000";
  std::optional<std::string> problem;
  forEachCodePoint(url, [&](char32_t c, std::size_t index) {
    const auto cp = static_cast<UChar32>(c);
    const auto type = u_charType(cp);
    const auto dir = u_charDirection(cp);
    std::string why;
    if (c == 0xFFFD) why = "a byte that is not UTF-8";
    else if (c <= 0x20 || c == 0x7F) why = c == 0x20 ? "a space (write %20)" : "a control character";
    else if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR ||
             type == U_PARAGRAPH_SEPARATOR || type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE ||
             u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
      why = "an invisible or direction-changing character";
    else if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC)
      why = "a right-to-left letter, which would show the address in a different order than the phone opens it "
            "(write it %-encoded)";
    if (why.empty()) return true;
    problem = "has " + why + " (" + codePointName(c) + ") at character " + std::to_string(index + 1) +
              ", so visitors would not read the address their phone opens; retype the address";
    return false;
  });
  if (problem) return problem;
  // The site's name in plain ASCII letters, digits, dots and hyphens (an international name as
  // xn--...): "www.shenyang.gov.cn∕en∕...partners.evil.example" with U+2215 for '/' reads as the
  // official site but opens another, and a long address is cut on screen.
  const std::string_view host = url.substr(scheme, hostEnd == std::string_view::npos ? std::string_view::npos : hostEnd - scheme);
  for (size_t i = 0; i < host.size(); ++i) {
    const auto c = static_cast<unsigned char>(host[i]);
    if (!(std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
      return "has '" + std::string(host.substr(i, c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1)) + "' in the site's name (character " +
             std::to_string(scheme + i + 1) +
             "); a site's name is written with a-z, 0-9, '.' and '-' (an international name as xn--...), so that "
             "what visitors read is the site their phone opens";
  }
  return std::nullopt;
}

std::optional<std::string> problemInName(std::string_view name) {
  std::optional<std::string> problem;
  forEachCodePoint(name, [&](char32_t c, std::size_t) {
    const auto cp = static_cast<UChar32>(c);
    const auto type = u_charType(cp);
    if (c == 0xFFFD) return true; // a byte that is not UTF-8: shown as <0xE9>, the name still works
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR ||
        (c != ' ' && u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))) {
      problem = "this name has the invisible " + std::string(type == U_CONTROL_CHAR ? "control" : "or direction-changing") +
                " character " + codePointName(c) + ", so staff could not see or type it, and it could pass for another "
                "name; rename it, so it is not read";
      return false;
    }
    return true;
  });
  return problem;
}

std::string nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (n->isNormalized(s, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normal = n->normalize(s, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

std::string idTwinKey(std::string_view utf8) {
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(nfc(utf8)));
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return nfc(out);
}

} // namespace kiosk
