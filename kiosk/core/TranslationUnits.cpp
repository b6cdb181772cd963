#include "core/TranslationUnits.h"

#include "core/Content.h"
#include "core/LanguageTag.h"
#include "core/TomlGuard.h"

#include <sodium.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::translations {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 1 << 20; // as the loader: a settings or body file

// Names the loader never reads (see ContentLoader's isIgnoredName).
bool ignoredName(const std::string& name) {
  if (name.empty() || name[0] == '.' || name.back() == '~') return true;
  if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "thumbs.db" || lower == "desktop.ini";
}

std::optional<std::string> readSmallFile(const fs::path& p, std::string& why) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) {
    why = "cannot be read (" + ec.message() + ")";
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    why = "is larger than 1 MiB, so it is not read";
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    why = "cannot be opened";
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // a byte order mark is not text
  return text;
}

std::optional<toml::table> parseFile(const fs::path& p, const std::string& display, std::vector<std::string>& problems) {
  std::string why;
  auto text = readSmallFile(p, why);
  if (!text) {
    problems.push_back(display + ": " + why);
    return std::nullopt;
  }
  if (auto problem = guardTomlText(*text)) {
    problems.push_back(display + ":" + std::to_string(problem->line) + ": " + problem->message);
    return std::nullopt;
  }
  try {
    return toml::parse(*text);
  } catch (const toml::parse_error& e) {
    problems.push_back(display + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()) +
                       " (fix it first: kiosk validate names the mistake)");
    return std::nullopt;
  }
}

// A text at `node`: a string (the default language's) or a table of language -> string.
void addText(Folder& folder, const std::string& file, tomledit::Path key, const toml::node* node, bool body = false) {
  if (!node) return;
  Text t;
  t.file = file;
  t.key = std::move(key);
  t.line = static_cast<int>(node->source().begin.line);
  t.isBody = body;
  if (const auto* s = node->as_string()) {
    t.plainString = true;
    t.byLanguage[folder.defaultLanguage] = {s->get(), "", file, t.line};
  } else if (const auto* tbl = node->as_table()) {
    for (const auto& [lang, value] : *tbl) {
      const auto* v = value.as_string();
      if (!v) continue;
      const std::string tag = canonicalLanguageTag(lang.str());
      if (t.byLanguage.count(tag)) continue; // twice: validate says so; the first one counts, as in the loader
      t.byLanguage[tag] = {v->get(), std::string(lang.str()), file, static_cast<int>(value.source().begin.line)};
    }
  } else {
    return;
  }
  folder.texts.push_back(std::move(t));
}

void readLinkTitle(Folder& f, const std::string& file, const toml::table& t, tomledit::Path prefix) {
  prefix.push_back("link_title");
  addText(f, file, prefix, t.get("link_title"));
}

void readItem(Folder& f, const fs::path& path, const std::string& file, const std::map<std::string, fs::path>& bodyFiles,
              const std::string& sectionDisplay) {
  auto doc = parseFile(path, file, f.problems);
  if (!doc) return;
  addText(f, file, {"title"}, doc->get("title"));
  addText(f, file, {"summary"}, doc->get("summary"));
  // The body: in the item file, and/or one NAME.LANG.md file per language (the item file wins
  // where both have a language, as in the loader, which reports the pair).
  const size_t before = f.texts.size();
  addText(f, file, {"body"}, doc->get("body"), true);
  if (!bodyFiles.empty()) {
    if (f.texts.size() == before) {
      Text t;
      t.file = file;
      t.key = {"body"};
      t.isBody = true;
      f.texts.push_back(std::move(t));
    }
    Text& body = f.texts.back();
    for (const auto& [lang, p] : bodyFiles) {
      if (body.byLanguage.count(lang)) continue;
      std::string why;
      const std::string display = sectionDisplay + "/" + p.filename().string();
      auto text = readSmallFile(p, why);
      if (!text) {
        f.problems.push_back(display + ": " + why);
        continue;
      }
      body.byLanguage[lang] = {std::move(*text), "", display, 1};
    }
  }
  if (const auto* images = doc->get("images"); images && images->is_array_of_tables()) {
    size_t i = 0;
    for (const auto& image : *images->as_array()) {
      if (const auto* t = image.as_table()) {
        addText(f, file, {"images", std::to_string(i), "caption"}, t->get("caption"));
        addText(f, file, {"images", std::to_string(i), "alt"}, t->get("alt")); // read aloud: translated like a caption
      }
      ++i;
    }
  }
  if (const auto* map = doc->get("map"); map && map->is_table()) {
    addText(f, file, {"map", "caption"}, map->as_table()->get("caption"));
    addText(f, file, {"map", "alt"}, map->as_table()->get("alt"));
    if (const auto* points = map->as_table()->get("points"); points && points->is_array_of_tables()) {
      size_t i = 0;
      for (const auto& point : *points->as_array()) {
        if (const auto* t = point.as_table()) {
          addText(f, file, {"map", "points", std::to_string(i), "label"}, t->get("label"));
          addText(f, file, {"map", "points", std::to_string(i), "text"}, t->get("text"));
        }
        ++i;
      }
    }
  }
  readLinkTitle(f, file, *doc, {});
}

