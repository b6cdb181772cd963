#pragma once
// The kiosk's own words (Home, Back, Touch to explore...) per language, from assets/ui-strings.toml.
#include "core/Clock.h"
#include "core/Diagnostic.h"
#include "core/LanguageTag.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk {

struct KioskSettings;

class UiStrings {
public:
  // The language whose strings stand in for a language the catalog lacks, string by string.
  static inline const std::string kFallbackLanguage{"en"};

  // Reads the catalog; problems are appended to `diagnostics` and the rest still loads.
  static UiStrings load(const std::filesystem::path& file, std::vector<Diagnostic>& diagnostics);

  // The string `key` for a visitor reading `language`: the language's own, else that of the tag
  // without its region ("ar" for "ar-EG", "zh-Hant" for "zh-Hant-TW"; a script is never
  // dropped), else English's, else the key itself (so nothing is ever blank).
  const std::string& get(const std::string& language, const std::string& key) const;
  // The catalog language whose string get() returns ("ar" for "ar-EG"; "en" when the string is
  // English's or the key itself): what the text is written in, to shape and to format it in.
  std::string languageOf(const std::string& language, const std::string& key) const;
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
  // The string `key` for `language` (as get() finds it) as an ICU MessageFormat pattern with
  // `args` filled in: "{count, plural, one {# photo} other {# photos}}", "{from, date, medium}".
  // Plurals, dates and digits follow the language the string is written in: the visitor's
  // locale ("ar-EG") when the string is the visitor's language, English's when English stands
  // in (no "1 photos", no "in ٩ seconds" inside English). Digits as setDigits() says; Thai dates
  // in the Buddhist Era (formattingLocale). A pattern ICU cannot use is returned as written
  // (never blank).
  std::string format(const std::string& language, const std::string& key, const Args& args) const;

  // The venue's choice of digits (kiosk.toml's `digits`) for every number, date and time format() writes.
  void setDigits(Digits digits) { m_digits = digits; }
  Digits digits() const { return m_digits; }

  // Every string a visitor reading `language` may see (its own, then English's), for glyph coverage.
  std::vector<std::string> all(const std::string& language) const;
  std::vector<std::string> languages() const;
  // The keys `language` has strings for (without English's), sorted.
  std::vector<std::string> keys(const std::string& language) const;

  // For each language kiosk.toml offers whose visitors would see some of the kiosk's own words
  // in English (the catalog has no strings for it, or lacks some of English's keys), one
  // warning at that language in kiosk.toml's `languages`, saying what to add to this catalog.
  std::vector<Diagnostic> checkOffered(const KioskSettings& settings) const;

  void set(const std::string& language, const std::string& key, std::string value) {
    m_strings[language][key] = std::move(value);
  }

private:
  // `language`, then the tag cut back a subtag at a time, down to the language and its script.
  static std::vector<std::string> candidates(const std::string& language);

  std::filesystem::path m_file; // the catalog read, for messages
  std::map<std::string, std::map<std::string, std::string>> m_strings;
  Digits m_digits = Digits::Locale;
  mutable std::map<std::string, std::string> m_keys; // storage for "the key itself"
};

} // namespace kiosk
