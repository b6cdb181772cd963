#pragma once
// JSON strings for what the kiosk writes as JSON (validate --json, the visit log). Text that is
// not UTF-8 (a file name from a zip made with GBK names) must not make the output invalid JSON:
// each such byte becomes U+FFFD.
#include <string>
#include <string_view>

namespace kiosk {

// Appends `raw` as a quoted JSON string: quotes, backslashes and control characters escaped.
void appendJsonString(std::string& out, std::string_view raw);
std::string jsonString(std::string_view raw);

} // namespace kiosk
