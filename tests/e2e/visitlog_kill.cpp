// The visit log under kill -9, for real: a child process writes events through VisitLog as fast
// as it can (some lines hundreds of KiB, so a kill often lands inside a write), is SIGKILLed at
// a random moment, and a restarted "kiosk" appends to the same file, many times over. Then every
// line read back must be a whole event this test wrote, in order, none glued to a fragment; no
// event the child saw flushed may be missing; and at most one line per kill may be torn.
//
//   visitlog_kill [ROUNDS] [SEED]      (defaults: 50 rounds, a seed from the time)
#include "ops/VisitLog.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// What a child has done, where its parent can read it after the kill.
struct Progress {
  std::atomic<std::uint64_t> appended; // events handed to VisitLog::append
  std::atomic<std::uint64_t> flushed;  // events VisitLog::flush has returned for: on disk
};

// The budget would delete old days and take lines with them: this test counts every line.
constexpr VisitLogLimits kNoBudget{std::uint64_t{1} << 40, 3650};

// Round r's day: ten rounds a day, so the log rotates through five files.
CivilDate dayOf(int round) { return CivilDate{2026, 4, 1}.plusDays(round / 10); }

// An event whose item id says who wrote it and how long its padding is, so a read-back line
// proves itself whole: "r12-345-L1000-" and 1000 copies of one letter.
VisitEvent event(int round, std::uint64_t index, size_t padding) {
  VisitEvent e;
  e.type = VisitEventType::Item;
  e.date = dayOf(round);
  e.minuteOfDay = 600 + round;
  e.session = round + 1;
  e.language = "en";
  e.section = "trade";
  // Built piece by piece from a character: GCC 12 warns falsely (-Wrestrict, its bug 105329)
  // about a string made from a short literal here.
  e.item.assign(1, 'r');
  e.item += std::to_string(round);
  e.item += '-';
  e.item += std::to_string(index);
  e.item += "-L";
  e.item += std::to_string(padding);
  e.item += '-';
  e.item.append(padding, static_cast<char>('a' + index % 26));
  e.seconds = 1.5;
  return e;
}

[[noreturn]] void child(const fs::path& dir, int round, Progress* progress, unsigned seed) {
  std::mt19937 rng(seed);
  VisitLog log(dir, kNoBudget);
  std::uint64_t bytes = 0;
  for (std::uint64_t i = 0;;) {
    const int batch = 1 + static_cast<int>(rng() % 4);
    for (int b = 0; b < batch; ++b, ++i) {
      // Half the lines a few KiB long, half up to 1 MiB: long enough to be cut mid-write.
      const size_t padding = rng() % 2 == 0 ? 65536 + rng() % (960 * 1024) : 100 + rng() % 4000;
      progress->appended.store(i + 1);
      log.append(event(round, i, padding));
      bytes += padding;
    }
    log.flush();
    progress->flushed.store(i);
    // Enough for one round: wait for the kill without filling the disk.
    if (bytes > (std::uint64_t{24} << 20)) pause();
  }
}

struct Parsed {
  int round = -1;
  long long index = -1; // -1: the restarted kiosk's line
};

