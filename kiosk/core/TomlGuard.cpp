#include "core/TomlGuard.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace kiosk {
namespace {

bool isContinuation(unsigned char b) { return U8_IS_TRAIL(b); }

// The code point starting at `i` and its length in bytes, by ICU (malformed: U+FFFD, the text was
// checked as UTF-8 before, so only a cut end could be).
char32_t codePointAt(const std::string& s, size_t i, size_t& length) {
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(s.data()), at, static_cast<int32_t>(s.size()), c);
  length = static_cast<size_t>(at) - i;
  return static_cast<char32_t>(c);
}

// Up to `maxChars` characters from `i` on the same line, for quoting in a message.
std::string excerpt(const std::string& s, size_t i, size_t maxChars = 12) {
  std::string out;
  size_t chars = 0;
  while (i < s.size() && s[i] != '\n' && s[i] != '\r' && chars < maxChars) {
    size_t len = 0;
    codePointAt(s, i, len);
    out.append(s, i, len);
    i += len;
    ++chars;
  }
  if (i < s.size() && s[i] != '\n' && s[i] != '\r') out += "…";
  return out;
}

// 'text', built without operator+ on a literal (GCC 12 warns falsely, -Wrestrict, when inlined).
std::string quoted(std::string text) {
  text.insert(text.begin(), '\'');
  text.push_back('\'');
  return text;
}

class Scanner {
public:
  Scanner(std::string& text, const TomlGuardLimits& limits) : m_s(text), m_limits(limits) {}

  std::optional<TomlGuardProblem> run() {
    while (m_i < m_s.size() && !m_problem) step();
    return m_problem;
  }

private:
  enum class Mode { LineStart, Key, HeaderKey, Value, Trailing };
  enum class Container { Array, Table };

  std::string& m_s;
  const TomlGuardLimits& m_limits;
  size_t m_i = 0;
  int m_line = 1;
  size_t m_lineStart = 0; // byte offset of the current line's start
  Mode m_mode = Mode::LineStart;
  std::vector<Container> m_stack;
  size_t m_keyParts = 0;
  size_t m_keyPartBytes = 0;
  std::optional<TomlGuardProblem> m_problem;

  int columnAt(size_t offset) const {
    int col = 1;
    for (size_t k = m_lineStart; k < offset && k < m_s.size(); ++k)
      if (!isContinuation(static_cast<unsigned char>(m_s[k]))) ++col;
    return col;
  }

  void fail(size_t offset, std::string message) {
    if (!m_problem) m_problem = TomlGuardProblem{m_line, columnAt(offset), std::move(message)};
  }

  void newline() {
    ++m_line;
    m_lineStart = m_i + 1;
  }

  void startKey() {
    m_keyParts = 1;
    m_keyPartBytes = 0;
  }

  void keyByte() {
    if (++m_keyPartBytes > m_limits.maxKeyBytes)
      fail(m_i, "a key longer than " + std::to_string(m_limits.maxKeyBytes) +
                    " letters cannot be one the kiosk knows; look for a missing '=' or quote before it");
  }

  void keyDot() {
    m_keyPartBytes = 0;
    if (++m_keyParts > m_limits.maxKeyParts)
      fail(m_i, "this key has more than " + std::to_string(m_limits.maxKeyParts) +
                    " parts joined by dots; the content format needs 3 at most (like images.caption.en)");
  }

  void nonAscii() {
    size_t len = 0;
    codePointAt(m_s, m_i, len);
    const std::string what = excerpt(m_s, m_i);
    switch (m_mode) {
    case Mode::LineStart:
      fail(m_i, "this line starts with " + quoted(what) + ", which is not a key: every line is key = value with the text in "
                "quotes, like title = \"" + what + "\"; did the key and '=' get lost?");
      break;
    case Mode::Key:
    case Mode::HeaderKey:
      fail(m_i, quoted(what) + " cannot be in a key: keys are written with a-z, 0-9, '-' and '_' (like title or zh-Hans)");
      break;
    default:
      fail(m_i, quoted(what) + " is outside quotes: text values are written in quotes, like \"" + what + "\"");
      break;
    }
  }

  void push(Container c) {
    m_stack.push_back(c);
    if (m_stack.size() > m_limits.maxNesting)
      fail(m_i, "lists and tables are nested more than " + std::to_string(m_limits.maxNesting) +
                    " deep here; the content format needs 3 at most");
  }

