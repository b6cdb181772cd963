#include "speech/EspeakSpeaker.h"
#include "TempFolder.h"
#include "speech/EspeakEngine.h"
#include "speech/SpeakerFactory.h"

#include <SFML/Audio/InputSoundFile.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;
using namespace kiosk::speech;
namespace fs = std::filesystem;

namespace {

// A speaker's options: playback on `clock` (none: the sound device), WAV files into `wavDir`.
EspeakSpeaker::Options on(const Clock* clock, std::string wavDir = {}) {
  EspeakSpeaker::Options o;
  o.clock = clock;
  o.wavDir = std::move(wavDir);
  return o;
}
struct CapturedLog { // std::cerr's lines while it lives
  std::ostringstream text;
  std::streambuf* previous = std::cerr.rdbuf(text.rdbuf());
  ~CapturedLog() { std::cerr.rdbuf(previous); }
};

int peak(const std::vector<std::int16_t>& pcm) {
  int p = 0;
  for (auto s : pcm)
    p = std::max(p, std::abs(static_cast<int>(s)));
  return p;
}

// Frames of 1/60 s on `clock` until the speaker falls silent (at most `seconds`).
void playOut(EspeakSpeaker& s, VirtualClock& clock, double seconds = 30) {
  for (int i = 0; i < seconds * 60 && s.speaking(); ++i) {
    clock.advance(1.0 / 60);
    s.update();
  }
}

std::vector<fs::path> wavFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}
} // namespace

TEST_CASE("[EspeakSpeaker] a short text in cmn, en and ru is synthesized as audible speech of a plausible length") {
  auto& engine = EspeakEngine::instance();
  REQUIRE_MESSAGE(engine.usable(), engine.problem());
  struct Row {
    const char* voice;
    const char* text;
  };
  for (const Row& r :
       {Row{"cmn", "欢迎来到沈阳"}, Row{"en", "Welcome to Shenyang"}, Row{"ru", "Добро пожаловать в Шэньян"}}) {
    CAPTURE(r.voice);
    const auto pcm = engine.synthesizeNow(r.voice, EspeakSpeaker::wordsPerMinute(5), r.text);
    const double seconds = static_cast<double>(pcm.size()) / engine.sampleRate();
    CHECK(seconds > 0.5); // a few words at 175 words a minute
    CHECK(seconds < 5.0);
    CHECK(peak(pcm) > 3000); // not silence
  }
  CHECK(engine.synthesizeNow("no-such-voice", 175, "Hello").empty());
}

TEST_CASE("[EspeakSpeaker] on a virtual clock each utterance is written as a WAV file of the samples played, in its "
          "language's voice") {
  test::TempFolder dir;
  VirtualClock clock;
  CapturedLog log;
  EspeakSpeaker s(on(&clock, dir.path().string()));
  REQUIRE(s.usable());
  s.say({{"沈阳", "zh-Hans"}, {"Shenyang", "en"}, {"Шэньян", "ru"}});
  CHECK(s.speaking());
  playOut(s, clock);
  CHECK_FALSE(s.speaking());
  const auto files = wavFiles(dir.path());
  REQUIRE(files.size() == 3);
  CHECK(files[0].filename() == "001-zh-Hans.wav");
  CHECK(files[1].filename() == "002-en.wav");
  CHECK(files[2].filename() == "003-ru.wav");
  std::uint64_t total = 0;
  for (const auto& f : files) {
    CAPTURE(f.string());
    sf::InputSoundFile in;
    REQUIRE(in.openFromFile(f.string()));
    CHECK(in.getSampleRate() == static_cast<unsigned>(s.sampleRate()));
    CHECK(in.getChannelCount() == 1);
    CHECK(in.getSampleCount() > static_cast<std::uint64_t>(s.sampleRate() / 5)); // over 0.2 s
    total += in.getSampleCount();
  }
  CHECK(total == s.samplesPlayed());
  // The same texts synthesized whole: what was played is all of them, no more (espeak-ng's
  // output varies by a few samples from run to run).
  auto& engine = EspeakEngine::instance();
  const auto whole = engine.synthesizeNow("cmn", 175, "沈阳").size() +
                     engine.synthesizeNow("en", 175, "Shenyang").size() +
                     engine.synthesizeNow("ru", 175, "Шэньян").size();
  CHECK(std::abs(static_cast<double>(total) - static_cast<double>(whole)) < whole * 0.01);
  const std::string lines = log.text.str();
  CHECK(lines.find("kiosk: speech: voice=cmn lang=zh-Hans \"沈阳\"\n") != std::string::npos);
  CHECK(lines.find("kiosk: speech: voice=en lang=en \"Shenyang\"\n") != std::string::npos);
  CHECK(lines.find("kiosk: speech: voice=ru lang=ru \"Шэньян\"\n") != std::string::npos);
  CHECK(lines.find("stopped") == std::string::npos);
}

