#include "app/EditorModel.h"

#include "core/Content.h"
#include "core/PictureSize.h"
#include "media/ImageDecoder.h"
#include "media/JpegWrite.h"

#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace kiosk::app {

namespace {

std::string readFile(const fs::path& p, bool& ok) {
  std::ifstream f(p, std::ios::binary);
  ok = static_cast<bool>(f);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Writes `text` to a new file beside `p` and renames it over `p`: a crash or a full disk leaves
// the old file whole.
std::string writeFileAtomically(const fs::path& p, const std::string& text) {
  const fs::path temp = p.parent_path() / ("." + p.filename().string() + ".kiosk-edit");
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    f << text;
    f.flush();
    if (!f) {
      std::error_code ec;
      fs::remove(temp, ec);
      return "could not write " + p.filename().string() + " (is the disk full or the folder read-only?); nothing was changed";
    }
  }
  std::error_code ec;
  fs::rename(temp, p, ec);
  if (ec) {
    fs::remove(temp, ec);
    return "could not replace " + p.filename().string() + ": " + ec.message() + "; nothing was changed";
  }
  return {};
}

// "02-investment" -> {2, "investment"}; "investment" -> {0, "investment"}.
std::pair<int, std::string> splitNumber(const std::string& name) {
  size_t digits = 0;
  while (digits < name.size() && digits < 6 && name[digits] >= '0' && name[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < name.size() && (name[digits] == '-' || name[digits] == '_'))
    return {std::stoi(name.substr(0, digits)), name.substr(digits + 1)};
  return {0, name};
}

std::string twoDigits(int n) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d", n);
  return b;
}

bool ignoredName(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~' || (name.front() == '#' && name.back() == '#');
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string timestamp(const char* format) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char b[64];
  std::strftime(b, sizeof b, format, &tm);
  return b;
}

// A language table of the template: the default language filled in, the others as comment lines
// to fill (a "" would be an empty text, which the kiosk warns about).
std::string languageTable(const std::string& key, const std::vector<std::string>& languages, const std::string& text,
                          const std::string& comment, bool optional = false) {
  std::string out;
  if (!comment.empty()) out += "# " + comment + "\n";
  const std::string hash = optional ? "# " : "";
  out += hash + "[" + key + "]\n";
  for (size_t i = 0; i < languages.size(); ++i) {
    const bool bare = std::all_of(languages[i].begin(), languages[i].end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
    const std::string k = bare ? languages[i] : tomledit::quote(languages[i]);
    if (i == 0 && !optional) out += k + " = " + tomledit::quote(text) + "\n";
    else out += "# " + k + " = \"\"\n";
  }
  return out;
}

} // namespace

std::string safeFileName(const std::string& name) {
  const fs::path p(name);
  std::string ext = lower(p.extension().string());
  if (ext == ".jpeg") ext = ".jpg";
  std::string stem = safeId(p.stem().string());
  if (stem.empty()) stem = "picture";
  return stem + ext;
}

std::string safeId(const std::string& typed) {
  std::string out;
  for (unsigned char c : typed) {
    if (std::isalnum(c) && c < 0x80) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 60) out.resize(60);
  return out;
}

EditorModel::EditorModel(fs::path contentDir, fs::path previewDir)
    : m_root(std::move(contentDir)), m_preview(std::move(previewDir)) {
  rescan();
}

std::string EditorModel::readTitleFrom(const std::string& relative, std::map<std::string, std::string>& title, bool& hidden) {
  std::string text;
  if (const auto* d = find(relative)) text = d->text;
  else {
    bool ok = false;
    text = readFile(m_root / relative, ok);
    if (!ok) return "cannot be read";
  }
  try {
    const toml::table t = toml::parse(text);
    if (const auto* tt = t["title"].as_table())
      for (const auto& [k, v] : *tt)
        if (const auto* s = v.as_string()) title[std::string(k.str())] = s->get();
    hidden = t["hidden"].value_or(false);
  } catch (const toml::parse_error& e) {
    return std::string(e.description());
  }
  return {};
}

void EditorModel::rescan() {
  m_tree.clear();
  std::error_code ec;
  std::vector<fs::path> dirs;
  for (fs::directory_iterator it(m_root / "sections", ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !ignoredName(it->path().filename().string())) dirs.push_back(it->path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    EditorSection s;
    const std::string name = dir.filename().string();
    std::tie(s.number, s.id) = splitNumber(name);
    s.relative = "sections/" + name;
    readTitleFrom(s.relative + "/section.toml", s.title, s.hidden);
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string f = it->path().filename().string();
      if (ignoredName(f) || it->path().extension() != ".toml" || f == "section.toml") continue;
      files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      EditorItem item;
      std::tie(item.number, item.id) = splitNumber(f.stem().string());
      item.relative = s.relative + "/" + f.filename().string();
      readTitleFrom(item.relative, item.title, item.hidden);
      s.items.push_back(std::move(item));
    }
    m_tree.push_back(std::move(s));
  }
}

const EditorSection* EditorModel::section(const std::string& relative) const {
  for (const auto& s : m_tree)
    if (s.relative == relative) return &s;
  return nullptr;
}

const EditorItem* EditorModel::item(const std::string& relative) const {
  for (const auto& s : m_tree)
    for (const auto& i : s.items)
      if (i.relative == relative) return &i;
  return nullptr;
}

std::vector<std::string> EditorModel::languages() const {
  std::vector<std::string> out;
  std::string text;
  if (const auto* d = find("kiosk.toml")) text = d->text;
  else {
    bool ok = false;
    text = readFile(m_root / "kiosk.toml", ok);
  }
  std::string def;
  try {
    const toml::table t = toml::parse(text);
    def = t["kiosk"]["default_language"].value_or(std::string());
    if (const auto* a = t["kiosk"]["languages"].as_array())
      for (const auto& v : *a)
        if (const auto* s = v.as_string()) out.push_back(s->get());
  } catch (const toml::parse_error&) {
  }
  if (out.empty()) out.push_back(def.empty() ? "en" : def);
  if (!def.empty()) {
    auto it = std::find(out.begin(), out.end(), def);
    if (it != out.end()) std::rotate(out.begin(), it, it + 1);
    else out.insert(out.begin(), def);
  }
  return out;
}

std::string EditorModel::defaultLanguage() const { return languages().front(); }

EditorDocument* EditorModel::open(const std::string& relative, std::string* error) {
  if (auto it = m_docs.find(relative); it != m_docs.end()) return &it->second;
  const fs::path p = m_root / relative;
  bool ok = false;
  std::string text = readFile(p, ok);
  if (!ok) {
    if (error) *error = relative + " cannot be read; check that it exists and that you may read it";
    return nullptr;
  }
  EditorDocument d;
  d.relative = relative;
  d.text = d.diskText = text;
  std::error_code ec;
  d.diskSize = fs::file_size(p, ec);
  d.diskTime = fs::last_write_time(p, ec);
  if (p.extension() == ".toml") {
    try {
      (void)toml::parse(text);
    } catch (const toml::parse_error& e) {
      d.parses = false;
      d.parseError = "line " + std::to_string(e.source().begin.line) + ", column " +
                     std::to_string(e.source().begin.column) + ": " + std::string(e.description());
    }
  }
  return &m_docs.emplace(relative, std::move(d)).first->second;
}

const EditorDocument* EditorModel::find(const std::string& relative) const {
  auto it = m_docs.find(relative);
  return it == m_docs.end() ? nullptr : &it->second;
}

std::vector<std::string> EditorModel::dirtyFiles() const {
  std::vector<std::string> out;
  for (const auto& [rel, d] : m_docs)
    if (d.dirty()) out.push_back(rel);
  return out;
}

std::string EditorModel::apply(EditorDocument& doc, const EditorDocument::Change& c) {
  tomledit::Result r;
  using K = EditorDocument::Change::Kind;
  switch (c.kind) {
  case K::String: r = tomledit::setString(doc.text, c.path, c.value); break;
  case K::Value: r = tomledit::setValue(doc.text, c.path, c.value); break;
  case K::Remove: r = tomledit::removeKey(doc.text, c.path); break;
  case K::Append: r = tomledit::appendTable(doc.text, c.path, c.value); break;
  }
  if (!r.ok()) return doc.relative + ": " + r.error;
  doc.text = std::move(r.text);
  return {};
}

std::string EditorModel::setString(const std::string& relative, const tomledit::Path& path, const std::string& value) {
  std::string error;
  EditorDocument* d = open(relative, &error);
  if (!d) return error;
  EditorDocument::Change c{path, EditorDocument::Change::Kind::String, value};
  if (auto e = apply(*d, c); !e.empty()) return e;
  d->changes.push_back(std::move(c));
  return {};
}

std::string EditorModel::setValue(const std::string& relative, const tomledit::Path& path, const std::string& literal) {
  std::string error;
  EditorDocument* d = open(relative, &error);
  if (!d) return error;
  EditorDocument::Change c{path, EditorDocument::Change::Kind::Value, literal};
  if (auto e = apply(*d, c); !e.empty()) return e;
  d->changes.push_back(std::move(c));
  return {};
}

std::string EditorModel::removeKey(const std::string& relative, const tomledit::Path& path) {
  std::string error;
  EditorDocument* d = open(relative, &error);
  if (!d) return error;
  EditorDocument::Change c{path, EditorDocument::Change::Kind::Remove, {}};
  if (auto e = apply(*d, c); !e.empty()) return e;
  d->changes.push_back(std::move(c));
  return {};
}

std::string EditorModel::appendTable(const std::string& relative, const tomledit::Path& array, const std::string& block) {
  std::string error;
  EditorDocument* d = open(relative, &error);
  if (!d) return error;
  EditorDocument::Change c{array, EditorDocument::Change::Kind::Append, block};
  if (auto e = apply(*d, c); !e.empty()) return e;
  d->changes.push_back(std::move(c));
  return {};
}

std::string EditorModel::setSource(const std::string& relative, const std::string& text) {
  std::string error;
  EditorDocument* d = open(relative, &error);
  if (!d) return error;
  if (fs::path(relative).extension() == ".toml") {
    try {
      (void)toml::parse(text);
    } catch (const toml::parse_error& e) {
      return relative + ", line " + std::to_string(e.source().begin.line) + ", column " +
             std::to_string(e.source().begin.column) + ": " + std::string(e.description()) +
             "; the change is kept in the box but not taken until the file reads correctly";
    }
  }
  d->text = text;
  // A whole new text: earlier field changes are in it already and cannot be made again alone.
  d->changes.clear();
  if (d->text != d->diskText) d->changes.push_back({{}, EditorDocument::Change::Kind::Value, "\x01source"});
  d->parses = true;
  d->parseError.clear();
  return {};
}

std::vector<std::string> EditorModel::save() {
  std::vector<std::string> problems;
  for (auto& [rel, d] : m_docs) {
    if (!d.dirty()) continue;
    if (fs::path(rel).extension() == ".toml") {
      try {
        (void)toml::parse(d.text);
      } catch (const toml::parse_error& e) {
        problems.push_back(rel + " was not saved: line " + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
        continue;
      }
    }
    // Never over a newer file: a change on disk since it was read is taken in first.
    std::error_code ec;
    const auto time = fs::last_write_time(m_root / rel, ec);
    const auto size = fs::file_size(m_root / rel, ec);
    if (!ec && (time != d.diskTime || size != d.diskSize)) {
      bool ok = false;
      const std::string now = readFile(m_root / rel, ok);
      if (ok && now != d.diskText) {
        problems.push_back(rel + " was changed on disk by another program; it was read again with your changes made "
                                 "on top: look at it, then save again");
        continue;
      }
    }
    if (auto e = writeFileAtomically(m_root / rel, d.text); !e.empty()) {
      problems.push_back(rel + ": " + e);
      continue;
    }
    d.diskText = d.text;
    d.diskSize = fs::file_size(m_root / rel, ec);
    d.diskTime = fs::last_write_time(m_root / rel, ec);
    d.changes.clear();
    d.parses = true;
  }
  rescan();
  return problems;
}

std::vector<std::string> EditorModel::reloadChangedOnDisk() {
  std::vector<std::string> notes;
  for (auto it = m_docs.begin(); it != m_docs.end();) {
    auto& d = it->second;
    const fs::path p = m_root / d.relative;
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      if (!d.dirty()) {
        notes.push_back(d.relative + " was removed on disk; it is closed");
        it = m_docs.erase(it);
        continue;
      }
      ++it;
      continue;
    }
    const auto time = fs::last_write_time(p, ec);
    const auto size = fs::file_size(p, ec);
    if (ec || (time == d.diskTime && size == d.diskSize)) {
      ++it;
      continue;
    }
    bool ok = false;
    std::string now = readFile(p, ok);
    d.diskTime = time;
    d.diskSize = size;
    if (!ok || now == d.diskText) {
      ++it;
      continue;
    }
    const bool hadChanges = d.dirty();
    d.diskText = now;
    d.text = now;
    std::vector<EditorDocument::Change> kept;
    int lost = 0;
    for (const auto& c : d.changes) {
      if (c.kind == EditorDocument::Change::Kind::Value && c.value == "\x01source") {
        ++lost; // a whole-text change cannot be made again on another text
        continue;
      }
      if (apply(d, c).empty()) kept.push_back(c);
      else ++lost;
    }
    d.changes = std::move(kept);
    d.parses = true;
    try {
      if (p.extension() == ".toml") (void)toml::parse(d.text);
    } catch (const toml::parse_error& e) {
      d.parses = false;
      d.parseError = "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description());
    }
    std::string note = d.relative + " changed on disk and was read again";
    if (hadChanges) note += lost == 0 ? "; your unsaved changes were made again on top of it"
                                      : "; " + std::to_string(lost) + (lost == 1 ? " unsaved change" : " unsaved changes") +
                                            " could not be made again and " + (lost == 1 ? "was" : "were") + " dropped";
    notes.push_back(note);
    ++it;
  }
  if (!notes.empty()) rescan();
  return notes;
}

std::string EditorModel::addSection(const std::string& typedId, const std::string& title, std::string& created) {
  const std::string id = safeId(typedId);
  if (id.empty()) return "give the section a name in Latin letters or digits, like museums";
  int next = 1;
  for (const auto& s : m_tree) {
    next = std::max(next, s.number + 1);
    if (s.id == id) return "there is a section called " + id + " already (" + s.relative + "); choose another name";
  }
  const std::string rel = "sections/" + twoDigits(next) + "-" + id;
  std::error_code ec;
  if (fs::exists(m_root / rel, ec)) return rel + " exists already; choose another name";
  fs::create_directories(m_root / rel / "images", ec);
  if (ec) return "could not make the folder " + rel + ": " + ec.message();
  const auto langs = languages();
  std::string text = "# A section: its tile on the home screen and the screen listing its items.\n"
                     "# See README.md (\"section.toml\") for every key.\n"
                     "colour = \"#2F6F8F\"            # the section's colour: # and six hex digits; white text must read on it\n"
                     "# cover = \"images/cover.jpg\"  # the tile picture on the home screen (optional)\n\n" +
                     languageTable("title", langs, title.empty() ? id : title, "The name on the tile, in every language (remove the # to fill one in).");
  if (auto e = writeFileAtomically(m_root / rel / "section.toml", text); !e.empty()) return e;
  created = rel;
  rescan();
  return {};
}

std::string EditorModel::addItem(const std::string& sectionRelative, const std::string& typedId, const std::string& title,
                                 std::string& created) {
  const EditorSection* s = section(sectionRelative);
  if (!s) return sectionRelative + " is not a section folder";
  const std::string id = safeId(typedId);
  if (id.empty()) return "give the item a name in Latin letters or digits, like liaoning-museum";
  int next = 1;
  for (const auto& i : s->items) {
    next = std::max(next, i.number + 1);
    if (i.id == id) return "this section has an item called " + id + " already; choose another name";
  }
  const std::string rel = sectionRelative + "/" + twoDigits(next) + "-" + id + ".toml";
  std::error_code ec;
  if (fs::exists(m_root / rel, ec)) return rel + " exists already; choose another name";
  const auto langs = languages();
  std::string text = "# An item: its card in the section and its own screen. See README.md (\"An item\").\n"
                     "# link = \"https://...\"          # optional: a web address, shown as a QR code\n"
                     "# show_from = 2026-11-15          # optional: an event shows only from this day...\n"
                     "# show_until = 2027-02-28         # ...until this day (dates without quotes)\n\n" +
                     languageTable("title", langs, title.empty() ? id : title, "The heading, in every language (remove the # to fill one in).") +
                     "\n" + languageTable("summary", langs, "", "Optional: one sentence on the card.", true);
  if (auto e = writeFileAtomically(m_root / rel, text); !e.empty()) return e;
  created = rel;
  rescan();
  return {};
}

std::string EditorModel::duplicateItem(const std::string& itemRelative, std::string& created) {
  const fs::path from = m_root / itemRelative;
  const auto [number, id] = splitNumber(from.stem().string());
  const std::string sectionRel = fs::path(itemRelative).parent_path().generic_string();
  const EditorSection* s = section(sectionRel);
  if (!s) return itemRelative + " is not an item of a section";
  int next = 1;
  std::set<std::string> ids;
  for (const auto& i : s->items) {
    next = std::max(next, i.number + 1);
    ids.insert(i.id);
  }
  std::string newId = id + "-copy";
  for (int k = 2; ids.count(newId); ++k) newId = id + "-copy-" + std::to_string(k);
  const std::string stem = twoDigits(next) + "-" + newId;
  // The text with its unsaved changes, and the body files beside it.
  std::string text;
  if (const auto* d = find(itemRelative)) text = d->text;
  else {
    bool ok = false;
    text = readFile(from, ok);
    if (!ok) return itemRelative + " cannot be read";
  }
  if (auto e = writeFileAtomically(from.parent_path() / (stem + ".toml"), text); !e.empty()) return e;
  std::error_code ec;
  for (fs::directory_iterator it(from.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string f = it->path().filename().string();
    const std::string prefix = from.stem().string() + ".";
    if (f.rfind(prefix, 0) == 0 && it->path().extension() == ".md")
      fs::copy_file(it->path(), from.parent_path() / (stem + "." + f.substr(prefix.size())), ec);
  }
  created = sectionRel + "/" + stem + ".toml";
  rescan();
  return {};
}

std::string EditorModel::move(const std::string& relative, int delta, std::string& movedTo) {
  // Siblings: sections, or the items of one section.
  std::vector<std::pair<std::string, int>> siblings; // relative, number
  bool isSection = false;
  for (const auto& s : m_tree) {
    if (s.relative == relative) isSection = true;
  }
  if (isSection) {
    for (const auto& s : m_tree) siblings.push_back({s.relative, s.number});
  } else {
    const EditorSection* s = section(fs::path(relative).parent_path().generic_string());
    if (!s) return relative + " is not an item or a section";
    for (const auto& i : s->items) siblings.push_back({i.relative, i.number});
  }
  size_t at = 0;
  while (at < siblings.size() && siblings[at].first != relative) ++at;
  if (at == siblings.size()) return relative + " is not in the list";
  const long other = static_cast<long>(at) + delta;
  if (other < 0 || other >= static_cast<long>(siblings.size())) return "it is already " + std::string(delta < 0 ? "first" : "last");
  if (!dirtyFiles().empty()) return "save your changes first: moving renames files";
  // New numbers: the list as it will be, numbered 1, 2, 3... where numbers are missing or equal.
  std::vector<std::pair<std::string, int>> order = siblings;
  std::swap(order[at], order[static_cast<size_t>(other)]);
  std::vector<int> numbers;
  for (const auto& o : siblings) numbers.push_back(o.second);
  std::sort(numbers.begin(), numbers.end());
  bool distinct = std::adjacent_find(numbers.begin(), numbers.end()) == numbers.end() && numbers.front() > 0;
  std::vector<std::pair<fs::path, fs::path>> renames; // whole files or folders
  for (size_t i = 0; i < order.size(); ++i) {
    const int want = distinct ? numbers[i] : static_cast<int>(i) + 1;
    const fs::path from = m_root / order[i].first;
    const std::string name = isSection ? from.filename().string() : from.stem().string();
    const auto [n, id] = splitNumber(name);
    if (n == want) continue;
    const std::string newName = twoDigits(want) + "-" + id;
    if (isSection) renames.push_back({from, from.parent_path() / newName});
    else {
      renames.push_back({from, from.parent_path() / (newName + ".toml")});
      std::error_code ec;
      for (fs::directory_iterator it(from.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string f = it->path().filename().string();
        if (f.rfind(name + ".", 0) == 0 && it->path().extension() == ".md")
          renames.push_back({it->path(), from.parent_path() / (newName + "." + f.substr(name.size() + 1))});
      }
    }
  }
  // Two steps through temporary names, so swapping 01 and 02 never meets an existing name.
  std::error_code ec;
  std::vector<std::pair<fs::path, fs::path>> done;
  for (auto& [from, to] : renames) {
    const fs::path temp = from.parent_path() / (".moving-" + from.filename().string());
    fs::rename(from, temp, ec);
    if (ec) break;
    done.push_back({temp, to});
  }
  for (auto& [temp, to] : done) fs::rename(temp, to, ec);
  rescan();
  // Where the moved one is now.
  const std::string name = fs::path(relative).filename().string();
  const auto [n, id] = splitNumber(isSection ? name : fs::path(relative).stem().string());
  for (const auto& s : m_tree) {
    if (isSection && s.id == id) movedTo = s.relative;
    if (!isSection && s.relative == fs::path(relative).parent_path().generic_string())
      for (const auto& i : s.items)
        if (i.id == id) movedTo = i.relative;
  }
  return ec ? "a file could not be renamed: " + ec.message() : std::string();
}

std::string EditorModel::setHidden(const std::string& relative, bool hidden) {
  const std::string file = section(relative) ? relative + "/section.toml" : relative;
  std::string e = hidden ? setValue(file, {"hidden"}, "true") : removeKey(file, {"hidden"});
  if (!e.empty() && !hidden) e = setValue(file, {"hidden"}, "false");
  return e;
}

std::string EditorModel::trash(const std::string& relative) {
  const bool isSection = section(relative) != nullptr;
  for (const auto& d : dirtyFiles())
    if (d.rfind(isSection ? relative + "/" : relative, 0) == 0) m_docs.erase(d); // its unsaved changes go with it
  const fs::path bin = m_root / ".trash" / timestamp("%Y%m%d-%H%M%S");
  std::error_code ec;
  std::vector<std::pair<fs::path, fs::path>> moves;
  const fs::path from = m_root / relative;
  moves.push_back({from, bin / relative});
  if (!isSection) {
    const std::string stem = from.stem().string();
    for (fs::directory_iterator it(from.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
      const std::string f = it->path().filename().string();
      if (f.rfind(stem + ".", 0) == 0 && it->path().extension() == ".md")
        moves.push_back({it->path(), bin / fs::path(relative).parent_path() / f});
    }
  }
  for (auto& [a, b] : moves) {
    fs::create_directories(b.parent_path(), ec);
    fs::rename(a, b, ec);
    if (ec) return "could not move " + a.filename().string() + " to the trash: " + ec.message();
  }
  m_docs.erase(relative);
  rescan();
  return {};
}

std::vector<TrashEntry> EditorModel::trashed() const {
  std::vector<TrashEntry> out;
  std::error_code ec;
  for (fs::directory_iterator when(m_root / ".trash", ec), end; !ec && when != end; when.increment(ec)) {
    const std::string stamp = when->path().filename().string();
    std::error_code ec2;
    for (fs::recursive_directory_iterator it(when->path() / "sections", ec2), e2; !ec2 && it != e2; it.increment(ec2)) {
      const fs::path rel = fs::relative(it->path(), when->path(), ec2);
      const std::string relText = rel.generic_string();
      // A whole section (its folder with its section.toml), or one item's file.
      const bool sectionFolder = it->is_directory(ec2) && std::count(relText.begin(), relText.end(), '/') == 1 &&
                                 fs::exists(it->path() / "section.toml", ec2);
      const bool itemFile = it->path().extension() == ".toml" && it->path().filename() != "section.toml";
      if (!sectionFolder && !itemFile) continue;
      TrashEntry t;
      t.relative = ".trash/" + stamp + "/" + relText;
      t.original = relText;
      t.when = stamp.size() == 15 ? stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + " " +
                                        stamp.substr(9, 2) + ":" + stamp.substr(11, 2) + ":" + stamp.substr(13, 2)
                                  : stamp;
      out.push_back(std::move(t));
      if (sectionFolder) it.disable_recursion_pending();
    }
  }
  std::sort(out.begin(), out.end(), [](const TrashEntry& a, const TrashEntry& b) { return a.relative > b.relative; });
  return out;
}

std::string EditorModel::restore(const TrashEntry& entry) {
  std::error_code ec;
  const fs::path from = m_root / entry.relative;
  const fs::path to = m_root / entry.original;
  if (fs::exists(to, ec)) return entry.original + " exists again; rename it or the one in .trash first";
  if (!fs::exists(to.parent_path(), ec)) return "its section " + to.parent_path().filename().string() + " is not there any more; put the section back first";
  std::vector<std::pair<fs::path, fs::path>> moves{{from, to}};
  if (!fs::is_directory(from, ec)) {
    const std::string stem = from.stem().string();
    for (fs::directory_iterator it(from.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
      const std::string f = it->path().filename().string();
      if (f.rfind(stem + ".", 0) == 0 && it->path().extension() == ".md") moves.push_back({it->path(), to.parent_path() / f});
    }
  }
  for (auto& [a, b] : moves) {
    fs::rename(a, b, ec);
    if (ec) return "could not put " + a.filename().string() + " back: " + ec.message();
  }
  rescan();
  return {};
}

PictureCheck EditorModel::checkPicture(const fs::path& source) const {
  PictureCheck c;
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) {
    c.problem = source.filename().string() + " is not a file that can be added (a folder, or gone)";
    return c;
  }
  c.bytes = fs::file_size(source, ec);
  const std::string ext = lower(source.extension().string());
  if (isVideoPath(source)) {
    c.ok = c.film = true;
    return c;
  }
  if (ext == ".heic" || ext == ".heif" || ext == ".avif" || ext == ".webp" || ext == ".tif" || ext == ".tiff" ||
      ext == ".cr2" || ext == ".nef" || ext == ".arw" || ext == ".dng" || ext == ".raw" || ext == ".psd") {
    c.problem = source.filename().string() + " is a " + ext.substr(1) +
                " file, which the kiosk cannot show: open it in a photo program and save (export) it as JPEG, then add the JPEG";
    return c;
  }
  if (ext != ".jpg" && ext != ".jpeg" && ext != ".png") {
    c.problem = source.filename().string() + " is not a picture or film the kiosk shows: add JPEG or PNG pictures, or MP4, MOV, MKV or WebM films";
    return c;
  }
  const auto size = readPictureSize(source);
  if (!size) {
    c.problem = source.filename().string() + " is not a readable picture (damaged, or not really " + ext.substr(1) + "); open it in a photo program and save it again";
    return c;
  }
  c.width = size->width;
  c.height = size->height;
  c.ok = true;
  // Larger than a 4K screen needs, or heavy: the screens show at most 3840 x 2160.
  c.tooLarge = ext != ".png" && (c.width > 3840 * 5 / 4 || c.height > 3840 * 5 / 4 || c.bytes > 12u * 1024 * 1024);
  return c;
}

std::string EditorModel::addPicture(const std::string& itemRelative, const fs::path& source, bool smaller, std::string& stored) {
  const PictureCheck check = checkPicture(source);
  if (!check.ok) return check.problem;
  const fs::path images = (m_root / itemRelative).parent_path() / "images";
  std::error_code ec;
  fs::create_directories(images, ec);
  std::string name = safeFileName(source.filename().string());
  if (smaller) name = fs::path(name).stem().string() + ".jpg";
  const std::string stem = fs::path(name).stem().string(), ext = fs::path(name).extension().string();
  for (int k = 2; fs::exists(images / name, ec); ++k) name = stem + "-" + std::to_string(k) + ext;
  const fs::path to = images / name;
  if (smaller && !check.film) {
    media::DecodeLimits limits;
    const auto decoded = media::decodeImageFile(source, media::DisplaySize{3840, 2160}, limits);
    if (!decoded.ok()) return source.filename().string() + " could not be read to make it smaller: " + decoded.error;
    std::string error;
    if (!media::writeJpeg(to, decoded.image, 90, error)) return error;
  } else {
    const fs::path temp = images / ("." + name + ".part");
    fs::copy_file(source, temp, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(temp, to, ec);
    if (ec) {
      fs::remove(temp, ec);
      return "could not copy " + source.filename().string() + " into " + images.filename().string() + "/: " + ec.message();
    }
  }
  stored = "images/" + name;
  const std::string block = "[[images]]\nfile = " + tomledit::quote(stored) + "\n";
  if (auto e = appendTable(itemRelative, {"images"}, block); !e.empty()) {
    fs::remove(to, ec);
    return e;
  }
  return {};
}

std::pair<int, int> EditorModel::pictureSize(const std::string& itemRelative, const std::string& picture) const {
  const auto size = readPictureSize((m_root / itemRelative).parent_path() / picture);
  return size ? std::pair{size->width, size->height} : std::pair{0, 0};
}

std::string EditorModel::setMapPicture(const std::string& itemRelative, const std::string& picture) {
  if (isVideoPath(picture)) return "a film cannot be a map; choose a picture";
  return setString(itemRelative, {"map", "image"}, picture);
}

std::string EditorModel::addMapPoint(const std::string& itemRelative, int x, int y, const std::string& label) {
  const auto lang = defaultLanguage();
  const bool bare = std::all_of(lang.begin(), lang.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
  const std::string key = bare ? lang : tomledit::quote(lang);
  const std::string block = "[[map.points]]\nx = " + std::to_string(x) + "\ny = " + std::to_string(y) +
                            "\n[map.points.label]\n" + key + " = " + tomledit::quote(label) + "\n[map.points.text]\n" + key +
                            " = " + tomledit::quote(label) + "\n";
  return appendTable(itemRelative, {"map", "points"}, block);
}

void EditorModel::writePreview() {
  if (m_preview.empty()) return;
  std::error_code ec;
  fs::create_directories(m_preview, ec);
  std::set<std::string> seen;
  for (fs::recursive_directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (ignoredName(name)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    const std::string rel = fs::relative(it->path(), m_root, ec).generic_string();
    seen.insert(rel);
    const fs::path to = m_preview / rel;
    if (it->is_directory(ec)) {
      fs::create_directories(to, ec);
      continue;
    }
    if (const auto* d = find(rel)) {
      bool ok = false;
      if (readFile(to, ok) != d->text || !ok) writeFileAtomically(to, d->text);
      continue;
    }
    const auto size = it->file_size(ec);
    const auto time = it->last_write_time(ec);
    auto prev = m_previewed.find(rel);
    if (prev != m_previewed.end() && prev->second.first == size && prev->second.second == time && fs::exists(to, ec)) continue;
    fs::remove(to, ec);
    fs::create_hard_link(it->path(), to, ec); // pictures and films: no copy where the disk allows
    if (ec) fs::copy_file(it->path(), to, fs::copy_options::overwrite_existing, ec);
    m_previewed[rel] = {size, time};
  }
  // What is gone from the content (moved, trashed) goes from the preview too.
  std::vector<fs::path> stale;
  for (fs::recursive_directory_iterator it(m_preview, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string rel = fs::relative(it->path(), m_preview, ec).generic_string();
    if (!seen.count(rel) && !ignoredName(it->path().filename().string())) {
      stale.push_back(it->path());
      if (it->is_directory(ec)) it.disable_recursion_pending();
    }
  }
  for (const auto& p : stale) {
    fs::remove_all(p, ec);
    m_previewed.erase(fs::relative(p, m_preview, ec).generic_string());
  }
}

} // namespace kiosk::app