  // A quoted string from m_i (at its opening quote); leaves m_i after the closing quote, or at the
  // line break where a single-line string was left open (toml++ reports that).
  void string(bool inKey) {
    const size_t start = m_i;
    const char q = m_s[m_i];
    const bool basic = q == '"';
    const bool multi = !inKey && m_s.compare(m_i, 3, std::string(3, q)) == 0;
    m_i += multi ? 3 : 1;
    const size_t contentStart = m_i;
    const int startLine = m_line;
    const int startColumn = columnAt(start);
    auto tooLong = [&] {
      if (m_i - contentStart <= m_limits.maxStringBytes) return false;
      // Reported at the opening quote.
      if (!m_problem)
        m_problem = TomlGuardProblem{startLine, startColumn,
                                     "this text is longer than " + std::to_string(m_limits.maxStringBytes / 1024) +
                                         " KiB; a long body belongs in its own .md file next to the item"};
      return true;
    };
    while (m_i < m_s.size() && !m_problem) {
      const auto c = static_cast<unsigned char>(m_s[m_i]);
      if (c == static_cast<unsigned char>(q)) {
        if (!multi) {
          ++m_i;
          return;
        }
        size_t quotes = 0;
        while (m_i + quotes < m_s.size() && m_s[m_i + quotes] == q) ++quotes;
        if (quotes >= 3) {
          m_i += quotes; // up to two more quotes belong to the text (toml++ refuses more)
          return;
        }
        m_i += quotes;
        continue;
      }
      if (c == '\n') {
        if (!multi) return; // left open: toml++ says so
        newline();
        ++m_i;
        continue;
      }
      if (c == '\\' && basic) {
        ++m_i;
        if (m_i >= m_s.size()) return;
        if (static_cast<unsigned char>(m_s[m_i]) >= 0x80) {
          std::string escape = excerpt(m_s, m_i, 1);
          escape.insert(escape.begin(), '\\');
          fail(m_i - 1, quoted(std::move(escape)) + " is not an escape; write the character itself without the backslash");
          return;
        }
        if (multi && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) {
          lineEndingBackslash();
          continue;
        }
        ++m_i; // the escaped character (toml++ checks which escapes exist)
        if (tooLong()) return;
        continue;
      }
      ++m_i;
      if (tooLong()) return;
    }
  }

  // A quoted key ("名前" = or '名前' =) is valid TOML, but toml++ asks of each of its characters
  // whether it is whitespace (undefined behaviour for many non-ASCII ones). Such a key is rewritten
  // as the same key in a basic string with \uXXXX escapes, on the same line, so toml++ reads the
  // same key and staff get the usual "unknown key" warning for it.
  void keyString() {
    const size_t start = m_i;
    const char q = m_s[m_i];
    size_t end = start + 1;
    bool nonAscii = false;
    while (end < m_s.size() && m_s[end] != q && m_s[end] != '\n') {
      if (static_cast<unsigned char>(m_s[end]) >= 0x80) nonAscii = true;
      end += q == '"' && m_s[end] == '\\' && end + 1 < m_s.size() && m_s[end + 1] != '\n' ? 2 : 1;
    }
    if (end >= m_s.size() || m_s[end] != q) { // left open: toml++ says so, but must not meet the characters
      if (nonAscii) fail(start, "this key's quote is not closed on its line; close it, or write the key without quotes");
      m_i = end;
      return;
    }
    if (end - start - 1 > m_limits.maxKeyBytes) {
      fail(start, "a key longer than " + std::to_string(m_limits.maxKeyBytes) +
                      " letters cannot be one the kiosk knows; look for a missing '=' or quote before it");
      return;
    }
    if (!nonAscii) {
      m_i = end + 1;
      return;
    }
    std::string basic = "\"";
    for (size_t i = start + 1; i < end;) {
      const auto b = static_cast<unsigned char>(m_s[i]);
      if (b < 0x80) {
        if (q == '\'' && (b == '"' || b == '\\')) basic += '\\'; // literal text in a basic string
        basic += m_s[i++];
        continue;
      }
      size_t len = 0;
      const char32_t cp = codePointAt(m_s, i, len);
      char escape[16];
      std::snprintf(escape, sizeof escape, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(cp));
      basic += escape;
      i += len;
    }
    basic += '"';
    m_s.replace(start, end + 1 - start, basic);
    m_i = start + basic.size();
  }

