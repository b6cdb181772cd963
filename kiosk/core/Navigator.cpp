#include "core/Navigator.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

namespace kiosk {

const char* screenName(Screen screen) {
  switch (screen) {
  case Screen::Attract: return "attract";
  case Screen::Home: return "home";
  case Screen::Section: return "section";
  case Screen::Item: return "item";
  }
  return "?";
}

Navigator::Navigator(ContentSnapshot content, Seconds now, CivilDate today) : m_content(std::move(content)), m_today(today) {
  assert(m_content && "Navigator needs content (an empty Content is fine)");
  m_language = m_content->settings.defaultLanguage;
  goAttract(now);
}

void Navigator::setContent(ContentSnapshot content, Seconds now) {
  assert(content && "setContent needs content");
  m_content = std::move(content);
  const auto& langs = m_content->settings.languages;
  if (std::find(langs.begin(), langs.end(), m_language) == langs.end()) m_language = m_content->settings.defaultLanguage;
  if (m_screen == Screen::Item && !item()) {
    m_itemId.clear();
    m_screen = section() ? Screen::Section : Screen::Home;
  }
  if (m_screen == Screen::Section && !section()) {
    m_sectionId.clear();
    m_screen = Screen::Home;
  }
  (void)now;
}

void Navigator::setToday(CivilDate today) {
  if (today == m_today) return;
  m_today = today;
  if (m_screen == Screen::Item && !item()) {
    m_itemId.clear();
    m_screen = Screen::Section;
  }
  if (m_screen == Screen::Section && !section()) {
    m_sectionId.clear();
    m_screen = Screen::Home;
  }
}

namespace {
// The loader refuses non-finite timings; these guard content built some other way.
Seconds finiteOr(double v, Seconds fallback) { return std::isfinite(v) && v >= 0 ? v : fallback; }
} // namespace

void Navigator::update(Seconds now) {
  const auto& s = m_content->settings;
  const Seconds reset = finiteOr(s.idleTimeoutSeconds, 90) + finiteOr(s.idleCountdownSeconds, KioskSettings::kMinIdleCountdownSeconds);
  if (m_screen != Screen::Attract && now - m_lastActivity >= reset) {
    ++m_idleResets;
    goAttract(now);
  }
}

Seconds Navigator::countdownLeft(Seconds now) const {
  if (m_screen == Screen::Attract) return -1;
  const auto& s = m_content->settings;
  const Seconds idle = finiteOr(s.idleTimeoutSeconds, 90), countdown = finiteOr(s.idleCountdownSeconds, KioskSettings::kMinIdleCountdownSeconds);
  const Seconds quiet = now - m_lastActivity;
  return quiet >= idle && quiet < idle + countdown ? idle + countdown - quiet : -1;
}

void Navigator::wake(Seconds now) {
  noteActivity(now);
  if (m_screen == Screen::Attract) show(Screen::Home, now);
}

void Navigator::openSection(const std::string& sectionId, Seconds now) {
  noteActivity(now);
  const std::string previous = std::exchange(m_sectionId, sectionId);
  if (!section()) {
    m_sectionId = previous;
    return;
  }
  m_itemId.clear();
  m_cameFrom.clear();
  show(Screen::Section, now);
}

void Navigator::openItem(const std::string& itemId, Seconds now) {
  noteActivity(now);
  const std::string previous = std::exchange(m_itemId, itemId);
  if (!item()) {
    m_itemId = previous;
    return;
  }
  m_cameFrom.clear(); // a sibling item (a card, a swipe): Back goes to the section it is in
  show(Screen::Item, now);
}

void Navigator::openLinkedItem(const std::string& sectionId, const std::string& itemId, Seconds now) {
  noteActivity(now);
  const Item* linked = m_content->findItem(sectionId, itemId);
  const Section* s = m_content->findSection(sectionId);
  if (!linked || !linked->visibleOn(m_today) || !s || Content::visibleItems(*s, m_today).empty()) return;
  if (m_screen == Screen::Item && item()) m_cameFrom.emplace_back(m_sectionId, m_itemId);
  m_sectionId = sectionId;
  m_itemId = itemId;
  // A new screen even when a map links to its own item: the visitor sees it open.
  m_screenSince = now;
  m_screen = Screen::Item;
}

void Navigator::back(Seconds now) {
  noteActivity(now);
  switch (m_screen) {
  case Screen::Item:
    // Back along the links the visitor followed, skipping an item that has since gone.
    while (!m_cameFrom.empty()) {
      auto [sectionId, itemId] = std::move(m_cameFrom.back());
      m_cameFrom.pop_back();
      const Item* from = m_content->findItem(sectionId, itemId);
      const Section* s = m_content->findSection(sectionId);
      if (from && from->visibleOn(m_today) && s && !Content::visibleItems(*s, m_today).empty()) {
        m_sectionId = std::move(sectionId);
        m_itemId = std::move(itemId);
        m_screenSince = now; // the same screen kind, but another item: it opens anew
        return;
      }
    }
    show(Screen::Section, now);
    break;
  case Screen::Section: show(Screen::Home, now); break;
  case Screen::Home: break; // the top: Back never ends a visit (language and choices stay)
  case Screen::Attract: break;
  }
}

void Navigator::home(Seconds now) {
  noteActivity(now);
  m_cameFrom.clear();
  show(Screen::Home, now);
}

void Navigator::setLanguage(const std::string& language, Seconds now) {
  noteActivity(now);
  const auto& langs = m_content->settings.languages;
  if (std::find(langs.begin(), langs.end(), language) != langs.end()) m_language = language;
}

const Section* Navigator::section() const {
  const Section* s = m_content->findSection(m_sectionId);
  return s && !Content::visibleItems(*s, m_today).empty() ? s : nullptr;
}

const Item* Navigator::item() const {
  const Item* i = m_content->findItem(m_sectionId, m_itemId);
  return i && i->visibleOn(m_today) ? i : nullptr;
}

AttractFrame Navigator::attract(Seconds now) const {
  AttractFrame f;
  const size_t count = m_content->attractImages(m_today).size();
  const Seconds configured = m_content->settings.attractSlideSeconds;
  const Seconds slide = std::isfinite(configured) ? std::max(configured, kCrossfadeSeconds * 2) : 7;
  const Seconds t = std::max<Seconds>(0, now - m_attractSince);
  const auto index = static_cast<size_t>(std::floor(t / slide));
  const size_t langs = std::max<size_t>(1, m_content->settings.languages.size());
  f.promptIndex = index % langs;
  if (count == 0) return f;
  f.current = index % count;
  f.next = (index + 1) % count;
  const Seconds into = t - static_cast<Seconds>(index) * slide;
  const Seconds fadeStart = slide - kCrossfadeSeconds;
  f.slide = index;
  f.remaining = slide - into;
  f.fadeIn = std::max<Seconds>(0, fadeStart - into);
  if (into > fadeStart && count > 1) {
    const double x = (into - fadeStart) / kCrossfadeSeconds;
    f.mix = static_cast<float>(x * x * (3 - 2 * x)); // smoothstep: no visible jolt at either end
  }
  // A slide shows from the start of its fade-in to the end of its fade-out.
  const Seconds showing = slide + kCrossfadeSeconds;
  f.currentAge = index == 0 ? into : into + kCrossfadeSeconds;
  f.nextAge = std::max<Seconds>(0, into - fadeStart);
  f.currentProgress = std::clamp(f.currentAge / showing, 0.0, 1.0);
  f.nextProgress = std::clamp(f.nextAge / showing, 0.0, 1.0);
  if (count == 1) { // one picture: no crossfade to hide a restart, so the drift swings back and forth
    constexpr double kPi = 3.14159265358979323846;
    f.currentProgress = 0.5 - 0.5 * std::cos(kPi * t / showing);
  }
  return f;
}

void Navigator::holdAttract(Seconds seconds) {
  if (std::isfinite(seconds) && seconds > 0) m_attractSince += seconds;
}

void Navigator::skipAttract(Seconds seconds) {
  if (std::isfinite(seconds) && seconds > 0) m_attractSince -= seconds;
}

void Navigator::show(Screen screen, Seconds now) {
  if (screen != m_screen) m_screenSince = now;
  m_screen = screen;
}

void Navigator::noteActivity(Seconds now) { m_lastActivity = std::max(m_lastActivity, now); }

void Navigator::setAccessibility(const Accessibility& a, Seconds now) {
  noteActivity(now);
  m_accessibility = a;
}

void Navigator::goAttract(Seconds now) {
  m_accessibility = {}; // the next visitor starts with the standard display
  m_screen = Screen::Attract;
  m_screenSince = now;
  m_attractSince = now;
  m_sectionId.clear();
  m_itemId.clear();
  m_cameFrom.clear();
  m_language = m_content->settings.defaultLanguage;
}

} // namespace kiosk
