#pragma once
// Named touch targets laid out in the last frame, so input scripts can say "tap @home" instead of
// pixel positions that change with the layout and the screen size.
#include <map>
#include <optional>
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
  void clear() { m_targets.clear(); }
  void add(const std::string& name, const Rect& rect) { m_targets[name] = rect; }
  std::optional<Rect> find(const std::string& name) const;
  std::vector<std::string> names() const;

private:
  std::map<std::string, Rect> m_targets;
};

} // namespace kiosk::ui
