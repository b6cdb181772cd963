#include "BrowserPage.h"

#include "core/ContentLoader.h"
#include "core/UiStrings.h"
#include "text/FontLibrary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace fs = std::filesystem;

namespace bench {

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '<') out += "&lt;";
    else if (ch == '>') out += "&gt;";
    else if (ch == '&') out += "&amp;";
    else if (ch == '"') out += "&quot;";
    else out += ch;
  }
  return out;
}

// A file:// URL: every byte outside the unreserved set and '/' percent-encoded.
std::string fileUrl(const fs::path& p) {
  std::string out = "file://";
  for (unsigned char ch : p.string()) {
    if (std::isalnum(ch) || ch == '/' || ch == '-' || ch == '_' || ch == '.' || ch == '~') out += static_cast<char>(ch);
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

std::string css(std::uint32_t rgba, float alpha = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "rgba(%u,%u,%u,%.3f)", (rgba >> 24) & 0xFF, (rgba >> 16) & 0xFF, (rgba >> 8) & 0xFF,
                alpha * static_cast<float>(rgba & 0xFF) / 255.0f);
  return buf;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// The kiosk's theme (kiosk/ui/Theme.h), as CSS needs it.
constexpr std::uint32_t kCard = 0x16263DFF, kText = 0xF4F1EAFF, kTextMuted = 0xB9C3D0FF, kAccent = 0xD4A24CFF, kBar = 0x0A1320FF;
// The kiosk's text sizes on a 1080-pixel screen (Theme::textSize).
constexpr float kTitlePx = 40, kHeadlinePx = 88;

} // namespace

BrowserPage makeBrowserPage(const fs::path& content, const fs::path& assets, kiosk::CivilDate today, int W, int H) {
  BrowserPage page;
  const auto loaded = kiosk::loadContent(content);
  if (!loaded.content) {
    page.error = "cannot read the content folder " + content.string();
    return page;
  }
  const kiosk::Content& c = *loaded.content;
  std::vector<kiosk::Diagnostic> diagnostics;
  const auto strings = kiosk::UiStrings::load(assets / "ui-strings.toml", diagnostics);
  for (const auto& s : c.sections)
    for (const auto& i : s.items)
      if (std::any_of(i.images.begin(), i.images.end(), [](const kiosk::ImageRef& r) { return r.video; }))
        // sourceFile is as staff see it: the content folder's own name, then the path inside it.
        page.films.push_back(content / fs::path(i.sourceFile).lexically_relative(*fs::path(i.sourceFile).begin()));
  const auto images = c.attractImages(today);
  for (const auto* img : images) page.pictures.push_back(img->file.string());
  for (const auto& s : c.sections)
    if (s.hasCover && s.cover.exists) page.covers.push_back(s.cover.file.string());
  if (images.size() < 2) {
    page.error = "the attract loop of " + content.string() + " has fewer than two pictures";
    return page;
  }
  for (const auto* img : images)
    if (img->video) {
      page.error = "the attract loop has a film (" + img->displayPath + "): run on a copy without films";
      return page;
    }

  const auto& st = c.settings;
  const double S = std::isfinite(st.attractSlideSeconds) ? std::max(st.attractSlideSeconds, 2.4) : 7; // Navigator::attract
  page.slideSeconds = S;
  const double X = 1.2; // Navigator::kCrossfadeSeconds
  const size_t N = images.size();
  const double T = S * static_cast<double>(N);
  const float short_ = static_cast<float>(std::min(W, H));
  auto u = [&](float f) { return std::round(f * short_); };
  const float margin = u(0.07f), headline = std::round(kHeadlinePx * short_ / 1080), title = std::round(kTitlePx * short_ / 1080);
  const std::uint32_t accent = st.accentColour.value_or(kAccent);

  std::string h = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>attract</title>\n<style>\n";
  h += "html,body{margin:0;width:100%;height:100%;overflow:hidden;background:" + css(kCard) + ";cursor:none}\n";
  h += ".s{position:absolute;left:0;top:0;width:100%;height:100%;overflow:hidden}\n";
  h += ".s img{position:absolute;left:0;top:0;width:100%;height:100%;object-fit:cover}\n";
  // Crossfades: a smoothstep (which cubic-bezier(1/3,0,2/3,1) is exactly), as the kiosk's.
  const std::string smooth = "cubic-bezier(0.3333,0,0.6667,1)";
  auto pct = [&](double t) { return num(std::clamp(t / T * 100, 0.0, 100.0)) + "%"; };
  static const float kWays[4][2] = {{-1, -0.6f}, {1, 0.6f}, {0.8f, -1}, {-0.8f, 1}};
  for (size_t k = 0; k < N; ++k) {
    // Slide k fades in over slide k-1 from k*S - X (its animation's start), stays until slide k+1
    // covers it; the last fades out over slide 0 (always opaque, at the bottom), which is the
    // same picture as the kiosk's next-over-current blend.
    if (k > 0) {
      h += "@keyframes o" + std::to_string(k) + "{0%{opacity:0;animation-timing-function:" + smooth + "}" + pct(X) + "{opacity:1;animation-timing-function:linear}";
      if (k + 1 < N) h += pct(X + S) + "{opacity:1;animation-timing-function:step-end}" + pct(X + S + 0.001) + "{opacity:0}100%{opacity:0}}\n";
      else h += pct(S) + "{opacity:1;animation-timing-function:" + smooth + "}" + pct(S + X) + "{opacity:0}100%{opacity:0}}\n";
    }
    // The slow zoom and pan over the slide's whole showing (S + X from its fade-in), linear in
    // zoom and pan as the kiosk's: the picture's visible centre moves pan * (1 - 1/zoom) / 2.
    h += "@keyframes m" + std::to_string(k) + "{";
    for (int q = 0; q <= 4; ++q) {
      const double p = q / 4.0, z = 1 + 0.08 * p;
      const double px = kWays[k % 4][0] * (2 * p - 1), py = kWays[k % 4][1] * (2 * p - 1);
      const double tx = -px * (1 - 1 / z) / 2 * 100, ty = -py * (1 - 1 / z) / 2 * 100;
      h += pct(p * (S + X)) + "{transform:scale(" + num(z) + ") translate(" + num(tx) + "%," + num(ty) + "%)}";
    }
    h += "100%{transform:scale(1.08) translate(0,0)}}\n";
  }
  // The texts take each offered language in turn, one per slide.
  const auto& langs = st.languages;
  const size_t L = std::max<size_t>(1, langs.size());
  const double TL = S * static_cast<double>(L);
  h += "@keyframes lang{0%{visibility:visible}" + num(100.0 / static_cast<double>(L)) + "%{visibility:hidden}100%{visibility:hidden}}\n";
  h += ".t{position:absolute;left:0;top:0;width:100%;height:100%;visibility:hidden;animation:lang " + num(TL) +
       "s step-end infinite}\n";
  // The prompt's pill breathes: 0.78 + 0.22 sin(2.6 t), an ease-in-out between 0.56 and 1.
  const double half = 3.14159265358979 / 2.6;
  h += "@keyframes pulse{from{opacity:0.56}to{opacity:1}}\n";
  h += ".pill{position:absolute;left:" + num(margin) + "px;top:" + num(H - u(0.16f)) + "px;height:" + num(u(0.085f)) +
       "px;padding:0 " + num(u(0.085f) * 0.6) + "px;line-height:" + num(u(0.085f)) + "px;font-size:" + num(title) + "px;color:" +
       css(kBar) + ";white-space:nowrap}\n";
  h += ".pill i{position:absolute;left:0;top:0;right:0;bottom:0;border-radius:" + num(u(0.085f) / 2) + "px;background:" + css(accent) +
       ";animation:pulse " + num(half) + "s ease-in-out " + num(-half / 2) + "s infinite alternate}\n";
  // The kiosk sets a line's em box top at its y; the browser's line box puts it 0.125 em lower in
  // these faces (compared on screenshots): the texts are raised by that much (and the prompt by
  // the kiosk's own 0.06 em more).
  h += ".pill span{position:relative;top:-0.185em}\n";
  h += ".name{position:absolute;left:" + num(margin) + "px;top:" + num(H - u(0.40f) - 0.125 * headline) + "px;font-size:" + num(headline) +
       "px;line-height:1;color:" + css(kText) + ";white-space:nowrap}\n";
  h += ".tag{position:absolute;left:" + num(margin) + "px;right:" + num(margin) + "px;top:" + num(H - u(0.40f) + std::round(headline * 1.25f) - 0.125 * title) +
       "px;font-size:" + num(title) + "px;line-height:1.3;color:" + css(kTextMuted) +
       ";display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}\n";
  h += "</style></head><body>\n";

  // The slides: in the page only while current or one of the next two (as the kiosk decodes the
  // next two ahead and lets the rest go) until the next one covers them, added and removed by a
  // timer once a slide; each one's animations start at its place in the loop's timeline. (With
  // every slide in the page at once, Chromium never finished its first frame of six 24 MP covers.)
  h += "<div id=\"slides\"></div>\n<script>\n{\nconst S = " + num(S) + ", X = " + num(X) + ", N = " + std::to_string(N) + ", T = " + num(T) +
       ";\nconst pictures = [";
  for (size_t k = 0; k < N; ++k) h += (k ? ",\n  \"" : "\n  \"") + fileUrl(images[k]->file) + "\"";
  h += R"(];
const box = document.getElementById('slides'), live = new Map();
const add = j => {
  const k = j % N, start = j * S - X, delay = (start - performance.now() / 1000).toFixed(3);
  const div = document.createElement('div'), img = document.createElement('img');
  div.className = 's';
  if (k > 0) div.style.animation = `o${k} ${T}s ${delay}s 1 backwards`;
  img.src = pictures[k];
  img.style.animation = `m${k} ${T}s linear ${delay}s 1 backwards`;
  div.appendChild(img);
  // The first picture: decoded, then the next frame begun (two animation frames), on the console.
  if (j == 0) img.decode().then(() => requestAnimationFrame(() => requestAnimationFrame(() => console.log('PICTURE ' + performance.now().toFixed(1)))));
  if (k == 0) box.prepend(div); else box.append(div); // slide 0 lies under the last one fading out
  live.set(j, div);
};
const tick = () => {
  const now = performance.now() / 1000;
  for (const [j, div] of live) if (now > (j + 1) * S + 0.1) { div.remove(); live.delete(j); }
  for (let j = Math.max(0, Math.floor(now / S) - 1); j <= Math.floor(now / S) + 2; ++j) if (!live.has(j) && now < (j + 1) * S) add(j);
  setTimeout(tick, ((Math.floor(now / S) + 1) * S + 0.2 - now) * 1000);
};
tick();
}
</script>
)";
  // The venue's logo top left over a soft shade; the dark gradient at the bottom under the text.
  if (st.hasLogo) {
    const float lh = u(0.1f);
    h += "<div style=\"position:absolute;left:0;top:0;width:100%;height:" + num(lh + 2 * margin) + "px;background:linear-gradient(rgba(5,10,20,0.588),rgba(5,10,20,0))\"></div>\n";
    h += "<img src=\"" + fileUrl(st.logo.file) + "\" style=\"position:absolute;left:" + num(margin) + "px;top:" + num(margin) +
         "px;width:" + num(lh * 4) + "px;height:" + num(lh) + "px;object-fit:contain;object-position:left center\">\n";
  }
  h += "<div style=\"position:absolute;left:0;top:" + num(H * 0.45) + "px;width:100%;height:" + num(H * 0.55) +
       "px;background:linear-gradient(rgba(5,10,20,0),rgba(5,10,20,0.882))\"></div>\n";
  kiosk::text::FontLibrary fonts;
  for (size_t j = 0; j < L; ++j) {
    const std::string lang = langs.empty() ? st.defaultLanguage : langs[j];
    const auto face = fonts.primary(lang);
    const std::string family = face ? face->family() : "sans-serif";
    page.fonts.push_back(lang + ": " + family + (face ? " (" + face->file() + ")" : ""));
    h += "<div class=\"t\" lang=\"" + escape(lang) + "\" style=\"font-family:'" + escape(family) + "',sans-serif;animation-delay:" +
         num(static_cast<double>(j) * S) + "s\">";
    h += "<div class=\"name\">" + escape(st.name.get(lang, st.defaultLanguage)) + "</div>";
    const std::string& tagline = st.tagline.get(lang, st.defaultLanguage);
    if (!tagline.empty()) h += "<div class=\"tag\">" + escape(tagline) + "</div>";
    h += "<div class=\"pill\"><i></i><span>" + escape(strings.get(lang, "touch_to_explore")) + "</span></div></div>\n";
  }
  // Frames, only when the address asks (?frames=START,SECONDS): requestAnimationFrame's times
  // from START to START+SECONDS after the page began, reported on the console; then the WebGL
  // renderer, which names what Chromium draws with (asked last: it starts the GPU's GL).
  h += R"(<script>
