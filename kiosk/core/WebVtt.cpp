#include "core/WebVtt.h"

#include "core/Utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Captions::at
//-----------------------------------------------------------------------------

void Captions::index() {
  std::stable_sort(cues.begin(), cues.end(), [](const CaptionCue& a, const CaptionCue& b) { return a.start < b.start; });
  m_maxEnd.resize(cues.size());
  double latest = -1;
  for (size_t i = 0; i < cues.size(); ++i) m_maxEnd[i] = latest = std::max(latest, cues[i].end);
}

const CaptionCue* Captions::at(double seconds) const {
  if (m_maxEnd.size() != cues.size()) { // not indexed: a plain search, the same answer
    const CaptionCue* best = nullptr;
    for (const auto& c : cues)
      if (c.start <= seconds && seconds < c.end && (!best || c.start >= best->start)) best = &c;
    return best;
  }
  // The cues that started by `seconds`, latest first; stop once none before can still be showing.
  auto it = std::upper_bound(cues.begin(), cues.end(), seconds, [](double t, const CaptionCue& c) { return t < c.start; });
  for (size_t i = static_cast<size_t>(it - cues.begin()); i-- > 0;) {
    if (m_maxEnd[i] <= seconds) return nullptr;
    if (seconds < cues[i].end) return &cues[i];
  }
  return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Parsing
//-----------------------------------------------------------------------------

namespace {

struct Line {
  std::string_view text;
  int number = 0;
};

// Lines of the text, ended by CRLF, CR or LF.
std::vector<Line> splitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  int number = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back({text.substr(start, i - start), number++});
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back({text.substr(start), number});
  return lines;
}

bool isBlank(std::string_view s) { return s.empty(); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The 1-based column (in characters) of byte `offset` in a UTF-8 line.
int columnOf(std::string_view line, size_t offset) {
  int col = 1;
  for (size_t i = 0; i < offset && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

// "NOTE", "STYLE", "REGION": the word alone or followed by a space, tab (or, for NOTE, the text).
bool startsBlockWord(std::string_view line, std::string_view word) {
  return line.substr(0, word.size()) == word && (line.size() == word.size() || isSpace(line[word.size()]));
}

// A WebVTT timestamp, the whole of `tok`: [hh:]mm:ss.ttt (hours: any number of digits).
std::optional<double> parseTimestamp(std::string_view tok) {
  size_t p = 0;
  auto digits = [&](std::uint64_t& value) {
    const size_t from = p;
    value = 0;
    while (p < tok.size() && tok[p] >= '0' && tok[p] <= '9') {
      if (p - from < 12) value = value * 10 + static_cast<unsigned>(tok[p] - '0');
      ++p;
    }
    return p - from;
  };
  std::uint64_t v1 = 0, v2 = 0, v3 = 0, ms = 0;
  const size_t n1 = digits(v1);
  if (n1 == 0 || n1 > 10) return std::nullopt;
  const bool hours = n1 != 2 || v1 > 59;
  if (p >= tok.size() || tok[p] != ':') return std::nullopt;
  ++p;
  if (digits(v2) != 2) return std::nullopt;
  double h = 0, m = 0, s = 0;
  if (hours || (p < tok.size() && tok[p] == ':')) {
    if (p >= tok.size() || tok[p] != ':') return std::nullopt;
    ++p;
    if (digits(v3) != 2) return std::nullopt;
    h = static_cast<double>(v1), m = static_cast<double>(v2), s = static_cast<double>(v3);
    if (v2 > 59 || v3 > 59) return std::nullopt;
  } else {
    m = static_cast<double>(v1), s = static_cast<double>(v2);
    if (v2 > 59) return std::nullopt;
  }
  if (p >= tok.size() || tok[p] != '.') return std::nullopt;
  ++p;
  if (digits(ms) != 3 || p != tok.size()) return std::nullopt;
  return h * 3600 + m * 60 + s + static_cast<double>(ms) / 1000;
}

// Diagnostics of one file, at most kMaxCaptionDiagnostics, then one with the count left out.
class Reporter {
public:
  Reporter(const std::string& file, std::vector<Diagnostic>& out) : m_file(file), m_out(out) {}
  ~Reporter() {
    if (m_suppressed == 0) return;
    Diagnostic d;
    d.severity = m_suppressedError ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
    d.file = m_file;
    d.message = "and " + std::to_string(m_suppressed) + " more problems like those above in this captions file; fix those first";
    m_out.push_back(std::move(d));
  }
  void add(Diagnostic::Severity severity, int line, int column, std::string message) {
    if (m_count++ >= kMaxCaptionDiagnostics) {
      ++m_suppressed;
      m_suppressedError = m_suppressedError || severity == Diagnostic::Severity::Error;
      return;
    }
    Diagnostic d;
    d.severity = severity;
    d.file = m_file;
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }
  void error(int line, int column, std::string message) { add(Diagnostic::Severity::Error, line, column, std::move(message)); }
  void warning(int line, int column, std::string message) { add(Diagnostic::Severity::Warning, line, column, std::move(message)); }

private:
  const std::string& m_file;
  std::vector<Diagnostic>& m_out;
  size_t m_count = 0, m_suppressed = 0;
  bool m_suppressedError = false;
};

void appendCodePoint(std::string& out, char32_t cp) {
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  utf8::append(out, cp);
}

// A character reference at text[i] ('&'): appends what it stands for and returns the bytes it
// took, or 0 when it is not one (the '&' is then kept as it is).
size_t decodeReference(std::string_view text, size_t i, std::string& out) {
  const size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  const std::string_view name = text.substr(i + 1, semi - i - 1);
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"nbsp", 0xA0}, {"lrm", 0x200E}, {"rlm", 0x200F}, {"quot", U'"'}, {"apos", U'\''}};
  for (const auto& [n, cp] : kNamed)
    if (name == n) {
      utf8::append(out, cp);
      return semi - i + 1;
    }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view num = name.substr(hex ? 2 : 1);
    if (num.empty() || num.size() > 8) return 0;
    char32_t cp = 0;
    for (char c : num) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      if (cp > 0x10FFFF) cp = 0x110000; // stays out of range, no overflow
    }
    if (cp < 0x20 && cp != '\n') cp = 0xFFFD; // a control character drawn as a box, not obeyed
    appendCodePoint(out, cp);
    return semi - i + 1;
  }
  return 0;
}

