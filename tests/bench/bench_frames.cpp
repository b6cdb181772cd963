// bench_frames: what a frame costs, at 1920x1080 and 3840x2160, while the attract loop runs
// (crossfades, pan and zoom) and while a long item is scrolled by dragging; against a baseline
// measured in the same run: the same kiosk with no content (the frame loop, ImGui and the GPU
// with next to nothing to draw). The real kiosk runs each scenario as an input script on the
// virtual clock under our own Xvfb, and prints its frame times: CPU is the kiosk's own work
// (input, layout, text, uploads, before GPU submission); wall is the whole frame, which under
// Xvfb includes Mesa llvmpipe drawing in software, not what a real GPU gives.
// `--quick` (a smoke test, about 50 s on 2 cores) runs 1 s of each scenario, and at 4K only the
// baseline and the attract loop; the full run 10 s of each at both sizes.
//
// Then the steady attract loop in real time (issue 18): the sample's pictures (films and opening
// hours taken out) for 20 s (5 s quick, 1080p only) at each size, A B A B against the same kiosk with
// --no-pacing (every frame at the display's rate, as before), from the kiosk's exit log: frames
// a second, CPU seconds a second (all threads), start-to-start intervals p50 / p99, frames later
// than their tick, and the slowest texture upload slice in a frame (wall and the thread's CPU).
#include "KioskRunner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

// "kiosk: frame pacing: 302 frames in 22.5 s (13.4 a second), intervals median 58.0 ms, 99th percentile 344.5 ms; 3 later
// than their tick; CPU 0.412 s a second"
struct Pacing {
  long frames = -1, late = 0;
  double seconds = 0, fps = 0, p50 = 0, p99 = 0, cpu = 0;
};
Pacing parsePacing(const std::string& log) {
  Pacing p;
  const auto at = log.rfind("kiosk: frame pacing: ");
  if (at == std::string::npos) return p;
  std::sscanf(log.c_str() + at,
              "kiosk: frame pacing: %ld frames in %lf s (%lf a second), intervals median %lf ms, 99th percentile %lf ms; %ld later than "
              "their tick; CPU %lf s a second",
              &p.frames, &p.seconds, &p.fps, &p.p50, &p.p99, &p.late, &p.cpu);
  return p;
}
// "... slowest upload slice 6.16 ms, CPU 2.87 ms, median 1.27 ms over 156 frames after the first picture; ..."
struct Slices {
  double worst = -1, worstCpu = -1, median = -1;
  long frames = 0;
};
Slices parseSlices(const std::string& log) {
  Slices s;
  const auto at = log.rfind("slowest upload slice ");
  if (at == std::string::npos) return s;
  std::sscanf(log.c_str() + at, "slowest upload slice %lf ms, CPU %lf ms, median %lf ms over %ld frames", &s.worst, &s.worstCpu, &s.median,
              &s.frames);
  return s;
}

// The sample as a venue runs it all day: no opening hours (the loop never sleeps), no film.
void sampleWithoutFilmsOrHours(const fs::path& source, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(source, to, fs::copy_options::recursive);
  fs::remove(to / "sections/01-city-promotion/00-promotional-film.toml");
  std::ifstream in(to / "kiosk.toml");
  std::string line, out;
  bool skipping = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '[') skipping = line.rfind("[kiosk.opening_hours]", 0) == 0;
    if (!skipping) out += line + "\n";
  }
  in.close();
  writeText(to / "kiosk.toml", out);
}

struct Times {
  long frames = -1;
  double p50 = 0, p95 = 0, p99 = 0, worst = 0;
};

