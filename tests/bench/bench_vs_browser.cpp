// bench_vs_browser: the kiosk against a browser kiosk (Chromium) playing the same attract loop
// as an HTML page (BrowserPage.cpp: the same pictures, texts, fonts and timings, moved by CSS
// animations), measured in the same run, alternating kiosk and Chromium (A B A B), medians:
//   1. start: process start to the first frame with its picture, and the CPU spent by then
//      (every process of the tree), on a copy of the content whose section covers are 24 MP photos:
//      cold (kiosk: empty disk cache; Chromium: fresh profile) and warm (the same cache or profile
//      again). Kiosk: its "first picture on screen" line; Chromium (`--headless`): the page's
//      first picture decoded and the next frame begun, on its console (a `--screenshot` is taken
//      before the picture is decoded: it cannot tell when the picture is there).
//   2. the steady attract loop on the sample content: CPU seconds per second of the whole process
//      tree over a window after a warm-up (and of its X server apart), PSS summed over the tree,
//      frames presented per second and frames later than 1.5x the median interval (kiosk: its
//      --frame-times; Chromium: requestAnimationFrame in the page). Chromium runs `--kiosk`.
// Each run has its own Xvfb at 1920x1080 (Mesa llvmpipe for the kiosk; Chromium's own choice,
// printed). The content is a copy of content/ without opening hours (which could show "closed")
// and without its film items (the comparison is of pictures; both run on the same copy).
// `--quick` (about a minute): one round, short windows; a smoke test that fails only on a broken
// measurement (no frames, no picture), never on a figure.
#include "BenchPhotos.h"
#include "BrowserPage.h"
#include "KioskRunner.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

