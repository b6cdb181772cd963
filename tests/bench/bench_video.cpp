// bench_video (issue 15): what playing a film costs in the kiosk, against mpv playing the same
// film in the same run, and whether the kiosk's attract loop ever loses a frame or shows black at
// a seam between films or where a film loops.
//
// The films are the counter films of tests/video/make-test-films.sh (made once, cached in the build
// tree): every frame carries a frame stamp (kiosk/media/FrameStamp.h) with its clip id and frame
// number. The kiosk runs with `--frame-stamps FILE`: for every frame it presents it reads the
// stamp from the screen row through the middle (decodeFrameStamp) and writes one line,
//   <ms since start> <clip> <frame>     a film frame
//   <ms since start> black              the row near black
//   <ms since start> none               no stamp (a picture, a menu, a blended frame)
// From those lines: the seams between clips and where a clip loops, the frames lost at each (a
// frame number skipped, the last frame of the outgoing clip or the first of the incoming one
// never shown), black frames, and how long a frame stays on screen at a seam against the median.
//
// Cost: the kiosk looping the 1080p30 H.264 clip alone, then `mpv --vo=gpu` and `mpv --vo=null`
// (decoding alone) looping the same file, A B A B under the same Xvfb (Mesa llvmpipe: the GPU
// work is software here); after a warm-up, the CPU time (utime + stime from /proc/PID/stat) per
// film frame presented (the kiosk: distinct stamps read; mpv: frames played less frames dropped),
// and memory (PSS from /proc/PID/smaps_rollup, RSS). Medians over the rounds.
//
//   bench_video [--quick] [--kiosk PATH] [--mpv PATH] [--films DIR] [--rounds N] [--seconds S]
//               [--seam-seconds S] [--keep]
//   bench_video --analyse STAMPS [--films DIR]      the seam figures of one stamps file
// `--quick` (the ctest bench_video.quick, about 45 s): 1 round of 4 s, 12 s of seams (a smoke
// test: every figure measured, and the seams it sees judged). The full
// run (by hand): 3 rounds of 20 s, 240 s of seams (over 100 seams). The bench fails when the
// kiosk loses a frame or shows black at a seam; a kiosk without --frame-stamps (the player not in
// this build) is reported and skipped.
#include "KioskRunner.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
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

