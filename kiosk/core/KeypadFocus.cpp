#include "core/KeypadFocus.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace kiosk {

namespace {

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Kinds whose targets form a list the visitor counts through ("item 3 of 6").
std::string listKind(const std::string& name) {
  for (const char* kind : {"item:", "section:", "lang:", "image:", "map:point:", "map:legend:", "pin:"})
    if (startsWith(name, kind)) return kind;
  return {};
}

float centreX(const LayoutBox& b) { return b.x + b.w / 2; }
float centreY(const LayoutBox& b) { return b.y + b.h / 2; }

// The gap between two spans on one axis (0 when they overlap).
float gap(float a0, float a1, float b0, float b1) { return std::max(0.0f, std::max(a0, b0) - std::min(a1, b1)); }

} // namespace

std::optional<KeypadKey> keypadKeyNamed(const std::string& name) {
  static const std::map<std::string, KeypadKey> names{
      {"up", KeypadKey::Up},           {"down", KeypadKey::Down},      {"left", KeypadKey::Left},
      {"right", KeypadKey::Right},     {"select", KeypadKey::Select},  {"back", KeypadKey::Back},
      {"help", KeypadKey::Help},       {"volume-up", KeypadKey::VolumeUp}, {"volume-down", KeypadKey::VolumeDown},
      {"speech", KeypadKey::Speech},   {"slower", KeypadKey::Slower},   {"faster", KeypadKey::Faster}};
  const auto it = names.find(name);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

bool coversScreen(const LayoutReport& layout, const PlacedTarget& t) {
  return layout.width > 0 && layout.height > 0 && t.box.x <= 1 && t.box.y <= 1 && t.box.right() >= layout.width - 1 &&
         t.box.bottom() >= layout.height - 1;
}

std::vector<const PlacedTarget*> focusableTargets(const LayoutReport& layout) {
  // A target covering the whole screen is a modal's backdrop (the idle question, the display
  // choices' panel: a tap outside closes it) or the attract loop: what was placed before it is
  // beneath it and out of reach. The backdrop itself is the focus only when nothing is on it.
  size_t from = 0;
  const PlacedTarget* backdrop = nullptr;
  for (size_t i = 0; i < layout.targets.size(); ++i)
    if (coversScreen(layout, layout.targets[i])) from = i + 1, backdrop = &layout.targets[i];
  std::vector<const PlacedTarget*> out;
  std::set<std::string> seen;
  for (size_t i = from; i < layout.targets.size(); ++i) {
    const PlacedTarget& t = layout.targets[i];
    if (t.region || t.box.w <= 0 || t.box.h <= 0) continue;
    if (!seen.insert(t.name).second) continue; // placed twice in a frame: the first place counts
    out.push_back(&t);
  }
  if (out.empty() && backdrop) {
    // A backdrop placed after its panel's rows (so that they keep their touches in ImGui): the
    // rows are those before it that share its name's prefix ("a11y:" for "a11y:close").
    const std::string prefix = backdrop->name.substr(0, backdrop->name.find(':') + 1);
    if (prefix.size() > 1)
      for (const auto& t : layout.targets) {
        if (&t == backdrop) break;
        if (t.name.rfind(prefix, 0) == 0 && !t.region && t.box.w > 0 && t.box.h > 0 && !coversScreen(layout, t) &&
            seen.insert(t.name).second)
          out.push_back(&t);
      }
    if (out.empty()) out.push_back(backdrop);
  }
  return out;
}

const PlacedTarget* modalBackdrop(const LayoutReport& layout) {
  const PlacedTarget* backdrop = nullptr;
  for (const auto& t : layout.targets)
    if (coversScreen(layout, t)) backdrop = &t;
  return backdrop;
}

std::string moveFocus(const LayoutReport& layout, const std::string& from, KeypadKey key, bool rtl) {
  const auto targets = focusableTargets(layout);
  if (targets.empty()) return {};
  const auto at = std::find_if(targets.begin(), targets.end(), [&](const PlacedTarget* t) { return t->name == from; });
  if (at == targets.end()) return targets.front()->name;
  const LayoutBox& c = (*at)->box;
  const bool vertical = key == KeypadKey::Up || key == KeypadKey::Down;
  const float sign = key == KeypadKey::Down || key == KeypadKey::Right ? 1.0f : -1.0f;
  if (vertical) {
    const PlacedTarget* best = nullptr;
    float bestScore = std::numeric_limits<float>::max();
    for (const PlacedTarget* t : targets) {
      if (t == *at) continue;
      const LayoutBox& b = t->box;
      // Its centre must lie beyond the focus's centre that way, and its near edge beyond the
      // focus's middle: a neighbour that overlaps the focus is not "below" it.
      const float along = vertical ? centreY(b) - centreY(c) : centreX(b) - centreX(c);
      if (along * sign <= 1.0f) continue;
      const float nearEdge = vertical ? (sign > 0 ? b.y : b.bottom()) : (sign > 0 ? b.x : b.right());
      const float middle = vertical ? centreY(c) : centreX(c);
      if ((nearEdge - middle) * sign < 0) continue;
      const float farEdge = vertical ? (sign > 0 ? c.bottom() : c.y) : (sign > 0 ? c.right() : c.x);
      const float distance = std::max(0.0f, (nearEdge - farEdge) * sign);
      const float aside = vertical ? gap(c.x, c.right(), b.x, b.right()) : gap(c.y, c.bottom(), b.y, b.bottom());
      const float offset = vertical ? std::abs(centreX(b) - centreX(c)) : std::abs(centreY(b) - centreY(c));
      const float score = distance + 3 * aside + 0.05f * offset;
      if (score < bestScore) bestScore = score, best = t;
    }
    if (best) return best->name;
  }
  // Left and Right, and Up and Down where nothing lies that way: on in reading order (Right is
  // "next" left to right, "previous" right to left), so every target is reached.
  bool next = key == KeypadKey::Down || key == KeypadKey::Right;
  if (rtl && (key == KeypadKey::Left || key == KeypadKey::Right)) next = !next;
  const size_t i = static_cast<size_t>(at - targets.begin());
  const size_t n = targets.size();
  return targets[next ? (i + 1) % n : (i + n - 1) % n]->name;
}

std::vector<std::string> unreachableByKeypad(const LayoutReport& layout, const std::string& start) {
  const auto targets = focusableTargets(layout);
  if (targets.empty()) return {};
  std::set<std::string> seen;
  std::vector<std::string> todo{start.empty() ? targets.front()->name : start};
  seen.insert(todo.front());
  while (!todo.empty()) {
    const std::string from = todo.back();
    todo.pop_back();
    for (KeypadKey k : {KeypadKey::Up, KeypadKey::Down, KeypadKey::Left, KeypadKey::Right}) {
      const std::string to = moveFocus(layout, from, k);
      if (!to.empty() && seen.insert(to).second) todo.push_back(to);
    }
  }
  std::vector<std::string> out;
  for (const PlacedTarget* t : targets)
    if (!seen.count(t->name)) out.push_back(t->name);
  return out;
}

std::vector<const PlacedText*> textsOf(const LayoutReport& layout, const std::string& name) {
  std::vector<const PlacedText*> out;
  for (const auto& t : layout.texts)
    if (t.near == name && !t.text.empty()) out.push_back(&t);
  return out;
}

std::vector<const PlacedText*> paragraphsOf(const LayoutReport& layout, const std::string& target) {
  const auto t = std::find_if(layout.targets.begin(), layout.targets.end(), [&](const PlacedTarget& p) { return p.name == target; });
  if (t != layout.targets.end()) {
    // The scroll area whose view is the target's box: what shows through it is the target's.
    for (size_t a = 0; a < layout.areas.size(); ++a) {
      const LayoutBox& v = layout.areas[a].view;
      if (std::abs(v.x - t->box.x) > 1 || std::abs(v.y - t->box.y) > 1 || std::abs(v.w - t->box.w) > 1 || std::abs(v.h - t->box.h) > 1)
        continue;
      std::vector<const PlacedText*> out;
      for (const auto& text : layout.texts)
        if (text.area == static_cast<int>(a) && !text.text.empty()) out.push_back(&text);
      if (!out.empty()) return out;
    }
  }
  return textsOf(layout, target);
}

std::string roleOf(const std::string& name) {
  if (startsWith(name, "lang:")) return "language";
  if (startsWith(name, "section:")) return "section";
  if (startsWith(name, "item:")) return "item";
  if (startsWith(name, "image:") || name == "picture" || name == "gallery:picture") return "picture";
  if (startsWith(name, "map:point:") || startsWith(name, "map:legend:")) return "map-point";
  if (name == "map" || name == "map:open") return "map";
  if (name == "text" || startsWith(name, "text:")) return "text";
  if (startsWith(name, "pin:")) return "key";
  return "button";
}

GroupPosition positionOf(const LayoutReport& layout, const std::string& name) {
  const std::string kind = listKind(name);
  if (kind.empty()) return {};
  GroupPosition p;
  for (const PlacedTarget* t : focusableTargets(layout)) {
    if (listKind(t->name) != kind) continue;
    ++p.count;
    if (t->name == name) p.index = p.count;
  }
  if (p.count < 2 || p.index == 0) return {};
  return p;
}

std::optional<float> scrollToShow(const LayoutReport& layout, const std::string& target) {
  const auto it = std::find_if(layout.targets.begin(), layout.targets.end(), [&](const PlacedTarget& t) { return t.name == target; });
  if (it == layout.targets.end() || it->area < 0 || static_cast<size_t>(it->area) >= layout.areas.size()) return std::nullopt;
  const ScrollArea& a = layout.areas[static_cast<size_t>(it->area)];
  const LayoutBox& b = it->box;
  float to = a.scroll;
  if (b.h > a.view.h || b.y < a.view.y) to = a.scroll + (b.y - a.view.y); // its top first
  else if (b.bottom() > a.view.bottom()) to = a.scroll + (b.bottom() - a.view.bottom());
  to = std::clamp(to, 0.0f, std::max(0.0f, a.maxScroll));
  if (std::abs(to - a.scroll) < 0.5f) return std::nullopt;
  return to;
}

} // namespace kiosk