std::string hex(const unsigned char* p, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

} // namespace

std::string fingerprint(std::string_view text) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  return hex(out, sizeof out);
}

std::string Text::keyString() const {
  std::string out;
  for (const auto& part : key) {
    if (!out.empty()) out += '.';
    out += part;
  }
  return out;
}

const Text* Folder::find(const std::string& id) const {
  for (const auto& t : texts)
    if (t.id() == id) return &t;
  return nullptr;
}

std::optional<Folder> readFolder(const fs::path& root, std::string& error) {
  Folder f;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    error = "'" + root.string() + "' is not a content folder (it should hold kiosk.toml and sections/)";
    return std::nullopt;
  }
  std::vector<std::string> problems;
  auto settings = parseFile(root / "kiosk.toml", "kiosk.toml", problems);
  if (!settings) {
    error = problems.empty() ? "kiosk.toml cannot be read" : problems.front();
    return std::nullopt;
  }
  if (const auto* k = settings->get_as<toml::table>("kiosk")) {
    if (auto d = k->get_as<std::string>("default_language")) f.defaultLanguage = canonicalLanguageTag(d->get());
    if (const auto* langs = k->get_as<toml::array>("languages"))
      for (const auto& l : *langs)
        if (auto s = l.value<std::string>()) {
          const std::string tag = canonicalLanguageTag(*s);
          if (std::find(f.languages.begin(), f.languages.end(), tag) == f.languages.end()) f.languages.push_back(tag);
        }
    addText(f, "kiosk.toml", {"kiosk", "name"}, k->get("name"));
    addText(f, "kiosk.toml", {"kiosk", "tagline"}, k->get("tagline"));
    readLinkTitle(f, "kiosk.toml", *k, {"kiosk"});
  }
  if (f.languages.empty()) f.languages.push_back(f.defaultLanguage);

  std::vector<fs::path> sections;
  for (fs::directory_iterator it(root / "sections", ec), end; !ec && it != end; it.increment(ec))
    if (!ignoredName(it->path().filename().string()) && it->is_directory(ec)) sections.push_back(it->path());
  std::sort(sections.begin(), sections.end());
  for (const auto& dir : sections) {
    const std::string display = "sections/" + dir.filename().string();
    std::vector<fs::path> items;
    std::map<std::string, std::map<std::string, fs::path>> bodies; // item stem -> language -> .md file
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (ignoredName(name) || !it->is_regular_file(ec)) continue;
      std::string ext = it->path().extension().string();
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (ext == ".md") {
        const std::string stem = it->path().stem().string();
        const auto dot = stem.rfind('.');
        if (dot != std::string::npos && dot != 0) bodies[stem.substr(0, dot)][canonicalLanguageTag(stem.substr(dot + 1))] = it->path();
      } else if (it->path().extension() == ".toml" && name != "section.toml") {
        items.push_back(it->path());
      }
    }
    std::sort(items.begin(), items.end());
    if (fs::exists(dir / "section.toml", ec)) {
      if (auto doc = parseFile(dir / "section.toml", display + "/section.toml", f.problems)) {
        const std::string file = display + "/section.toml";
        addText(f, file, {"title"}, doc->get("title"));
        addText(f, file, {"subtitle"}, doc->get("subtitle"));
        addText(f, file, {"cover_alt"}, doc->get("cover_alt"));
        readLinkTitle(f, file, *doc, {});
      }
    }
    for (const auto& item : items) {
      const std::string stem = item.stem().string();
      readItem(f, item, display + "/" + item.filename().string(), bodies[stem], display);
    }
  }
  return f;
}

