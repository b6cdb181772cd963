// bench_content: how long staff wait, and what content costs in memory, as it grows. Generates
// content folders of 100, 1,000 and 10,000 items in 10 languages (the sample's 8, texts taken
// from it so the glyphs are real, plus Thai and Arabic) with 2 pictures an item (20,000 at 10k:
// hard links to the sample's JPEGs under distinct names, so every picture's header is read but
// the disk holds a few), then measures, in one run, for each size:
//   - load, and validate (the picture check), against reading the same text bytes raw;
//   - change-to-screen of a hot reload (inotify, the 250 ms quiet period, load, glyph check);
//   - memory held by the loaded content (resident and proportional, in a fresh child process),
//     with the cost per item fitted over the sizes;
// at 1,000 items the reload also against packing every glyph into an ImGui atlas (the earlier
// design); and at the largest size the real kiosk under Xvfb: start, a section of 500 items
// opened and scrolled, a hot reload, with the slowest frame's work on the main thread.
// Prints a table of medians. `--quick` runs 100 and 1,000 items with fewer repetitions and no
// ImGui baseline (under 60 s on 2 quiet cores); `--no-kiosk` leaves out the kiosk run;
// `--keep DIR` generates 10,000 items into DIR and stops.
#include "KioskRunner.h"
#include "core/ContentLoader.h"
#include "media/ImageCheck.h"
#include "ops/ReloadSchedule.h"
#include "platform/FileWatch.h"
#include "ui/FontSet.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

