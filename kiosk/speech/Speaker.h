#pragma once
// Speech output for visitors who cannot see the screen (issue 17): the interface the keypad
// navigation, the idle question and the panels talk to, and that the espeak-ng engine (and a
// recording one for tests) implement. No SFML, OpenGL or ImGui here.
//
// Every call returns at once: synthesis and playback run on workers, so no frame waits.
// `say` replaces whatever is being spoken (a visitor moving the focus interrupts the last
// announcement), each part in the voice of its own language (a fallback English text in an
// English voice, a Chinese title in a Chinese voice).
#include <string>
#include <vector>

namespace kiosk::speech {

struct Utterance {
  std::string text;     // plain text, UTF-8 (no Markdown)
  std::string language; // BCP 47 tag of the language the text is written in
};

class Speaker {
public:
  virtual ~Speaker() = default;
  // Stops what is being spoken and speaks `parts` one after the other.
  virtual void say(const std::vector<Utterance>& parts) = 0;
  virtual void stop() = 0;   // silence now
  virtual void repeat() = 0; // the last `say` again, from its start
  // Steps up (+1) or down (-1); each call returns the new level for a visible indicator.
  virtual int changeVolume(int steps) = 0; // 0..10
  virtual int changeRate(int steps) = 0;   // 0..10 (5: the voice's normal rate)
  // The visit ended: silence, and volume and rate back to their defaults.
  virtual void endVisit() = 0;
  virtual bool speaking() const = 0;
  // Called once per frame on the main thread (cheap): hands finished work over, logs.
  virtual void update() = 0;
  // Whether `language` has a voice (Mongolian has none in espeak-ng 1.51).
  virtual bool hasVoice(const std::string& language) const = 0;
  // The visitor's language (the screen's): a language without a voice is announced once per
  // visit in it. Cheap; the app calls it every frame.
  virtual void setVisitorLanguage(const std::string& language) { (void)language; }
};

} // namespace kiosk::speech
