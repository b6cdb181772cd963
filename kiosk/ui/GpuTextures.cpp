#include "ui/GpuTextures.h"

#include <SFML/OpenGL.hpp>

#ifndef GL_CLAMP_TO_EDGE
#define GL_CLAMP_TO_EDGE 0x812F
#endif
#ifndef GL_TEXTURE_MAX_LEVEL
#define GL_TEXTURE_MAX_LEVEL 0x813D
#endif

namespace kiosk::ui {

namespace {

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
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    if (const GLenum err = glGetError(); err != GL_NO_ERROR) {
      error = describe(err);
      glDeleteTextures(1, &name);
      return 0;
    }
    return name;
  }

  bool upload(unsigned texture, int y, int w, int rows, const std::uint8_t* rgba, std::string& error) override {
    clearErrors();
    Bound bound(texture);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, w, rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
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
};

} // namespace

std::unique_ptr<GpuTextures> createGlTextures() { return std::make_unique<GlTextures>(); }

} // namespace kiosk::ui
