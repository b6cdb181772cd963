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
// there is a control). As large as the usual band allows (large text makes the headline larger
// than the band): one line, smaller for a long name, then up to two more lines at the smaller
// size, so a long section title is whole; the band grows to hold them.
static const LocalizedText& reachBannerPlace(Screens::Ctx& c) {
  // The venue on the home screen, the section below it (an item's own title heads its text).
  if (const Section* s = c.f.nav.section(); s && c.f.nav.screen() != Screen::Home) return s->title;
  return c.f.nav.content().settings.name;
}

Fitted fitReachBanner(Screens::Ctx& c, float band) {
  const LocalizedText& place = reachBannerPlace(c);
  const float size = std::min(c.size(TextRole::Headline) * 0.7f, std::floor((band - c.u(0.026f)) / 1.25f));
  return fitText(c, c.langOf(place), c.text(place), size, c.W - 2 * c.u(Theme::kMargin), 1, 1.2f, 0.72f, 2);
}

float reachBannerHeight(Screens::Ctx& c, float band) {
  return std::max(band, std::ceil(fitReachBanner(c, band).height() + c.u(0.026f)));
}

void Screens::drawReachBanner(Ctx& c) {
  const float m = c.u(Theme::kMargin);
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.top - c.u(0.01f)), toImColor(pal().bar));
  const float room = c.top - c.u(0.01f);
  const Fitted t = fitReachBanner(c, std::round(c.topBarH * 0.9f));
  drawFitted(c, t, c.text(reachBannerPlace(c)), ImVec2(m, std::round((room - t.height()) / 2)), toImColor(pal().text));
}

//-----------------------------------------------------------------------------
// [SECTION] Bars
//-----------------------------------------------------------------------------

// The logo's width on the top bar (at most three times its height) once its picture is known.
float logoWidth(Screens::Ctx& c, float bh) {
  const auto& settings = c.f.nav.content().settings;
  if (!settings.hasLogo) return 0;
  const auto v = c.f.textures.get(settings.logo, {static_cast<int>(std::round(bh * 3)), static_cast<int>(bh), media::Fit::Contain});
  const float w = v.state == TextureCache::State::Ready && v.height > 0 ? bh * static_cast<float>(v.width) / static_cast<float>(v.height) : bh * 3;
  return std::min(std::round(bh * 3), std::round(w)) + c.u(0.015f);
}

LanguageBar layoutLanguageBar(Screens::Ctx& c) {
  // Language buttons, right-aligned, each labelled in its own language and font. They are laid
  // out for the venue's longest name in any language, so switching language never moves them
  // under the finger. Eight fit beside the name on a landscape screen; on a narrow one the name
  // gives way, then the labels get smaller, then they take two rows: every language stays one
  // touch away and whole.
  LanguageBar bar;
  const auto& settings = c.f.nav.content().settings;
  const auto& langs = settings.languages;
  bar.buttonH = c.target(0.060f);
  bar.gap = c.u(0.010f);
  if (langs.size() < 2) return bar;
  const float m = c.u(Theme::kMargin), title = c.size(TextRole::Title);
  float nameW = 0;
  for (const auto& l : langs) nameW = std::max(nameW, textWidth(c, &settings.name.languageOf(l, c.fallback), title, settings.name.get(l, c.fallback)));
  const float logoW = logoWidth(c, bar.buttonH);
  auto measure = [&](TextRole r, float padding, size_t from, size_t to) {
    float sum = 0;
    for (size_t i = from; i < to; ++i) sum += textWidth(c, &langs[i], c.size(r), text::nativeLanguageName(langs[i])) + padding * 2 + bar.gap;
    return sum;
  };
  const float withName = c.W - 2 * m - logoW - nameW - c.u(0.03f), without = c.W - 2 * m - logoW;
  const std::pair<TextRole, float> tries[] = {{TextRole::Body, 0.42f}, {TextRole::Caption, 0.30f}, {TextRole::Caption, 0.20f}};
  for (float room : {withName, without})
    for (const auto& [r, padding] : tries) {
      const float pad = std::round(bar.buttonH * padding);
      if (measure(r, pad, 0, langs.size()) <= room) {
        bar.role = r;
        bar.pad = pad;
        bar.showName = room == withName;
        bar.split = langs.size();
        return bar;
      }
    }
  // Two rows, the first the longer by one when the count is odd; the name stays off.
  bar.showName = false;
  bar.split = (langs.size() + 1) / 2;
  for (const auto& [r, padding] : tries) {
    bar.role = r;
    bar.pad = std::round(bar.buttonH * padding);
    if (std::max(measure(r, bar.pad, 0, bar.split), measure(r, bar.pad, bar.split, langs.size())) <= c.W - 2 * m) break;
  }
  bar.rows = 2;
  return bar;
}

