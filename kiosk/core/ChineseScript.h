#pragma once
// Simplified and Traditional Chinese: a missing zh-Hant text can be made from the zh-Hans one
// with ICU's Hans-Hant transliterator (沈阳 -> 瀋陽), and a missing zh-Hans one from zh-Hant
// with Hant-Hans (瀋陽 -> 沈阳), each marked as machine-converted for staff.
#include <string>
#include <string_view>

namespace kiosk {

// The text in Traditional characters. Thread-safe (one transliterator per thread).
std::string hansToHant(std::string_view simplified);
// The text in Simplified characters. Thread-safe (one transliterator per thread).
std::string hantToHans(std::string_view traditional);

} // namespace kiosk
