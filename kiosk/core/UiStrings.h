#pragma once
// The kiosk's own words (Home, Back, Touch to explore...) per language, from assets/ui-strings.toml.
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
  // Every string of one language, for glyph coverage.
  std::vector<std::string> all(const std::string& language) const;
  std::vector<std::string> languages() const;

  void set(const std::string& language, const std::string& key, std::string value) {
    m_strings[language][key] = std::move(value);
  }

private:
  std::map<std::string, std::map<std::string, std::string>> m_strings;
  mutable std::map<std::string, std::string> m_keys; // storage for "the key itself"
};

} // namespace kiosk