void Screens::drawTopBar(Ctx& c) {
  const float h = c.topBarH, m = c.u(Theme::kMargin);
  c.dl->AddRectFilled(ImVec2(0, c.barY), ImVec2(c.W, c.barY + h), toImColor(pal().bar));
  const float y0 = c.barY + c.sy; // the bar stays; what is on it orbits (burn-in)
  const float title = c.size(TextRole::Title);
  const LanguageBar& bar = c.languageBar;
  const float bh = bar.buttonH;
  const auto& settings = c.f.nav.content().settings;
  const auto& langs = settings.languages;
  // Laid out from the start edge (the right for a right-to-left visitor): logo, name; the
  // language buttons at the end.
  float nameX = m + c.sx;
  if (settings.hasLogo && bar.rows == 1) {
    // The venue's logo before the name, as tall as the buttons, never wider than three times that.
    const float lw = std::round(bh * 3);
    const float lx = c.x(nameX, lw);
    const auto [p0, p1] = drawImageContain(c.dl, c.f.textures, settings.logo, ImVec2(lx, y0 + (h - bh) / 2),
                                           ImVec2(lx + lw, y0 + (h + bh) / 2), pal().bar, false, ImVec2(0, 0), 1,
                                           ImVec2(0.5f, 0.5f), c.rtl);
    nameX = (c.rtl ? c.W - p0.x : p1.x) + c.u(0.015f);
  }
  if (bar.showName) {
    const std::string& name = c.text(settings.name);
    FontRef nameFont = c.langOf(settings.name);
    const float nx = c.rtl ? c.x(nameX, textWidth(c, nameFont, title, name)) : nameX;
    putText(c, nameFont, title, ImVec2(nx, std::round(y0 + (h - title) / 2 - title * 0.05f)), toImColor(pal().text), name);
  }
  if (langs.size() < 2) return;
  const float rowGap = c.u(0.008f);
  const float rowsH = bh * static_cast<float>(bar.rows) + rowGap * static_cast<float>(bar.rows - 1);
  for (int row = 0; row < bar.rows; ++row) {
    const size_t from = row == 0 ? 0 : bar.split, to = row == 0 ? bar.split : langs.size();
    float total = 0;
    for (size_t i = from; i < to; ++i) total += pillWidth(c, bh, Icon::None, text::nativeLanguageName(langs[i]), &langs[i], c.size(bar.role), bar.pad) + bar.gap;
    float x = std::max(m, c.W - m - total + bar.gap) + c.sx;
    const float y = std::round(y0 + (h - rowsH) / 2 + static_cast<float>(row) * (bh + rowGap));
    for (size_t i = from; i < to; ++i) {
      const std::string& l = langs[i];
      const std::string& label = text::nativeLanguageName(l);
      float w = c.rtl ? pillWidth(c, bh, Icon::None, label, &l, c.size(bar.role), bar.pad) : 0;
      if (pillButton(c, "lang:" + l, ImVec2(c.x(x, w), y), bh, Icon::None, label, &l, c.size(bar.role), l == c.lang, &w, bar.pad))
        c.f.nav.setLanguage(l, c.f.now);
      x += w + bar.gap;
    }
  }
}

