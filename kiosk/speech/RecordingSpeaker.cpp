#include "speech/RecordingSpeaker.h"

#include "speech/VoiceMap.h"

#include <algorithm>

namespace kiosk::speech {

void RecordingSpeaker::say(const std::vector<Utterance>& parts) {
  m_calls.push_back({"say", parts, 0});
  m_last = parts;
  m_speaking = !parts.empty();
}

void RecordingSpeaker::stop() {
  m_calls.push_back({"stop", {}, 0});
  m_speaking = false;
}

void RecordingSpeaker::repeat() {
  m_calls.push_back({"repeat", m_last, 0});
  m_speaking = !m_last.empty();
}

int RecordingSpeaker::changeVolume(int steps) {
  m_volume = std::clamp(m_volume + steps, 0, 10);
  m_calls.push_back({"volume", {}, m_volume});
  return m_volume;
}

int RecordingSpeaker::changeRate(int steps) {
  m_rate = std::clamp(m_rate + steps, 0, 10);
  m_calls.push_back({"rate", {}, m_rate});
  return m_rate;
}

void RecordingSpeaker::endVisit() {
  m_calls.push_back({"endVisit", {}, 0});
  m_volume = m_rate = 5;
  m_speaking = false;
}

bool RecordingSpeaker::hasVoice(const std::string& language) const {
  return !language.empty() && !m_voiceless.count(language) && !m_voiceless.count(primaryLanguage(language));
}

std::vector<std::string> RecordingSpeaker::spoken() const {
  std::vector<std::string> out;
  for (const auto& c : m_calls) {
    if (c.what != "say" && c.what != "repeat") continue;
    std::string line;
    for (const auto& u : c.parts)
      line += (line.empty() ? "" : " | ") + u.text;
    out.push_back(line);
  }
  return out;
}

} // namespace kiosk::speech
