#pragma once
// Draws Dear ImGui's draw lists with OpenGL (GLSL 1.30 on SFML's compatibility context): the
// project's own renderer, in place of the imgui_impl_opengl3 backend, for what the kiosk draws
// most, full-screen pictures.
//
// A command whose vertices all share one colour (a picture, a thumbnail, a run of glyphs) is
// drawn by a program that takes the colour as a uniform, `texture * tint` (or, in opaque white,
// by one that only samples, which llvmpipe's C fast paths take for nearest-sampled textures). With a BGRA texture
// (the kiosk's pictures, GpuTextures.h) Mesa's llvmpipe draws that shader on its linear path,
// eight bits a channel: a 1080p picture panned and zoomed took 10.6 ms of CPU against 21-22 ms
// for imgui_impl_opengl3's `colour * texture` (14.6 against 24.7 ms blended at half alpha).
//
// Triangles whose colours vary (the shaded parts of a picture, gradients) go through a program that multiplies by the
// vertex colour, with its result clamped. The clamp changes nothing on screen; it keeps llvmpipe off its linear path
// for this shader, because Mesa 22.3 (Debian 12) draws a per-vertex colour times a BGRA texture there as garbage.
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace kiosk::ui {

// A stretch of a command's triangles drawn in one call: `count` indices from `first` (relative
// to the command's own), all of one colour (`shared`) or not.
struct ColourRun {
  unsigned first = 0;
  unsigned count = 0;
  bool shared = false;
  ImU32 colour = 0;
};
// Cuts the triangles `cmd` draws into runs: consecutive triangles whose three vertices all have
// the same colour share a run, and so do consecutive triangles of mixed colours. A picture shaded
// at its top and bottom is three runs, and its unshaded middle goes the fast way. When more than
// `maxRuns` would be needed (each call costs the driver about 0.1 ms on llvmpipe), the whole
// command is one run, shared only if every vertex has the same colour.
void colourRuns(const ImDrawList& list, const ImDrawCmd& cmd, std::vector<ColourRun>& out, std::size_t maxRuns = 4);

// A veil's ramp has a row for each level of alpha (addVeil maps alpha a to row a * 255).
constexpr int kRampRows = 256;
static_assert(kRampRows == 256, "addVeil's uv mapping assumes a row a level");

// The texels of veilRamp(colour): kRampWidth x kRampRows, BGRA, row i of alpha i * 255 /
// (kRampRows - 1) and `colour` premultiplied by it.
constexpr int kRampWidth = 4;
std::vector<std::uint8_t> veilRampTexels(ImU32 colour);

class ImGuiGl {
public:
  // Compiles the programs and makes the buffers and the font atlas texture. The GL context must
  // be current (and stay so for every call, the destructor too).
  ImGuiGl();
  ~ImGuiGl();
  ImGuiGl(const ImGuiGl&) = delete;
  ImGuiGl& operator=(const ImGuiGl&) = delete;

  // False when the programs did not compile or link (nothing is drawn then); why in error().
  bool ok() const;
  const char* error() const;

  // Draws a frame's lists. Leaves the GL state as it found it (program, texture, buffers, blend,
  // scissor, viewport), as SFML and mpv expect.
  void render(const ImDrawData* data);
  // Uploads io.Fonts' atlas again (after fonts were added or rebuilt).
  void rebuildFontTexture();
  // A veil's ramp: 4 x kRampRows texels of `colour` whose alpha is the row's (i/255),
  // premultiplied, sampled nearest (made on first use, kept). Drawn in opaque white with
  // premultiplied blending (addVeil), it is a plain texture fetch that llvmpipe blends in C with
  // SSE: over a whole 1080p screen 6.8 ms of CPU, against 10.9 ms for a straight-alpha ramp on its
  // linear path and 13 ms for a gradient rectangle.
  ImTextureID veilRamp(ImU32 colour);

private:
  struct Gl;
  std::unique_ptr<Gl> m_gl;
};

} // namespace kiosk::ui
