#include "ui/ImGuiGl.h"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Context.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <string>

namespace kiosk::ui {

void colourRuns(const ImDrawList& list, const ImDrawCmd& cmd, std::vector<ColourRun>& out, std::size_t maxRuns) {
  out.clear();
  const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  const unsigned count = cmd.ElemCount - cmd.ElemCount % 3;
  for (unsigned i = 0; i < count; i += 3) {
    const ImU32 c = vtx[idx[i]].col;
    const bool shared = vtx[idx[i + 1]].col == c && vtx[idx[i + 2]].col == c;
    if (!out.empty() && out.back().shared == shared && (!shared || out.back().colour == c)) {
      out.back().count += 3;
      continue;
    }
    // A new run past the limit: colours changed, so the whole command goes the per-vertex way.
    if (out.size() >= std::max<std::size_t>(maxRuns, 1)) {
      out.assign(1, ColourRun{0, count, false, 0});
      return;
    }
    out.push_back(ColourRun{i, 3, shared, c});
  }
}

std::vector<std::uint8_t> veilRampTexels(ImU32 colour) {
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(kRampWidth) * kRampRows * 4);
  const auto channel = [&](int shift) { return static_cast<int>(colour >> shift & 0xFF); };
  for (int row = 0; row < kRampRows; ++row) {
    const int alpha = row * 255 / (kRampRows - 1);
    const auto times = [&](int c) { return static_cast<std::uint8_t>((c * alpha + 127) / 255); };
    for (int x = 0; x < kRampWidth; ++x) {
      std::uint8_t* p = pixels.data() + (static_cast<std::size_t>(row) * kRampWidth + x) * 4;
      p[0] = times(channel(IM_COL32_B_SHIFT));
      p[1] = times(channel(IM_COL32_G_SHIFT));
      p[2] = times(channel(IM_COL32_R_SHIFT));
      p[3] = static_cast<std::uint8_t>(alpha);
    }
  }
  return pixels;
}

namespace imgui_gl { // named, not anonymous: ImGuiGl::Gl holds one

// OpenGL 2.0-3.2 entry points, looked up through SFML (libGL exports only 1.x everywhere).
struct Functions {
  PFNGLCREATESHADERPROC createShader = nullptr;
  PFNGLSHADERSOURCEPROC shaderSource = nullptr;
  PFNGLCOMPILESHADERPROC compileShader = nullptr;
  PFNGLGETSHADERIVPROC getShaderiv = nullptr;
  PFNGLGETSHADERINFOLOGPROC getShaderInfoLog = nullptr;
  PFNGLDELETESHADERPROC deleteShader = nullptr;
  PFNGLCREATEPROGRAMPROC createProgram = nullptr;
  PFNGLATTACHSHADERPROC attachShader = nullptr;
  PFNGLBINDATTRIBLOCATIONPROC bindAttribLocation = nullptr;
  PFNGLLINKPROGRAMPROC linkProgram = nullptr;
  PFNGLGETPROGRAMIVPROC getProgramiv = nullptr;
  PFNGLGETPROGRAMINFOLOGPROC getProgramInfoLog = nullptr;
  PFNGLDELETEPROGRAMPROC deleteProgram = nullptr;
  PFNGLUSEPROGRAMPROC useProgram = nullptr;
  PFNGLGETUNIFORMLOCATIONPROC getUniformLocation = nullptr;
  PFNGLUNIFORM1IPROC uniform1i = nullptr;
  PFNGLUNIFORM4FPROC uniform4f = nullptr;
  PFNGLUNIFORMMATRIX4FVPROC uniformMatrix4fv = nullptr;
  PFNGLGENBUFFERSPROC genBuffers = nullptr;
  PFNGLDELETEBUFFERSPROC deleteBuffers = nullptr;
  PFNGLBINDBUFFERPROC bindBuffer = nullptr;
  PFNGLBUFFERDATAPROC bufferData = nullptr;
  PFNGLGENVERTEXARRAYSPROC genVertexArrays = nullptr;
  PFNGLDELETEVERTEXARRAYSPROC deleteVertexArrays = nullptr;
  PFNGLBINDVERTEXARRAYPROC bindVertexArray = nullptr;
  PFNGLENABLEVERTEXATTRIBARRAYPROC enableVertexAttribArray = nullptr;
  PFNGLVERTEXATTRIBPOINTERPROC vertexAttribPointer = nullptr;
  PFNGLBLENDEQUATIONPROC blendEquation = nullptr;
  PFNGLBLENDEQUATIONSEPARATEPROC blendEquationSeparate = nullptr;
  PFNGLBLENDFUNCSEPARATEPROC blendFuncSeparate = nullptr;
  PFNGLACTIVETEXTUREPROC activeTexture = nullptr;
  PFNGLDRAWELEMENTSBASEVERTEXPROC drawElementsBaseVertex = nullptr; // 3.2; without it, no vertex offsets