const q = /[?&]frames=([0-9.]+),([0-9.]+)/.exec(location.search);
if (q) {
  const start = parseFloat(q[1]) * 1000, end = start + parseFloat(q[2]) * 1000, times = [];
  setTimeout(() => {
    const tick = t => { times.push(t); if (t < end) requestAnimationFrame(tick); else report(); };
    requestAnimationFrame(tick);
  }, start - performance.now());
  const report = () => {
    const d = [];
    for (let i = 1; i < times.length; ++i) d.push(times[i] - times[i - 1]);
    const sorted = d.slice().sort((a, b) => a - b), median = sorted[Math.floor(sorted.length / 2)] || 0;
    const late = d.filter(x => x > 1.5 * median).length;
    const seconds = (times[times.length - 1] - times[0]) / 1000;
    let gl = 'none';
    try {
      const g = document.createElement('canvas').getContext('webgl');
      const e = g && g.getExtension('WEBGL_debug_renderer_info');
      gl = g ? (e ? g.getParameter(e.UNMASKED_RENDERER_WEBGL) : g.getParameter(g.RENDERER)) : 'none';
    } catch (x) { gl = 'error ' + x; }
    console.log('FRAMES ' + d.length + ' ' + late + ' ' + median.toFixed(3) + ' ' + seconds.toFixed(3) + ' GL ' + gl);
  };
}
</script>
</body></html>
)";
  page.html = std::move(h);
  return page;
}

} // namespace bench
