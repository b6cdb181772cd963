#pragma once
#include <string_view>

namespace kiosk {

// True when `tag` is a well-formed BCP 47 language tag ("zh-Hans", "en", "sr-Latn-RS"), as ICU
// parses it: every character consumed, no bad subtag. "english", "zh_CN" and "" are not.
bool isWellFormedLanguageTag(std::string_view tag);

} // namespace kiosk
