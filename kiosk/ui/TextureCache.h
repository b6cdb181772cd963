#pragma once
// GPU textures for content images. Decoding happens on media's workers; this class uploads
// finished images on the main thread within a time slice per frame, so no frame waits.
#include "core/Content.h"
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
    std::string displayPath;
    std::uintmax_t bytes = 0;                 // the file as it was when requested
    std::filesystem::file_time_type modified{};
    std::uint64_t ticket = 0;                 // matches the decode request in flight
  };

  TextureCache(int maxWidth, int maxHeight);

  // The entry for an image, requesting its decode the first time it is asked for.
  const Entry& get(const ImageRef& image);

  // Uploads finished decodes, spending at most `budgetMs` milliseconds (at least one upload).
  void pump(double budgetMs);
  // Decodes requested but not yet uploaded.
  size_t pending() const { return m_loader.pending(); }
  // Failures since the last call, as staff diagnostics.
  std::vector<Diagnostic> takeDiagnostics();
  // New content: keeps the textures of pictures it still shows unchanged (same size and time of
  // change), so a reload does not flash placeholders; forgets the rest and every failure, so a
  // picture staff fixed is tried again.
  void retain(const Content& content);

private:
  int m_maxWidth;
  int m_maxHeight;
  media::ImageLoader m_loader;
  std::map<std::string, Entry> m_entries;
  std::uint64_t m_nextTicket = 1;
  std::vector<Diagnostic> m_diagnostics;
};

} // namespace kiosk::ui
