#include "core/TomlExplain.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>

namespace kiosk {
namespace {

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point at byte `i` of valid UTF-8 `s`, and its length in bytes.
char32_t decodeAt(std::string_view s, size_t i, size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (i + len > s.size()) {
    len = 1;
    return b0;
  }
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// Byte offsets of each line's start (line 1 at index 0).
std::vector<size_t> lineStarts(std::string_view s) {
  std::vector<size_t> out{0};
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n') out.push_back(i + 1);
  return out;
}

std::string_view lineText(std::string_view s, const std::vector<size_t>& starts, int line) {
  if (line < 1 || static_cast<size_t>(line) > starts.size()) return {};
  const size_t b = starts[static_cast<size_t>(line) - 1];
  size_t e = s.find('\n', b);
  if (e == std::string_view::npos) e = s.size();
  if (e > b && s[e - 1] == '\r') --e;
  return s.substr(b, e - b);
}

// 1-based column (code points) of byte `offset` within its line starting at `lineStart`.
int columnAt(std::string_view s, size_t lineStart, size_t offset) {
  int col = 1;
  for (size_t k = lineStart; k < offset && k < s.size(); ++k)
    if (!isContinuationByte(static_cast<unsigned char>(s[k]))) ++col;
  return col;
}

// Byte offset of 1-based `column` (code points) in the line starting at `lineStart`.
size_t offsetOfColumn(std::string_view s, size_t lineStart, int column) {
  size_t k = lineStart;
  for (int col = 1; col < column && k < s.size() && s[k] != '\n'; ++col) {
    ++k;
    while (k < s.size() && isContinuationByte(static_cast<unsigned char>(s[k]))) ++k;
  }
  return k;
}

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

// A quoted text or a comment found by a lexical pass over the whole file.
struct Span {
  size_t begin = 0; // the opening quote (or '#')
  size_t end = 0;   // one past the closing quote (or the end of the line / file)
  int line = 0;     // of `begin`
  size_t lineStart = 0;
  bool multiline = false;
  bool comment = false;
  char quote = '"';
  bool closed = true;
};

// TOML's quoting, as far as needed to tell what is inside a text: "..." with \ escapes, '...',
// """...""" and '''...''' over lines, # comments. An unclosed one-line text ends at its line
// (the parser stops there; the scan goes on so later lines are still known).
std::vector<Span> scanSpans(std::string_view s) {
  std::vector<Span> out;
  int line = 1;
  size_t lineStart = 0;
  size_t i = 0;
  auto newlinesIn = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < s.size(); ++k)
      if (s[k] == '\n') {
        ++line;
        lineStart = k + 1;
      }
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      ++line;
      lineStart = i + 1;
      ++i;
      continue;
    }
    if (c == '#') {
      Span sp;
      sp.begin = i;
      sp.line = line;
      sp.lineStart = lineStart;
      sp.comment = true;
      size_t e = s.find('\n', i);
      sp.end = e == std::string_view::npos ? s.size() : e;
      out.push_back(sp);
      i = sp.end;
      continue;
    }
    if (c != '"' && c != '\'') {
      ++i;
      continue;
    }
    Span sp;
    sp.begin = i;
    sp.line = line;
    sp.lineStart = lineStart;
    sp.quote = c;
    const std::string triple(3, c);
    if (s.substr(i, 3) == triple) {
      sp.multiline = true;
      size_t k = i + 3;
      bool found = false;
      while (k < s.size()) {
        if (c == '"' && s[k] == '\\') {
          k += 2;
          continue;
        }
        if (s.substr(k, 3) == triple) {
          k += 3;
          for (int extra = 0; extra < 2 && k < s.size() && s[k] == c; ++extra) ++k; // """" ends with a quote
          found = true;
          break;
        }
        ++k;
      }
      // `en = """ ... ` left open closes at the next text's `ru = """`: the text then ends with
      // a line holding only `ru =`. Its own """ was missing; the next text starts there.
      if (found) {
        const size_t close = k - 3;
        const size_t nl = s.rfind('\n', close);
        static const std::regex keyLine(R"(^\s*[A-Za-z0-9_.-]+\s*=\s*$)");
        if (nl != std::string_view::npos && nl > i + 3 && std::regex_match(std::string(s.substr(nl + 1, close - nl - 1)), keyLine)) {
          sp.closed = false;
          sp.end = close;
          newlinesIn(i, close);
          out.push_back(sp);
          i = close;
          continue;
        }
      }
      sp.closed = found;
      sp.end = found ? k : s.size();
      newlinesIn(i, sp.end);
      out.push_back(sp);
      if (!found) break;
      i = sp.end;
      continue;
    }
    size_t k = i + 1;
    bool found = false;
    while (k < s.size() && s[k] != '\n') {
      if (c == '"' && s[k] == '\\') {
        k += (k + 1 < s.size() && s[k + 1] != '\n') ? 2 : 1;
        continue;
      }
      if (s[k] == c) {
        found = true;
        ++k;
        break;
      }
      ++k;
    }
    if (!found && k > i + 1 && k <= s.size() && s[k - 1] == '\r') --k;
    sp.closed = found;
    sp.end = k;
    out.push_back(sp);
    i = k;
  }
  return out;
}

