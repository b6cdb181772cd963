#pragma once
// Small UTF-8 helpers for the core (the text module uses ICU for anything linguistic).
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::utf8 {

// Decodes UTF-8 into code points. Returns false (and stops) at the first invalid byte,
// setting *badOffset to its byte offset when given.
bool decode(std::string_view text, std::vector<char32_t>& out, size_t* badOffset = nullptr);

// True when `text` is well-formed UTF-8; otherwise *badOffset is the first bad byte.
bool isValid(std::string_view text, size_t* badOffset = nullptr);

// Appends the UTF-8 encoding of one code point.
void append(std::string& out, char32_t codePoint);

} // namespace kiosk::utf8
