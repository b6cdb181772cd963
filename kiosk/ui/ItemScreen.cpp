// An item: its pictures on the left (above, in portrait), its text on the right; a QR card.
// For a right-to-left visitor the columns swap: the pictures at the right, the text at the left.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void Screens::drawItem(Ctx& c) {
  const Section* s = c.f.nav.section();
  const Item* item = c.f.nav.item();
  if (!s || !item) return;
  const std::string key = s->id + "/" + item->id;
  if (m_imageFor != key) {
    m_imageFor = key;
    m_image = 0;
    closeGallery();
  }
  const float top = c.top, bottom = c.bottom;
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body), caption = c.size(TextRole::Caption);

  // The pictures take the left column (landscape) or the upper part (portrait): the selected
  // image, its caption, and thumbnails when there are several. A map item's map takes it instead.
  const HotspotMap* map = item->map ? &*item->map : nullptr;
  const size_t count = map ? 0 : item->images.size();
  const bool media = count > 0 || map;
  const bool stacked = c.portrait();
  const float mapAspect = map && map->width > 0 && map->height > 0 ? static_cast<float>(map->width) / static_cast<float>(map->height) : 0;
  const MediaColumn column =
      itemMediaColumn(c, map ? mapAspect : count > 0 ? itemPictureAspect(c, item->images[std::min(m_image, count - 1)]) : 0);
  const float leftW = column.width, mediaBottom = column.bottom;
  float imgBottom = mediaBottom - m;
  if (count > 1) imgBottom -= c.u(0.11f) + gap;
  float mediaEnd = top; // where the pictures and their caption end, for the stacked layout
  if (count > 0) {
    m_image = std::min(m_image, count - 1);
    const ImageRef& img = item->images[m_image];
    const std::string& cap = c.text(img.caption);
    const float capH = cap.empty() ? 0 : std::round(caption * 1.4f * 2) + gap / 2;
    // The media column starts at the start edge (the right for a right-to-left visitor).
    const float mediaX = c.x(m, leftW);
    const ImVec2 a(mediaX, top + m), b(mediaX + leftW, imgBottom - capH);
    const media::DisplaySize hero = heroDecodeBox(c);
    // A film plays here, with sound, while the gallery is closed (the gallery plays it larger).
    const Films::View film = playFilm(c, img, ImVec2(b.x - a.x, b.y - a.y));
    const auto [p0, p1] = drawImageContain(c.dl, c.f.textures, img, a, b, s->colour, true, ImVec2(hero.width, hero.height), 1,
                                           ImVec2(0.5f, 0.5f), false, &film);
    if (film.ready) {
      drawFilmCaptions(c, img, film, p0, p1, c.lang);
      drawFilmSound(c, p0, p1);
    }
    c.f.targets.notePicture("item", {p0.x, p0.y, p1.x - p0.x, p1.y - p0.y});
    // A tap on the picture opens the gallery; so do two fingers spreading on it (as a visitor
    // pinches a photo on a phone), already enlarged by as much.
    // In low reach, the part of the picture within the band takes the tap; when too little
    // of it is, an "enlarge" button beside the thumbnails does (below).
    const bool lowReach = c.f.nav.accessibility().lowReach;
    const float tapTop = lowReach ? std::max(p0.y, c.reachTop) : p0.y;
    const bool pictureInReach = p1.y - tapTop >= c.target(Theme::kButtonHeight);
    if (pictureInReach && touchTarget(c.f.targets, "picture", ImVec2(p0.x, tapTop), ImVec2(std::max(p1.x, p0.x + 1), p1.y)) && !c.modal)
      openGallery();
    if (m_pinch.active && m_pinch.scale > 1.02f && m_pinch.x >= p0.x && m_pinch.x < p1.x && m_pinch.y >= p0.y && m_pinch.y < p1.y)
      openGallery(m_pinch.scale);
    // What the picture offers, said on it: "2 / 5" when there are several, and the corners of
    // "enlarge" in a dark disc at its bottom right (left, for a right-to-left visitor).
    if (p1.x - p0.x > c.u(0.2f) && p1.y - p0.y > c.u(0.15f)) {
      const float inset = c.u(0.012f), cue = c.u(0.05f);
      if (count > 1)
        drawBadge(c, std::to_string(m_image + 1) + " / " + std::to_string(count), ImVec2(c.rtl ? p0.x + inset : p1.x - inset, p0.y + inset),
                  caption);
      const ImVec2 centre(c.rtl ? p0.x + inset + cue / 2 : p1.x - inset - cue / 2, p1.y - inset - cue / 2);
      // The disc is a button of its own too (the same as the picture), so scripts and a
      // keypad name one "enlarge" wherever it sits.
      if (pictureInReach && centre.y - cue / 2 >= tapTop &&
          touchTarget(c.f.targets, "enlarge", ImVec2(centre.x - cue / 2, centre.y - cue / 2), ImVec2(centre.x + cue / 2, centre.y + cue / 2)) &&
          !c.modal)
        openGallery();
      c.dl->AddCircleFilled(centre, cue / 2, IM_COL32(0, 0, 0, 150), 40);
      drawIcon(c.dl, Icon::Enlarge, centre, std::round(cue * 0.42f), IM_COL32(255, 255, 255, 255));
    }
    // Swiping the picture turns to the next or previous one; at either end it stays (the
    // section's next item is the pager's and the text's swipe, never a surprise).
    const bool pinching = c.f.touches && c.f.touches->pinchedSinceFirstDown();
    if (const int swipe = pinching ? 0 : swipeIn(c, a, b); swipe != 0) {
      if (swipe < 0 && m_image + 1 < count) ++m_image;
      else if (swipe > 0 && m_image > 0) --m_image;
    }
    for (const ImageRef& other : item->images) // the thumbnails the visitor may tap next
      if (other.exists) c.f.textures.prefetch(other, hero);
    // The caption sits right under the picture, aligned with its left edge.
    if (!cap.empty())
      drawBlock(c, c.langOf(img.caption), caption, cap, ImVec2(p0.x, p1.y + gap / 2), p1.x - p0.x, toImColor(pal().textMuted), 2, 1.4f);
    mediaEnd = p1.y + (cap.empty() ? 0 : capH);
    if (count > 1) {
      const float th = c.u(0.11f), tw = std::round(th * 16 / 9);
      // Thumbnails are controls: in low reach, within the reach band.
      const float ty = std::max(stacked ? mediaEnd + gap / 2 : mediaBottom - m - th, c.reachTop);
      mediaEnd = ty + th;
      for (size_t i = 0; i < count; ++i) {
        const float start = m + i * (tw + gap / 2); // from the start edge, as the column
        if (start + tw > m + leftW - (pictureInReach ? 0 : c.target(Theme::kButtonHeight) + gap)) break;
        const ImVec2 ta(c.x(start, tw), ty), tb(ta.x + tw, ta.y + th);
        if (touchTarget(c.f.targets, "image:" + std::to_string(i + 1), ta, tb)) m_image = i;
        drawImageCover(c.dl, c.f.textures, item->images[i], ta, tb, s->colour);
        if (i == m_image) c.dl->AddRect(ta, tb, toImColor(c.accent()), 0, 0, c.u(0.004f));
      }
    }
    if (!pictureInReach) {
      // The picture hangs above the reach band: its "enlarge" is a button at the right of the
      // thumbnails' row (a row of its own for a single picture), where the hand is.
      const float side = c.target(Theme::kButtonHeight);
      const float th = c.u(0.11f);
      const float ey = count > 1 ? mediaEnd - th + (th - side) / 2 : mediaEnd + gap / 2;
      const ImVec2 ea(c.x(m + leftW - side, side), std::max(ey, c.reachTop));
      if (iconButton(c, "enlarge", ea, side, Icon::Enlarge) && !c.modal) openGallery();
      mediaEnd = std::max(mediaEnd, ea.y + side);
    }
  }
  // The text column: title, summary, body; dragged vertically when longer than the column.
  float x = (media && !stacked ? m + leftW + gap * 2 : m);
  float colW = c.W - m - x;
  // Running text keeps a reading measure (about 70 Latin letters, 36 ideographs a line): a
  // text-only item, or a portrait screen, centres a column of that width instead of running
  // lines across the whole screen.
  const float measure = std::round(body * 36);
  if (colW > measure) {
    if (!media || stacked) x += std::round((colW - measure) / 2);
    colW = measure;
  }
  // `x` is from the start edge; `px` is where the column's left edge is on screen (for a
  // right-to-left visitor the text column is at the left, after the pictures at the right).
  const float px = c.x(x, colW);
  // The title, the event's days and the summary: at the top of the text column.
  auto head = [&](float y) {
    const std::string& t = c.text(item->title);
    y = drawBlock(c, c.langOf(item->title), title, t, ImVec2(px, y), colW, toImColor(pal().text), SIZE_MAX, 1.25f);
    y += std::round(body * 0.5f);
    if (const std::string dates = eventDates(c.f.strings, c.lang, *item); !dates.empty())
      y = drawBlock(c, c.font(TextRole::Body), body, dates, ImVec2(px, y), colW, toImColor(pal().text), SIZE_MAX, 1.45f) + std::round(body * 0.15f);
    const std::string& summary = c.text(item->summary);
    if (!summary.empty())
      y = drawBlock(c, c.langOf(item->summary), body, summary, ImVec2(px, y), colW, toImColor(c.accent()), SIZE_MAX, 1.55f) +
          std::round(body * 0.8f);
    return y;
  };
  // A portrait screen in low reach takes a map down into the reach band: its title and summary
  // take the room above it, where nothing is touched, instead of leaving it empty.
  const bool headAbove = map && stacked && c.reachTop > c.top;
  if (map) {
    const float mapTop = headAbove ? std::max(top + m, head(top + m)) : top + m;
    const float mediaX = c.x(m, leftW);
    mediaEnd = drawMapPicture(c, *item, key, ImVec2(mediaX, mapTop), ImVec2(mediaX + leftW, std::max(mediaBottom, mapTop + c.u(0.2f)) - m));
  }

  const float textTop = (media && stacked ? mediaEnd : top) + m;
  float textBottom = bottom - m;
  // An item with a link ends its column with a QR code, so visitors take the page home.
  if (!item->phoneLink.empty()) {
    // The code gives way to the text: at least four lines of it stay above the card.
    const float room = textBottom - textTop - c.size(TextRole::Body) * 1.6f * 4 - gap;
    const PhoneCard card = room > 0 ? layoutPhoneCard(c, item->phoneLink, room, colW - c.u(0.19f) - c.u(Theme::kGap)) : PhoneCard{};
    if (card.qr && card.height <= room + c.size(TextRole::Body) * 1.6f * 2) {
      drawPhoneCard(c, card, ImVec2(c.x(x, card.width), textBottom - card.height));
      m_qrShown = true; // drawn (a card too small to scan is left out)
      textBottom -= card.height + gap;
    }
  }

  const ImVec2 ca(px, textTop), cb(px + colW, textBottom);
  // The accent bar beside the title, on the column's start side (its right, right to left).
  if (!stacked) {
    const float barX = c.x(x - gap, c.u(0.004f));
    c.dl->AddRectFilled(ImVec2(barX, textTop), ImVec2(barX + c.u(0.004f), textTop + title * 1.2f), toImColor(s->colour));
  }
  if (const int swipe = swipeIn(c, ca, cb); swipe != 0) m_swipeItem = swipe; // the next or previous item
  // The text's height is known once it is laid out: scroll by last frame's height.
  float& textHeight = m_heights[key];
  const float scroll = dragScroll("text:" + key, ca, cb, textHeight);
  // A little headroom above the column: Thai tone marks and Vietnamese accents rise above the
  // em box of the first line, and must not be cut off.
  ImGui::PushClipRect(ImVec2(ca.x - c.u(0.01f), ca.y - c.u(0.02f)), ImVec2(cb.x + c.u(0.01f), cb.y), true);
  // What the column holds to tap (a map's legend) scrolls with it.
  c.f.targets.beginArea({"text:" + key, {ca.x, ca.y, cb.x - ca.x, cb.y - ca.y}, std::max(0.0f, textHeight - (cb.y - ca.y)), scroll});
  float y = ca.y - scroll;
  if (!headAbove) y = head(y);
  // A map's legend: every point's number and label, before the body.
  if (map) y = drawMapLegend(c, *item, key, px, y, colW, scroll) + std::round(body * 0.6f);
  // The body: paragraphs, headings, lists, with bold drawn brighter and doubled a pixel apart
  // (ImGui draws one weight; the text engine of the next issue brings real bold faces).
  const std::string* bodyLang = &c.lang;
  if (const RichText* rich = item->richBody(c.lang, c.fallback, &bodyLang)) {
    const ImU32 ink = toImColor(pal().text, 0.9f), strongInk = toImColor(pal().text);
    for (const RichBlock& block : *rich) {
      const bool heading = block.kind == RichBlock::Kind::Heading;
      const bool listItem = block.kind == RichBlock::Kind::Bullet || block.kind == RichBlock::Kind::Numbered;
      FontRef font = bodyLang; // the body's own language, which may be a fallback's
      const float size = heading && block.level <= 2 ? title * 0.8f : body;
      const float leading = heading ? 1.3f : 1.6f;
      const float indent = listItem ? std::round(body * 1.4f * static_cast<float>(block.level)) : 0.0f;
      if (heading) y += std::round(body * 0.4f);
      if (listItem) {
        const std::string marker = block.kind == RichBlock::Kind::Bullet ? "\u2022" : std::to_string(block.number) + ".";
        const float mw = textWidth(c, font, size, marker);
        // The bullet or number before the item: on its right for a right-to-left visitor.
        putText(c, font, size, ImVec2(c.x(x + indent - mw - body * 0.5f, mw), std::round(y + (size * leading - size) / 2)),
                toImColor(c.accent()), marker);
      }
      const float width = colW - indent;
      text::TextStyle style;
      style.pixelSize = size;
      style.lineSpacing = leading;
      const auto& laid = c.f.painter.layout(block.text, *bodyLang, style, width);
      // Bold spans are drawn brighter and doubled a pixel apart (one weight until bold faces).
      std::vector<TextPainter::Span> bold;
      for (const auto& span : block.strong) bold.push_back({span.begin, span.end});
      c.f.painter.draw(c.dl, laid, *bodyLang, c.x(x + indent, width), y, heading ? strongInk : ink, &bold, strongInk);
      c.f.targets.noteText(block.text, *bodyLang, false, false, longestLine(block.text, laid));
      y += laid.height;
      y += std::round(body * (listItem ? 0.2f : 0.7f));
    }
  }
  textHeight = y + scroll - ca.y;
  c.f.targets.endArea(textHeight - (cb.y - ca.y));
  ImGui::PopClipRect();
  // The column as a whole, after what it holds: a legend row takes a tap before it does.
  touchTarget(c.f.targets, "text", ca, cb);
  drawScrollHints(c, ca, cb, textHeight, scroll);

  // A swipe asked for the next (or previous) item of the section: it opens now, at its top.
  if (const int swipe = std::exchange(m_swipeItem, 0); swipe != 0) {
    const auto items = Content::visibleItems(*s, c.f.nav.today());
    const auto at = std::find(items.begin(), items.end(), item);
    const long next = static_cast<long>(at - items.begin()) - swipe;
    if (at != items.end() && next >= 0 && next < static_cast<long>(items.size())) c.f.nav.openItem(items[static_cast<size_t>(next)]->id, c.f.now);
  }
}

