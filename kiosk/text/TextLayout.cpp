#include "text/TextLayout.h"

#include "core/Utf8.h"
#include "text/Bidi.h"
#include "text/LineBreaker.h"
#include "text/Shaper.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>

namespace kiosk::text {
namespace {

size_t utf8Length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// Characters that belong to the face of the character before them: marks, and spaces (so a
// space is shaped, and kerned, with its neighbours), when that face has them.
bool followsPrevious(char32_t c) {
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK || c == ' ';
}

// Joiners, variation selectors, tags: never drawn themselves, they tell the shaper how to draw
// their neighbours, so they go into the buffer of the character before them whatever its face
// has, and are never "missing".
bool ignorable(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT); }

bool has(char32_t c, UProperty property) { return u_hasBinaryProperty(static_cast<UChar32>(c), property); }

// How cps[i] asks to be drawn (Unicode TR 51): a variation selector after it decides (U+FE0E
// text, U+FE0F emoji), then a keycap or skin tone after it, then its Emoji_Presentation property.
// "❄" is text, "❄️" and "🎿" are emoji, "1️⃣" is an emoji, "1" is text.
Presentation presentationAt(const std::vector<char32_t>& cps, size_t i) {
  const char32_t c = cps[i];
  const char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
  if (next == 0xFE0E) return Presentation::Text;
  if (next == 0xFE0F && has(c, UCHAR_EMOJI)) return Presentation::Emoji;
  if (next == 0x20E3 && has(c, UCHAR_EMOJI_COMPONENT)) return Presentation::Emoji; // a keycap without U+FE0F
  if (has(next, UCHAR_EMOJI_MODIFIER) && has(c, UCHAR_EMOJI_MODIFIER_BASE)) return Presentation::Emoji;
  return has(c, UCHAR_EMOJI_PRESENTATION) ? Presentation::Emoji : Presentation::Text;
}

// Whether cps[i] continues the emoji sequence before it, so the colour face shapes the whole
// sequence as one glyph (its ligature): joiners and selectors, the keycap, skin tones, the tags
// of a subdivision flag, and whatever a zero width joiner joins (👨‍👩‍👧, 🏃‍♀️, 👩‍❤️‍👨).
bool continuesEmoji(const std::vector<char32_t>& cps, size_t i) {
  const char32_t c = cps[i];
  if (c == 0x200D || c == 0xFE0F || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F) || has(c, UCHAR_EMOJI_MODIFIER)) return true;
  return i > 0 && cps[i - 1] == 0x200D && (has(c, UCHAR_EXTENDED_PICTOGRAPHIC) || has(c, UCHAR_EMOJI));
}

// The face each code point is drawn with (null: no installed font can), along the language's
// chain, emoji from a colour face; characters no font has go into `missing`. shapeLine and
// undrawable() choose alike, so validate names exactly what the screen leaves out.
std::vector<std::shared_ptr<FontFace>> chooseFaces(const std::vector<char32_t>& cps, const std::string& language,
                                                   FontLibrary& fonts, std::set<char32_t>& missing) {
  std::vector<std::shared_ptr<FontFace>> faces(cps.size());
  bool inEmoji = false; // the character before is part of an emoji drawn by a colour face
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    const std::shared_ptr<FontFace>& previous = i > 0 ? faces[i - 1] : faces[0];
    if (inEmoji && continuesEmoji(cps, i)) {
      faces[i] = previous;
      continue;
    }
    inEmoji = false;
    if (i > 0 && previous && (ignorable(c) || (!previous->colour() && followsPrevious(c) && previous->hasGlyph(c)))) {
      faces[i] = previous;
      continue;
    }
    const Presentation presentation = presentationAt(cps, i);
    faces[i] = fonts.faceFor(c, language, presentation);
    if (!faces[i]) {
      if (c >= 0x20 && !ignorable(c)) missing.insert(c);
      continue;
    }
    inEmoji = presentation == Presentation::Emoji && faces[i]->colour();
  }
  return faces;
}

