#include "ui/ImGuiSfml.h"

#include "ui/ImGuiGl.h"

#include <imgui.h>

#include <SFML/OpenGL.hpp>

#include <algorithm>

namespace kiosk::ui {

ImGuiSfml::ImGuiSfml() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr; // the kiosk never writes files next to itself
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  io.BackendPlatformName = "kiosk_sfml";
  // Touch screens jitter a little; a tap that moves a few pixels is still a tap.
  io.MouseDragThreshold = 12.0f;
  ImGui::StyleColorsDark();
  m_renderer = std::make_unique<ImGuiGl>();
}

ImGuiSfml::~ImGuiSfml() {
  m_renderer.reset();
  ImGui::DestroyContext();
}

bool ImGuiSfml::rendererOk() const {
  return m_renderer->ok();
}
const char* ImGuiSfml::rendererError() const {
  return m_renderer->error();
}
void* ImGuiSfml::veilRamp(unsigned colour) {
  return m_renderer->veilRamp(colour);
}

std::optional<PointerEvent> toPointerEvent(const sf::Event& event) {
  using K = PointerEvent::Kind;
  auto at = [](K kind, int x, int y) { return PointerEvent{kind, static_cast<float>(x), static_cast<float>(y)}; };
  switch (event.type) {
  case sf::Event::MouseMoved: return at(K::Move, event.mouseMove.x, event.mouseMove.y);
  case sf::Event::MouseButtonPressed:
    if (event.mouseButton.button == sf::Mouse::Left) return at(K::Down, event.mouseButton.x, event.mouseButton.y);
    break;
  case sf::Event::MouseButtonReleased:
    if (event.mouseButton.button == sf::Mouse::Left) return at(K::Up, event.mouseButton.x, event.mouseButton.y);
    break;
  // SFML emits these on platforms with native touch; on X11 touches arrive as the mouse instead.
  case sf::Event::TouchBegan:
    if (event.touch.finger == 0) return at(K::Down, event.touch.x, event.touch.y);
    break;
  case sf::Event::TouchMoved:
    if (event.touch.finger == 0) return at(K::Move, event.touch.x, event.touch.y);
    break;
  case sf::Event::TouchEnded:
    if (event.touch.finger == 0) return at(K::Up, event.touch.x, event.touch.y);
    break;
  default: break;
  }
  return std::nullopt;
}

void blendOff(const ImDrawList*, const ImDrawCmd*) {
  glDisable(GL_BLEND);
}

void blendPremultiplied(const ImDrawList*, const ImDrawCmd*) {
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

void applyPointer(ImGuiIO& io, const PointerState& p) {
  io.MousePos = p.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(p.x, p.y);
  io.MouseDown[0] = p.down;
}

void ImGuiSfml::enableKeyboard() {
  m_keyboard = true;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseDragThreshold = 4.0f; // a mouse, not a finger
  // ImGui 1.86 reads keys through KeyMap: its keys -> indices of io.KeysDown (SFML's codes here).
  const std::pair<ImGuiKey_, sf::Keyboard::Key> keys[] = {
      {ImGuiKey_Tab, sf::Keyboard::Tab},         {ImGuiKey_LeftArrow, sf::Keyboard::Left},
      {ImGuiKey_RightArrow, sf::Keyboard::Right}, {ImGuiKey_UpArrow, sf::Keyboard::Up},
      {ImGuiKey_DownArrow, sf::Keyboard::Down},  {ImGuiKey_PageUp, sf::Keyboard::PageUp},
      {ImGuiKey_PageDown, sf::Keyboard::PageDown}, {ImGuiKey_Home, sf::Keyboard::Home},
      {ImGuiKey_End, sf::Keyboard::End},         {ImGuiKey_Insert, sf::Keyboard::Insert},
      {ImGuiKey_Delete, sf::Keyboard::Delete},   {ImGuiKey_Backspace, sf::Keyboard::BackSpace},
      {ImGuiKey_Space, sf::Keyboard::Space},     {ImGuiKey_Enter, sf::Keyboard::Enter},
      {ImGuiKey_Escape, sf::Keyboard::Escape},   {ImGuiKey_KeyPadEnter, sf::Keyboard::Return},
      {ImGuiKey_A, sf::Keyboard::A},             {ImGuiKey_C, sf::Keyboard::C},
      {ImGuiKey_V, sf::Keyboard::V},             {ImGuiKey_X, sf::Keyboard::X},
      {ImGuiKey_Y, sf::Keyboard::Y},             {ImGuiKey_Z, sf::Keyboard::Z}};
  for (const auto& [imgui, sfml] : keys) io.KeyMap[imgui] = sfml;
}

void ImGuiSfml::processEvent(const sf::Event& event) {
  if (m_keyboard) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      const bool down = event.type == sf::Event::KeyPressed;
      const int code = event.key.code;
      if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[code] = down;
      io.KeyCtrl = event.key.control;
      io.KeyShift = event.key.shift;
      io.KeyAlt = event.key.alt;
      io.KeySuper = event.key.system;
      return;
    }
    case sf::Event::TextEntered:
      // Control characters come as keys; everything else (an input method's Chinese too) as text.
      if (event.text.unicode >= 0x20 && event.text.unicode != 0x7F) io.AddInputCharacter(event.text.unicode);
      return;
    case sf::Event::MouseWheelScrolled:
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) io.MouseWheel += event.mouseWheelScroll.delta;
      else io.MouseWheelH += event.mouseWheelScroll.delta;
      return;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased:
      if (event.mouseButton.button == sf::Mouse::Right) {
        io.MouseDown[1] = event.type == sf::Event::MouseButtonPressed;
        m_rightDown = io.MouseDown[1];
        return;
      }
      break;
    default: break;
    }
  }
  if (auto p = toPointerEvent(event)) {
    m_latch.push(*p);
  } else if (event.type == sf::Event::LostFocus && m_latch.downAfterPending()) {
    // A release that happens outside the window must not leave the button stuck down.
    m_latch.push({PointerEvent::Kind::Up, m_latch.state().x, m_latch.state().y});
  }
}

void ImGuiSfml::newFrame(float width, float height, float deltaSeconds) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = std::max(deltaSeconds, 1.0f / 1000.0f); // ImGui asserts on a zero delta
  applyPointer(io, m_latch.nextFrame());
  if (m_keyboard) io.MouseDown[1] = m_rightDown;
  ImGui::NewFrame();
}

void ImGuiSfml::render() {
  ImGui::Render();
  m_renderer->render(ImGui::GetDrawData());
}

void ImGuiSfml::fontsChanged() {
  m_renderer->rebuildFontTexture();
}

} // namespace kiosk::ui
