#pragma once
// A pass over a TOML file's raw text before toml++ sees it, so that no file can crash the kiosk
// through the parser:
//  - toml++ 3.3 recurses once per part of a dotted key (`a.a.a...`): 100,000 parts overflow the
//    stack. Keys and headers here may have at most `maxKeyParts` parts.
//  - toml++ 3.3 reaches __builtin_unreachable (undefined behaviour) when it asks whether a
//    character like 'Д', 'é' or 'の' is whitespace, which it does for any character outside a
//    string, inside a quoted key, after a backslash in a """ text and at the start of a line joined
//    by a line-ending backslash. Outside strings such a character is never valid TOML, so it is
//    reported here with a sentence for staff; after a line-ending backslash (valid TOML) it is
//    rewritten as the equivalent \uXXXX escape, which leaves the value and the line unchanged.
//  - Arrays and inline tables nested deeper than `maxNesting`, keys longer than `maxKeyBytes` and
//    strings longer than `maxStringBytes` are refused before any parsing.
// The scan follows TOML's lexical rules only as far as needed: where the text is not valid TOML it
// may miss the problem, and toml++ then reports the syntax error first (it reads the same text in
// the same order and stops at the first error).
#include <cstddef>
#include <optional>
#include <string>

namespace kiosk {

struct TomlGuardLimits {
  std::size_t maxKeyParts = 16;           // a.b.c has 3; the format needs 3 at most
  std::size_t maxNesting = 32;            // [[[...]]] and {a = {b = ...}}
  std::size_t maxKeyBytes = 256;          // one part of a key
  std::size_t maxStringBytes = 256 * 1024; // one quoted value (a long body belongs in a .md file)
};

struct TomlGuardProblem {
  int line = 0;   // 1-based
  int column = 0; // 1-based, in characters (code points), as toml++ counts
  std::string message;
};

// Checks (and where needed rewrites, value-preserving) UTF-8 `text`. nullopt: safe to parse.
std::optional<TomlGuardProblem> guardTomlText(std::string& text, const TomlGuardLimits& limits = {});

} // namespace kiosk
