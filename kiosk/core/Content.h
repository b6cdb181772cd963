#pragma once
// The content model: an immutable snapshot of the content folder, shared between threads as
// shared_ptr<const Content>. Nothing here is ever modified after the loader hands it over.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {

// A human-facing text given per language (BCP 47 tag -> UTF-8 text).
struct LocalizedText {
  std::map<std::string, std::string> byLanguage;

  bool empty() const { return byLanguage.empty(); }
  // The text in `language`, else in `fallback`, else any text, else "".
  const std::string& get(const std::string& language, const std::string& fallback = {}) const;
  bool has(const std::string& language) const { return byLanguage.count(language) != 0; }
};

struct ImageRef {
  std::filesystem::path file; // absolute, inside the content folder
  std::string displayPath;    // as staff wrote it relative to the content folder, for messages
  LocalizedText caption;
  bool exists = false;        // false: the loader reported it missing; the UI shows a placeholder
  // The file's size and time of change when loaded: a picture replaced under the same name is
  // decoded again on the next reload, an unchanged one is not.
  std::uintmax_t bytes = 0;
  std::filesystem::file_time_type modified{};
  // Where staff named it: the TOML file (as displayed), line and column.
  std::string namedIn;
  int line = 0;
  int column = 0;
};

struct Item {
  std::string id;         // file name without order prefix and extension: "shenyang-at-a-glance"
  std::string sourceFile; // relative to the content folder, for messages
  int order = 0;
  LocalizedText title;
  LocalizedText summary;
  LocalizedText body; // paragraphs separated by blank lines
  std::vector<ImageRef> images;
};

struct Section {
  std::string id; // folder name without order prefix: "investment"
  std::string sourceFile;
  int order = 0;
  LocalizedText title;
  LocalizedText subtitle;
  std::uint32_t colour = 0x2F4F6FFF; // RGBA
  ImageRef cover;
  bool hasCover = false;
  std::vector<Item> items;
};

struct KioskSettings {
  LocalizedText name;
  LocalizedText tagline;
  std::string defaultLanguage = "en";
  std::vector<std::string> languages{"en"};
  double idleTimeoutSeconds = 90;
  double attractSlideSeconds = 7;
};

struct Content {
  std::filesystem::path root;
  KioskSettings settings;
  std::vector<Section> sections;

  const Section* findSection(const std::string& id) const;
  const Item* findItem(const std::string& sectionId, const std::string& itemId) const;
  // Every image the attract loop shows, in content order: section covers, then item images.
  std::vector<const ImageRef*> attractImages() const;
};

using ContentSnapshot = std::shared_ptr<const Content>;

} // namespace kiosk
