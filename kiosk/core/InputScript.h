#pragma once
// A script of timed input for deterministic runs: tests, demos, staff previews.
//
//   # comment
//   wait 2s | wait 500ms | wait 1.5min | wait 2h      virtual time passes (drawing only its last frame)
//   wait 10s drawn                                     ...drawing every frame, as on a screen
//   wait 25min every 5s                                ...in coarse steps of 5 s, each one a frame
//                                                      with its pictures decoded (week-long soaks)
//   repeat 336 ... end                                 the lines between, 336 times (may nest)
//   sample soak.csv                                    appends memory, texture bytes and open
//                                                      files to a CSV in the screenshot folder
//   tap 960 540 | tap 50% 50% | tap @home            press and release in one frame
//   drag 900 800 900 300 [0.4s]                       press, move over the duration, release
//   press @home | press 960 540, then release         a finger down for one frame, then up
//   pinch 480 400 100 300 [0.5s]                      two fingers about a centre, from 100 px apart
//                                                      to 300 (multi-touch, as XInput 2.2 gives it)
//   key F2                                            a staff shortcut key
//   screenshot attract.png [now]                      the current frame as PNG (once pictures and
//                                                      fades are done; with 'now', as it is)
//   expect screen home | expect language en           stop with an error if not so
//   expect targets 9mm                                 every touch target on screen at least 9 mm
//   await reload [10s]                                 real time runs (and virtual time with it)
//                                                      until the content is reloaded from disk
//   open investment/industrial-base                   go straight to an item (paging benchmarks)
//   await pictures [20s]                               frames run (virtual time stands still) until
//                                                      every picture asked for is on the GPU
//   await workers [20s]                                ...until no worker is busy (content, pictures,
//                                                      the admin PIN check)
//   expect admin closed|pin|panel|pattern              the staff admin view's state
//   expect reachable                                   every touch target of the screen can be
//                                                      scrolled entirely into view (in low reach:
//                                                      into the reach band)
//   expect no-truncation                               no title, summary or label is cut short
//   expect stable-bar                                  switching to each language moves no
//                                                      language button
//   expect text Международный Шэньян                   this text (the rest of the line) is on screen
//   expect text-in zh-Hans 沈阳故宫                      ...and was laid out as that language (its own)
//   keypad down                                       a keypad key: up down left right select back
//                                                     help volume-up volume-down speech
//   expect focus @item:mukden-palace                  the keypad's focus is on that target
//   expect keypad-reachable                           every target here can be reached by arrow keys
//   expect said ru Назад                              the last announcement has that text, in that language
//   expect measure 90                                  no running text has lines longer than that
//   expect target @gallery:close | expect no-target @x  this touch target is (is not) on screen
//   expect target-side @back right                     its centre is in that half of the screen
//                                                      (left or right: a mirrored layout's check)
//   open home | open investment                        go straight to home or a section
//   set language ru                                    the visitor's language, as a tap on it would
//   set modes large-text,high-contrast,low-reach|none  the display choices, as the panel sets them
//   thumbnail sheet.png                                adds the frame, small, to a contact sheet
//                                                      in the screenshot folder (written as it grows)
#include "core/Diagnostic.h"

#include <string>
#include <vector>

namespace kiosk {

// A coordinate in pixels, or a fraction of the window when `relative`.
struct ScriptCoord {
  float value = 0;
  bool relative = false;
  float resolve(float extent) const { return relative ? value * extent : value; }
};

struct ScriptCommand {
  enum class Kind { Wait, Tap, Drag, Key, Screenshot, ExpectScreen, ExpectLanguage, AwaitReload, AwaitPictures, Open, ExpectTargets, Press, Release, Pinch, Sample, AwaitWorkers, ExpectAdmin, ExpectReachable, ExpectNoTruncation, ExpectStableBar, SetLanguage, SetModes, Thumbnail, ExpectText, ExpectTextIn, ExpectMeasure, ExpectTarget, ExpectPicture, ExpectTargetSide, Keypad, ExpectFocus, ExpectKeypadReachable, ExpectSaid };
  Kind kind = Kind::Wait;
  int line = 0;
  double seconds = 0;    // Wait, Drag duration
  std::string target;    // Tap "@name" without '@'; empty for coordinates
  ScriptCoord x, y, x2, y2;
  std::string text;      // Key name, screenshot file, expected value (ExpectTargetSide: left or right)
  double amount = 0;     // ExpectTargets: millimetres; Wait: the step in seconds (0: a frame each 1/60 s);
                         // ExpectPicture: the least height, a fraction of the screen's
  double limit = 0;      // ExpectPicture: how far down the screen its top may be, a fraction
};

struct InputScript {
  std::string file;
  std::vector<ScriptCommand> commands;
};

// Parses a script; every malformed line becomes an error diagnostic naming file:line:col.
InputScript parseInputScript(const std::string& text, const std::string& fileName, std::vector<Diagnostic>& diagnostics);

// "2s", "500ms", "1.5min", "2h", "3d" -> seconds; false when malformed.
bool parseDuration(const std::string& token, double& seconds);

} // namespace kiosk
