// A section: a header in its colour, then one card per item.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {


void Screens::drawSection(Ctx& c) {
  const Section* s = c.f.nav.section();
  if (!s) return;
  const float top = c.top, bottom = c.bottom;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  // In low reach the banner above already names the section: the cards take the room.
  const bool banner = c.f.nav.accessibility().lowReach;
  const float headerH = banner ? 0.0f : c.u(0.17f);
  if (!banner) {
    c.dl->AddRectFilled(ImVec2(0, top), ImVec2(c.W, top + headerH), toImColor(s->colour));
    c.dl->AddRectFilledMultiColor(ImVec2(c.W * 0.5f, top), ImVec2(c.W, top + headerH), toImColor(s->colour, 0.0f),
                                  IM_COL32(0, 0, 0, 70), IM_COL32(0, 0, 0, 70), toImColor(s->colour, 0.0f));
    const std::string& t = c.text(s->title);
    const std::string& sub = c.text(s->subtitle);
    const float textTop = top + std::round((headerH - title * 1.25f - (sub.empty() ? 0 : body * 1.4f)) / 2);
    putText(c, c.font(TextRole::Title), title, ImVec2(m, textTop), toImColor(pal().text), t);
    if (!sub.empty())
      drawBlock(c, c.font(TextRole::Body), body, sub, ImVec2(m, textTop + std::round(title * 1.25f)), c.W - 2 * m, toImColor(pal().text, 0.9f), 1, 1.35f);
  }
  const auto items = Content::visibleItems(*s, c.f.nav.today());
  if (items.empty()) return;
  const size_t n = items.size();
  const size_t cols = c.portrait() ? (n <= 3 ? 1 : 2) : std::min<size_t>(n, 3);
  const size_t rows = (n + cols - 1) / cols;
  const float y0 = top + headerH + m;
  const float cardW = std::floor((c.W - 2 * m - gap * (cols - 1)) / cols);
  const float cardH = std::max(c.u(0.26f), std::floor((bottom - m - y0 - gap * (rows - 1)) / rows));
  const float gridH = rows * cardH + (rows - 1) * gap;
  const float scroll =
      dragScroll("section", ImVec2(0, top + headerH), ImVec2(c.W, bottom), gridH + (bottom - m - y0) - (bottom - top - headerH));
  ImGui::PushClipRect(ImVec2(0, top + headerH), ImVec2(c.W, bottom), true);
  const float round = c.u(Theme::kRounding);
  const float pad = c.u(0.022f);
  for (size_t i = 0; i < n; ++i) {
    const Item& item = *items[i];
    const ImVec2 a(m + (i % cols) * (cardW + gap), y0 - scroll + (i / cols) * (cardH + gap));
    if (a.y > bottom || a.y + cardH < top + headerH) continue; // off screen
    const ImVec2 b(a.x + cardW, a.y + cardH);
    // The visitor will likely open one of the cards in view: its picture is decoded ahead.
    if (!item.images.empty() && item.images.front().exists) c.f.textures.prefetch(item.images.front(), heroDecodeBox(c));
    bool held = false;
    const bool tapped = touchTarget(c.f.targets, "item:" + item.id, a, b, &held);
    c.dl->AddRectFilled(a, b, toImColor(pal().card), round);
    const float imageH = std::floor(std::min(cardH * 0.56f, cardW * 9 / 16));
    if (!item.images.empty())
      drawImageCover(c.dl, c.f.textures, item.images.front(), a, ImVec2(b.x, a.y + imageH), s->colour, 1.0f, round,
                     ImDrawFlags_RoundCornersTop);
    else
      c.dl->AddRectFilled(a, ImVec2(b.x, a.y + imageH), toImColor(shade(s->colour, 0.7f)), round, ImDrawFlags_RoundCornersTop);
    c.dl->AddRectFilled(ImVec2(a.x, a.y + imageH - c.u(0.006f)), ImVec2(b.x, a.y + imageH), toImColor(s->colour));
    float ty = a.y + imageH + pad;
    const float innerW = cardW - 2 * pad;
    const std::string& it = c.text(item.title);
    // Two lines of title where the card has room for them (and the padding under them), else one.
    const auto titleRoom = static_cast<size_t>(std::max(1.0f, (b.y - pad - ty) / std::round(title * 1.2f)));
    ty = drawBlock(c, c.font(TextRole::Title), title, it, ImVec2(a.x + pad, ty), innerW, toImColor(pal().text), std::min<size_t>(2, titleRoom), 1.2f);
    ty += std::round(body * 0.3f);
    // An event's days, or how many pictures there are, in the visitor's language (ICU formats).
    std::string note = eventDates(c.f.strings, c.lang, item);
    if (note.empty() && item.images.size() > 1)
      note = c.f.strings.format(c.lang, "photos", UiStrings::Args::number("count", static_cast<double>(item.images.size())));
    if (!note.empty()) {
      putText(c, c.font(TextRole::Body), body, ImVec2(a.x + pad, ty), toImColor(c.accent()), note);
      ty += std::round(body * 1.45f);
    }
    const std::string& summary = c.text(item.summary);
    const float lineH = std::round(body * 1.45f);
    const auto room = static_cast<size_t>(std::max(0.0f, (b.y - pad - ty) / lineH));
    if (!summary.empty() && room > 0)
      drawBlock(c, c.font(TextRole::Body), body, summary, ImVec2(a.x + pad, ty), innerW, toImColor(pal().textMuted), room, 1.45f);
    if (held) c.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 30), round);
    if (tapped) c.f.nav.openItem(item.id, c.f.now);
  }
  ImGui::PopClipRect();
  drawScrollHints(c, ImVec2(m, y0), ImVec2(c.W - m, bottom - m), gridH, scroll);
}

} // namespace kiosk::ui