// CJK punctuation compression, as CSS `text-spacing-trim: normal` sets it (and JIS X 4051):
// fullwidth punctuation has a blank half, and two blanks side by side would leave a gap of a
// whole em. An opening bracket after other punctuation and a closing mark before closing or
// middle punctuation take the font's half-width form (`halt`); so does an opening bracket that
// begins a line, except the paragraph's first. Chinese and Japanese only.
bool cjkPunctuationLanguage(const std::string& language) {
  return language.starts_with("zh") || language.starts_with("ja") || language == "yue" || language.starts_with("yue-");
}
bool openingPunct(char32_t c) {
  switch (c) {
  case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0x3016: case 0x3018:
  case 0x301A: case 0x301D: case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x201C: case 0x2018: return true;
  default: return false;
  }
}
bool closingPunct(char32_t c) {
  switch (c) {
  case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0x3009: case 0x300B: case 0x300D: case 0x300F:
  case 0x3011: case 0x3015: case 0x3017: case 0x3019: case 0x301B: case 0x301E: case 0x301F: case 0xFF09:
  case 0xFF3D: case 0xFF5D: case 0x201D: case 0x2019: return true;
  default: return false;
  }
}
bool middlePunct(char32_t c) { return c == 0x30FB || c == 0xFF1A || c == 0xFF1B || c == 0x3000; }

// The byte ranges of `line` (relative to it) to set half-width. `firstOfParagraph`: the line
// starts its paragraph, where an opening bracket keeps its full width.
std::vector<ByteRange> punctuationTrims(std::string_view line, bool firstOfParagraph) {
  std::vector<ByteRange> out;
  std::vector<char32_t> cps;
  std::vector<size_t> at;
  for (size_t i = 0; i < line.size();) {
    const size_t start = i;
    std::vector<char32_t> one;
    size_t n = 1;
    while (start + n < line.size() && (static_cast<unsigned char>(line[start + n]) & 0xC0) == 0x80) ++n;
    utf8::decode(line.substr(start, n), one);
    cps.push_back(one.empty() ? 0xFFFD : one[0]);
    at.push_back(start);
    i = start + n;
  }
  at.push_back(line.size());
  for (size_t k = 0; k < cps.size(); ++k) {
    const char32_t c = cps[k];
    const char32_t prev = k > 0 ? cps[k - 1] : 0, next = k + 1 < cps.size() ? cps[k + 1] : 0;
    const bool trim = (openingPunct(c) && k > 0 && (openingPunct(prev) || closingPunct(prev) || middlePunct(prev))) ||
                      (closingPunct(c) && (closingPunct(next) || middlePunct(next))) ||
                      (openingPunct(c) && k == 0 && !firstOfParagraph);
    if (trim) out.push_back({at[k], at[k + 1]});
  }
  return out;
}

