#include "core/InputScript.h"

#include "core/KeypadFocus.h"

#include <charconv>
#include <sstream>

namespace kiosk {
namespace {

struct Token {
  std::string text;
  int column;
};

std::vector<Token> tokenize(const std::string& line) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size() || line[i] == '#') break;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    out.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
  }
  return out;
}

bool parseNumber(const std::string& s, double& out) {
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e;
}

bool parseCoord(const std::string& s, ScriptCoord& out) {
  double v = 0;
  if (!s.empty() && s.back() == '%') {
    if (!parseNumber(s.substr(0, s.size() - 1), v) || v < 0 || v > 100) return false;
    out = {static_cast<float>(v / 100.0), true};
    return true;
  }
  if (!parseNumber(s, v) || v < 0) return false;
  out = {static_cast<float>(v), false};
  return true;
}

} // namespace

bool parseDuration(const std::string& token, double& seconds) {
  static const std::pair<const char*, double> units[] = {{"ms", 0.001}, {"min", 60}, {"s", 1}, {"h", 3600}, {"d", 86400}};
  for (const auto& [suffix, scale] : units) {
    const std::string u(suffix);
    if (token.size() > u.size() && token.compare(token.size() - u.size(), u.size(), u) == 0) {
      double v = 0;
      if (!parseNumber(token.substr(0, token.size() - u.size()), v) || v < 0) return false;
      seconds = v * scale;
      return true;
    }
  }
  return false;
}

