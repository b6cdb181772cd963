#pragma once
// The words the kiosk says to staff (validate, report, publish, the PIN pad, the admin panel, the
// editor) in the staff's language, from two ICU MessageFormat catalogues in the assets folder:
//   staff-strings.toml      the tools' own words, by key ("validate_summary", "editor_save"...)
//   staff-diagnostics.toml  content problems, by Diagnostic::code ("toml_unclosed_quote"...)
// Both are written as assets/ui-strings.toml is: one [language] table of key = "pattern".
// A string the chosen language lacks is English's, string by string (then the key itself).
//
// API (small on purpose):
//   StaffStrings::load(assets, language, problems)   read both catalogues for one language
//   get(key, args)          a tools' string with its arguments filled in
//   message(diagnostic)     a diagnostic in the staff's language: its code's pattern with its
//                           args, or its English `message` when the code has no pattern
//   format(diagnostic)      "file:line:col: error: message" like Diagnostic::format(), in the
//                           staff's language ("错误"/"警告" for error/warning)
//   language()              the language chosen ("en" when the catalogue has none of it)
// Arguments are name -> text; a `count` (or a name ending in `_count`) is a number, so
// {count, plural, one {# text} other {# texts}} picks the right form (no "1 errors").
#include "core/Diagnostic.h"
#include "core/UiStrings.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

using StaffArgs = std::vector<std::pair<std::string, std::string>>;

class StaffStrings {
public:
  StaffStrings() = default;
  // `language`: a BCP 47 tag ("zh-Hans", "zh-CN" and "zh" are taken as zh-Hans); problems reading
  // the catalogues are appended to `problems` and the rest still loads.
  static StaffStrings load(const std::filesystem::path& assetsDir, const std::string& language,
                           std::vector<Diagnostic>& problems);

  std::string get(const std::string& key, const StaffArgs& args = {}) const;
  std::string message(const Diagnostic& d) const;
  std::string format(const Diagnostic& d) const;
  const std::string& language() const { return m_language; }

  // The pattern `key` in `language` exactly as the catalogue has it ("" when it has none), and
  // the keys `language` has, sorted: for tests and the catalogue's own checks.
  std::string pattern(const std::string& language, const std::string& key) const;
  std::vector<std::string> keys(const std::string& language) const { return m_strings.keys(language); }
  // `key`'s pattern in `language` formatted with `args` (English's pattern when it lacks one).
  std::string formatIn(const std::string& language, const std::string& key, const StaffArgs& args) const;

  // The catalogue language for a staff language: "zh-Hans" for zh, zh-CN, zh-SG, zh-Hans-*;
  // "zh-Hant" for zh-TW, zh-HK, zh-Hant-*; otherwise the tag as given ("en" when empty).
  static std::string catalogueLanguage(const std::string& tag);

private:
  UiStrings m_strings;
  std::string m_language = "en";
};

} // namespace kiosk
