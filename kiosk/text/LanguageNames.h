#pragma once
#include <string>

namespace kiosk::text {

// The name of a language in that language, from ICU's data: "zh-Hans" -> "中文（简体）",
// "en" -> "English", "ru" -> "Русский". Falls back to the tag itself.
std::string nativeLanguageName(const std::string& languageTag);

// The name of a language in another, as it reads in running text, from ICU's data: "ru" in
// "en" -> "Russian", in "ja" -> "ロシア語", in "ru" -> "русский"; "zh-Hans" in "en" ->
// "Chinese (Simplified)". For saying which language a page opens in. Falls back to the tag.
std::string languageNameIn(const std::string& languageTag, const std::string& inLanguage);

} // namespace kiosk::text
