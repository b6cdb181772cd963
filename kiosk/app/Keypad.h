#pragma once
// Keypad navigation of every screen and panel (issue 17): a USB keypad (the Universal Keypad's
// up, down, left, right, select, back, help, volume up and down, and a speech key) or a keyboard
// moves a visible focus ring over the touch targets a frame laid out, selects by tapping the
// focused target as a finger would (so every screen works unchanged), and, with speech on,
// says what has the focus: its text in the language it is written in, its role and its place
// ("item, 3 of 6"), long texts paragraph by paragraph, pictures by their description.
// Touch and keypad mix: a tap moves the focus to what was tapped.
//
// The geometry is core/KeypadFocus (tested over every screen of the layout matrix); this class
// keeps the state between frames and talks to the screens, the pointer and the speaker.
#include "core/KeypadFocus.h"
#include "core/Navigator.h"
#include "core/UiStrings.h"
#include "speech/Speaker.h"
#include "ui/HitTargets.h"
#include "ui/ImGuiSfml.h"
#include "ui/Screens.h"

#include <SFML/Window/Event.hpp>

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

// The key a keyboard or keypad event means: arrows, Enter or Space (select), Backspace or Escape
// (back), F1 or H (help), + and - (volume), the keypad's 0 or S (speech). Keypads present
// themselves as keyboards sending these.
std::optional<KeypadKey> keypadKeyFor(const sf::Event::KeyEvent& key);

class Keypad {
public:
  struct Context {
    Navigator& nav;
    ui::HitTargets& targets;
    ui::Screens& screens;
    ui::ImGuiSfml& imgui;
    const UiStrings& strings;
    speech::Speaker* speaker = nullptr; // null: no speech (the focus ring still works)
    Seconds now = 0;
    bool rtl = false; // the visitor's language is written right to left
    bool settling = false; // a new screen is fading in (the old one's targets may still be laid out)
  };

  void press(KeypadKey key) { m_pending.push_back(key); }
  // Headphones were plugged in: speech starts (if it is not on), saying where the visitor is and
  // how the keys work.
  void requestSpeech() { m_startSpeech = true; }
  // After the screens laid out the frame: applies the keys pressed since the last frame, follows
  // screen changes and taps, speaks, and draws the focus ring on top of the frame.
  void afterLayout(Context& c);
  // The visit ended (the attract loop is back): no ring, speech off until it is asked for again.
  void endVisit();

  bool active() const { return m_active; }
  bool speechOn() const { return m_speech; }
  const std::string& focus() const { return m_focus; }
  // What was last said (tests, the e2e speech log).
  const std::vector<speech::Utterance>& lastSaid() const { return m_lastSaid; }

private:
  std::string placeOf(const Context& c) const;
  std::string preferredFocus(const Context& c) const;
  void handle(Context& c, KeypadKey key);
  void tap(Context& c, float x, float y);
  void back(Context& c);
  void say(Context& c, std::vector<speech::Utterance> parts, bool evenWithSpeechOff = false);
  std::vector<speech::Utterance> describe(const Context& c, const std::string& target) const;
  std::vector<speech::Utterance> screenTitle(const Context& c) const;
  speech::Utterance ui(const Context& c, const std::string& key, const UiStrings::Args& args = {}) const;
  void drawRing(const Context& c) const;

  std::deque<KeypadKey> m_pending;
  std::string m_focus;
  std::string m_place;      // the screen the focus belongs to
  std::string m_language;   // the visitor's language when it was last said
  std::string m_beforeModal; // the focus when a panel or question opened, given back when it closes
  bool m_modal = false;      // a panel, question or the attract loop covered the screen when last seen
  bool m_active = false;    // a keypad key was pressed in this visit: the ring shows
  bool m_speech = false;    // speech was started in this visit
  size_t m_paragraph = 0;   // the next paragraph of a text target read by Select
  std::vector<speech::Utterance> m_lastSaid;
  bool m_longPressed = false; // the finger now down has started speech already
  bool m_startSpeech = false; // requestSpeech() since the last frame
  static constexpr float kLongPressSeconds = 1.0f;
};

} // namespace kiosk::app
