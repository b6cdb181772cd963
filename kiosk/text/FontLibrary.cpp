#include "text/FontLibrary.h"

#include "platform/FontFinder.h"

#include <algorithm>

namespace kiosk::text {

// Loading a face reads its file (20 MB for a CJK collection) and asks fontconfig: both happen
// without the lock, so a worker loading faces never stalls the frame loop drawing with others.
std::shared_ptr<FontFace> FontLibrary::load(const std::string& file, int index) {
  const std::string key = file + "#" + std::to_string(index);
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_faces.find(key); it != m_faces.end()) return it->second;
  }
  std::string error;
  auto face = FontFace::load(file, index, error);
  std::lock_guard lock(m_mutex);
  auto [it, inserted] = m_faces.try_emplace(key, face); // a failure is remembered too (null)
  return it->second;
}

void FontLibrary::ensureChain(const std::string& language) {
  {
    std::lock_guard lock(m_mutex);
    if (m_chains.count(language)) return;
  }
  std::shared_ptr<FontFace> face;
  if (auto f = platform::findFontForLanguage(language)) face = load(f->file, f->index);
  std::lock_guard lock(m_mutex);
  auto [it, inserted] = m_chains.try_emplace(language);
  if (inserted && face && !face->colour()) it->second.push_back(face);
}

// A monochrome face: the language's chain, then fontconfig's answer for `c`. Null when none has it.
std::shared_ptr<FontFace> FontLibrary::textFace(char32_t c, const std::string& language) {
  {
    std::lock_guard lock(m_mutex);
    for (const auto& f : m_chains[language])
      if (f->hasGlyph(c)) return f;
    if (m_hopeless.count({language, c})) return nullptr;
  }
  std::shared_ptr<FontFace> face;
  if (auto found = platform::findFontForLanguage(language, {c})) face = load(found->file, found->index);
  std::lock_guard lock(m_mutex);
  if (face && !face->colour() && face->hasGlyph(c)) {
    auto& chain = m_chains[language];
    if (std::find(chain.begin(), chain.end(), face) == chain.end()) chain.push_back(face);
    return face;
  }
  m_hopeless[{language, c}] = true;
  return nullptr;
}

// A colour face that has `c`, whatever the language (emoji look the same in every one).
std::shared_ptr<FontFace> FontLibrary::colourFace(char32_t c) {
  {
    std::lock_guard lock(m_mutex);
    for (const auto& f : m_colourFaces)
      if (f->hasGlyph(c)) return f;
    if (m_noColour.count(c)) return nullptr;
  }
  std::shared_ptr<FontFace> face;
  if (auto found = platform::findColourFont({c})) face = load(found->file, found->index);
  std::lock_guard lock(m_mutex);
  if (face && face->colour() && face->hasGlyph(c)) {
    if (std::find(m_colourFaces.begin(), m_colourFaces.end(), face) == m_colourFaces.end()) m_colourFaces.push_back(face);
    return face;
  }
  m_noColour.insert(c);
  return nullptr;
}

std::shared_ptr<FontFace> FontLibrary::faceFor(char32_t c, const std::string& language, Presentation presentation) {
  ensureChain(language);
  if (presentation == Presentation::Emoji)
    if (auto f = colourFace(c)) return f;
  if (auto f = textFace(c, language)) return f;
  // Text presentation asked for, but only a colour font has the character: colour beats nothing.
  return presentation == Presentation::Text ? colourFace(c) : nullptr;
}

std::shared_ptr<FontFace> FontLibrary::primary(const std::string& language) {
  ensureChain(language);
  std::lock_guard lock(m_mutex);
  const auto& faces = m_chains[language];
  return faces.empty() ? nullptr : faces.front();
}

std::string FontLibrary::describe(const std::string& language) {
  ensureChain(language);
  std::lock_guard lock(m_mutex);
  std::string out = language + ":";
  for (const auto& f : m_chains[language]) out += " " + f->family() + ",";
  if (out.back() == ',') out.pop_back();
  if (!m_colourFaces.empty()) {
    out += "; emoji:";
    for (const auto& f : m_colourFaces) out += " " + f->family() + ",";
    out.pop_back();
  }
  return out;
}

} // namespace kiosk::text
