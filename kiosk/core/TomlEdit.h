#pragma once
// Edits one value of a TOML file staff wrote, in place: only the characters of that value change
// (or one line is added for a new key), so their comments, blank lines, order and quoting stay as
// they wrote them. The editor and `translations import` write through this, never by printing a
// parsed document again. Every result is parsed again and checked to hold the value asked for;
// an edit that cannot be made that way is refused with a sentence, and the text is left alone.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::tomledit {

// A key path: table keys and, for an array of tables, the element's 0-based index written as a
// number: {"images", "1", "caption", "en"} is the second [[images]]'s caption.en.
using Path = std::vector<std::string>;

struct Result {
  std::string text;  // the whole file after the edit (the input when refused)
  std::string error; // empty: done
  bool ok() const { return error.empty(); }
};

// Sets the string at `path`. An existing value's own source range is replaced; a missing key is
// added as `key = "value"` after the last key of its table (or `a.b = ...` for a table that has
// no header of its own, or a new [table] at the end when there is none).
Result setString(std::string_view text, const Path& path, std::string_view value);
// The same with a value already written as TOML: "42", "true", "2026-12-15", "[1, 2]".
Result setValue(std::string_view text, const Path& path, std::string_view tomlLiteral);
// Removes a `key = value` that stands on its own line(s), with that line; refused otherwise.
Result removeKey(std::string_view text, const Path& path);
// Adds an element to the array of tables at `array` ({"images"}, {"map", "points"}): `block` is the
// element as staff would write it, its header first ("[[images]]\nfile = \"...\"\n[images.caption]
// ..."). It goes after the array's last element (before the comments of whatever follows), or at
// the end of the file when there is none yet; refused unless the result parses to the original
// with exactly that element added.
Result appendTable(std::string_view text, const Path& array, std::string_view block);
// The path of every string in `text` (in document order; at most `limit`), as the edits take
// them: what the editor offers to edit and the tests try. Empty when the text does not parse.
std::vector<Path> stringPaths(std::string_view text, size_t limit = 100000);
// A TOML string for `value`: "..." with escapes, or """...""" when it has several lines.
std::string quote(std::string_view value);

} // namespace kiosk::tomledit
