#pragma once
// Checks on text staff (or anyone with write access to the content folder) put in front of
// visitors or into a QR code, so that no text can stall the screen, paint outside its box or show
// one thing while doing another. Built on ICU's character properties and normalization.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// What is wrong with a text shown to visitors, as a sentence for staff, or nullopt:
//  - longer than `maxChars` characters (code points): "is 1,048,576 characters long, ...";
//  - a letter carrying more than kMaxStackedMarks combining marks (a "Zalgo" flood, which paints
//    over the lines and bars above and below it; real scripts need at most 4: Vietnamese 2, Thai 3);
//  - control characters other than line break and tab (ESC, NUL...).
// `what` names the text in the message ("'title'").
inline constexpr std::size_t kMaxStackedMarks = 8;
std::optional<std::string> problemInShownText(std::string_view utf8, std::size_t maxChars, const std::string& what);

// Why `url` cannot be shown as a QR code with its address beside it, or nullopt when it can:
// only http:// and https://, a host, and no character that is invisible, a control, a space, a
// bidirectional control (U+202E shows ".../exe.png" for ".../gnp.exe") or a right-to-left letter
// (which reorders the address as drawn): what visitors read is what their phone opens.
std::optional<std::string> problemInWebAddress(std::string_view url);

// Folder and file names as ids: NFC (macOS writes names decomposed, NFD) so an id matches what
// staff type; and the key under which two ids are "the same" to a person: NFC and case-folded.
std::string nfc(std::string_view utf8);
std::string idTwinKey(std::string_view utf8);

// "U+202E" for a code point.
std::string codePointName(char32_t c);

} // namespace kiosk