// Cue text as it is shown: tags removed (a ruby's <rt> reading with its text), character
// references decoded, control characters left out (a tab becomes a space).
std::string cueText(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  int inReading = 0; // inside <rt>...</rt>
  for (size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == '<') {
      size_t close = raw.find('>', i + 1);
      if (close == std::string_view::npos) close = raw.size(); // an unclosed tag takes the rest
      std::string_view tag = raw.substr(i + 1, close - i - 1);
      const bool end = !tag.empty() && tag[0] == '/';
      if (end) tag.remove_prefix(1);
      const size_t nameEnd = tag.find_first_of(". \t\n\f");
      const std::string_view name = tag.substr(0, nameEnd);
      if (name == "rt") inReading = end ? std::max(0, inReading - 1) : std::min(inReading + 1, 100);
      else if (name == "ruby" && end) inReading = 0;
      i = close == raw.size() ? close : close + 1;
      continue;
    }
    if (inReading > 0) {
      ++i;
      continue;
    }
    if (c == '&') {
      if (const size_t took = decodeReference(raw, i, out)) {
        i += took;
        continue;
      }
    }
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') out += ' ';
    else if (c == '\n' || u >= 0x20) {
      if (u == 0x7F) { // DEL
      } else if (u == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(raw[i + 1]) <= 0x9F) {
        ++i; // a C1 control character (U+0080..U+009F): left out with its second byte
      } else {
        out += c;
      }
    }
    ++i;
  }
  return out;
}

// At most `limit` bytes of UTF-8 `s`, cut before a character, not inside one.
void cutUtf8(std::string& s, size_t limit) {
  if (s.size() <= limit) return;
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

// `s` in quotes for a message: at most 40 bytes of it, made printable.
std::string quoted(std::string_view s) {
  std::string t(s.substr(0, 40));
  cutUtf8(t, 40);
  if (s.size() > 40) t += "...";
  std::string q = "'";
  q += printable(t);
  q += '\'';
  return q;
}

const char* kTimeHint = "write minutes:seconds.milliseconds like 00:01.500 (or hours:minutes:seconds.milliseconds like 01:02:03.500)";

} // namespace

