#pragma once
// The kiosk's own words (Home, Back, Touch to explore...) per language, from assets/ui-strings.toml.
#include "core/Clock.h"
#include "core/Diagnostic.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk {

class UiStrings {
public:
  // Reads the catalog; problems are appended to `diagnostics` and the rest still loads.
  static UiStrings load(const std::filesystem::path& file, std::vector<Diagnostic>& diagnostics);

  // The string `key` in `language`, else English, else the key itself (so nothing is ever blank).
  const std::string& get(const std::string& language, const std::string& key) const;
  bool has(const std::string& language, const std::string& key) const;
  // Named arguments of a message: numbers (plurals, digits) and dates, formatted in the
  // visitor's locale.
  struct Args {
    std::map<std::string, double> numbers;
    std::map<std::string, CivilDate> dates;
    std::map<std::string, int> times; // minutes after midnight: {open, time, short} -> "09:00" / "9:00 AM"
    std::map<std::string, std::string> texts; // inserted as they are: {title}, {language}
    // One number, the common case: Args::number("count", 3).
    static Args number(const std::string& name, double value) {
      Args a;
      a.numbers[name] = value;
      return a;
    }
  };
  // The string `key` in `language` as an ICU MessageFormat pattern with `args` filled in:
  // "{count, plural, one {# photo} other {# photos}}", "{from, date, medium}". A pattern ICU
  // cannot use is returned as written (never blank).
  std::string format(const std::string& language, const std::string& key, const Args& args) const;

  // Every string of one language, for glyph coverage.
  std::vector<std::string> all(const std::string& language) const;
  std::vector<std::string> languages() const;
  // The keys `language` has strings for (without English's), sorted.
  std::vector<std::string> keys(const std::string& language) const;

  void set(const std::string& language, const std::string& key, std::string value) {
    m_strings[language][key] = std::move(value);
  }

private:
  std::map<std::string, std::map<std::string, std::string>> m_strings;
  mutable std::map<std::string, std::string> m_keys; // storage for "the key itself"
};

} // namespace kiosk
