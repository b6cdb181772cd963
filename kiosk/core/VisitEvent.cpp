#include "core/VisitEvent.h"

#include "core/Json.h"
#include "core/Utf8.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <variant>

namespace kiosk {
namespace {

constexpr std::array<std::pair<VisitEventType, const char*>, 7> kNames{{
    {VisitEventType::SessionStart, "session_start"},
    {VisitEventType::Language, "language"},
    {VisitEventType::Section, "section"},
    {VisitEventType::Item, "item"},
    {VisitEventType::QrShown, "qr_shown"},
    {VisitEventType::IdleReset, "idle_reset"},
    {VisitEventType::SessionEnd, "session_end"},
}};

constexpr std::array<std::pair<SessionEnd, const char*>, 3> kEnds{{
    {SessionEnd::Idle, "idle"},
    {SessionEnd::Visitor, "visitor"},
    {SessionEnd::Stopped, "stopped"},
}};

void appendKey(std::string& out, const char* key) {
  out += ",\"";
  out += key;
  out += "\":";
}

// ---- A strict parser for the one flat object shape formatVisitLine writes. ----

using Value = std::variant<std::string, double, bool>;

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool at(char c) const { return i < s.size() && s[i] == c; }
  void skipSpace() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  bool eat(char c) {
    skipSpace();
    if (!at(c)) return false;
    ++i;
    return true;
  }
};

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parseHex4(Cursor& c, char32_t& out) {
  if (c.i + 4 > c.s.size()) return false;
  out = 0;
  for (int k = 0; k < 4; ++k) {
    const int d = hexDigit(c.s[c.i++]);
    if (d < 0) return false;
    out = out * 16 + static_cast<char32_t>(d);
  }
  return true;
}

bool parseString(Cursor& c, std::string& out) {
  if (!c.eat('"')) return false;
  while (c.i < c.s.size()) {
    const unsigned char ch = static_cast<unsigned char>(c.s[c.i]);
    if (ch == '"') {
      ++c.i;
      return utf8::isValid(out);
    }
    if (ch < 0x20) return false; // raw control characters are not JSON
    if (ch != '\\') {
      out += static_cast<char>(ch);
      ++c.i;
      continue;
    }
    if (++c.i >= c.s.size()) return false;
    switch (c.s[c.i++]) {
    case '"': out += '"'; break;
    case '\\': out += '\\'; break;
    case '/': out += '/'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'u': {
      char32_t cp = 0;
      if (!parseHex4(c, cp)) return false;
      if (cp >= 0xD800 && cp <= 0xDBFF) { // a surrogate pair for a character beyond the BMP
        char32_t low = 0;
        if (c.i + 2 > c.s.size() || c.s[c.i] != '\\' || c.s[c.i + 1] != 'u') return false;
        c.i += 2;
        if (!parseHex4(c, low) || low < 0xDC00 || low > 0xDFFF) return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return false;
      }
      utf8::append(out, cp);
      break;
    }
    default: return false;
    }
  }
  return false; // no closing quote: a torn line
}

// JSON's number grammar exactly (no leading '+', no "01", no "1.", no NaN).
bool parseNumber(Cursor& c, double& out) {
  c.skipSpace();
  const size_t start = c.i;
  auto digits = [&] {
    const size_t from = c.i;
    while (c.i < c.s.size() && c.s[c.i] >= '0' && c.s[c.i] <= '9') ++c.i;
    return c.i - from;
  };
  if (c.at('-')) ++c.i;
  if (c.at('0')) ++c.i;
  else if (digits() == 0) return false;
  if (c.at('.')) {
    ++c.i;
    if (digits() == 0) return false;
  }
  if (c.at('e') || c.at('E')) {
    ++c.i;
    if (c.at('+') || c.at('-')) ++c.i;
    if (digits() == 0) return false;
  }
  const auto r = std::from_chars(c.s.data() + start, c.s.data() + c.i, out);
  return r.ec == std::errc() && r.ptr == c.s.data() + c.i && std::isfinite(out);
}

bool parseValue(Cursor& c, Value& out) {
  c.skipSpace();
  if (c.at('"')) {
    std::string s;
    if (!parseString(c, s)) return false;
    out = std::move(s);
    return true;
  }
  for (const auto& [word, value] : {std::pair{std::string_view("true"), true}, std::pair{std::string_view("false"), false}})
    if (c.s.substr(c.i, word.size()) == word) {
      c.i += word.size();
      out = value;
      return true;
    }
  double d = 0;
  if (!parseNumber(c, d)) return false;
  out = d;
  return true;
}

std::optional<std::map<std::string, Value>> parseFlatObject(std::string_view line) {
  Cursor c{line};
  std::map<std::string, Value> fields;
  if (!c.eat('{')) return std::nullopt;
  if (!c.eat('}')) {
    do {
      std::string key;
      Value v;
      if (!parseString(c, key) || !c.eat(':') || !parseValue(c, v)) return std::nullopt;
      if (!fields.emplace(std::move(key), std::move(v)).second) return std::nullopt; // a key twice
    } while (c.eat(','));
    if (!c.eat('}')) return std::nullopt;
  }
  c.skipSpace();
  if (c.i != line.size()) return std::nullopt; // anything after the object: glued or garbage
  return fields;
}

bool parseDate(const std::string& s, CivilDate& out) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[k] < '0' || s[k] > '9') return false;
  std::from_chars(s.data(), s.data() + 4, y);
  std::from_chars(s.data() + 5, s.data() + 7, m);
  std::from_chars(s.data() + 8, s.data() + 10, d);
  out = {y, m, d};
  return out.valid();
}

