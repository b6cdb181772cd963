// A map item's picture: the map drawn whole with a numbered marker on each point, the selected
// point's bubble (its label, its text or an Open button for the item it links to), and the
// legend in the text column: every point's number and label, a row to tap for each.
#include "core/MapLayout.h"
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

// A marker's diameter: finger-sized (9 mm where the display's size is known).
float markerSize(const Screens::Ctx& c) { return c.target(0.058f); }

// A numbered disc: accent fill, a white ring and a dark rim so it reads on a light or a dark
// map, the number in white; selected, it is larger and turns white with a dark number.
void drawMarker(Screens::Ctx& c, ImVec2 at, float d, int number, bool selected) {
  const float r = std::round(d / 2 * (selected ? 1.12f : 0.86f));
  const float ring = std::max(2.0f, std::round(d * 0.06f));
  c.dl->AddCircleFilled(ImVec2(at.x, at.y + ring), r + ring * 1.5f, IM_COL32(0, 0, 0, 90), 40); // a soft shadow
  c.dl->AddCircleFilled(at, r + ring * 1.5f, toImColor(pal().bar), 40);
  c.dl->AddCircleFilled(at, r + ring * 0.5f, toImColor(selected ? c.accent() : pal().text), 40);
  c.dl->AddCircleFilled(at, r - ring * 0.5f, toImColor(selected ? pal().text : c.accent()), 40);
  const std::string n = std::to_string(number);
  const float size = std::round(r * 1.05f);
  const float w = textWidth(c, c.font(TextRole::Body), size, n);
  const ImVec2 pos(std::round(at.x - w / 2), std::round(at.y - size * 0.56f));
  if (selected) {
    putText(c, c.font(TextRole::Body), size, pos, toImColor(pal().bar), n);
  } else {
    putText(c, c.font(TextRole::Body), size, ImVec2(pos.x + 1, pos.y + 1), toImColor(pal().bar, 0.8f), n);
    putText(c, c.font(TextRole::Body), size, pos, toImColor(pal().text), n);
  }
}

// The item a point opens, when it is shown today.
const Item* linkedItem(const Screens::Ctx& c, const MapPoint& p) {
  const Item* linked = c.f.nav.content().findItem(p);
  return linked && linked->visibleOn(c.f.nav.today()) ? linked : nullptr;
}

} // namespace

