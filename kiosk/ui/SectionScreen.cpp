// A section: a header in its colour, then one card per item in a grid that scrolls.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
// Sections of up to this many items size their cards by measuring every card's texts.
constexpr size_t kMeasuredCards = 32;
} // namespace

void Screens::drawSection(Ctx& c) {
  const Section* s = c.f.nav.section();
  if (!s) return;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  const float large = c.f.nav.accessibility().largeText ? 1.25f : 1.0f;
  // The header: the section's title (two lines, then smaller, before anything is cut) and its
  // subtitle. In low reach it fills the space above the reach band, where nothing is touched.
  const std::string& t = c.text(s->title);
  const std::string& sub = c.text(s->subtitle);
  // The section's own page for the visitor's phone, at the right of the header.
  const float inset = c.u(0.02f);
  const PhoneCard card = s->phoneLink.empty() ? PhoneCard{} : layoutPhoneCard(c, s->phoneLink, c.u(0.13f), c.u(0.40f));
  const float phoneW = card.qr ? card.width : 0;
  const float cardSide = card.qr ? card.height : 0;
  // Beside the title where that leaves it room, else under it (a portrait screen).
  const bool cardBelow = phoneW > 0 && c.W - 2 * m - phoneW - gap < c.u(0.6f);
  const float textW = c.W - 2 * m - (phoneW > 0 && !cardBelow ? phoneW + gap : 0);
  const Fitted ft = fitText(c, c.langOf(s->title), t, title, textW, 2, 1.2f, 0.72f, 1);
  const Fitted fs = fitText(c, c.langOf(s->subtitle), sub, body, textW, 2, 1.35f, 0.85f, 1);
  const float textH = ft.height() + (sub.empty() ? 0 : std::round(body * 0.15f) + fs.height());
  const float belowH = cardBelow ? cardSide + inset : 0;
  const float headerH = std::max({c.u(0.17f), textH + belowH + 2 * c.u(0.03f), cardSide + 2 * inset, c.reachTop - m - c.top});
  const float top = c.top;
  c.dl->AddRectFilled(ImVec2(0, top), ImVec2(c.W, top + headerH), toImColor(s->colour));
  // The header darkens towards its end edge, behind the phone card (mirrored for a right-to-left
  // visitor, as the title and the card are).
  if (c.rtl)
    c.dl->AddRectFilledMultiColor(ImVec2(0, top), ImVec2(c.W * 0.5f, top + headerH), IM_COL32(0, 0, 0, 70), toImColor(s->colour, 0.0f),
                                  toImColor(s->colour, 0.0f), IM_COL32(0, 0, 0, 70));
  else
    c.dl->AddRectFilledMultiColor(ImVec2(c.W * 0.5f, top), ImVec2(c.W, top + headerH), toImColor(s->colour, 0.0f), IM_COL32(0, 0, 0, 70),
                                  IM_COL32(0, 0, 0, 70), toImColor(s->colour, 0.0f));
  float ty = top + std::round((headerH - textH - belowH) / 2);
  if (cardBelow) drawPhoneCard(c, card, ImVec2(c.x(m, phoneW), ty + textH + inset));
  else if (card.qr) drawPhoneCard(c, card, ImVec2(c.x(c.W - m - phoneW, phoneW), top + std::round((headerH - cardSide) / 2)));
  ty = drawFitted(c, ft, t, ImVec2(c.x(m, textW), ty), toImColor(pal().text));
  if (!sub.empty()) drawFitted(c, fs, sub, ImVec2(c.x(m, textW), ty + std::round(body * 0.15f)), toImColor(pal().text, 0.9f));

  const auto items = Content::visibleItems(*s, c.f.nav.today());
  if (items.empty()) return;
  const size_t n = items.size();
  const size_t cols = gridColumns(c, n, c.u(0.40f) * large, 4);
  const size_t rows = (n + cols - 1) / cols;
  const float y0 = top + headerH + m;
  const float itemW = std::floor((c.W - 2 * m - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
  const float pad = c.u(0.022f), innerW = itemW - 2 * pad;
  const float imageH = std::floor(std::min(itemW * 9 / 16, c.u(0.30f)));
  // Cards are as tall as their tallest title (two lines, then smaller) and a summary of up to
  // three lines need: a preview whose whole text is one tap away. A card's texts: its title,
  // and an event's days or how many pictures there are, in the visitor's language (ICU formats).
  struct Texts {
    Fitted title;
    std::string note;
    bool made = false;
  };
  // A large section (up to 256 items) would lay out every card's texts on the frame that opens
  // it (hundreds of milliseconds, cold): its cards take the height two title lines, two note
  // lines and three summary lines can need, titles stay within two lines, and only the cards
  // in view are laid out.
  const bool bounded = n > kMeasuredCards;
  std::vector<Texts> texts(n);
  auto textsOf = [&](size_t i) -> const Texts& {
    Texts& t = texts[i];
    if (t.made) return t;
    const Item* item = items[i];
    t.note = eventDates(c.f.strings, c.lang, *item);
    if (t.note.empty() && item->images.size() > 1)
      t.note = c.f.strings.format(c.lang, "photos",
                                  UiStrings::Args::number("count", static_cast<double>(item->images.size())));
    t.title = fitText(c, c.langOf(item->title), c.text(item->title), title, innerW, 2, 1.2f, 0.72f, bounded ? 0 : 4);
    t.made = true;
    return t;
  };
  float tallest = 0;
  if (bounded) {
    bool notes = false;
    for (const Item* item : items)
      notes |= (item->showFrom && item->showUntil) || item->images.size() > 1;
    const float bodyLine = std::round(body * 1.45f);
    tallest = imageH + pad + 2 * std::round(title * 1.2f) + std::round(body * 0.3f) + (notes ? 2 * bodyLine : 0) +
              3 * bodyLine + pad;
  } else {
    for (size_t i = 0; i < n; ++i) {
      const Item* item = items[i];
      const Texts& t = textsOf(i);
      float h = imageH + pad + t.title.height() + std::round(body * 0.3f);
      if (!t.note.empty()) {
        text::TextStyle style;
        style.pixelSize = body;
        style.lineSpacing = 1.45f;
        style.maxLines = 2;
        h += c.f.painter.layout(t.note, c.lang, style, innerW).height;
      }
      const std::string& summary = c.text(item->summary);
      if (!summary.empty()) {
        text::TextStyle style;
        style.pixelSize = body;
        style.lineSpacing = 1.45f;
        style.maxLines = 3;
        h += c.f.painter.layout(summary, *c.langOf(item->summary), style, innerW).height;
      }
      tallest = std::max(tallest, h + pad);
    }
  }
  const float gridTop = std::max(y0, c.reachTop);
  // Never taller than the part of the screen it scrolls in: the summary gives way first.
  const float cardH = std::clamp(tallest, c.u(0.26f), c.bottom - gridTop - m);
  const float contentH = static_cast<float>(rows) * cardH + static_cast<float>(rows - 1) * gap + m;
  const ImVec2 va(0, std::min(top + headerH, gridTop)), vb(c.W, c.bottom);
  const float scroll = beginScrollView(c, "section", va, vb, contentH + (gridTop - va.y));
  const float round = c.u(Theme::kRounding);
  for (size_t i = 0; i < n; ++i) {
    const Item& item = *items[i];
    // Rows fill from the start edge: the first card is at the top right for a right-to-left visitor.
    const ImVec2 a(c.x(m + static_cast<float>(i % cols) * (itemW + gap), itemW), gridTop - scroll + static_cast<float>(i / cols) * (cardH + gap));
    const ImVec2 b(a.x + itemW, a.y + cardH);
    bool held = false;
    const bool tapped = touchTarget(c.f.targets, "item:" + item.id, a, b, &held);
    if (tapped) c.f.nav.openItem(item.id, c.f.now);
    if (a.y > c.bottom || b.y < va.y) continue; // off screen: placed for the rules, not drawn
    const ImageRef* picture = item.cardImage(); // a map item shows its map
    // The visitor will likely open one of the cards in view: its picture is decoded ahead.
    if (picture && picture->exists) c.f.textures.prefetch(*picture, heroDecodeBox(c));
    c.dl->AddRectFilled(a, b, toImColor(pal().card), round);
    if (picture)
      drawImageCover(c.dl, c.f.textures, *picture, a, ImVec2(b.x, a.y + imageH), s->colour, 1.0f, round, ImDrawFlags_RoundCornersTop);
    else
      c.dl->AddRectFilled(a, ImVec2(b.x, a.y + imageH), toImColor(shade(s->colour, 0.7f)), round, ImDrawFlags_RoundCornersTop);
    c.dl->AddRectFilled(ImVec2(a.x, a.y + imageH - c.u(0.006f)), ImVec2(b.x, a.y + imageH), toImColor(s->colour));
    float y = a.y + imageH + pad;
    const Texts& t = textsOf(i);
    y = drawFitted(c, t.title, c.text(item.title), ImVec2(a.x + pad, y), toImColor(pal().text)) +
        std::round(body * 0.3f);
    if (!t.note.empty())
      y = drawBlock(c, c.font(TextRole::Body), body, t.note, ImVec2(a.x + pad, y), innerW, toImColor(c.accent()), 2,
                    1.45f);
    const std::string& summary = c.text(item.summary);
    const auto room = static_cast<size_t>(std::max(0.0f, (b.y - pad - y) / std::round(body * 1.45f)));
    if (!summary.empty() && room > 0)
      drawBlock(c, c.langOf(item.summary), body, summary, ImVec2(a.x + pad, y), innerW, toImColor(pal().textMuted), std::min<size_t>(3, room),
                1.45f, true);
    if (held) c.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 30), round);
  }
  endScrollView(c, ImVec2(m, va.y), ImVec2(c.W - m, c.bottom - m), contentH + (gridTop - va.y) - m, scroll);
}

} // namespace kiosk::ui
