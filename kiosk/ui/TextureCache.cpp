#include "ui/TextureCache.h"

#include <chrono>
#include <iostream>
#include <utility>

namespace kiosk::ui {

TextureCache::TextureCache(int maxWidth, int maxHeight) : m_maxWidth(maxWidth), m_maxHeight(maxHeight), m_loader(2) {}

const TextureCache::Entry& TextureCache::get(const std::filesystem::path& file, const std::string& displayPath) {
  const std::string key = file.string();
  auto [it, inserted] = m_entries.try_emplace(key);
  if (inserted) {
    m_displayPaths[key] = displayPath;
    m_loader.request({file, m_maxWidth, m_maxHeight});
  }
  return it->second;
}

void TextureCache::pump(double budgetMs) {
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    auto done = m_loader.poll(1);
    if (done.empty()) return;
    auto& loaded = done.front();
    const std::string key = loaded.request.file.string();
    auto it = m_entries.find(key);
    if (it == m_entries.end()) continue; // cleared while decoding
    Entry& e = it->second;
    if (!loaded.result.ok()) {
      e.state = State::Failed;
      e.error = loaded.result.error;
    } else {
      auto tex = std::make_unique<sf::Texture>();
      const auto& img = loaded.result.image;
      if (!tex->create(static_cast<unsigned>(img.width), static_cast<unsigned>(img.height))) {
        e.state = State::Failed;
        e.error = "the graphics card refused a " + std::to_string(img.width) + "x" + std::to_string(img.height) + " texture";
      } else {
        tex->update(img.rgba.data());
        tex->setSmooth(true);
        tex->generateMipmap(); // thumbnails of full-screen photos stay smooth
        e.texture = std::move(tex);
        e.state = State::Ready;
      }
    }
    if (e.state == State::Failed) {
      Diagnostic d;
      d.file = m_displayPaths[key];
      d.message = e.error + "; a placeholder is shown instead";
      std::cerr << d.format() << "\n";
      m_diagnostics.push_back(std::move(d));
    }
    const double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (spent >= budgetMs) return;
  }
}

std::vector<Diagnostic> TextureCache::takeDiagnostics() { return std::exchange(m_diagnostics, {}); }

void TextureCache::clear() {
  m_entries.clear();
  m_displayPaths.clear();
}

} // namespace kiosk::ui
