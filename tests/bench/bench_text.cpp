// bench_text: the text engine against ImGui's own text path, on the same paragraphs, in one run.
// Lays out 10,000 paragraphs of mixed scripts (the sample's texts in 8 languages, plus Thai and
// Arabic) wrapped to 800 px at 25 px, and prints layouts per second cold (shaping every time)
// and cached (the kiosk's layout cache), beside ImGui's CalcTextSize + word wrap on an atlas of
// the same glyphs; and the glyph texture bytes each needs. `--quick` lays out 2,000.
#include "core/ContentLoader.h"
#include "text/TextLayout.h"
#include "ui/FontSet.h"

#include <imgui.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

using Steady = std::chrono::steady_clock;

namespace {

double secondsSince(Steady::time_point t) { return std::chrono::duration<double>(Steady::now() - t).count(); }

struct Paragraph {
  std::string text;
  std::string language;
};

} // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const size_t count = quick ? 2000 : 10000;
  const float px = 25, width = 800;
  const auto loaded = kiosk::loadContent(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
  if (!loaded.content) {
    std::cerr << "bench_text: cannot read the sample content\n";
    return 1;
  }
  // The paragraphs: every body paragraph of the sample in every language, Thai and Arabic too.
  std::vector<Paragraph> pool;
  for (const auto& s : loaded.content->sections)
    for (const auto& i : s.items)
      for (const auto& [lang, rich] : i.bodyRich)
        for (const auto& block : rich) pool.push_back({block.text, lang});
  pool.push_back({"เสิ่นหยางเป็นเมืองศูนย์กลางของภาคตะวันออกเฉียงเหนือของจีน มีประวัติศาสตร์ยาวนานและวัฒนธรรมที่ลึกซึ้ง", "th"});
  pool.push_back({"شنيانغ هي المدينة المركزية في شمال شرق الصين، ذات تاريخ عريق وثقافة غنية، وهي مدينة حديثة نابضة بالحياة.", "ar"});
  std::vector<Paragraph> paragraphs;
  for (size_t i = 0; i < count; ++i) {
    Paragraph p = pool[i % pool.size()];
    p.text += ' '; // every paragraph distinct, as the cache would see them
    p.text += std::to_string(i);
    paragraphs.push_back(std::move(p));
  }

  // The engine, cold: shaping, bidi, fallback and line breaking for every paragraph.
  kiosk::text::FontLibrary fonts;
  kiosk::text::TextStyle style;
  style.pixelSize = px;
  for (const auto& p : pool) (void)kiosk::text::layoutText(p.text, p.language, style, width, fonts); // faces loaded
  std::unordered_map<std::string, kiosk::text::TextLayout> cache;
  auto t0 = Steady::now();
  size_t lines = 0;
  for (const auto& p : paragraphs) {
    auto l = kiosk::text::layoutText(p.text, p.language, style, width, fonts);
    lines += l.lines.size();
    cache.emplace(p.language + '|' + std::to_string(std::hash<std::string>{}(p.text)), std::move(l));
  }
  const double engineCold = static_cast<double>(count) / secondsSince(t0);
  // The engine, cached: what a frame pays for text already laid out.
  t0 = Steady::now();
  size_t hits = 0;
  for (int round = 0; round < 10; ++round)
    for (const auto& p : paragraphs) hits += cache.count(p.language + '|' + std::to_string(std::hash<std::string>{}(p.text)));
  const double engineCached = static_cast<double>(hits) / secondsSince(t0);

  // Glyph texture bytes for the engine: every distinct glyph at 25 px, rasterized, shelf-packed
  // into 1024x1024 RGBA pages as TextPainter does.
  std::set<std::tuple<const kiosk::text::FontFace*, std::uint32_t>> glyphs;
  for (const auto& [key, l] : cache)
    for (const auto& line : l.lines)
      for (const auto& g : line.glyphs) glyphs.insert({g.face, g.glyph});
  int pages = 1, x = 0, y = 0, shelf = 0;
  for (const auto& [face, index] : glyphs) {
    FT_Face f = face->ftFace();
    FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(px));
    if (FT_Load_Glyph(f, index, FT_LOAD_TARGET_LIGHT) || FT_Render_Glyph(f->glyph, FT_RENDER_MODE_LIGHT)) continue;
    const int w = static_cast<int>(f->glyph->bitmap.width) + 1, h = static_cast<int>(f->glyph->bitmap.rows) + 1;
    if (x + w > 1024) x = 0, y += shelf, shelf = 0;
    if (y + h > 1024) ++pages, x = 0, y = 0, shelf = 0;
    x += w;
    shelf = std::max(shelf, h);
  }
  const double engineMiB = pages * 4.0;

  // ImGui's own path, on an atlas of the same characters at the same size (what the kiosk used
  // before): CalcWordWrapPositionA to wrap, CalcTextSizeA to measure each line.
  kiosk::ui::GlyphNeeds needs;
  for (const auto& p : pool) needs.add(p.language, kiosk::ui::TextRole::Body, p.text);
  auto built = kiosk::ui::buildFonts(needs, px * 1080 / kiosk::ui::Theme::textSize(kiosk::ui::TextRole::Body, 1080));
  ImGui::CreateContext();
  std::map<std::string, ImFont*> byLanguage;
  for (const auto& [key, font] : built.fonts)
    if (key.second == kiosk::ui::TextRole::Body) byLanguage[key.first] = font;
  t0 = Steady::now();
  size_t imguiLines = 0;
  for (const auto& p : paragraphs) {
    ImFont* font = byLanguage.count(p.language) ? byLanguage[p.language] : built.staff;
    const char* s = p.text.data();
    const char* end = s + p.text.size();
    while (s < end) {
      const char* next = font->CalcWordWrapPositionA(1.0f, s, end, width);
      if (next == s) ++next;
      (void)font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, next);
      s = next;
      ++imguiLines;
    }
  }
  const double imguiRate = static_cast<double>(count) / secondsSince(t0);
  const double imguiMiB = static_cast<double>(built.atlas->TexWidth) * built.atlas->TexHeight * 4 / (1 << 20);
  ImGui::DestroyContext();

  std::printf("bench_text: %zu paragraphs from %zu distinct (%zu languages incl. th, ar), wrapped to %.0f px at %.0f px%s\n",
              count, pool.size(), static_cast<size_t>(10), width, px, quick ? " (--quick)" : "");
  std::printf("engine: %zu lines, %zu distinct glyphs; ImGui: %zu lines\n\n", lines, glyphs.size(), imguiLines);
  std::printf("%-40s %14s   %-34s %14s %8s\n", "figure", "engine", "baseline (same run)", "ImGui", "ratio");
  std::printf("%-40s %12.0f/s   %-34s %12.0f/s %7.2fx\n", "layouts per second, cold (shaped)", engineCold,
              "ImGui CalcWordWrap + CalcTextSize", imguiRate, engineCold / imguiRate);
  std::printf("%-40s %12.0f/s   %-34s %12.0f/s %7.0fx\n", "layouts per second, cached", engineCached,
              "ImGui CalcWordWrap + CalcTextSize", imguiRate, engineCached / imguiRate);
  std::printf("%-40s %11.1f MiB   %-34s %11.1f MiB %7.2fx\n", "glyph texture for these paragraphs", engineMiB,
              "ImGui atlas of the same characters", imguiMiB, engineMiB / imguiMiB);
  std::printf("\nImGui cannot shape: its lines for Thai marks, Arabic joining and bidi are wrong, and it wraps\n"
              "Chinese and Japanese only at spaces. The engine's extra time buys correct text.\n");
  return 0;
}
