#include "text/FontLibrary.h"

#include "platform/FontFinder.h"

namespace kiosk::text {

std::shared_ptr<FontFace> FontLibrary::load(const std::string& file, int index) {
  const std::string key = file + "#" + std::to_string(index);
  if (auto it = m_faces.find(key); it != m_faces.end()) return it->second;
  std::string error;
  auto face = FontFace::load(file, index, error);
  m_faces[key] = face; // a failure is remembered too (null)
  return face;
}

std::vector<std::shared_ptr<FontFace>>& FontLibrary::chain(const std::string& language) {
  auto [it, inserted] = m_chains.try_emplace(language);
  if (inserted)
    if (auto f = platform::findFontForLanguage(language))
      if (auto face = load(f->file, f->index)) it->second.push_back(face);
  return it->second;
}

std::shared_ptr<FontFace> FontLibrary::faceFor(char32_t c, const std::string& language) {
  std::lock_guard lock(m_mutex);
  auto& faces = chain(language);
  for (const auto& f : faces)
    if (f->hasGlyph(c)) return f;
  if (m_hopeless.count({language, c})) return nullptr;
  if (auto found = platform::findFontForLanguage(language, {c}))
    if (auto face = load(found->file, found->index); face && face->hasGlyph(c)) {
      faces.push_back(face);
      return face;
    }
  m_hopeless[{language, c}] = true;
  return nullptr;
}

std::shared_ptr<FontFace> FontLibrary::primary(const std::string& language) {
  std::lock_guard lock(m_mutex);
  auto& faces = chain(language);
  return faces.empty() ? nullptr : faces.front();
}

std::string FontLibrary::describe(const std::string& language) {
  std::lock_guard lock(m_mutex);
  std::string out = language + ":";
  for (const auto& f : chain(language)) out += " " + f->family() + ",";
  if (out.back() == ',') out.pop_back();
  return out;
}

} // namespace kiosk::text
