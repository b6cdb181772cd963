// The bars: the top bar (logo, name, languages), the bottom bar (Back, Home, where the visitor
// is, display choices), and the low-reach banner.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include "text/LanguageNames.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

// Low reach: above the reachable part, the venue and where the visitor is, to read (nothing
// up here is touched).
void Screens::drawReachBanner(Ctx& c) {
  const float m = c.u(Theme::kMargin);
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.top - c.u(0.01f)), toImColor(pal().bar));
  // The venue on the home screen, the section below it (an item's own title heads its text).
  std::string place = c.text(c.f.nav.content().settings.name);
  if (const Section* s = c.f.nav.section(); s && c.f.nav.screen() != Screen::Home) place = c.text(s->title);
  const float size = c.size(TextRole::Headline) * 0.7f;
  text::TextStyle style;
  style.pixelSize = std::round(size);
  style.lineSpacing = 1.2f;
  style.maxLines = 2;
  const auto& l = c.f.painter.layout(place, c.lang, style, c.W - 2 * m);
  c.f.painter.draw(c.dl, l, c.lang, m, std::round((c.top - l.height) / 2), toImColor(pal().text));
}

//-----------------------------------------------------------------------------
// [SECTION] Bars
//-----------------------------------------------------------------------------

void Screens::drawTopBar(Ctx& c) {
  const float h = c.topBarH, m = c.u(Theme::kMargin);
  c.dl->AddRectFilled(ImVec2(0, c.barY), ImVec2(c.W, c.barY + h), toImColor(pal().bar));
  const float y0 = c.barY + c.sy; // the bar stays; what is on it orbits (burn-in)
  const float title = c.size(TextRole::Title);
  const std::string& name = c.text(c.f.nav.content().settings.name);
  const float nameW = textWidth(c, c.font(TextRole::Title), title, name);

  // Language buttons, right-aligned, each labelled in its own language and font. Eight languages
  // fit beside the name on a landscape screen; on a narrow one the name gives way, then the
  // labels get smaller, so every language stays one touch away.
  const auto& langs = c.f.nav.content().settings.languages;
  const float gap = c.u(0.010f);
  TextRole role = TextRole::Body;
  float pad = 0, total = 0;
  auto measure = [&](TextRole r, float padding) {
    float sum = 0;
    for (const auto& l : langs)
      sum += textWidth(c, &l, c.size(r), text::nativeLanguageName(l)) + padding * 2 + gap;
    return sum;
  };
  const float bh = c.target(0.060f);
  bool showName = true;
  const auto& settings = c.f.nav.content().settings;
  // The logo takes its own width (at most three times its height) once its picture is known.
  float logoW = 0;
  if (settings.hasLogo) {
    const auto v = c.f.textures.get(settings.logo, {static_cast<int>(std::round(bh * 3)), static_cast<int>(bh), media::Fit::Contain});
    const float w = v.state == TextureCache::State::Ready && v.height > 0 ? bh * static_cast<float>(v.width) / static_cast<float>(v.height)
                                                                          : bh * 3;
    logoW = std::min(std::round(bh * 3), std::round(w)) + c.u(0.015f);
  }
  if (langs.size() >= 2) {
    // Keep the name if smaller labels make room for it; give it up only when they do not.
    const float withName = c.W - 2 * m - logoW - nameW - c.u(0.03f), without = c.W - 2 * m - logoW;
    const std::pair<TextRole, float> tries[] = {{TextRole::Body, 0.42f}, {TextRole::Caption, 0.30f}, {TextRole::Caption, 0.20f}};
    bool placed = false;
    for (float room : {withName, without}) {
      for (const auto& [r, padding] : tries) {
        role = r;
        pad = std::round(bh * padding);
        total = measure(role, pad);
        if (total <= room) {
          showName = room == withName;
          placed = true;
          break;
        }
      }
      if (placed) break;
    }
    if (!placed) showName = false;
  }
  float nameX = m + c.sx;
  if (settings.hasLogo) {
    // The venue's logo before the name, as tall as the buttons, never wider than three times that.
    const float lh = bh, lw = std::round(bh * 3);
    const auto [p0, p1] = drawImageContain(c.dl, c.f.textures, settings.logo, ImVec2(nameX, y0 + (h - lh) / 2),
                                           ImVec2(nameX + lw, y0 + (h + lh) / 2), pal().bar, false);
    nameX = p1.x + c.u(0.015f);
  }
  if (showName)
    putText(c, c.font(TextRole::Title), title, ImVec2(nameX, std::round(y0 + (h - title) / 2 - title * 0.05f)),
            toImColor(pal().text), name);
  if (langs.size() < 2) return;
  float x = std::max(m, c.W - m - total + gap) + c.sx;
  for (const auto& l : langs) {
    float w = 0;
    if (pillButton(c, "lang:" + l, ImVec2(x, std::round(y0 + (h - bh) / 2)), bh, Icon::None, text::nativeLanguageName(l),
                   &l, c.size(role), l == c.lang, &w, pad)) {
      c.f.nav.setLanguage(l, c.f.now);
    }
    x += w + gap;
  }
}

