#pragma once
// Named touch targets laid out in the last frame, so input scripts can say "tap @home" instead of
// pixel positions that change with the layout and the screen size.
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
  }
  // `rect` is the part on screen; `whole` is false when a scroll area cuts the target.
  void add(const std::string& name, const Rect& rect, bool whole = true) {
    m_targets[name] = rect;
    if (!whole) m_cut.insert(name);
    else m_cut.erase(name);
  }
  std::optional<Rect> find(const std::string& name) const;
  std::vector<std::string> names() const;
  // Targets smaller than `minimum` pixels either way, not counting those a scroll area cuts.
  std::vector<std::string> smallerThan(float minimum) const;

private:
  std::map<std::string, Rect> m_targets;
  std::set<std::string> m_cut;
};

} // namespace kiosk::ui