  template <class F> static void get(F& f, const char* name) {
    f = reinterpret_cast<F>(sf::Context::getFunction(name));
  }

  Functions() {
    get(createShader, "glCreateShader");
    get(shaderSource, "glShaderSource");
    get(compileShader, "glCompileShader");
    get(getShaderiv, "glGetShaderiv");
    get(getShaderInfoLog, "glGetShaderInfoLog");
    get(deleteShader, "glDeleteShader");
    get(createProgram, "glCreateProgram");
    get(attachShader, "glAttachShader");
    get(bindAttribLocation, "glBindAttribLocation");
    get(linkProgram, "glLinkProgram");
    get(getProgramiv, "glGetProgramiv");
    get(getProgramInfoLog, "glGetProgramInfoLog");
    get(deleteProgram, "glDeleteProgram");
    get(useProgram, "glUseProgram");
    get(getUniformLocation, "glGetUniformLocation");
    get(uniform1i, "glUniform1i");
    get(uniform4f, "glUniform4f");
    get(uniformMatrix4fv, "glUniformMatrix4fv");
    get(genBuffers, "glGenBuffers");
    get(deleteBuffers, "glDeleteBuffers");
    get(bindBuffer, "glBindBuffer");
    get(bufferData, "glBufferData");
    get(genVertexArrays, "glGenVertexArrays");
    get(deleteVertexArrays, "glDeleteVertexArrays");
    get(bindVertexArray, "glBindVertexArray");
    get(enableVertexAttribArray, "glEnableVertexAttribArray");
    get(vertexAttribPointer, "glVertexAttribPointer");
    get(blendEquation, "glBlendEquation");
    get(blendEquationSeparate, "glBlendEquationSeparate");
    get(blendFuncSeparate, "glBlendFuncSeparate");
    get(activeTexture, "glActiveTexture");
    get(drawElementsBaseVertex, "glDrawElementsBaseVertex");
  }
  static Functions none() {
    Functions f;
    f.createShader = nullptr;
    return f;
  }
  bool ok() const {
    return createShader && shaderSource && compileShader && getShaderiv && getShaderInfoLog && deleteShader &&
           createProgram && attachShader && bindAttribLocation && linkProgram && getProgramiv && getProgramInfoLog &&
           deleteProgram && useProgram && getUniformLocation && uniform1i && uniform4f && uniformMatrix4fv &&
           genBuffers && deleteBuffers && bindBuffer && bufferData && genVertexArrays && deleteVertexArrays &&
           bindVertexArray && enableVertexAttribArray && vertexAttribPointer && blendEquation &&
           blendEquationSeparate && blendFuncSeparate && activeTexture;
  }
};

} // namespace imgui_gl

namespace {
using imgui_gl::Functions;

constexpr GLuint kPosition = 0, kUv = 1, kColour = 2;

constexpr const char* kVertex = R"(#version 130
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 colour;
out vec2 fragUv;
out vec4 fragColour;
void main() {
  fragUv = uv;
  fragColour = colour;
  gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

// One colour for the whole draw: the form llvmpipe's linear path takes (texture times constants).
constexpr const char* kTinted = R"(#version 130
uniform sampler2D picture;
uniform vec4 tint;
in vec2 fragUv;
out vec4 result;
void main() {
  result = texture(picture, fragUv) * tint;
}
)";

// Opaque white: the texture as it is (llvmpipe's C blits and premultiplied blends take this).
constexpr const char* kPlain = R"(#version 130
uniform sampler2D picture;
in vec2 fragUv;
out vec4 result;
void main() {
  result = texture(picture, fragUv);
}
)";

