#include "ops/VisitEvent.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

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
  // ordered_json keeps the keys in the order written, so lines read the same as ever.
  nlohmann::ordered_json j;
  j["v"] = 1;
  j["type"] = visitEventName(e.type);
  j["date"] = e.date.iso();
  const int minute = std::clamp(e.minuteOfDay, 0, 1439);
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", minute / 60, minute % 60);
  j["time"] = time;
  j["session"] = std::max(e.session, 1);
  j["lang"] = e.language;
  const bool view = e.type == VisitEventType::Section || e.type == VisitEventType::Item;
  if (view || e.type == VisitEventType::QrShown) j["section"] = e.section;
  if (e.type == VisitEventType::Item || e.type == VisitEventType::QrShown) j["item"] = e.item;
  if (view || e.type == VisitEventType::SessionEnd) {
    // Hundredths of a second are plenty for dwell and keep lines short: 12.4, 75.25, 0.0. A
    // number never becomes inf (which JSON writes as null): a view is not 30 years long.
    const double s = std::isfinite(e.seconds) && e.seconds > 0 ? std::min(e.seconds, 1e9) : 0;
    j["seconds"] = std::round(s * 100) / 100;
  }
  if (view && e.cutAtLastTouch) j["cut"] = true;
  if (e.type == VisitEventType::SessionEnd) {
    j["items"] = std::max(e.items, 0);
    j["ended"] = sessionEndName(e.ended);
  }
  // Bytes that are not UTF-8 (nothing the kiosk's own ids should have) become U+FFFD rather
  // than invalid JSON or an exception.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<VisitEvent> parseVisitLine(std::string_view line) {
  // JSON whitespace the writer never puts there: a CR (a file saved on Windows) or a byte-order
  // mark (which nlohmann would skip) means the line is not as written.
  if (line.find_first_of("\r\n") != std::string_view::npos || line.starts_with("\xEF\xBB\xBF")) return std::nullopt;
  using Json = nlohmann::json;
  std::set<std::string> keys;
  bool keyTwice = false;
  // nlohmann keeps the last of a key written twice; the callback sees each key of the object.
  const auto onEvent = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::key && depth == 1 && parsed.is_string() &&
        !keys.insert(parsed.get_ref<const std::string&>()).second)
      keyTwice = true;
    return true;
  };
  Json fields;
  try {
    // The non-throwing parse: a torn line, two glued together, garbage or text that is not UTF-8
    // give a discarded value. The whole line must be the one object.
    fields = Json::parse(line.begin(), line.end(), onEvent, false);
  } catch (const Json::exception&) {
    return std::nullopt;
  }
  if (fields.is_discarded() || !fields.is_object() || keyTwice) return std::nullopt;
  size_t used = 0;
  auto str = [&](const char* key) -> const std::string* {
    auto it = fields.find(key);
    if (it == fields.end() || !it->is_string()) return nullptr;
    ++used;
    return &it->get_ref<const std::string&>();
  };
  auto num = [&](const char* key) -> std::optional<double> {
    auto it = fields.find(key);
    if (it == fields.end() || !it->is_number()) return std::nullopt;
    ++used;
    const double d = it->get<double>();
    return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
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
    if (auto it = fields.find("cut"); it != fields.end()) {
      if (!it->is_boolean()) return std::nullopt;
      e.cutAtLastTouch = it->get<bool>();
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
  if (used != fields.size()) return std::nullopt;
  return e;
}

} // namespace kiosk