void writeText(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

double median(std::vector<double> v) {
  if (v.empty()) return -1;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// ---- the films -------------------------------------------------------------------------------

struct Film {
  std::string file;
  int clip = -1, frames = 0, width = 0, height = 0;
};

std::vector<Film> readFilms(const fs::path& dir) {
  std::vector<Film> films;
  std::ifstream in(dir / "films.txt");
  Film f;
  while (in >> f.file >> f.clip >> f.frames >> f.width >> f.height) films.push_back(f);
  return films;
}

// ---- /proc -----------------------------------------------------------------------------------

struct ProcSample {
  double at = 0;     // seconds since the process started
  double cpu = 0;    // utime + stime, seconds
  double pssMiB = 0; // proportional set size
  double rssMiB = 0;
  int fds = 0, threads = 0;
};

std::optional<ProcSample> sampleProc(pid_t pid) {
  ProcSample s;
  const std::string base = "/proc/" + std::to_string(pid);
  std::ifstream stat(base + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return std::nullopt;
  const auto close = line.rfind(')'); // the command name may hold spaces
  if (close == std::string::npos) return std::nullopt;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) { // field 3 is the state
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  s.cpu = static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::ifstream rollup(base + "/smaps_rollup");
  while (std::getline(rollup, line))
    if (line.rfind("Pss:", 0) == 0) s.pssMiB = std::atof(line.c_str() + 4) / 1024;
    else if (line.rfind("Rss:", 0) == 0) s.rssMiB = std::atof(line.c_str() + 4) / 1024;
  std::error_code ec;
  for (auto it = fs::directory_iterator(base + "/fd", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) ++s.fds;
  for (auto it = fs::directory_iterator(base + "/task", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) ++s.threads;
  return s;
}

// ---- running a program for a while -----------------------------------------------------------

struct Run {
  int status = -1;
  bool endedEarly = false; // it exited before the window ended
  std::string log;         // stderr (the first MiB)
  std::vector<ProcSample> window; // samples from the window's start to its end, every 0.5 s
};

// Runs argv for warm + window seconds (then SIGTERM), sampling /proc during the window; each
// chunk of stderr goes to onOutput with the seconds since the start.
Run runFor(const std::vector<std::string>& argv, double warm, double window,
           const std::function<void(const std::string&, double)>& onOutput = {}) {
  Run run;
  int fds[2];
  if (::pipe(fds) != 0) return run;
  const auto start = Steady::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 2);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    std::_Exit(127);
  }
  ::close(fds[1]);
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  double nextSample = warm;
  bool exited = false;
  char buf[8192];
  while (!exited) {
    for (;;) {
      const ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      const std::string chunk(buf, static_cast<size_t>(n));
      if (run.log.size() < (1u << 20)) run.log += chunk;
      if (onOutput) onOutput(chunk, secondsSince(start));
    }
    const double t = secondsSince(start);
    if (::waitpid(pid, &run.status, WNOHANG) == pid) {
      exited = true;
      run.endedEarly = t < warm + window;
      break;
    }
    if (t >= nextSample) {
      if (auto s = sampleProc(pid)) {
        s->at = t;
        run.window.push_back(*s);
      }
      nextSample += 0.5;
    }
    if (t >= warm + window) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!exited) {
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 250 && ::waitpid(pid, &run.status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (::waitpid(pid, &run.status, WNOHANG) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &run.status, 0);
    }
  }
  for (;;) { // what is left in the pipe
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    if (run.log.size() < (1u << 20)) run.log.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  return run;
}

// ---- the stamps ------------------------------------------------------------------------------

struct Stamp {
  double ms = 0;
  enum { Code, Black, None } kind = None;
  int clip = -1, frame = -1;
  bool sameAs(const Stamp& o) const { return kind == o.kind && clip == o.clip && frame == o.frame; }
};

std::vector<Stamp> readStamps(const fs::path& file) {
  std::vector<Stamp> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream l(line);
    Stamp s;
    std::string a;
    if (!(l >> s.ms >> a)) continue;
    if (a == "black") s.kind = Stamp::Black;
    else if (a == "none") s.kind = Stamp::None;
    else {
      s.kind = Stamp::Code;
      s.clip = std::atoi(a.c_str());
      if (!(l >> s.frame)) continue;
    }
    out.push_back(s);
  }
  return out;
}

struct SeamReport {
  long presented = 0;        // frames presented from the first film frame on
  long filmFrames = 0;       // distinct film frames shown (a new stamp)
  int clipSeams = 0, loopSeams = 0;
  long lostAtSeams = 0, worstLostAtSeam = 0;
  long lostInside = 0;       // film frames skipped inside a clip
  long black = 0, unreadable = 0; // presented frames, from the first film frame on
  double medianHoldMs = -1;  // how long a film frame stays on screen
  double worstSeamHoldMs = -1; // the longest a frame stayed at a seam (the outgoing clip's last or the incoming one's first)
  double firstMs = -1, lastMs = -1;
  std::vector<std::string> notes; // the first few seams that lost frames or showed black
};

// The seam figures of presented stamps, given each clip's frame count.
SeamReport analyse(const std::vector<Stamp>& stamps, const std::map<int, int>& framesOfClip) {
  SeamReport r;
  size_t first = 0;
  while (first < stamps.size() && stamps[first].kind != Stamp::Code) ++first;
  // The first film shows its poster (a frame from 10% in) until its player has a frame: that
  // opening stamp, held from the start, is the poster, not a seam.
  if (first < stamps.size()) {
    size_t held = first;
    while (held + 1 < stamps.size() && stamps[held + 1].sameAs(stamps[first])) ++held;
    if (held + 1 < stamps.size() && stamps[held + 1].kind == Stamp::Code && stamps[held + 1].clip == stamps[first].clip &&
        stamps[held + 1].frame < stamps[first].frame)
      first = held + 1;
  }
  if (first == stamps.size()) return r;
  r.firstMs = stamps[first].ms;
  r.lastMs = stamps.back().ms;
  // Runs of the same stamp.
  struct RunOf {
    Stamp s;
    double startMs, endMs;
  };
  std::vector<RunOf> runs;
  for (size_t i = first; i < stamps.size(); ++i) {
    ++r.presented;
    r.black += stamps[i].kind == Stamp::Black;
    r.unreadable += stamps[i].kind == Stamp::None;
    if (!runs.empty() && runs.back().s.sameAs(stamps[i])) continue;
    if (!runs.empty()) runs.back().endMs = stamps[i].ms;
    runs.push_back({stamps[i], stamps[i].ms, -1});
  }
  std::vector<double> holds;
  const RunOf* prev = nullptr; // the last film-frame run
  bool blackSincePrev = false;
  char note[200];
  for (size_t i = 0; i < runs.size(); ++i) {
    const RunOf& run = runs[i];
    if (run.s.kind != Stamp::Code) {
      blackSincePrev |= run.s.kind == Stamp::Black;
      continue;
    }
    ++r.filmFrames;
    if (run.endMs >= 0) holds.push_back(run.endMs - run.startMs);
    if (prev) {
      const Stamp &a = prev->s, &b = run.s;
      const bool seam = b.clip != a.clip || b.frame <= a.frame;
      if (!seam) {
        r.lostInside += b.frame - a.frame - 1;
      } else {
        const auto last = framesOfClip.find(a.clip);
        const long lastFrame = last == framesOfClip.end() ? a.frame : last->second - 1;
        const long lost = std::max(0L, lastFrame - a.frame) + b.frame;
        (b.clip == a.clip ? r.loopSeams : r.clipSeams)++;
        r.lostAtSeams += lost;
        r.worstLostAtSeam = std::max(r.worstLostAtSeam, lost);
        double hold = prev->endMs - prev->startMs;
        if (run.endMs >= 0) hold = std::max(hold, run.endMs - run.startMs);
        r.worstSeamHoldMs = std::max(r.worstSeamHoldMs, hold);
        if ((lost > 0 || blackSincePrev) && r.notes.size() < 5) {
          std::snprintf(note, sizeof note, "at %.0f ms: clip %d frame %d, then clip %d frame %d: %ld lost%s", run.startMs, a.clip,
                        a.frame, b.clip, b.frame, lost, blackSincePrev ? ", black in between" : "");
          r.notes.push_back(note);
        }
      }
    }
    prev = &run;
    blackSincePrev = false;
  }
  r.medianHoldMs = median(holds);
  return r;
}

void printSeams(const SeamReport& r, const char* what) {
  std::printf("%s: %ld frames presented over %.1f s, %ld film frames\n", what, r.presented, (r.lastMs - r.firstMs) / 1000,
              r.filmFrames);
  std::printf("  seams between clips %d, where a clip loops %d\n", r.clipSeams, r.loopSeams);
  std::printf("  frames lost at seams %ld (worst seam %ld), inside clips %ld\n", r.lostAtSeams, r.worstLostAtSeam, r.lostInside);
  std::printf("  black frames %ld, frames without a stamp %ld\n", r.black, r.unreadable);
  std::printf("  a film frame stays on screen: median %.1f ms, longest at a seam %.1f ms\n", r.medianHoldMs, r.worstSeamHoldMs);
  for (const auto& n : r.notes) std::printf("  %s\n", n.c_str());
  // One line for scripts (run-video-soak.sh).
  std::printf("seams clip=%d loop=%d lost=%ld inside=%ld black=%ld unreadable=%ld frames=%ld\n", r.clipSeams, r.loopSeams,
              r.lostAtSeams, r.lostInside, r.black, r.unreadable, r.filmFrames);
}

// ---- content ---------------------------------------------------------------------------------

// A content folder whose attract loop is `films` in order: the first as the only section's cover,
// the others as the pictures of its one item, marked attract = true (with one film, the item has
// no pictures and the film loops on its own).
void makeContent(const fs::path& dir, const fs::path& filmsDir, const std::vector<std::string>& films) {
  fs::remove_all(dir);
  writeText(dir / "kiosk.toml", "[kiosk]\ndefault_language = \"en\"\nlanguages = [\"en\"]\nattract_slide_seconds = 2\n"
                                "[kiosk.name]\nen = \"Video bench\"\n");
  fs::create_directories(dir / "sections/01-films/images");
  for (const auto& f : films) fs::copy_file(filmsDir / f, dir / "sections/01-films/images" / f, fs::copy_options::overwrite_existing);
  writeText(dir / "sections/01-films/section.toml", "cover = \"images/" + films.front() + "\"\n[title]\nen = \"Films\"\n");
  std::string item = "attract = true\n[title]\nen = \"Films\"\n[summary]\nen = \"Counter films\"\n";
  for (size_t i = 1; i < films.size(); ++i) item += "[[images]]\nfile = \"images/" + films[i] + "\"\n";
  writeText(dir / "sections/01-films/01-films.toml", item);
}

std::map<int, int> clipFrames(const std::vector<Film>& films) {
  std::map<int, int> m;
  for (const auto& f : films) m[f.clip] = f.frames;
  return m;
}

bool makeFilms(const fs::path& dir) {
  const std::string cmd = std::string("'") + KIOSK_SOURCE_DIR + "/tests/video/make-test-films.sh' '" + dir.string() + "'";
  return std::system(cmd.c_str()) == 0;
}

} // namespace

int main(int argc, char** argv) {
  bool quick = false, keep = false;
  std::string kiosk = KIOSK_BINARY, mpv = "mpv", analyseFile;
  fs::path filmsDir = BENCH_VIDEO_FILMS;
  int rounds = 3;
  double seconds = 20, seamSeconds = 240, warm = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--quick") quick = true, rounds = 1, seconds = 4, seamSeconds = 12, warm = 2;
    else if (a == "--keep") keep = true;
    else if (a == "--kiosk") kiosk = next();
    else if (a == "--mpv") mpv = next();
    else if (a == "--films") filmsDir = next();
    else if (a == "--rounds") rounds = std::max(1, std::atoi(next().c_str()));
    else if (a == "--seconds") seconds = std::max(1.0, std::atof(next().c_str()));
    else if (a == "--seam-seconds") seamSeconds = std::max(4.0, std::atof(next().c_str()));
    else if (a == "--analyse") analyseFile = next();
    else {
      std::fprintf(stderr, "usage: bench_video [--quick] [--kiosk PATH] [--mpv PATH] [--films DIR] [--rounds N] [--seconds S]\n"
                           "                   [--seam-seconds S] [--keep]\n"
                           "       bench_video --analyse STAMPS [--films DIR]\n");
      return 2;
    }
  }
  if (!makeFilms(filmsDir)) {
    std::fprintf(stderr, "bench_video: could not make the test films in %s (is ffmpeg installed?)\n", filmsDir.c_str());
    return 1;
  }
  const auto films = readFilms(filmsDir);
  const auto framesOf = clipFrames(films);
  if (films.size() < 4) {
    std::fprintf(stderr, "bench_video: %s/films.txt lists %zu films, 4 expected\n", filmsDir.c_str(), films.size());
    return 1;
  }
  if (!analyseFile.empty()) {
    const auto stamps = readStamps(analyseFile);
    if (stamps.empty()) {
      std::fprintf(stderr, "bench_video: no stamps in %s\n", analyseFile.c_str());
      return 1;
    }
    printSeams(analyse(stamps, framesOf), analyseFile.c_str());
    return 0;
  }

  char tmpl[] = "/tmp/bench_video-XXXXXX";
  if (!::mkdtemp(tmpl)) return 1;
  const fs::path work = tmpl;
  const std::string big = "counter-1080p.mp4";
  makeContent(work / "single-1080p", filmsDir, {big});
  makeContent(work / "seams", filmsDir, {"seam-a.mp4", "seam-b.mp4", "seam-c.mp4"});
  makeContent(work / "loop", filmsDir, {"seam-a.mp4"});

  bench::Xvfb xvfb;
  if (!bench::startXvfb(xvfb, "1920x1080x24")) {
    std::fprintf(stderr, "bench_video: Xvfb would not start (apt-get install xvfb)\n");
    return 1;
  }
  ::setenv("DISPLAY", xvfb.display.c_str(), 1);

  auto kioskArgs = [&](const fs::path& content, const fs::path& stamps) {
    return std::vector<std::string>{kiosk, "--windowed", "--size", "1920x1080", "--no-image-cache", "--state-dir",
                                    (work / "state").string(), "--frame-stamps", stamps.string(), content.string()};
  };
  // The kiosk's figures of one run: CPU per film frame presented in the window, memory.
  struct Figures {
    double cpuMsPerFrame = -1, framesPerSecond = -1, pssMiB = -1, rssMiB = -1;
  };
  bool kioskHasStamps = true;
  std::string kioskProblem;
  auto windowFigures = [](const Run& r, double frames) {
    Figures f;
    if (r.window.size() < 2 || frames <= 0) return f;
    const auto &a = r.window.front(), &b = r.window.back();
    f.cpuMsPerFrame = (b.cpu - a.cpu) * 1000 / frames;
    f.framesPerSecond = frames / (b.at - a.at);
    std::vector<double> pss, rss;
    for (const auto& s : r.window) pss.push_back(s.pssMiB), rss.push_back(s.rssMiB);
    f.pssMiB = median(pss);
    f.rssMiB = median(rss);
    return f;
  };
  auto runKioskOnce = [&](int round) -> Figures {
    const fs::path stamps = work / ("cost-" + std::to_string(round) + ".stamps");
    const Run r = runFor(kioskArgs(work / "single-1080p", stamps), warm, seconds);
    if (r.endedEarly) {
      kioskHasStamps = false;
      kioskProblem = r.log.find("--frame-stamps") != std::string::npos
                         ? "this kiosk has no --frame-stamps yet (the player is not in this build)"
                         : "the kiosk ended early; its log:\n" + r.log;
      return {};
    }
    // Film frames presented in the window: new stamps between its first and last sample.
    const auto all = readStamps(stamps);
    if (all.empty()) std::fprintf(stderr, "bench_video: the kiosk wrote no stamps to %s (are they flushed line by line?)\n", stamps.c_str());
    if (r.window.size() < 2) return {};
    const double from = r.window.front().at * 1000, to = r.window.back().at * 1000;
    long frames = 0;
    const Stamp* prev = nullptr;
    for (const auto& s : all) {
      if (s.kind == Stamp::Code && (!prev || !prev->sameAs(s)) && s.ms >= from && s.ms < to) ++frames;
      prev = &s;
    }
    return windowFigures(r, static_cast<double>(frames));
  };
  // mpv's status line: frames played of the current loop and frames dropped so far.
  auto runMpvOnce = [&](const std::string& vo) -> Figures {
    const long perLoop = framesOf.at(0);
    struct Counter {
      long perLoop, loopsDone = 0, lastFrame = -1, dropped = 0;
      long total() const { return loopsDone * perLoop + std::max(0L, lastFrame) - dropped; }
      std::string pending;
    } c{perLoop, 0, -1, 0, {}};
    long atStart = -1, atEnd = -1;
    std::vector<std::string> args = {mpv, "--no-config", "--vo=" + vo, "--ao=null", "--hwdec=no", "--loop-file=inf",
                                     "--geometry=1920x1080+0+0", "--no-border", "--msg-level=all=status",
                                     "--term-status-msg=STATUS ${estimated-frame-number} ${frame-drop-count} ${vo-drop-frame-count}\n",
                                     (filmsDir / big).string()};
    if (vo == "gpu") args.insert(args.begin() + 3, "--gpu-sw"); // llvmpipe is a software renderer: allow it
    const Run r = runFor(args, warm, seconds, [&](const std::string& chunk, double t) {
      c.pending += chunk;
      size_t at;
      while ((at = c.pending.find_first_of("\r\n")) != std::string::npos) {
        const std::string line = c.pending.substr(0, at);
        c.pending.erase(0, at + 1);
        long frame = 0, drop = 0, voDrop = 0;
        const auto s = line.find("STATUS ");
        if (s == std::string::npos) continue;
        const int n = std::sscanf(line.c_str() + s + 7, "%ld %ld %ld", &frame, &drop, &voDrop);
        if (n < 1) continue;
        if (frame < c.lastFrame - 10) ++c.loopsDone; // a new loop
        c.lastFrame = frame;
        c.dropped = std::max(n >= 2 ? drop : 0, n >= 3 ? voDrop : 0);
        if (t >= warm && atStart < 0) atStart = c.total();
        if (t < warm + seconds) atEnd = c.total();
      }
    });
    if (r.window.size() < 2 || atStart < 0 || atEnd <= atStart) {
      std::fprintf(stderr, "bench_video: mpv --vo=%s gave no figures; its log:\n%s\n", vo.c_str(), r.log.substr(0, 2000).c_str());
      return {};
    }
    return windowFigures(r, static_cast<double>(atEnd - atStart));
  };

  std::printf("bench_video%s: %s (1920x1080 30 fps H.264), %d rounds of %.0f s after %.0f s of warm-up, A B A B under one\n"
              "Xvfb 1920x1080 with Mesa llvmpipe (drawing is software here); then %.0f s of seams\n\n",
              quick ? " --quick" : "", big.c_str(), rounds, seconds, warm, seamSeconds);
  std::vector<Figures> k, g, n;
  for (int round = 0; round < rounds; ++round) {
    if (kioskHasStamps) {
      const Figures f = runKioskOnce(round);
      if (kioskHasStamps) k.push_back(f);
    }
    g.push_back(runMpvOnce("gpu"));
    n.push_back(runMpvOnce("null"));
  }
  auto med = [](const std::vector<Figures>& v, double Figures::*field) {
    std::vector<double> x;
    for (const auto& f : v)
      if (f.*field >= 0) x.push_back(f.*field);
    return median(x);
  };
  auto cell = [](double v) {
    char b[32];
    if (v < 0) return std::string("-");
    std::snprintf(b, sizeof b, "%.2f", v);
    return std::string(b);
  };
  auto ratio = [](double a, double b) {
    char buf[32];
    if (a < 0 || b <= 0) return std::string("-");
    std::snprintf(buf, sizeof buf, "%.2fx", a / b);
    return std::string(buf);
  };
  std::printf("%-34s | %9s | %12s | %7s | %13s | %7s\n", "figure (median over rounds)", "kiosk", "mpv --vo=gpu", "ratio",
              "mpv --vo=null", "ratio");
  std::printf("%s\n", std::string(100, '-').c_str());
  const struct {
    const char* name;
    double Figures::*field;
  } rows[] = {{"CPU ms per film frame presented", &Figures::cpuMsPerFrame},
              {"film frames presented per second", &Figures::framesPerSecond},
              {"PSS MiB", &Figures::pssMiB},
              {"RSS MiB", &Figures::rssMiB}};
  bool mpvFailed = false;
  for (const auto& row : rows) {
    const double kv = med(k, row.field), gv = med(g, row.field), nv = med(n, row.field);
    mpvFailed |= gv < 0 || nv < 0;
    std::printf("%-34s | %9s | %12s | %7s | %13s | %7s\n", row.name, cell(kv).c_str(), cell(gv).c_str(), ratio(kv, gv).c_str(),
                cell(nv).c_str(), ratio(kv, nv).c_str());
  }
  std::printf("\nmpv: --no-config --hwdec=no --ao=null (audio decoded, not played) --loop-file=inf; --vo=gpu with --gpu-sw;\n"
              "its frames presented are frames played less frames dropped. The kiosk's are the distinct stamps it read.\n\n");

  bool failed = mpvFailed;
  if (!kioskHasStamps) {
    std::printf("kiosk: %s: its figures and the seams are skipped.\n", kioskProblem.c_str());
  } else {
    // Seams: A B C in the attract loop, then one clip looping on its own.
    const double half = seamSeconds / 2;
    SeamReport total;
    for (const char* which : {"seams", "loop"}) {
      const fs::path stamps = work / (std::string(which) + ".stamps");
      const Run r = runFor(kioskArgs(work / which, stamps), half, 0.1);
      const SeamReport s = analyse(readStamps(stamps), framesOf);
      printSeams(s, std::string(which) == "seams" ? "kiosk, attract loop of clips A B C (2 s each)"
                                                 : "kiosk, attract loop of clip A alone");
      std::printf("\n");
      if (r.endedEarly) std::printf("kiosk ended early; its log:\n%s\n", r.log.c_str());
      failed |= r.endedEarly || s.lostAtSeams > 0 || s.black > 0 || s.clipSeams + s.loopSeams == 0;
      total.clipSeams += s.clipSeams;
      total.loopSeams += s.loopSeams;
    }
    std::printf("%d seams in all; the bench fails on any frame lost or black at a seam.\n", total.clipSeams + total.loopSeams);
  }
  if (keep) std::printf("work folder kept: %s\n", work.c_str());
  else fs::remove_all(work);
  return failed ? 1 : 0;
}
