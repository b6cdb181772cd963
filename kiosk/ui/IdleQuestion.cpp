// "Are you still there?": the question the kiosk asks before it starts over.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

// "Are you still there?": the screen dimmed, a card with the question, what to do, and a ring
// that empties with the seconds left (the number is written too: nothing by colour or shape
// alone). Any touch answers it.
void Screens::drawStillThere(Ctx& c, Seconds left) {
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), IM_COL32(5, 10, 20, 200));
  touchTarget(c.f.targets, "still-there", ImVec2(0, 0), ImVec2(c.W, c.H));
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  const float pad = c.u(0.05f), ring = c.u(0.085f), gap = c.u(0.012f);
  const float w = std::min(c.W - 2 * c.u(Theme::kMargin), c.u(1.1f));
  const float tw = w - 3 * pad - 2 * ring;
  // The three texts are laid out first (cached: drawing them costs nothing more), so the card
  // fits them and the ring and the text stand centred beside each other.
  const std::string starting = c.f.strings.format(c.lang, "starting_over", UiStrings::Args::number("seconds", std::ceil(left)));
  auto layout = [&](const std::string& text, const char* key, float size, float leading) -> const text::TextLayout& {
    text::TextStyle style;
    style.pixelSize = size;
    style.lineSpacing = leading;
    style.maxLines = 3;
    return c.f.painter.layout(text, *c.uiFont(key), style, tw);
  };
  const auto& question = layout(c.ui("still_there"), "still_there", title, 1.25f);
  const auto& hint = layout(c.ui("still_there_hint"), "still_there_hint", body, 1.45f);
  const auto& when = layout(starting, "starting_over", body, 1.45f);
  const float textH = question.height + gap + hint.height + gap / 2 + when.height;
  const float h = std::max(2 * ring, textH) + 2 * pad;
  const ImVec2 a(std::round((c.W - w) / 2), std::round((c.H - h) / 2)), b(a.x + w, a.y + h);
  c.dl->AddRectFilled(a, b, toImColor(pal().card), c.u(Theme::kRounding) * 2);
  // The ring leads the text: at its left, or at its right for a right-to-left visitor.
  const ImVec2 centre(c.rtl ? b.x - pad - ring : a.x + pad + ring, a.y + h / 2);
  const double total = std::max(1.0, c.f.nav.content().settings.idleCountdownSeconds);
  const float fraction = static_cast<float>(std::clamp(left / total, 0.0, 1.0));
  const float thick = c.u(0.014f);
  c.dl->AddCircle(centre, ring, toImColor(pal().text, 0.15f), 64, thick);
  constexpr float kTop = -1.5707964f, kTurn = 6.2831855f;
  c.dl->PathArcTo(centre, ring, kTop, kTop + kTurn * fraction, 64);
  c.dl->PathStroke(toImColor(c.accent()), 0, thick);
  const float numberSize = std::round(title * 1.4f);
  const std::string number = std::to_string(static_cast<int>(std::ceil(left)));
  const float nw = textWidth(c, c.font(TextRole::Title), numberSize, number);
  putText(c, c.font(TextRole::Title), numberSize, ImVec2(std::round(centre.x - nw / 2), std::round(centre.y - numberSize * 0.62f)),
          toImColor(pal().text), number);
  const float tx = c.rtl ? a.x + pad : centre.x + ring + pad;
  float y = std::round(a.y + (h - textH) / 2);
  c.f.painter.draw(c.dl, question, *c.uiFont("still_there"), tx, y, toImColor(pal().text));
  y += question.height + gap;
  c.f.painter.draw(c.dl, hint, *c.uiFont("still_there_hint"), tx, y, toImColor(c.accent()));
  y += hint.height + gap / 2;
  c.f.painter.draw(c.dl, when, *c.uiFont("starting_over"), tx, y, toImColor(pal().textMuted));
}

} // namespace kiosk::ui