TEST_CASE("[EspeakSpeaker] stop() in the middle of an utterance cuts its WAV file short and logs the stop") {
  test::TempFolder dir;
  VirtualClock clock;
  CapturedLog log;
  EspeakSpeaker s(on(&clock, dir.path().string()));
  const std::string text =
      "The Shenyang Imperial Palace was built in 1625 and is one of the two palace complexes in China.";
  const auto full = EspeakEngine::instance().synthesizeNow("en", 175, text).size();
  s.say({{text, "en"}});
  for (int i = 0; i < 30; ++i) { // half a second
    clock.advance(1.0 / 60);
    s.update();
  }
  s.stop();
  CHECK_FALSE(s.speaking());
  playOut(s, clock, 2); // nothing more is played
  const auto files = wavFiles(dir.path());
  REQUIRE(files.size() == 1);
  sf::InputSoundFile in;
  REQUIRE(in.openFromFile(files[0].string()));
  CHECK(in.getSampleCount() == s.samplesPlayed());
  CHECK(in.getSampleCount() < full / 2);
  CHECK(std::abs(static_cast<double>(in.getSampleCount()) - 0.5 * s.sampleRate()) <
        s.sampleRate() / 30.0); // within 2 frames of 0.5 s
  CHECK(log.text.str().find("kiosk: speech: stopped\n") != std::string::npos);
}

TEST_CASE("[EspeakSpeaker] volume and rate step within 0..10 and return to their defaults when the visit ends") {
  VirtualClock clock;
  CapturedLog log;
  EspeakSpeaker s(on(&clock));
  CHECK(s.volume() == EspeakSpeaker::kDefaultVolume);
  CHECK(s.changeVolume(+3) == 8);
  CHECK(s.changeVolume(+9) == 10);
  CHECK(s.changeRate(-2) == 3);
  CHECK(s.changeRate(-9) == 0);
  s.say({{"Hello", "en"}});
  s.endVisit();
  CHECK_FALSE(s.speaking());
  CHECK(s.volume() == EspeakSpeaker::kDefaultVolume);
  CHECK(s.rate() == EspeakSpeaker::kDefaultRate);
  CHECK(EspeakSpeaker::gain(10) == doctest::Approx(1.0));
  CHECK(EspeakSpeaker::gain(0) == 0.0f);
  CHECK(EspeakSpeaker::gain(4) < EspeakSpeaker::gain(5));
  CHECK(EspeakSpeaker::wordsPerMinute(5) == 175);
  CHECK(EspeakSpeaker::wordsPerMinute(3) < 175);
}

TEST_CASE("[EspeakSpeaker] a louder volume plays louder samples, and a faster rate fewer of them") {
  test::TempFolder quiet, loud;
  VirtualClock clock;
  CapturedLog log;
  auto play = [&](const fs::path& dir, int volumeSteps, int rateSteps) {
    EspeakSpeaker s(on(&clock, dir.string()));
    s.changeVolume(volumeSteps);
    s.changeRate(rateSteps);
    s.say({{"Welcome to Shenyang", "en"}});
    playOut(s, clock);
    sf::InputSoundFile in;
    REQUIRE(in.openFromFile(wavFiles(dir).at(0).string()));
    std::vector<std::int16_t> pcm(in.getSampleCount());
    in.read(pcm.data(), pcm.size());
    return pcm;
  };
  const auto a = play(quiet.path(), 0, 0), b = play(loud.path(), +5, +4);
  CHECK(peak(b) > peak(a) * 2);
  CHECK(b.size() < a.size() * 3 / 4);
}

