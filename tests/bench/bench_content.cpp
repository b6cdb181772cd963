// bench_content: how long staff wait. Generates a content folder of 1,000 items in 8 languages
// (texts taken from the sample, so the glyphs are real), then measures, in one run:
//   - load + validate (the loader and the picture check), against reading the same bytes raw;
//   - change-to-screen of a hot reload (inotify, the 250 ms quiet period, load, glyph check),
//     against the same reload also packing every glyph into an ImGui atlas (the earlier design).
// Prints a table of medians. `--quick` runs fewer repetitions (well under 60 s on 2 cores).
#include "core/ContentLoader.h"
#include "ops/ReloadSchedule.h"
#include "media/ImageCheck.h"
#include "platform/FileWatch.h"
#include "ui/FontSet.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

double msSince(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string tomlString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// 20 sections x 50 items, every text in every language of the sample, bodies half inline and
// half in per-language Markdown files, pictures shared from a folder at the root.
size_t generate(const kiosk::Content& sample, const fs::path& root) {
  fs::remove_all(root);
  const auto& langs = sample.settings.languages;
  std::vector<const kiosk::Item*> pool;
  for (const auto& s : sample.sections)
    for (const auto& i : s.items) pool.push_back(&i);
  std::string kiosk = "[kiosk]\ndefault_language = " + tomlString(sample.settings.defaultLanguage) + "\nlanguages = [";
  for (size_t i = 0; i < langs.size(); ++i) kiosk += (i ? ", " : "") + tomlString(langs[i]);
  kiosk += "]\n[kiosk.name]\n";
  for (const auto& l : langs) kiosk += l + " = " + tomlString(sample.settings.name.get(l)) + "\n";
  write(root / "kiosk.toml", kiosk);
  size_t pictures = 0;
  fs::create_directories(root / "pictures");
  for (const auto& s : sample.sections)
    for (const auto& i : s.items)
      for (const auto& img : i.images)
        if (pictures < 20) fs::copy_file(img.file, root / "pictures" / (std::to_string(pictures++) + ".jpg"));
  size_t items = 0;
  for (int s = 1; s <= 20; ++s) {
    char dir[32];
    std::snprintf(dir, sizeof dir, "%02d-section-%02d", s, s);
    const fs::path sd = root / "sections" / dir;
    std::string sec = "cover = \"../../pictures/" + std::to_string(s % pictures) + ".jpg\"\n[title]\n";
    for (const auto& l : langs) sec += l + " = " + tomlString(sample.sections[s % sample.sections.size()].title.get(l) + " " + std::to_string(s)) + "\n";
    write(sd / "section.toml", sec);
    for (int i = 1; i <= 50; ++i, ++items) {
      const kiosk::Item& src = *pool[items % pool.size()];
      char stem[32];
      std::snprintf(stem, sizeof stem, "%02d-item-%02d", i, i);
      std::string t = "[title]\n";
      for (const auto& l : langs) t += l + " = " + tomlString(src.title.get(l) + " " + std::to_string(i)) + "\n";
      t += "[summary]\n";
      for (const auto& l : langs) t += l + " = " + tomlString(src.summary.get(l)) + "\n";
      t += "[body]\n";
      for (size_t k = 0; k < langs.size(); ++k) {
        if (k % 2 == 0)
          t += langs[k] + " = " + tomlString(src.body.get(langs[k])) + "\n";
        else
          write(sd / (std::string(stem) + "." + langs[k] + ".md"), src.body.get(langs[k]));
      }
      t += "[[images]]\nfile = \"../../pictures/" + std::to_string(items % pictures) + ".jpg\"\n";
      write(sd / (std::string(stem) + ".toml"), t);
    }
  }
  return items;
}

double rawRead(const fs::path& root) {
  const auto t = Steady::now();
  size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() != ".jpg") {
      std::ifstream in(e.path(), std::ios::binary);
      std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      bytes += s.size();
    }
  const double ms = msSince(t);
  if (bytes == 0) std::abort();
  return ms;
}

