#include "ui/ImGuiSfml.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

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
  // SFML's default context is a compatibility profile; GLSL 1.30 works on it everywhere we run.
  ImGui_ImplOpenGL3_Init("#version 130");
}

ImGuiSfml::~ImGuiSfml() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiSfml::processEvent(const sf::Event& event) {
  using K = PointerEvent::Kind;
  switch (event.type) {
  case sf::Event::MouseMoved:
    m_latch.push({K::Move, static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
    break;
  case sf::Event::MouseButtonPressed:
    if (event.mouseButton.button == sf::Mouse::Left)
      m_latch.push({K::Down, static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
    break;
  case sf::Event::MouseButtonReleased:
    if (event.mouseButton.button == sf::Mouse::Left)
      m_latch.push({K::Up, static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
    break;
  // SFML emits these on platforms with native touch; on X11 touches arrive as the mouse instead.
  case sf::Event::TouchBegan:
    if (event.touch.finger == 0)
      m_latch.push({K::Down, static_cast<float>(event.touch.x), static_cast<float>(event.touch.y)});
    break;
  case sf::Event::TouchMoved:
    if (event.touch.finger == 0)
      m_latch.push({K::Move, static_cast<float>(event.touch.x), static_cast<float>(event.touch.y)});
    break;
  case sf::Event::TouchEnded:
    if (event.touch.finger == 0)
      m_latch.push({K::Up, static_cast<float>(event.touch.x), static_cast<float>(event.touch.y)});
    break;
  case sf::Event::LostFocus:
    // A release that happens outside the window must not leave the button stuck down.
    if (m_latch.state().down) m_latch.push({K::Up, m_latch.state().x, m_latch.state().y});
    break;
  default: break;
  }
}

void ImGuiSfml::newFrame(float width, float height, float deltaSeconds) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = std::max(deltaSeconds, 1.0f / 1000.0f); // ImGui asserts on a zero delta
  const PointerState p = m_latch.nextFrame();
  io.MousePos = p.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(p.x, p.y);
  io.MouseDown[0] = p.down;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
}

void ImGuiSfml::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void ImGuiSfml::fontsChanged() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

} // namespace kiosk::ui
