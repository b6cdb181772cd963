#include "app/Keypad.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk::app {

using speech::Utterance;

std::optional<KeypadKey> keypadKeyFor(const sf::Event::KeyEvent& key) {
  if (key.control || key.alt || key.system) return std::nullopt; // staff shortcuts (Ctrl+Q)
  using K = sf::Keyboard;
  switch (key.code) {
  case K::Up: return KeypadKey::Up;
  case K::Down: return KeypadKey::Down;
  case K::Left: return KeypadKey::Left;
  case K::Right: return KeypadKey::Right;
  case K::Enter:
  case K::Space:
  case K::Numpad5: return KeypadKey::Select;
  case K::Backspace:
  case K::Escape: return KeypadKey::Back;
  case K::F1:
  case K::H: return KeypadKey::Help;
  case K::Add:
  case K::Equal:
  case K::PageUp: return KeypadKey::VolumeUp;
  case K::Subtract:
  case K::Hyphen:
  case K::PageDown: return KeypadKey::VolumeDown;
  case K::Numpad0:
  case K::S: return KeypadKey::Speech;
  case K::Divide:
  case K::LBracket: return KeypadKey::Slower;
  case K::Multiply:
  case K::RBracket: return KeypadKey::Faster;
  default: return std::nullopt;
  }
}

namespace {

const PlacedTarget* placed(const LayoutReport& layout, const std::string& name) {
  for (const auto& t : layout.targets)
    if (t.name == name) return &t;
  return nullptr;
}

bool inside(const LayoutBox& b, float x, float y) { return x >= b.x && x < b.right() && y >= b.y && y < b.bottom(); }

// What is said for a picture: the description staff wrote for visitors who cannot see it (`alt`),
// else its caption.
const LocalizedText& descriptionOf(const ImageRef& img) { return img.alt.empty() ? img.caption : img.alt; }

} // namespace

Utterance Keypad::ui(const Context& c, const std::string& key, const UiStrings::Args& args) const {
  const std::string& lang = c.nav.language();
  return {c.strings.format(lang, key, args), c.strings.languageOf(lang, key)};
}

std::string Keypad::placeOf(const Context& c) const {
  std::string p = screenName(c.nav.screen());
  if (const Section* s = c.nav.section()) p += "/" + s->id;
  if (const Item* i = c.nav.item()) p += "/" + i->id;
  const LayoutReport& layout = c.targets.layout();
  if (const PlacedTarget* b = modalBackdrop(layout)) p += "|" + b->name;
  if (placed(layout, "gallery:close")) p += "|gallery";
  if (placed(layout, "pin:1")) p += "|pin";
  return p;
}

std::string Keypad::preferredFocus(const Context& c) const {
  const auto targets = focusableTargets(c.targets.layout());
  if (targets.empty()) return {};
  // A screen's own content first (the first section, the first item, an item's text), not the
  // language buttons of the top bar; a panel's first row.
  if (!modalBackdrop(c.targets.layout()))
    for (const PlacedTarget* t : targets) {
      const std::string role = roleOf(t->name);
      if (role == "section" || role == "item" || role == "text") return t->name;
    }
  return targets.front()->name;
}

void Keypad::endVisit() {
  m_active = false;
  m_speech = false;
  m_focus.clear();
  m_place.clear();
  m_language.clear();
  m_modal = false;
  m_beforeModal.clear();
  m_paragraph = 0;
  m_pending.clear();
}

void Keypad::say(Context& c, std::vector<Utterance> parts, bool evenWithSpeechOff) {
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Utterance& u) { return u.text.empty(); }), parts.end());
  m_lastSaid = parts;
  if ((m_speech || evenWithSpeechOff) && c.speaker && !parts.empty()) c.speaker->say(parts);
}

std::vector<Utterance> Keypad::screenTitle(const Context& c) const {
  const Content& content = c.nav.content();
  const std::string& lang = c.nav.language();
  const std::string& def = content.settings.defaultLanguage;
  auto text = [&](const LocalizedText& t) { return Utterance{t.get(lang, def), t.languageOf(lang, def)}; };
  std::vector<Utterance> out;
  if (const PlacedTarget* b = modalBackdrop(c.targets.layout()); b && b->name == "still-there") {
    out.push_back(ui(c, "still_there"));
    out.push_back(ui(c, "speech_still_there"));
    return out;
  }
  switch (c.nav.screen()) {
  case Screen::Attract:
    out.push_back(text(content.settings.name));
    out.push_back(text(content.settings.tagline));
    out.push_back(ui(c, "speech_attract"));
    break;
  case Screen::Home:
    out.push_back(text(content.settings.name));
    out.push_back(ui(c, "choose_section"));
    break;
  case Screen::Section:
    if (const Section* s = c.nav.section()) out.push_back(text(s->title));
    break;
  case Screen::Item:
    if (const Item* i = c.nav.item()) out.push_back(text(i->title));
    break;
  }
  return out;
}

