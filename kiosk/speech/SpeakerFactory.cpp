#include "speech/SpeakerFactory.h"

#include "speech/EspeakEngine.h"

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>
#include <SFML/System/Err.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace kiosk::speech {
namespace {
// Without espeak-ng: nothing is spoken and no language has a voice.
class SilentSpeaker final : public Speaker {
public:
  void say(const std::vector<Utterance>&) override {}
  void stop() override {}
  void repeat() override {}
  int changeVolume(int steps) override { return m_volume = std::clamp(m_volume + steps, 0, 10); }
  int changeRate(int steps) override { return m_rate = std::clamp(m_rate + steps, 0, 10); }
  void endVisit() override { m_volume = m_rate = 5; }
  bool speaking() const override { return false; }
  void update() override {}
  bool hasVoice(const std::string&) const override { return false; }

private:
  int m_volume = 5, m_rate = 5;
};
} // namespace

bool soundDeviceAvailable(std::string& why) {
  // SFML opens the device with its first sound source and reports a failure only on sf::err().
  static const std::string problem = [] {
    std::ostringstream captured;
    std::streambuf* previous = sf::err().rdbuf(captured.rdbuf());
    { sf::Sound probe; }
    sf::err().rdbuf(previous);
    return captured.str();
  }();
  why = problem.substr(0, problem.find('\n')); // SFML's first line; OpenAL's details follow

  return problem.find("Failed") == std::string::npos;
}

std::unique_ptr<Speaker> makeSpeaker(const SpeakerOptions& options) {
  auto& engine = EspeakEngine::instance();
  if (!engine.usable()) {
    std::cerr << "kiosk: speech: off: " << engine.problem() << "\n";
    return std::make_unique<SilentSpeaker>();
  }
  EspeakSpeaker::Options o;
  o.notice = options.notice;
  std::string why;
  if (options.virtualClock) {
    o.clock = options.clock;
    o.wavDir = options.wavDir;
    std::cerr << "kiosk: speech: espeak-ng, played silently on the script's clock"
              << (o.wavDir.empty() ? std::string() : ", written to " + o.wavDir + "/NNN-<lang>.wav") << "\n";
  } else if (!soundDeviceAvailable(why)) {
    o.clock = options.clock;
    o.waitForSynthesis = false;
    std::cerr << "kiosk: speech: no sound device (" << (why.empty() ? "unknown" : why)
              << "); speech is silent and only logged\n";
  } else {
    std::cerr << "kiosk: speech: espeak-ng on the sound device, " << engine.languages().size() << " voice languages\n";
  }
  return std::make_unique<EspeakSpeaker>(std::move(o));
}

} // namespace kiosk::speech
