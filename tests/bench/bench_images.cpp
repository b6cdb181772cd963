// bench_images: what a camera photo costs the kiosk. Generates 24-megapixel JPEGs (6000x4000, the
// size of a modern camera's photos), then measures, in one run:
//   1. the time from file to a display-ready picture for a 1920x1080 screen through the kiosk's
//      pipeline (TurboJPEG scaled decode + filtered downscale), against the naive path (stb_image
//      full decode + stb_image_resize to the same size), and against a disk-cache hit;
//   2. cold start of the real kiosk to its first attract frame with 200 such photos: with no disk
//      cache, on the first start (cache empty, filled as it goes) and on a warm restart;
//   3. peak memory while paging through the photos item by item, against a run that opens none,
//      within the texture budget plus a stated overhead (the run fails if not).
// Prints tables of medians. `--quick` runs fewer repetitions and pages fewer items (under 60 s on
// 2 cores). Starts its own Xvfb when there is no DISPLAY.
#include "BenchPhotos.h"
#include "KioskRunner.h"
#include "media/DiskCache.h"
#include "media/ImageDecoder.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <turbojpeg.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <sys/select.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace kiosk::media;
using Steady = std::chrono::steady_clock;
using Bytes = std::vector<std::uint8_t>;
using bench::KioskRun;
using bench::makePhoto;
using bench::uniqueCopy;
using bench::runKiosk;
using bench::startXvfb;
using bench::Xvfb;

namespace {

double msSince(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

Bytes readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}
void writeFile(const fs::path& p, const void* data, size_t n) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary).write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
}
void writeText(const fs::path& p, const std::string& s) { writeFile(p, s.data(), s.size()); }

// The naive path: decode the whole photo, then resize it with stb_image_resize.
DecodedImage naiveDecode(const fs::path& file, int dw, int dh) {
  const Bytes bytes = readFile(file);
  int w = 0, h = 0, c = 0;
  unsigned char* px = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &c, 4);
  DecodedImage out;
  if (!px) return out;
  out.width = dw;
  out.height = dh;
  out.rgba.resize(static_cast<size_t>(dw) * dh * 4);
  stbir_resize_uint8_srgb(px, w, h, 0, out.rgba.data(), dw, dh, 0, 4, STBIR_ALPHA_CHANNEL_NONE, 0);
  stbi_image_free(px);
  return out;
}

// "kiosk: memory: peak 412 MiB, now 300 MiB; picture textures peak 250 MiB of a 256 MiB budget (...)"
struct MemoryLine {
  double peakMiB = -1, texturesPeakMiB = -1, budgetMiB = -1;
  long decoded = -1, evicted = -1;
  double slowestSliceMs = -1;
};
MemoryLine parseMemory(const std::string& log) {
  MemoryLine m;
  const auto at = log.rfind("kiosk: memory: peak ");
  if (at == std::string::npos) return m;
  long cached = 0, cancelled = 0;
  std::sscanf(log.c_str() + at,
              "kiosk: memory: peak %lf MiB, now %*f MiB; picture textures peak %lf MiB of a %lf MiB budget (%ld pictures "
              "decoded, %ld from the disk cache, %ld evicted, %ld cancelled; slowest upload slice %lf ms)",
              &m.peakMiB, &m.texturesPeakMiB, &m.budgetMiB, &m.decoded, &cached, &m.evicted, &cancelled, &m.slowestSliceMs);
  return m;
}

} // namespace