std::vector<Utterance> Keypad::describe(const Context& c, const std::string& target) const {
  const LayoutReport& layout = c.targets.layout();
  std::vector<Utterance> out;
  const std::string role = roleOf(target);
  if (role == "text") {
    const auto paragraphs = paragraphsOf(layout, target);
    if (!paragraphs.empty()) {
      const PlacedText& p = *paragraphs[std::min(m_paragraph, paragraphs.size() - 1)];
      out.push_back({p.text, p.language});
      if (paragraphs.size() > 1)
      {
        UiStrings::Args a;
        a.numbers["index"] = static_cast<double>(std::min(m_paragraph, paragraphs.size() - 1) + 1);
        a.numbers["count"] = static_cast<double>(paragraphs.size());
        out.push_back(ui(c, "speech_paragraph", a));
      }
      return out;
    }
  }
  // An icon button (enlarge, next item, film sound...) has its name in the catalogue: the texts
  // laid out after it are its neighbours', not its own.
  std::string named = "speech_target_" + target;
  std::replace(named.begin(), named.end(), '-', '_');
  std::replace(named.begin(), named.end(), ':', '_');
  if (c.strings.has(c.nav.language(), named) || c.strings.has("en", named)) out.push_back(ui(c, named));
  else if (role == "picture") {
    // The picture's description (its caption stands in until one is written).
    const Item* item = c.nav.item();
    size_t index = c.screens.shownImage();
    if (target.rfind("image:", 0) == 0) index = static_cast<size_t>(std::max(1, std::atoi(target.c_str() + 6))) - 1;
    if (item && index < item->images.size()) {
      const ImageRef& img = item->images[index];
      const std::string& lang = c.nav.language();
      const std::string& def = c.nav.content().settings.defaultLanguage;
      const LocalizedText& words = descriptionOf(img);
      if (!words.empty()) out.push_back({words.get(lang, def), words.languageOf(lang, def)});
      else out.push_back(ui(c, "speech_no_description"));
    }
  } else
    for (const PlacedText* t : textsOf(layout, target)) out.push_back({t->text, t->language});
  // The whole screen (the attract loop, the idle question) is no button to name.
  if (const PlacedTarget* t = placed(layout, target); t && coversScreen(layout, *t)) return out;
  std::string roleKey = "role_" + role;
  std::replace(roleKey.begin(), roleKey.end(), '-', '_');
  const GroupPosition pos = positionOf(layout, target);
  if (pos.count > 0) {
    UiStrings::Args a;
    a.numbers["index"] = pos.index;
    a.numbers["count"] = pos.count;
    a.texts["role"] = c.strings.format(c.nav.language(), roleKey, {});
    out.push_back(ui(c, "speech_role_position", a));
  } else
    out.push_back(ui(c, roleKey));
  return out;
}

void Keypad::tap(Context& c, float x, float y) {
  using P = ui::PointerEvent::Kind;
  c.imgui.pushPointer({P::Move, x, y});
  c.imgui.pushPointer({P::Down, x, y});
  c.imgui.pushPointer({P::Up, x, y});
}

void Keypad::back(Context& c) {
  const LayoutReport& layout = c.targets.layout();
  if (const PlacedTarget* b = modalBackdrop(layout); b && b->name != "attract") {
    // A tap on the backdrop outside the panel closes it (the idle question: any tap answers).
    const auto panel = focusableTargets(layout);
    const float w = layout.width, h = layout.height;
    for (const auto& [x, y] : {std::pair{w * 0.03f, h * 0.5f}, {w * 0.97f, h * 0.5f}, {w * 0.5f, h * 0.03f}, {w * 0.5f, h * 0.97f}}) {
      bool onPanel = false;
      for (const PlacedTarget* t : panel) onPanel |= t != b && inside(t->box, x, y);
      if (!onPanel) return tap(c, x, y);
    }
    return;
  }
  for (const char* name : {"gallery:close", "back"})
    if (auto r = c.targets.find(name)) return tap(c, r->cx(), r->cy());
}