// Per-vertex colours. The clamp changes nothing (both factors are within 0..1); it is there so
// llvmpipe never treats this shader as linear (see ImGuiGl.h).
constexpr const char* kColoured = R"(#version 130
uniform sampler2D picture;
in vec2 fragUv;
in vec4 fragColour;
out vec4 result;
void main() {
  result = clamp(fragColour * texture(picture, fragUv), 0.0, 1.0);
}
)";

GLuint toName(ImTextureID id) {
  return static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id));
}

} // namespace

struct ImGuiGl::Gl {
  Functions f;
  std::string error;
  struct Program {
    GLuint name = 0;
    GLint projection = -1, picture = -1, tint = -1;
  };
  Program plain, tinted, coloured;
  GLuint vao = 0, vbo = 0, ebo = 0, font = 0;
  std::map<ImU32, GLuint> veils; // veilRamp's textures, by colour
  std::vector<ColourRun> runs;   // reused every command

  GLuint compile(GLenum kind, const char* source) {
    const GLuint s = f.createShader(kind);
    f.shaderSource(s, 1, &source, nullptr);
    f.compileShader(s);
    GLint ok = 0;
    f.getShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
      char log[512] = {};
      f.getShaderInfoLog(s, sizeof log, nullptr, log);
      if (error.empty()) error = std::string("a shader did not compile: ") + log;
      f.deleteShader(s);
      return 0;
    }
    return s;
  }

  Program link(const char* fragment) {
    Program p;
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, fragment);
    if (vs && fs) {
      p.name = f.createProgram();
      f.attachShader(p.name, vs);
      f.attachShader(p.name, fs);
      f.bindAttribLocation(p.name, kPosition, "position");
      f.bindAttribLocation(p.name, kUv, "uv");
      f.bindAttribLocation(p.name, kColour, "colour");
      f.linkProgram(p.name);
      GLint ok = 0;
      f.getProgramiv(p.name, GL_LINK_STATUS, &ok);
      if (!ok) {
        char log[512] = {};
        f.getProgramInfoLog(p.name, sizeof log, nullptr, log);
        if (error.empty()) error = std::string("a shader program did not link: ") + log;
        f.deleteProgram(p.name);
        p.name = 0;
      } else {
        p.projection = f.getUniformLocation(p.name, "projection");
        p.picture = f.getUniformLocation(p.name, "picture");
        p.tint = f.getUniformLocation(p.name, "tint");
      }
    }
    if (vs) f.deleteShader(vs); // the program keeps them while it lives
    if (fs) f.deleteShader(fs);
    return p;
  }

  bool ok() const { return plain.name && tinted.name && coloured.name && vao && vbo && ebo; }
};

ImGuiGl::ImGuiGl() : m_gl(std::make_unique<Gl>()) {
  Gl& g = *m_gl;
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "kiosk_opengl";
  // (On GLX every name gives a pointer, so the version decides what may be called.)
  GLint major = 0, minor = 0;
  if (const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION)))
    std::sscanf(version, "%d.%d", &major, &minor);
  if (!g.f.ok() || major < 3) {
    g.error = "the OpenGL driver lacks shaders or buffers (OpenGL 3.0 is needed)";
    g.f = Functions::none();
    return;
  }
  if (major == 3 && minor < 2) g.f.drawElementsBaseVertex = nullptr; // 3.2: lists past 64K vertices
  if (g.f.drawElementsBaseVertex) io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  g.plain = g.link(kPlain);
  g.tinted = g.link(kTinted);
  g.coloured = g.link(kColoured);
  g.f.genVertexArrays(1, &g.vao);
  g.f.genBuffers(1, &g.vbo);
  g.f.genBuffers(1, &g.ebo);
  // The vertex layout lives in the vertex array object, set once.
  GLint previousVao = 0, previousBuffer = 0;
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &previousVao);
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previousBuffer);
  g.f.bindVertexArray(g.vao);
  g.f.bindBuffer(GL_ARRAY_BUFFER, g.vbo);
  g.f.bindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
  g.f.enableVertexAttribArray(kPosition);
  g.f.enableVertexAttribArray(kUv);
  g.f.enableVertexAttribArray(kColour);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  g.f.vertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
  g.f.vertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
  g.f.vertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
  g.f.bindVertexArray(static_cast<GLuint>(previousVao));
  g.f.bindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(previousBuffer));
  rebuildFontTexture();
}

