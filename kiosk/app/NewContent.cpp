#include "app/NewContent.h"

#include "core/LanguageTag.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {

// "07-museums" -> {7, 2, "museums"}; "museums" -> {0, 0, "museums"}. As the loader splits names.
struct Name {
  int order = 0;
  size_t digits = 0;
  std::string id;
};
Name splitName(const std::string& name) {
  size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  if (digits > 0 && digits < 6 && digits + 1 < name.size() && (name[digits] == '-' || name[digits] == '_'))
    return {std::stoi(name.substr(0, digits)), digits, name.substr(digits + 1)};
  return {0, 0, name};
}

// An id as the staff guide asks: lower-case letters, digits and hyphens, starting with a letter or digit.
bool goodId(const std::string& id, std::string& why) {
  if (id.empty()) {
    why = "the name is empty";
    return false;
  }
  for (unsigned char c : id)
    if (!(std::islower(c) || std::isdigit(c) || c == '-')) {
      why = "'" + id + "' has '" + std::string(1, static_cast<char>(c)) +
            "'; use lower-case letters, digits and hyphens only (like liaoning-museum)";
      return false;
    }
  if (id.front() == '-' || id.back() == '-') {
    why = "'" + id + "' starts or ends with a hyphen; write it like liaoning-museum";
    return false;
  }
  return true;
}

bool ignored(const std::string& name) { return name.empty() || name[0] == '.' || name.back() == '~' || name[0] == '#'; }

// The next order number after those in use, written with as many digits as the others (two in
// the sample: "07-"), or the one given.
std::string numbered(const Name& wanted, const std::vector<std::string>& existing) {
  if (wanted.digits) return {};
  int highest = 0;
  size_t width = 2;
  for (const auto& e : existing) {
    const Name n = splitName(e);
    if (!n.digits) continue;
    highest = std::max(highest, n.order);
    width = std::max(width, n.digits);
  }
  std::string number = std::to_string(highest + 1);
  while (number.size() < width) number.insert(number.begin(), '0');
  return number + "-";
}

struct Settings {
  std::string defaultLanguage = "en";
  std::vector<std::string> languages;
};

std::optional<Settings> readSettings(const fs::path& dir, std::ostream& out) {
  try {
    const auto doc = toml::parse_file((dir / "kiosk.toml").string());
    Settings s;
    if (auto d = doc["kiosk"]["default_language"].value<std::string>()) s.defaultLanguage = canonicalLanguageTag(*d);
    if (const auto* langs = doc["kiosk"]["languages"].as_array())
      for (const auto& l : *langs)
        if (auto v = l.value<std::string>()) s.languages.push_back(canonicalLanguageTag(*v));
    if (s.languages.empty()) s.languages.push_back(s.defaultLanguage);
    // The default language first: staff write it first, the others are its translations.
    if (auto it = std::find(s.languages.begin(), s.languages.end(), s.defaultLanguage); it != s.languages.end())
      std::rotate(s.languages.begin(), it, it + 1);
    return s;
  } catch (const toml::parse_error& e) {
    out << (dir / "kiosk.toml").generic_string() << ":" << e.source().begin.line << ": " << e.description()
        << "; fix kiosk.toml first (kiosk validate says how), so the new file gets its languages\n";
  } catch (const std::exception& e) {
    out << "kiosk: " << (dir / "kiosk.toml").generic_string() << " cannot be read; is " << dir.generic_string()
        << " a content folder?\n";
  }
  return std::nullopt;
}

