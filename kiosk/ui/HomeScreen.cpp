// Home: one tile per section.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void Screens::drawHome(Ctx& c) {
  // Sections with nothing to show today (only past or future events) are left out.
  std::vector<const Section*> sections;
  for (const auto& s : c.f.nav.content().sections)
    if (!Content::visibleItems(s, c.f.nav.today()).empty()) sections.push_back(&s);
  const float top = c.top, bottom = c.bottom;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  float y = top + m;
  const std::string& heading = c.ui(sections.empty() ? "no_content" : "choose_section");
  putText(c, c.font(TextRole::Title), title, ImVec2(m, y), toImColor(pal().text), heading);
  y += std::round(title * 1.5f);
  if (sections.empty()) return;

  const size_t n = sections.size();
  const size_t cols = c.portrait() ? (n <= 2 ? 1 : 2) : (n <= 4 ? std::min<size_t>(n, 2) : (n <= 9 ? 3 : 4));
  const size_t rows = (n + cols - 1) / cols;
  const float tileW = std::floor((c.W - 2 * m - gap * (cols - 1)) / cols);
  // Tiles share the height; past a finger-friendly minimum the grid scrolls instead.
  const float tileH = std::max(c.u(0.30f), std::floor((bottom - m - y - gap * (rows - 1)) / rows));
  const float gridH = rows * tileH + (rows - 1) * gap;
  // The whole band between the bars drags the grid, margins included; the grid shows in
  // [y, bottom - m], so that is the height that scrolls.
  const float scroll = dragScroll("home", ImVec2(0, top), ImVec2(c.W, bottom), gridH + (bottom - m - y) - (bottom - top));
  ImGui::PushClipRect(ImVec2(0, y - c.u(0.006f)), ImVec2(c.W, bottom), true);
  const float round = c.u(Theme::kRounding);
  for (size_t i = 0; i < n; ++i) {
    const Section& s = *sections[i];
    const ImVec2 a(m + (i % cols) * (tileW + gap), y - scroll + (i / cols) * (tileH + gap));
    if (a.y > bottom || a.y + tileH < y - m) continue; // off screen
    const ImVec2 b(a.x + tileW, a.y + tileH);
    bool held = false;
    const bool tapped = touchTarget(c.f.targets, "section:" + s.id, a, b, &held);
    if (s.hasCover)
      drawImageCover(c.dl, c.f.textures, s.cover, a, b, s.colour, 1.0f, round);
    else
      c.dl->AddRectFilled(a, b, toImColor(shade(s.colour, 0.6f)), round);
    // The section colour rises from the bottom of the tile behind its title: a soft edge, then
    // a nearly solid band, so the title reads on any picture.
    const float band = tileH * 0.42f, edge = tileH * 0.22f;
    c.dl->AddRectFilledMultiColor(ImVec2(a.x, b.y - band - edge), ImVec2(b.x, b.y - band), toImColor(s.colour, 0.0f),
                                  toImColor(s.colour, 0.0f), toImColor(s.colour, 0.85f), toImColor(s.colour, 0.85f));
    c.dl->AddRectFilled(ImVec2(a.x, b.y - band), b, toImColor(s.colour, 0.85f), round, ImDrawFlags_RoundCornersBottom);
    c.dl->AddRectFilled(ImVec2(a.x, b.y - c.u(0.008f)), b, toImColor(shade(s.colour, 1.25f)), round,
                        ImDrawFlags_RoundCornersBottom);
    const float pad = c.u(0.022f);
    const std::string& sub = c.text(s.subtitle);
    float ty = b.y - pad - std::round(body * 1.35f) - std::round(title * 1.2f);
    if (sub.empty()) ty += std::round(body * 1.35f);
    const std::string& t = c.text(s.title);
    drawBlock(c, c.font(TextRole::Title), title, t, ImVec2(a.x + pad, ty), tileW - 2 * pad, toImColor(pal().text), 1, 1.2f);
    if (!sub.empty())
      drawBlock(c, c.font(TextRole::Body), body, sub, ImVec2(a.x + pad, ty + std::round(title * 1.2f)), tileW - 2 * pad, toImColor(pal().text, 0.88f), 1, 1.35f);
    if (held) c.dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 40), round);
    if (tapped) c.f.nav.openSection(s.id, c.f.now);
  }
  ImGui::PopClipRect();
  drawScrollHints(c, ImVec2(m, y), ImVec2(c.W - m, bottom - m), gridH, scroll);
}

} // namespace kiosk::ui
