#pragma once
// Runs an input script against the real app on a virtual clock, frame by frame: 60 frames per
// virtual second, each with full input and layout; only frames that matter are drawn on the GPU.
#include "app/App.h"
#include "app/ContactSheet.h"
#include "core/InputScript.h"

#include <chrono>
#include <functional>
#include <map>
#include <vector>

#include <string>
#include <utility>

namespace kiosk::app {

class ScriptRunner {
public:
  ScriptRunner(App& app, VirtualClock& clock, std::string screenshotDir);
  // Runs every command; returns 0 when all succeeded, 1 (with a message on stderr) otherwise.
  int run(const InputScript& script);

private:
  bool step(bool present, const std::string& screenshot = {});
  bool waitUntilReady();
  bool coarseWait(double seconds, double stepSeconds);
  bool sample(const std::string& csvName);
  bool fail(const ScriptCommand& cmd, const std::string& message);
  bool resolve(const ScriptCommand& cmd, const ScriptCoord& x, const ScriptCoord& y, float& px, float& py);
  // The screen, language, size and display choices, for messages: "home (ru, 1280x1024, low reach)".
  std::string where() const;
  static std::string join(const std::vector<std::string>& problems);
  bool writeSheets();
  // Lets a screen finish fading in and its pictures and glyphs arrive (what a visitor sees).
  bool awaitMedia();
  // Undrawn frames in real time (virtual time stands still) while `busy` holds, at most `limit`:
  // what workers do (decodes, fonts, films, a reload) finishes before the script goes on.
  bool framesWhile(const std::function<bool()>& busy, std::chrono::seconds limit);
  bool settle();
  // A layout rule's verdict: counted, and a failure printed without ending the run.
  void check(const ScriptCommand& cmd, bool passed, const std::string& message);

  App& m_app;
  VirtualClock& m_clock;
  std::string m_dir;
  std::string m_file;
  std::string m_error;
  std::pair<float, float> m_pressed{0, 0}; // where the last 'press' put the finger
  std::map<std::string, ContactSheet> m_sheets; // by file name
  int m_checks = 0;       // layout rules checked
  int m_failedChecks = 0; // ...and failed
};

// Reads a script file and runs it; the whole of `kiosk --script`.
int runScriptFile(App& app, VirtualClock& clock, const std::string& scriptFile, const std::string& screenshotDir);

} // namespace kiosk::app