double msSince(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
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

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Thai and Arabic (the two UI languages the sample has no content in): a title and a sentence
// from tests/e2e/make-stress-content.sh; a body of three paragraphs of the sentence.
const char* const kThaiTitle = "ศูนย์บริการส่งเสริมการลงทุนและความร่วมมือระหว่างประเทศ";
const char* const kThaiText = "บริการครบวงจรสำหรับนักลงทุนต่างชาติ รวมถึงการจดทะเบียนบริษัท การลงทะเบียนภาษี พิธีการศุลกากร "
                              "การสรรหาบุคลากร และการคุ้มครองทรัพย์สินทางปัญญา";
const char* const kArabicTitle = "مركز خدمات تشجيع الاستثمار والتعاون الدولي";
const char* const kArabicText = "خدمات متكاملة للمستثمرين الأجانب تشمل تسجيل الشركات والتسجيل الضريبي والتخليص الجمركي "
                                "واستقطاب الكفاءات وحماية الملكية الفكرية.";

struct Texts { // one language's texts of a sample item
  std::string title, summary, body;
};

Texts textsOf(const kiosk::Item& item, const std::string& lang) {
  if (lang == "th") return {kThaiTitle, kThaiText, std::string(kThaiText) + "\n\n" + kThaiText + "\n\n" + kThaiText};
  if (lang == "ar")
    return {kArabicTitle, kArabicText, std::string(kArabicText) + "\n\n" + kArabicText + "\n\n" + kArabicText};
  return {item.title.get(lang), item.summary.get(lang), item.body.get(lang)};
}

// Sections for a size: 20, and 40 from 10,000 items on (250 a section; the loader allows 64
// sections of at most 256 items).
int sectionsFor(size_t items) {
  return items >= 10000 ? 40 : 20;
}

// `items` items in sectionsFor(items) sections, every text in 10 languages, bodies half
// inline and half in per-language Markdown files, 2 pictures an item and a cover a section, each
// a hard link (distinct name, one of the sample's 20 first JPEGs) in the section's folder.
size_t generate(const kiosk::Content& sample, const fs::path& root, size_t items) {
  fs::remove_all(root);
  std::vector<std::string> langs = sample.settings.languages;
  for (const char* l : {"th", "ar"})
    if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  std::vector<const kiosk::Item*> pool;
  for (const auto& s : sample.sections)
    for (const auto& i : s.items)
      if (!i.body.get("en").empty()) pool.push_back(&i);
  std::string kiosk = "[kiosk]\ndefault_language = " + tomlString(sample.settings.defaultLanguage) + "\nlanguages = [";
  for (size_t i = 0; i < langs.size(); ++i) kiosk += (i ? ", " : "") + tomlString(langs[i]);
  kiosk += "]\n[kiosk.name]\n";
  for (const auto& l : langs)
    kiosk += l + " = " +
             tomlString(l == "th"   ? kThaiTitle
                        : l == "ar" ? kArabicTitle
                                    : sample.settings.name.get(l)) +
             "\n";
  write(root / "kiosk.toml", kiosk);
  std::vector<fs::path> jpegs;
  fs::create_directories(root.parent_path() / "originals");
  for (const auto& s : sample.sections)
    for (const auto& i : s.items)
      for (const auto& img : i.images)
        if (jpegs.size() < 20 && img.file.extension() == ".jpg") {
          jpegs.push_back(root.parent_path() / "originals" / (std::to_string(jpegs.size()) + ".jpg"));
          fs::copy_file(img.file, jpegs.back(), fs::copy_options::overwrite_existing);
        }
  size_t made = 0, pictures = 0;
  const int sections = sectionsFor(items);
  const size_t perSection = std::max<size_t>(1, items / static_cast<size_t>(sections));
  for (int s = 1; s <= sections; ++s) {
    char dir[32];
    std::snprintf(dir, sizeof dir, "%02d-section-%02d", s, s);
    const fs::path sd = root / "sections" / dir;
    fs::create_directories(sd / "images");
    fs::create_hard_link(jpegs[pictures++ % jpegs.size()], sd / "images/cover.jpg");
    const auto& srcSection = sample.sections[s % sample.sections.size()];
    std::string sec = "cover = \"images/cover.jpg\"\n[cover_alt]\n";
    for (const auto& l : langs)
      sec += l + " = " + tomlString(l == "th" ? kThaiTitle : l == "ar" ? kArabicTitle : srcSection.title.get(l)) + "\n";
    sec += "[title]\n";
    for (const auto& l : langs)
      sec += l + " = " +
             tomlString((l == "th"   ? std::string(kThaiTitle)
                         : l == "ar" ? std::string(kArabicTitle)
                                     : srcSection.title.get(l)) +
                        " " + std::to_string(s)) +
             "\n";
    write(sd / "section.toml", sec);
    for (size_t i = 1; i <= perSection; ++i, ++made) {
      const kiosk::Item& src = *pool[made % pool.size()];
      char stem[48];
      std::snprintf(stem, sizeof stem, "%03zu-item-%03zu", i, i);
      std::vector<Texts> texts;
      for (const auto& l : langs)
        texts.push_back(textsOf(src, l));
      std::string t = "[title]\n";
      for (size_t k = 0; k < langs.size(); ++k)
        t += langs[k] + " = " + tomlString(texts[k].title + " " + std::to_string(i)) + "\n";
      t += "[summary]\n";
      for (size_t k = 0; k < langs.size(); ++k)
        t += langs[k] + " = " + tomlString(texts[k].summary) + "\n";
      t += "[body]\n";
      for (size_t k = 0; k < langs.size(); ++k) {
        if (k % 2 == 0)
          t += langs[k] + " = " + tomlString(texts[k].body) + "\n";
        else
          write(sd / (std::string(stem) + "." + langs[k] + ".md"), texts[k].body);
      }
      for (int p = 1; p <= 2; ++p) {
        const std::string name = std::string(stem) + "-" + std::to_string(p) + ".jpg";
        fs::create_hard_link(jpegs[pictures++ % jpegs.size()], sd / "images" / name);
        t += "[[images]]\nfile = \"images/" + name + "\"\n[images.alt]\n";
        for (size_t k = 0; k < langs.size(); ++k)
          t += langs[k] + " = " + tomlString(texts[k].title) + "\n";
      }
      write(sd / (std::string(stem) + ".toml"), t);
    }
  }
  return made;
}

double rawRead(const fs::path& root) {
  const auto t = Steady::now();
  size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() != ".jpg") bytes += readAll(e.path()).size();
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

// Resident and proportional set (bytes) of this process, from /proc/self/smaps_rollup.
std::pair<double, double> rssPss() {
  std::ifstream in("/proc/self/smaps_rollup");
  std::string line;
  double rss = 0, pss = 0;
  while (std::getline(in, line)) {
    long kb = 0;
    if (std::sscanf(line.c_str(), "Rss: %ld kB", &kb) == 1)
      rss = kb * 1024.0;
    else if (std::sscanf(line.c_str(), "Pss: %ld kB", &kb) == 1)
      pss = kb * 1024.0;
  }
  return {rss, pss};
}

// `bench_content --hold DIR`: a fresh process loads and checks the folder, holds the snapshot,
// and prints what that added to its resident and proportional set (warmed up first on an empty
// load, so the libraries' own first-use allocations are not counted).
int holdMode(const fs::path& root) {
  (void)kiosk::loadContent(root / "does-not-exist");
  const auto before = rssPss();
  auto r = kiosk::loadContent(root);
  if (!r.content) return 1;
  const auto pics = kiosk::media::checkContentImages(*r.content);
  const auto after = rssPss();
  std::printf("%.0f %.0f %zu\n", after.first - before.first, after.second - before.second,
              r.diagnostics.size() + pics.size());
  return 0;
}

struct Held {
  double rss = 0, pss = 0;
  size_t diagnostics = 0;
};

Held holdInChild(const char* self, const fs::path& root) {
  Held h;
  const std::string cmd = std::string("'") + self + "' --hold '" + root.string() + "'";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return h;
  if (std::fscanf(p, "%lf %lf %zu", &h.rss, &h.pss, &h.diagnostics) != 3) h = {};
  ::pclose(p);
  return h;
}

struct Row {
  size_t items = 0, files = 0, pictures = 0;
  double textBytes = 0, genMs = 0;
  double raw = 0, load = 0, validate = 0, reload = 0, atlasReload = 0;
  Held held;
  size_t diagnostics = 0;
};

// Hot reload: edit one title (saved by rename, as editors do) and time until the new snapshot
// would be swapped in; the frame that shows it adds at most one frame (16.7 ms at 60 Hz).
void measureReload(const fs::path& root, int reps, bool atlasToo, Row& row) {
  auto watch = platform::createFileWatch();
  std::string why;
  if (!watch->start(root, why)) std::cerr << "bench_content: " << why << "\n";
  kiosk::text::FontLibrary library;
  reloadPipeline(root, library, false);
  const fs::path edited = root / "sections/07-section-07/001-item-001.toml";
  const std::string original = readAll(edited);
  auto changeToScreen = [&](bool rebuild, int n) {
    kiosk::ReloadSchedule schedule;
    const auto start = Steady::now();
    auto now = [&] { return std::chrono::duration<double>(Steady::now() - start).count(); };
    std::string text = original;
    const auto at = text.find(" 1\"");
    text.replace(at, 3, " 1 (v" + std::to_string(n) + ")\"");
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
    if (atlasToo) cold.push_back(changeToScreen(true, 100 + i));
  }
  row.reload = median(hot);
  row.atlasReload = median(cold);
}

Row measure(const char* self, const kiosk::Content& sample, const fs::path& root, size_t items, int reps,
            bool atlasToo) {
  Row row;
  const auto genStart = Steady::now();
  row.items = generate(sample, root, items);
  row.genMs = msSince(genStart);
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) {
      if (e.path().extension() == ".jpg")
        ++row.pictures;
      else
        ++row.files, row.textBytes += static_cast<double>(e.file_size());
    }
  std::vector<double> raw, load, validate;
  for (int i = 0; i < reps; ++i) {
    raw.push_back(rawRead(root));
    auto t = Steady::now();
    auto r = kiosk::loadContent(root);
    load.push_back(msSince(t));
    t = Steady::now();
    auto pics = kiosk::media::checkContentImages(*r.content);
    validate.push_back(msSince(t));
    row.diagnostics = r.diagnostics.size() + pics.size();
    if (i == 0 && row.diagnostics)
      for (size_t k = 0; k < r.diagnostics.size() && k < 3; ++k)
        std::cerr << "  " << r.diagnostics[k].format() << "\n";
  }
  row.raw = median(raw), row.load = median(load), row.validate = median(validate);
  row.held = holdInChild(self, root);
  measureReload(root, reps, atlasToo, row);
  return row;
}