bool parseTime(const std::string& s, int& minuteOfDay) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (size_t k : {0, 1, 3, 4})
    if (s[k] < '0' || s[k] > '9') return false;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return false;
  minuteOfDay = h * 60 + m;
  return true;
}

bool wholeNumber(double d, double min, double max) { return d == std::floor(d) && d >= min && d <= max; }

} // namespace

const char* visitEventName(VisitEventType type) {
  for (const auto& [t, name] : kNames)
    if (t == type) return name;
  return "?";
}

std::optional<VisitEventType> visitEventFromName(std::string_view name) {
  for (const auto& [t, n] : kNames)
    if (name == n) return t;
  return std::nullopt;
}

const char* sessionEndName(SessionEnd how) {
  for (const auto& [h, name] : kEnds)
    if (h == how) return name;
  return "?";
}

std::string formatVisitLine(const VisitEvent& e) {
  std::string out = "{\"v\":1,\"type\":\"";
  out += visitEventName(e.type);
  out += "\",\"date\":\"" + e.date.iso() + "\"";
  char buf[64];
  const int minute = std::clamp(e.minuteOfDay, 0, 1439);
  std::snprintf(buf, sizeof buf, ",\"time\":\"%02d:%02d\",\"session\":%d", minute / 60, minute % 60, std::max(e.session, 1));
  out += buf;
  appendKey(out, "lang");
  appendJsonString(out, e.language);
  const bool view = e.type == VisitEventType::Section || e.type == VisitEventType::Item;
  if (view || e.type == VisitEventType::QrShown) {
    appendKey(out, "section");
    appendJsonString(out, e.section);
  }
  if (e.type == VisitEventType::Item || e.type == VisitEventType::QrShown) {
    appendKey(out, "item");
    appendJsonString(out, e.item);
  }
  if (view || e.type == VisitEventType::SessionEnd) {
    // Hundredths of a second are plenty for dwell and keep lines short. At most 1e9 s (31
    // years): the reader takes any number, and a larger one printed whole would not fit `buf`,
    // leaving a cut-off number, or "123." that is not JSON (found by fuzz_visit_log).
    const double s = std::isfinite(e.seconds) && e.seconds > 0 ? std::min(e.seconds, 1e9) : 0;
    std::snprintf(buf, sizeof buf, ",\"seconds\":%.2f", s);
    out += buf;
  }
  if (view && e.cutAtLastTouch) out += ",\"cut\":true";
  if (e.type == VisitEventType::SessionEnd) {
    std::snprintf(buf, sizeof buf, ",\"items\":%d,\"ended\":\"%s\"", std::max(e.items, 0), sessionEndName(e.ended));
    out += buf;
  }
  out += "}\n";
  return out;
}

std::optional<VisitEvent> parseVisitLine(std::string_view line) {
  auto fields = parseFlatObject(line);
  if (!fields) return std::nullopt;
  size_t used = 0;
  auto str = [&](const char* key) -> const std::string* {
    auto it = fields->find(key);
    if (it == fields->end() || !std::holds_alternative<std::string>(it->second)) return nullptr;
    ++used;
    return &std::get<std::string>(it->second);
  };
  auto num = [&](const char* key) -> std::optional<double> {
    auto it = fields->find(key);
    if (it == fields->end() || !std::holds_alternative<double>(it->second)) return std::nullopt;
    ++used;
    return std::get<double>(it->second);
  };
  VisitEvent e;
  const auto version = num("v");
  const std::string* type = str("type");
  const std::string* date = str("date");
  const std::string* time = str("time");
  const auto session = num("session");
  const std::string* lang = str("lang");
  if (!version || *version != 1 || !type || !date || !time || !session || !lang) return std::nullopt;
  const auto t = visitEventFromName(*type);
  if (!t || !parseDate(*date, e.date) || !parseTime(*time, e.minuteOfDay) || !wholeNumber(*session, 1, 1e9)) return std::nullopt;
  e.type = *t;
  e.session = static_cast<int>(*session);
  e.language = *lang;
  const bool view = e.type == VisitEventType::Section || e.type == VisitEventType::Item;
  if (view || e.type == VisitEventType::QrShown) {
    const std::string* section = str("section");
    if (!section) return std::nullopt;
    e.section = *section;
  }
  if (e.type == VisitEventType::Item || e.type == VisitEventType::QrShown) {
    const std::string* item = str("item");
    if (!item) return std::nullopt;
    e.item = *item;
  }
  if (view || e.type == VisitEventType::SessionEnd) {
    const auto seconds = num("seconds");
    if (!seconds || *seconds < 0) return std::nullopt;
    e.seconds = *seconds;
  }
  if (view) {
    if (auto it = fields->find("cut"); it != fields->end()) {
      if (!std::holds_alternative<bool>(it->second)) return std::nullopt;
      e.cutAtLastTouch = std::get<bool>(it->second);
      ++used;
    }
  }
  if (e.type == VisitEventType::SessionEnd) {
    const auto items = num("items");
    const std::string* ended = str("ended");
    if (!items || !wholeNumber(*items, 0, 1e9) || !ended) return std::nullopt;
    e.items = static_cast<int>(*items);
    bool known = false;
    for (const auto& [how, name] : kEnds)
      if (*ended == name) {
        e.ended = how;
        known = true;
      }
    if (!known) return std::nullopt;
  }
  // A key this type does not have means the line is not ours (or not this version's).
  if (used != fields->size()) return std::nullopt;
  return e;
}

} // namespace kiosk
