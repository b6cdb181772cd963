#pragma once
#include <string>
#include <string_view>

namespace kiosk {

// True when `tag` is a well-formed BCP 47 language tag ("zh-Hans", "en", "sr-Latn-RS"), as ICU
// parses it: every character consumed, no bad subtag. "english", "zh_CN" and "" are not.
bool isWellFormedLanguageTag(std::string_view tag);

// The tag in BCP 47's conventional case, so that "zh-hans", "ZH-HANS" and "zh-Hans" (all the same
// tag: case carries no meaning in BCP 47) are one language to the kiosk: language and variants in
// lower case, a four-letter script in title case, a two-letter region in upper case. Anything not
// well-formed comes back unchanged (and is reported as it was written).
std::string canonicalLanguageTag(std::string_view tag);

// Which digits numbers, dates and times are written with (kiosk.toml's `digits`).
enum class Digits {
  Locale, // the language's own custom (CLDR): Arabic-Indic ٠١٢ in ar and ar-EG, 0-9 in ar-AE, th, zh...
  Latin,  // 0-9 in every language
  Native, // the digits of the language's own script where it has them: ٠١٢ in Arabic, ๐๑๒ in Thai;
          // 0-9 in Chinese and Japanese, whose 〇一二 are not how signs write dates and counts
};

// The locale, as a BCP 47 tag for ICU, that numbers, dates and times in `language` are written
// in: the language with `digits` applied (-u-nu-latn, -u-nu-thai...), and the Buddhist Era in
// Thai (-u-ca-buddhist: 2569 for 2026, as Thai readers expect whether or not the tag names
// Thailand). Keywords the tag already carries ("ar-u-nu-latn", "th-u-ca-gregory") are kept.
std::string formattingLocale(const std::string& language, Digits digits);

} // namespace kiosk