std::string title(const std::string& id) { // "liaoning-museum" -> "Liaoning museum"
  std::string t = id;
  std::replace(t.begin(), t.end(), '-', ' ');
  if (!t.empty() && std::islower(static_cast<unsigned char>(t[0]))) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

// One line per language with a placeholder that is plainly one: "[ja] Liaoning museum".
std::string languageLines(const std::vector<std::string>& languages, const std::string& text, size_t width) {
  std::string out;
  for (const auto& l : languages) {
    std::string key = l;
    while (key.size() < width) key += ' ';
    out += key + " = \"[" + l + "] " + text + "\"\n";
  }
  return out;
}

size_t keyWidth(const std::vector<std::string>& languages) {
  size_t w = 0;
  for (const auto& l : languages) w = std::max(w, l.size());
  return w;
}

bool writeNew(const fs::path& p, const std::string& text, std::ostream& out) {
  // O_EXCL semantics: refuse if it appeared meanwhile.
  std::FILE* f = std::fopen(p.c_str(), "wx");
  if (!f) {
    out << "kiosk: " << p.generic_string() << " cannot be written (it exists, or the folder is read-only); nothing was changed\n";
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    out << "kiosk: " << p.generic_string() << " could not be written completely (is the disk full?)\n";
    std::error_code ec;
    fs::remove(p, ec);
    return false;
  }
  return true;
}

std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string n = it->path().filename().string();
    if (!ignored(n)) out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

std::string sectionTemplate(const std::string& id, const std::vector<std::string>& languages) {
  const size_t w = keyWidth(languages);
  std::string out;
  out += "# A section of the kiosk: a tile on the home screen, and the items in this folder.\n"
         "# Replace each text in [brackets] with the text in that language (see the staff guide,\n"
         "# content/README.md, \"section.toml\"), then check with: kiosk validate\n"
         "# Add items with: kiosk new item " + id + "/ITEM-NAME\n\n";
  out += "colour = \"#2F4F6F\"                # the section's colour: # and six hex digits; white text must read on it\n";
  out += "# cover = \"images/cover.jpg\"      # the tile's picture: copy it into images/ in this folder, then remove the '#'\n";
  out += "# order = 7                       # optional: wins over the number in the folder name\n";
  out += "# link = \"https://example.org/\"   # optional: a web page, shown as a QR code (see \"Links\")\n\n";
  out += "# The section's title, one line per language the kiosk offers.\n[title]\n";
  out += languageLines(languages, title(id), w);
  out += "\n# Optional: a line under the title. Delete the whole table if the section has none.\n[subtitle]\n";
  out += languageLines(languages, "a line about " + title(id), w);
  out += "\n# With a cover: what it shows, read aloud to visitors who cannot see it (remove the '#'s).\n# [cover_alt]\n";
  for (const auto& l : languages) {
    std::string key = l;
    while (key.size() < w) key += ' ';
    out += "# " + key + " = \"[" + l + "] Photo: what is in the cover picture\"\n";
  }
  return out;
}

std::string itemTemplate(const std::string& id, const std::vector<std::string>& languages) {
  const size_t w = keyWidth(languages);
  std::string out;
  out += "# An item of the kiosk: a card in its section, and its own screen with pictures and text.\n"
         "# Replace each text in [brackets] with the text in that language (see the staff guide,\n"
         "# content/README.md, \"An item\"), then check with: kiosk validate\n\n";
  out += "# link = \"https://example.org/\"   # optional: a web page, shown to visitors as a QR code\n";
  out += "# tags = [\"history\"]              # optional: words for search and grouping\n";
  out += "# attract = true                  # optional: this item's pictures are in the attract loop\n";
  out += "# show_from = 2026-11-15          # optional: an event item shows only from this day...\n";
  out += "# show_until = 2027-02-28         # ...until this day, both included (dates without quotes)\n\n";
  out += "# The item's title, one line per language the kiosk offers.\n[title]\n";
  out += languageLines(languages, title(id), w);
  out += "\n# One sentence on the item's card.\n[summary]\n";
  out += languageLines(languages, "one sentence about " + title(id), w);
  out += "\n# The item's text. Paragraphs are separated by a blank line; **bold**, \"- \" lists and \"## \"\n"
         "# headings work. A long text is easier in a file of its own per language, which a translator\n"
         "# can work on: " + id + ".LANG.md beside this file (then delete that language here).\n[body]\n";
  for (const auto& l : languages) {
    std::string key = l;
    while (key.size() < w) key += ' ';
    out += key + " = \"\"\"\n[" + l + "] The first paragraph about " + title(id) + ".\n\n[" + l + "] The second paragraph.\n\"\"\"\n";
  }
  out += "\n# Pictures, in order: one [[images]] block each. Copy the picture into images/ in the section's\n"
         "# folder, then remove the '#' at the start of these lines (and copy the block for more).\n";
  out += "# [[images]]\n# file = \"images/" + id + "-1.jpg\"\n# [images.caption]\n";
  for (const auto& l : languages) {
    std::string key = l;
    while (key.size() < w) key += ' ';
    out += "# " + key + " = \"[" + l + "] what the picture shows\"\n";
  }
  // Read aloud to visitors who cannot see the picture (content/README.md, "Descriptions").
  out += "# [images.alt]\n";
  for (const auto& l : languages) {
    std::string key = l;
    while (key.size() < w) key += ' ';
    out += "# " + key + " = \"[" + l + "] Photo: what is in the picture and where, for visitors who cannot see it\"\n";
  }
  return out;
}

int newSection(const std::string& dirName, const std::string& wantedName, std::ostream& out) {
  const fs::path dir(dirName);
  const auto settings = readSettings(dir, out);
  if (!settings) return 2;
  const Name wanted = splitName(wantedName);
  std::string why;
  if (!goodId(wanted.id, why)) {
    out << "kiosk: " << why << "; nothing was written\n";
    return 1;
  }
  const fs::path sections = dir / "sections";
  const auto existing = names(sections);
  for (const auto& e : existing)
    if (splitName(e).id == wanted.id) {
      out << "kiosk: " << (sections / e).generic_string() << " is a section called '" << wanted.id
          << "' already; choose another name (nothing was written)\n";
      return 1;
    }
  const std::string folder = numbered(wanted, existing) + wantedName;
  const fs::path path = sections / folder;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    out << "kiosk: " << path.generic_string() << " exists already; nothing was written\n";
    return 1;
  }
  if (!fs::create_directories(path / "images", ec) || ec) {
    out << "kiosk: " << path.generic_string() << " cannot be made (" << ec.message() << "); nothing was written\n";
    return 2;
  }
  if (!writeNew(path / "section.toml", sectionTemplate(wanted.id, settings->languages), out)) return 2;
  out << (path / "section.toml").generic_string() << ": written; fill in the texts in [brackets], then add items: kiosk new item "
      << wanted.id << "/NAME " << dirName << "\n";
  return 0;
}