void Screens::drawBottomBar(Ctx& c) {
  const float h = c.bottomBarH, m = c.u(Theme::kMargin);
  const float y = c.H - h;
  c.dl->AddRectFilled(ImVec2(0, y), ImVec2(c.W, c.H), toImColor(pal().bar));
  const float bh = c.target(Theme::kButtonHeight), label = c.size(TextRole::Body);
  const float by = std::round(y + (h - bh) / 2) + c.sy;
  float w = 0;
  if (pillButton(c, "back", ImVec2(m + c.sx, by), bh, Icon::Back, c.ui("back"), c.font(TextRole::Body), label, false, &w))
    c.f.nav.back(c.f.now);
  float homeW = 0;
  if (pillButton(c, "home", ImVec2(m + c.sx + w + c.u(0.015f), by), bh, Icon::Home, c.ui("home"), c.font(TextRole::Body), label,
                 false, &homeW))
    c.f.nav.home(c.f.now);
  // Where the visitor is, so a person walking up knows what they are looking at.
  std::string crumb;
  if (const Section* s = c.f.nav.section()) {
    crumb = c.text(s->title);
    if (const Item* i = c.f.nav.item(); i && c.f.nav.screen() == Screen::Item) crumb += "  /  " + c.text(i->title);
  }
  // Display choices (large text, high contrast, low reach), at the right, always in reach.
  const std::string& a11yLabel = c.ui("accessibility");
  float a11yW = 0;
  const float a11yX = c.W - m * 1.5f - (pillWidth(c, bh, Icon::Person, a11yLabel, c.font(TextRole::Body), label)) + c.sx;
  if (pillButton(c, "accessibility", ImVec2(a11yX, by), bh, Icon::Person, a11yLabel, c.font(TextRole::Body), label, m_a11yOpen, &a11yW))
    m_a11yOpen = !m_a11yOpen;
  const float cx = m + c.sx + w + homeW + c.u(0.015f) + c.u(0.03f);
  if (!crumb.empty() && c.f.nav.screen() != Screen::Home) {
    FontRef f = c.font(TextRole::Body);
    const float bs = c.size(TextRole::Body);
    drawBlock(c, f, bs, crumb, ImVec2(cx, std::round(y + (h - bs * 1.3f) / 2) + c.sy), std::max(0.0f, a11yX - cx - m), toImColor(pal().textMuted),
              1, 1.3f);
  }
  if (c.f.contentHasErrors) {
    // A small dot only staff look for: the content folder has errors (F2 shows them).
    const float r = c.u(0.007f);
    c.dl->AddCircleFilled(ImVec2(c.W - m * 0.6f, c.H - m * 0.6f), r, toImColor(pal().error));
  }
}

} // namespace kiosk::ui
