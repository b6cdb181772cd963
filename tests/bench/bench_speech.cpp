// bench_speech: how soon speech starts and what it costs the frame loop (issue 17).
// For a sentence in cmn, en and ru, 30 times each (`--quick`: 5): the time from say() to the
// first PCM chunk the player can take (streaming synthesis), with the voice loaded and with
// another voice spoken last (its dictionary loaded anew), against the time espeak-ng takes to
// synthesize the whole sentence after another voice (what a speaker that synthesizes first and
// plays after would wait), measured in the same run. Then the main thread's cost of update() per frame while
// speaking, against update() on a silent speaker and the 16.7 ms frame at 60 Hz. Playback is on
// a virtual clock (no sound device needed); with --device, also through the sound device.
#include "core/Clock.h"
#include "speech/EspeakEngine.h"
#include "speech/EspeakSpeaker.h"
#include "speech/SpeakerFactory.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using Steady = std::chrono::steady_clock;
using namespace kiosk;
using namespace kiosk::speech;

namespace {

// A speaker's options: playback on `clock` (none: the sound device), WAV files into `wavDir`.
EspeakSpeaker::Options on(const Clock* clock, std::string wavDir = {}) {
  EspeakSpeaker::Options o;
  o.clock = clock;
  o.wavDir = std::move(wavDir);
  return o;
}

double msSince(Steady::time_point t) {
  return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

struct Sentence {
  const char* language;
  const char* voice;
  const char* text;
};

const Sentence kSentences[] = {
    {"zh-Hans", "cmn", "沈阳是中国东北地区的中心城市，历史悠久，文化底蕴深厚，也是一座充满活力的现代化都市。"},
    {"en", "en",
     "Shenyang is the central city of northeast China, with a long history, a rich culture and a lively modern "
     "economy."},
    {"ru", "ru",
     "Шэньян — центральный город северо-востока Китая с долгой историей, богатой культурой и современной экономикой."},
};

// Frames of 1/60 s until the speaker is silent, timing each update(); returns the times in ms.
// `paced`: each frame also lasts 1/60 s of real time, as in the kiosk; else virtual time runs
// ahead of the worker and update() waits for it (scripted runs).
std::vector<double> frameCosts(EspeakSpeaker& s, VirtualClock& clock, int maxFrames, bool paced) {
  std::vector<double> ms;
  auto next = Steady::now();
  for (int i = 0; i < maxFrames && s.speaking(); ++i) {
    if (paced) {
      next += std::chrono::microseconds(16667);
      std::this_thread::sleep_until(next);
    }
    clock.advance(1.0 / 60);
    const auto t = Steady::now();
    s.update();
    ms.push_back(msSince(t));
  }
  return ms;
}

} // namespace

int main(int argc, char** argv) {
  bool quick = false, device = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0)
      quick = true;
    else if (std::strcmp(argv[i], "--device") == 0)
      device = true;
  }
  const int runs = quick ? 5 : 30;
  auto& engine = EspeakEngine::instance();
  if (!engine.usable()) {
    std::cerr << "bench_speech: " << engine.problem() << "\n";
    return 1;
  }
  // The speakers' log lines would drown the table.
  std::ostringstream log;
  std::streambuf* stderrBuf = std::cerr.rdbuf(log.rdbuf());

  std::printf("bench_speech: espeak-ng at %d Hz, chunks of %d ms, %d runs per language%s\n\n", engine.sampleRate(),
              EspeakEngine::kChunkMs, runs, quick ? " (--quick)" : "");
  std::printf("%-8s %-5s %8s | %-23s %8s %8s | %-23s %8s %8s | %-23s %8s %8s\n", "language", "voice", "audio s",
              "say() to first chunk:", "median", "p90", "same, voice switched:", "median", "p90",
              "baseline, whole text:", "median", "p90");
  VirtualClock clock;
  bool failed = false;
  // Another voice spoken last: the next say() loads its own (cmn's dictionary is 1.6 MB).
  auto switchVoice = [&](const Sentence& s) {
    engine.synthesizeNow(std::strcmp(s.voice, "en") ? "en" : "ru", 175, "a");
  };
  auto firstChunk = [&](const Sentence& sentence, std::vector<double>& into) {
    EspeakSpeaker s(on(&clock));
    s.say({{sentence.text, sentence.language}});
    const auto t0 = Steady::now();
    while (!s.firstSamplesMs() && msSince(t0) < 5000)
      std::this_thread::yield();
    if (const auto ms = s.firstSamplesMs())
      into.push_back(*ms);
    else
      failed = true;
    s.stop();
  };
  for (const auto& sentence : kSentences) {
    std::vector<double> warm, cold, whole;
    double audioSeconds = 0;
    for (int r = 0; r < runs; ++r) {
      firstChunk(sentence, warm); // the voice spoke last (warm after the first run)
      switchVoice(sentence);
      firstChunk(sentence, cold);
      switchVoice(sentence);
      const auto t = Steady::now();
      const auto pcm = engine.synthesizeNow(sentence.voice, EspeakSpeaker::wordsPerMinute(5), sentence.text);
      whole.push_back(msSince(t));
      audioSeconds = static_cast<double>(pcm.size()) / engine.sampleRate();
    }
    std::printf("%-8s %-5s %8.2f | %-23s %8.2f %8.2f | %-23s %8.2f %8.2f | %-23s %8.2f %8.2f\n", sentence.language,
                sentence.voice, audioSeconds, "", percentile(warm, 0.5), percentile(warm, 0.9), "",
                percentile(cold, 0.5), percentile(cold, 0.9), "", percentile(whole, 0.5), percentile(whole, 0.9));
  }

  // update() on the main thread, a frame at a time, while the three sentences are spoken.
  std::vector<double> speaking, ahead, silent;
  for (int r = 0; r < (quick ? 1 : 3); ++r) {
    for (const auto& sentence : kSentences) { // the first 3 s of each (1 s with --quick), in real time
      auto options = on(&clock);
      options.waitForSynthesis = false; // as the kiosk plays on a real clock without a sound device
      EspeakSpeaker s(options);
      s.say({{sentence.text, sentence.language}});
      const auto costs = frameCosts(s, clock, quick ? 60 : 180, true);
      speaking.insert(speaking.end(), costs.begin(), costs.end());
    }
    EspeakSpeaker s(on(&clock));
    std::vector<Utterance> parts;
    for (const auto& sentence : kSentences)
      parts.push_back({sentence.text, sentence.language});
    s.say(parts);
    const auto costs = frameCosts(s, clock, 60 * 60, false);
    ahead.insert(ahead.end(), costs.begin(), costs.end());
    for (int i = 0; i < 600; ++i) {
      clock.advance(1.0 / 60);
      const auto t = Steady::now();
      s.update();
      silent.push_back(msSince(t));
    }
  }
  std::printf("\n%-46s %10s %10s %10s\n", "main thread, per frame", "frames", "median ms", "max ms");
  std::printf("%-46s %10zu %10.4f %10.3f\n", "update() while speaking, real-time frames", speaking.size(),
              percentile(speaking, 0.5), percentile(speaking, 1.0));
  std::printf("%-46s %10zu %10.4f %10.3f\n", "update() while speaking, clock ahead (scripts)", ahead.size(),
              percentile(ahead, 0.5), percentile(ahead, 1.0));
  std::printf("%-46s %10zu %10.4f %10.3f\n", "baseline: update() of a silent speaker", silent.size(),
              percentile(silent, 0.5), percentile(silent, 1.0));
  std::printf("%-46s %10s %10.1f\n", "baseline: one frame at 60 Hz", "", 1000.0 / 60);

  if (device) {
    std::string why;
    if (!soundDeviceAvailable(why)) {
      std::printf("\nno sound device (%s): the device run is skipped\n", why.c_str());
    } else {
      std::vector<double> queued, stops;
      for (int r = 0; r < runs; ++r) {
        for (const auto& sentence : kSentences) {
          EspeakSpeaker s(on(nullptr));
          s.say({{sentence.text, sentence.language}});
          const auto t0 = Steady::now();
          while (!s.firstQueuedMs() && msSince(t0) < 5000)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
          if (const auto ms = s.firstQueuedMs()) queued.push_back(*ms);
          std::this_thread::sleep_for(std::chrono::milliseconds(50)); // speaking
          const auto t = Steady::now();
          s.stop(); // the streaming thread released and joined
          stops.push_back(msSince(t));
        }
      }
      std::printf("%-46s %10zu %10.2f %10.2f\n", "stop() while speaking (device, main thread)", stops.size(),
                  percentile(stops, 0.5), percentile(stops, 1.0));
      std::printf("%-46s %10zu %10.2f %10.2f (p90 %.2f)\n", "say() to first samples on the device", queued.size(),
                  percentile(queued, 0.5), percentile(queued, 1.0), percentile(queued, 0.9));
      EspeakSpeaker s(on(nullptr));
      std::vector<double> costs;
      s.say({{kSentences[1].text, "en"}});
      const auto t0 = Steady::now();
      while (s.speaking() && msSince(t0) < 20000) {
        const auto t = Steady::now();
        s.update();
        costs.push_back(msSince(t));
        std::this_thread::sleep_for(std::chrono::microseconds(16667));
      }
      std::printf("%-46s %10zu %10.4f %10.3f\n", "update() while speaking (sound device)", costs.size(),
                  percentile(costs, 0.5), percentile(costs, 1.0));
    }
  }
  std::cerr.rdbuf(stderrBuf);
  return failed ? 1 : 0;
}