InputScript parseInputScript(const std::string& text, const std::string& fileName, std::vector<Diagnostic>& diagnostics) {
  InputScript script;
  script.file = fileName;
  std::istringstream in(text);
  std::string line;
  int lineNo = 0;
  auto fail = [&](int column, const std::string& message) {
    Diagnostic d;
    d.file = fileName;
    d.line = lineNo;
    d.column = column;
    d.message = message;
    diagnostics.push_back(std::move(d));
  };
  struct Repeat {
    int count;
    size_t first; // index of the first command repeated
    int line;
  };
  std::vector<Repeat> repeats;
  while (std::getline(in, line)) {
    ++lineNo;
    const auto tokens = tokenize(line);
    if (tokens.empty()) continue;
    const std::string& verb = tokens[0].text;
    const auto argCount = tokens.size() - 1;
    ScriptCommand cmd;
    cmd.line = lineNo;
    auto need = [&](size_t min, size_t max, const char* usage) {
      if (argCount < min || argCount > max) {
        fail(tokens[0].column, "'" + verb + "' takes " + usage);
        return false;
      }
      return true;
    };
    if (verb == "wait") {
      if (!need(1, 4, "a duration, like 'wait 2s' (then 'drawn' to draw every frame, or 'every 5s' for coarse steps)")) continue;
      cmd.kind = ScriptCommand::Kind::Wait;
      if (!parseDuration(tokens[1].text, cmd.seconds)) {
        fail(tokens[1].column, "'" + tokens[1].text + "' is not a duration; write 2s, 500ms, 1.5min, 2h or 1d");
        continue;
      }
      bool bad = false;
      for (size_t t = 2; t < tokens.size() && !bad; ++t) {
        if (tokens[t].text == "drawn") {
          cmd.text = "drawn";
        } else if (tokens[t].text == "every" && t + 1 < tokens.size()) {
          ++t;
          if (!parseDuration(tokens[t].text, cmd.amount) || cmd.amount <= 0) {
            fail(tokens[t].column, "'" + tokens[t].text + "' is not a step; write 'every 5s'");
            bad = true;
          }
        } else {
          fail(tokens[t].column, "after the duration only 'drawn' (every frame drawn, for frame timing) or 'every 5s' (coarse steps) may follow");
          bad = true;
        }
      }
      if (bad) continue;
    } else if (verb == "repeat") {
      // Unrolled here: the runner sees plain commands, each still naming its own line.
      double n = 0;
      if (!need(1, 1, "a count, like 'repeat 336', and an 'end' line after the lines to repeat")) continue;
      if (!parseNumber(tokens[1].text, n) || n < 1 || n > 100000 || n != static_cast<int>(n)) {
        fail(tokens[1].column, "'" + tokens[1].text + "' is not a count from 1 to 100000");
        continue;
      }
      repeats.push_back({static_cast<int>(n), script.commands.size(), lineNo});
      continue;
    } else if (verb == "end") {
      if (!need(0, 0, "nothing: 'end' closes the last 'repeat'")) continue;
      if (repeats.empty()) {
        fail(tokens[0].column, "'end' without a 'repeat' before it");
        continue;
      }
      const Repeat r = repeats.back();
      repeats.pop_back();
      const std::vector<ScriptCommand> body(script.commands.begin() + static_cast<long>(r.first), script.commands.end());
      if (body.size() * static_cast<size_t>(r.count) > 2000000) {
        fail(tokens[0].column, "this 'repeat' would make more than 2 million commands; repeat fewer times");
        continue;
      }
      for (int i = 1; i < r.count; ++i) script.commands.insert(script.commands.end(), body.begin(), body.end());
      continue;
    } else if (verb == "sample") {
      if (!need(1, 1, "a CSV file name, like 'sample soak.csv'")) continue;
      cmd.kind = ScriptCommand::Kind::Sample;
      cmd.text = tokens[1].text;
      if (cmd.text.size() < 5 || cmd.text.compare(cmd.text.size() - 4, 4, ".csv") != 0 || cmd.text.find('/') != std::string::npos) {
        fail(tokens[1].column, "samples go to a CSV file in the screenshot folder; write a name ending in .csv");
        continue;
      }
    } else if (verb == "release") {
      if (!need(0, 0, "nothing: 'release' lifts the finger where it is")) continue;
      cmd.kind = ScriptCommand::Kind::Release;
    } else if (verb == "tap" || verb == "press") {
      cmd.kind = verb == "tap" ? ScriptCommand::Kind::Tap : ScriptCommand::Kind::Press;
      if (argCount == 1 && tokens[1].text.size() > 1 && tokens[1].text[0] == '@') {
        cmd.target = tokens[1].text.substr(1);
      } else {
        if (!need(2, 2, "a target like @home or two coordinates like '960 540' or '50% 50%'")) continue;
        if (!parseCoord(tokens[1].text, cmd.x) || !parseCoord(tokens[2].text, cmd.y)) {
          fail(tokens[1].column, "coordinates must be pixels (960) or percentages (50%)");
          continue;
        }
      }
    } else if (verb == "pinch") {
      if (!need(4, 5, "a centre, two finger spreads and an optional duration: pinch 480 400 100 300 0.5s")) continue;
      cmd.kind = ScriptCommand::Kind::Pinch;
      if (!parseCoord(tokens[1].text, cmd.x) || !parseCoord(tokens[2].text, cmd.y) || !parseCoord(tokens[3].text, cmd.x2) ||
          !parseCoord(tokens[4].text, cmd.y2)) {
        fail(tokens[1].column, "the centre and spreads must be pixels (960) or percentages (50%)");
        continue;
      }
      cmd.seconds = 0.5;
      if (argCount == 5 && !parseDuration(tokens[5].text, cmd.seconds)) {
        fail(tokens[5].column, "'" + tokens[5].text + "' is not a duration; write 0.5s");
        continue;
      }
    } else if (verb == "drag") {
      if (!need(4, 5, "four coordinates and an optional duration: drag 900 800 900 300 0.4s")) continue;
      cmd.kind = ScriptCommand::Kind::Drag;
      if (!parseCoord(tokens[1].text, cmd.x) || !parseCoord(tokens[2].text, cmd.y) ||
          !parseCoord(tokens[3].text, cmd.x2) || !parseCoord(tokens[4].text, cmd.y2)) {
        fail(tokens[1].column, "coordinates must be pixels (960) or percentages (50%)");
        continue;
      }
      cmd.seconds = 0.3;
      if (argCount == 5 && !parseDuration(tokens[5].text, cmd.seconds)) {
        fail(tokens[5].column, "'" + tokens[5].text + "' is not a duration; write 0.4s or 400ms");
        continue;
      }
    } else if (verb == "key") {
      if (!need(1, 1, "one key name, like 'key F2'")) continue;
      cmd.kind = ScriptCommand::Kind::Key;
      cmd.text = tokens[1].text;
    } else if (verb == "keypad") {
      if (!need(1, 1, "one keypad key, like 'keypad down' (up down left right select back help volume-up volume-down speech slower faster)")) continue;
      if (!keypadKeyNamed(tokens[1].text)) {
        fail(tokens[1].column, "'" + tokens[1].text + "' is not a keypad key; use up, down, left, right, select, back, help, volume-up, volume-down, speech, slower or faster");
        continue;
      }
      cmd.kind = ScriptCommand::Kind::Keypad;
      cmd.text = tokens[1].text;
    } else if (verb == "expect" && argCount == 2 && tokens[1].text == "focus") {
      if (tokens[2].text.size() < 2 || tokens[2].text[0] != '@') {
        fail(tokens[2].column, "name the target with '@': 'expect focus @back'");
        continue;
      }
      cmd.kind = ScriptCommand::Kind::ExpectFocus;
      cmd.target = tokens[2].text.substr(1);
    } else if (verb == "expect" && argCount == 1 && tokens[1].text == "keypad-reachable") {
      cmd.kind = ScriptCommand::Kind::ExpectKeypadReachable;
    } else if (verb == "expect" && argCount >= 3 && tokens[1].text == "said") {
      // expect said ru Назад: the last announcement has that text, spoken as that language.
      cmd.kind = ScriptCommand::Kind::ExpectSaid;
      cmd.target = tokens[2].text;
      cmd.text = line.substr(static_cast<size_t>(tokens[3].column - 1));
      while (!cmd.text.empty() && (cmd.text.back() == ' ' || cmd.text.back() == '\r' || cmd.text.back() == '\t')) cmd.text.pop_back();
    } else if (verb == "screenshot") {
      if (!need(1, 2, "one file name, like 'screenshot home.png' (and 'now' not to wait for anything)")) continue;
      cmd.kind = ScriptCommand::Kind::Screenshot;
      cmd.text = tokens[1].text;
      if (cmd.text.size() < 5 || cmd.text.compare(cmd.text.size() - 4, 4, ".png") != 0) {
        fail(tokens[1].column, "screenshots are PNG files; end the name with .png");
        continue;
      }
      if (argCount == 2) {
        if (tokens[2].text != "now") {
          fail(tokens[2].column, "after the file name only 'now' may follow (the frame as it is, mid-fade or decoding)");
          continue;
        }
        cmd.target = "now";
      }
    } else if (verb == "expect" && argCount == 1 &&
               (tokens[1].text == "reachable" || tokens[1].text == "no-truncation" || tokens[1].text == "stable-bar")) {
      cmd.kind = tokens[1].text == "reachable"       ? ScriptCommand::Kind::ExpectReachable
                 : tokens[1].text == "no-truncation" ? ScriptCommand::Kind::ExpectNoTruncation
                                                     : ScriptCommand::Kind::ExpectStableBar;
    } else if (verb == "expect" && argCount >= 2 && tokens[1].text == "text") {
      // expect text Международный Шэньян: the rest of the line, as written, was set this frame.
      cmd.kind = ScriptCommand::Kind::ExpectText;
      cmd.text = line.substr(static_cast<size_t>(tokens[2].column - 1));
      while (!cmd.text.empty() && (cmd.text.back() == ' ' || cmd.text.back() == '\r' || cmd.text.back() == '\t')) cmd.text.pop_back();
    } else if (verb == "expect" && argCount >= 3 && tokens[1].text == "text-in") {
      // expect text-in zh-Hans 沈阳故宫: that text was set this frame, laid out as zh-Hans.
      cmd.kind = ScriptCommand::Kind::ExpectTextIn;
      cmd.target = tokens[2].text;
      cmd.text = line.substr(static_cast<size_t>(tokens[3].column - 1));
      while (!cmd.text.empty() && (cmd.text.back() == ' ' || cmd.text.back() == '\r' || cmd.text.back() == '\t')) cmd.text.pop_back();
    } else if (verb == "expect" && (tokens.size() > 1 && (tokens[1].text == "target" || tokens[1].text == "no-target"))) {
      if (argCount != 2 || tokens[2].text.size() < 2 || tokens[2].text[0] != '@') {
        fail(tokens.size() > 2 ? tokens[2].column : tokens[1].column,
             "name one touch target with '@': 'expect " + tokens[1].text + " @gallery:close'");
        continue;
      }
      cmd.kind = ScriptCommand::Kind::ExpectTarget;
      cmd.target = tokens[2].text.substr(1);
      cmd.amount = tokens[1].text == "target" ? 1 : 0;
    } else if (verb == "expect" && tokens.size() > 1 && tokens[1].text == "target-side") {
      // expect target-side @back right: the target's centre is in the right half of the screen.
      if (argCount != 3 || tokens[2].text.size() < 2 || tokens[2].text[0] != '@' ||
          (tokens[3].text != "left" && tokens[3].text != "right")) {
        fail(tokens.size() > 2 ? tokens[2].column : tokens[1].column,
             "name one touch target and a side: 'expect target-side @back right' (left or right)");
        continue;
      }
      cmd.kind = ScriptCommand::Kind::ExpectTargetSide;
      cmd.target = tokens[2].text.substr(1);
      cmd.text = tokens[3].text;
    } else if (verb == "expect" && argCount == 2 && tokens[1].text == "measure") {
      cmd.kind = ScriptCommand::Kind::ExpectMeasure;
      double n = 0;
      if (!parseNumber(tokens[2].text, n) || n < 10 || n > 1000) {
        fail(tokens[2].column, "'" + tokens[2].text + "' is not a count of characters from 10 to 1000; write 'expect measure 90'");
        continue;
      }
      cmd.amount = n;
    } else if (verb == "expect" && tokens.size() > 1 && tokens[1].text == "picture") {
      // expect picture item 55% 12%: the item's picture is drawn at least 55% of the screen's
      // height tall, its top within the top 12%.
      auto fraction = [&](const Token& t, double& out) { // a percentage, as a tap's coordinates take it
        ScriptCoord coord;
        if (!parseCoord(t.text, coord) || !coord.relative) return false;
        out = coord.value;
        return true;
      };
      if (argCount != 4 || (tokens[2].text != "item" && tokens[2].text != "gallery") || !fraction(tokens[3], cmd.amount) ||
          !fraction(tokens[4], cmd.limit)) {
        fail(tokens[std::min<size_t>(tokens.size() - 1, 2)].column,
             "write 'expect picture item 55% 12%': the item's (or gallery's) picture at least 55% of the screen tall, its top "
             "within the top 12%");
        continue;
      }
      cmd.kind = ScriptCommand::Kind::ExpectPicture;
      cmd.target = tokens[2].text;
    } else if (verb == "set") {
      if (!need(2, 2, "'set language ru' or 'set modes large-text,low-reach' (or 'set modes none')")) continue;
      cmd.text = tokens[2].text;
      if (tokens[1].text == "language") {
        cmd.kind = ScriptCommand::Kind::SetLanguage;
      } else if (tokens[1].text == "modes") {
        cmd.kind = ScriptCommand::Kind::SetModes;
        bool bad = false;
        if (cmd.text != "none") {
          std::stringstream list(cmd.text);
          for (std::string mode; std::getline(list, mode, ',') && !bad;)
            if (mode != "large-text" && mode != "high-contrast" && mode != "low-reach") {
              fail(tokens[2].column, "'" + mode + "' is not a display choice; write large-text, high-contrast, low-reach (joined by commas) or none");
              bad = true;
            }
        }
        if (bad) continue;
      } else {
        fail(tokens[1].column, "'set' knows 'language' and 'modes'");
        continue;
      }
    } else if (verb == "thumbnail") {
      if (!need(1, 1, "a contact sheet's file name, like 'thumbnail sheet.png'")) continue;
      cmd.kind = ScriptCommand::Kind::Thumbnail;
      cmd.text = tokens[1].text;
      if (cmd.text.size() < 5 || cmd.text.compare(cmd.text.size() - 4, 4, ".png") != 0 || cmd.text.find('/') != std::string::npos) {
        fail(tokens[1].column, "contact sheets are PNG files in the screenshot folder; write a name ending in .png");
        continue;
      }
    } else if (verb == "expect") {
      if (!need(2, 2, "what and a value: 'expect screen home' or 'expect language en', or 'expect reachable', 'expect no-truncation', 'expect stable-bar'")) continue;
      if (tokens[1].text == "screen") {
        cmd.kind = ScriptCommand::Kind::ExpectScreen;
        const std::string& s = tokens[2].text;
        if (s != "attract" && s != "home" && s != "section" && s != "item") {
          fail(tokens[2].column, "screen must be attract, home, section or item");
          continue;
        }
      } else if (tokens[1].text == "language") {
        cmd.kind = ScriptCommand::Kind::ExpectLanguage;
      } else if (tokens[1].text == "admin") {
        cmd.kind = ScriptCommand::Kind::ExpectAdmin;
        const std::string& a = tokens[2].text;
        if (a != "closed" && a != "pin" && a != "panel" && a != "pattern") {
          fail(tokens[2].column, "the admin view is closed, pin, panel or pattern");
          continue;
        }
      } else if (tokens[1].text == "targets") {
        // expect targets 9mm: every touch target on screen is at least that big either way.
        cmd.kind = ScriptCommand::Kind::ExpectTargets;
        const std::string& t = tokens[2].text;
        char* end = nullptr;
        cmd.amount = std::strtod(t.c_str(), &end);
        if (end == t.c_str() || std::string(end) != "mm" || !(cmd.amount > 0 && cmd.amount < 100)) {
          fail(tokens[2].column, "'" + t + "' is not a size in millimetres; write 9mm");
          continue;
        }
      } else {
        fail(tokens[1].column, "'expect' knows 'screen', 'language', 'targets', 'admin', 'target', 'no-target', 'target-side', 'text', 'text-in', 'measure', 'picture', 'reachable', 'no-truncation', 'stable-bar', 'focus', 'keypad-reachable' and 'said'");
        continue;
      }
      cmd.text = tokens[2].text;
    } else if (verb == "open") {
      if (!need(1, 1, "'home', a section id or a section and item id: 'open investment/industrial-base'")) continue;
      const auto slash = tokens[1].text.find('/');
      if (slash == 0 || (slash != std::string::npos && slash + 1 == tokens[1].text.size())) {
        fail(tokens[1].column, "'" + tokens[1].text + "' is not home, SECTION or SECTION/ITEM, like investment/industrial-base");
        continue;
      }
      cmd.kind = ScriptCommand::Kind::Open;
      cmd.text = tokens[1].text;
    } else if (verb == "await") {
      if (!need(1, 2, "'reload', 'pictures' or 'workers' and an optional time limit: 'await reload 10s'")) continue;
      const std::string& what = tokens[1].text;
      if (what != "reload" && what != "pictures" && what != "workers") {
        fail(tokens[1].column, "'await' knows 'reload', 'pictures' and 'workers'");
        continue;
      }
      cmd.kind = what == "reload"     ? ScriptCommand::Kind::AwaitReload
                 : what == "pictures" ? ScriptCommand::Kind::AwaitPictures
                                      : ScriptCommand::Kind::AwaitWorkers;
      cmd.seconds = 10;
      if (argCount == 2 && !parseDuration(tokens[2].text, cmd.seconds)) {
        fail(tokens[2].column, "'" + tokens[2].text + "' is not a duration; write 10s");
        continue;
      }
    } else {
      fail(tokens[0].column, "unknown command '" + verb + "'; use wait, tap, press, release, drag, pinch, key, screenshot, expect, open, await, repeat, end, sample, set or thumbnail");
      continue;
    }
    script.commands.push_back(std::move(cmd));
  }
  for (const Repeat& r : repeats) {
    lineNo = r.line;
    fail(1, "this 'repeat' has no 'end'; add a line 'end' after the lines to repeat");
  }
  return script;
}

} // namespace kiosk
