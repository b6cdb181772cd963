// The gallery: the open item's pictures, one at a time, on the whole screen. A swipe turns to
// the next or previous picture (never to another item), double tap and pinch enlarge it, a
// finger moves an enlarged one; the caption below it, and a bar of large controls at the bottom
// (previous, "2 / 5", next, Close), where every hand reaches them.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {

constexpr float kMaxZoom = 4;
constexpr float kDoubleTapZoom = 2.5f;
constexpr Seconds kDoubleTapSeconds = 0.4;

} // namespace

void Screens::openGallery(float zoom) {
  m_galleryOpen = true;
  m_zoom = std::clamp(zoom, 1.0f, kMaxZoom);
  m_zoomX = m_zoomY = 0.5f;
  m_pictureTapAt = -1;
}

void Screens::closeGallery() {
  m_galleryOpen = false;
  m_zoom = 1;
  m_zoomX = m_zoomY = 0.5f;
}

void Screens::drawGallery(Ctx& c) {
  const Section* s = c.f.nav.section();
  const Item* item = c.f.nav.item();
  if (!s || !item || item->images.empty()) {
    closeGallery();
    return;
  }
  const size_t count = item->images.size();
  m_image = std::min(m_image, count - 1);
  const ImageRef& img = item->images[m_image];
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float body = c.size(TextRole::Body), caption = c.size(TextRole::Caption);
  // A dark room for the picture (black in high contrast), whatever the venue's colours.
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), pal().outlines ? IM_COL32(0, 0, 0, 255) : IM_COL32(14, 15, 18, 255));

  // The controls' bar at the bottom, the height of the screens' bottom bar.
  const float barH = c.bottomBarH, barY = c.H - barH;
  const float bh = c.target(Theme::kButtonHeight);
  const float by = std::round(barY + (barH - bh) / 2) + c.sy;
  c.dl->AddRectFilled(ImVec2(0, barY), ImVec2(c.W, c.H), toImColor(pal().bar));
  const std::string& closeLabel = c.ui("close");
  const float closeW = pillWidth(c, bh, Icon::Close, closeLabel, c.uiFont("close"), body);
  // Laid out from the start edge: for a right-to-left visitor Close is at the left, previous
  // (pointing right) at the right of "2 / 5" and next (pointing left) at its left; a swipe to
  // the right turns to the next picture (swipeIn).
  if (pillButton(c, "gallery:close", ImVec2(c.x(c.W - m - closeW + c.sx, closeW), by), bh, Icon::Close, closeLabel, c.uiFont("close"), body, false,
                 nullptr)) {
    closeGallery();
    return;
  }
  size_t turnTo = m_image;
  if (count > 1) {
    // Previous, where the visitor is, next: in the middle of the bar (a missing neighbour's
    // button is drawn faint and takes no touch).
    const std::string where = std::to_string(m_image + 1) + " / " + std::to_string(count);
    const float ww = std::max(textWidth(c, c.font(TextRole::Body), body, where), body * 3.2f);
    const float total = bh + gap + ww + gap + bh;
    float x = std::round((c.W - total) / 2) + c.sx;
    if (x + total > c.W - m - closeW - gap) x = std::max(m, c.W - m - closeW - gap - total); // a narrow screen: left of Close
    if (m_image > 0) {
      if (iconButton(c, "gallery:prev", ImVec2(c.x(x, bh), by), bh, Icon::Back)) turnTo = m_image - 1;
    } else {
      spentIconButton(c, ImVec2(c.x(x, bh), by), bh, Icon::Back);
    }
    putText(c, c.font(TextRole::Body), body,
            ImVec2(std::round(c.x(x + bh + gap, ww) + (ww - textWidth(c, c.font(TextRole::Body), body, where)) / 2), std::round(by + (bh - body) / 2 - body * 0.06f)),
            toImColor(pal().text), where);
    const float nx = x + bh + gap + ww + gap;
    if (m_image + 1 < count) {
      if (iconButton(c, "gallery:next", ImVec2(c.x(nx, bh), by), bh, Icon::Next)) turnTo = m_image + 1;
    } else {
      spentIconButton(c, ImVec2(c.x(nx, bh), by), bh, Icon::Next);
    }
  }

  // The item's title, small, at the top; the caption above the bar, in a reading measure.
  const float top = m;
  float pictureTop = top;
  const std::string& title = c.text(item->title);
  if (!title.empty()) {
    const Fitted t = fitText(c, c.langOf(item->title), title, body, c.W - 2 * m, 1, 1.25f, 0.8f);
    pictureTop = drawFitted(c, t, title, ImVec2(m, top), IM_COL32(200, 200, 205, 255)) + gap / 2;
  }
  const std::string& cap = c.text(img.caption);
  float pictureBottom = barY - gap;
  if (!cap.empty()) {
    const float capW = std::min(c.W - 2 * m, std::round(caption * 1.15f * 40));
    const Fitted t = fitText(c, c.langOf(img.caption), cap, std::round(caption * 1.15f), capW, 3, 1.4f, 0.85f);
    const float capY = barY - gap / 2 - t.height();
    drawFitted(c, t, cap, ImVec2(std::round((c.W - t.layout->width) / 2), capY), IM_COL32(235, 235, 240, 255));
    pictureBottom = capY - gap / 2;
  }

  // The picture, whole and centred, decoded for the whole screen; until that decode is done,
  // the item screen's (smaller) one stands in, so opening the gallery never shows a blank.
  const ImVec2 a(m, pictureTop), b(c.W - m, std::max(pictureTop + 1, pictureBottom));
  const media::DisplaySize full{static_cast<int>(c.W), static_cast<int>(c.H), media::Fit::Contain};
  const Films::View film = playFilm(c, img, ImVec2(b.x - a.x, b.y - a.y));
  TextureCache::View v = film.ready   ? filmView(film)
                         : img.exists ? c.f.textures.get(img, full)
                                      : TextureCache::View{TextureCache::State::Failed};
  if (v.state != TextureCache::State::Ready && img.exists) {
    const TextureCache::View smaller = c.f.textures.get(img, heroDecodeBox(c));
    if (smaller.state == TextureCache::State::Ready) v = smaller;
  }
  for (const ImageRef& other : item->images) // the pictures the visitor may turn to next
    if (other.exists) c.f.textures.prefetch(other, full);
  ImVec2 p0 = a, p1 = b;
  if (v.state == TextureCache::State::Ready && v.width > 0 && v.height > 0) {
    const float scale = std::min((b.x - a.x) / v.width, (b.y - a.y) / v.height);
    const float dw = std::round(v.width * scale), dh = std::round(v.height * scale);
    p0 = ImVec2(std::round((a.x + b.x - dw) / 2), std::round((a.y + b.y - dh) / 2));
    p1 = ImVec2(p0.x + dw, p0.y + dh);
  }
  const float rw = std::max(1.0f, p1.x - p0.x), rh = std::max(1.0f, p1.y - p0.y);
  // Two fingers pinch it larger (up to 4x) around the point between them, and move it: the
  // point under the fingers stays under them.
  if (m_pinch.active && m_pinch.x >= a.x && m_pinch.x < b.x && m_pinch.y >= a.y && m_pinch.y < b.y) {
    const float fx = (m_pinch.x - (p0.x + p1.x) / 2) / rw, fy = (m_pinch.y - (p0.y + p1.y) / 2) / rh;
    const float u = m_zoomX + fx / m_zoom, w = m_zoomY + fy / m_zoom; // the picture's point under the fingers
    m_zoom = std::clamp(m_zoom * m_pinch.scale, 1.0f, kMaxZoom);
    m_zoomX = u - fx / m_zoom - m_pinch.dx / (rw * m_zoom);
    m_zoomY = w - fy / m_zoom - m_pinch.dy / (rh * m_zoom);
  }
  // One finger moves an enlarged picture; on a whole one, a swipe turns it.
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 from = io.MouseClickedPos[0];
  const bool startedOnPicture = from.x >= a.x && from.x < b.x && from.y >= a.y && from.y < b.y;
  const bool pinched = c.f.touches && c.f.touches->pinchedSinceFirstDown();
  if (m_zoom > 1.001f && io.MouseDown[0] && startedOnPicture && !io.MouseClicked[0] && !c.modal && !m_pinch.active) {
    m_zoomX -= io.MouseDelta.x / (rw * m_zoom);
    m_zoomY -= io.MouseDelta.y / (rh * m_zoom);
  }
  if (m_zoom <= 1.001f && !pinched) {
    if (const int swipe = swipeIn(c, a, b); swipe < 0 && m_image + 1 < count) turnTo = m_image + 1;
    else if (swipe > 0 && m_image > 0) turnTo = m_image - 1;
  }
  const float half = 0.5f / m_zoom;
  m_zoomX = std::clamp(m_zoomX, half, 1 - half);
  m_zoomY = std::clamp(m_zoomY, half, 1 - half);
  c.f.targets.notePicture("gallery", {p0.x, p0.y, p1.x - p0.x, p1.y - p0.y});
  if (v.state == TextureCache::State::Ready)
    addPicture(c.dl, v, p0, p1, ImVec2(m_zoomX - half, m_zoomY - half), ImVec2(m_zoomX + half, m_zoomY + half));
  else
    drawPlaceholder(c.dl, p0, p1, s->colour, v.state == TextureCache::State::Failed, 0);
  if (film.ready) { // before the picture's own target, so the sound buttons take their taps
    drawFilmCaptions(c, img, film, p0, p1, c.lang);
    drawFilmSound(c, p0, p1);
  }
  // A double tap enlarges the picture around the tapped point, or shows it whole again.
  if (touchTarget(c.f.targets, "gallery:picture", a, b) && !pinched) {
    const ImVec2 at = io.MousePos;
    if (m_pictureTapAt >= 0 && c.f.now - m_pictureTapAt <= kDoubleTapSeconds &&
        std::hypot(at.x - m_pictureTapPos.x, at.y - m_pictureTapPos.y) < c.u(0.06f)) {
      if (m_zoom > 1.001f) {
        m_zoom = 1;
        m_zoomX = m_zoomY = 0.5f;
      } else {
        const float u = std::clamp((at.x - p0.x) / rw, 0.0f, 1.0f), w = std::clamp((at.y - p0.y) / rh, 0.0f, 1.0f);
        m_zoom = kDoubleTapZoom;
        const float h2 = 0.5f / m_zoom;
        m_zoomX = std::clamp(u, h2, 1 - h2);
        m_zoomY = std::clamp(w, h2, 1 - h2);
      }
      m_pictureTapAt = -1;
    } else {
      m_pictureTapAt = c.f.now;
      m_pictureTapPos = at;
    }
  }
  if (turnTo != m_image) {
    m_image = turnTo; // another picture opens whole
    m_zoom = 1;
    m_zoomX = m_zoomY = 0.5f;
    m_pictureTapAt = -1;
  }
}

} // namespace kiosk::ui
