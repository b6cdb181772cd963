#pragma once
// A problem found in something staff wrote, told in words a non-programmer understands.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

struct Diagnostic {
  enum class Severity { Error, Warning };

  Severity severity = Severity::Error;
  std::string file; // path as staff know it (relative to the content folder where possible)
  int line = 0;     // 1-based; 0 when the problem is not at a place in the file
  int column = 0;   // 1-based; 0 when unknown
  std::string message; // what is wrong and what to do, in English
  // The message's key in the staff catalogue (assets/staff-diagnostics.toml) and its named
  // arguments, so it can be told in the staff's language; empty: `message` only.
  std::string code;
  std::vector<std::pair<std::string, std::string>> args;

  // GCC style: "path:line:col: error: message".
  std::string format() const;
};

// `text` safe to print to a terminal, a log or the screen: control characters (ESC would let a
// file name or key rewrite the terminal), bidirectional controls and bytes that are not UTF-8
// become visible escapes like <U+001B> and <0xE9>. Everything else is kept as it is.
std::string printable(std::string_view text);

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

} // namespace kiosk