float Screens::drawItemPager(Ctx& c, float right, float y, float height, float minLeft) {
  const Section* s = c.f.nav.section();
  const Item* item = c.f.nav.item();
  if (!s || !item) return right;
  const auto items = Content::visibleItems(*s, c.f.nav.today());
  const auto at = std::find(items.begin(), items.end(), item);
  if (items.size() < 2 || at == items.end()) return right;
  const size_t index = static_cast<size_t>(at - items.begin());
  const float body = c.size(TextRole::Body);
  float gap = c.u(0.012f);
  std::string where = std::to_string(index + 1) + " / " + std::to_string(items.size());
  float ww = std::max(textWidth(c, c.font(TextRole::Body), body, where), body * 2.6f);
  // Where Back and Home are wide (large text, a long word), the pager gives up its spacing,
  // then "3 / 6", then itself (a swipe still turns the item): it never runs over Home.
  if (right - (2 * height + 2 * gap + ww) < minLeft) {
    gap = c.u(0.006f);
    ww = textWidth(c, c.font(TextRole::Body), body, where);
  }
  if (right - (2 * height + 2 * gap + ww) < minLeft) {
    where.clear();
    ww = 0;
  }
  if (right - (2 * height + 2 * gap + ww) < minLeft) return right;
  // `right` and `left` are from the start edge: for a right-to-left visitor the pager is at the
  // bar's left, previous at its right pointing right, next at its left pointing left.
  const float left = right - (height + gap + ww + gap + height);
  // The whole pager, for the layout rules (nothing may run over it).
  c.f.targets.placeRegion("item-pager", {c.x(left, right - left), y, right - left, height});
  if (index > 0) {
    if (iconButton(c, "previous-item", ImVec2(c.x(left, height), y), height, Icon::Back)) m_swipeItem = 1;
  } else {
    spentIconButton(c, ImVec2(c.x(left, height), y), height, Icon::Back);
  }
  putText(c, c.font(TextRole::Body), body,
          ImVec2(std::round(c.x(left + height + gap, ww) + (ww - textWidth(c, c.font(TextRole::Body), body, where)) / 2), std::round(y + (height - body) / 2 - body * 0.06f)),
          toImColor(pal().textMuted), where);
  if (index + 1 < items.size()) {
    if (iconButton(c, "next-item", ImVec2(c.x(right - height, height), y), height, Icon::Next)) m_swipeItem = -1;
  } else {
    spentIconButton(c, ImVec2(c.x(right - height, height), y), height, Icon::Next);
  }
  // The bar is drawn after the screen: turn now, as a swipe on the text would.
  if (const int swipe = std::exchange(m_swipeItem, 0); swipe != 0) {
    const long next = static_cast<long>(index) - swipe;
    if (next >= 0 && next < static_cast<long>(items.size())) c.f.nav.openItem(items[static_cast<size_t>(next)]->id, c.f.now);
  }
  return left;
}

} // namespace kiosk::ui
