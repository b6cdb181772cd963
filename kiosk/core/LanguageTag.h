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

} // namespace kiosk