// The kiosk's reload path up to the swap, without the window: load, check pictures, collect
// the characters, and make sure a face draws each. The baseline also packs every glyph into an
// ImGui font atlas, as the kiosk did before its own text engine drew content text.
void reloadPipeline(const fs::path& root, kiosk::text::FontLibrary& library, bool imguiAtlas) {
  auto r = kiosk::loadContent(root);
  if (!r.content || kiosk::hasErrors(r.diagnostics)) {
    for (const auto& d : r.diagnostics) std::cerr << d.format() << "\n";
    std::abort();
  }
  (void)kiosk::media::checkContentImages(*r.content);
  kiosk::UiStrings strings;
  std::vector<std::string> faces;
  const auto needs = kiosk::ui::collectGlyphNeeds(*r.content, strings);
  (void)kiosk::ui::prepareFonts(library, needs, faces);
  if (imguiAtlas) (void)kiosk::ui::buildFonts(needs, 1080);
}

} // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int reps = quick ? 3 : 9;
  const auto sampleLoad = kiosk::loadContent(fs::path(KIOSK_SOURCE_DIR) / "content");
  if (!sampleLoad.content) {
    std::cerr << "bench_content: cannot read the sample content\n";
    return 1;
  }
  const fs::path root = fs::temp_directory_path() / ("bench_content-" + std::to_string(::getpid())) / "content";
  const auto genStart = Steady::now();
  const size_t items = generate(*sampleLoad.content, root);
  const double genMs = msSince(genStart);
  size_t files = 0, bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() != ".jpg") ++files, bytes += e.file_size();

  std::vector<double> raw, load;
  size_t diagnostics = 0;
  for (int i = 0; i < reps; ++i) {
    raw.push_back(rawRead(root));
    const auto t = Steady::now();
    auto r = kiosk::loadContent(root);
    auto pics = kiosk::media::checkContentImages(*r.content);
    load.push_back(msSince(t));
    diagnostics = r.diagnostics.size() + pics.size();
  }

  // Hot reload: edit one title (saved by rename, as editors do) and time until the new snapshot
  // would be swapped in; the frame that shows it adds at most one frame (16.7 ms at 60 Hz).
  auto watch = platform::createFileWatch();
  std::string why;
  if (!watch->start(root, why)) std::cerr << "bench_content: " << why << "\n";
  kiosk::text::FontLibrary library;
  reloadPipeline(root, library, false);
  const fs::path edited = root / "sections/07-section-07/25-item-25.toml";
  const std::string original = [&] {
    std::ifstream in(edited);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  auto changeToScreen = [&](bool rebuild, int n) {
    kiosk::ReloadSchedule schedule;
    const auto start = Steady::now();
    auto now = [&] { return std::chrono::duration<double>(Steady::now() - start).count(); };
    std::string text = original;
    const auto at = text.find(" 25\"");
    text.replace(at, 4, " 25 (v" + std::to_string(n) + ")\"");
    std::ofstream(edited.string() + ".tmp") << text;
    const auto seenBefore = watch->changes();
    schedule.ignoreUpTo(seenBefore); // only this rename may make the reload due
    const auto t0 = Steady::now();
    fs::rename(edited.string() + ".tmp", edited);
    for (;;) {
      schedule.observe(watch->changes(), now());
      if (schedule.takeDue(now())) break;
      if (msSince(t0) > 10000) {
        std::cerr << "bench_content: the change was not noticed within 10 s\n";
        std::exit(1);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    reloadPipeline(root, library, rebuild);
    return msSince(t0);
  };
  std::vector<double> hot, cold;
  for (int i = 0; i < reps; ++i) {
    hot.push_back(changeToScreen(false, i));
    cold.push_back(changeToScreen(true, 100 + i));
  }
  fs::remove_all(root.parent_path());

  std::printf("bench_content: %zu items x %zu languages, %zu files, %.1f MB of text, %zu diagnostics, generated in %.0f ms%s\n",
              items, sampleLoad.content->settings.languages.size(), files, static_cast<double>(bytes) / 1e6, diagnostics,
              genMs, quick ? " (--quick)" : "");
  std::printf("medians of %d runs\n\n", reps);
  std::printf("%-34s %10s  %-36s %10s %8s\n", "figure", "value", "baseline (same run)", "baseline", "ratio");
  std::printf("%-34s %8.1f ms  %-36s %7.1f ms %7.1fx\n", "load + validate (all files)", median(load),
              "reading the same text bytes raw", median(raw), median(load) / median(raw));
  std::printf("%-34s %8.1f ms  %-36s %7.1f ms %7.2fx\n", "change-to-screen, hot reload", median(hot),
              "same + ImGui atlas of every glyph", median(cold), median(hot) / median(cold));
  std::printf("%-34s %8.1f ms\n", "  of which the quiet period", kiosk::ReloadSchedule::kQuietSeconds * 1000);
  return 0;
}