// "kiosk: 600 frames drawn, whole frame: median 27.1 ms, 95th percentile ..., 99th percentile ..., worst ..."
Times parse(const std::string& log, const std::string& what) {
  Times t;
  const std::string key = "frames drawn, " + what + ": median ";
  const auto at = log.rfind(key);
  if (at == std::string::npos) return t;
  const auto lineStart = log.rfind("kiosk: ", at);
  std::sscanf(log.c_str() + lineStart, "kiosk: %ld", &t.frames);
  std::sscanf(log.c_str() + at + key.size(), "%lf ms, 95th percentile %lf ms, 99th percentile %lf ms, worst %lf", &t.p50, &t.p95,
              &t.p99, &t.worst);
  return t;
}

} // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::string kiosk = KIOSK_BINARY;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") quick = true;
    else if (a == "--kiosk" && i + 1 < argc) kiosk = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench_frames [--quick] [--kiosk PATH]\n");
      return 2;
    }
  }
  char tmpl[] = "/tmp/bench_frames-XXXXXX";
  if (!::mkdtemp(tmpl)) return 1;
  const fs::path work = tmpl;
  const fs::path source = KIOSK_SOURCE_DIR;

  // A long item: the sample's Mukden Palace text twelve times over, with its picture.
  const fs::path content = work / "content";
  writeText(content / "kiosk.toml", "[kiosk]\ndefault_language = \"en\"\nlanguages = [\"en\", \"zh-Hans\"]\nattract_slide_seconds = 3\n"
                                     "[kiosk.name]\nen = \"International Shenyang\"\nzh-Hans = \"国际沈阳\"\n");
  const fs::path pics = source / "content/sections/03-culture-tourism/images";
  fs::create_directories(content / "sections/01-long-read/images");
  for (const char* f : {"cover.jpg", "mukden-palace-1.jpg", "ice-and-snow-1.jpg", "shenyang-map.png"})
    fs::copy_file(pics / f, content / "sections/01-long-read/images" / f, fs::copy_options::overwrite_existing);
  writeText(content / "sections/01-long-read/section.toml",
            "cover = \"images/cover.jpg\"\n[title]\nen = \"A long read\"\nzh-Hans = \"长文\"\n");
  std::string body;
  for (int i = 0; i < 12; ++i)
    body += "Begun in 1625, the Mukden Palace was the imperial residence before the Qing court moved to Beijing. Located in the "
            "heart of the old city, it is now open to the public as the Shenyang Palace Museum.\n\nIn the eastern section "
            "stands the octagonal, double-eaved Dazheng Hall, flanked by ten pavilions known as the Ten Kings' Pavilions, "
            "which reflect the early system of joint council among the Eight Banners.\n\n";
  writeText(content / "sections/01-long-read/01-long.toml",
            "[title]\nen = \"The Mukden Palace, at length\"\nzh-Hans = \"沈阳故宫\"\n[body]\nen = \"\"\"\n" + body +
                "\"\"\"\nzh-Hans = \"沈阳故宫始建于1625年。\"\n[[images]]\nfile = \"images/mukden-palace-1.jpg\"\n[[images]]\nfile = "
                "\"images/ice-and-snow-1.jpg\"\n");
  // A map with six points, each with a note in a bubble (the sample's map picture).
  std::string map = "[title]\nen = \"Map\"\n[map]\nimage = \"images/shenyang-map.png\"\n";
  for (int i = 0; i < 6; ++i)
    map += "[[map.points]]\nx = " + std::to_string(300 + 240 * i) + "\ny = " + std::to_string(300 + 90 * i) +
           "\n[map.points.label]\nen = \"Place " + std::to_string(i + 1) +
           "\"\n[map.points.text]\nen = \"A sentence or two about this place, as staff write them.\"\n";
  writeText(content / "sections/01-long-read/02-map.toml", map);
  const fs::path empty = work / "no-content"; // the baseline: a folder that does not exist

  const double seconds = quick ? 1 : 10;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  const std::string run = buf;
  writeText(work / "attract.kscript", "wait 1s\nscreenshot warm.png\nwait " + run + " drawn\n");
  std::string scroll = "wait 1s\ntap @attract\nopen long-read/long\nscreenshot warm.png\n";
  for (double t = 0; t < seconds; t += 2)
    scroll += "drag 80% 80% 80% 30% 0.5s\nwait 0.5s drawn\ndrag 80% 30% 80% 80% 0.5s\nwait 0.5s drawn\n";
  writeText(work / "scroll.kscript", scroll);
  // The gallery: a swipe to the next picture and back, a double tap to enlarge and another to restore.
  std::string gallery = "wait 1s\ntap @attract\nopen long-read/long\ntap @picture\nscreenshot warm.png\n";
  for (double t = 0; t < seconds; t += 2)
    gallery += "drag 80% 50% 20% 50% 0.3s\nwait 0.5s drawn\ndrag 20% 50% 80% 50% 0.3s\nwait 0.5s drawn\n"
               "tap 50% 50%\nwait 0.1s drawn\ntap 50% 50%\nwait 0.5s drawn\n";
  writeText(work / "gallery.kscript", gallery);
  // The map: its places chosen in turn from the legend (an open bubble may cover the next
  // point's dot; the legend is always there), each opening its bubble.
  std::string mapScript = "wait 1s\ntap @attract\nopen long-read/map\nscreenshot warm.png\n";
  for (double t = 0; t < seconds; t += 1.5)
    mapScript += "tap @map:legend:" + std::to_string(1 + static_cast<int>(t / 1.5) % 6) + "\nwait 1.5s drawn\n";
  writeText(work / "map.kscript", mapScript);
  writeText(work / "idle.kscript", "wait 1s\nscreenshot warm.png\nwait " + run + " drawn\n");

  bench::Xvfb xvfb;
  if (!bench::startXvfb(xvfb, "3840x2160x24")) {
    std::fprintf(stderr, "bench_frames: Xvfb would not start (apt-get install xvfb)\n");
    return 1;
  }
  ::setenv("DISPLAY", xvfb.display.c_str(), 1);

  std::printf("bench_frames%s: %s of each scenario on the virtual clock (60 frames a second), Xvfb + Mesa llvmpipe\n\n",
              quick ? " --quick" : "", run.c_str());
  std::printf("%-10s %-34s %7s %22s %22s\n", "screen", "scenario", "frames", "CPU p50 / p99 ms", "wall p50 / p99 ms");
  bool failed = false;
  for (const char* size : {"1920x1080", "3840x2160"}) {
    struct Scenario {
      const char* name;
      const char* script;
      fs::path folder;
    };
    const Scenario scenarios[] = {{"baseline: no content", "idle.kscript", empty},
                                  {"attract loop (fades, pan and zoom)", "attract.kscript", content},
                                  {"scrolling a long item by dragging", "scroll.kscript", content},
                                  {"gallery: swipes and double taps", "gallery.kscript", content},
                                  {"map: tapping its points", "map.kscript", content}};
    for (const auto& sc : scenarios) {
      // The quick run's 4K frames take llvmpipe about 100 ms each: the baseline and the loop only.
      if (quick && std::string(size) != "1920x1080" && std::string(sc.script) != "idle.kscript" && std::string(sc.script) != "attract.kscript")
        continue;
      const auto r = bench::runKiosk(kiosk,
                                     {"--windowed", "--size", size, "--no-image-cache", "--script", (work / sc.script).string(),
                                      "--screenshots", (work / "shots").string(), sc.folder.string()},
                                     "", 600);
      const Times cpu = parse(r.log, "UI before GPU"), wall = parse(r.log, "whole frame");
      if (r.status != 0 || cpu.frames <= 0 || wall.frames <= 0) {
        std::fprintf(stderr, "bench_frames: the %s run at %s failed; its log:\n%s\n", sc.name, size, r.log.c_str());
        failed = true;
        continue;
      }
      std::printf("%-10s %-34s %7ld %10.1f / %-10.1f %10.1f / %-10.1f\n", size, sc.name, wall.frames, cpu.p50, cpu.p99, wall.p50,
                  wall.p99);
    }
  }
  std::printf("\nThe frame budget is 16.7 ms. CPU is what the kiosk itself spends; wall adds llvmpipe's software\n"
              "drawing, which a GPU does in a fraction of the time.\n");

  // The steady attract loop in real time, paced against every frame drawn (--no-pacing), A B A B.
  const fs::path sample = work / "sample";
  sampleWithoutFilmsOrHours(source / "content", sample);
  const int runSeconds = quick ? 5 : 20;
  std::printf("\nSteady attract loop in real time, %d s a run after 3 s of warm-up, the sample without films or opening hours;\n"
              "baseline: the same kiosk with --no-pacing (every frame at the display's rate), A B A B, medians:\n\n",
              runSeconds);
  std::printf("%-10s %-22s %8s %10s %22s %6s %24s\n", "screen", "run", "fps", "CPU s/s", "interval p50 / p99 ms", "late",
              "upload slice worst/CPU");
  // (--quick: 1080p, one round.)
  const std::vector<std::string> realSizes = quick ? std::vector<std::string>{"1920x1080"} : std::vector<std::string>{"1920x1080", "3840x2160"};
  for (const std::string& sizeName : realSizes) {
    const char* size = sizeName.c_str();
    std::vector<Pacing> paced[2];
    std::vector<Slices> slices[2];
    for (int round = 0; round < (quick ? 1 : 2); ++round)
      for (int mode = 0; mode < 2; ++mode) {
        std::vector<std::string> args = {"--windowed", "--size", size, "--image-cache", (work / "cache").string()};
        if (mode == 0) args.push_back("--no-pacing");
        args.push_back(sample.string());
        const auto r = bench::runKiosk(kiosk, args, "", runSeconds + 60, runSeconds + 3.0);
        const Pacing p = parsePacing(r.log);
        if (p.frames <= 0) {
          std::fprintf(stderr, "bench_frames: the real-time %s run at %s gave no pacing figures; its log:\n%s\n",
                       mode ? "paced" : "unpaced", size, r.log.c_str());
          failed = true;
          continue;
        }
        paced[mode].push_back(p);
        slices[mode].push_back(parseSlices(r.log));
      }
    for (int mode = 0; mode < 2; ++mode) {
      if (paced[mode].empty()) continue;
      auto med = [&](auto field) {
        std::vector<double> v;
        for (const auto& p : paced[mode]) v.push_back(field(p));
        std::sort(v.begin(), v.end());
        return v[(v.size() - 1) / 2];
      };
      double worst = 0, worstCpu = 0;
      for (const auto& sl : slices[mode]) worst = std::max(worst, sl.worst), worstCpu = std::max(worstCpu, sl.worstCpu);
      std::printf("%-10s %-22s %8.1f %10.3f %10.1f / %-10.1f %6.0f %11.2f / %-10.2f\n", size,
                  mode ? "paced (the kiosk)" : "every frame (baseline)", med([](const Pacing& p) { return p.fps; }),
                  med([](const Pacing& p) { return p.cpu; }), med([](const Pacing& p) { return p.p50; }),
                  med([](const Pacing& p) { return p.p99; }), med([](const Pacing& p) { return static_cast<double>(p.late); }), worst,
                  worstCpu);
    }
    if (!paced[0].empty() && !paced[1].empty()) {
      std::vector<double> r;
      for (size_t i = 0; i < std::min(paced[0].size(), paced[1].size()); ++i) r.push_back(paced[1][i].cpu / paced[0][i].cpu);
      std::sort(r.begin(), r.end());
      std::printf("%-10s CPU paced / every frame: %.2fx\n", size, r[(r.size() - 1) / 2]);
    }
  }
  fs::remove_all(work);
  return failed ? 1 : 0;
}