// The real kiosk on the generated folder under Xvfb: start, a section of 500 items opened and
// scrolled, a title edited (hot reload), more scrolling. Its stderr's frame figures, as printed.
struct KioskFigures {
  bool ok = false;
  double readyMs = -1, reloadMs = -1;
  double uiP50 = 0, uiP99 = 0, uiWorst = 0;
  std::string slowestWall, slowestCpu; // "UI work 12.0 ms, main thread CPU 9.1 ms (frame 812, on section)"
  long frames = 0;
  std::string log;
};

KioskFigures runKiosk(const fs::path& work, const fs::path& root) {
  KioskFigures k;
  bench::Xvfb xvfb;
  if (!bench::startXvfb(xvfb, "1920x1080x24")) {
    k.log = "Xvfb would not start (apt-get install xvfb)";
    return k;
  }
  ::setenv("DISPLAY", xvfb.display.c_str(), 1);
  std::string script = "wait 1s drawn\nawait workers\nwait 0.5s drawn\ntap @attract\nwait 0.5s drawn\ntap "
                       "@section:section-07\nwait 1s drawn\n";
  for (int i = 0; i < 6; ++i)
    script += "drag 50% 85% 50% 15% 0.3s\nwait 0.3s drawn\n";
  script += "screenshot before.png now\nawait reload 60s\nwait 1s drawn\n";
  for (int i = 0; i < 4; ++i)
    script += "drag 50% 15% 50% 85% 0.3s\nwait 0.3s drawn\n";
  script += "open home\nwait 1s drawn\n";
  write(work / "scale.kscript", script);
  const fs::path shots = work / "shots";
  fs::create_directories(shots);
  const fs::path edited = root / "sections/07-section-07/002-item-002.toml";
  std::thread editor([&] { // the staff's edit, once the section has been scrolled
    for (int i = 0; i < 6000 && !fs::exists(shots / "before.png"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::string text = readAll(edited);
    const auto at = text.find(" 2\"");
    if (at != std::string::npos) text.replace(at, 3, " 2 (edited)\"");
    std::ofstream(edited.string() + ".tmp") << text;
    fs::rename(edited.string() + ".tmp", edited);
  });
  const auto r = bench::runKiosk(KIOSK_BINARY,
                                 {"--windowed", "--size", "1920x1080", "--no-image-cache", "--script",
                                  (work / "scale.kscript").string(), "--screenshots", shots.string(), root.string()},
                                 "", 900);
  if (!fs::exists(shots / "before.png")) write(shots / "before.png", ""); // let the editor finish
  editor.join();
  k.log = r.log;
  auto after = [&](const std::string& key, double& v) {
    const auto at = r.log.find(key);
    if (at != std::string::npos) v = std::atof(r.log.c_str() + at + key.size());
  };
  after("kiosk: ready ", k.readyMs);
  after("content reloaded, on screen ", k.reloadMs);
  const std::string key = "frames drawn, UI before GPU: median ";
  const auto at = r.log.rfind(key);
  if (at != std::string::npos) {
    std::sscanf(r.log.c_str() + r.log.rfind("kiosk: ", at), "kiosk: %ld", &k.frames);
    double p95 = 0;
    std::sscanf(r.log.c_str() + at + key.size(), "%lf ms, 95th percentile %lf ms, 99th percentile %lf ms, worst %lf",
                &k.uiP50, &p95, &k.uiP99, &k.uiWorst);
  }
  auto lineAfter = [&](const std::string& key) {
    const auto s = r.log.rfind(key);
    return s == std::string::npos ? std::string() : r.log.substr(s + key.size(), r.log.find('\n', s) - s - key.size());
  };
  k.slowestWall = lineAfter("kiosk: slowest frame: ");
  k.slowestCpu = lineAfter("kiosk: slowest frame by CPU: ");
  k.ok = r.status == 0 && k.frames > 0;
  return k;
}

} // namespace

int main(int argc, char** argv) {
  bool quick = false, withKiosk = true;
  fs::path keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick")
      quick = true;
    else if (a == "--hold" && i + 1 < argc)
      return holdMode(argv[++i]);
    else if (a == "--keep" && i + 1 < argc)
      keep = argv[++i];
    else if (a == "--no-kiosk")
      withKiosk = false;
    else {
      std::fprintf(stderr, "usage: bench_content [--quick] [--no-kiosk] [--keep DIR]\n");
      return 2;
    }
  }
  const auto sampleLoad = kiosk::loadContent(fs::path(KIOSK_SOURCE_DIR) / "content");
  if (!sampleLoad.content) {
    std::cerr << "bench_content: cannot read the sample content\n";
    return 1;
  }
  if (!keep.empty()) {
    const size_t n = generate(*sampleLoad.content, keep / "content", 10000);
    std::printf("bench_content: %zu items in %s\n", n, (keep / "content").string().c_str());
    return 0;
  }
  const fs::path work = fs::temp_directory_path() / ("bench_content-" + std::to_string(::getpid()));
  const fs::path root = work / "content";
  const std::vector<size_t> sizes = quick ? std::vector<size_t>{100, 1000} : std::vector<size_t>{100, 1000, 10000};
  std::vector<Row> rows;
  for (size_t n : sizes) {
    const int reps = quick ? (n >= 1000 ? 1 : 3) : n >= 10000 ? 3 : 9;
    rows.push_back(measure(argv[0], *sampleLoad.content, root, n, reps, n == 1000 && !quick));
    const Row& r = rows.back();
    std::fprintf(stderr, "bench_content: %zu items measured (generated in %.0f ms)\n", r.items, r.genMs);
  }
  KioskFigures k;
  if (withKiosk) k = runKiosk(work, root);
  fs::remove_all(work);

  std::printf(
      "bench_content%s: 20 sections, 10 languages (the sample's 8, Thai, Arabic), 2 pictures an item (hard links to\n"
      "the sample's JPEGs under distinct names); medians of %s; memory in a fresh process holding the snapshot\n\n",
      quick ? " --quick" : "", quick ? "3 runs (1 at 1,000 items)" : "9 runs (3 at 10,000 items)");
  std::printf("%7s %7s %8s %8s | %8s %8s %8s %6s | %9s %8s | %9s %9s %8s\n", "items", "files", "pictures", "text MB",
              "raw read", "load", "validate", "load/raw", "reload", "problems", "RSS MiB", "PSS MiB", "B/item");
  for (const auto& r : rows)
    std::printf("%7zu %7zu %8zu %8.1f | %6.0f ms %5.0f ms %5.0f ms %5.1fx | %6.0f ms %8zu | %9.1f %9.1f %8.0f\n",
                r.items, r.files, r.pictures, r.textBytes / 1e6, r.raw, r.load, r.validate, r.load / r.raw, r.reload,
                r.diagnostics, r.held.rss / 1048576.0, r.held.pss / 1048576.0,
                r.held.pss / static_cast<double>(r.items));
  // Least squares of PSS against items: the cost per item, and what a snapshot costs with none.
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& r : rows) {
    const double x = static_cast<double>(r.items), y = r.held.pss;
    sx += x, sy += y, sxx += x * x, sxy += x * y;
  }
  const double n = static_cast<double>(rows.size());
  const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx), intercept = (sy - slope * sx) / n;
  double worstResidual = 0;
  for (const auto& r : rows)
    worstResidual =
        std::max(worstResidual, std::abs(r.held.pss - (intercept + slope * static_cast<double>(r.items))) / r.held.pss);
  std::printf("\nmemory fit: %.0f bytes an item + %.1f MiB (worst residual %.1f%% of a size's PSS); text on disk %.0f "
              "bytes an item\n",
              slope, intercept / 1048576.0, worstResidual * 100,
              rows.back().textBytes / static_cast<double>(rows.back().items));
  for (const auto& r : rows)
    if (r.atlasReload > 0)
      std::printf("reload at %zu items: %.0f ms; the same + an ImGui atlas of every glyph (the earlier design) %.0f "
                  "ms, %.2fx\n",
                  r.items, r.reload, r.atlasReload, r.reload / r.atlasReload);
  std::printf("the reload includes the %.0f ms quiet period\n", kiosk::ReloadSchedule::kQuietSeconds * 1000);
  if (withKiosk) {
    if (!k.ok) {
      std::fprintf(stderr, "bench_content: the kiosk run failed; its log:\n%s\n", k.log.c_str());
      return 1;
    }
    std::printf(
        "\nthe kiosk at %zu items (1920x1080, Xvfb): ready %.0f ms after start; a title edited, on screen %.0f ms "
        "after;\n"
        "%ld frames drawn (start, a section of %zu items opened and scrolled, the reload): main thread's work a frame\n"
        "median %.1f ms, 99th pct %.1f ms, worst drawn %.1f ms (wall); the budget is 16.7 ms\n"
        "slowest frame of all, by wall time: %s\nslowest frame of all, by the main thread's CPU time: %s\n",
        rows.back().items, k.readyMs, k.reloadMs, k.frames,
        rows.back().items / static_cast<size_t>(sectionsFor(rows.back().items)), k.uiP50, k.uiP99, k.uiWorst,
        k.slowestWall.c_str(), k.slowestCpu.c_str());
  }
  return 0;
}