const Span* spanAt(const std::vector<Span>& spans, size_t offset) {
  for (const auto& sp : spans)
    if (offset >= sp.begin && offset < sp.end) return &sp;
  return nullptr;
}

std::string str(int n) { return std::to_string(n); }

TomlExplanation make(int line, int column, std::string code, std::vector<std::pair<std::string, std::string>> args,
                     std::string message) {
  TomlExplanation e;
  e.line = line;
  e.column = column;
  e.code = std::move(code);
  e.args = std::move(args);
  e.message = std::move(message);
  return e;
}

struct Confusable {
  char32_t c;
  const char* fix;
  bool curly;
};
constexpr Confusable kConfusables[] = {
    {0x201C, "\"", true},  {0x201D, "\"", true},  {0x201E, "\"", true},  {0x2018, "\"", true},  {0x2019, "\"", true},
    {0xFF02, "\"", false}, {0x300C, "\"", false}, {0x300D, "\"", false}, {0x300E, "\"", false}, {0x300F, "\"", false},
    {0xFF1D, "=", false},  {0xFF0C, ",", false},  {0x3001, ",", false},  {0xFF1A, "=", false},  {0x3010, "[", false},
    {0x3011, "]", false},  {0xFF3B, "[", false},  {0xFF3D, "]", false},  {0xFF5B, "{", false},  {0xFF5D, "}", false},
    {0xFF03, "#", false},  {0xFF0E, ".", false},  {0x3000, " ", false},
};

// The value written after the first '=' of the line, up to its end (trimmed).
std::string_view valueOf(std::string_view lineView) {
  const size_t eq = lineView.find('=');
  if (eq == std::string_view::npos) return {};
  return trim(lineView.substr(eq + 1));
}

std::string keyOf(std::string_view lineView) {
  const size_t eq = lineView.find('=');
  return std::string(trim(lineView.substr(0, eq == std::string_view::npos ? lineView.size() : eq)));
}

std::optional<TomlExplanation> explainDate(std::string_view text, const std::vector<size_t>& starts, int line) {
  const std::string_view lv = lineText(text, starts, line);
  std::string_view value = valueOf(lv);
  if (value.empty()) return std::nullopt;
  std::string token(value.substr(0, value.find_first_of(" \t#")));
  if (token.size() >= 2 && (token.front() == '"' || token.front() == '\'') && token.back() == token.front())
    token = token.substr(1, token.size() - 2);
  const size_t col0 = lv.find(token);
  const int column = columnAt(text, starts[static_cast<size_t>(line) - 1],
                              starts[static_cast<size_t>(line) - 1] + (col0 == std::string_view::npos ? 0 : col0));
  static const std::regex dmy(R"(^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$)");
  static const std::regex ymd(R"(^(\d{4})(?:[/.\-]|年)(\d{1,2})(?:[/.\-]|月)(\d{1,2})(?:日)?$)");
  std::smatch m;
  int y = 0, mo = 0, d = 0;
  bool known = false, looksDate = false;
  if (std::regex_match(token, m, ymd)) {
    looksDate = true;
    y = std::stoi(m[1]);
    mo = std::stoi(m[2]);
    d = std::stoi(m[3]);
    known = true;
  } else if (std::regex_match(token, m, dmy)) {
    looksDate = true;
    const int a = std::stoi(m[1]), b = std::stoi(m[2]);
    y = std::stoi(m[3]);
    if (a > 12 && b <= 12) d = a, mo = b, known = true;       // 15/11/2026
    else if (b > 12 && a <= 12) mo = a, d = b, known = true;  // 11/15/2026
  }
  if (!looksDate) return std::nullopt;
  if (known && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
    char fix[16];
    std::snprintf(fix, sizeof fix, "%04d-%02d-%02d", y, mo, d);
    const std::string key = keyOf(lv);
    const std::string fixed = key + " = " + fix;
    return make(line, column, "toml_date", {{"written", token}, {"fix", fixed}},
                token + " is not a date the kiosk can read; write dates as year-month-day, without quotes: " + fixed);
  }
  return make(line, column, "toml_date_order", {{"written", token}},
              token + " is not a date the kiosk can read, and the day and the month cannot be told apart; write dates as "
                      "year-month-day, without quotes, like 2026-11-15");
}