// Shapes text[begin, end) as one line: its bidi runs (levels resolved over the whole
// paragraph, `para`) in visual order, each split where the face changes, each piece shaped by
// HarfBuzz, glyphs placed left to right.
// `wholeLine`: [begin, end) is a line as shown (an opening bracket that begins it may be
// trimmed); false for a piece measured while wrapping, which is measured untrimmed, so a
// line's width is never underestimated.
TextLine shapeLine(std::string_view text, const BidiParagraph& para, size_t begin, size_t end, const std::string& language,
                   float px, FontLibrary& fonts, std::set<char32_t>& missing, bool wholeLine = true) {
  TextLine line;
  line.begin = begin;
  line.end = end;
  line.rightToLeft = para.rightToLeft(begin);
  const std::string_view s = text.substr(begin, end - begin);
  const bool firstOfParagraph = !wholeLine || begin == 0 || text[begin - 1] == '\n';
  const std::vector<ByteRange> trims =
      cjkPunctuationLanguage(language) ? punctuationTrims(s, firstOfParagraph) : std::vector<ByteRange>{};
  float pen = 0;
  for (BidiRun run : para.lineRuns(begin, end)) {
    run.begin -= begin; // relative to the line, as the pieces below are
    run.end -= begin;
    // Items of one face, in logical order.
    struct Item {
      size_t b, e;
      std::shared_ptr<FontFace> face;
      UScriptCode script;
    };
    std::vector<Item> items;
    std::vector<char32_t> cps;
    utf8::decode(s.substr(run.begin, run.end - run.begin), cps);
    const auto faces = chooseFaces(cps, language, fonts, missing);
    size_t at = run.begin;
    for (size_t i = 0; i < cps.size(); ++i) {
      const char32_t c = cps[i];
      const std::shared_ptr<FontFace>& face = faces[i];
      // Itemize by script too: HarfBuzz shapes one script per buffer (Latin and Cyrillic share
      // Noto Sans, but not their shaping rules). Common and inherited characters (spaces,
      // punctuation, digits, marks, emoji) belong to the script around them.
      UErrorCode status = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
      const bool neutral = U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
      if (neutral) script = items.empty() ? USCRIPT_COMMON : items.back().script;
      const size_t n = utf8Length(c);
      if (!items.empty() && items.back().face == face &&
          (neutral || items.back().script == script || items.back().script == USCRIPT_COMMON)) {
        items.back().e = at + n;
        if (items.back().script == USCRIPT_COMMON) items.back().script = script;
      } else {
        items.push_back({at, at + n, face, script});
      }
      at += n;
    }
    if (run.rightToLeft) std::reverse(items.begin(), items.end());
    for (const Item& item : items) {
      if (!item.face) continue; // nothing can draw it: leave it out rather than draw a box
      std::vector<ByteRange> half; // the line's trims inside this item, relative to it
      for (const ByteRange& t : trims)
        if (t.begin >= item.b && t.end <= item.e) half.push_back({t.begin - item.b, t.end - item.b});
      const ShapedRun shaped = shape(s.substr(item.b, item.e - item.b), *item.face, px, language, run.rightToLeft, half);
      for (const ShapedGlyph& g : shaped.glyphs) {
        if (g.glyph != 0) line.glyphs.push_back({item.face.get(), g.glyph, pen + g.offsetX, g.offsetY, begin + item.b + g.cluster});
        pen += g.advance;
      }
    }
  }
  line.width = pen;
  return line;
}

float lineWidth(std::string_view text, const BidiParagraph& para, size_t begin, size_t end, const std::string& language, float px,
                FontLibrary& fonts) {
  std::set<char32_t> ignored;
  return shapeLine(text, para, begin, end, language, px, fonts, ignored, false).width;
}

} // namespace

bool isDefaultIgnorable(char32_t c) { return ignorable(c); }

bool hasEmojiForm(char32_t c) { return c >= 0x80 && has(c, UCHAR_EMOJI); }

std::set<char32_t> undrawable(std::string_view text, const std::string& language, FontLibrary& fonts) {
  std::set<char32_t> missing;
  std::vector<char32_t> cps;
  utf8::decode(text, cps);
  (void)chooseFaces(cps, language, fonts, missing);
  return missing;
}

