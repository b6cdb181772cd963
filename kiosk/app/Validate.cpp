#include "app/Validate.h"

#include "app/CommandLine.h"
#include "app/Translations.h"
#include "core/ContentLoader.h"
#include "core/StaffStrings.h"
#include "core/TranslationReport.h"
#include "core/UiStrings.h"
#include "core/Utf8.h"
#include "speech/EspeakEngine.h"
#include "speech/VoiceMap.h"
#include "text/FontLibrary.h"
#include "text/LanguageNames.h"
#include "text/TextLayout.h"
#include "media/ImageCheck.h"
#include "media/VideoProbe.h"

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include <cstdio>
#include <set>
#include <iomanip>

namespace kiosk::app {
namespace {

// Every character of every text must be drawable in its language with the fonts installed
// here: a character no font has would be left out on screen. The faces are chosen as the screen
// chooses them (text::undrawable: emoji from a colour font, joiners and selectors with their
// neighbours), so what is named here is exactly what a visitor would miss. Reported once per
// file and character.
void checkDrawable(const Content& content, std::vector<Diagnostic>& out) {
  text::FontLibrary fonts;
  std::set<std::pair<std::string, char32_t>> said;
  auto check = [&](const LocalizedText& t, const std::string& what, const std::string& file) {
    for (const auto& [lang, value] : t.byLanguage) {
      for (char32_t c : text::undrawable(value, lang, fonts)) {
        if (c == 0xFFFD || !said.insert({file, c}).second) continue;
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
        std::string ch;
        utf8::append(ch, c);
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.file = file;
        d.message = "the " + lang + " " + what + " uses " + ch + " (" + hex +
                    "), which no installed font can draw, so it would be left out; install a font for it or change the text";
        out.push_back(std::move(d));
      }
    }
  };
  for (const auto& place : content.texts()) check(*place.text, place.what, place.file);
}

// The kiosk's own words (Home, Back...) in every offered language, as the kiosk itself says at
// start. A catalog that cannot be read is the installation's problem, not the folder's: told,
// as a warning, and publishing goes on.
void checkUiStrings(const Content& content, const std::filesystem::path& assets, std::vector<Diagnostic>& out) {
  std::vector<Diagnostic> problems;
  const UiStrings strings = UiStrings::load(assets / "ui-strings.toml", problems);
  if (!problems.empty()) {
    for (auto& d : problems) {
      d.severity = Diagnostic::Severity::Warning;
      out.push_back(std::move(d));
    }
    return;
  }
  for (auto& d : strings.checkOffered(content.settings)) out.push_back(std::move(d));
}


using Json = nlohmann::ordered_json; // keys in the order written

// One value as JSON text. Bytes that are not UTF-8 (a file name from a zip made with GBK names)
// become U+FFFD: the output stays valid JSON, and nothing throws.
std::string jsonText(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// An object on one line, `{"key": value, ...}`: validate --json prints each diagnostic so, and
// the top level a key to a line, which keeps it readable in a CI log and easy to grep.
std::string oneLine(const Json& object) {
  std::string out = "{";
  for (const auto& [key, value] : object.items()) {
    if (out.size() > 1) out += ", ";
    out += jsonText(key) + ": " + jsonText(value);
  }
  return out + "}";
}

} // namespace

int validateContent(const std::string& dir, std::ostream& out, bool json, const std::filesystem::path& assets,
                    const std::string& language) {
  LoadResult r = loadContent(dir);
  if (r.content) {
    for (auto& d : media::checkContentImages(*r.content, media::ImageCheckDepth::Decode)) r.diagnostics.push_back(std::move(d));
    for (auto& d : media::checkContentVideos(*r.content)) r.diagnostics.push_back(std::move(d));
    checkDrawable(*r.content, r.diagnostics);
    checkUiStrings(*r.content, assets.empty() ? findAssets(Options{}, nullptr) : assets, r.diagnostics);
    // Dates are checked against today here (the loader knows no clock): an event that is over
    // is easy to forget in the folder.
    const CivilDate today = SteadyClock().today();
    for (const auto& s : r.content->sections)
      for (const auto& i : s.items)
        if (i.showUntil && *i.showUntil < today) {
          Diagnostic d;
          d.severity = Diagnostic::Severity::Warning;
          d.file = i.sourceFile;
          d.line = i.showUntilLine;
          d.column = i.showUntilColumn;
          d.message = "this event ended on " + i.showUntil->iso() + ", so the item is no longer shown; remove it or change show_until";
          r.diagnostics.push_back(std::move(d));
        }
  }
  size_t errors = 0, warnings = 0, items = 0;
  for (const auto& d : r.diagnostics) (d.severity == Diagnostic::Severity::Error ? errors : warnings)++;
  if (r.content)
    for (const auto& s : r.content->sections) items += s.items.size();
  const int status = !r.content ? 2 : errors ? 1 : 0;
  if (json) {
    Json summary;
    summary["folder"] = dir;
    summary["readable"] = r.content != nullptr;
    summary["sections"] = r.content ? r.content->sections.size() : 0;
    summary["items"] = items;
    summary["admin_view_enabled"] = r.content && r.content->settings.adminPin;
    summary["errors"] = errors;
    summary["warnings"] = warnings;
    out << "{\n";
    for (const auto& [key, value] : summary.items()) out << "  " << jsonText(key) << ": " << jsonText(value) << ",\n";
    out << "  \"diagnostics\": [";
    for (size_t i = 0; i < r.diagnostics.size(); ++i) {
      const auto& d = r.diagnostics[i];
      Json entry;
      entry["file"] = d.file;
      entry["line"] = d.line;
      entry["column"] = d.column;
      entry["severity"] = d.severity == Diagnostic::Severity::Error ? "error" : "warning";
      entry["message"] = d.message;
      out << (i ? ",\n" : "\n") << "    " << oneLine(entry);
    }
    out << (r.diagnostics.empty() ? "]\n}\n" : "\n  ]\n}\n");
    return status;
  }
  std::vector<Diagnostic> catalogueProblems;
  const StaffStrings staff =
      StaffStrings::load(assets.empty() ? findAssets(Options{}, nullptr) : assets, language, catalogueProblems);
  const bool english = staff.language() == "en";
  for (const auto& d : r.diagnostics) out << (english ? d.format() : staff.format(d)) << "\n";
  if (!r.content) {
    out << "cannot read the content folder '" << dir << "'\n";
    return status;
  }
  // Not a warning: a kiosk without an admin view is a choice (and the sample's checks stay clean).
  if (!r.content->settings.adminPin)
    out << "note: the staff admin view is disabled until kiosk.toml has a valid admin_pin under [kiosk]; "
           "make one with: kiosk hash-pin\n";
  // Not a warning either: no content can give espeak-ng a voice (Mongolian has none in 1.51).
  // Visitors who use speech hear such a language read by a stand-in voice, and are told.
  const auto& voices = speech::EspeakEngine::instance();
  for (const auto& tag : r.content->settings.languages)
    if (voices.usable() && speech::voiceFor(tag, voices.languages()).empty())
      out << staff.get("validate_no_voice", {{"language", text::languageNameIn(tag, staff.language())},
                                             {"tag", tag},
                                             {"stand_in", text::languageNameIn(speech::standInVoiceFor(tag, voices.languages()), staff.language())}})
          << "\n";
  // Counted in words with their plural ("1 error", "2 errors"), as in staff-strings.toml's validate_summary.
  auto count = [](size_t n, const char* one, const char* other) { return std::to_string(n) + " " + (n == 1 ? one : other); };
  if (english)
    out << dir << ": " << count(r.content->sections.size(), "section", "sections") << ", " << count(items, "item", "items") << ", "
        << count(errors, "error", "errors") << ", " << count(warnings, "warning", "warnings") << "\n";
  else
    out << staff.get("validate_summary", {{"folder", dir},
                                          {"section_count", std::to_string(r.content->sections.size())},
                                          {"item_count", std::to_string(items)},
                                          {"error_count", std::to_string(errors)},
                                          {"warning_count", std::to_string(warnings)}})
        << "\n";
  return status;
}

int terminalWidth(const std::string& utf8) {
  int width = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      ++width;
      continue;
    }
    const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    const auto cat = u_charType(c);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || c == 0x200B || c == 0x200D) continue;
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

namespace {
std::string padTo(const std::string& s, int width, bool right) {
  const std::string fill(static_cast<size_t>(std::max(0, width - terminalWidth(s))), ' ');
  return right ? fill + s : s + fill;
}
} // namespace

int reportTranslations(const std::string& dir, std::ostream& out, const std::string& language, const std::filesystem::path& assets) {
  const LoadResult r = loadContent(dir);
  std::vector<Diagnostic> catalogueProblems;
  const StaffStrings staff =
      StaffStrings::load(assets.empty() ? findAssets(Options{}, nullptr) : assets, language, catalogueProblems);
  if (!r.content) {
    for (const auto& d : r.diagnostics) out << (staff.language() == "en" ? d.format() : staff.format(d)) << "\n";
    return 2;
  }
  const auto coverage = translationCoverage(*r.content);
  // Columns by display width: a Chinese heading is twice as wide as its characters are many.
  const std::string heads[6] = {staff.get("report_language"), staff.get("report_texts"),   staff.get("report_coverage"),
                                staff.get("report_converted"), staff.get("report_missing"), staff.get("report_described")};
  const int widths[6] = {12, 10, 10, 11, 10, 11};
  // "12/14": of the pictures and films, how many have a description (alt) read aloud in the language.
  auto described = [](const TranslationCoverage& c) { return std::to_string(c.described) + "/" + std::to_string(c.pictures); };
  for (int i = 0; i < 6; ++i) out << padTo(heads[i], i == 0 ? widths[i] : widths[i], i != 0);
  out << "\n";
  const bool english = staff.language() == "en";
  if (!english) {
    for (const auto& c : coverage) {
      const double pct = c.total ? 100.0 * static_cast<double>(c.present) / static_cast<double>(c.total) : 100.0;
      char cov[16];
      std::snprintf(cov, sizeof cov, "%.0f%%", pct);
      out << padTo(c.language, widths[0], false) << padTo(std::to_string(c.present) + "/" + std::to_string(c.total), widths[1], true)
          << padTo(cov, widths[2], true) << padTo(std::to_string(c.converted.size()), widths[3], true)
          << padTo(std::to_string(c.missing.size()), widths[4], true) << padTo(described(c), widths[5], true) << "\n";
    }
    for (const auto& c : coverage) {
      if (c.converted.empty()) continue;
      out << "\n" << staff.get("report_converted_in", {{"language", c.language}, {"from", c.language == "zh-Hans" ? "zh-Hant" : "zh-Hans"}}) << "\n";
      for (const auto& m : c.converted) out << "  " << m << "\n";
    }
    for (const auto& c : coverage) {
      if (c.missing.empty()) continue;
      out << "\n" << staff.get("report_missing_in", {{"language", c.language}}) << "\n";
      for (const auto& m : c.missing) out << "  " << m << "\n";
    }
    for (const auto& c : coverage) {
      if (c.undescribed.empty()) continue;
      out << "\n" << staff.get("report_undescribed_in", {{"language", c.language}}) << "\n";
      for (const auto& m : c.undescribed) out << "  " << m << "\n";
    }
    return 0;
  }
  for (const auto& c : coverage) {
    const double pct = c.total ? 100.0 * static_cast<double>(c.present) / static_cast<double>(c.total) : 100.0;
    char cov[16];
    std::snprintf(cov, sizeof cov, "%.0f%%", pct);
    out << std::left << std::setw(12) << c.language << std::right << std::setw(10)
        << (std::to_string(c.present) + "/" + std::to_string(c.total)) << std::setw(10) << cov << std::setw(11)
        << c.converted.size() << std::setw(10) << c.missing.size() << std::setw(11) << described(c) << "\n";
  }
  for (const auto& c : coverage) {
    if (c.converted.empty()) continue;
    out << "\nmachine-converted in " << c.language << " (from " << (c.language == "zh-Hans" ? "zh-Hant" : "zh-Hans")
        << "; please have them checked):\n";
    for (const auto& m : c.converted) out << "  " << m << "\n";
  }
  for (const auto& c : coverage) {
    if (c.missing.empty()) continue;
    out << "\nmissing in " << c.language << ":\n";
    for (const auto& m : c.missing) out << "  " << m << "\n";
  }
  for (const auto& c : coverage) {
    if (c.undescribed.empty()) continue;
    out << "\nno description in " << c.language << " (read aloud to visitors who cannot see the picture):\n";
    for (const auto& m : c.undescribed) out << "  " << m << "\n";
  }
  reportStaleTranslations(dir, out); // by translations.lock.toml: translated from a source text that changed since
  return 0;
}

} // namespace kiosk::app
