#pragma once
// UTF-8 to code points and back, for callers across the modules that want a vector of char32_t
// (the text module uses ICU directly for anything linguistic). ICU's U8_NEXT and U8_APPEND do
// the work (see Utf8.cpp); its headers stay out of this one.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::utf8 {

// Decodes UTF-8 into code points. Returns false (and stops) at the first ill-formed sequence,
// setting *badOffset to the byte offset where it starts when given. Overlong forms, surrogates
// and values past U+10FFFF are ill-formed.
bool decode(std::string_view text, std::vector<char32_t>& out, size_t* badOffset = nullptr);

// True when `text` is well-formed UTF-8; otherwise *badOffset is the first bad byte.
bool isValid(std::string_view text, size_t* badOffset = nullptr);

// Appends the UTF-8 encoding of one code point; U+FFFD for a surrogate or a value past U+10FFFF,
// which have none.
void append(std::string& out, char32_t codePoint);

} // namespace kiosk::utf8
