#pragma once
// Named touch targets laid out in the last frame, so input scripts can say "tap @home" instead of
// pixel positions that change with the layout and the screen size.
#include "core/LayoutRules.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float cx() const { return x + w / 2; }
  float cy() const { return y + h / 2; }
};

class HitTargets {
public:
  void clear() {
    m_targets.clear();
    m_cut.clear();
    m_layout.clear();
    m_area = -1;
    m_last.clear();
  }
  // `rect` is the part on screen; `whole` is false when a scroll area cuts the target.
  void add(const std::string& name, const Rect& rect, bool whole = true) {
    m_targets[name] = rect;
    if (!whole) m_cut.insert(name);
    else m_cut.erase(name);
  }

  // The layout rules' view of the frame (core/LayoutRules): every target laid out, whole, in
  // the scroll area it moves with, whether or not it is on screen now.
  void place(const std::string& name, const LayoutBox& whole) {
    m_layout.targets.push_back({name, whole, m_area});
    m_last = name;
  }
  // A part of the layout nothing may run over (the item pager), which is not itself a button:
  // the layout rules see it, keypad focus passes it by.
  void placeRegion(const std::string& name, const LayoutBox& whole) {
    m_layout.targets.push_back({name, whole, m_area, true});
    m_last = name;
  }
  // Targets placed from now until endArea() scroll in this area.
  void beginArea(const ScrollArea& area) {
    m_layout.areas.push_back(area);
    m_area = static_cast<int>(m_layout.areas.size()) - 1;
  }
  void endArea() { m_area = -1; }
  // ...with how far it scrolls, known once what it holds is laid out (a column measured as drawn).
  void endArea(float maxScroll) {
    if (m_area >= 0) m_layout.areas[static_cast<size_t>(m_area)].maxScroll = std::max(0.0f, maxScroll);
    endArea();
  }
  // A text set this frame, next to the target placed last.
  void noteText(const std::string& text, const std::string& language, bool truncated, bool mayTruncate = false, int longestLine = 0) {
    m_layout.texts.push_back({m_last, text, truncated, mayTruncate, longestLine, language, m_area});
  }
  // A picture as drawn, for the layout rules (expect picture).
  void notePicture(const std::string& name, const LayoutBox& box) { m_layout.pictures.push_back({name, box}); }
  void setWindow(float width, float height) {
    m_layout.width = width;
    m_layout.height = height;
  }
  const LayoutReport& layout() const { return m_layout; }
  std::optional<Rect> find(const std::string& name) const;
  std::vector<std::string> names() const;
  // Targets smaller than `minimum` pixels either way, not counting those a scroll area cuts.
  std::vector<std::string> smallerThan(float minimum) const;

private:
  std::map<std::string, Rect> m_targets;
  std::set<std::string> m_cut;
  LayoutReport m_layout;
  int m_area = -1;
  std::string m_last;
};

} // namespace kiosk::ui
