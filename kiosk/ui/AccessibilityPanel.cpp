// The display choices: large text, high contrast, low reach.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

// The display choices: three switches, each with its name, a knob that moves (a shape, not
// just a colour) and "on"/"off" written out. They last until the visitor leaves.
void Screens::drawAccessibilityPanel(Ctx& c) {
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float body = c.size(TextRole::Body);
  const float rowH = std::max(c.target(0.085f), std::round(body * 2.2f));
  const float w = std::min(c.W - 2 * m, std::max(c.u(0.75f), body * 18));
  const float h = rowH * 3 + gap * 4;
  const float bottom = (c.f.nav.accessibility().lowReach ? c.barY : c.H - c.bottomBarH) - gap;
  // Above the display choices' button: at the end edge (the left for a right-to-left visitor,
  // whose rows are mirrored too: the switch at the left, the label at the right).
  const ImVec2 a(c.x(c.W - m - w, w), bottom - h), b(c.rtl ? a.x + w : c.W - m, bottom);
  // A touch outside the panel closes it (and does nothing else).
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), IM_COL32(0, 0, 0, 110));
  c.dl->AddRectFilled(a, b, toImColor(pal().card), c.u(Theme::kRounding) * 2);
  if (pal().outlines) c.dl->AddRect(a, b, toImColor(pal().text, 0.8f), c.u(Theme::kRounding) * 2, 0, 2.0f);
  Accessibility choice = c.f.nav.accessibility();
  struct Row {
    const char* name;
    const char* label;
    bool* value;
  };
  const Row rows[] = {{"a11y:large-text", "large_text", &choice.largeText},
                      {"a11y:high-contrast", "high_contrast", &choice.highContrast},
                      {"a11y:low-reach", "low_reach", &choice.lowReach}};
  bool changed = false;
  float y = a.y + gap;
  for (const Row& r : rows) {
    const ImVec2 ra(a.x + gap, y), rb(b.x - gap, y + rowH);
    bool held = false;
    if (touchTarget(c.f.targets, r.name, ra, rb, &held)) {
      *r.value = !*r.value;
      changed = true;
    }
    c.dl->AddRectFilled(ra, rb, toImColor(held ? pal().buttonPressed : pal().button), rowH / 2);
    if (pal().outlines) c.dl->AddRect(ra, rb, toImColor(pal().text, 0.8f), rowH / 2, 0, 1.5f);
    const float trackW = std::round(rowH * 1.2f), trackH = std::round(rowH * 0.5f);
    const ImVec2 ta(c.rtl ? ra.x + gap : rb.x - gap - trackW, std::round(y + (rowH - trackH) / 2)), tb(ta.x + trackW, ta.y + trackH);
    const std::string& state = c.ui(*r.value ? "on" : "off");
    FontRef stateFont = c.uiFont(*r.value ? "on" : "off");
    const float stateW = textWidth(c, stateFont, body, state);
    putText(c, stateFont, body, ImVec2(c.rtl ? tb.x + gap / 2 : ta.x - gap / 2 - stateW, std::round(y + (rowH - body) / 2 - body * 0.06f)),
            toImColor(*r.value ? pal().text : pal().textMuted), state);
    c.dl->AddRectFilled(ta, tb, toImColor(*r.value ? c.accent() : pal().bar), trackH / 2);
    c.dl->AddRect(ta, tb, toImColor(pal().textMuted), trackH / 2, 0, 1.5f);
    const float knob = trackH / 2 - 3;
    // On, the knob is at the switch's end (its left, right to left), as the platforms mirror it.
    const bool knobAtRight = *r.value != c.rtl;
    c.dl->AddCircleFilled(ImVec2(knobAtRight ? tb.x - trackH / 2 : ta.x + trackH / 2, ta.y + trackH / 2), knob, toImColor(pal().text));
    const float labelW = c.rtl ? rb.x - rowH * 0.4f - (tb.x + gap + stateW) : ta.x - gap - stateW - (ra.x + rowH * 0.4f);
    drawBlock(c, c.uiFont(r.label), body, c.ui(r.label),
              ImVec2(c.rtl ? rb.x - rowH * 0.4f - labelW : ra.x + rowH * 0.4f, std::round(y + (rowH - body * 1.3f) / 2)), labelW,
              toImColor(pal().text), 1, 1.3f);
    y += rowH + gap;
  }
  if (changed) c.f.nav.setAccessibility(choice, c.f.now);
  // Everywhere else closes the panel: submitted after the rows, so the rows keep their touches.
  if (touchTarget(c.f.targets, "a11y:close", ImVec2(0, 0), ImVec2(c.W, c.H)) && !changed) m_a11yOpen = false;
}

} // namespace kiosk::ui