TEST_CASE("[EspeakSpeaker] a language without a voice is announced once per visit in the visitor's language, then read "
          "by a stand-in") {
  VirtualClock clock;
  CapturedLog log;
  std::vector<std::string> asked;
  auto options = on(&clock);
  options.notice = [&](const std::string& visitor, const std::string& language, const std::string& standIn) {
    asked.push_back(visitor + " " + language + " " + standIn);
    return Utterance{"Monggol duu baikhgui", visitor};
  };
  EspeakSpeaker s(options);
  CHECK_FALSE(s.hasVoice("mn"));
  CHECK(s.hasVoice("zh-Hans"));
  s.setVisitorLanguage("mn");
  s.say({{"Сайн байна уу", "mn"}});
  playOut(s, clock);
  s.say({{"Баярлалаа", "mn"}});
  playOut(s, clock);
  CHECK(asked == std::vector<std::string>{"mn mn ru"});
  const std::string lines = log.text.str();
  CHECK(lines.find("kiosk: speech: voice=ru lang=mn \"Monggol duu baikhgui\"\n") != std::string::npos);
  CHECK(lines.find("kiosk: speech: voice=ru lang=mn \"Сайн байна уу\"\n") != std::string::npos);
  CHECK(lines.find("kiosk: speech: voice=ru lang=mn \"Баярлалаа\"\n") != std::string::npos);
  s.endVisit(); // the next visitor hears it again
  s.say({{"Баярлалаа", "mn"}});
  playOut(s, clock);
  CHECK(asked.size() == 2);
}

TEST_CASE("[EspeakSpeaker] repeat() says the last words again from their start") {
  test::TempFolder dir;
  VirtualClock clock;
  CapturedLog log;
  EspeakSpeaker s(on(&clock, dir.path().string()));
  s.say({{"Home", "en"}});
  playOut(s, clock);
  s.repeat();
  CHECK(s.speaking());
  playOut(s, clock);
  const auto files = wavFiles(dir.path());
  REQUIRE(files.size() == 2);
  const auto a = static_cast<double>(fs::file_size(files[0])), b = static_cast<double>(fs::file_size(files[1]));
  CHECK(std::abs(a - b) < a * 0.01); // the same words, give or take espeak-ng's few samples
  CHECK(a > 10000);
}

TEST_CASE("[EspeakSpeaker] through the sound device speech plays as it is synthesized and stop() silences it at once") {
  // OpenAL Soft's null device where there is no sound card (CI, containers): the same code path.
  setenv("ALSOFT_DRIVERS", "null", 0);
  std::string why;
  if (!soundDeviceAvailable(why)) {
    MESSAGE("no sound device: " << why);
    return;
  }
  CapturedLog log;
  EspeakSpeaker s(on(nullptr));
  REQUIRE(s.onDevice());
  s.say({{"Welcome to Shenyang, the central city of northeast China.", "en"}});
  CHECK(s.speaking());
  const auto t0 = std::chrono::steady_clock::now();
  while (!s.firstQueuedMs() && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5))
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  REQUIRE(s.firstQueuedMs());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  s.update();
  CHECK(s.speaking()); // three seconds of speech: still playing
  const auto t1 = std::chrono::steady_clock::now();
  s.stop();
  CHECK(std::chrono::steady_clock::now() - t1 < std::chrono::milliseconds(500));
  CHECK_FALSE(s.speaking());
  const std::string lines = log.text.str();
  CHECK(lines.find("kiosk: speech: voice=en lang=en \"Welcome to Shenyang, the central city of northeast China.\"\n") !=
        std::string::npos);
  CHECK(lines.find("kiosk: speech: stopped\n") != std::string::npos);
  // A short word plays to its end by itself.
  s.say({{"Home", "en"}});
  for (int i = 0; i < 300 && s.speaking(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    s.update();
  }
  CHECK_FALSE(s.speaking());
}
