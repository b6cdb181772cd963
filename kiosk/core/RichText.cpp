#include "core/RichText.h"

#include "core/Utf8.h"

#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace kiosk {
namespace {

struct Builder {
  std::string_view document; // what md4c parses: every text span it reports lies inside it
  RichText out;
  std::vector<std::string>* unsupported = nullptr;
  bool inBlock = false;
  int strongDepth = 0;
  size_t strongStart = 0;
  struct List {
    bool ordered;
    int next;
  };
  std::vector<List> lists;

  void note(const char* what) {
    if (!unsupported) return;
    if (std::find(unsupported->begin(), unsupported->end(), what) == unsupported->end()) unsupported->push_back(what);
  }
  RichBlock& open(RichBlock::Kind kind, int level) {
    out.push_back({});
    out.back().kind = kind;
    out.back().level = level;
    inBlock = true;
    return out.back();
  }
};

int enterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
  case MD_BLOCK_UL: b.lists.push_back({false, 0}); break;
  case MD_BLOCK_OL: b.lists.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)}); break;
  case MD_BLOCK_LI: {
    const bool ordered = !b.lists.empty() && b.lists.back().ordered;
    // Each level indents the text; deeper than four would push it off a portrait screen (10,000
    // nested lists in a hostile body left no width at all), so deeper items stay at the fourth.
    constexpr size_t kMaxListDepth = 4;
    if (b.lists.size() > kMaxListDepth) b.note("lists nested more than 4 deep (shown at the fourth level)");
    auto& block = b.open(ordered ? RichBlock::Kind::Numbered : RichBlock::Kind::Bullet,
                         static_cast<int>(std::min(b.lists.size(), kMaxListDepth)));
    if (ordered) block.number = b.lists.back().next++;
    break;
  }
  case MD_BLOCK_H: b.open(RichBlock::Kind::Heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level)); break;
  case MD_BLOCK_P:
    // A paragraph inside a list item continues the item's text.
    if (!(b.inBlock && !b.out.empty() && (b.out.back().kind == RichBlock::Kind::Bullet ||
                                          b.out.back().kind == RichBlock::Kind::Numbered) && b.out.back().text.empty()))
      b.open(RichBlock::Kind::Paragraph, 1);
    break;
  case MD_BLOCK_CODE: b.note("code blocks"); b.open(RichBlock::Kind::Paragraph, 1); break;
  case MD_BLOCK_TABLE: b.note("tables"); break;
  case MD_BLOCK_HTML: b.note("HTML"); break;
  case MD_BLOCK_QUOTE: b.note("quotes (shown as plain paragraphs)"); break;
  case MD_BLOCK_HR: b.note("horizontal rules"); break;
  default: break;
  }
  return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
    if (!b.lists.empty()) b.lists.pop_back();
  } else if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_LI || type == MD_BLOCK_CODE) {
    b.inBlock = false;
  }
  return 0;
}

int enterSpan(MD_SPANTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  switch (type) {
  case MD_SPAN_STRONG:
    // Text may not have opened its block yet (bold at the very start of a paragraph in a list
    // item): open it now, so the span starts in the block its text goes to.
    if (b.out.empty() || !b.inBlock) b.open(RichBlock::Kind::Paragraph, 1);
    if (b.strongDepth++ == 0) b.strongStart = b.out.back().text.size();
    break;
  case MD_SPAN_A: b.note("links (their text is shown; put the address in 'link' for a QR code)"); break;
  case MD_SPAN_IMG: b.note("images in the text (use [[images]] instead)"); break;
  case MD_SPAN_CODE: b.note("code"); break;
  default: break; // emphasis is drawn as plain text
  }
  return 0;
}

int leaveSpan(MD_SPANTYPE type, void*, void* user) {
  auto& b = *static_cast<Builder*>(user);
  if (type == MD_SPAN_STRONG && --b.strongDepth == 0 && !b.out.empty()) {
    auto& block = b.out.back();
    if (block.text.size() > b.strongStart) block.strong.push_back({b.strongStart, block.text.size()});
  }
  return 0;
}

// "&amp;", "&copy;", "&#x4E2D;" -> UTF-8. An entity it does not know is kept as typed.
std::string decodeEntity(std::string_view e) {
  static const std::pair<const char*, const char*> named[] = {
      {"&amp;", "&"},       {"&lt;", "<"},        {"&gt;", ">"},        {"&quot;", "\""},     {"&apos;", "'"},
      {"&nbsp;", "\u00A0"}, {"&copy;", "\u00A9"}, {"&reg;", "\u00AE"}, {"&mdash;", "\u2014"}, {"&ndash;", "\u2013"},
      {"&hellip;", "\u2026"}, {"&middot;", "\u00B7"}, {"&times;", "\u00D7"}, {"&deg;", "\u00B0"}, {"&yen;", "\u00A5"}};
  for (const auto& [name, utf8] : named)
    if (e == name) return utf8;
  if (e.size() > 3 && e[1] == '#') {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (end && *end == '\0' && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
      std::string out;
      utf8::append(out, static_cast<char32_t>(cp));
      return out;
    }
  }
  return std::string(e);
}

int onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto& b = *static_cast<Builder*>(user);
  // md4c 0.4.8 (Debian 12) reads memory it never initialised after some mixes of tables, lists
  // and entities, and then can report a span gigabytes long (fuzz_markdown: a 3.2 GB append).
  // A span is never longer than the document, nor runs past its end when it starts inside it
  // (md4c's own short strings, a code block's indent, lie elsewhere): one that does stops the
  // parse, keeping what was read, instead of reading past the document.
  if (type != MD_TEXT_SOFTBR && type != MD_TEXT_BR && type != MD_TEXT_NULLCHAR) {
    const auto begin = reinterpret_cast<std::uintptr_t>(b.document.data());
    const auto at = reinterpret_cast<std::uintptr_t>(text);
    const bool inside = at >= begin && at - begin <= b.document.size();
    if (size > b.document.size() || (inside && size > b.document.size() - (at - begin))) return -1;
  }
  if (b.out.empty() || !b.inBlock) b.open(RichBlock::Kind::Paragraph, 1);
  auto& t = b.out.back().text;
  switch (type) {
  case MD_TEXT_SOFTBR: t += ' '; break;
  case MD_TEXT_BR: t += '\n'; break;
  case MD_TEXT_NULLCHAR: t += "\xEF\xBF\xBD"; break;
  case MD_TEXT_HTML: break; // dropped; noted at the block
  case MD_TEXT_ENTITY: t += decodeEntity(std::string_view(text, size)); break;
  default: t.append(text, size); break;
  }
  return 0;
}

} // namespace

RichText parseMarkdown(std::string_view markdown, std::vector<std::string>* unsupported) {
  Builder b;
  b.document = markdown;
  b.unsupported = unsupported;
  MD_PARSER parser{};
  parser.abi_version = 0;
  // Tables are recognised so staff hear they are not shown (their cells become paragraphs).
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_TABLES;
  parser.enter_block = enterBlock;
  parser.leave_block = leaveBlock;
  parser.enter_span = enterSpan;
  parser.leave_span = leaveSpan;
  parser.text = onText;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &b);
  // Blocks that ended up empty (an empty list item, a table's leftovers) are not drawn.
  b.out.erase(std::remove_if(b.out.begin(), b.out.end(),
                             [](const RichBlock& r) { return r.text.find_first_not_of(" \t\n") == std::string::npos; }),
              b.out.end());
  return b.out;
}

} // namespace kiosk