int main(int argc, char** argv) {
  bool quick = false, keep = false;
  std::string kiosk = KIOSK_BINARY, baseline;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") quick = true;
    else if (a == "--keep") keep = true;
    else if (a == "--kiosk" && i + 1 < argc) kiosk = argv[++i];
    else if (a == "--baseline" && i + 1 < argc) baseline = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench_images [--quick] [--keep] [--kiosk PATH] [--baseline PATH]\n"
                           "  --baseline: another kiosk binary (main's), whose warm restart runs A B A B with this one's\n");
      return 2;
    }
  }
  char tmpl[] = "/tmp/bench_images-XXXXXX";
  if (!::mkdtemp(tmpl)) return 1;
  const fs::path work = tmpl;
  bool failed = false;

  const int distinct = quick ? 2 : 4, reps = quick ? 3 : 7, photos = 200, paged = quick ? 40 : 200, starts = quick ? 3 : 7;
  std::printf("bench_images%s: %d distinct 6000x4000 JPEGs (24 MP), %d copies with distinct bytes; %u cores\n\n",
              quick ? " --quick" : "", distinct, photos, std::thread::hardware_concurrency());

  // Photos, generated on every core.
  auto t0 = Steady::now();
  std::vector<Bytes> originals(static_cast<size_t>(distinct));
  {
    std::vector<std::thread> threads;
    for (int i = 0; i < distinct; ++i) threads.emplace_back([&, i] { originals[static_cast<size_t>(i)] = makePhoto(6000, 4000, static_cast<unsigned>(i + 1)); });
    for (auto& t : threads) t.join();
  }
  size_t totalBytes = 0;
  for (int i = 0; i < distinct; ++i) {
    writeFile(work / ("photo-" + std::to_string(i) + ".jpg"), originals[static_cast<size_t>(i)].data(), originals[static_cast<size_t>(i)].size());
    totalBytes += originals[static_cast<size_t>(i)].size();
  }
  std::printf("generated in %.1f s, %.1f MB per photo\n\n", msSince(t0) / 1000, totalBytes / 1e6 / distinct);

  //---------------------------------------------------------------------------
  // 1. File to display-ready picture
  //---------------------------------------------------------------------------
  const DisplaySize screen{1920, 1080, Fit::Cover};
  std::vector<double> ours, naive, cached, indexed;
  DiskCache cache(work / "cache-decode", 1u << 30);
  for (int r = 0; r < reps; ++r)
    for (int i = 0; i < distinct; ++i) {
      const fs::path file = work / ("photo-" + std::to_string(i) + ".jpg");
      auto t = Steady::now();
      const auto result = decodeImageFile(file, screen);
      ours.push_back(msSince(t));
      if (!result.ok()) {
        std::fprintf(stderr, "bench_images: the pipeline failed: %s\n", result.error.c_str());
        return 1;
      }
      t = Steady::now();
      const auto n = naiveDecode(file, result.image.width, result.image.height);
      naive.push_back(msSince(t));
      if (n.rgba.empty()) return 1;
      // A disk-cache hit, as a warm restart sees it: read and hash the original, read the
      // display-sized copy, decode that.
      const Bytes bytes = readFile(file);
      cache.store(hashBytes(bytes), bytes.size(), screen, result.image);
      t = Steady::now();
      const auto read = readImageFile(file);
      const auto hit = cache.lookup(hashBytes(read.bytes), read.bytes.size(), screen);
      cached.push_back(msSince(t));
      if (!hit) return 1;
      // The same through the index, as a warm restart sees it now: stat the original, no read.
      cache.remember(file, *FileIdentity::of(file), hashBytes(read.bytes));
      t = Steady::now();
      const auto id = FileIdentity::of(file);
      const auto known = id ? cache.knownHash(file, *id) : std::nullopt;
      const auto viaIndex = known ? cache.lookup(*known, id->size, screen) : std::nullopt;
      indexed.push_back(msSince(t));
      if (!viaIndex) return 1;
    }
  int num = 0, den = 0;
  jpegDecodeScale(6000, 4000, 1920, 1280, num, den);
  std::printf("1. a 6000x4000 JPEG to a display-ready 1920x1280 picture (covering 1920x1080), one thread, %zu runs\n", ours.size());
  std::printf("   %-52s %10s %8s\n", "path", "median ms", "ratio");
  std::printf("   %-52s %10.1f %8s\n", "naive: stb_image full decode + stb_image_resize", median(naive), "1.0x");
  std::printf("   %-52s %10.1f %7.1fx\n", ("kiosk: TurboJPEG at " + std::to_string(num) + "/" + std::to_string(den) + " scale + resize").c_str(),
              median(ours), median(naive) / median(ours));
  std::printf("   %-52s %10.1f %7.1fx\n", "kiosk, disk cache hit (read + hash original, cached)", median(cached),
              median(naive) / median(cached));
  std::printf("   %-52s %10.1f %7.1fx\n\n", "kiosk, disk cache hit via the index (stat, cached)", median(indexed),
              median(naive) / median(indexed));
  const double ratio = median(naive) / median(ours);

  //---------------------------------------------------------------------------
  // 2 and 3 run the real kiosk.
  //---------------------------------------------------------------------------
  if (!fs::exists(kiosk)) {
    std::printf("2-3. skipped: no kiosk binary at %s\n", kiosk.c_str());
    if (!keep) fs::remove_all(work);
    return 1;
  }
  Xvfb xvfb;
  const bool ownServer = !std::getenv("DISPLAY") || !*std::getenv("DISPLAY");
  // Starts (or restarts) our own server; checked below by a kiosk that must open it.
  auto startServer = [&]() {
    if (xvfb.pid > 0) {
      ::kill(xvfb.pid, SIGTERM);
      ::waitpid(xvfb.pid, nullptr, 0);
      xvfb.pid = 0;
    }
    if (!startXvfb(xvfb)) return false;
    ::setenv("DISPLAY", xvfb.display.c_str(), 1);
    return true;
  };
  if (ownServer && !startServer()) {
    std::fprintf(stderr, "bench_images: no DISPLAY and Xvfb would not start (apt-get install xvfb)\n");
    return 1;
  }

  // 200 photos in 8 sections of 25 items; every section's cover is a photo too.
  const fs::path content = work / "content";
  writeText(content / "kiosk.toml", "[kiosk]\ndefault_language = \"en\"\nlanguages = [\"en\"]\nattract_slide_seconds = 7\n"
                                     "[kiosk.name]\nen = \"Photo wall\"\n[kiosk.tagline]\nen = \"Two hundred photos\"\n");
  t0 = Steady::now();
  for (int n = 0; n < photos; ++n) {
    const int s = n / 25 + 1, item = n % 25 + 1;
    char sdir[32], iname[32];
    std::snprintf(sdir, sizeof sdir, "%02d-wall-%d", s, s);
    std::snprintf(iname, sizeof iname, "%02d-photo-%d", item, n + 1);
    const fs::path dir = content / "sections" / sdir;
    const Bytes copy = uniqueCopy(originals[static_cast<size_t>(n % distinct)], n);
    writeFile(dir / "images" / (std::to_string(n + 1) + ".jpg"), copy.data(), copy.size());
    if (item == 1)
      writeText(dir / "section.toml", "title = { en = \"Wall " + std::to_string(s) + "\" }\ncolour = \"#1F4E8C\"\ncover = \"images/" +
                                          std::to_string(n + 1) + ".jpg\"\n");
    writeText(dir / (std::string(iname) + ".toml"), "title = { en = \"Photo " + std::to_string(n + 1) +
                                                        "\" }\nbody = { en = \"A photo.\" }\n[[images]]\nfile = \"images/" +
                                                        std::to_string(n + 1) + ".jpg\"\n");
  }
  std::printf("wrote %d photos (%.0f MB) in %.1f s; the originals stay in the page cache, as on a kiosk that has run before\n\n",
              photos, photos * (totalBytes / 1e6 / distinct), msSince(t0) / 1000);

  const std::vector<std::string> window = {"--windowed", "--size", "1920x1080"};
  auto startArgs = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> a = window;
    a.insert(a.end(), extra.begin(), extra.end());
    a.push_back(content.string());
    return a;
  };
  const std::string firstPicture = "kiosk: first picture on screen";
  // The display works when the kiosk can open it; our own server gets two more chances.
  for (int attempt = 0; ownServer && attempt < 3; ++attempt) {
    const auto probe = runKiosk(kiosk, {"--windowed", "--size", "640x480", "--no-image-cache", content.string()}, "kiosk: ready", 30);
    if (probe.msToLine >= 0) break;
    if (attempt == 2 || !startServer()) {
      std::fprintf(stderr, "bench_images: the kiosk cannot open our Xvfb; its log:\n%s\n", probe.log.c_str());
      return 1;
    }
  }
  std::vector<double> noCache, firstStart, warm, baseWarm;
  std::string lastStartLine;
  const fs::path warmDir = work / "cache-warm";
  for (int r = 0; r < starts; ++r) {
    const auto a = runKiosk(kiosk, startArgs({"--no-image-cache"}), firstPicture, 60);
    const fs::path fresh = work / ("cache-fresh-" + std::to_string(r));
    const auto b = runKiosk(kiosk, startArgs({"--image-cache", fresh.string()}), firstPicture, 60);
    if (a.msToLine < 0 || b.msToLine < 0) {
      std::fprintf(stderr, "bench_images: the kiosk did not show a picture; its log:\n%s\n", (a.msToLine < 0 ? a : b).log.c_str());
      return 1;
    }
    std::error_code ec;
    if (r == 0) fs::rename(fresh, warmDir, ec);
    const auto c = runKiosk(kiosk, startArgs({"--image-cache", warmDir.string()}), firstPicture, 60);
    if (ec || c.msToLine < 0) {
      std::fprintf(stderr, "bench_images: the warm start failed (%s); its log:\n%s\n", ec.message().c_str(), c.log.c_str());
      return 1;
    }
    long fromCache = -1, decoded = -2;
    if (const auto at = c.log.find(firstPicture); at != std::string::npos)
      std::sscanf(c.log.c_str() + at, "kiosk: first picture on screen %*f ms after start (%ld of %ld", &fromCache, &decoded);
    if (fromCache != decoded) {
      std::fprintf(stderr, "bench_images: FAIL: the warm start decoded an original:\n%s\n", c.log.c_str());
      failed = true;
    }
    noCache.push_back(a.msToLine);
    firstStart.push_back(b.msToLine);
    warm.push_back(c.msToLine);
    if (const auto at = c.log.find("kiosk: start: "); at != std::string::npos)
      lastStartLine = c.log.substr(at, c.log.find('\n', at) - at);
    if (!baseline.empty()) { // the same warm cache, the other binary, right after: A B A B
      const auto d = runKiosk(baseline, startArgs({"--image-cache", warmDir.string()}), firstPicture, 60);
      if (d.msToLine >= 0) baseWarm.push_back(d.msToLine);
    }
  }
  std::printf("2. cold start of the kiosk (process start to the first attract frame with its picture), %d photos, %d runs each\n", photos, starts);
  std::printf("   %-52s %10s %8s\n", "start", "median ms", "ratio");
  std::printf("   %-52s %10.0f %8s\n", "no disk cache (--no-image-cache)", median(noCache), "1.0x");
  std::printf("   %-52s %10.0f %7.2fx\n", "first start: disk cache empty, filled as it goes", median(firstStart), median(noCache) / median(firstStart));
  std::printf("   %-52s %10.0f %7.2fx\n", "warm restart: disk cache filled", median(warm), median(noCache) / median(warm));
  if (!baseWarm.empty())
    std::printf("   %-52s %10.0f %7.2fx   (%s)\n", "warm restart, baseline binary, same cache, A B A B", median(baseWarm),
                median(noCache) / median(baseWarm), baseline.c_str());
  if (!lastStartLine.empty()) std::printf("   last warm restart's own milestones: %s\n", lastStartLine.c_str());
  std::printf("\n");

  // 3. Paging: open every item in turn, waiting for its picture; against a run that opens none.
  std::string paging = "wait 1s\n", idle = "wait 1s\n";
  for (int n = 0; n < paged; ++n) {
    const int s = n / 25 + 1, item = n % 25 + 1;
    paging += "open wall-" + std::to_string(s) + "/photo-" + std::to_string(n + 1) + "\nawait pictures 30s\nwait 100ms\n";
    (void)item;
    idle += "wait 100ms\n";
  }
  writeText(work / "paging.kscript", paging);
  writeText(work / "idle.kscript", idle);
  const std::string budget = quick ? "64" : "256"; // the quick run pages fewer photos: a smaller budget still fills
  auto script = [&](const std::string& file) {
    return runKiosk(kiosk, startArgs({"--texture-budget", budget, "--no-image-cache", "--script", (work / file).string(),
                                      "--screenshots", work.string()}),
                    "", 900);
  };
  const auto idleRun = script("idle.kscript");
  const auto pageRun = script("paging.kscript");
  const MemoryLine idleMem = parseMemory(idleRun.log), pageMem = parseMemory(pageRun.log);
  if (pageMem.peakMiB < 0 || idleMem.peakMiB < 0 || pageRun.status != 0) {
    std::fprintf(stderr, "bench_images: the paging run failed; its log:\n%s\n", pageRun.log.c_str());
    return 1;
  }
  // The stated overhead beyond the texture budget, measured on llvmpipe (where textures live in
  // the process): the workers' decodes in flight (each up to the file, a DCT-scaled 24 MP photo
  // at 1500x1000-2250x1500 RGBA, and the result: about 30 MB), up to three finished pictures
  // waiting and one being uploaded (about 12 MB for item-sized pictures), Mesa's own staging, and
  // the allocator's slack. 174 MiB measured over 200 and 400 photos (flat: no growth with count);
  // 192 MiB allowed.
  const double overheadMiB = 192;
  const double growth = pageMem.peakMiB - idleMem.peakMiB;
  std::printf("3. memory while paging through %d items one by one (each photo decoded, shown, then left), budget %s MiB\n", paged,
              budget.c_str());
  std::printf("   %-40s %12s %16s %10s\n", "run", "peak RSS MiB", "textures peak MiB", "evicted");
  std::printf("   %-40s %12.0f %16.0f %10ld\n", "baseline: same start, no item opened", idleMem.peakMiB, idleMem.texturesPeakMiB, idleMem.evicted);
  std::printf("   %-40s %12.0f %16.0f %10ld\n", ("paging " + std::to_string(paged) + " photos").c_str(), pageMem.peakMiB,
              pageMem.texturesPeakMiB, pageMem.evicted);
  std::printf("   growth over the baseline %.0f MiB; allowed: textures within the budget (%.0f MiB) + stated overhead %.0f MiB\n",
              growth, pageMem.budgetMiB, overheadMiB);
  std::printf("   slowest upload slice in a frame: %.1f ms\n\n", pageMem.slowestSliceMs);
  if (pageMem.texturesPeakMiB > pageMem.budgetMiB + 10) {
    std::fprintf(stderr, "bench_images: FAIL: textures peaked at %.0f MiB, over the %.0f MiB budget\n", pageMem.texturesPeakMiB, pageMem.budgetMiB);
    failed = true;
  }
  if (pageMem.evicted <= 0) { // the paged pictures take more than the budget: some must have gone
    std::fprintf(stderr, "bench_images: FAIL: nothing was evicted while paging %d photos through a %s MiB budget\n", paged, budget.c_str());
    failed = true;
  }
  if (growth > pageMem.budgetMiB + overheadMiB) {
    std::fprintf(stderr, "bench_images: FAIL: memory grew %.0f MiB, more than the budget plus the stated overhead\n", growth);
    failed = true;
  }
  std::printf("targets: pipeline >= 4x faster than naive: %.1fx %s; warm restart first frame < 300 ms: %.0f ms %s\n", ratio,
              ratio >= 4 ? "(met)" : "(NOT met)", median(warm), median(warm) < 300 ? "(met)" : "(NOT met)");
  if (!keep) fs::remove_all(work);
  else std::printf("kept %s\n", work.c_str());
  return failed ? 1 : 0;
}
