#include "app/Translations.h"

#include "core/LanguageTag.h"
#include "core/TomlEdit.h"
#include "core/TranslationFiles.h"
#include "core/TranslationUnits.h"
#include "core/Utf8.h"
#include "text/LanguageNames.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <fstream>
#include <map>
#include <sstream>

namespace kiosk::app {
namespace fs = std::filesystem;
using namespace kiosk::translations;

namespace {

// What a key is, for the translator ("caption of picture 2").
std::string describe(const Text& t) {
  const auto& k = t.key;
  auto number = [](const std::string& index) { return std::to_string(std::stoul(index) + 1); };
  if (k.size() == 2 && k[0] == "kiosk" && k[1] == "name") return "the venue's name, in the top bar";
  if (k.size() == 2 && k[0] == "kiosk" && k[1] == "tagline") return "the line under the venue's name on the attract loop";
  if (k.back() == "link_title") return "what the page behind the QR code is (a phone opens it)";
  if (k.size() == 1 && k[0] == "title") return t.file.size() > 13 && t.file.ends_with("/section.toml") ? "a section's title" : "an item's title";
  if (k.size() == 1 && k[0] == "subtitle") return "a section's subtitle";
  if (k.size() == 1 && k[0] == "summary") return "one sentence on the item's card";
  if (k.size() == 1 && k[0] == "body")
    return "the item's text, in Markdown: keep the blank lines between paragraphs, **bold**, \"- \" lists and \"## \" headings";
  if (k.size() == 3 && k[0] == "images") return "the caption of picture " + number(k[1]);
  if (k.size() == 2 && k[0] == "map") return "the line under the map";
  if (k.size() == 4 && k[0] == "map" && k[3] == "label") return "the short name of map point " + number(k[2]);
  if (k.size() == 4 && k[0] == "map" && k[3] == "text") return "the text in the bubble of map point " + number(k[2]);
  return t.keyString();
}

std::string languageName(const std::string& tag) { return text::languageNameIn(tag, "en"); }

// Text an exchange file can carry and a translator's tool keep: well-formed UTF-8 without
// control characters (which the kiosk refuses in texts anyway).
bool exchangeable(const std::string& s) {
  if (!utf8::isValid(s)) return false;
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) return false;
  return true;
}

std::optional<std::string> readWhole(const fs::path& p, std::uintmax_t limit, std::string& why) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) {
    why = "cannot be read (" + ec.message() + ")";
    return std::nullopt;
  }
  if (size > limit) {
    why = "is too large (" + std::to_string(size) + " bytes)";
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) {
    why = "cannot be read";
    return std::nullopt;
  }
  return s.str();
}

// Writes through a temporary file beside it and a rename: a reader (the running kiosk) sees the
// old file or the new one, never half of it. Keeps the old file's permissions.
bool writeAtomically(const fs::path& p, const std::string& text, std::string& why) {
  const fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".kiosk-new");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      why = "cannot be written";
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  if (fs::exists(p, ec)) fs::permissions(tmp, fs::status(p, ec).permissions(), ec);
  fs::rename(tmp, p, ec);
  if (ec) {
    why = "cannot be replaced (" + ec.message() + ")";
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

std::string at(const std::string& dir, const std::string& file, int line) {
  return (fs::path(dir) / file).generic_string() + (line > 0 ? ":" + std::to_string(line) : std::string());
}

} // namespace

