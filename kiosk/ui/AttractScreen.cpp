// The attract loop: pictures crossfading with a slow pan and zoom, the venue, and an invitation
// in each language in turn.
#include "ui/Screens.h"
#include "ui/ScreensDraw.h"

#include "text/Bidi.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void Screens::drawAttract(Ctx& c) {
  const auto images = c.f.nav.content().attractImages(c.f.nav.today());
  AttractFrame a = c.f.nav.attract(c.f.now);
  const std::uint32_t base = pal().card;
  // Each slide drifts: it zooms from 1.0 to 1.08 over its showing and pans one of four ways
  // (by its place in the loop), continuing through the crossfade. Pictures are decoded 8%
  // larger than the screen, so the zoom never enlarges them.
  constexpr float kZoom = 0.08f, kDecode = 1.08f;
  auto motion = [&](size_t index, double progress) {
    static const ImVec2 kWays[4] = {{-1, -0.6f}, {1, 0.6f}, {0.8f, -1}, {-0.8f, 1}};
    const ImVec2 way = kWays[index % 4];
    const float p = static_cast<float>(progress);
    return Motion{1 + kZoom * p, ImVec2(way.x * (2 * p - 1), way.y * (2 * p - 1))};
  };
  const float dt = m_lastAttractNow >= 0 ? static_cast<float>(std::clamp(c.f.now - m_lastAttractNow, 0.0, 0.1)) : 0;
  m_lastAttractNow = c.f.now;
  // A film sets the length of its slide: the loop holds while it plays, then cuts to a next
  // film on the frame after its last (prepared, paused on its first frame, by a second player:
  // no gap), or crossfades to a picture over its last 1.2 s. A film that fails is its poster
  // for a picture's time; one that never ends (or shows no frame) is left after 10 minutes
  // (5 seconds), so the loop always goes on.
  Films::View film, nextFilm;
  const int W = static_cast<int>(c.W), H = static_cast<int>(c.H);
  if (!images.empty() && c.f.films) {
    const ImageRef& cur = *images[a.current];
    if (cur.video) {
      if (a.slide != m_filmSlide) m_filmSlide = a.slide, m_filmFor = 0;
      m_filmFor += dt;
      film = c.f.films->play(cur, W, H, FilmRole::Attract, a.slide, c.f.now);
      const bool stuck = (!film.ready && m_filmFor > 5) || m_filmFor > 600;
      if (!film.failed && !stuck) {
        const ImageRef& nxt = *images[a.next];
        const double left = film.duration > 0 ? film.duration - film.position : 1e9;
        // Held a millisecond short of the fade: at the fade's very edge rounding could start it,
        // and the next film would start playing under this one.
        constexpr Seconds kEdge = 0.001;
        if (nxt.video) {
          if (film.ended) c.f.nav.skipAttract(a.remaining);
          else if (a.remaining < Navigator::kCrossfadeSeconds + kEdge) c.f.nav.holdAttract(Navigator::kCrossfadeSeconds + kEdge - a.remaining);
        } else if (film.ended || left <= Navigator::kCrossfadeSeconds) {
          if (a.fadeIn > 0) c.f.nav.skipAttract(a.fadeIn);
        } else if (a.remaining < Navigator::kCrossfadeSeconds + kEdge) {
          c.f.nav.holdAttract(Navigator::kCrossfadeSeconds + kEdge - a.remaining);
        }
        const AttractFrame moved = c.f.nav.attract(c.f.now);
        if (moved.slide != a.slide) { // cut: the next film's first frame is this frame's
          a = moved;
          m_filmSlide = a.slide, m_filmFor = 0;
          film = images[a.current]->video ? c.f.films->play(*images[a.current], W, H, FilmRole::Attract, a.slide, c.f.now) : Films::View{};
        } else
          a = moved;
      }
    }
    const ImageRef& nxt = *images[a.next];
    if (nxt.video) nextFilm = a.mix > 0 ? c.f.films->play(nxt, W, H, FilmRole::Attract, a.slide + 1, c.f.now)
                                        : c.f.films->prepare(nxt, W, H, FilmRole::Attract, a.slide + 1);
  }
  // The shades that keep the logo and the text readable on any picture: a near-black veil over
  // the top (with a logo) and the bottom of the screen, laid over the pictures.
  const ImU32 veil = IM_COL32(5, 10, 20, 255);
  const bool hasLogo = c.f.nav.content().settings.hasLogo;
  const float logoH = c.u(0.1f), logoM = c.u(Theme::kMargin * 2);
  constexpr float kTopVeil = 150.0f / 255, kBottomVeil = 225.0f / 255, kBottomFrom = 0.45f;
  // When the loop's picture covers the screen with no alpha (a photo, a film), nothing beneath it
  // is drawn: it replaces the pixels rather than blending over them (addPicture). On a software
  // renderer a pass over the screen that blends costs as much as drawing it again.
  const media::DisplaySize coverBox{static_cast<int>(std::ceil(c.W * kDecode)),
                                    static_cast<int>(std::ceil(c.H * kDecode)), media::Fit::Cover};
  bool covered = false;
  // (While the next slide fades in, it must cover too: a placeholder fading in shows what is beneath.)
  auto covers = [&](const ImageRef& img, const Films::View& f) {
    if (f.ready) return true;
    const TextureCache::View v =
        img.exists ? c.f.textures.peek(img, coverBox) : TextureCache::View{TextureCache::State::Failed};
    return v.state == TextureCache::State::Ready && v.opaque;
  };
  if (!images.empty()) covered = covers(*images[a.current], film) && (a.mix <= 0 || covers(*images[a.next], nextFilm));
  if (!covered) c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), toImColor(c.background()));
  if (!images.empty()) {
    const ImageRef& cur = *images[a.current];
    const ImageRef& nxt = *images[a.next];
    drawImageCover(c.dl, c.f.textures, cur, ImVec2(0, 0), ImVec2(c.W, c.H), base, 1, 0, ImDrawFlags_RoundCornersAll,
                   cur.video ? Motion{} : motion(a.current, a.currentProgress), kDecode, &film);
    if (a.mix > 0) {
      // Never a fade into a gap: while the next picture is still decoding, the loop holds (at
      // most 5 s: a disk that slow must not stop the loop; a picture that cannot be decoded at
      // all fades in as its placeholder at once).
      const auto state = drawImageCover(c.dl, c.f.textures, nxt, ImVec2(0, 0), ImVec2(c.W, c.H), base, a.mix, 0,
                                        ImDrawFlags_RoundCornersAll,
                                        nxt.video ? Motion{} : motion(a.next, a.nextProgress), kDecode, &nextFilm);
      if (state == TextureCache::State::Ready || state == TextureCache::State::Failed || m_heldFor > 5) m_heldFor = 0;
      else {
        m_heldFor += dt;
        c.f.nav.holdAttract(dt);
        drawImageCover(c.dl, c.f.textures, cur, ImVec2(0, 0), ImVec2(c.W, c.H), base, 1, 0, ImDrawFlags_RoundCornersAll,
                       cur.video ? Motion{} : motion(a.current, a.currentProgress), kDecode, &film);
      }
    }
    // Ask for the next two slides now, so they are decoded long before they are needed (a slide
    // shows for 2 s at least; a cover decodes in well under a second).
    const size_t n = images.size();
    for (size_t k = 0; k <= 1; ++k)
      c.f.textures.prefetch(*images[(a.next + k) % n], coverBox);
  }
  const ImTextureID veilRamp = c.f.veilRamp ? c.f.veilRamp(veil) : nullptr;
  auto veilLayer = [&](float y0, float y1, float from, float to) {
    addVeil(c.dl, veilRamp, ImVec2(0, y0), ImVec2(c.W, y1), veil, from, to);
  };
  // The venue's logo, top left, over a soft shade so it reads on any picture.
  if (hasLogo) {
    const float lh = logoH, m = logoM;
    veilLayer(0, lh + 2 * m, kTopVeil, 0);
    // (Top right where the venue's own language is written right to left.)
    const float lx = c.x(m + c.sx, lh * 4);
    drawImageContain(c.dl, c.f.textures, c.f.nav.content().settings.logo, ImVec2(lx, m + c.sy), ImVec2(lx + lh * 4, m + c.sy + lh), base,
                     false, ImVec2(0, 0), 1, ImVec2(0.5f, 0.5f), c.rtl);
  }
  // A dark gradient at the bottom keeps white text readable on any photo.
  veilLayer(c.H * kBottomFrom, c.H, 0, kBottomVeil);
  const auto& settings = c.f.nav.content().settings;
  const float x = c.u(Theme::kMargin * 2) + c.sx;
  const float headline = c.size(TextRole::Headline);
  const float title = c.size(TextRole::Title);
  float y = c.H - c.u(0.40f) + c.sy;
  // The name, the tagline and the prompt take each offered language in turn, one per slide, so
  // every visitor walking past sees the venue and an invitation in their language; the prompt
  // breathes gently.
  const auto& langs = settings.languages;
  const std::string& promptLang = langs.empty() ? c.lang : langs[a.promptIndex % langs.size()];
  const std::string& name = settings.name.get(promptLang, c.fallback);
  const std::string& nameLang = settings.name.languageOf(promptLang, c.fallback);
  text::TextStyle nameStyle;
  nameStyle.pixelSize = headline;
  nameStyle.lineSpacing = 1.15f;
  nameStyle.maxLines = 1;
  float nameSize = headline; // a long name in a long language is set smaller, never cut
  while (nameSize > headline * 0.6f && c.f.painter.layout(name, nameLang, nameStyle, c.W - 2 * (x - c.sx)).truncated)
    nameStyle.pixelSize = nameSize = std::round(nameSize * 0.92f);
  // A slide in a language written right to left is set from the right edge: its name, and its
  // prompt (the tagline and hours, wrapped across the screen, align themselves).
  const bool slideRtl = text::directionOfLanguage(promptLang) == text::BaseDirection::RightToLeft;
  const float nameX = slideRtl ? c.W - x - textWidth(c, &nameLang, nameSize, name) : x;
  putText(c, &nameLang, nameSize, ImVec2(nameX, y + std::round((headline - nameSize) * 0.6f)), toImColor(pal().text), name);
  y += std::round(headline * 1.25f);
  const std::string& tagline = settings.tagline.get(promptLang, c.fallback);
  if (!tagline.empty()) {
    FontRef tf = &settings.tagline.languageOf(promptLang, c.fallback);
    y = drawBlock(c, tf, title, tagline, ImVec2(x, y), c.W - 2 * (x - c.sx), toImColor(pal().textMuted), 2, 1.3f);
  }
  // Today's opening hours, in the same language, when kiosk.toml gives them.
  const std::string hours = openingToday(c.f.strings, promptLang, settings, c.f.nav.today());
  if (!hours.empty())
    drawBlock(c, &promptLang, c.size(TextRole::Body), hours, ImVec2(x, y + c.u(0.01f)), c.W - 2 * (x - c.sx),
              toImColor(pal().text, 0.85f), 1, 1.3f);
  const std::string& prompt = c.f.strings.get(promptLang, "touch_to_explore");
  FontRef pf = &promptLang;
  // A gentle breath (about 50 levels of 255 a second at most), so a frame for every 3 levels
  // is 17 a second: the prompt does not hold the loop at the display's rate.
  constexpr float kBreath = 0.1f, kBreathRate = 2.0f;
  const float pulse = 1 - kBreath + kBreath * std::sin(static_cast<float>(c.f.now) * kBreathRate);
  const float ph = c.u(0.085f);
  const float pw = textWidth(c, pf, title, prompt) + ph * 1.2f;
  const ImVec2 p0(slideRtl ? c.W - x - pw : x, c.H - c.u(0.16f) + c.sy);
  c.dl->AddRectFilled(p0, ImVec2(p0.x + pw, p0.y + ph), toImColor(c.accent(), pulse), ph / 2);
  putText(c, pf, title, ImVec2(p0.x + ph * 0.6f, std::round(p0.y + (ph - title) / 2 - title * 0.06f)),
                toImColor(pal().bar), prompt);
  // A silent film's captions, in the language the slide invites in, above the venue's name.
  if (film.ready && a.mix < 0.5f)
    drawFilmCaptions(c, *images[a.current], film, ImVec2(0, 0), ImVec2(c.W, c.H - c.u(0.40f) - c.u(0.02f)), promptLang);
  // Between crossfades only the slow pan and zoom and the prompt move: the frame loop draws as
  // often as they need (a frame per 2 pixels of motion), not at the display's rate. A fade, a film,
  // a picture still loading or a finger keeps the display's rate.
  if (!images.empty() && a.mix <= 0 && !film.ready && !images[a.current]->video && m_heldFor == 0 && !ImGui::GetIO().MouseDown[0]) {
    const double ahead = 0.1;
    const AttractFrame later = c.f.nav.attract(c.f.now + ahead);
    if (later.slide == a.slide && later.mix <= 0) {
      // How far the picture's corners move on screen in `ahead` seconds, at the fastest point
      // of the slide's drift: one cadence for the whole loop, so frames come evenly spaced.
      auto corners = [&](const Motion& m, ImVec2* out) {
        const float uw = 1 / m.zoom, vh = 1 / m.zoom;
        const float cx = 0.5f + m.pan.x * (1 - uw) / 2, cy = 0.5f + m.pan.y * (1 - vh) / 2;
        for (int k = 0; k < 4; ++k)
          out[k] = ImVec2(cx + ((k & 1) ? 0.5f : -0.5f) * uw, cy + ((k & 2) ? 0.5f : -0.5f) * vh);
      };
      const double step = later.currentProgress - a.currentProgress; // progress in `ahead` seconds
      float px = 0;
      for (int i = 0; i <= 16 && step > 0; ++i) {
        const double p0 = std::min(1.0, i / 16.0), p1 = std::min(1.0, p0 + step);
        ImVec2 from[4], to[4];
        corners(motion(a.current, p0), from);
        corners(motion(a.current, p1), to);
        // Texture units to screen pixels: 1/zoom of the texture fills the screen.
        const float zoom = motion(a.current, p0).zoom;
        for (int k = 0; k < 4; ++k)
          px = std::max({px, std::abs(to[k].x - from[k].x) * c.W * zoom, std::abs(to[k].y - from[k].y) * c.H * zoom});
      }
      m_need.displayRate = false;
      m_need.pixelsPerSecond = px / ahead;
      m_need.framesPerSecond = kBreath * kBreathRate * 255 / 3;
      m_need.untilChange = std::max<Seconds>(0, a.remaining - Navigator::kCrossfadeSeconds);
    }
  }
  // A film between its seams needs a frame for each of its own (30 a second, say), not the
  // display's 60; its end (a cut or a fade) is met at the display's rate.
  if (film.ready && !film.ended && !film.failed && a.mix <= 0 && film.fps > 1 && film.duration > 0 && !ImGui::GetIO().MouseDown[0]) {
    const double left = film.duration - film.position - Navigator::kCrossfadeSeconds - 0.25;
    if (left > 0) {
      m_need.displayRate = false;
      m_need.framesPerSecond = film.fps;
      m_need.pixelsPerSecond = 0;
      m_need.untilChange = left;
    }
  }
  // The whole screen is the target: any tap brings the visitor home, except in a corner while
  // the staff's hidden gesture is on (four corners tapped clockwise open the admin PIN pad).
  // A swipe wakes it as surely as a tap: visitors try either.
  touchTarget(c.f.targets, "attract", ImVec2(0, 0), ImVec2(c.W, c.H));
  if (ImGui::GetIO().MouseReleased[0] && !c.modal) {
    const ImVec2 p = ImGui::GetIO().MouseClickedPos[0];
    const float z = c.f.admin ? c.f.admin->cornerZone : 0;
    const bool corner = z > 0 && (p.x < z || p.x >= c.W - z) && (p.y < z || p.y >= c.H - z);
    if (!corner) c.f.nav.wake(c.f.now);
  }
}

} // namespace kiosk::ui