double secondsSince(Steady::time_point t) { return std::chrono::duration<double>(Steady::now() - t).count(); }
double msNow() { return std::chrono::duration<double, std::milli>(Steady::now().time_since_epoch()).count(); }
void sleepFor(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

double median(std::vector<double> v) {
  if (v.empty()) return -1;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::string readText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void writeText(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

//---------------------------------------------------------------------------
// Process trees from /proc
//---------------------------------------------------------------------------
struct ProcInfo {
  pid_t ppid = 0;
  unsigned long long start = 0, ticks = 0; // start time (identity with the pid), utime + stime
};

std::map<pid_t, ProcInfo> allProcesses() {
  std::map<pid_t, ProcInfo> out;
  std::error_code ec;
  for (fs::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
    const std::string stat = readText(it->path() / "stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream in(stat.substr(close + 2));
    std::string field;
    ProcInfo p;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; in >> field; ++i) {
      if (i == 4) p.ppid = static_cast<pid_t>(std::atol(field.c_str()));
      else if (i == 14) utime = std::strtoull(field.c_str(), nullptr, 10);
      else if (i == 15) stime = std::strtoull(field.c_str(), nullptr, 10);
      else if (i == 22) {
        p.start = std::strtoull(field.c_str(), nullptr, 10);
        break;
      }
    }
    p.ticks = utime + stime;
    out[static_cast<pid_t>(std::atol(name.c_str()))] = p;
  }
  return out;
}

// The process `root` and all its descendants now.
std::map<pid_t, ProcInfo> tree(pid_t root) {
  const auto all = allProcesses();
  std::map<pid_t, ProcInfo> out;
  if (!all.count(root)) return out;
  out[root] = all.at(root);
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [pid, p] : all)
      if (!out.count(pid) && out.count(p.ppid)) out[pid] = p, grew = true;
  }
  return out;
}

double ticksToSeconds(unsigned long long t) { return static_cast<double>(t) / static_cast<double>(::sysconf(_SC_CLK_TCK)); }
double cpuSeconds(const std::map<pid_t, ProcInfo>& t) {
  unsigned long long sum = 0;
  for (const auto& [pid, p] : t) sum += p.ticks;
  return ticksToSeconds(sum);
}
// CPU spent between two looks at a tree: processes in both by their difference, new ones whole.
double cpuBetween(const std::map<pid_t, ProcInfo>& a, const std::map<pid_t, ProcInfo>& b) {
  unsigned long long sum = 0;
  for (const auto& [pid, p] : b) {
    const auto it = a.find(pid);
    sum += it != a.end() && it->second.start == p.start ? p.ticks - std::min(p.ticks, it->second.ticks) : p.ticks;
  }
  return ticksToSeconds(sum);
}
double pssMiB(const std::map<pid_t, ProcInfo>& t) {
  double kib = 0;
  for (const auto& [pid, p] : t) {
    const std::string s = readText("/proc/" + std::to_string(pid) + "/smaps_rollup");
    const auto at = s.find("\nPss:");
    if (at != std::string::npos) kib += std::atof(s.c_str() + at + 5);
  }
  return kib / 1024;
}

//---------------------------------------------------------------------------
// Running a program: its own process group, stderr to a file
//---------------------------------------------------------------------------
struct Child {
  pid_t pid = -1;
  Steady::time_point started;
  fs::path log;
};

Child spawn(const std::vector<std::string>& args, const std::string& display, const fs::path& log) {
  Child c;
  c.log = log;
  c.started = Steady::now();
  c.pid = ::fork();
  if (c.pid == 0) {
    ::setpgid(0, 0);
    if (!display.empty()) ::setenv("DISPLAY", display.c_str(), 1);
    else ::unsetenv("DISPLAY");
    FILE* f = std::fopen(log.c_str(), "w");
    if (f) ::dup2(fileno(f), 2), ::dup2(fileno(f), 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    std::_Exit(127);
  }
  return c;
}

// Stops the child and everything in its process group (Chromium's helpers): SIGTERM, then SIGKILL
// after `graceSeconds`.
void stop(Child& c, double graceSeconds = 5) {
  if (c.pid <= 0) return;
  ::kill(c.pid, SIGTERM);
  const auto t = Steady::now();
  while (secondsSince(t) < graceSeconds && ::waitpid(c.pid, nullptr, WNOHANG) == 0) sleepFor(0.02);
  ::kill(-c.pid, SIGKILL); // the group: helpers left behind
  ::waitpid(c.pid, nullptr, 0);
  c.pid = -1;
}

// Waits for a line holding `needle` in the child's log; the seconds from its start, or -1.
double awaitLine(const Child& c, const std::string& needle, double timeout, std::string* line = nullptr) {
  while (secondsSince(c.started) < timeout) {
    const std::string s = readText(c.log);
    const auto at = s.find(needle);
    if (at != std::string::npos && s.find('\n', at) != std::string::npos) {
      const double t = secondsSince(c.started);
      if (line) *line = s.substr(at, s.find('\n', at) - at);
      return t;
    }
    if (::waitpid(c.pid, nullptr, WNOHANG) != 0) return -1;
    sleepFor(0.005);
  }
  return -1;
}

//---------------------------------------------------------------------------
// Content copies
//---------------------------------------------------------------------------
// kiosk.toml without its [kiosk.opening_hours] table: the loop never says "closed".
void removeOpeningHours(const fs::path& kioskToml) {
  std::istringstream in(readText(kioskToml));
  std::string out, line;
  bool skipping = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '[') skipping = line.rfind("[kiosk.opening_hours]", 0) == 0;
    if (!skipping) out += line + "\n";
  }
  writeText(kioskToml, out);
}

// Removes an item file and its translations beside it (NAME.LANG.md).
void removeItem(const fs::path& toml) {
  const std::string stem = toml.stem().string();
  std::error_code ec;
  for (fs::directory_iterator it(toml.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string n = it->path().filename().string();
    if (n == toml.filename().string() || (n.rfind(stem + ".", 0) == 0 && it->path().extension() == ".md")) fs::remove(it->path());
  }
}

// Our own Xvfb at 1920x1080; a few more tries than startXvfb's own three (other benches on the
// machine start servers too), then the bench stops with a message.
void ownServer(bench::Xvfb& x) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    if (bench::startXvfb(x, "1920x1080x24")) return;
    sleepFor(0.5 + attempt);
  }
  std::fprintf(stderr, "bench_vs_browser: Xvfb would not start (apt-get install xvfb)\n");
  std::exit(1);
}

struct StartFigure {
  double seconds = -1, cpu = -1;
};
struct SteadyFigure {
  double cpuPerSecond = -1, xCpuPerSecond = -1, pss = -1, fps = -1, latePercent = -1;
  long frames = -1, late = -1, processes = 0;
  std::string gl, gpuFlags;
};

