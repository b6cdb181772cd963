#pragma once
#include <string>

namespace kiosk::text {

// The name of a language in that language, from ICU's data: "zh-Hans" -> "中文（简体）",
// "en" -> "English", "ru" -> "Русский". Falls back to the tag itself.
std::string nativeLanguageName(const std::string& languageTag);

} // namespace kiosk::text
