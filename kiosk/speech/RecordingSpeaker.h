#pragma once
// A Speaker that only remembers what it was asked, for the unit tests of what drives speech
// (keypad navigation, the idle question): no engine, no sound, no thread.
#include "speech/Speaker.h"

#include <set>
#include <string>
#include <vector>

namespace kiosk::speech {

class RecordingSpeaker final : public Speaker {
public:
  // Every call in order: "say", "stop", "repeat", "volume", "rate", "endVisit".
  struct Call {
    std::string what;
    std::vector<Utterance> parts; // for "say" (and "repeat": what was said again)
    int level = 0;                // for "volume" and "rate": the new level
  };
  // Languages without a voice (hasVoice is false for them and their subtags' primary language).
  explicit RecordingSpeaker(std::set<std::string> voiceless = {"mn"}) : m_voiceless(std::move(voiceless)) {}

  void say(const std::vector<Utterance>& parts) override;
  void stop() override;
  void repeat() override;
  int changeVolume(int steps) override;
  int changeRate(int steps) override;
  void endVisit() override;
  bool speaking() const override { return m_speaking; }
  void update() override {}
  bool hasVoice(const std::string& language) const override;
  void setVisitorLanguage(const std::string& language) override { m_visitorLanguage = language; }

  const std::vector<Call>& calls() const { return m_calls; }
  // The texts of every "say", in order, joined per call with " | ".
  std::vector<std::string> spoken() const;
  const std::vector<Utterance>& last() const { return m_last; }
  const std::string& visitorLanguage() const { return m_visitorLanguage; }
  int volume() const { return m_volume; }
  int rate() const { return m_rate; }
  void clear() { m_calls.clear(); }
  // A test ends the speech as playback would.
  void finishSpeaking() { m_speaking = false; }

private:
  std::set<std::string> m_voiceless;
  std::vector<Call> m_calls;
  std::vector<Utterance> m_last;
  std::string m_visitorLanguage;
  int m_volume = 5;
  int m_rate = 5;
  bool m_speaking = false;
};

} // namespace kiosk::speech
