#pragma once
// GPU textures for content images. Decoding happens on media's workers; this class uploads
// finished images on the main thread within a time slice per frame, so no frame waits.
#include "core/Diagnostic.h"
#include "media/ImageLoader.h"

#include <SFML/Graphics/Texture.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui {

class TextureCache {
public:
  enum class State { Pending, Ready, Failed };
  struct Entry {
    State state = State::Pending;
    std::unique_ptr<sf::Texture> texture;
    std::string error;
  };

  TextureCache(int maxWidth, int maxHeight);

  // The entry for an image, requesting its decode the first time it is asked for.
  // `displayPath` names the file in staff messages.
  const Entry& get(const std::filesystem::path& file, const std::string& displayPath);

  // Uploads finished decodes, spending at most `budgetMs` milliseconds (at least one upload).
  void pump(double budgetMs);
  // Decodes requested but not yet uploaded.
  size_t pending() const { return m_loader.pending(); }
  // Failures since the last call, as staff diagnostics.
  std::vector<Diagnostic> takeDiagnostics();
  // Forgets everything (new content): textures are released, failures reported again if they recur.
  void clear();

private:
  int m_maxWidth;
  int m_maxHeight;
  media::ImageLoader m_loader;
  std::map<std::string, Entry> m_entries;
  std::map<std::string, std::string> m_displayPaths;
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace kiosk::ui
