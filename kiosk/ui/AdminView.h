#pragma once
// The staff admin view: a PIN pad, opened by the hidden corner gesture on the attract loop, then
// a panel with the kiosk's state (content version, problems, translations, health, recent
// errors) and its actions (reload, attract loop, test pattern, exit). The App owns the logic (PIN
// check on a worker, lockout, actions); Screens draws this model and reports what was tapped.
#include "core/Clock.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk::ui {

struct AdminModel {
  enum class Mode { Closed, Pin, Panel, TestPattern };
  enum class Action { None, Digit, Delete, SubmitPin, Cancel, Reload, Attract, TestPattern, Exit, Close };

  Mode mode = Mode::Closed;
  // The staff's language (kiosk.toml's staff_language, else --language or the locale) and the
  // view's words in it, by key of assets/staff-strings.toml ("admin_close"...), filled by the App.
  std::string language = "en";
  std::map<std::string, std::string> words;
  std::string word(const std::string& key, const char* english) const {
    auto it = words.find(key);
    return it == words.end() || it->second.empty() ? std::string(english) : it->second;
  }
  // The corner zones' side in pixels when the hidden gesture is on (a PIN is set), else 0: a
  // tap in a corner of the attract loop then wakes it like any other.
  float cornerZone = 0;

  // The PIN pad: digits typed so far (drawn as dots), a check under way, and what to say.
  std::string digits;
  bool checking = false;
  std::string pinMessage;

  // The panel, filled by the App about once a second while it is open.
  struct Line {
    std::string text;
    int level = 0; // 0 plain, 1 warning, 2 error
  };
  std::string title;                 // "Kiosk 0.1.0 on kiosk-07"
  std::vector<Line> status;          // content version, health figures
  std::vector<Line> problems;        // content diagnostics, then recent errors from the log
  std::vector<Line> translations;    // coverage per language
  bool exitArmed = false;            // "Exit" tapped once: the next tap within 4 s exits
  Seconds exitArmedAt = 0;

  // Set by Screens for the frame a button was tapped; the App handles and clears it.
  Action action = Action::None;
  char digit = 0; // Action::Digit
};

} // namespace kiosk::ui