ImGuiGl::~ImGuiGl() {
  Gl& g = *m_gl;
  if (!g.f.ok()) return;
  if (g.font) glDeleteTextures(1, &g.font);
  for (auto& [colour, name] : g.veils)
    glDeleteTextures(1, &name);
  ImGui::GetIO().Fonts->SetTexID(nullptr);
  if (g.vao) g.f.deleteVertexArrays(1, &g.vao);
  if (g.vbo) g.f.deleteBuffers(1, &g.vbo);
  if (g.ebo) g.f.deleteBuffers(1, &g.ebo);
  if (g.plain.name) g.f.deleteProgram(g.plain.name);
  if (g.tinted.name) g.f.deleteProgram(g.tinted.name);
  if (g.coloured.name) g.f.deleteProgram(g.coloured.name);
}

bool ImGuiGl::ok() const {
  return m_gl->ok();
}
const char* ImGuiGl::error() const {
  return m_gl->error.c_str();
}
ImTextureID ImGuiGl::veilRamp(ImU32 colour) {
  Gl& g = *m_gl;
  GLuint& name = g.veils[colour];
  if (!name) {
    const std::vector<std::uint8_t> pixels = veilRampTexels(colour);
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glGenTextures(1, &name);
    glBindTexture(GL_TEXTURE_2D, name);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    g.f.bindBuffer(GL_PIXEL_UNPACK_BUFFER, 0); // rows from memory, whatever was bound before
    // Nearest: 256 rows over a band of a few hundred pixels step by less than a level of 255.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // Unsized GL_RGBA with BGRA rows, as GpuTextures makes pictures: stored as B8G8R8A8.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, kRampWidth, kRampRows, 0, GL_BGRA, GL_UNSIGNED_BYTE, pixels.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
  }
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(name));
}

void ImGuiGl::rebuildFontTexture() {
  Gl& g = *m_gl;
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  if (!g.font) glGenTextures(1, &g.font);
  glBindTexture(GL_TEXTURE_2D, g.font);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g.font)));
}

namespace {

// What render() changes, put back afterwards.
struct SavedState {
  GLint program = 0, texture = 0, activeTexture = 0, arrayBuffer = 0, vao = 0;
  GLint viewport[4] = {}, scissor[4] = {};
  GLint srcRgb = 0, dstRgb = 0, srcAlpha = 0, dstAlpha = 0, equation = 0, equationAlpha = 0;
  GLboolean blend = 0, cull = 0, depth = 0, stencil = 0, scissorTest = 0;

  void save() {
    glGetIntegerv(GL_ACTIVE_TEXTURE, &activeTexture);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &arrayBuffer);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
    glGetIntegerv(GL_VIEWPORT, viewport);
    glGetIntegerv(GL_SCISSOR_BOX, scissor);
    glGetIntegerv(GL_BLEND_SRC_RGB, &srcRgb);
    glGetIntegerv(GL_BLEND_DST_RGB, &dstRgb);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &srcAlpha);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &dstAlpha);
    glGetIntegerv(GL_BLEND_EQUATION_RGB, &equation);
    glGetIntegerv(GL_BLEND_EQUATION_ALPHA, &equationAlpha);
    blend = glIsEnabled(GL_BLEND);
    cull = glIsEnabled(GL_CULL_FACE);
    depth = glIsEnabled(GL_DEPTH_TEST);
    stencil = glIsEnabled(GL_STENCIL_TEST);
    scissorTest = glIsEnabled(GL_SCISSOR_TEST);
  }
  void restore(const Functions& f) const {
    f.useProgram(static_cast<GLuint>(program));
    f.activeTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture));
    f.activeTexture(static_cast<GLenum>(activeTexture));
    f.bindVertexArray(static_cast<GLuint>(vao));
    f.bindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(arrayBuffer));
    f.blendEquationSeparate(static_cast<GLenum>(equation), static_cast<GLenum>(equationAlpha));
    f.blendFuncSeparate(static_cast<GLenum>(srcRgb), static_cast<GLenum>(dstRgb), static_cast<GLenum>(srcAlpha),
                        static_cast<GLenum>(dstAlpha));
    const auto set = [](GLenum cap, GLboolean on) { on ? glEnable(cap) : glDisable(cap); };
    set(GL_BLEND, blend);
    set(GL_CULL_FACE, cull);
    set(GL_DEPTH_TEST, depth);
    set(GL_STENCIL_TEST, stencil);
    set(GL_SCISSOR_TEST, scissorTest);
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    glScissor(scissor[0], scissor[1], scissor[2], scissor[3]);
  }
};

} // namespace