int newItem(const std::string& dirName, const std::string& sectionAndId, std::ostream& out) {
  const fs::path dir(dirName);
  const auto slash = sectionAndId.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == sectionAndId.size() ||
      sectionAndId.find('/', slash + 1) != std::string::npos) {
    out << "kiosk: '" << sectionAndId << "' must be SECTION/NAME, like culture-tourism/liaoning-museum; nothing was written\n";
    return 1;
  }
  const auto settings = readSettings(dir, out);
  if (!settings) return 2;
  const std::string sectionName = sectionAndId.substr(0, slash), itemName = sectionAndId.substr(slash + 1);
  const fs::path sections = dir / "sections";
  std::string folder;
  std::vector<std::string> ids;
  for (const auto& e : names(sections)) {
    std::error_code ec;
    if (!fs::is_directory(sections / e, ec)) continue;
    ids.push_back(splitName(e).id);
    if (e == sectionName || splitName(e).id == sectionName) folder = e;
  }
  if (folder.empty()) {
    std::string list;
    for (const auto& i : ids) list += (list.empty() ? "" : ", ") + i;
    out << "kiosk: there is no section '" << sectionName << "' in " << sections.generic_string()
        << " (there are: " << list << "); make it with: kiosk new section " << sectionName << " " << dirName << "\n";
    return 1;
  }
  const Name wanted = splitName(itemName);
  std::string why;
  if (!goodId(wanted.id, why)) {
    out << "kiosk: " << why << "; nothing was written\n";
    return 1;
  }
  const fs::path sectionDir = sections / folder;
  std::vector<std::string> items;
  for (const auto& e : names(sectionDir)) {
    const fs::path p(e);
    if (p.extension() != ".toml" || e == "section.toml") continue;
    items.push_back(p.stem().string());
    if (splitName(p.stem().string()).id == wanted.id) {
      out << "kiosk: " << (sectionDir / e).generic_string() << " is an item called '" << wanted.id
          << "' already; choose another name (nothing was written)\n";
      return 1;
    }
  }
  const fs::path path = sectionDir / (numbered(wanted, items) + itemName + ".toml");
  std::error_code ec;
  if (fs::exists(path, ec)) {
    out << "kiosk: " << path.generic_string() << " exists already; nothing was written\n";
    return 1;
  }
  if (!writeNew(path, itemTemplate(wanted.id, settings->languages), out)) return 2;
  out << path.generic_string() << ": written; fill in the texts in [brackets] and add its pictures, then check with: kiosk validate "
      << dirName << "\n";
  return 0;
}

} // namespace kiosk::app