void Screens::drawBottomBar(Ctx& c) {
  const float h = c.bottomBarH, m = c.u(Theme::kMargin);
  const float y = c.H - h;
  c.dl->AddRectFilled(ImVec2(0, y), ImVec2(c.W, c.H), toImColor(pal().bar));
  const float bh = c.target(Theme::kButtonHeight), label = c.size(TextRole::Body);
  const float by = std::round(y + (h - bh) / 2) + c.sy;
  // Laid out from the start edge (the right for a right-to-left visitor, Back's arrow pointing
  // right): Back, Home, where the visitor is; the item pager and the display choices at the end.
  // Home is the top: no Back there (it would end the visit), and Home is the screen itself.
  float w = 0, homeW = 0;
  if (c.f.nav.screen() != Screen::Home) {
    if (c.rtl) {
      w = pillWidth(c, bh, Icon::Back, c.ui("back"), c.uiFont("back"), label);
      homeW = pillWidth(c, bh, Icon::Home, c.ui("home"), c.uiFont("home"), label);
    }
    if (pillButton(c, "back", ImVec2(c.x(m + c.sx, w), by), bh, Icon::Back, c.ui("back"), c.uiFont("back"), label, false, &w))
      c.f.nav.back(c.f.now);
    if (pillButton(c, "home", ImVec2(c.x(m + c.sx + w + c.u(0.015f), homeW), by), bh, Icon::Home, c.ui("home"), c.uiFont("home"), label,
                   false, &homeW))
      c.f.nav.home(c.f.now);
  }
  // Home has no Back or Home: the venue's own page for the visitor's phone sits there, as a
  // QR code as tall as the bar allows and two lines saying what it opens (read, not touched).
  if (c.f.nav.screen() == Screen::Home) {
    const PhoneLink& link = c.f.nav.content().settings.phoneLink;
    const float a11yLeft = c.W - m * 1.5f - pillWidth(c, bh, Icon::Person, c.ui("accessibility"), c.uiFont("accessibility"), label);
    const float room = a11yLeft - m - c.u(0.03f);
    const float side = h - 2 * c.u(0.01f);
    if (!link.empty() && room > side + c.u(Theme::kGap) + c.size(TextRole::Caption) * 8) {
      const float captionW = std::min(room - side - c.u(Theme::kGap), c.size(TextRole::Caption) * 30);
      const PhoneCard card = layoutPhoneCard(c, link, side, captionW, true);
      if (card.qr && card.height <= h) {
        drawPhoneCard(c, card, ImVec2(c.x(m, card.width), std::round(y + (h - card.height) / 2)));
      }
    }
  }
  // Where the visitor is, so a person walking up knows what they are looking at.
  std::string crumb;
  FontRef crumbFont = c.font(TextRole::Body);
  if (const Section* s = c.f.nav.section()) {
    crumb = c.text(s->title);
    crumbFont = c.langOf(s->title); // the section's title leads: the crumb is set in its language
    if (const Item* i = c.f.nav.item(); i && c.f.nav.screen() == Screen::Item) crumb += "  /  " + c.text(i->title);
  }
  // Display choices (large text, high contrast, low reach), at the right, always in reach.
  const std::string& a11yLabel = c.ui("accessibility");
  float a11yW = 0;
  const float a11yPill = pillWidth(c, bh, Icon::Person, a11yLabel, c.uiFont("accessibility"), label);
  const float a11yX = c.W - m * 1.5f - (a11yPill) + c.sx;
  if (pillButton(c, "accessibility", ImVec2(c.x(a11yX, a11yPill), by), bh, Icon::Person, a11yLabel, c.uiFont("accessibility"), label, m_a11yOpen, &a11yW))
    m_a11yOpen = !m_a11yOpen;
  // On an item: previous and next item of the section, and where this one is ("3 / 6"), the
  // visible cue for what a swipe on the text does.
  float right = a11yX;
  if (c.f.nav.screen() == Screen::Item)
    right = drawItemPager(c, a11yX - c.u(0.03f), by, bh, m + c.sx + w + homeW + c.u(0.03f)) - c.u(0.015f);
  const float cx = m + c.sx + w + homeW + c.u(0.015f) + c.u(0.03f);
  // Left out where there is no room for a few words: a word broken across lines says less
  // than nothing, and the screen itself names where the visitor is.
  if (!crumb.empty() && c.f.nav.screen() != Screen::Home && right - cx - m >= c.size(TextRole::Body) * 7) {
    // Where the visitor is: two lines, then smaller; only then cut (the section's header and
    // the item's title say it in full on the screen itself).
    const float room = std::max(0.0f, right - cx - m);
    const Fitted t = fitText(c, crumbFont, crumb, c.size(TextRole::Body), room, 2, 1.2f, 0.7f);
    c.f.painter.draw(c.dl, *t.layout, *t.font, c.x(cx, room), std::round(y + (h - t.height()) / 2) + c.sy, toImColor(pal().textMuted));
    c.f.targets.noteText(crumb, *t.font, t.layout->truncated, true);
  }
  if (c.f.contentHasErrors) {
    // A small dot only staff look for: the content folder has errors (F2 shows them).
    const float r = c.u(0.007f);
    c.dl->AddCircleFilled(ImVec2(c.W - m * 0.6f, c.H - m * 0.6f), r, toImColor(pal().error));
  }
}

} // namespace kiosk::ui