int exportTranslations(const std::string& dir, const std::string& language, const std::string& format,
                       const std::string& output, std::ostream& out, std::ostream& err) {
  if (!isWellFormedLanguageTag(language)) {
    err << "kiosk: '" << language << "' is not a language tag; write it as in kiosk.toml's languages, like ja or zh-Hant\n";
    return 2;
  }
  std::string error;
  const auto folder = readFolder(dir, error);
  if (!folder) {
    err << "kiosk: " << error << "\n";
    return 2;
  }
  for (const auto& p : folder->problems) err << "kiosk: " << (fs::path(dir) / p).generic_string() << " (its texts are left out)\n";
  const std::string target = canonicalLanguageTag(language);
  const std::string source = sourceLanguageFor(target, *folder);
  if (source.empty()) {
    err << "kiosk: the kiosk offers no language besides " << target << " to translate from; add one to languages in kiosk.toml\n";
    return 2;
  }
  auto lock = readLock(dir, error);
  if (!lock) {
    err << "kiosk: " << (fs::path(dir) / error).generic_string() << "\n";
    return 2;
  }
  ExchangeFile file;
  file.sourceLanguage = source;
  file.targetLanguage = target;
  size_t translated = 0, open = 0, stale = 0, noSource = 0;
  for (const auto& t : folder->texts) {
    const auto s = t.byLanguage.find(source);
    if (s == t.byLanguage.end() || s->second.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      if (!t.byLanguage.empty()) ++noSource;
      continue;
    }
    const auto tr = t.byLanguage.find(target);
    if (!exchangeable(s->second.text) || (tr != t.byLanguage.end() && !exchangeable(tr->second.text))) {
      err << "kiosk: " << at(dir, s->second.file, s->second.line)
          << ": this text has a control character or is not UTF-8, so it is left out; kiosk validate names it\n";
      continue;
    }
    ExchangeUnit u;
    u.id = t.id();
    u.source = s->second.text;
    u.sourceFingerprint = fingerprint(u.source);
    u.targetFingerprint = std::string(kNoText);
    u.note = describe(t);
    u.location = s->second.file + ":" + std::to_string(s->second.line);
    if (tr != t.byLanguage.end()) {
      u.target = tr->second.text;
      u.targetFingerprint = fingerprint(tr->second.text);
      // Made from another source text than today's: the translator is asked to look again.
      const auto f = lock->entries.find(t.file);
      if (f != lock->entries.end()) {
        const auto k = f->second.find(t.keyString());
        if (k != f->second.end()) {
          const auto l = k->second.find(target);
          if (l != k->second.end() && l->second != source + ":" + u.sourceFingerprint) u.needsReview = true;
        }
      }
      ++(u.needsReview ? stale : translated);
    } else {
      ++open;
    }
    file.units.push_back(std::move(u));
  }
  const std::string text = format == "po" ? writePo(file) : writeXliff(file);
  if (output.empty()) {
    out << text;
  } else {
    std::string why;
    if (!writeAtomically(output, text, why)) {
      err << "kiosk: " << output << " " << why << "\n";
      return 2;
    }
  }
  err << "kiosk: " << file.units.size() << " texts to translate from " << languageName(source) << " (" << source << ") into "
      << languageName(target) << " (" << target << "): " << translated << " translated, " << stale
      << " out of date (marked for review), " << open << " not translated yet";
  if (!output.empty()) err << "; written to " << output;
  err << "\n";
  if (noSource)
    err << "kiosk: " << noSource << " texts have no " << languageName(source) << " text and are left out; write them in "
        << source << " first\n";
  if (std::find(folder->languages.begin(), folder->languages.end(), target) == folder->languages.end())
    err << "kiosk: " << target << " is not in languages in kiosk.toml yet; add it there once the translation is in\n";
  return 0;
}

