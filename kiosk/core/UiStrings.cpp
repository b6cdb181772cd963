#include "core/UiStrings.h"

#include "core/Content.h"
#include "core/TomlGuard.h"

#include <toml++/toml.h>
#include <unicode/locid.h>
#include <unicode/datefmt.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <vector>

namespace kiosk {

UiStrings UiStrings::load(const std::filesystem::path& file, std::vector<Diagnostic>& diagnostics) {
  UiStrings out;
  out.m_file = file;
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

std::vector<std::string> UiStrings::candidates(const std::string& language) {
  std::vector<std::string> out;
  if (language.empty()) return out;
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t end = language.find('-', start);
    parts.push_back(language.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  // "sr-Latn" is not "sr" (Cyrillic), nor "zh-Hant" "zh": the script stays.
  const bool script = parts.size() > 1 && parts[1].size() == 4 &&
                      std::all_of(parts[1].begin(), parts[1].end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  for (size_t n = parts.size(); n >= (script ? 2u : 1u); --n) {
    std::string tag = parts[0];
    for (size_t i = 1; i < n; ++i) tag += "-" + parts[i];
    out.push_back(std::move(tag));
  }
  return out;
}

std::string UiStrings::languageOf(const std::string& language, const std::string& key) const {
  for (const std::string& tag : candidates(language))
    if (auto l = m_strings.find(tag); l != m_strings.end() && l->second.count(key)) return tag;
  return kFallbackLanguage; // English's string, or the key itself: either way English
}

const std::string& UiStrings::get(const std::string& language, const std::string& key) const {
  if (auto l = m_strings.find(languageOf(language, key)); l != m_strings.end())
    if (auto k = l->second.find(key); k != l->second.end()) return k->second;
  return m_keys.try_emplace(key, key).first->second;
}

std::string UiStrings::format(const std::string& language, const std::string& key, const Args& args) const {
  const std::string& pattern = get(language, key);
  // The visitor's own tag when the string is in the visitor's language (its region's dates and
  // digits: "ar-EG"), else the language that stands in: English words with English plurals.
  const std::string written = languageOf(language, key);
  const auto own = candidates(language);
  const std::string& localeOf = std::find(own.begin(), own.end(), written) != own.end() ? language : written;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(formattingLocale(localeOf, m_digits), status);
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
  auto tags = candidates(language);
  if (std::find(tags.begin(), tags.end(), kFallbackLanguage) == tags.end()) tags.push_back(kFallbackLanguage);
  for (const std::string& lang : tags)
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

namespace {

// "Thai", "Arabic (Egypt)": a tag named in English for staff; "" when ICU knows no name for it.
std::string englishName(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) return {};
  icu::UnicodeString language, name;
  locale.getDisplayLanguage(icu::Locale::getEnglish(), language);
  if (language == icu::UnicodeString(locale.getLanguage(), -1, US_INV)) return {};
  locale.getDisplayName(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out;
}

} // namespace

std::vector<Diagnostic> UiStrings::checkOffered(const KioskSettings& settings) const {
  std::vector<Diagnostic> out;
  const std::vector<std::string> english = keys(kFallbackLanguage);
  for (const std::string& lang : settings.languages) {
    const auto own = candidates(lang);
    if (std::find(own.begin(), own.end(), kFallbackLanguage) != own.end()) continue; // English ("en-GB" too)
    std::vector<std::string> missing;
    for (const std::string& key : english)
      if (languageOf(lang, key) == kFallbackLanguage) missing.push_back(key);
    if (missing.empty()) continue;
    // Where the strings belong: the nearest section the catalog has ("ar" for "ar-EG"), else one
    // named as kiosk.toml offers the language.
    std::string section = lang;
    for (const std::string& tag : own)
      if (m_strings.count(tag)) {
        section = tag;
        break;
      }
    const std::string name = englishName(lang);
    const std::string visitors = "visitors who choose '" + lang + "'" + (name.empty() ? std::string() : " (" + name + ")");
    const std::string catalog = m_file.empty() ? std::string("assets/ui-strings.toml") : m_file.string();
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.file = settings.file.empty() ? std::string("kiosk.toml") : settings.file;
    if (auto at = settings.languagePlaces.find(lang); at != settings.languagePlaces.end()) {
      d.line = at->second.line;
      d.column = at->second.column;
    }
    if (missing.size() == english.size()) {
      d.message = visitors + " will see the kiosk's own words (Home, Back, \"Are you still there?\" and the rest) in English, "
                  "the fallback language, with English dates and numbers, because " + catalog + " has no strings for '" + lang +
                  "'; add a [" + section + "] section there with every key of its [en] section, translated";
    } else {
      std::string list;
      constexpr size_t kNamed = 5;
      for (size_t i = 0; i < missing.size() && i < kNamed; ++i) list += (i ? ", " : "") + missing[i];
      if (missing.size() > kNamed) list += " and " + std::to_string(missing.size() - kNamed) + " more";
      d.message = visitors + " will see " + std::to_string(missing.size()) + " of the kiosk's own words in English, the fallback language, because " +
                  catalog + " lacks " + list + " in its [" + section + "] section; add " +
                  (missing.size() == 1 ? "it" : "them") + " there, translated from [en]";
    }
    out.push_back(std::move(d));
  }
  return out;
}

} // namespace kiosk