  // After a backslash in a """ text followed by a space or line break: TOML trims the spaces and
  // line breaks that follow. toml++ asks of the first other character whether it is whitespace,
  // which is undefined behaviour for many non-ASCII characters; that character is written as the
  // escape \uXXXX (the same text) instead.
  void lineEndingBackslash() {
    while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t')) ++m_i;
    if (m_i >= m_s.size()) return;
    if (static_cast<unsigned char>(m_s[m_i]) >= 0x80) {
      fail(m_i, "a backslash in a text must be the last thing on its line (it joins the next line), or be written \\\\");
      return;
    }
    if (m_s[m_i] != '\n' && m_s[m_i] != '\r') return; // toml++: "line-ending backslashes must be the last..."
    while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) {
      if (m_s[m_i] == '\n') newline();
      ++m_i;
    }
    if (m_i < m_s.size() && static_cast<unsigned char>(m_s[m_i]) >= 0x80) {
      size_t len = 0;
      const char32_t cp = codePointAt(m_s, m_i, len);
      char escape[16];
      if (cp > 0xFFFF)
        std::snprintf(escape, sizeof escape, "\\U%08X", static_cast<unsigned>(cp));
      else
        std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
      m_s.replace(m_i, len, escape);
      m_i += std::char_traits<char>::length(escape);
    }
  }

  void comment() {
    while (m_i < m_s.size() && m_s[m_i] != '\n') ++m_i;
  }

  void step() {
    const char c = m_s[m_i];
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      newline();
      ++m_i;
      if (m_stack.empty()) m_mode = Mode::LineStart;
      return;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++m_i;
      return;
    }
    if (c == '#') {
      comment();
      return;
    }
    switch (m_mode) {
    case Mode::LineStart:
      if (c == '[') {
        m_mode = Mode::HeaderKey;
        ++m_i;
        if (m_i < m_s.size() && m_s[m_i] == '[') ++m_i;
        startKey();
        return;
      }
      if (u >= 0x80) return nonAscii();
      m_mode = Mode::Key;
      startKey();
      return; // the same character again, as a key
    case Mode::Key:
    case Mode::HeaderKey:
      if (c == '"' || c == '\'') {
        keyString();
        return;
      }
      if (c == '.') {
        keyDot();
        ++m_i;
        return;
      }
      if (c == '=' && m_mode == Mode::Key) {
        m_mode = Mode::Value;
        ++m_i;
        return;
      }
      if (c == ']' && m_mode == Mode::HeaderKey) {
        m_mode = Mode::Trailing;
        ++m_i;
        if (m_i < m_s.size() && m_s[m_i] == ']') ++m_i;
        return;
      }
      if (c == '}' && !m_stack.empty() && m_stack.back() == Container::Table) { // {} or {a = 1, }
        m_stack.pop_back();
        m_mode = afterValueMode();
        ++m_i;
        return;
      }
      if (u >= 0x80) return nonAscii();
      keyByte();
      ++m_i;
      return;
    case Mode::Value:
    case Mode::Trailing:
      if (u >= 0x80) return nonAscii();
      if (c == '"' || c == '\'') {
        string(false);
        return;
      }
      if (c == '[') {
        push(Container::Array);
        m_mode = Mode::Value;
        ++m_i;
        return;
      }
      if (c == '{') {
        push(Container::Table);
        m_mode = Mode::Key;
        startKey();
        ++m_i;
        return;
      }
      if ((c == ']' || c == '}') && !m_stack.empty()) {
        m_stack.pop_back();
        m_mode = afterValueMode();
        ++m_i;
        return;
      }
      if (c == ',' && !m_stack.empty()) {
        if (m_stack.back() == Container::Table) {
          m_mode = Mode::Key;
          startKey();
        }
        ++m_i;
        return;
      }
      ++m_i; // numbers, dates, true/false, and whatever toml++ will call a syntax error
      return;
    }
  }

  Mode afterValueMode() const { return m_stack.empty() ? Mode::Trailing : Mode::Value; }
};

} // namespace

std::optional<TomlGuardProblem> guardTomlText(std::string& text, const TomlGuardLimits& limits) {
  return Scanner(text, limits).run();
}

} // namespace kiosk