// The first text left open at or before `line`: a """ text always (its end is taken by the next
// one), a one-line text when the parser stopped in a text (`inString`).
std::optional<TomlExplanation> explainUnclosed(std::string_view text, const std::vector<Span>& spans, int line, bool inString) {
  for (const auto& sp : spans) {
    if (sp.comment || sp.closed || sp.line > line) continue;
    if (!sp.multiline && !inString) continue;
    const int col = columnAt(text, sp.lineStart, sp.begin);
    if (sp.multiline) {
      const std::string q(3, sp.quote);
      return make(sp.line, col, "toml_unclosed_long", {{"line", str(sp.line)}, {"quote", q}},
                  "the long text that starts on line " + str(sp.line) + " with " + q + " has no closing " + q +
                      "; end it with " + q + " on a line of its own");
    }
    const std::string q(1, sp.quote);
    return make(sp.line, col, "toml_unclosed_quote", {{"line", str(sp.line)}, {"quote", q}},
                "the text that starts on line " + str(sp.line) + " has no closing quote " + q + "; add " + q +
                    " at its end, on the same line (a text over several lines starts and ends with \"\"\")");
  }
  return std::nullopt;
}

} // namespace

std::optional<TomlExplanation> explainGuardProblem(std::string_view text, int line) {
  if (auto c = explainConfusable(text, line)) return c;
  const auto starts = lineStarts(text);
  if (line < 1 || static_cast<size_t>(line) > starts.size()) return std::nullopt;
  if (auto u = explainUnclosed(text, scanSpans(text), line, false)) return u;
  return explainDate(text, starts, line);
}

std::optional<TomlExplanation> explainConfusable(std::string_view text, int line) {
  const auto starts = lineStarts(text);
  if (line < 1 || static_cast<size_t>(line) > starts.size()) return std::nullopt;
  const auto spans = scanSpans(text);
  const size_t b = starts[static_cast<size_t>(line) - 1];
  const std::string_view lv = lineText(text, starts, line);
  size_t k = b;
  while (k < b + lv.size()) {
    if (const Span* sp = spanAt(spans, k)) {
      if (sp->comment) break;
      k = std::max(sp->end, k + 1);
      continue;
    }
    size_t len = 0;
    const char32_t c = decodeAt(text, k, len);
    for (const auto& cf : kConfusables) {
      if (cf.c != c) continue;
      const std::string ch(text.substr(k, len));
      const int column = columnAt(text, b, k);
      if (c == 0x3000)
        return make(line, column, "toml_fullwidth_space", {},
                    "there is a full-width space here (typed with a Chinese or Japanese keyboard); write an ordinary space, "
                    "and switch the keyboard to English for everything outside quotes");
      if (cf.curly)
        return make(line, column, "toml_curly_quote", {{"char", ch}},
                    ch + " is a curly quote (Word and phones type them); write the straight quote \" instead, "
                         "before and after the text");
      return make(line, column, "toml_fullwidth", {{"char", ch}, {"fix", cf.fix}},
                  ch + " is a full-width sign (typed with a Chinese or Japanese keyboard); write " + cf.fix +
                      " instead, and switch the keyboard to English for everything outside quotes");
    }
    k += std::max<size_t>(len, 1);
  }
  return std::nullopt;
}

