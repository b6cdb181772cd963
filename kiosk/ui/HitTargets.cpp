#include "ui/HitTargets.h"

namespace kiosk::ui {

std::optional<Rect> HitTargets::find(const std::string& name) const {
  if (auto it = m_targets.find(name); it != m_targets.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> HitTargets::names() const {
  std::vector<std::string> out;
  for (const auto& [name, rect] : m_targets) out.push_back(name);
  return out;
}

std::vector<std::string> HitTargets::smallerThan(float minimum) const {
  std::vector<std::string> out;
  for (const auto& [name, r] : m_targets)
    if (!m_cut.count(name) && (r.w < minimum - 0.5f || r.h < minimum - 0.5f)) out.push_back(name);
  return out;
}

} // namespace kiosk::ui