int importTranslations(const std::string& fileName, const std::string& dir, std::ostream& out) {
  std::string why;
  const auto raw = readWhole(fileName, 64u << 20, why);
  if (!raw) {
    out << "kiosk: " << fileName << " " << why << "\n";
    return 2;
  }
  std::string error;
  const auto ex = readExchangeFile(*raw, error);
  if (!ex) {
    out << fileName << ": " << error << "\n";
    out << "kiosk: nothing was imported\n";
    return 2;
  }
  const auto folder = readFolder(dir, error);
  if (!folder) {
    out << "kiosk: " << error << "\n";
    return 2;
  }
  auto lock = readLock(dir, error);
  if (!lock) {
    out << "kiosk: " << (fs::path(dir) / error).generic_string() << "\n";
    return 2;
  }
  const std::string target = ex->targetLanguage;
  const std::string source = ex->sourceLanguage.empty() ? sourceLanguageFor(target, *folder) : ex->sourceLanguage;
  if (source == target) {
    out << fileName << ": its source and its translation are both " << target << "; nothing was imported\n";
    return 2;
  }
  const std::string sourceName = languageName(source), targetName = languageName(target);

  std::vector<std::string> problems;
  size_t written = 0, unchanged = 0, untranslated = 0, review = 0;
  struct Edit {
    tomledit::Path path;
    std::string value;
    const Text* text = nullptr;
    int line = 0;
    std::string sourceFingerprint;
  };
  std::map<std::string, std::vector<Edit>> tomlEdits;           // .toml file -> edits in order
  std::map<std::string, std::pair<std::string, Edit>> mdWrites; // .md file -> its new text
  std::set<std::string> seen;
  bool firstImport = true; // the lock records nothing of this language yet
  for (const auto& [file, keys] : lock->entries)
    for (const auto& [key, langs] : keys)
      if (langs.count(target)) firstImport = false;
  for (const auto& u : ex->units) {
    const std::string where = fileName + ":" + std::to_string(u.line);
    const Text* t = folder->find(u.id);
    if (!t) {
      problems.push_back(where + ": '" + u.id +
                         "' is not a text of the content any more (renamed or removed since the export); it is left out");
      continue;
    }
    if (!seen.insert(u.id).second) {
      problems.push_back(where + ": '" + u.id + "' is in the file twice; only the first is taken");
      continue;
    }
    if (!u.target || u.target->empty()) {
      ++untranslated;
      continue;
    }
    if (u.needsReview) {
      ++review;
      continue;
    }
    const auto s = t->byLanguage.find(source);
    const auto tr = t->byLanguage.find(target);
    const int sourceLine = s != t->byLanguage.end() ? s->second.line : t->line;
    const std::string sourceFile = s != t->byLanguage.end() ? s->second.file : t->file;
    const std::string currentSource = s != t->byLanguage.end() ? fingerprint(s->second.text) : std::string(kNoText);
    if (u.sourceFingerprint.empty() || u.targetFingerprint.empty()) {
      problems.push_back(at(dir, sourceFile, sourceLine) + ": conflict: the " + targetName + " translation of '" + t->keyString() +
                         "' in " + where + " has lost its kiosk fingerprints, so it cannot be told whether it is current; "
                         "it is not written (export " + target + " again, and keep the notes the file has)");
      continue;
    }
    if (currentSource != u.sourceFingerprint) {
      problems.push_back(at(dir, sourceFile, sourceLine) + ": conflict: the " + sourceName + " text of '" + t->keyString() +
                         "' changed since the export, so the " + targetName + " translation of the old text is not written; "
                         "export " + target + " again and translate the new text");
      continue;
    }
    if (tr != t->byLanguage.end() && tr->second.text == *u.target) {
      // Seen by the translator with today's source and kept: refresh what the lock says of it.
      // A translation the lock has never recorded is recorded the first time a language is
      // imported (the translations it already has are the start), never for the default
      // language (the original the others are made from); so an unchanged import of a
      // language already recorded changes no file at all.
      ++unchanged;
      const auto f = lock->entries.find(t->file);
      const bool known = f != lock->entries.end() && f->second.count(t->keyString()) &&
                         f->second.at(t->keyString()).count(target);
      if (known || (firstImport && target != folder->defaultLanguage)) lock->set(t->file, t->keyString(), target, source, currentSource);
      continue;
    }
    const std::string currentTarget = tr != t->byLanguage.end() ? fingerprint(tr->second.text) : std::string(kNoText);
    if (currentTarget != u.targetFingerprint) {
      problems.push_back(at(dir, tr != t->byLanguage.end() ? tr->second.file : t->file,
                            tr != t->byLanguage.end() ? tr->second.line : t->line) +
                         ": conflict: the " + targetName + " text of '" + t->keyString() +
                         "' was changed here after the export, so the translator's text (" + where +
                         ") is not written over it; compare the two and keep one by hand");
      continue;
    }
    Edit e{{}, *u.target, t, tr != t->byLanguage.end() ? tr->second.line : t->line, currentSource};
    // In a NAME.LANG.md file of its own (never the item file: a body written `body = "..."` has no key either).
    const bool inMarkdown = tr != t->byLanguage.end() && tr->second.file != t->file;
    if (t->isBody && (tr == t->byLanguage.end() || inMarkdown)) {
      // A body: in its own NAME.LANG.md file, the one it is in or a new one beside the item file.
      std::string md;
      if (tr != t->byLanguage.end()) {
        md = tr->second.file;
      } else {
        const fs::path item(t->file);
        md = (item.parent_path() / (item.stem().string() + "." + target + ".md")).generic_string();
      }
      mdWrites[md] = {*u.target, e};
      continue;
    }
    if (t->plainString) {
      problems.push_back(at(dir, t->file, t->line) + ": '" + t->keyString() +
                         "' is written without languages (" + t->keyString() + " = \"...\"), so no " + targetName +
                         " text can be added beside it; write it as a table of languages ([" + t->keyString() + "] with " +
                         folder->defaultLanguage + " = \"...\") and import again");
      continue;
    }
    e.path = t->key;
    e.path.push_back(tr != t->byLanguage.end() ? tr->second.key : target);
    tomlEdits[t->file].push_back(std::move(e));
  }

  std::set<std::string> changedFiles;
  for (auto& [file, edits] : tomlEdits) {
    const fs::path p = fs::path(dir) / file;
    const auto before = readWhole(p, 1u << 20, why);
    if (!before) {
      problems.push_back(at(dir, file, 0) + " " + why + "; its translations are not written");
      continue;
    }
    std::string text = *before;
    std::vector<const Edit*> done;
    for (const auto& e : edits) {
      const auto r = tomledit::setString(text, e.path, e.value);
      if (!r.ok()) {
        problems.push_back(at(dir, file, e.line) + ": the " + targetName + " text of '" + e.text->keyString() +
                           "' is not written: " + r.error);
        continue;
      }
      text = r.text;
      done.push_back(&e);
    }
    if (text == *before) continue;
    if (!writeAtomically(p, text, why)) {
      problems.push_back(at(dir, file, 0) + " " + why + "; its translations are not written");
      continue;
    }
    changedFiles.insert(file);
    for (const Edit* e : done) {
      ++written;
      lock->set(e->text->file, e->text->keyString(), target, source, e->sourceFingerprint);
    }
  }
  for (const auto& [file, what] : mdWrites) {
    const auto& [text, e] = what;
    if (!writeAtomically(fs::path(dir) / file, text, why)) {
      problems.push_back(at(dir, file, 0) + " " + why + "; this translation is not written");
      continue;
    }
    changedFiles.insert(file);
    ++written;
    lock->set(e.text->file, e.text->keyString(), target, source, e.sourceFingerprint);
  }
  // The lock changes only when what it records does: an unchanged import leaves it byte for byte.
  const std::string newLock = lockText(*lock);
  const fs::path lockPath = fs::path(dir) / kLockFileName;
  const auto oldLock = readWhole(lockPath, 16u << 20, why);
  bool lockEmpty = lock->entries.empty();
  if ((!oldLock && !lockEmpty) || (oldLock && *oldLock != newLock)) {
    if (!writeAtomically(lockPath, newLock, why))
      problems.push_back(lockPath.generic_string() + " " + why + "; report translations cannot say which translations are current");
  }

  for (const auto& p : problems) out << p << "\n";
  out << "kiosk: " << targetName << " (" << target << ") from " << fileName << ": " << written
      << (written == 1 ? " translation written" : " translations written");
  if (!changedFiles.empty()) out << " in " << changedFiles.size() << (changedFiles.size() == 1 ? " file" : " files");
  out << ", " << unchanged << " unchanged, " << untranslated << " not translated, " << review << " still marked for review, "
      << problems.size() << " not taken" << "\n";
  if (written) out << "kiosk: check the result with: kiosk validate " << dir << "\n";
  return problems.empty() ? 0 : 1;
}

