// How pictures are put into the draw list: which replace what is beneath them (drawn without
// blending) and which blend, and a shade multiplied into a picture instead of a veil laid over it.
#include "ui/ScreensDraw.h"
#include "ui/ImGuiSfml.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace kiosk::ui;

namespace {

// A headless ImGui frame (no renderer) whose window's draw list the test fills and reads.
struct DrawFrame {
  DrawFrame() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1000, 1000);
    io.DeltaTime = 1.0f / 60;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1000, 1000));
    ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    dl = ImGui::GetWindowDrawList();
    first = dl->CmdBuffer.Size;
  }
  ~DrawFrame() {
    ImGui::End();
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
  // What was added, in order: 'B' blending off, 'R' reset (blending on), 'I' a picture's quads.
  std::string commands() const {
    std::string s;
    for (int i = first - 1; i < dl->CmdBuffer.Size; ++i) {
      const ImDrawCmd& c = dl->CmdBuffer[i];
      if (c.UserCallback == blendOff)
        s += 'B';
      else if (c.UserCallback == ImDrawCallback_ResetRenderState)
        s += 'R';
      else if (c.ElemCount > 0 && c.TextureId != nullptr && c.TextureId != ImGui::GetIO().Fonts->TexID)
        s += 'I';
    }
    return s;
  }
  ImDrawList* dl = nullptr;
  int first = 0;
};

ImTextureID tex(std::uintptr_t n) {
  return reinterpret_cast<ImTextureID>(n);
}

TextureCache::View picture(bool opaque) {
  TextureCache::View v{TextureCache::State::Ready, tex(7), 400, 300};
  v.opaque = opaque;
  return v;
}

// 300 rows in three strips of 100.
struct Striped {
  std::vector<TextureCache::Strip> strips{
      {tex(7), 0, 100, 0, 101}, {tex(8), 100, 100, 99, 102}, {tex(9), 200, 100, 199, 101}};
  TextureCache::View view(bool opaque) const {
    TextureCache::View v{TextureCache::State::Ready, tex(7), 400, 300};
    v.strips = strips;
    v.opaque = opaque;
    return v;
  }
};

// A veil of colour c and alpha t over a grey g, as a renderer blends it.
float veiled(float g, float c, float t) {
  return g * (1 - t) + c * t;
}

} // namespace

TEST_CASE("[ScreensDraw] an opaque picture replaces what is beneath it, anything that fades or has alpha blends") {
  {
    DrawFrame f;
    addPicture(f.dl, picture(true), ImVec2(0, 0), ImVec2(1000, 1000));
    CHECK(f.commands() == "BIR");
  }
  {
    DrawFrame f; // fading in
    addPicture(f.dl, picture(true), ImVec2(0, 0), ImVec2(1000, 1000), ImVec2(0, 0), ImVec2(1, 1),
               IM_COL32(255, 255, 255, 128));
    CHECK(f.commands() == "I");
  }
  {
    DrawFrame f; // a PNG with transparent parts
    addPicture(f.dl, picture(false), ImVec2(0, 0), ImVec2(1000, 1000));
    CHECK(f.commands() == "I");
  }
  {
    DrawFrame f; // a thumbnail: not worth the changes of state
    addPicture(f.dl, picture(true), ImVec2(0, 0), ImVec2(300, 200));
    CHECK(f.commands() == "I");
  }
  {
    DrawFrame f; // rounded corners fade at their edges
    addPicture(f.dl, picture(true), ImVec2(0, 0), ImVec2(1000, 1000), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 12);
    CHECK(f.commands() == "I");
  }
  {
    DrawFrame f; // strips: the rounded first and last blend, the square middle replaces
    Striped s;
    addPicture(f.dl, s.view(true), ImVec2(0, 0), ImVec2(1000, 1000), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 12);
    CHECK(f.commands() == "IIBIR");
  }
  {
    DrawFrame f; // strips, square
    Striped s;
    addPicture(f.dl, s.view(true), ImVec2(0, 0), ImVec2(1000, 1000));
    CHECK(f.commands() == "BIIIR");
  }
  {
    DrawFrame f;
    Striped s;
    addPicture(f.dl, s.view(false), ImVec2(0, 0), ImVec2(1000, 1000));
    CHECK(f.commands() == "III");
  }
}

