#include "core/TranslationReport.h"

namespace kiosk {

std::vector<TranslationCoverage> translationCoverage(const Content& content) {
  std::vector<TranslationCoverage> out;
  for (const auto& lang : content.settings.languages) {
    TranslationCoverage c;
    c.language = lang;
    // A text counts when it exists in some language: an absent summary is not a missing translation.
    auto count = [&](const LocalizedText& t, const std::string& where) {
      if (t.empty()) return;
      ++c.total;
      if (t.machineConverted.count(lang))
        c.converted.push_back(where);
      else if (t.has(lang))
        ++c.present;
      else
        c.missing.push_back(where);
    };
    count(content.settings.name, "kiosk.toml: name");
    count(content.settings.tagline, "kiosk.toml: tagline");
    for (const auto& s : content.sections) {
      count(s.title, s.sourceFile + ": title");
      count(s.subtitle, s.sourceFile + ": subtitle");
      for (const auto& i : s.items) {
        count(i.title, i.sourceFile + ": title");
        count(i.summary, i.sourceFile + ": summary");
        count(i.body, i.sourceFile + ": body");
        for (size_t n = 0; n < i.images.size(); ++n)
          count(i.images[n].caption, i.sourceFile + ": caption of image " + std::to_string(n + 1));
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace kiosk
