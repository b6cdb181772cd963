#include "ui/TextureCache.h"

#include <chrono>
#include <iostream>
#include <utility>

namespace kiosk::ui {

TextureCache::TextureCache(int maxWidth, int maxHeight) : m_maxWidth(maxWidth), m_maxHeight(maxHeight), m_loader(2) {}

const TextureCache::Entry& TextureCache::get(const ImageRef& image) {
  const std::string key = image.file.string();
  auto [it, inserted] = m_entries.try_emplace(key);
  if (inserted) {
    Entry& e = it->second;
    e.displayPath = image.displayPath;
    e.bytes = image.bytes;
    e.modified = image.modified;
    e.ticket = m_nextTicket++;
    m_loader.request({image.file, m_maxWidth, m_maxHeight, e.ticket});
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
    if (it == m_entries.end() || it->second.ticket != loaded.request.ticket) continue; // superseded while decoding
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
      d.file = e.displayPath;
      d.message = e.error + "; a placeholder is shown instead";
      std::cerr << d.format() << "\n";
      m_diagnostics.push_back(std::move(d));
    }
    const double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (spent >= budgetMs) return;
  }
}

std::vector<Diagnostic> TextureCache::takeDiagnostics() { return std::exchange(m_diagnostics, {}); }

void TextureCache::retain(const Content& content) {
  std::map<std::string, const ImageRef*> wanted;
  if (content.settings.hasLogo) wanted[content.settings.logo.file.string()] = &content.settings.logo;
  for (const auto& s : content.sections) {
    if (s.hasCover) wanted[s.cover.file.string()] = &s.cover;
    for (const auto& i : s.items)
      for (const auto& img : i.images) wanted[img.file.string()] = &img;
  }
  for (auto it = m_entries.begin(); it != m_entries.end();) {
    const auto w = wanted.find(it->first);
    const bool keep = w != wanted.end() && it->second.state != State::Failed && w->second->bytes == it->second.bytes &&
                      w->second->modified == it->second.modified;
    it = keep ? std::next(it) : m_entries.erase(it);
  }
}

} // namespace kiosk::ui