float Screens::drawMapPicture(Ctx& c, const Item& item, const std::string& key, ImVec2 a, ImVec2 b) {
  const HotspotMap& map = *item.map;
  const Section* s = c.f.nav.section();
  const std::uint32_t colour = s ? s->colour : pal().card;
  const float gap = c.u(Theme::kGap), caption = c.size(TextRole::Caption);
  const std::string& cap = c.text(map.image.caption);
  const float capH = cap.empty() ? 0 : std::round(caption * 1.4f * 2) + gap / 2;
  const float aspect = map.width > 0 && map.height > 0 ? static_cast<float>(map.width) / static_cast<float>(map.height) : 16.0f / 9.0f;
  // Low reach: the markers are controls, so the picture goes down until its highest marker is
  // where a hand reaches (a tall screen gives it its whole width below there; a wide one fits
  // it in what is left).
  const float d = markerSize(c);
  if (c.reachTop > a.y && !map.points.empty()) {
    float f = 1;
    for (const MapPoint& p : map.points) f = std::min(f, p.y);
    const float widthH = std::round((b.x - a.x) / aspect); // the picture's height when its width limits it
    float top = c.reachTop + d / 2 - f * widthH;
    if (!c.portrait() && b.y - capH - top < widthH) top = (c.reachTop + d / 2 - f * (b.y - capH)) / std::max(0.05f, 1 - f);
    a.y = std::clamp(std::ceil(top), a.y, c.reachTop);
    if (c.portrait()) b.y = std::max(b.y, std::min(c.bottom - c.u(0.2f), a.y + widthH + capH));
  }
  const ImVec2 boxB(b.x, std::max(a.y + c.u(0.1f), b.y - capH));
  // Decoded for the largest box it takes, so a caption or the reach band never decodes it again.
  const media::DisplaySize hero = heroDecodeBox(c);
  auto [p0, p1] = drawImageContain(c.dl, c.f.textures, map.image, a, boxB, colour, true, ImVec2(hero.width, hero.height));
  if (p1.x - p0.x < 1 || p1.y - p0.y < 1) { // still decoding: where it will go
    const float w = std::min(boxB.x - a.x, (boxB.y - a.y) * aspect);
    p0 = ImVec2(std::round(a.x + (boxB.x - a.x - w) / 2), a.y);
    p1 = ImVec2(p0.x + std::round(w), p0.y + std::round(w / aspect));
  }
  if (!cap.empty())
    drawBlock(c, c.langOf(map.image.caption), caption, cap, ImVec2(p0.x, p1.y + gap / 2), p1.x - p0.x, toImColor(pal().textMuted), 2, 1.4f);
  const float end = p1.y + capH;
  if (map.points.empty()) return end;

  int& selected = m_mapPoint[key];
  // Each marker sits on its point; one at the picture's edge is kept whole on the picture, and
  // markers of points closer than a finger are moved apart (a line leads back to the point).
  std::vector<MapSpot> points;
  points.reserve(map.points.size());
  for (const MapPoint& p : map.points) points.push_back({std::round(p0.x + p.x * (p1.x - p0.x)), std::round(p0.y + p.y * (p1.y - p0.y))});
  // In low reach no marker may move above where a hand reaches.
  const float spreadTop = c.reachTop > p0.y ? std::min(p1.y, c.reachTop - d * 0.06f) : p0.y;
  const std::vector<MapSpot> spots =
      spreadMarkers(points, d * 1.12f, std::round(d * 0.08f) + 2, {p0.x, spreadTop, p1.x - p0.x, p1.y - spreadTop});
  auto indexOf = [&](const MapPoint& p) { return static_cast<size_t>(&p - map.points.data()); };
  auto centre = [&](const MapPoint& p) {
    const MapSpot& s = spots[indexOf(p)];
    return ImVec2(s.x, s.y);
  };
  const MapPoint* chosen = nullptr;
  for (const MapPoint& p : map.points)
    if (p.number == selected) chosen = &p;
  if (!chosen) selected = 0;

  // The selected point's bubble, laid out first: its button takes a touch before the markers
  // beneath it, and a touch on the bubble selects nothing under it. Drawn above the markers.
  ImDrawListSplitter layers;
  layers.Split(c.dl, 2);
  ImVec2 ba(0, 0), bb(0, 0); // the bubble (empty: none)
  if (chosen) {
    const float body = c.size(TextRole::Body);
    const float pad = c.u(0.02f);
    const float left = a.x, right = b.x; // the media column
    const float bw = std::min(right - left, std::max(c.u(0.34f), std::min(c.u(0.46f), (p1.x - p0.x) * 0.6f)));
    const float inner = bw - 2 * pad;
    const std::string& label = c.text(chosen->label);
    const std::string& text = c.text(chosen->text);
    const Item* linked = chosen->opensItem() ? linkedItem(c, *chosen) : nullptr;
    const Fitted fl = fitText(c, c.langOf(chosen->label), label, std::round(body * 1.2f), inner, 3, 1.25f, 0.85f, 2);
    text::TextStyle style;
    style.pixelSize = body;
    style.lineSpacing = 1.45f;
    const float textH = text.empty() ? 0 : c.f.painter.layout(text, *c.langOf(chosen->text), style, inner).height;
    const float btnH = c.target(Theme::kButtonHeight);
    const std::string& open = c.ui("open_item");
    const float btnW =
        linked ? std::min(inner, std::max(c.u(0.16f), textWidth(c, c.uiFont("open_item"), body, open) + std::round(body * 0.66f) + btnH)) : 0;
    const float bh = pad + fl.height() + (text.empty() ? 0 : std::round(body * 0.4f) + textH) + (linked ? gap / 2 + btnH : 0) + pad;
    const float tail = std::round(d * 0.3f);
    const ImVec2 at = centre(*chosen);
    const float r = d / 2 * 1.12f;
    // Above the marker where it fits, else below (in low reach below first, its button never
    // above the reach band); of those places, the one covering the fewest other markers.
    const float minY = std::max(c.top + gap / 2, linked ? c.reachTop - (bh - pad - btnH) : c.top), maxY = c.bottom - gap / 2;
    const bool low = c.reachTop > c.top;
    std::vector<LayoutBox> others;
    for (size_t i = 0; i < spots.size(); ++i)
      if (&map.points[i] != chosen) others.push_back({spots[i].x - d / 2, spots[i].y - d / 2, d, d});
    const LayoutBox place = placeBubble({at.x, at.y}, r, tail, bw, bh, left, right, minY, maxY, low, others);
    ba = ImVec2(place.x, place.y);
    bb = ImVec2(place.right(), place.bottom());
    layers.SetCurrentChannel(c.dl, 1);
    const float round = c.u(Theme::kRounding);
    c.dl->AddRectFilled(ImVec2(ba.x + 3, ba.y + 5), ImVec2(bb.x + 3, bb.y + 5), IM_COL32(0, 0, 0, 80), round);
    // The tail points at the marker from the bubble's near edge (where the bubble does not cover it).
    const float tx = std::clamp(at.x, ba.x + round + tail, bb.x - round - tail);
    if (at.y < ba.y)
      c.dl->AddTriangleFilled(ImVec2(tx - tail, ba.y + 1), ImVec2(tx + tail, ba.y + 1), ImVec2(at.x, at.y + r), toImColor(pal().card));
    else if (at.y > bb.y)
      c.dl->AddTriangleFilled(ImVec2(tx - tail, bb.y - 1), ImVec2(tx + tail, bb.y - 1), ImVec2(at.x, at.y - r), toImColor(pal().card));
    c.dl->AddRectFilled(ba, bb, toImColor(pal().card), round);
    c.dl->AddRect(ba, bb, toImColor(c.accent()), round, 0, std::max(2.0f, c.u(0.003f)));
    float y = ba.y + pad;
    // The label beside its number, in the accent: the same words as its legend row.
    y = drawFitted(c, fl, label, ImVec2(ba.x + pad, y), toImColor(pal().text));
    if (!text.empty())
      y = drawBlock(c, c.langOf(chosen->text), body, text, ImVec2(ba.x + pad, y + std::round(body * 0.4f)), inner,
                    toImColor(pal().text, 0.9f), SIZE_MAX, 1.45f);
    if (linked) {
      // Open: an accent pill with the word and an arrow, the bubble's one action.
      // At the bubble's start edge; for a right-to-left visitor the arrow leads, pointing left.
      const ImVec2 o0(c.xIn(ba.x, bb.x, pad, btnW), bb.y - pad - btnH), o1(o0.x + btnW, o0.y + btnH);
      bool held = false;
      if (touchTarget(c.f.targets, "map:open", o0, o1, &held) && !c.modal)
        c.f.nav.openLinkedItem(chosen->sectionId, chosen->itemId, c.f.now);
      c.dl->AddRectFilled(o0, o1, toImColor(held ? shade(c.accent(), 0.8f) : c.accent()), btnH / 2);
      if (pal().outlines) c.dl->AddRect(o0, o1, toImColor(pal().text, 0.8f), btnH / 2, 0, std::max(1.5f, btnH * 0.03f));
      const float tw = textWidth(c, c.uiFont("open_item"), body, open), s = std::round(body * 0.22f);
      const float tx0 = std::round(o0.x + (btnW - tw - s * 3) / 2);
      const float textX = c.rtl ? o1.x - (tx0 - o0.x) - tw : tx0; // the same inset from the start edge
      putText(c, c.uiFont("open_item"), body, ImVec2(textX, std::round(o0.y + (btnH - body) / 2 - body * 0.06f)), toImColor(pal().bar), open);
      const float dir = c.rtl ? -1.0f : 1.0f; // the arrow points the reading way
      const ImVec2 tip(c.rtl ? textX - s * 2.6f : tx0 + tw + s * 2.6f, std::round(o0.y + btnH / 2));
      const float t = std::max(2.0f, std::round(body * 0.1f));
      c.dl->AddLine(ImVec2(tip.x - dir * s, tip.y - s * 1.5f), tip, toImColor(pal().bar), t);
      c.dl->AddLine(tip, ImVec2(tip.x - dir * s, tip.y + s * 1.5f), toImColor(pal().bar), t);
    }
  }
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 from = io.MouseClickedPos[0];
  const bool onBubble = bb.x > ba.x && from.x >= ba.x && from.x < bb.x && from.y >= ba.y && from.y < bb.y;

  // The markers, in file order; the selected one last, above its neighbours. A marker moved
  // off its point has a thin line back to a dot on the point.
  layers.SetCurrentChannel(c.dl, 0);
  for (const MapPoint& p : map.points) {
    const ImVec2 on(points[indexOf(p)].x, points[indexOf(p)].y); // the point itself
    const ImVec2 at = centre(p);
    if (std::hypot(at.x - on.x, at.y - on.y) > d * 0.3f) {
      const float t = std::max(2.0f, std::round(d * 0.05f));
      c.dl->AddLine(on, at, toImColor(pal().bar), t + 2);
      c.dl->AddLine(on, at, toImColor(pal().text), t);
      c.dl->AddCircleFilled(on, t * 2 + 1, toImColor(pal().bar), 16);
      c.dl->AddCircleFilled(on, t * 2 - 1, toImColor(c.accent()), 16);
    }
    const ImVec2 ta(at.x - d / 2, at.y - d / 2), tb(at.x + d / 2, at.y + d / 2);
    // A marker the open bubble covers is not a control until the bubble closes (a finger there
    // presses the bubble); its legend row still chooses it.
    const bool underBubble = bb.x > ba.x && tb.x > ba.x && ta.x < bb.x && tb.y > ba.y && ta.y < bb.y;
    if (!underBubble && touchTarget(c.f.targets, "map:point:" + std::to_string(p.number), ta, tb) && !onBubble && !c.modal)
      selected = selected == p.number ? 0 : p.number; // a second tap closes its bubble
    if (p.number != selected) drawMarker(c, at, d, p.number, false);
  }
  if (chosen && selected == chosen->number) drawMarker(c, centre(*chosen), d, chosen->number, true);
  // A tap on the map away from the markers and the bubble closes the bubble.
  if (touchTarget(c.f.targets, "map", p0, p1) && !onBubble && !c.modal) selected = 0;
  layers.Merge(c.dl);
  return std::max(end, bb.y);
}

