// Home: one tile per section, in a grid that scrolls when it is taller than the screen.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

size_t gridColumns(const Screens::Ctx& c, size_t n, float minWidth, size_t most) {
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const auto fit = static_cast<size_t>(std::max(1.0f, std::floor((c.W - 2 * m + gap) / (minWidth + gap))));
  return std::max<size_t>(1, std::min({fit, most, n}));
}

void Screens::drawHome(Ctx& c) {
  // Sections with nothing to show today (only past or future events) are left out.
  std::vector<const Section*> sections;
  for (const auto& s : c.f.nav.content().sections)
    if (!Content::visibleItems(s, c.f.nav.today()).empty()) sections.push_back(&s);
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  const float large = c.f.nav.accessibility().largeText ? 1.25f : 1.0f;
  float y = c.top + m;
  // (The venue's own page for the visitor's phone is in the bottom bar: see Bars.cpp. Up here
  // a caption of one height in Chinese and another in Russian would move every tile.)
  const float headW = c.W - 2 * m;
  const std::string& heading = c.ui(sections.empty() ? "no_content" : "choose_section");
  y = drawFitted(c, fitText(c, c.uiFont(sections.empty() ? "no_content" : "choose_section"), heading, title, headW, 2, 1.25f), heading, ImVec2(m, y), toImColor(pal().text)) + std::round(title * 0.3f);
  if (sections.empty()) return;
  // In low reach, the tiles start where a hand reaches: the band above them has room for the
  // venue's welcome to read.
  if (c.reachTop > y + body * 2) {
    const std::string& tagline = c.text(c.f.nav.content().settings.tagline);
    if (!tagline.empty())
      y = drawBlock(c, c.langOf(c.f.nav.content().settings.tagline), body, tagline, ImVec2(m, y), headW, toImColor(pal().textMuted), 3, 1.4f, true);
  }
  const float gridTop = std::max(y, c.reachTop);

  const size_t n = sections.size();
  // Two columns for up to four sections on a landscape screen, three for up to nine, four
  // beyond; never narrower than a title of a dozen letters needs.
  const size_t most = c.portrait() ? 2 : (n <= 4 ? 2 : (n <= 9 ? 3 : 4));
  const size_t cols = gridColumns(c, n, c.u(0.40f) * large, most);
  const size_t rows = (n + cols - 1) / cols;
  const float tileW = std::floor((c.W - 2 * m - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
  const float pad = c.u(0.022f), innerW = tileW - 2 * pad;
  // Each tile's title wraps to two lines and shrinks before anything is cut; the tiles are as
  // tall as the tallest text needs, with a picture above it, and share the height when the
  // screen has more room than that.
  // The subtitle is a preview (the section's header shows it whole): up to five lines, fewer
  // where the tile must stay within the part of the screen the grid scrolls in (low reach
  // with large text leaves little).
  struct Texts {
    Fitted title;
    size_t subLines;
    float height;
  };
  const float lineH = std::round(body * 1.3f);
  const float viewH = c.bottom - gridTop - m;
  std::vector<Texts> texts;
  float tallest = 0;
  for (const Section* s : sections) {
    const Fitted ft = fitText(c, c.langOf(s->title), c.text(s->title), title, innerW, 2, 1.2f, 0.72f, 4);
    const std::string& sub = c.text(s->subtitle);
    text::TextStyle style;
    style.pixelSize = body;
    style.lineSpacing = 1.3f;
    style.maxLines = 5;
    const float frame = pad + ft.height() + std::round(body * 0.2f) + pad + c.u(0.008f);
    const size_t room = static_cast<size_t>(std::max(0.0f, (viewH - c.u(0.03f) - frame) / lineH));
    style.maxLines = std::min<size_t>(5, room);
    const float subH = sub.empty() || style.maxLines == 0 ? 0 : c.f.painter.layout(sub, *c.langOf(s->subtitle), style, innerW).height;
    const float h = frame + subH - (subH > 0 ? 0 : std::round(body * 0.2f));
    texts.push_back({ft, style.maxLines, h});
    tallest = std::max(tallest, h);
  }
  const float share = std::floor((c.bottom - m - gridTop - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
  // Never taller than the part of the screen the grid scrolls in.
  const float tileH = std::min(std::max({c.u(0.30f), tallest + c.u(0.10f), share}), std::max(tallest + c.u(0.03f), viewH));
  const float contentH = static_cast<float>(rows) * tileH + static_cast<float>(rows - 1) * gap + m;
  const ImVec2 va(0, gridTop), vb(c.W, c.bottom);
  const float scroll = beginScrollView(c, "home", va, vb, contentH);
  const float round = c.u(Theme::kRounding);
  for (size_t i = 0; i < n; ++i) {
    const Section& s = *sections[i];
    // Rows fill from the start edge: the first tile is at the top right for a right-to-left visitor.
    const ImVec2 a(c.x(m + static_cast<float>(i % cols) * (tileW + gap), tileW), gridTop - scroll + static_cast<float>(i / cols) * (tileH + gap));
    const ImVec2 b(a.x + tileW, a.y + tileH);
    bool held = false;
    const bool tapped = touchTarget(c.f.targets, "section:" + s.id, a, b, &held);
    if (tapped) c.f.nav.openSection(s.id, c.f.now);
    if (a.y > c.bottom || b.y < gridTop) continue; // off screen: placed for the rules, not drawn
    if (s.hasCover)
      drawImageCover(c.dl, c.f.textures, s.cover, a, b, s.colour, 1.0f, round);
    else
      c.dl->AddRectFilled(a, b, toImColor(shade(s.colour, 0.6f)), round);
    // The section colour rises from the bottom of the tile behind its title: a soft edge, then
    // a nearly solid band as tall as the text, so the title reads on any picture.
    const float band = texts[i].height, edge = std::min(tileH - band, tileH * 0.22f);
    c.dl->AddRectFilledMultiColor(ImVec2(a.x, b.y - band - edge), ImVec2(b.x, b.y - band), toImColor(s.colour, 0.0f),
                                  toImColor(s.colour, 0.0f), toImColor(s.colour, 0.85f), toImColor(s.colour, 0.85f));
    c.dl->AddRectFilled(ImVec2(a.x, b.y - band), b, toImColor(s.colour, 0.85f), round, ImDrawFlags_RoundCornersBottom);
    c.dl->AddRectFilled(ImVec2(a.x, b.y - c.u(0.008f)), b, toImColor(shade(s.colour, 1.25f)), round, ImDrawFlags_RoundCornersBottom);
    float ty = b.y - band + pad;
    ty = drawFitted(c, texts[i].title, c.text(s.title), ImVec2(a.x + pad, ty), toImColor(pal().text));
    const std::string& sub = c.text(s.subtitle);
    if (!sub.empty() && texts[i].subLines > 0)
      drawBlock(c, c.langOf(s.subtitle), body, sub, ImVec2(a.x + pad, ty + std::round(body * 0.2f)), innerW, toImColor(pal().text, 0.88f),
                texts[i].subLines, 1.3f, true);
    if (held) c.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 40), round);
  }
  endScrollView(c, ImVec2(m, gridTop), ImVec2(c.W - m, c.bottom - m), contentH - m, scroll);
}

} // namespace kiosk::ui