TEST_CASE("[ScreensDraw] a shade multiplied into a picture darkens it as the veil it replaces does a mid-grey one") {
  const ImU32 veil = IM_COL32(5, 10, 20, 255);
  Shade shade;
  shade.addVeil(550, 1000, veil, 0, 225.0f / 255);
  for (float y = 550; y <= 1000; y += 50) {
    const float t = (y - 550) / 450 * 225.0f / 255;
    const Shade::Stop k = shade.at(y);
    CHECK(128 * k.r == doctest::Approx(veiled(128, 5, t)).epsilon(0.01));
    CHECK(128 * k.g == doctest::Approx(veiled(128, 10, t)).epsilon(0.01));
    CHECK(128 * k.b == doctest::Approx(veiled(128, 20, t)).epsilon(0.01));
  }
  CHECK(shade.at(0).r == 1); // above the veil: untouched
  CHECK(shade.at(2000).b == doctest::Approx(shade.at(1000).b));

  // A second veil at the top: each where it is, and multiplied where they meet.
  shade.addVeil(0, 200, veil, 150.0f / 255, 0);
  CHECK(shade.at(0).r == doctest::Approx(1 - 150.0f / 255 + 150.0f / 255 * 5 / 128).epsilon(0.001));
  CHECK(shade.at(200).r == doctest::Approx(1));
  CHECK(shade.at(400).g == doctest::Approx(1));
  CHECK(shade.at(1000).b == doctest::Approx(1 - 225.0f / 255 + 225.0f / 255 * 20 / 128).epsilon(0.001));
  Shade both;
  both.addVeil(0, 1000, veil, 0.5f, 0.5f);
  both.addVeil(0, 1000, veil, 0.5f, 0.5f);
  const float once = 0.5f + 0.5f * 10 / 128;
  CHECK(both.at(300).g == doctest::Approx(once * once).epsilon(0.001));
}

TEST_CASE("[ScreensDraw] a shaded picture is cut at the shade's stops, its colours there, its texture continuous") {
  DrawFrame f;
  Shade shade;
  shade.addVeil(500, 1000, IM_COL32(0, 0, 0, 255), 0, 0.5f);
  addPicture(f.dl, picture(true), ImVec2(0, 0), ImVec2(1000, 1000), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, 0,
             ImDrawFlags_RoundCornersAll, &shade);
  CHECK(f.commands() == "BIR");
  int quads = 0;
  for (const ImDrawCmd& c : f.dl->CmdBuffer)
    if (c.TextureId == tex(7)) quads += static_cast<int>(c.ElemCount) / 6;
  CHECK(quads == 2); // above the veil, and the veil
  bool sawMiddle = false, sawBottom = false;
  for (const ImDrawVert& v : f.dl->VtxBuffer) {
    if (v.col >> IM_COL32_A_SHIFT == 0 || v.uv.x < 0 || (v.uv.x != 0 && v.uv.x != 1)) continue;
    CHECK(v.uv.y == doctest::Approx(v.pos.y / 1000)); // the texture runs on across the cut
    const int red = static_cast<int>(v.col >> IM_COL32_R_SHIFT & 0xFF);
    if (v.pos.y == 500) {
      sawMiddle = true;
      CHECK(red == 255);
    }
    if (v.pos.y == 1000) {
      sawBottom = true;
      CHECK(red == 128);
    }
    if (v.pos.y == 0) CHECK(red == 255);
  }
  CHECK(sawMiddle);
  CHECK(sawBottom);
}
