#pragma once
// Simplified and Traditional Chinese: a missing zh-Hant text can be made from the zh-Hans one
// with ICU's Hans-Hant transliterator (沈阳 -> 瀋陽), marked as machine-converted for staff.
#include <string>
#include <string_view>

namespace kiosk {

// The text in Traditional characters. Thread-safe (one transliterator per thread).
std::string hansToHant(std::string_view simplified);

} // namespace kiosk
