// How the renderer cuts a draw command into calls: runs of one colour go to the program that
// takes the colour as a uniform (llvmpipe's fast path for BGRA pictures), the rest to the one
// that multiplies per vertex. No OpenGL is needed to check the cut.
#include "ui/ImGuiGl.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

using namespace kiosk::ui;

namespace {

struct RunsFrame {
  RunsFrame() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1000, 1000);
    io.DeltaTime = 1.0f / 60;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    ImGui::NewFrame();
    dl = ImGui::GetForegroundDrawList();
  }
  ~RunsFrame() {
    ImGui::EndFrame();
    ImGui::DestroyContext();
  }
  // The last command that draws (ImGui may leave an empty one after it).
  const ImDrawCmd& last() const {
    for (int i = dl->CmdBuffer.Size - 1; i > 0; --i)
      if (dl->CmdBuffer[i].ElemCount > 0) return dl->CmdBuffer[i];
    return dl->CmdBuffer[0];
  }
  // Its runs: 'S' one colour, 'M' mixed, with their index counts.
  std::string runs(std::size_t maxRuns = 4) const {
    std::vector<ColourRun> out;
    colourRuns(*dl, last(), out, maxRuns);
    std::string s;
    for (const ColourRun& r : out)
      s += (r.shared ? "S" : "M") + std::to_string(r.count) + " ";
    return s;
  }
  std::vector<ColourRun> list(std::size_t maxRuns = 4) const {
    std::vector<ColourRun> out;
    colourRuns(*dl, last(), out, maxRuns);
    return out;
  }
  ImDrawList* dl = nullptr;
};

ImTextureID picture() {
  return reinterpret_cast<ImTextureID>(std::uintptr_t{7});
}

const ImU32 kWhite = IM_COL32_WHITE, kHalf = IM_COL32(255, 255, 255, 128), kBlack = IM_COL32(0, 0, 0, 255);

} // namespace

TEST_CASE("[ImGuiGl] a picture in one colour is one run of that colour, and so is the inside of a rounded one") {
  {
    RunsFrame f;
    f.dl->AddImage(picture(), ImVec2(0, 0), ImVec2(1000, 1000), ImVec2(0, 0), ImVec2(1, 1), kHalf);
    const auto runs = f.list();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].shared);
    CHECK(runs[0].colour == kHalf);
    CHECK(runs[0].first == 0);
    CHECK(runs[0].count == 6);
  }
  RunsFrame g;
  g.dl->AddImageRounded(picture(), ImVec2(0, 0), ImVec2(300, 200), ImVec2(0, 0), ImVec2(1, 1), kWhite, 12);
  // Anti-aliased corners: the inside in one colour, then the fringe whose outer edge is clear.
  const auto rounded = g.list();
  REQUIRE(rounded.size() == 2);
  CHECK(rounded[0].shared);
  CHECK(rounded[0].colour == kWhite);
  CHECK_FALSE(rounded[1].shared);
  CHECK(rounded[0].count + rounded[1].count == g.last().ElemCount);
  CHECK(rounded[0].count > rounded[1].count / 4);
}

TEST_CASE("[ImGuiGl] a gradient is a mixed run, and quads of two colours in one command are two runs") {
  RunsFrame f;
  f.dl->PushTextureID(picture());
  f.dl->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(100, 100), kWhite, kWhite, kBlack, kBlack);
  CHECK(f.runs() == "M6 ");
  f.dl->AddRectFilled(ImVec2(0, 100), ImVec2(100, 200), kWhite);
  f.dl->AddRectFilled(ImVec2(0, 200), ImVec2(100, 300), kWhite);
  CHECK(f.runs() == "M6 S12 ");
  f.dl->AddRectFilled(ImVec2(0, 300), ImVec2(100, 400), kBlack);
  const auto runs = f.list();
  REQUIRE(runs.size() == 3);
  CHECK(runs[2].first == 18); // the black quad's indices start after the gradient and two whites
  CHECK(runs[2].colour == kBlack);
  f.dl->PopTextureID();
}

TEST_CASE("[ImGuiGl] past the limit of runs the whole command is one call, per vertex unless of one colour") {
  {
    RunsFrame f;
    f.dl->PushTextureID(picture());
    for (int i = 0; i < 6; ++i)
      f.dl->AddRectFilled(ImVec2(0, i * 10.0f), ImVec2(10, i * 10.0f + 10), i % 2 ? kWhite : kBlack);
    CHECK(f.runs(6) == "S6 S6 S6 S6 S6 S6 ");
    const auto capped = f.list(4);
    REQUIRE(capped.size() == 1);
    CHECK_FALSE(capped[0].shared);
    CHECK(capped[0].count == 36);
    f.dl->PopTextureID();
  }

  RunsFrame g; // many runs can only come from colour changes, so one colour never reaches the cap
  g.dl->PushTextureID(picture());
  for (int i = 0; i < 6; ++i)
    g.dl->AddRectFilled(ImVec2(0, i * 10.0f), ImVec2(10, i * 10.0f + 10), kWhite);
  CHECK(g.runs(1) == "S36 ");
  g.dl->PopTextureID();
}

TEST_CASE("[ImGuiGl] a veil's ramp holds its colour premultiplied by each row's alpha, in BGRA") {
  const ImU32 veil = IM_COL32(5, 10, 200, 255);
  const std::vector<std::uint8_t> t = veilRampTexels(veil);
  REQUIRE(t.size() == static_cast<std::size_t>(kRampWidth) * kRampRows * 4);
  const auto texel = [&](int row, int x) {
    return std::vector<int>(t.begin() + (row * kRampWidth + x) * 4, t.begin() + (row * kRampWidth + x) * 4 + 4);
  };
  CHECK(texel(0, 0) == std::vector<int>{0, 0, 0, 0});                  // clear at the top
  CHECK(texel(kRampRows - 1, 3) == std::vector<int>{200, 10, 5, 255}); // the colour itself, blue first
  CHECK(texel(128, 1) == std::vector<int>{(200 * 128 + 127) / 255, (10 * 128 + 127) / 255, (5 * 128 + 127) / 255, 128});
  for (int row = 1; row < kRampRows; ++row)
    CHECK(texel(row, 0)[3] == texel(row - 1, 0)[3] + 1); // a level a row
}
