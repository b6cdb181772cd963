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
// `byteOffset`, when given, is set to where the problem is (0 for a length).
std::optional<std::string> problemInShownText(std::string_view utf8, std::size_t maxChars, const std::string& what,
                                              std::size_t* byteOffset = nullptr);

// Why a file or folder name cannot be content, or nullopt: a control character (a line break, an
// escape) or an invisible or direction-changing one (U+202E makes "gnp.exe" read "exe.png") in
// it, which staff could not see or type. Bytes that are not UTF-8 (a zip made with GBK names)
// are allowed: they are shown as <0xE9>.
std::optional<std::string> problemInName(std::string_view name);

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
