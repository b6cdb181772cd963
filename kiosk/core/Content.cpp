#include "core/Content.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <unordered_set>

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

const std::string& LocalizedText::languageOf(const std::string& language, const std::string& defaultLanguage) const {
  if (auto it = byLanguage.find(language); it != byLanguage.end()) return it->first;
  for (const auto& l : languageFallbacks(language, defaultLanguage))
    if (auto it = byLanguage.find(l); it != byLanguage.end()) return it->first;
  if (!byLanguage.empty()) return byLanguage.begin()->first;
  return language;
}

bool isVideoPath(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".mp4" || ext == ".m4v" || ext == ".mov" || ext == ".mkv" || ext == ".webm";
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

std::optional<PhoneLink::Target> PhoneLink::forVisitor(const std::string& language, const std::string& defaultLanguage) const {
  if (byLanguage.empty()) return std::nullopt;
  for (const auto& l : languageFallbacks(language, defaultLanguage))
    if (auto it = byLanguage.find(l); it != byLanguage.end() && !l.empty()) return Target{it->second, l};
  if (auto it = byLanguage.find(kAnyLanguage); it != byLanguage.end()) return Target{it->second, kAnyLanguage};
  return Target{byLanguage.begin()->second, byLanguage.begin()->first};
}

const ImageRef* Item::cardImage() const {
  if (!images.empty()) return &images.front();
  if (map) return &map->image;
  return nullptr;
}

const Item* Content::findItem(const MapPoint& point) const {
  return point.opensItem() ? findItem(point.sectionId, point.itemId) : nullptr;
}

std::vector<const ImageRef*> Content::pictures() const {
  std::vector<const ImageRef*> out;
  // A picture named twice is listed once. By the path's characters (the loader makes every
  // path the same way): std::filesystem::path compares component by component, which made
  // this 0.3 s at 20,000 pictures on the frame that adopts a reload.
  std::unordered_set<std::string_view> seen;
  auto add = [&](const ImageRef& img) {
    if (seen.insert(img.file.native()).second) out.push_back(&img);
  };
  if (settings.hasLogo) add(settings.logo);
  for (const auto& s : sections) {
    if (s.hasCover) add(s.cover);
    for (const auto& i : s.items) {
      for (const auto& img : i.images) add(img);
      if (i.map) add(i.map->image);
    }
  }
  return out;
}

std::vector<Content::TextPlace> Content::texts() const {
  std::vector<TextPlace> out;
  auto add = [&](const LocalizedText& t, const std::string& file, std::string what) { out.push_back({&t, file, std::move(what)}); };
  add(settings.name, "kiosk.toml", "name");
  add(settings.tagline, "kiosk.toml", "tagline");
  add(settings.phoneLink.title, "kiosk.toml", "link_title");
  for (const auto& s : sections) {
    add(s.title, s.sourceFile, "title");
    add(s.subtitle, s.sourceFile, "subtitle");
    add(s.phoneLink.title, s.sourceFile, "link_title");
    for (const auto& i : s.items) {
      add(i.title, i.sourceFile, "title");
      add(i.summary, i.sourceFile, "summary");
      add(i.body, i.sourceFile, "body");
      for (size_t n = 0; n < i.images.size(); ++n) add(i.images[n].caption, i.sourceFile, "caption of image " + std::to_string(n + 1));
      add(i.phoneLink.title, i.sourceFile, "link_title");
      if (!i.map) continue;
      add(i.map->image.caption, i.sourceFile, "caption of the map");
      for (const auto& p : i.map->points) {
        add(p.label, i.sourceFile, "label of map point " + std::to_string(p.number));
        add(p.text, i.sourceFile, "text of map point " + std::to_string(p.number));
      }
    }
  }
  return out;
}

std::vector<Content::PicturePlace> Content::describablePictures() const {
  std::vector<PicturePlace> out;
  for (const auto& s : sections) {
    if (s.hasCover) out.push_back({&s.cover, s.sourceFile, "cover"});
    for (const auto& i : s.items) {
      for (size_t n = 0; n < i.images.size(); ++n) out.push_back({&i.images[n], i.sourceFile, "image " + std::to_string(n + 1)});
      if (i.map) out.push_back({&i.map->image, i.sourceFile, "map"});
    }
  }
  return out;
}

const RichText* Item::richBody(const std::string& language, const std::string& fallback, const std::string** bodyLanguage) const {
  auto found = bodyRich.end();
  for (const auto& l : languageFallbacks(language, fallback))
    if (found = bodyRich.find(l); found != bodyRich.end()) break;
  if (found == bodyRich.end()) found = bodyRich.begin();
  if (found == bodyRich.end()) return nullptr;
  if (bodyLanguage) *bodyLanguage = &found->first;
  return &found->second;
}

} // namespace kiosk
