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

} // namespace kiosk::ui
