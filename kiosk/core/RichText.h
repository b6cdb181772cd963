#pragma once
// Body text with light formatting, parsed from Markdown with md4c: paragraphs, headings, bullet
// and numbered lists, and bold. Parsed once, on the loading worker; the screens only draw it.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct RichBlock {
  enum class Kind { Paragraph, Heading, Bullet, Numbered };
  Kind kind = Kind::Paragraph;
  int level = 1;   // heading level 1-6, or list nesting depth from 1
  int number = 0;  // Numbered: the item's number
  std::string text; // UTF-8; soft line breaks are spaces, hard ones '\n'
  struct Span {
    size_t begin = 0; // byte range of `text` drawn bold
    size_t end = 0;
  };
  std::vector<Span> strong;
};

using RichText = std::vector<RichBlock>;

// Parses Markdown. Constructs the kiosk does not draw (links, images, code, tables, HTML) are
// kept as plain text or dropped, and each kind is named once in `unsupported` for staff.
RichText parseMarkdown(std::string_view markdown, std::vector<std::string>* unsupported = nullptr);

} // namespace kiosk
