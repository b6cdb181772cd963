// How pictures are put into the draw list: which replace what is beneath them (drawn without
// blending) and which blend, and the veils laid over them.
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
  // What was added, in order: 'B' blending off, 'P' premultiplied, 'R' reset (blending as
  // ImGui's), 'I' a picture's quads.
  std::string commands() const {
    std::string s;
    for (int i = first - 1; i < dl->CmdBuffer.Size; ++i) {
      const ImDrawCmd& c = dl->CmdBuffer[i];
      if (c.UserCallback == blendOff)
        s += 'B';
      else if (c.UserCallback == blendPremultiplied)
        s += 'P';
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

TEST_CASE("[ScreensDraw] a veil drawn from its ramp is one premultiplied quad whose alpha runs from `from` to `to`") {
  const ImU32 veil = IM_COL32(5, 10, 20, 255);
  const auto alphaAt = [](float vCoord) { return (vCoord * kRampRows - 0.5f) / 255.0f; };
  {
    DrawFrame f;
    const int before = f.dl->VtxBuffer.Size;
    addVeil(f.dl, tex(42), ImVec2(0, 550), ImVec2(1000, 1000), veil, 0, 225.0f / 255);
    REQUIRE(f.dl->VtxBuffer.Size - before == 4);
    const ImDrawVert* v = f.dl->VtxBuffer.Data + before;
    for (int k = 0; k < 4; ++k)
      CHECK(v[k].col == IM_COL32_WHITE); // the ramp's texels as they are: ImGuiGl's plain program
    CHECK(f.commands() == "PIR");        // from the ramp, premultiplied
    // The ramp's row r (of kRampRows) has alpha r/255 at its centre: the quad's top samples the
    // row of `from`, its bottom the row of `to`.
    CHECK(v[0].pos.y == 550);
    CHECK(alphaAt(v[0].uv.y) == doctest::Approx(0).epsilon(0.001));
    CHECK(v[2].pos.y == 1000);
    CHECK(alphaAt(v[2].uv.y) == doctest::Approx(225.0f / 255).epsilon(0.001));
    // Blended over a mid-grey as the renderer does, halfway down it is the veil at half its alpha.
    const float mid = alphaAt((v[0].uv.y + v[2].uv.y) / 2);
    CHECK(veiled(128, 5, mid) == doctest::Approx(veiled(128, 5, 112.5f / 255)).epsilon(0.01));
  }
  DrawFrame g; // a veil fading out downwards (under the logo)
  const int start = g.dl->VtxBuffer.Size;
  addVeil(g.dl, tex(42), ImVec2(0, 0), ImVec2(1000, 200), veil, 150.0f / 255, 0);
  const ImDrawVert* w = g.dl->VtxBuffer.Data + start;
  CHECK(alphaAt(w[0].uv.y) == doctest::Approx(150.0f / 255).epsilon(0.001));
  CHECK(alphaAt(w[2].uv.y) == doctest::Approx(0).epsilon(0.001));
}

TEST_CASE("[ScreensDraw] without a ramp a veil is a gradient rectangle of the same alphas") {
  const ImU32 veil = IM_COL32(5, 10, 20, 255);
  DrawFrame f;
  const int before = f.dl->VtxBuffer.Size;
  addVeil(f.dl, nullptr, ImVec2(0, 550), ImVec2(1000, 1000), veil, 0, 225.0f / 255);
  REQUIRE(f.dl->VtxBuffer.Size - before == 4);
  const ImDrawVert* v = f.dl->VtxBuffer.Data + before;
  CHECK((v[0].col >> IM_COL32_A_SHIFT & 0xFF) == 0);
  CHECK((v[2].col >> IM_COL32_A_SHIFT & 0xFF) == 225);
  CHECK((v[2].col & ~IM_COL32_A_MASK) == (veil & ~IM_COL32_A_MASK));
}

TEST_CASE("[ScreensDraw] an empty band has no veil") {
  const ImU32 veil = IM_COL32(5, 10, 20, 255);
  DrawFrame g;
  const int none = g.dl->VtxBuffer.Size;
  addVeil(g.dl, tex(42), ImVec2(0, 300), ImVec2(1000, 300), veil, 0, 1);
  CHECK(g.dl->VtxBuffer.Size == none);
}
