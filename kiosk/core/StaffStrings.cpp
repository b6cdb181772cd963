#include "core/StaffStrings.h"

#include <algorithm>
#include <cctype>

namespace kiosk {
namespace {

bool isNumberArg(const std::string& name) {
  return name == "count" || (name.size() > 6 && name.compare(name.size() - 6, 6, "_count") == 0);
}

UiStrings::Args toArgs(const StaffArgs& args) {
  UiStrings::Args out;
  for (const auto& [name, value] : args) {
    if (isNumberArg(name) && !value.empty() &&
        std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      out.numbers[name] = std::stod(value);
    else
      out.texts[name] = value;
  }
  return out;
}

} // namespace

std::string StaffStrings::catalogueLanguage(const std::string& tag) {
  if (tag.empty()) return "en";
  std::string t = tag;
  std::replace(t.begin(), t.end(), '_', '-');
  std::string lower = t;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "zh" || lower.rfind("zh-", 0) == 0) {
    if (lower.find("hant") != std::string::npos || lower == "zh-tw" || lower == "zh-hk" || lower == "zh-mo") return "zh-Hant";
    return "zh-Hans";
  }
  return canonicalLanguageTag(t);
}

StaffStrings StaffStrings::load(const std::filesystem::path& assetsDir, const std::string& language,
                                std::vector<Diagnostic>& problems) {
  StaffStrings out;
  out.m_language = catalogueLanguage(language);
  out.m_strings = UiStrings::load(assetsDir / "staff-strings.toml", problems);
  const UiStrings diagnostics = UiStrings::load(assetsDir / "staff-diagnostics.toml", problems);
  for (const std::string& lang : diagnostics.languages())
    for (const std::string& key : diagnostics.keys(lang)) out.m_strings.set(lang, key, diagnostics.get(lang, key));
  return out;
}

std::string StaffStrings::formatIn(const std::string& language, const std::string& key, const StaffArgs& args) const {
  return m_strings.format(language, key, toArgs(args));
}

std::string StaffStrings::get(const std::string& key, const StaffArgs& args) const { return formatIn(m_language, key, args); }

std::string StaffStrings::pattern(const std::string& language, const std::string& key) const {
  return m_strings.has(language, key) ? m_strings.get(language, key) : std::string();
}

std::string StaffStrings::message(const Diagnostic& d) const {
  if (d.code.empty() || !m_strings.has(UiStrings::kFallbackLanguage, d.code)) return d.message;
  return printable(formatIn(m_language, d.code, d.args));
}

std::string StaffStrings::format(const Diagnostic& d) const {
  std::string out = d.file.empty() ? std::string("kiosk") : printable(d.file);
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  const bool error = d.severity == Diagnostic::Severity::Error;
  // "error"/"warning" stay the words tools and editors look for in English.
  out += ": " + (m_language == "en" ? std::string(error ? "error" : "warning") : get(error ? "severity_error" : "severity_warning")) + ": ";
  out += printable(message(d));
  return out;
}

} // namespace kiosk