float Screens::drawMapLegend(Ctx& c, const Item& item, const std::string& key, float x, float y, float width, float scroll) {
  const HotspotMap& map = *item.map;
  if (map.points.empty()) return y;
  int& selected = m_mapPoint[key];
  const float body = c.size(TextRole::Body);
  const float rowH = c.target(0.058f), gap = std::round(c.u(Theme::kGap) / 3), pad = std::round(body * 0.5f);
  const float disc = std::round(rowH * 0.62f);
  const float arrow = std::round(body * 0.9f); // room for the arrow of a point that opens an item
  const float labelX = pad + disc + pad, labelW = width - labelX - pad - arrow;
  // Low reach: the rows are controls, so they start where a hand reaches.
  y = std::max(y, c.reachTop - scroll);
  const float round = c.u(Theme::kRounding);
  text::TextStyle style;
  style.pixelSize = body;
  style.lineSpacing = 1.35f;
  for (const MapPoint& p : map.points) {
    const std::string& label = c.text(p.label);
    // A long label wraps (the row grows); it is never cut.
    const float labelH = c.f.painter.layout(label, *c.langOf(p.label), style, labelW).height;
    const float h = std::max(rowH, labelH + 2 * std::round(body * 0.35f));
    const ImVec2 a(x, y), b(x + width, y + h);
    bool held = false;
    if (touchTarget(c.f.targets, "map:legend:" + std::to_string(p.number), a, b, &held) && !c.modal)
      selected = selected == p.number ? 0 : p.number;
    const bool on = selected == p.number;
    c.dl->AddRectFilled(a, b, toImColor(held ? pal().buttonPressed : pal().card), round);
    if (on || pal().outlines) c.dl->AddRect(a, b, toImColor(on ? c.accent() : pal().text, on ? 1.0f : 0.5f), round, 0, std::max(2.0f, c.u(on ? 0.003f : 0.0015f)));
    // The number's disc at the row's start edge, the label after it, the arrow at its end
    // (mirrored, the arrow pointing left, for a right-to-left visitor).
    const ImVec2 dc(std::round(c.xIn(a.x, b.x, pad, disc) + disc / 2), std::round(a.y + h / 2));
    c.dl->AddCircleFilled(dc, disc / 2, toImColor(on ? pal().text : c.accent()), 32);
    const std::string n = std::to_string(p.number);
    const float ns = std::round(disc * 0.6f);
    putText(c, c.font(TextRole::Body), ns, ImVec2(std::round(dc.x - textWidth(c, c.font(TextRole::Body), ns, n) / 2), std::round(dc.y - ns * 0.56f)),
            toImColor(on ? pal().bar : pal().text), n);
    drawBlock(c, c.langOf(p.label), body, label, ImVec2(c.xIn(a.x, b.x, labelX, labelW), std::round(a.y + (h - labelH) / 2)), labelW,
              toImColor(pal().text), SIZE_MAX, 1.35f);
    // A point that opens an item says so: an arrow at the row's end.
    if (p.opensItem() && linkedItem(c, p)) {
      const float s = std::round(body * 0.28f), t = std::max(2.0f, std::round(body * 0.1f));
      const float dir = c.rtl ? -1.0f : 1.0f;
      const ImVec2 tip(c.rtl ? a.x + pad + s * 0.5f : b.x - pad - s * 0.5f, std::round(a.y + h / 2));
      c.dl->AddLine(ImVec2(tip.x - dir * s, tip.y - s * 1.6f), tip, toImColor(pal().textMuted), t);
      c.dl->AddLine(tip, ImVec2(tip.x - dir * s, tip.y + s * 1.6f), toImColor(pal().textMuted), t);
    }
    y = b.y + gap;
  }
  return y;
}

} // namespace kiosk::ui
