#include "ui/ImGuiSfml.h"
#include "ui/PointerLatch.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <vector>

using namespace kiosk::ui;
using K = PointerEvent::Kind;

namespace {

// A headless ImGui context (no renderer): enough to run frames and click buttons.
struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }

  // Runs one frame with a 200x100 button at (100, 100); returns whether it reported a click.
  bool frame(const PointerState& p) {
    applyPointer(ImGui::GetIO(), p);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorScreenPos(ImVec2(100, 100));
    const bool clicked = ImGui::InvisibleButton("button", ImVec2(200, 100));
    ImGui::End();
    ImGui::Render();
    return clicked;
  }
};

} // namespace

TEST_CASE("[PointerLatch] a press and release in one frame become two frames") {
  PointerLatch latch;
  latch.push({K::Move, 10, 20});
  latch.push({K::Down, 10, 20});
  latch.push({K::Up, 12, 21});
  auto s = latch.nextFrame();
  CHECK(s.down);
  CHECK(s.x == 10);
  CHECK(latch.hasPending());
  s = latch.nextFrame();
  CHECK_FALSE(s.down);
  CHECK(s.x == 12);
  CHECK_FALSE(latch.hasPending());
}

TEST_CASE("[PointerLatch] two quick taps in one frame are both delivered, in order") {
  PointerLatch latch;
  for (float x : {100.0f, 300.0f}) {
    latch.push({K::Down, x, 5});
    latch.push({K::Up, x, 5});
  }
  std::vector<std::pair<bool, float>> frames;
  while (latch.hasPending()) {
    const auto s = latch.nextFrame();
    frames.emplace_back(s.down, s.x);
  }
  REQUIRE(frames.size() == 4);
  CHECK(frames[0] == std::make_pair(true, 100.0f));
  CHECK(frames[1] == std::make_pair(false, 100.0f));
  CHECK(frames[2] == std::make_pair(true, 300.0f));
  CHECK(frames[3] == std::make_pair(false, 300.0f));
}

TEST_CASE("[PointerLatch] moves coalesce and a repeated release changes nothing") {
  PointerLatch latch;
  latch.push({K::Move, 1, 1});
  latch.push({K::Move, 2, 2});
  latch.push({K::Up, 3, 3});
  const auto s = latch.nextFrame();
  CHECK_FALSE(s.down);
  CHECK(s.x == 3);
  CHECK_FALSE(latch.hasPending());
}

TEST_CASE("[PointerLatch] knows whether the button ends down once the queue is applied") {
  PointerLatch latch;
  CHECK_FALSE(latch.downAfterPending());
  latch.push({K::Down, 1, 1});
  CHECK(latch.downAfterPending()); // a press still queued: losing focus now must queue a release
  latch.push({K::Move, 2, 2});
  CHECK(latch.downAfterPending());
  latch.push({K::Up, 2, 2});
  CHECK_FALSE(latch.downAfterPending());
}

TEST_CASE("[PointerLatch] a one-frame tap clicks an ImGui button") {
  HeadlessImGui imgui;
  PointerLatch latch;
  imgui.frame(latch.nextFrame()); // pointer nowhere yet
  latch.push({K::Move, 150, 150});
  latch.push({K::Down, 150, 150});
  latch.push({K::Up, 150, 150});
  int clicks = 0;
  for (int i = 0; i < 4; ++i) clicks += imgui.frame(latch.nextFrame());
  CHECK(clicks == 1);
}

TEST_CASE("[PointerLatch] without the latch the same one-frame tap is lost") {
  // What happens when the last state of a frame wins, as a naive glue would do: the tap never
  // reaches ImGui. This is the failure the latch exists to prevent.
  HeadlessImGui imgui;
  imgui.frame({-1, -1, false});
  int clicks = 0;
  PointerState naive{150, 150, false}; // press then release before the frame: down is false again
  for (int i = 0; i < 4; ++i) clicks += imgui.frame(naive);
  CHECK(clicks == 0);
}

TEST_CASE("[PointerLatch] SFML mouse and touch events become the same pointer events") {
  sf::Event e{};
  e.type = sf::Event::MouseButtonPressed;
  e.mouseButton.button = sf::Mouse::Left;
  e.mouseButton.x = 5;
  e.mouseButton.y = 6;
  auto p = toPointerEvent(e);
  REQUIRE(p);
  CHECK(p->kind == K::Down);
  CHECK(p->x == 5);

  e.mouseButton.button = sf::Mouse::Right;
  CHECK_FALSE(toPointerEvent(e)); // right clicks are not taps

  sf::Event t{};
  t.type = sf::Event::TouchBegan;
  t.touch.finger = 0;
  t.touch.x = 5;
  t.touch.y = 6;
  p = toPointerEvent(t);
  REQUIRE(p);
  CHECK(p->kind == K::Down);
  t.touch.finger = 1;
  CHECK_FALSE(toPointerEvent(t)); // a second finger does not move the pointer

  sf::Event k{};
  k.type = sf::Event::KeyPressed;
  CHECK_FALSE(toPointerEvent(k)); // keys are for staff, never the pointer
}