Captions parseWebVtt(std::string_view text, const std::string& displayFile, std::vector<Diagnostic>& out) {
  Captions captions;
  Reporter report(displayFile, out);

  size_t bad = 0;
  if (!utf8::isValid(text, &bad)) {
    // The line and column of the first bad byte (columns in bytes: the line is not text there).
    int line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n'))) {
        ++line;
        lineStart = i + 1;
      }
    }
    report.error(line, static_cast<int>(bad - lineStart) + 1,
                 "this captions file is not UTF-8 (bad byte at offset " + std::to_string(bad) +
                     "), so none of its captions are shown; save it as UTF-8 in your editor");
    return captions;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::vector<Line> lines = splitLines(text);

  const bool header = !lines.empty() && lines[0].text.substr(0, 6) == "WEBVTT" &&
                      (lines[0].text.size() == 6 || isSpace(lines[0].text[6]));
  if (!header) {
    const bool looksSrt = text.find("-->") != std::string_view::npos && text.find(',') != std::string_view::npos &&
                          !lines.empty() && !lines[0].text.empty() && lines[0].text[0] >= '0' && lines[0].text[0] <= '9';
    report.error(1, 1, text.empty() ? std::string("this captions file is empty; the first line must be WEBVTT, then the cues")
                       : looksSrt   ? std::string("this looks like an SRT file: the first line must be WEBVTT, and times are written "
                                                  "00:00:01.000 with a full stop, not a comma; convert it to WebVTT (.vtt)")
                                    : std::string("the first line must be WEBVTT; this file is not read as captions until it is"));
    return captions;
  }

  size_t i = 1;
  // The header's other lines, up to the first blank line (a time line there starts the cues).
  while (i < lines.size() && !isBlank(lines[i].text) && lines[i].text.find("-->") == std::string_view::npos) ++i;

  bool full = false;
  while (i < lines.size() && !full) {
    while (i < lines.size() && isBlank(lines[i].text)) ++i;
    if (i >= lines.size()) break;
    const Line& first = lines[i];
    auto skipBlock = [&] {
      while (i < lines.size() && !isBlank(lines[i].text)) ++i;
    };
    if (first.text.find("-->") == std::string_view::npos &&
        (startsBlockWord(first.text, "NOTE") || startsBlockWord(first.text, "STYLE") || startsBlockWord(first.text, "REGION"))) {
      skipBlock();
      continue;
    }
    // The time line: this one, or the next after a cue identifier.
    size_t timing = i;
    if (first.text.find("-->") == std::string_view::npos) {
      if (i + 1 < lines.size() && !isBlank(lines[i + 1].text) && lines[i + 1].text.find("-->") != std::string_view::npos) {
        timing = i + 1;
      } else {
        report.error(first.number, 1,
                     quoted(first.text) + " starts a block without a time line like 00:01.000 --> 00:04.000, so it is not "
                     "a cue and is not shown; add the time line, or begin the block with NOTE if it is a note");
        skipBlock();
        continue;
      }
    }
    const Line& tl = lines[timing];
    i = timing + 1;
    // The cue's text: up to a blank line, or a line with "-->" (a new cue without a blank line).
    const size_t textFrom = i;
    while (i < lines.size() && !isBlank(lines[i].text) && lines[i].text.find("-->") == std::string_view::npos) ++i;
    const size_t textTo = i;

    // start --> end [settings]
    const std::string_view s = tl.text;
    size_t p = 0;
    while (p < s.size() && isSpace(s[p])) ++p;
    const size_t arrow = s.find("-->", p);
    size_t startEnd = p;
    while (startEnd < arrow && !isSpace(s[startEnd])) ++startEnd;
    const std::string_view startTok = s.substr(p, startEnd - p);
    const auto start = parseTimestamp(startTok);
    if (!start) {
      report.error(tl.number, columnOf(s, p),
                   startTok.empty() ? std::string("the time line has no start time before '-->'; ") + kTimeHint + "; this cue is not shown"
                                    : quoted(startTok) + " is not a time; " + kTimeHint + "; this cue is not shown");
      continue;
    }
    size_t q = startEnd;
    while (q < s.size() && isSpace(s[q])) ++q;
    if (q != arrow) {
      report.error(tl.number, columnOf(s, q),
                   "a time line is the start time, '-->' and the end time, like 00:01.000 --> 00:04.000; " + quoted(s.substr(q, arrow - q)) +
                       " is in the way; this cue is not shown");
      continue;
    }
    q = arrow + 3;
    while (q < s.size() && isSpace(s[q])) ++q;
    size_t endEnd = q;
    while (endEnd < s.size() && !isSpace(s[endEnd])) ++endEnd;
    const std::string_view endTok = s.substr(q, endEnd - q);
    const auto end = parseTimestamp(endTok);
    if (!end) {
      report.error(tl.number, columnOf(s, q),
                   endTok.empty() ? std::string("the time line has no end time after '-->'; ") + kTimeHint + "; this cue is not shown"
                                  : quoted(endTok) + " is not a time; " + kTimeHint + "; this cue is not shown");
      continue;
    }
    if (*end < *start) {
      report.error(tl.number, columnOf(s, q),
                   "this cue ends (" + std::string(endTok) + ") before it starts (" + std::string(startTok) +
                       "); correct the end time; the cue is not shown");
      continue;
    }
    if (*end == *start) {
      report.warning(tl.number, columnOf(s, q),
                     "this cue ends when it starts (" + std::string(startTok) + "), so it is never shown; correct the end time");
      continue;
    }
    if (captions.cues.size() >= kMaxCaptionCues) {
      report.error(tl.number, 1,
                   "this captions file has more than " + std::to_string(kMaxCaptionCues) +
                       " cues; only the first " + std::to_string(kMaxCaptionCues) + " are shown; split the film or its captions");
      full = true;
      break;
    }
    std::string raw;
    for (size_t k = textFrom; k < textTo; ++k) {
      if (k > textFrom) raw += '\n';
      raw.append(lines[k].text);
      if (raw.size() > kMaxCueTextBytes * 8) break; // markup may be long; the text shown is cut below anyway
    }
    CaptionCue cue;
    cue.start = *start;
    cue.end = *end;
    cue.line = tl.number;
    cue.text = cueText(raw);
    if (cue.text.size() > kMaxCueTextBytes) {
      cutUtf8(cue.text, kMaxCueTextBytes);
      report.warning(textFrom < textTo ? lines[textFrom].number : tl.number, 1,
                     "this cue's text is longer than a caption can show (" + std::to_string(kMaxCueTextBytes) +
                         " bytes, about 330 Chinese or 1000 Latin characters), so it is cut; split it into shorter cues");
    }
    captions.cues.push_back(std::move(cue));
  }
  captions.index();
  return captions;
}