std::string sourceLanguageFor(const std::string& target, const Folder& folder) {
  const std::string tag = canonicalLanguageTag(target);
  const auto offered = [&](const std::string& l) { return std::find(folder.languages.begin(), folder.languages.end(), l) != folder.languages.end(); };
  // The default language is the original: a translation into it (rare) is made from English.
  if (tag == folder.defaultLanguage && tag != "en" && offered("en")) return "en";
  for (const auto& l : languageFallbacks(tag, folder.defaultLanguage))
    if (l != tag && std::find(folder.languages.begin(), folder.languages.end(), l) != folder.languages.end()) return l;
  // A kiosk that offers neither English nor the other script: the first language offered.
  for (const auto& l : folder.languages)
    if (l != tag) return l;
  return {};
}

void Lock::set(const std::string& file, const std::string& key, const std::string& language,
               const std::string& sourceLanguage, const std::string& sourceFingerprint) {
  entries[file][key][language] = sourceLanguage + ":" + sourceFingerprint;
}

std::optional<Lock> parseLock(std::string_view text, std::string& error) {
  Lock lock;
  try {
    const auto doc = toml::parse(text);
    for (const auto& [file, keys] : doc) {
      const auto* kt = keys.as_table();
      if (!kt) continue;
      for (const auto& [key, langs] : *kt) {
        const auto* lt = langs.as_table();
        if (!lt) continue;
        for (const auto& [lang, value] : *lt)
          if (auto s = value.value<std::string>())
            lock.entries[std::string(file.str())][std::string(key.str())][std::string(lang.str())] = *s;
      }
    }
  } catch (const toml::parse_error& e) {
    error = std::string(kLockFileName) + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()) +
            "; this file is written by kiosk translations import: delete it, and the next import writes it again";
    return std::nullopt;
  }
  return lock;
}

std::optional<Lock> readLock(const fs::path& root, std::string& error) {
  std::error_code ec;
  if (!fs::exists(root / kLockFileName, ec)) return Lock{};
  std::string why;
  auto text = readSmallFile(root / kLockFileName, why);
  if (!text) {
    error = std::string(kLockFileName) + " " + why;
    return std::nullopt;
  }
  return parseLock(*text, error);
}

std::string lockText(const Lock& lock) {
  std::string out =
      "# Written by `kiosk translations import`: for each translation, the source text it was made\n"
      "# from (its language and fingerprint), so that `kiosk report translations` can name the\n"
      "# translations that are out of date after the source text changed. Do not edit by hand.\n";
  for (const auto& [file, keys] : lock.entries) {
    out += "\n[" + tomledit::quote(file) + "]\n";
    for (const auto& [key, langs] : keys) {
      out += tomledit::quote(key) + " = {";
      bool first = true;
      for (const auto& [lang, value] : langs) {
        out += first ? " " : ", ";
        first = false;
        out += tomledit::quote(lang) + " = " + tomledit::quote(value);
      }
      out += " }\n";
    }
  }
  return out;
}

std::vector<Stale> staleTranslations(const Folder& folder, const Lock& lock) {
  std::vector<Stale> out;
  for (const auto& text : folder.texts) {
    const auto fileIt = lock.entries.find(text.file);
    if (fileIt == lock.entries.end()) continue;
    const auto keyIt = fileIt->second.find(text.keyString());
    if (keyIt == fileIt->second.end()) continue;
    for (const auto& [lang, recorded] : keyIt->second) {
      const auto colon = recorded.find(':');
      if (colon == std::string::npos) continue;
      const std::string sourceLanguage = recorded.substr(0, colon);
      const auto translation = text.byLanguage.find(lang);
      if (translation == text.byLanguage.end()) continue; // missing: the report lists it as missing
      const auto source = text.byLanguage.find(sourceLanguage);
      const std::string now = source == text.byLanguage.end() ? std::string(kNoText) : fingerprint(source->second.text);
      if (now == recorded.substr(colon + 1)) continue;
      out.push_back({translation->second.file, translation->second.line, text.file, text.keyString(), lang, sourceLanguage});
    }
  }
  return out;
}

} // namespace kiosk::translations