size_t reportStaleTranslations(const std::string& dir, std::ostream& out) {
  std::string error;
  const auto folder = readFolder(dir, error);
  if (!folder) return 0;
  const auto lock = readLock(dir, error);
  if (!lock) {
    out << "\n" << (fs::path(dir) / error).generic_string() << "\n";
    return 0;
  }
  const auto stale = staleTranslations(*folder, *lock);
  std::map<std::string, std::vector<const Stale*>> byLanguage;
  for (const auto& s : stale) byLanguage[s.language].push_back(&s);
  for (const auto& lang : folder->languages) {
    const auto it = byLanguage.find(lang);
    if (it == byLanguage.end()) continue;
    out << "\nout of date in " << lang << " (" << it->second.size() << "; export " << lang
        << " for a translator: kiosk translations export " << dir << " " << lang << "):\n";
    for (const Stale* s : it->second)
      out << "  " << at(dir, s->file, s->line) << ": " << s->key << ": out of date: the " << languageName(s->sourceLanguage)
          << " text changed since this was translated\n";
    byLanguage.erase(it);
  }
  for (const auto& [lang, list] : byLanguage) { // languages no longer offered
    out << "\nout of date in " << lang << " (" << list.size() << "):\n";
    for (const Stale* s : list)
      out << "  " << at(dir, s->file, s->line) << ": " << s->key << ": out of date: the " << languageName(s->sourceLanguage)
          << " text changed since this was translated\n";
  }
  return stale.size();
}

} // namespace kiosk::app
