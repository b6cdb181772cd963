#pragma once
// The files a translator's tool reads and writes: XLIFF 2.0 (OASIS, for CAT tools such as
// memoQ, Trados, OmegaT) and gettext PO (Weblate, Poedit). Writers and readers of the subset the
// kiosk exports; the readers take what the tools write back (any order, extra notes and
// attributes, several segments per unit, wrapped PO strings) and refuse what they cannot be sure
// of with the line it is on. XLIFF is read with libxml2 (no network, no external entities).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::translations {

struct ExchangeUnit {
  std::string id;                     // "sections/03-x/01-y.toml#images.0.caption"
  std::string source;                 // in the source language
  std::optional<std::string> target;  // the translation (none: not translated)
  std::string sourceFingerprint;      // of the source when exported
  std::string targetFingerprint;      // of the folder's translation when exported ("none": there was none)
  bool needsReview = false;           // PO "fuzzy", XLIFF state="initial" with a target: not to be imported
  std::string location;               // "sections/03-x/01-y.toml:12": where the text is, for the translator
  std::string note;                   // what the text is, for the translator ("caption of picture 1")
  int line = 0;                       // where the unit is in the exchange file (reading only)
};

struct ExchangeFile {
  std::string sourceLanguage;
  std::string targetLanguage;
  std::vector<ExchangeUnit> units;
};

std::string writeXliff(const ExchangeFile& file);
std::string writePo(const ExchangeFile& file);

// nullopt with `error` ("line 12: ...") when the file is not one the kiosk can read.
std::optional<ExchangeFile> readXliff(std::string_view text, std::string& error);
std::optional<ExchangeFile> readPo(std::string_view text, std::string& error);
// Either, by its first characters ('<' is XLIFF).
std::optional<ExchangeFile> readExchangeFile(std::string_view text, std::string& error);

// A PO string literal's body for `s` ("a \"b\"\n" written as a "\"b\\\"\\n\""-style escape), and back.
std::string poEscape(std::string_view s);

} // namespace kiosk::translations