void Keypad::handle(Context& c, KeypadKey key) {
  const LayoutReport& layout = c.targets.layout();
  m_active = true;
  c.nav.noteActivity(c.now);
  // The attract loop and the idle question are one target each: any key wakes or answers.
  if (const PlacedTarget* b = modalBackdrop(layout); b && (b->name == "attract" || b->name == "still-there") &&
                                                      focusableTargets(layout).size() == 1) {
    if (key == KeypadKey::Speech && !m_speech) m_speech = true;
    if (key != KeypadKey::Help && key != KeypadKey::VolumeUp && key != KeypadKey::VolumeDown)
      return tap(c, b->box.x + b->box.w / 2, b->box.y + b->box.h / 2);
  }
  switch (key) {
  case KeypadKey::Up:
  case KeypadKey::Down:
  case KeypadKey::Left:
  case KeypadKey::Right: {
    const std::string to = moveFocus(layout, m_focus, key, c.rtl);
    if (to.empty()) return;
    m_focus = to;
    m_paragraph = 0;
    if (const PlacedTarget* t = placed(layout, to); t && t->area >= 0)
      if (const auto pos = scrollToShow(layout, to)) c.screens.scrollTo(layout.areas[static_cast<size_t>(t->area)].name, *pos);
    say(c, describe(c, m_focus));
    return;
  }
  case KeypadKey::Select: {
    if (roleOf(m_focus) == "text") { // the next paragraph, and round again
      const auto paragraphs = paragraphsOf(layout, m_focus);
      m_paragraph = paragraphs.empty() ? 0 : (m_paragraph + 1) % paragraphs.size();
      say(c, describe(c, m_focus));
      return;
    }
    if (auto r = c.targets.find(m_focus)) return tap(c, r->cx(), r->cy());
    // Not on screen (scrolled away by a finger): bring it back; the next Select taps it.
    if (const PlacedTarget* t = placed(layout, m_focus); t && t->area >= 0)
      if (const auto pos = scrollToShow(layout, m_focus)) c.screens.scrollTo(layout.areas[static_cast<size_t>(t->area)].name, *pos);
    return;
  }
  case KeypadKey::Back: return back(c);
  case KeypadKey::Help: {
    say(c, {ui(c, "speech_help")}, true); // even before speech is on: it says how to turn it on
    return;
  }
  case KeypadKey::VolumeUp:
  case KeypadKey::VolumeDown:
  case KeypadKey::Slower:
  case KeypadKey::Faster: {
    if (!c.speaker) return;
    const bool volume = key == KeypadKey::VolumeUp || key == KeypadKey::VolumeDown;
    const int step = key == KeypadKey::VolumeUp || key == KeypadKey::Faster ? 1 : -1;
    const int level = volume ? c.speaker->changeVolume(step) : c.speaker->changeRate(step);
    say(c, {ui(c, volume ? "speech_volume" : "speech_rate", UiStrings::Args::number("level", level))});
    return;
  }
  case KeypadKey::Speech: {
    if (m_speech && c.speaker && c.speaker->speaking()) { // pressed while speaking: silence
      c.speaker->stop();
      return;
    }
    const bool starting = !m_speech;
    m_speech = true;
    std::vector<Utterance> parts;
    if (starting) parts.push_back(ui(c, "speech_on"));
    for (auto& u : screenTitle(c)) parts.push_back(std::move(u));
    for (auto& u : describe(c, m_focus)) parts.push_back(std::move(u));
    say(c, parts);
    return;
  }
  }
}

