#pragma once
// Which espeak-ng voice speaks a language: BCP 47 tags ("zh-Hans", "en-GB", "pt-BR") mapped to
// the voices installed (`espeak-ng --voices`). Pure functions: testable without the engine.
#include <set>
#include <string>

namespace kiosk::speech {

// The espeak-ng voice name for `languageTag` among `available` (the lower-case language names
// the installed voices speak, e.g. "cmn", "en", "en-us", "yue"), or "" when none does.
// Chinese: Mandarin ("cmn") for zh, zh-Hans, zh-Hant and zh-CN/TW/SG; Cantonese ("yue") for
// zh-HK, zh-MO, zh-Hant-HK and yue. Otherwise the whole tag ("pt-br", "en-us"), then language
// and region, then the primary subtag alone.
std::string voiceFor(const std::string& languageTag, const std::set<std::string>& available);

// The voice that reads a language without its own, as best it can: Mongolian (Cyrillic) with
// the Russian voice, anything else with English. Never "".
std::string standInVoiceFor(const std::string& languageTag, const std::set<std::string>& available);

// The primary subtag, lower case ("zh-Hant-HK" -> "zh").
std::string primaryLanguage(const std::string& languageTag);

} // namespace kiosk::speech
