#pragma once
// `kiosk translations export` and `import`: the content's texts to a translator and back, in
// XLIFF 2.0 or PO (core/TranslationFiles), written back in place (core/TomlEdit) and never over
// a newer edit; translations.lock.toml records which source text each translation was made from
// (core/TranslationUnits), and `kiosk report translations` names those out of date.
#include <ostream>
#include <string>

namespace kiosk::app {

// Writes the texts of `dir` for a translator into `language` as `format` ("xliff" or "po") to
// `output` (empty: `out`). What was exported is summed up on `err`. 0, or 2 when the folder
// cannot be read or the file written.
int exportTranslations(const std::string& dir, const std::string& language, const std::string& format,
                       const std::string& output, std::ostream& out, std::ostream& err);

// Reads a translated XLIFF or PO file and writes each translation that changed into `dir`, in
// place. A unit whose source text, or whose translation in the folder, changed since the export
// is a conflict: named with its file:line and not written. 0 when everything was taken, 1 when
// something was not (conflicts, texts no longer there), 2 when the file cannot be read.
int importTranslations(const std::string& file, const std::string& dir, std::ostream& out);

// For `kiosk report translations`: the translations whose source text changed since they were
// made (by translations.lock.toml), per language, with file:line. Prints nothing when none are.
// Returns how many.
size_t reportStaleTranslations(const std::string& dir, std::ostream& out);

} // namespace kiosk::app