void ImGuiGl::render(const ImDrawData* data) {
  Gl& g = *m_gl;
  if (!g.ok() || !data) return;
  const int fbWidth = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  const int fbHeight = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  if (fbWidth <= 0 || fbHeight <= 0) return;

  SavedState saved;
  saved.save();
  g.f.activeTexture(GL_TEXTURE0);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &saved.texture);

  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
  const float projection[16] = {2.0f / (r - l),    0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r),
                                (t + b) / (b - t), 0, 1};
  const auto setUp = [&] {
    glEnable(GL_BLEND);
    g.f.blendEquation(GL_FUNC_ADD);
    g.f.blendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fbWidth, fbHeight);
    for (const Gl::Program* p : {&g.plain, &g.tinted, &g.coloured}) {
      g.f.useProgram(p->name);
      g.f.uniformMatrix4fv(p->projection, 1, GL_FALSE, projection);
      g.f.uniform1i(p->picture, 0);
    }
    g.f.bindVertexArray(g.vao);
    g.f.bindBuffer(GL_ARRAY_BUFFER, g.vbo);
  };
  setUp();

  const ImVec2 clipOff = data->DisplayPos, clipScale = data->FramebufferScale;
  const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  GLuint current = 0; // the program in use (0: setUp left the last one)
  ImU32 currentTint = 0;
  bool tintSet = false;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    g.f.bufferData(GL_ARRAY_BUFFER,
                   static_cast<GLsizeiptr>(list->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                   list->VtxBuffer.Data, GL_STREAM_DRAW);
    g.f.bufferData(GL_ELEMENT_ARRAY_BUFFER,
                   static_cast<GLsizeiptr>(list->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                   list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
          setUp();
          current = 0;
          tintSet = false;
        } else {
          cmd.UserCallback(list, &cmd);
        }
        continue;
      }
      const float x0 = (cmd.ClipRect.x - clipOff.x) * clipScale.x, y0 = (cmd.ClipRect.y - clipOff.y) * clipScale.y;
      const float x1 = (cmd.ClipRect.z - clipOff.x) * clipScale.x, y1 = (cmd.ClipRect.w - clipOff.y) * clipScale.y;
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fbHeight) - y1),
                static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
      glBindTexture(GL_TEXTURE_2D, toName(cmd.GetTexID()));
      colourRuns(*list, cmd, g.runs);
      for (const ColourRun& run : g.runs) {
        const bool white = run.shared && run.colour == IM_COL32_WHITE;
        const Gl::Program& p = white ? g.plain : run.shared ? g.tinted : g.coloured;
        if (current != p.name) {
          g.f.useProgram(p.name);
          current = p.name;
        }
        if (run.shared && !white) {
          if (!tintSet || run.colour != currentTint) {
            const auto channel = [&](int shift) { return static_cast<float>(run.colour >> shift & 0xFF) / 255.0f; };
            g.f.uniform4f(p.tint, channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT),
                          channel(IM_COL32_A_SHIFT));
            currentTint = run.colour;
            tintSet = true;
          }
        }
        const void* first =
            reinterpret_cast<const void*>((static_cast<std::size_t>(cmd.IdxOffset) + run.first) * sizeof(ImDrawIdx));
        if (g.f.drawElementsBaseVertex)
          g.f.drawElementsBaseVertex(GL_TRIANGLES, static_cast<GLsizei>(run.count), indexType, first,
                                     static_cast<GLint>(cmd.VtxOffset));
        else
          glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(run.count), indexType, first);
      }
    }
  }
  saved.restore(g.f);
}

} // namespace kiosk::ui
