#pragma once
// Keypad navigation (issue 17): which touch target has the focus, where the arrow keys take it,
// and what is said about it. Pure geometry and words over what a frame laid out (LayoutReport),
// so every screen of the layout matrix can be checked without a window.
//
// Left and Right go to the previous and next target in reading order (the order the screens
// place them: along a row, then the next row), so every target is reached by one of them and a
// blind visitor hears the screen in order (right to left, Left is "next"). Up and Down are
// spatial, as a sighted keypad user expects: the nearest target whose centre lies that way,
// preferring those in line with the focus (the card below, not one below and far to the side);
// where nothing lies that way, the next (Down) or previous (Up) in reading order. The layout
// matrix checks every screen with unreachableByKeypad.
#include "core/LayoutRules.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// The Universal Keypad's keys (and a keyboard's: see App::keypadAction).
enum class KeypadKey { Up, Down, Left, Right, Select, Back, Help, VolumeUp, VolumeDown, Speech, Slower, Faster };

// Parses "up", "down", "left", "right", "select", "back", "help", "volume-up", "volume-down",
// "speech", "slower", "faster" (scripts: `keypad down`).
std::optional<KeypadKey> keypadKeyNamed(const std::string& name);

// Targets the focus can rest on, in reading order (as the screens placed them). A target that
// covers the whole screen is a modal's backdrop (the idle question, the display choices) or the
// attract loop: only what was placed after it can have the focus, or the backdrop itself when
// nothing was (the attract loop, the idle question: one Select answers).
std::vector<const PlacedTarget*> focusableTargets(const LayoutReport& layout);
bool coversScreen(const LayoutReport& layout, const PlacedTarget& target);
// The last whole-screen target placed (Back taps it outside its panel), or null.
const PlacedTarget* modalBackdrop(const LayoutReport& layout);

// Where `key` (Up, Down, Left, Right) takes the focus from `from`; `from` not on the screen (or
// empty): the first focusable target. Empty when the screen has none. `rtl`: Left and Right
// follow the reading direction for the linear fallback (Right is "next" left to right).
std::string moveFocus(const LayoutReport& layout, const std::string& from, KeypadKey key, bool rtl = false);

// Targets no sequence of arrow keys reaches from `start` (the first focusable target when empty).
std::vector<std::string> unreachableByKeypad(const LayoutReport& layout, const std::string& start = {});

// The texts the screens set for a target (PlacedText::near == name), in order.
std::vector<const PlacedText*> textsOf(const LayoutReport& layout, const std::string& name);

// A text target's paragraphs: the texts set in the scroll area the target shows ("text": the
// item's column, whose paragraphs are read one by one), else textsOf(target).
std::vector<const PlacedText*> paragraphsOf(const LayoutReport& layout, const std::string& target);

// A target's kind, as the spoken catalogue names it: "button", "language", "section", "item",
// "picture", "map-point", "text", "digit" (the PIN pad)... (role_<kind> in ui-strings.toml).
std::string roleOf(const std::string& name);

// The target's place among those of its kind on the screen (cards, language buttons, pictures,
// map points): {3, 6} for "3 of 6"; {0, 0} when it is alone of its kind.
struct GroupPosition {
  int index = 0; // 1-based
  int count = 0;
};
GroupPosition positionOf(const LayoutReport& layout, const std::string& name);

// Where a scroll area must scroll so that `target` shows whole in it (its top first when it is
// taller than the view); nullopt when it is not in a scroll area or already shows whole.
std::optional<float> scrollToShow(const LayoutReport& layout, const std::string& target);

} // namespace kiosk
