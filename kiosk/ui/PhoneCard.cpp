// The phone hand-off: a QR code on a white card (with the quiet zone the standard asks for),
// what the phone will open, in the visitor's language and saying the page's language, and the
// address written out for a visitor without a camera. Items, sections and home show one.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include "text/LanguageNames.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

// "Official site of the Shenyang Marathon (in Russian)", "Scan to take this page with you".
// `font` is set to the language of the caption: the title's own, or the visitor's for the
// kiosk's words around it.
std::string phoneCaption(Screens::Ctx& c, const PhoneLink& link, const PhoneLink::Target& target, FontRef& font) {
  const std::string& title = c.text(link.title);
  if (target.language.empty()) {
    font = title.empty() ? c.uiFont("qr_caption") : c.langOf(link.title);
    return title.empty() ? c.ui("qr_caption") : title;
  }
  // The page's language is named in the language of the words around it: "(in Russian)" inside
  // English standing in for a French visitor, not "(in russe)".
  const char* key = title.empty() ? "qr_caption_in" : "qr_opens_in";
  font = c.uiFont(key);
  UiStrings::Args args;
  args.texts["language"] = text::languageNameIn(target.language, *font);
  if (!title.empty()) args.texts["title"] = title;
  return c.f.strings.format(c.lang, key, args);
}

// The language an address is laid out in: the visitor's, except that a right-to-left visitor's
// would make it a right-to-left paragraph ("/https://example.org" with the slash thrown to the
// front); an address reads left to right, so it is set as English for them.
FontRef urlFont(const Screens::Ctx& c) {
  static const std::string english = "en";
  return c.rtl ? &english : &c.lang;
}

// Whole pixels per module keep every edge crisp: about a fifth of the short side, never more
// than `maxSide`, and at least 2 (a phone reads that from arm's length); 0: no card.
float modulePixels(Screens::Ctx& c, const QrCode& qr, float maxSide) {
  const float px = std::floor(std::min(c.u(0.19f), maxSide) / static_cast<float>(qr.size + 2 * kQrQuietZone));
  return px < 2 ? 0 : px;
}

} // namespace

const QrCode* Screens::qrFor(const std::string& url) {
  auto [it, fresh] = m_qr.try_emplace(url);
  if (fresh) it->second = encodeQr(url);
  return it->second.size > 0 ? &it->second : nullptr;
}

Screens::PhoneCard Screens::layoutPhoneCard(Ctx& c, const PhoneLink& link, float maxSide, float captionWidth, bool compact) {
  PhoneCard card;
  const auto target = link.forVisitor(c.lang, c.fallback);
  card.qr = target ? qrFor(target->url) : nullptr;
  card.modulePx = card.qr ? modulePixels(c, *card.qr, maxSide) : 0;
  if (card.modulePx == 0) return {};
  card.url = target->url;
  card.side = card.modulePx * static_cast<float>(card.qr->size + 2 * kQrQuietZone);
  card.captionWidth = captionWidth;
  card.width = card.side + c.u(Theme::kGap) + captionWidth;
  // What the phone will open (four lines, then smaller, then two more), then the address.
  card.said = phoneCaption(c, link, *target, card.saidFont);
  card.what = compact ? fitText(c, card.saidFont, card.said, c.size(TextRole::Caption), captionWidth, 2, 1.2f, 0.8f).layout
                      : fitText(c, card.saidFont, card.said, c.size(TextRole::Body), captionWidth, 4, 1.25f, 0.72f, 2).layout;
  card.urlLines = compact ? 1 : 3;
  text::TextStyle style;
  style.pixelSize = c.size(TextRole::Caption);
  style.lineSpacing = 1.3f;
  style.maxLines = card.urlLines;
  card.textHeight = card.what->height + std::round(style.pixelSize * 0.3f) + c.f.painter.layout(card.url, *urlFont(c), style, captionWidth).height;
  card.height = std::max(card.side, card.textHeight);
  return card;
}

// `topLeft` is the card's top left corner on screen (callers place it with Ctx::x).
void Screens::drawPhoneCard(Ctx& c, const PhoneCard& card, ImVec2 topLeft) {
  if (!card.qr) return;
  const QrCode& qr = *card.qr;
  const float modulePx = card.modulePx, side = card.side;
  // The code and its text centred on each other, whichever is taller; the code at the card's
  // start edge (its right for a right-to-left visitor; the code itself is never mirrored).
  const ImVec2 a(std::round(c.xIn(topLeft.x, topLeft.x + card.width, 0, side)), std::round(topLeft.y + (card.height - side) / 2));
  c.dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), IM_COL32(255, 255, 255, 255), c.u(0.008f));
  const ImU32 ink = IM_COL32(0, 0, 0, 255);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size;) { // one rectangle per run of dark modules
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < qr.size && qr.at(end, y)) ++end;
      const float px = a.x + static_cast<float>(x + kQrQuietZone) * modulePx, py = a.y + static_cast<float>(y + kQrQuietZone) * modulePx;
      c.dl->AddRectFilled(ImVec2(px, py), ImVec2(px + static_cast<float>(end - x) * modulePx, py + modulePx), ink);
      x = end;
    }
  // Read by a phone, not touched: no touch target (nor a control to bring within reach).
  const float caption = c.size(TextRole::Caption);
  const float tx = c.rtl ? a.x - c.u(Theme::kGap) - card.captionWidth : a.x + side + c.u(Theme::kGap);
  float ty = std::round(topLeft.y + (card.height - card.textHeight) / 2);
  ty = drawFitted(c, Fitted{card.what, 0, card.saidFont}, card.said, ImVec2(tx, ty), toImColor(pal().text));
  drawBlock(c, urlFont(c), caption, card.url, ImVec2(tx, ty + std::round(caption * 0.3f)), card.captionWidth,
            toImColor(pal().textMuted), card.urlLines, 1.3f, true);
}

} // namespace kiosk::ui