TextLayout layoutText(std::string_view text, const std::string& language, const TextStyle& style, float wrapWidth,
                      FontLibrary& fonts) {
  TextLayout layout;
  layout.lineHeight = std::round(style.pixelSize * style.lineSpacing);
  layout.pixelSize = static_cast<int>(std::lround(style.pixelSize));
  if (text.empty()) return layout;
  const float px = style.pixelSize;
  // Bidi levels for the whole text, each paragraph's direction from the text's language (or,
  // for an undetermined one, its first strong character); lines are reordered one by one.
  const BidiParagraph para(text, directionOfLanguage(language));
  // Widths of the pieces between break opportunities, each shaped once: a candidate line's
  // width is the sum of its pieces (kerning across a break is not worth reshaping for), so
  // wrapping shapes the paragraph about twice in all instead of once per candidate line.
  const BreakOpportunities opportunities = findLineBreaks(text, language);
  std::vector<size_t> starts{0};
  std::vector<float> prefix{0}; // prefix[i]: width of text[0, starts[i])
  for (size_t o : opportunities.offsets) {
    prefix.push_back(prefix.back() + lineWidth(text, para, starts.back(), o, language, px, fonts));
    starts.push_back(o);
  }
  const BidiParagraph spacePara(" ", BaseDirection::LeftToRight);
  const float space = lineWidth(" ", spacePara, 0, 1, language, px, fonts);
  auto breaks = wrapText(text, language, wrapWidth, [&](std::string_view run) {
    const size_t b = static_cast<size_t>(run.data() - text.data()), e = b + run.size();
    const auto ib = std::lower_bound(starts.begin(), starts.end(), b);
    const auto ie = std::lower_bound(starts.begin(), starts.end(), e);
    if (ib != starts.end() && *ib == b && ie != starts.end()) {
      // The run ends at a break, or just before the spaces that end a piece (the usual case:
      // wrapText measures lines without their trailing spaces).
      const size_t spaces = *ie - e;
      if (text.substr(e, spaces).find_first_not_of(' ') == std::string_view::npos)
        return prefix[static_cast<size_t>(ie - starts.begin())] - prefix[static_cast<size_t>(ib - starts.begin())] -
               space * static_cast<float>(spaces);
    }
    return lineWidth(text, para, b, e, language, px, fonts); // inside a piece: a word split across lines
  });
  if (breaks.size() > style.maxLines) {
    breaks.resize(style.maxLines);
    layout.truncated = true;
  }
  for (size_t i = 0; i < breaks.size(); ++i) {
    TextLine line = shapeLine(text, para, breaks[i].begin, breaks[i].end, language, px, fonts, layout.missing);
    if (layout.truncated && i + 1 == breaks.size()) {
      // The last line shown ends in an ellipsis: drop characters from its end until it fits.
      const std::string ellipsis = "\u2026";
      std::vector<char32_t> cps;
      utf8::decode(text.substr(breaks[i].begin, breaks[i].end - breaks[i].begin), cps);
      for (;;) {
        std::string candidate;
        for (char32_t c : cps) utf8::append(candidate, c);
        while (!candidate.empty() && candidate.back() == ' ') candidate.pop_back();
        candidate += ellipsis;
        std::set<char32_t> ignored;
        // The cut line keeps its paragraph's direction, whatever its first word.
        const BidiParagraph cutPara(candidate, line.rightToLeft ? BaseDirection::RightToLeft : BaseDirection::LeftToRight);
        TextLine cut = shapeLine(candidate, cutPara, 0, candidate.size(), language, px, fonts, ignored);
        if (cut.width <= wrapWidth || cps.empty()) {
          cut.begin = breaks[i].begin;
          cut.end = breaks[i].end;
          for (auto& g : cut.glyphs) g.byte += breaks[i].begin; // offsets into the text, as on other lines
          line = std::move(cut);
          break;
        }
        cps.pop_back();
      }
    }
    layout.lines.push_back(std::move(line));
  }
  layout.rightToLeft = para.rightToLeft(0);
  for (auto& line : layout.lines) {
    layout.width = std::max(layout.width, line.width);
    // Unwrapped text (a label measured to place it) has no width to align within. Start and
    // End follow each line's paragraph: Start is the right edge of a right-to-left one.
    const float room = wrapWidth < 1e8f ? std::max(0.0f, wrapWidth - line.width) : 0.0f;
    const bool toRight = style.align == Align::Start ? line.rightToLeft : !line.rightToLeft;
    line.x = style.align == Align::Center ? std::round(room / 2) : toRight ? room : 0;
  }
  layout.height = layout.lineHeight * static_cast<float>(layout.lines.size());
  return layout;
}

} // namespace kiosk::text
