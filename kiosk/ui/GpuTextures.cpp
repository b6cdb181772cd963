#include "ui/GpuTextures.h"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <array>
#include <cstddef>
#include <cstring>

#ifndef GL_CLAMP_TO_EDGE
#define GL_CLAMP_TO_EDGE 0x812F
#endif
#ifndef GL_TEXTURE_MAX_LEVEL
#define GL_TEXTURE_MAX_LEVEL 0x813D
#endif

#ifndef GL_PIXEL_UNPACK_BUFFER
#define GL_PIXEL_UNPACK_BUFFER 0x88EC
#endif
#ifndef GL_PIXEL_UNPACK_BUFFER_BINDING
#define GL_PIXEL_UNPACK_BUFFER_BINDING 0x88EF
#endif
#ifndef GL_STREAM_DRAW
#define GL_STREAM_DRAW 0x88E0
#endif
#ifndef GL_MAP_WRITE_BIT
#define GL_MAP_WRITE_BIT 0x0002
#endif
#ifndef GL_MAP_INVALIDATE_BUFFER_BIT
#define GL_MAP_INVALIDATE_BUFFER_BIT 0x0008
#endif

namespace kiosk::ui {

namespace {

// Pixel buffer objects (OpenGL 2.1, mapping ranges 3.0), looked up once; absent, uploads go
// straight from memory.
struct PboFunctions {
  using Gen = void (*)(GLsizei, GLuint*);
  using Bind = void (*)(GLenum, GLuint);
  using Data = void (*)(GLenum, std::ptrdiff_t, const void*, GLenum);
  using MapRange = void* (*)(GLenum, std::ptrdiff_t, std::ptrdiff_t, GLbitfield);
  using Unmap = GLboolean (*)(GLenum);
  Gen gen = nullptr, del = nullptr;
  Bind bind = nullptr;
  Data data = nullptr;
  MapRange map = nullptr;
  Unmap unmap = nullptr;
  bool ok() const { return gen && del && bind && data && map && unmap; }
};

const PboFunctions& pbo() {
  static const PboFunctions f = [] {
    PboFunctions r;
    r.gen = reinterpret_cast<PboFunctions::Gen>(sf::Context::getFunction("glGenBuffers"));
    r.del = reinterpret_cast<PboFunctions::Gen>(sf::Context::getFunction("glDeleteBuffers"));
    r.bind = reinterpret_cast<PboFunctions::Bind>(sf::Context::getFunction("glBindBuffer"));
    r.data = reinterpret_cast<PboFunctions::Data>(sf::Context::getFunction("glBufferData"));
    r.map = reinterpret_cast<PboFunctions::MapRange>(sf::Context::getFunction("glMapBufferRange"));
    r.unmap = reinterpret_cast<PboFunctions::Unmap>(sf::Context::getFunction("glUnmapBuffer"));
    return r;
  }();
  return f;
}

void clearErrors() {
  for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
  } // earlier errors (anyone's) are not this call's
}

std::string describe(GLenum err) { return err == GL_OUT_OF_MEMORY ? "out of memory" : "OpenGL error " + std::to_string(err); }

// Binds a texture for the scope, then restores whatever was bound: SFML and ImGui keep theirs.
class Bound {
public:
  explicit Bound(GLuint texture) {
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &m_previous);
    glBindTexture(GL_TEXTURE_2D, texture);
  }
  ~Bound() { glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(m_previous)); }
  Bound(const Bound&) = delete;
  Bound& operator=(const Bound&) = delete;

private:
  GLint m_previous = 0;
};

class GlTextures final : public GpuTextures {
public:
  unsigned create(int w, int h, std::string& error) override {
    clearErrors();
    GLuint name = 0;
    glGenTextures(1, &name);
    if (name == 0) {
      error = "the graphics card gave no texture";
      return 0;
    }
    Bound bound(name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    // Unsized GL_RGBA with BGRA rows: the driver picks the layout the rows come in (GpuTextures.h).
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
    if (const GLenum err = glGetError(); err != GL_NO_ERROR) {
      error = describe(err);
      glDeleteTextures(1, &name);
      return 0;
    }
    return name;
  }

  // Rows go through a ring of pixel buffer objects: the copy into a mapped buffer is all the
  // CPU does, and a GPU takes the rows from it while the frame goes on (the ring's next buffer
  // is used while one is still being read). Buffers are allocated once, at the largest size
  // asked, and invalidated (not reallocated) for each upload.
  media::PixelOrder order() const override { return media::PixelOrder::Bgra; }

  bool upload(unsigned texture, int y, int w, int rows, const std::uint8_t* pixels, std::string& error) override {
    clearErrors();
    Bound bound(texture);
    const std::size_t bytes = static_cast<std::size_t>(w) * static_cast<std::size_t>(rows) * 4;
    const PboFunctions& f = pbo();
    if (f.ok() && bytes <= kMaxPboBytes) {
      Slot& slot = m_ring[m_next];
      m_next = (m_next + 1) % m_ring.size();
      if (slot.name == 0) f.gen(1, &slot.name);
      f.bind(GL_PIXEL_UNPACK_BUFFER, slot.name);
      if (slot.capacity < bytes) {
        slot.capacity = std::max(bytes, std::size_t{512} << 10);
        f.data(GL_PIXEL_UNPACK_BUFFER, static_cast<std::ptrdiff_t>(slot.capacity), nullptr, GL_STREAM_DRAW);
      }
      if (void* mapped = f.map(GL_PIXEL_UNPACK_BUFFER, 0, static_cast<std::ptrdiff_t>(bytes), GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT)) {
        std::memcpy(mapped, pixels, bytes);
        f.unmap(GL_PIXEL_UNPACK_BUFFER);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
        f.bind(GL_PIXEL_UNPACK_BUFFER, 0);
        if (const GLenum err = glGetError(); err != GL_NO_ERROR) {
          error = describe(err);
          return false;
        }
        return true;
      }
      f.bind(GL_PIXEL_UNPACK_BUFFER, 0); // could not map: straight from memory this time
      clearErrors();
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, w, rows, GL_BGRA, GL_UNSIGNED_BYTE, pixels);
    if (const GLenum err = glGetError(); err != GL_NO_ERROR) {
      error = describe(err);
      return false;
    }
    return true;
  }

  void destroy(unsigned texture) override {
    const GLuint name = texture;
    glDeleteTextures(1, &name);
  }

  ~GlTextures() override {
    for (Slot& s : m_ring)
      if (s.name && pbo().ok()) pbo().del(1, &s.name);
  }

private:
  static constexpr std::size_t kMaxPboBytes = 8u << 20; // larger uploads (rare) go straight
  struct Slot {
    GLuint name = 0;
    std::size_t capacity = 0;
  };
  std::array<Slot, 3> m_ring{};
  std::size_t m_next = 0;
};

} // namespace

std::unique_ptr<GpuTextures> createGlTextures() { return std::make_unique<GlTextures>(); }

} // namespace kiosk::ui
