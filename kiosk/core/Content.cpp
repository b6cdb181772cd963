#include "core/Content.h"

#include <algorithm>

namespace kiosk {

std::vector<std::string> languageFallbacks(const std::string& language, const std::string& defaultLanguage) {
  std::vector<std::string> out{language};
  auto add = [&](const std::string& l) {
    if (!l.empty() && std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
  };
  if (language == "zh-Hant") add("zh-Hans");
  if (language == "zh-Hans") add("zh-Hant");
  add("en");
  add(defaultLanguage);
  return out;
}

const std::string& LocalizedText::get(const std::string& language, const std::string& defaultLanguage) const {
  static const std::string none;
  if (auto it = byLanguage.find(language); it != byLanguage.end()) return it->second; // the common case
  for (const auto& l : languageFallbacks(language, defaultLanguage))
    if (auto it = byLanguage.find(l); it != byLanguage.end()) return it->second;
  if (!byLanguage.empty()) return byLanguage.begin()->second;
  return none;
}

const Section* Content::findSection(const std::string& id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

const Item* Content::findItem(const std::string& sectionId, const std::string& itemId) const {
  if (const Section* s = findSection(sectionId))
    for (const auto& i : s->items)
      if (i.id == itemId) return &i;
  return nullptr;
}

std::vector<const Item*> Content::visibleItems(const Section& section, CivilDate date) {
  std::vector<const Item*> out;
  for (const auto& i : section.items)
    if (i.visibleOn(date)) out.push_back(&i);
  return out;
}

std::vector<const ImageRef*> Content::attractImages(CivilDate date) const {
  std::vector<const ImageRef*> out;
  for (const auto& s : sections)
    if (s.hasCover && s.cover.exists && !visibleItems(s, date).empty()) out.push_back(&s.cover);
  // Items flagged `attract = true` choose the loop's pictures; with none flagged, every item's
  // pictures take part. An event item only on its days either way.
  bool flagged = false;
  for (const auto& s : sections)
    for (const auto& i : s.items) flagged |= i.attract && i.visibleOn(date);
  for (const auto& s : sections)
    for (const auto& i : s.items)
      if (i.visibleOn(date) && (!flagged || i.attract))
        for (const auto& img : i.images)
          if (img.exists) out.push_back(&img);
  return out;
}

const RichText* Item::richBody(const std::string& language, const std::string& fallback) const {
  for (const auto& l : languageFallbacks(language, fallback))
    if (auto it = bodyRich.find(l); it != bodyRich.end()) return &it->second;
  return bodyRich.empty() ? nullptr : &bodyRich.begin()->second;
}

} // namespace kiosk
