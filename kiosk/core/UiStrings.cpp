#include "core/UiStrings.h"

#include "core/TomlGuard.h"

#include <toml++/toml.h>
#include <unicode/locid.h>
#include <unicode/datefmt.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <vector>

namespace kiosk {

UiStrings UiStrings::load(const std::filesystem::path& file, std::vector<Diagnostic>& diagnostics) {
  UiStrings out;
  auto fail = [&](int line, int column, std::string message) {
    Diagnostic d;
    d.file = file.string();
    d.line = line;
    d.column = column;
    d.message = "UI strings could not be read: " + std::move(message);
    diagnostics.push_back(std::move(d));
  };
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    fail(0, 0, "cannot open the file; reinstall the kiosk's assets");
    return out;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (auto problem = guardTomlText(text)) {
    fail(problem->line, problem->column, problem->message);
    return out;
  }
  try {
    const toml::table doc = toml::parse(text, file.string());
    for (const auto& [lang, node] : doc) {
      const auto* t = node.as_table();
      if (!t) continue;
      for (const auto& [key, value] : *t)
        if (const auto* s = value.as_string()) out.m_strings[std::string(lang.str())][std::string(key.str())] = s->get();
    }
  } catch (const toml::parse_error& e) {
    fail(static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), std::string(e.description()));
  }
  return out;
}

const std::string& UiStrings::get(const std::string& language, const std::string& key) const {
  for (const std::string* lang : {&language, static_cast<const std::string*>(nullptr)}) {
    auto l = m_strings.find(lang ? *lang : std::string("en"));
    if (l == m_strings.end()) continue;
    if (auto k = l->second.find(key); k != l->second.end()) return k->second;
  }
  return m_keys.try_emplace(key, key).first->second;
}

std::string UiStrings::format(const std::string& language, const std::string& key, const Args& args) const {
  const std::string& pattern = get(language, key);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  status = U_ZERO_ERROR;
  icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), locale, status);
  if (U_FAILURE(status)) return pattern;
  // Dates and times are given as instants in UTC: format them in UTC, so a day stays that day
  // and 09:00 stays 09:00 wherever the kiosk's clock is set.
  int32_t formatCount = 0;
  if (const icu::Format** formats = format.getFormats(formatCount))
    for (int32_t i = 0; i < formatCount; ++i)
      if (auto* df = dynamic_cast<const icu::DateFormat*>(formats[i]))
        const_cast<icu::DateFormat*>(df)->setTimeZone(*icu::TimeZone::getGMT());
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args.numbers) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.emplace_back(value);
  }
  for (const auto& [name, date] : args.dates) {
    using namespace std::chrono;
    const sys_days day{year_month_day{year{date.year}, month{static_cast<unsigned>(date.month)}, std::chrono::day{static_cast<unsigned>(date.day)}}};
    const double ms = static_cast<double>(duration_cast<milliseconds>(day.time_since_epoch()).count());
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.emplace_back(ms, icu::Formattable::kIsDate);
  }
  for (const auto& [name, minutes] : args.times) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.emplace_back(static_cast<double>(minutes) * 60000.0, icu::Formattable::kIsDate);
  }
  for (const auto& [name, text] : args.texts) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.emplace_back(icu::UnicodeString::fromUTF8(text));
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return pattern;
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

bool UiStrings::has(const std::string& language, const std::string& key) const {
  auto l = m_strings.find(language);
  return l != m_strings.end() && l->second.count(key);
}

std::vector<std::string> UiStrings::all(const std::string& language) const {
  std::vector<std::string> out;
  for (const std::string& lang : {language, std::string("en")})
    if (auto l = m_strings.find(lang); l != m_strings.end())
      for (const auto& [k, v] : l->second) out.push_back(v);
  return out;
}

std::vector<std::string> UiStrings::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, strings] : m_strings) out.push_back(lang);
  return out;
}

std::vector<std::string> UiStrings::keys(const std::string& language) const {
  std::vector<std::string> out;
  if (auto l = m_strings.find(language); l != m_strings.end())
    for (const auto& [k, v] : l->second) out.push_back(k);
  return out;
}

} // namespace kiosk