// Frames and late frames from presentation times (ms) in [from, to).
void framesFrom(std::vector<double> times, double from, double to, SteadyFigure& f) {
  times.erase(std::remove_if(times.begin(), times.end(), [&](double t) { return t < from || t >= to; }), times.end());
  std::vector<double> d;
  for (size_t i = 1; i < times.size(); ++i) d.push_back(times[i] - times[i - 1]);
  f.frames = static_cast<long>(d.size());
  if (d.empty()) return;
  const double m = median(d);
  f.late = std::count_if(d.begin(), d.end(), [&](double x) { return x > 1.5 * m; });
  f.fps = static_cast<double>(d.size()) / ((times.back() - times.front()) / 1000);
  f.latePercent = 100.0 * static_cast<double>(f.late) / static_cast<double>(d.size());
}

} // namespace

int main(int argc, char** argv) {
  bool quick = false, keep = false;
  std::string kiosk = KIOSK_BINARY, chromium = "chromium", pageOnly, pageOut;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") quick = true;
    else if (a == "--keep") keep = true;
    else if (a == "--kiosk" && i + 1 < argc) kiosk = argv[++i];
    else if (a == "--chromium" && i + 1 < argc) chromium = argv[++i];
    else if (a == "--page" && i + 2 < argc) pageOnly = argv[++i], pageOut = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench_vs_browser [--quick] [--keep] [--kiosk PATH] [--chromium PATH]\n"
                           "       bench_vs_browser --page CONTENT_DIR OUT.html   (only write the attract loop's page)\n");
      return 2;
    }
  }
  const fs::path source = KIOSK_SOURCE_DIR, assets = source / "assets";
  const kiosk::CivilDate today{2026, 12, 15}; // the kiosk runs with --date 2026-12-15: the same items
  const int W = 1920, H = 1080;
  if (!pageOnly.empty()) {
    const auto page = bench::makeBrowserPage(fs::absolute(pageOnly), assets, today, W, H);
    if (page.html.empty()) {
      std::fprintf(stderr, "bench_vs_browser: %s\n", page.error.c_str());
      return 1;
    }
    writeText(pageOut, page.html);
    return 0;
  }
  char tmpl[] = "/tmp/bench_vs_browser-XXXXXX";
  if (!::mkdtemp(tmpl)) return 1;
  const fs::path work = tmpl;
  const bool root = ::geteuid() == 0;

  // The content: a copy without opening hours and without films.
  const fs::path content = work / "content";
  fs::copy(source / "content", content, fs::copy_options::recursive);
  removeOpeningHours(content / "kiosk.toml");
  auto page = bench::makeBrowserPage(content, assets, today, W, H);
  const size_t films = page.films.size();
  for (const auto& f : page.films) removeItem(f);
  if (films) page = bench::makeBrowserPage(content, assets, today, W, H);
  if (page.html.empty()) {
    std::fprintf(stderr, "bench_vs_browser: %s\n", page.error.c_str());
    return 1;
  }
  writeText(work / "attract.html", page.html);
  // The start variant: the sections' covers (where the loop begins) 24 MP photos (6000x4000, about 6 MB).
  const fs::path content24 = work / "content-24mp";
  fs::copy(content, content24, fs::copy_options::recursive);
  const int distinct = quick ? 1 : 2;
  std::vector<bench::Bytes> photos(static_cast<size_t>(distinct));
  {
    std::vector<std::thread> threads;
    for (int i = 0; i < distinct; ++i) threads.emplace_back([&, i] { photos[static_cast<size_t>(i)] = bench::makePhoto(6000, 4000, static_cast<unsigned>(i + 1)); });
    for (auto& t : threads) t.join();
  }
  for (size_t k = 0; k < page.covers.size(); ++k) {
    const fs::path p = content24 / fs::relative(page.covers[k], content);
    const auto bytes = bench::uniqueCopy(photos[k % photos.size()], static_cast<int>(k));
    std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  const auto page24 = bench::makeBrowserPage(content24, assets, today, W, H);
  writeText(work / "attract-24mp.html", page24.html);

  const int rounds = quick ? 1 : 3;
  const double warmUp = quick ? 3 : 10, window = quick ? 6 : 30, frameWindow = quick ? 3 : 10;
  std::printf("bench_vs_browser%s: the sample content (opening hours removed; %zu film item%s removed, both run on the same copy),\n"
              "an attract loop of %zu pictures, %.0f s a slide; 1920x1080 under Xvfb; %d round%s A B A B; %u cores\n",
              quick ? " --quick" : "", films, films == 1 ? "" : "s", page.pictures.size(), page.slideSeconds, rounds, rounds == 1 ? "" : "s",
              std::thread::hardware_concurrency());
  std::printf("fonts (the faces the kiosk's font library picks through fontconfig; the page names the same families):\n");
  for (const auto& f : page.fonts) std::printf("  %s\n", f.c_str());
  std::fflush(stdout);

  bool failed = false;
  auto fail = [&](const std::string& what, const fs::path& log) {
    std::fprintf(stderr, "bench_vs_browser: %s; the log (%s):\n%s\n", what.c_str(), log.c_str(), readText(log).substr(0, 6000).c_str());
    failed = true;
  };
  std::vector<std::string> chromeCommon = {chromium, "--no-first-run", "--no-default-browser-check", "--password-store=basic"};
  if (root) chromeCommon.push_back("--no-sandbox");
  const std::vector<std::string> kioskCommon = {kiosk, "--windowed", "--size", "1920x1080", "--date", "2026-12-15", "--log-file", "none"};

  //---------------------------------------------------------------------------
  // 1. Start
  //---------------------------------------------------------------------------
  std::vector<double> kColdS, kColdCpu, kWarmS, kWarmCpu, cColdS, cColdCpu, cWarmS, cWarmCpu;
  auto kioskStart = [&](const fs::path& cache, const std::string& tag) {
    StartFigure f;
    bench::Xvfb x;
    ownServer(x);
    auto args = kioskCommon;
    args.insert(args.end(), {"--image-cache", cache.string(), content24.string()});
    Child c = spawn(args, x.display, work / ("kiosk-start-" + tag + ".log"));
    f.seconds = awaitLine(c, "kiosk: first picture on screen", 60);
    if (f.seconds >= 0) f.cpu = cpuSeconds(tree(c.pid));
    stop(c);
    if (f.seconds < 0) fail("the kiosk showed no picture (" + tag + ")", c.log);
    return f;
  };
  auto chromeStart = [&](const fs::path& profile, const std::string& tag) {
    StartFigure f;
    auto args = chromeCommon;
    args.insert(args.end(), {"--headless", "--window-size=1920,1080", "--hide-scrollbars", "--user-data-dir=" + profile.string(),
                             "--enable-logging=stderr", "--v=0", "file://" + (work / "attract-24mp.html").string()});
    Child c = spawn(args, "", work / ("chromium-start-" + tag + ".log"));
    f.seconds = awaitLine(c, "\"PICTURE ", 90);
    if (f.seconds >= 0) f.cpu = cpuSeconds(tree(c.pid));
    stop(c);
    if (f.seconds < 0) fail("Chromium showed no picture (" + tag + ")", c.log);
    return f;
  };
  for (int r = 0; r < rounds; ++r) {
    const std::string n = std::to_string(r);
    const fs::path cache = work / ("kiosk-cache-" + n), profile = work / ("chromium-profile-" + n);
    auto a = kioskStart(cache, "cold-" + n), b = kioskStart(cache, "warm-" + n);
    auto c = chromeStart(profile, "cold-" + n), d = chromeStart(profile, "warm-" + n);
    kColdS.push_back(a.seconds), kColdCpu.push_back(a.cpu), kWarmS.push_back(b.seconds), kWarmCpu.push_back(b.cpu);
    cColdS.push_back(c.seconds), cColdCpu.push_back(c.cpu), cWarmS.push_back(d.seconds), cWarmCpu.push_back(d.cpu);
    std::printf("start round %d: kiosk cold %.2f s (CPU %.2f s), warm %.2f s (CPU %.2f s); Chromium cold %.2f s (CPU %.2f s), warm %.2f s (CPU %.2f s)\n",
                r + 1, a.seconds, a.cpu, b.seconds, b.cpu, c.seconds, c.cpu, d.seconds, d.cpu);
    std::fflush(stdout);
  }

  //---------------------------------------------------------------------------
  // 2. The steady attract loop
  //---------------------------------------------------------------------------
  auto measureWindow = [&](Child& c, const bench::Xvfb& x, SteadyFigure& f) {
    while (secondsSince(c.started) < warmUp) sleepFor(0.05);
    const auto t0 = tree(c.pid), x0 = tree(x.pid);
    const auto w0 = Steady::now();
    while (secondsSince(w0) < window) sleepFor(0.05);
    const auto t1 = tree(c.pid), x1 = tree(x.pid);
    const double span = secondsSince(w0);
    f.cpuPerSecond = cpuBetween(t0, t1) / span;
    f.xCpuPerSecond = cpuBetween(x0, x1) / span;
    f.pss = pssMiB(t1);
    f.processes = static_cast<long>(t1.size());
    for (const auto& [pid, p] : t1) { // what Chromium's GPU process draws with: its --use-gl / --use-angle
      std::string cmd = readText("/proc/" + std::to_string(pid) + "/cmdline");
      std::replace(cmd.begin(), cmd.end(), '\0', ' ');
      if (cmd.find("--type=gpu-process") == std::string::npos) continue;
      std::istringstream words(cmd);
      for (std::string w; words >> w;)
        if (w.rfind("--use-gl", 0) == 0 || w.rfind("--use-angle", 0) == 0 || w.rfind("--disable-gpu", 0) == 0 ||
            w.rfind("--enable-gpu-rasterization", 0) == 0)
          f.gpuFlags += (f.gpuFlags.empty() ? "" : " ") + w;
      if (f.gpuFlags.empty()) f.gpuFlags = "(no GL flags)";
    }
  };
  std::vector<SteadyFigure> kioskRuns, chromeRuns;
  for (int r = 0; r < rounds; ++r) {
    const std::string n = std::to_string(r);
    {
      SteadyFigure f;
      bench::Xvfb x;
      ownServer(x);
      const fs::path times = work / ("kiosk-frames-" + n + ".txt");
      auto args = kioskCommon;
      args.insert(args.end(), {"--image-cache", (work / ("kiosk-loop-cache-" + n)).string(), "--frame-times", times.string(), content.string()});
      Child c = spawn(args, x.display, work / ("kiosk-loop-" + n + ".log"));
      measureWindow(c, x, f);
      const double from = msNow();
      while (secondsSince(c.started) < warmUp + window + frameWindow) sleepFor(0.05);
      const double to = msNow();
      const bool alive = ::waitpid(c.pid, nullptr, WNOHANG) == 0;
      stop(c);
      std::vector<double> t;
      std::istringstream in(readText(times));
      for (double v; in >> v;) t.push_back(v);
      framesFrom(t, from, to, f);
      f.gl = "Mesa llvmpipe (OpenGL)";
      if (!alive || f.frames <= 0 || f.cpuPerSecond <= 0) fail("the kiosk's attract loop run failed (no frames, or it ended)", c.log);
      kioskRuns.push_back(f);
    }
    {
      SteadyFigure f;
      bench::Xvfb x;
      ownServer(x);
      auto args = chromeCommon;
      char query[64];
      std::snprintf(query, sizeof query, "?frames=%.1f,%.1f", warmUp + window, frameWindow);
      args.insert(args.end(), {"--kiosk", "--noerrdialogs", "--disable-infobars", "--window-position=0,0", "--window-size=1920,1080",
                               "--user-data-dir=" + (work / ("chromium-loop-profile-" + n)).string(), "--enable-logging=stderr",
                               "--v=0", "file://" + (work / "attract.html").string() + query});
      Child c = spawn(args, x.display, work / ("chromium-loop-" + n + ".log"));
      measureWindow(c, x, f);
      std::string line;
      const double got = awaitLine(c, "\"FRAMES ", warmUp + window + frameWindow + 30, &line);
      stop(c);
      if (got >= 0) {
        double medianMs = 0, seconds = 0;
        char gl[512] = {};
        std::sscanf(line.c_str(), "\"FRAMES %ld %ld %lf %lf GL %511[^\"]", &f.frames, &f.late, &medianMs, &seconds, gl);
        f.gl = gl;
        if (seconds > 0) f.fps = static_cast<double>(f.frames) / seconds;
        if (f.frames > 0) f.latePercent = 100.0 * static_cast<double>(f.late) / static_cast<double>(f.frames);
      }
      if (got < 0 || f.frames <= 0 || f.cpuPerSecond <= 0) fail("Chromium's attract loop run failed (no frame report)", c.log);
      chromeRuns.push_back(f);
    }
    std::printf("loop round %d: kiosk %.2f CPU s/s, %.0f MiB, %.1f frames/s (%ld late); Chromium %.2f CPU s/s, %.0f MiB in %ld processes, "
                "%.1f frames/s (%ld late)\n",
                r + 1, kioskRuns.back().cpuPerSecond, kioskRuns.back().pss, kioskRuns.back().fps, kioskRuns.back().late,
                chromeRuns.back().cpuPerSecond, chromeRuns.back().pss, chromeRuns.back().processes, chromeRuns.back().fps,
                chromeRuns.back().late);
    std::fflush(stdout);
  }

  //---------------------------------------------------------------------------
  // The table
  //---------------------------------------------------------------------------
  auto med = [](const std::vector<SteadyFigure>& v, double SteadyFigure::*m) {
    std::vector<double> x;
    for (const auto& f : v) x.push_back(f.*m);
    return median(x);
  };
  auto medLong = [](const std::vector<SteadyFigure>& v, long SteadyFigure::*m) {
    std::vector<double> x;
    for (const auto& f : v) x.push_back(static_cast<double>(f.*m));
    return median(x);
  };
  std::printf("\n| figure (median of %d) | kiosk | Chromium | ratio |\n|---|---|---|---|\n", rounds);
  auto row = [](const char* what, double k, double c, const char* fmt) {
    char kb[32], cb[32], rb[32] = "-";
    std::snprintf(kb, sizeof kb, fmt, k);
    std::snprintf(cb, sizeof cb, fmt, c);
    if (k >= 0 && c > 0) std::snprintf(rb, sizeof rb, "%.2fx", k / c);
    std::printf("| %s | %s | %s | %s |\n", what, kb, cb, rb);
  };
  row("first picture on screen, 24 MP covers, cold (empty disk cache / fresh profile), s", median(kColdS), median(cColdS), "%.2f");
  row("CPU to the first picture, cold, s", median(kColdCpu), median(cColdCpu), "%.2f");
  row("first picture on screen, 24 MP covers, warm (same cache / profile), s", median(kWarmS), median(cWarmS), "%.2f");
  row("CPU to the first picture, warm, s", median(kWarmCpu), median(cWarmCpu), "%.2f");
  char label[128];
  std::snprintf(label, sizeof label, "steady attract loop, CPU s per s (%.0f s, process tree)", window);
  row(label, med(kioskRuns, &SteadyFigure::cpuPerSecond), med(chromeRuns, &SteadyFigure::cpuPerSecond), "%.2f");
  row("its X server (Xvfb), CPU s per s", med(kioskRuns, &SteadyFigure::xCpuPerSecond), med(chromeRuns, &SteadyFigure::xCpuPerSecond), "%.2f");
  row("memory, PSS summed over processes, MiB", med(kioskRuns, &SteadyFigure::pss), med(chromeRuns, &SteadyFigure::pss), "%.0f");
  std::snprintf(label, sizeof label, "frames presented per s (%.0f s)", frameWindow);
  row(label, med(kioskRuns, &SteadyFigure::fps), med(chromeRuns, &SteadyFigure::fps), "%.1f");
  row("frames late (> 1.5x the median interval)", medLong(kioskRuns, &SteadyFigure::late), medLong(chromeRuns, &SteadyFigure::late), "%.0f");
  row("frames late, % of frames", med(kioskRuns, &SteadyFigure::latePercent), med(chromeRuns, &SteadyFigure::latePercent), "%.1f");
  std::printf("\nStart: kiosk, its \"first picture on screen\" line; Chromium (--headless), the page's first picture decoded\n"
              "(img.decode()) and the next frame begun, on its console (--screenshot is written before the picture is\n"
              "decoded, so it cannot say when the picture is there). Kiosk frames: its --frame-times (each buffer swap).\n"
              "Chromium frames: requestAnimationFrame in the page, in a window after the CPU window (so the CPU figure\n"
              "is of CSS animations alone). Chromium: %ld processes; its GPU process: %s; its WebGL renderer: %s.\n"
              "The kiosk draws with Mesa llvmpipe (OpenGL in software). The page keeps only the next two slides loaded.\n",
              chromeRuns.empty() ? 0L : chromeRuns.back().processes, chromeRuns.empty() ? "?" : chromeRuns.back().gpuFlags.c_str(),
              chromeRuns.empty() ? "?" : chromeRuns.back().gl.c_str());
  if (!keep) fs::remove_all(work);
  else std::printf("kept %s\n", work.c_str());
  return failed ? 1 : 0;
}