Captions readWebVttFile(const fs::path& file, const std::string& displayFile, std::vector<Diagnostic>& out) {
  auto fail = [&](std::string message) {
    Diagnostic d;
    d.file = displayFile;
    d.message = std::move(message);
    out.push_back(std::move(d));
    return Captions{};
  };
  // Opened without waiting (a pipe named .vtt would block forever) and checked to be a regular
  // file on the open descriptor itself, so nothing can be swapped in between.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return fail(err == ENOENT ? std::string("this captions file does not exist (or is a link that points nowhere); copy it in or "
                                            "remove what names it")
                              : "cannot open this captions file (" + std::string(std::strerror(err)) +
                                    "); give the kiosk's user permission to read it");
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    return fail(S_ISDIR(st.st_mode) ? "this is a folder, not a captions file; name the .vtt file inside it"
                                    : "this is not a regular file (a pipe, a device or a socket), so it is never read; "
                                      "replace it with a .vtt file");
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > kMaxCaptionFileBytes)
    return fail("this captions file is " + std::to_string(size / 1024) + " KiB, more than the " +
                std::to_string(kMaxCaptionFileBytes / 1024) + " KiB a captions file may have; is it really WebVTT captions?");
  std::string text(static_cast<size_t>(size), '\0');
  size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot read this captions file (" + std::string(std::strerror(errno)) + "); check the disk");
    if (n == 0) break; // cut short while being read: what was there is read
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  return parseWebVtt(text, displayFile, out);
}

std::map<std::string, Captions> loadFilmCaptions(const ImageRef& film, std::vector<Diagnostic>& out) {
  std::map<std::string, Captions> result;
  for (const auto& [language, cf] : film.captions) {
    Captions c = readWebVttFile(cf.file, cf.displayPath, out);
    if (!c.empty()) result.emplace(language, std::move(c));
  }
  return result;
}

} // namespace kiosk
