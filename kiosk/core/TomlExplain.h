#pragma once
// A TOML syntax error told as a sentence a non-programmer can act on.
//
// toml++ says where it stopped and why in parser words ("unescaped control characters other than
// TAB (U+0009) are explicitly prohibited", "expected digit, saw '/'"). Staff make a handful of
// mistakes over and over: a forgotten closing quote or """, a date written 15/11/2026, a Windows
// path images\x.jpg, Word's curly quotes, a Chinese keyboard's full-width ＝ ， 【】 and spaces,
// yes for true, a colour without quotes. explainTomlError() looks at the text itself around the
// place the parser names and says what is wrong and how to write it, at the place the mistake
// was made (the line where the unclosed text started, not the end of the file where the parser
// gave up). Anything it does not recognise keeps the parser's reason in a plainer frame.
//
// Each explanation has a `code` and named `args`: the message's key in the staff catalogue
// (assets/staff-diagnostics.toml), whose English pattern formatted with the args is `message`.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

struct TomlExplanation {
  int line = 0;   // 1-based: where staff should look (may be before the parser's place)
  int column = 0; // 1-based, in characters (code points)
  std::string code;
  std::vector<std::pair<std::string, std::string>> args;
  std::string message; // English
};

// `text`: the file as the parser read it; `line`/`column` (1-based, code points) and
// `parserMessage`: toml++'s place and description of the error.
TomlExplanation explainTomlError(std::string_view text, int line, int column, std::string_view parserMessage);

// A character typed with Word's autocorrect or a Chinese/Japanese keyboard where TOML needs its
// ASCII sign (“ ” ‘ ’ ＂ 「 」 ＝ ， ： 【 】 ［ ］ ｛ ｝ ＃ and the full-width space), outside quotes on
// line `line`; nullopt when the line has none. Used for TomlGuard's problems too (it stops on
// such characters before toml++ sees them).
std::optional<TomlExplanation> explainConfusable(std::string_view text, int line);

// For a problem TomlGuard found at `line` (it stops on any non-ASCII character outside quotes,
// before toml++ sees the text): a confusable sign as above, or a date written the Chinese way
// (2026年11月15日); nullopt: TomlGuard's own sentence stands.
std::optional<TomlExplanation> explainGuardProblem(std::string_view text, int line);

} // namespace kiosk
