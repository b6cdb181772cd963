#pragma once
// The few GPU texture operations TextureCache needs, behind an interface: OpenGL in the kiosk,
// a fake in unit tests, so the cache's budget, eviction and upload slicing are tested without
// a display.
#include <cstdint>
#include <memory>
#include <string>

namespace kiosk::ui {

class GpuTextures {
public:
  virtual ~GpuTextures() = default;
  // A w x h RGBA texture with undefined contents; 0 and a sentence in `error` when refused.
  virtual unsigned create(int w, int h, std::string& error) = 0;
  // Rows y..y+rows of a texture from tightly packed RGBA; false and a sentence when refused.
  virtual bool upload(unsigned texture, int y, int w, int rows, const std::uint8_t* rgba, std::string& error) = 0;
  virtual void destroy(unsigned texture) = 0;
};

// OpenGL textures (linear filtering, clamped, one level). The GL context must be current.
std::unique_ptr<GpuTextures> createGlTextures();

} // namespace kiosk::ui