TomlExplanation explainTomlError(std::string_view text, int line, int column, std::string_view parserMessage) {
  const std::string desc(parserMessage);
  auto has = [&](const char* what) { return desc.find(what) != std::string::npos; };
  const auto starts = lineStarts(text);
  if (line < 1) line = 1;
  if (static_cast<size_t>(line) > starts.size()) line = static_cast<int>(starts.size());
  const size_t lineStart = starts[static_cast<size_t>(line) - 1];
  const std::string_view lv = lineText(text, starts, line);
  const size_t at = offsetOfColumn(text, lineStart, column);
  const auto spans = scanSpans(text);

  if (auto c = explainConfusable(text, line)) return *c;

  // A text whose closing quote is missing: told where it started.
  if (auto u = explainUnclosed(text, spans, line, has("parsing string") && (has("control characters") || has("end-of-file"))))
    return *u;

  // A backslash: a Windows path, or a \ meant as itself.
  if (has("escape sequence") || has("unicode scalar") || has("escape")) {
    const Span* sp = spanAt(spans, at > 0 ? at - 1 : at);
    if (!sp || sp->comment) sp = spanAt(spans, at);
    if (sp && !sp->comment) {
      const size_t inner = sp->begin + (sp->multiline ? 3 : 1);
      const size_t innerEnd = sp->closed ? sp->end - (sp->multiline ? 3 : 1) : sp->end;
      const std::string written(text.substr(inner, innerEnd > inner ? innerEnd - inner : 0));
      static const std::regex pathLike(R"(^[^\s"]*\\[^\s"]*\.[A-Za-z0-9]{2,5}$)");
      const int col = columnAt(text, sp->lineStart, sp->begin);
      if (std::regex_match(written, pathLike)) {
        std::string fix = written;
        std::replace(fix.begin(), fix.end(), '\\', '/');
        return make(sp->line, col, "toml_windows_path", {{"written", written}, {"fix", fix}},
                    "use / in paths, not \\ as Windows does: write \"" + fix + "\" instead of \"" + written + "\"");
      }
    }
    const size_t slash = text.rfind('\\', at);
    const std::string seq = slash == std::string_view::npos ? std::string("\\") : std::string(text.substr(slash, 2));
    const int col = slash == std::string_view::npos || slash < lineStart ? column : columnAt(text, lineStart, slash);
    return make(line, col, "toml_backslash", {{"sequence", seq}},
                "a \\ in a text starts a special sign, and " + seq +
                    " is none; write \\\\ for a backslash itself, or leave it out (paths are written with /)");
  }

  // Dates: 15/11/2026, 2026/11/15, 2026-11-5, 2026年11月15日.
  if (has("date") || has("integer") || has("floating") || has("value") || has("whitespace") || has("time")) {
    if (has("expected day between") || has("expected month between")) {
      std::string token(valueOf(lv).substr(0, valueOf(lv).find_first_of(" \t#")));
      return make(line, column, "toml_date_invalid", {{"written", token}},
                  token + " is not a day of the calendar; check the month and the day (year-month-day, like 2026-11-15)");
    }
    if (auto d = explainDate(text, starts, line)) return *d;
  }

  if (has("table header") && has("expected ']'")) {
    std::string header(trim(lv));
    size_t open = 0;
    while (open < header.size() && header[open] == '[') ++open;
    std::string fix = header;
    while (!fix.empty() && fix.back() == ']') fix.pop_back();
    fix += std::string(std::max<size_t>(open, 1), ']');
    return make(line, 1, "toml_header_unclosed", {{"header", header}, {"fix", fix}},
                "the table name " + header + " is not closed; write " + fix + " on a line of its own");
  }

  static const std::regex redefine(R"(cannot redefine existing (\w[\w -]*?) '([^']*)'( as)?)");
  std::smatch m;
  if (std::regex_search(desc, m, redefine)) {
    const std::string kind = m[1], name = m[2];
    const bool table = kind == "table" || kind == "array";
    if (table && !m[3].matched) {
      int first = 0;
      for (int l = 1; l < line && !first; ++l) {
        std::string t(trim(lineText(text, starts, l)));
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        if (t == "[" + name + "]") first = l;
      }
      if (first == 0) first = line;
      if (name.size() > 7 && name.compare(name.size() - 8, 8, ".caption") == 0)
        return make(line, 1, "toml_caption_twice", {{"table", name}, {"first_line", str(first)}},
                    "[" + name + "] is written a second time for the same picture (the first is on line " + str(first) +
                        "); each picture starts with its own [[images]] line and file = \"...\"");
      return make(line, 1, "toml_table_twice", {{"table", name}, {"first_line", str(first)}},
                  "[" + name + "] is written a second time (the first is on line " + str(first) +
                      "); put these lines under the first one and delete this name");
    }
    const std::string key = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    int first = 0;
    for (int l = line - 1; l >= 1 && !first; --l) {
      const std::string t(trim(lineText(text, starts, l)));
      if (t.rfind(key, 0) == 0 && trim(std::string_view(t).substr(key.size())).rfind('=', 0) == 0) first = l;
    }
    if (first == 0) first = line;
    return make(line, 1, "toml_key_twice", {{"key", key}, {"first_line", str(first)}},
                key + " is given twice here (the first is on line " + str(first) + "); keep one of them");
  }

  if (has("expected '='")) {
    const std::string key(trim(text.substr(lineStart, at > lineStart ? at - lineStart : 0)));
    return make(line, column, "toml_missing_equals", {{"key", key}},
                "put = between the name and the value, like " + key + " = \"...\"");
  }

  if (has("leading zeroes")) {
    std::string token(valueOf(lv).substr(0, valueOf(lv).find_first_of(" \t#")));
    std::string fix = token;
    while (fix.size() > 1 && fix[0] == '0') fix.erase(0, 1);
    return make(line, column, "toml_leading_zero", {{"written", token}, {"fix", fix}},
                "write whole numbers without a 0 in front: " + fix + ", not " + token);
  }

  if (has("could not determine value type") || has("expected 'true'") || has("expected 'false'") ||
      has("expected 'inf'") || has("expected 'nan'") ||
      has("expected value")) {
    const std::string value(valueOf(lv));
    std::string lower = value;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const size_t vcol = lv.find(value);
    const int col = vcol == std::string_view::npos ? column : columnAt(text, lineStart, lineStart + vcol);
    if (lower == "yes" || lower == "no" || lower == "true" || lower == "false" || lower == "on" || lower == "off")
      return make(line, col, "toml_boolean", {{"written", value}},
                  "write true or false, in lower case and without quotes, not " + value);
    if (!value.empty() && value[0] == '#') {
      const std::string colour = value.substr(0, value.find_first_of(" \t"));
      return make(line, col, "toml_colour_quotes", {{"written", colour}},
                  "a colour is written in quotes, like \"" + colour + "\" (without them # starts a comment)");
    }
    if (!value.empty() && value.find('"') == std::string::npos)
      return make(line, col, "toml_text_quotes", {{"written", value}},
                  "a text is written in quotes: \"" + value + "\"");
  }

  if (has("expected a comment or whitespace")) {
    const std::string_view value = valueOf(lv);
    const char before = at > lineStart ? text[at - 1] : ' ';
    if (at < text.size() && text[at] == ',' && std::isdigit(static_cast<unsigned char>(before))) {
      std::string token(value.substr(0, value.find_first_of(" \t#")));
      std::string fix = token;
      std::replace(fix.begin(), fix.end(), ',', '.');
      return make(line, column, "toml_decimal_comma", {{"written", token}, {"fix", fix}},
                  "write decimals with a point, not a comma: " + fix + ", not " + token);
    }
    const std::string rest(trim(text.substr(at, lineStart + lv.size() - std::min(at, lineStart + lv.size()))));
    static const std::regex nextKey(R"(^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\s*=.*)");
    if (std::regex_match(rest, nextKey))
      return make(line, column, "toml_one_per_line", {}, "write each name = value on a line of its own");
    if (!value.empty() && value[0] == '"')
      return make(line, column, "toml_quote_inside", {},
                  "a \" inside a text ends it; write \\\" for a quote inside the text, or use “ ” or 「 」 there");
    if (!value.empty() && value[0] == '\'')
      return make(line, column, "toml_apostrophe", {},
                  "a text written in '...' ends at its next ' (here inside the text); write the text in \"...\" instead");
  }

  if (has("parsing array")) {
    int first = line;
    for (int l = line; l >= 1; --l)
      if (valueOf(lineText(text, starts, l)).rfind('[', 0) == 0) {
        first = l;
        break;
      }
    return make(first, 1, "toml_list_unclosed", {{"line", str(first)}},
                "the list that starts on line " + str(first) + " is not closed; write it like tags = [\"a\", \"b\"], with ] at its end");
  }
  if (has("inline table")) {
    return make(line, column, "toml_inline_unclosed", {},
                "a table written on one line, like { en = \"...\", zh-Hans = \"...\" }, must end with } on the same line");
  }

  std::string reason = desc;
  if (reason.rfind("Error while ", 0) == 0) reason.erase(0, 12);
  return make(line, column, "toml_syntax", {{"reason", reason}},
              "this line cannot be read (" + reason + "); check its quotes, brackets and the = between a name and its value");
}

} // namespace kiosk