// The writer and index of an item id this test wrote, or nullopt when it is not one whole.
std::optional<Parsed> parseItem(const std::string& item) {
  Parsed p;
  if (item.rfind("restart-", 0) == 0) {
    p.round = std::atoi(item.c_str() + 8);
    return p;
  }
  long long padding = 0;
  int used = 0;
  if (std::sscanf(item.c_str(), "r%d-%lld-L%lld-%n", &p.round, &p.index, &padding, &used) != 3) return std::nullopt;
  if (static_cast<long long>(item.size()) - used != padding) return std::nullopt;
  const char letter = static_cast<char>('a' + p.index % 26);
  for (size_t k = static_cast<size_t>(used); k < item.size(); ++k)
    if (item[k] != letter) return std::nullopt;
  return p;
}

} // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 50;
  const unsigned seed = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10))
                                 : static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count());
  std::printf("visitlog-kill: %d rounds, seed %u\n", rounds, seed);
  std::mt19937 rng(seed);
  const fs::path dir = fs::temp_directory_path() / ("kiosk-visitlog-kill-" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto* progress = static_cast<Progress*>(mmap(nullptr, sizeof(Progress), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  if (progress == MAP_FAILED) {
    std::perror("visitlog-kill: mmap");
    return 2;
  }
  int failures = 0;
  auto fail = [&](const std::string& why) {
    if (++failures <= 20) std::fprintf(stderr, "visitlog-kill: FAIL: %s\n", why.c_str());
  };
  std::map<int, long long> next; // per round: the index its next line must have
  std::map<int, int> restarts;
  int lastRound = 0;
  std::uint64_t good = 0, bytes = 0;
  size_t torn = 0, files = 0;
  // Reads a finished day's file back, checks every line, and deletes the file, so the test
  // never holds more than a day of its log on disk.
  auto checkDay = [&](CivilDate day) {
    const auto read = readVisitLog(dir, day, day);
    if (!read.error.empty()) fail(read.error);
    for (const auto& e : read.events) {
      const auto p = parseItem(e.item);
      if (!p || p->round < 0 || p->round >= rounds) {
        fail("a line read back is not one this test wrote whole: " + e.item.substr(0, 60));
        continue;
      }
      if (p->round < lastRound) fail("round " + std::to_string(p->round) + " comes after round " + std::to_string(lastRound));
      lastRound = p->round;
      if (e.date != dayOf(p->round)) fail("round " + std::to_string(p->round) + " is in the file of " + e.date.iso());
      if (p->index < 0) {
        if (restarts[p->round]++ != 0) fail("the restart line of round " + std::to_string(p->round) + " is there twice");
        continue;
      }
      if (restarts[p->round] != 0) fail("round " + std::to_string(p->round) + " has a line after its restart line");
      if (p->index != next[p->round]) // a gap is a lost line; a repeat is a line written twice
        fail("round " + std::to_string(p->round) + " line " + std::to_string(p->index) + " follows line " +
             std::to_string(next[p->round] - 1));
      next[p->round] = p->index + 1;
      ++good;
    }
    for (const auto& f : read.files) {
      ++files;
      torn += f.skipped;
      if (f.tornTail) fail(f.name + " ends in a torn line although a restarted writer appended after every kill");
      std::error_code ec;
      bytes += fs::file_size(dir / f.name, ec);
      if (failures == 0) fs::remove(dir / f.name, ec);
    }
  };

  std::vector<std::uint64_t> flushed(static_cast<size_t>(rounds)), appended(static_cast<size_t>(rounds));
  for (int r = 0; r < rounds; ++r) {
    new (progress) Progress{};
    const unsigned childSeed = static_cast<unsigned>(rng());
    const pid_t pid = fork();
    if (pid < 0) {
      std::perror("visitlog-kill: fork");
      return 2;
    }
    if (pid == 0) child(dir, r, progress, childSeed);
    std::this_thread::sleep_for(std::chrono::microseconds(1000 + rng() % 19000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    flushed[static_cast<size_t>(r)] = progress->flushed.load();
    appended[static_cast<size_t>(r)] = progress->appended.load();
    {
      // The kiosk restarts and carries on writing to the same day's file.
      VisitLog log(dir, kNoBudget);
      auto e = event(r, 0, 0);
      e.item = "restart-" + std::to_string(r);
      log.append(e);
      log.flush();
      if (log.stats().written != 1) fail("the restarted writer could not write after round " + std::to_string(r));
    }
    if (r + 1 == rounds || dayOf(r + 1) != dayOf(r)) checkDay(dayOf(r));
  }

  std::uint64_t flushedTotal = 0, appendedTotal = 0, restartLines = 0;
  for (int r = 0; r < rounds; ++r) {
    const auto n = static_cast<std::uint64_t>(next[r]);
    const auto ru = static_cast<size_t>(r);
    flushedTotal += flushed[ru];
    appendedTotal += appended[ru];
    restartLines += static_cast<std::uint64_t>(restarts[r]);
    if (n < flushed[ru]) fail("round " + std::to_string(r) + ": " + std::to_string(n) + " lines read back but " + std::to_string(flushed[ru]) + " were flushed");
    if (n > appended[ru]) fail("round " + std::to_string(r) + ": more lines than were written");
    if (restarts[r] != 1) fail("round " + std::to_string(r) + ": the restarted kiosk's line is missing");
  }
  if (torn > static_cast<size_t>(rounds)) fail(std::to_string(torn) + " lines skipped, more than one per kill");
  std::printf("visitlog-kill: %d kills, %zu files, %.1f MiB; %llu child lines read back whole (%llu flushed before the kill, %llu "
              "appended), %llu restart lines, %zu torn lines skipped\n",
              rounds, files, static_cast<double>(bytes) / (1 << 20), static_cast<unsigned long long>(good),
              static_cast<unsigned long long>(flushedTotal), static_cast<unsigned long long>(appendedTotal),
              static_cast<unsigned long long>(restartLines), torn);
  if (failures) {
    std::fprintf(stderr, "visitlog-kill: %d failures; the log is kept in %s (seed %u)\n", failures, dir.c_str(), seed);
    return 1;
  }
  fs::remove_all(dir);
  std::printf("visitlog-kill: every line read back is whole and in order; nothing flushed was lost\n");
  return 0;
}
