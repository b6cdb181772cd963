#pragma once
// The texts of a content folder as a translator gets them: one unit per text (a title, a
// caption, a body...), named by its file and TOML key path, with its text in the source language
// and the translation the folder has now. And translations.lock.toml, the record of which source
// text each translation was made from, so `kiosk report translations` can say which ones are out
// of date after the source changed. For `kiosk translations export|import` (app/Translations).
//
// Read straight from the files (not from the loaded Content): a unit must say exactly where its
// text is written, so that import can write a translation back in place (core/TomlEdit).
#include "core/TomlEdit.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::translations {

// The fingerprint of a text: BLAKE2b (libsodium's crypto_generichash), 128 bits, as 32 hex
// digits. Of the text's exact bytes, as the loader reads them.
std::string fingerprint(std::string_view text);
// What the exchange files and the lock write for "there was no translation".
inline constexpr std::string_view kNoText = "none";

// One text in one language as written in the folder.
struct Variant {
  std::string text;
  std::string key;  // the language key as written ("zh-hans" stays "zh-hans"); empty for a body .md file
  std::string file; // where it is: the .toml (relative to the content folder, '/'), or a body's .md file
  int line = 0;     // 1-based line of the value (1 for a .md file)
};

// A text of the content in every language it has.
struct Text {
  std::string file;     // the .toml it belongs to, relative to the content folder: "sections/03-x/01-y.toml"
  tomledit::Path key;   // {"title"}, {"images", "0", "caption"}, {"kiosk", "name"}
  std::map<std::string, Variant> byLanguage; // canonical tag -> variant
  bool plainString = false; // written `title = "..."` (the default language's): no language can be added beside it
  int line = 0;             // where the text's key is written
  bool isBody = false;      // an item's body (may live in NAME.LANG.md files)

  std::string keyString() const; // "images.0.caption"
  std::string id() const { return file + "#" + keyString(); }
};

struct Folder {
  std::string defaultLanguage = "en";
  std::vector<std::string> languages; // offered, canonical, in kiosk.toml's order
  std::vector<Text> texts;            // in content order
  std::vector<std::string> problems;  // files that could not be read ("file:line: why")
  const Text* find(const std::string& id) const;
};

// Reads every text of the folder: kiosk.toml's name, tagline and link_title; each section.toml's
// title, subtitle, cover_alt and link_title; each item's title, summary, body (also
// NAME.LANG.md), image captions and descriptions (alt), map caption and alt, point labels and
// texts, link_title. nullopt (and `error`) when
// kiosk.toml or the folder cannot be read at all.
std::optional<Folder> readFolder(const std::filesystem::path& root, std::string& error);

// The language a translator into `target` works from: the first of the kiosk's fallbacks for
// that language (the other Chinese script, English, the default language) that the kiosk
// offers: ja, ko, ru... from English; zh-Hant from zh-Hans; English from the default language.
// Empty when there is none (a single-language kiosk exporting its only language).
std::string sourceLanguageFor(const std::string& target, const Folder& folder);

// The lock: file -> key path -> language -> "SOURCE_LANGUAGE:FINGERPRINT", the source text the
// translation was made from. Kept in CONTENT/translations.lock.toml.
inline constexpr const char* kLockFileName = "translations.lock.toml";
struct Lock {
  std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> entries;
  void set(const std::string& file, const std::string& key, const std::string& language, const std::string& sourceLanguage,
           const std::string& sourceFingerprint);
};
// An absent file is an empty lock; one that does not parse is nullopt with `error`.
std::optional<Lock> readLock(const std::filesystem::path& root, std::string& error);
std::optional<Lock> parseLock(std::string_view text, std::string& error);
// The lock's text: a comment saying what it is, then one table per file, sorted (the same lock
// always gives the same bytes).
std::string lockText(const Lock& lock);

// A translation made from a source text that has changed since.
struct Stale {
  std::string file;           // where the translation is (the .toml, or a body's .md file)
  int line = 0;
  std::string textFile;       // the .toml the text belongs to
  std::string key;            // "title"
  std::string language;       // the translation's
  std::string sourceLanguage; // the language it was translated from
};
std::vector<Stale> staleTranslations(const Folder& folder, const Lock& lock);

} // namespace kiosk::translations