void Keypad::afterLayout(Context& c) {
  const LayoutReport& layout = c.targets.layout();
  // A long press (a second) on the display choices' button starts speech, for a visitor who
  // finds the screen by touch: the button is always in the same place, in the bottom bar.
  if (const ImGuiIO& io = ImGui::GetIO(); io.MouseDown[0] && io.MouseDownDuration[0] >= kLongPressSeconds && !m_longPressed) {
    const auto r = c.targets.find("accessibility");
    if (r && inside({r->x, r->y, r->w, r->h}, io.MouseClickedPos[0].x, io.MouseClickedPos[0].y)) {
      m_longPressed = true;
      m_focus = "accessibility";
      m_startSpeech = true;
    }
  }
  if (!ImGui::GetIO().MouseDown[0]) m_longPressed = false;
  // Speech asked for without its key (headphones, the long press): on, and where the visitor is.
  if (std::exchange(m_startSpeech, false) && !m_speech) {
    m_active = true;
    m_speech = true;
    std::vector<Utterance> parts{ui(c, "speech_on")};
    for (auto& u : screenTitle(c)) parts.push_back(std::move(u));
    parts.push_back(ui(c, "speech_help"));
    say(c, parts);
  }
  // A finger (or a Select) moves the focus to what it tapped.
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseReleased[0] && m_active)
    for (const PlacedTarget* t : focusableTargets(layout))
      if (auto r = c.targets.find(t->name); r && inside({r->x, r->y, r->w, r->h}, io.MouseClickedPos[0].x, io.MouseClickedPos[0].y)) {
        if (t->name != m_focus) m_paragraph = 0;
        m_focus = t->name;
        break;
      }
  // Keys wait while a new screen fades in: what it lays out then is partly the old screen's.
  if (c.settling) return;
  // A new screen (or a panel opening): the focus on its first content, and with speech on, its
  // title and what has the focus are said.
  const std::string place = placeOf(c);
  const auto focusable = focusableTargets(layout);
  const bool focusHere = std::any_of(focusable.begin(), focusable.end(), [&](const PlacedTarget* t) { return t->name == m_focus; });
  if (place != m_place || !focusHere || c.nav.language() != m_language) {
    const bool newScreen = place != m_place;
    const bool modalBefore = m_modal, modalNow = modalBackdrop(layout) != nullptr;
    m_modal = modalNow;
    m_place = place;
    m_language = c.nav.language();
    // A new language keeps the focus where it was (on its button): the screen is said again in it.
    if (newScreen || !focusHere) {
      const std::string was = m_focus;
      m_focus = preferredFocus(c), m_paragraph = 0;
      // A panel or question closing gives the focus back to where it was when it opened (the
      // button that opened it), if that is still on the screen.
      if (modalBefore && !modalNow && std::any_of(focusable.begin(), focusable.end(), [&](const PlacedTarget* t) { return t->name == m_beforeModal; }))
        m_focus = m_beforeModal;
      if (!modalBefore && modalNow) m_beforeModal = was;
    }
    if (!newScreen && focusHere && m_active) {
      std::vector<Utterance> parts = screenTitle(c);
      for (auto& u : describe(c, m_focus)) parts.push_back(std::move(u));
      say(c, parts);
    }
    if (newScreen && m_active) {
      std::vector<Utterance> parts = screenTitle(c);
      for (auto& u : describe(c, m_focus))
        if (parts.empty() || u.text != parts.back().text) parts.push_back(std::move(u)); // an item's text starts with its title
      say(c, parts);
    }
  }
  while (!m_pending.empty()) {
    const KeypadKey k = m_pending.front();
    m_pending.pop_front();
    handle(c, k);
  }
  if (m_active) drawRing(c);
}

void Keypad::drawRing(const Context& c) const {
  const auto r = c.targets.find(m_focus);
  if (!r) return;
  const LayoutReport& layout = c.targets.layout();
  const PlacedTarget* t = placed(layout, m_focus);
  if (t && coversScreen(layout, *t)) return; // the whole screen has the focus: no ring to draw
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  // A ring that reads on any background: a thick yellow band between two dark lines, outside
  // the target so it never covers its text (WCAG 2.4.13's focus appearance: 2 px and contrast).
  const float unit = std::max(2.0f, std::round(std::min(layout.width, layout.height) / 270.0f));
  const float pad = unit * 2;
  const ImVec2 a(r->x - pad, r->y - pad), b(r->x + r->w + pad, r->y + r->h + pad);
  const float round = std::min(std::min(r->h, r->w) * 0.5f, unit * 8) + pad; // a pill's ends, a card's corners
  dl->AddRect(ImVec2(a.x - unit, a.y - unit), ImVec2(b.x + unit, b.y + unit), IM_COL32(0, 0, 0, 230), round + unit, 0, unit);
  dl->AddRect(a, b, IM_COL32(255, 212, 0, 255), round, 0, unit * 1.6f);
  dl->AddRect(ImVec2(a.x + unit, a.y + unit), ImVec2(b.x - unit, b.y - unit), IM_COL32(0, 0, 0, 200), std::max(0.0f, round - unit), 0,
              std::max(1.0f, unit * 0.5f));
}

} // namespace kiosk::app
