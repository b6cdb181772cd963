#pragma once
// The project's own glue between SFML 2.5 (window, events) and Dear ImGui 1.86, drawn by the
// project's own OpenGL renderer (ImGuiGl.h).
// ImGui-SFML is not packaged for Debian 12, and ImGui 1.86 ships no SFML backend.
//
// Implements: pointer input (mouse and touch alike, taps latched per frame), display size,
// delta time. Keyboard is not given to ImGui: keys are reserved for staff shortcuts.
#include "ui/PointerLatch.h"

#include <SFML/Window/Event.hpp>

#include <memory>
#include <optional>

struct ImGuiIO;
struct ImDrawList;
struct ImDrawCmd;

namespace kiosk::ui {

class ImGuiGl;

// The pointer event an SFML event means, if any: left mouse button and first finger only.
std::optional<PointerEvent> toPointerEvent(const sf::Event& event);
// Gives ImGui one frame's pointer state (polled IO, as ImGui 1.86 reads it).
void applyPointer(ImGuiIO& io, const PointerState& state);
// A draw-list callback: what the list draws next replaces the pixels beneath instead of blending
// over them, until an ImDrawCallback_ResetRenderState (which turns blending back on). For opaque
// layers only: blending reads every pixel back, and on a software renderer a screen of it costs
// as much as drawing the screen again.
void blendOff(const ImDrawList* list, const ImDrawCmd* cmd);
// A draw-list callback: what follows is premultiplied (a veil's ramp, addVeil) and blends as such,
// until an ImDrawCallback_ResetRenderState.
void blendPremultiplied(const ImDrawList* list, const ImDrawCmd* cmd);

class ImGuiSfml {
public:
  // Creates the ImGui context and the OpenGL renderer on the current GL context.
  ImGuiSfml();
  ~ImGuiSfml();
  ImGuiSfml(const ImGuiSfml&) = delete;
  ImGuiSfml& operator=(const ImGuiSfml&) = delete;

  // Converts pointer events (mouse buttons, mouse moves, touches) into the latch.
  void processEvent(const sf::Event& event);
  // The staff editor types into ImGui: keys, text, the wheel and the right button go to ImGui
  // too from now on (the kiosk's screens never take the keyboard).
  void enableKeyboard();
  // Feeds a pointer event directly (input scripts use this: the same path as real input).
  void pushPointer(const PointerEvent& event) { m_latch.push(event); }
  bool hasPendingInput() const { return m_latch.hasPending(); }
  const PointerState& pointer() const { return m_latch.state(); }

  // Starts an ImGui frame of `width` x `height` pixels, `deltaSeconds` after the previous one.
  void newFrame(float width, float height, float deltaSeconds);
  // Ends the frame and draws it with OpenGL.
  void render();
  // Re-uploads the font atlas texture after io.Fonts changed.
  void fontsChanged();
  // Whether the renderer's shaders compiled (nothing is drawn otherwise), and why not.
  bool rendererOk() const;
  const char* rendererError() const;
  // A veil's ramp texture in `colour` (ImGuiGl::veilRamp()).
  void* veilRamp(unsigned colour);

private:
  std::unique_ptr<ImGuiGl> m_renderer;
  PointerLatch m_latch;
  bool m_keyboard = false;
  bool m_rightDown = false;
};

} // namespace kiosk::ui
