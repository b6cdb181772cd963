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
    for (const auto& place : content.texts()) count(*place.text, place.file + ": " + place.what);
    for (const auto& picture : content.describablePictures()) {
      ++c.pictures;
      if (picture.image->alt.has(lang))
        ++c.described;
      else
        c.undescribed.push_back(picture.file + ": " + picture.what);
    }
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace kiosk
