#include "core/TomlEdit.h"

#include "core/TomlGuard.h"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>

namespace kiosk::tomledit {
namespace {

std::optional<toml::table> parseText(std::string_view text, std::string& error) {
  std::string guarded(text);
  if (auto problem = guardTomlText(guarded)) {
    error = "the file cannot be edited here: line " + std::to_string(problem->line) + ": " + problem->message;
    return std::nullopt;
  }
  if (guarded != text) {
    error = "the file has a line that ends with a backslash before a non-Latin character; edit that line by hand first";
    return std::nullopt;
  }
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& e) {
    error = "the file does not parse (line " + std::to_string(e.source().begin.line) + "), so it is not changed: " +
            std::string(e.description());
    return std::nullopt;
  }
}

bool isIndex(const std::string& part, size_t& index) {
  const auto r = std::from_chars(part.data(), part.data() + part.size(), index);
  return !part.empty() && r.ec == std::errc() && r.ptr == part.data() + part.size();
}

toml::node* child(toml::node* n, const std::string& part) {
  if (!n) return nullptr;
  if (auto* t = n->as_table()) return t->get(part);
  size_t i = 0;
  if (auto* a = n->as_array(); a && isIndex(part, i) && i < a->size()) return a->get(i);
  return nullptr;
}

// Byte offsets of each line's start, and positions (1-based line, column in code points) to bytes.
struct Lines {
  std::string_view text;
  std::vector<size_t> starts{0};
  explicit Lines(std::string_view t) : text(t) {
    for (size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\n') starts.push_back(i + 1);
  }
  size_t offset(const toml::source_position& p) const {
    if (p.line == 0 || p.line > starts.size()) return text.size();
    size_t at = starts[p.line - 1];
    for (toml::source_index c = 1; c < p.column && at < text.size() && text[at] != '\n'; ++c) {
      ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  }
  size_t lineEnd(size_t line) const { // offset just past the line's '\n' (or the end)
    return line < starts.size() ? starts[line] : text.size();
  }
  std::string_view line(size_t line) const {
    const size_t b = starts[line - 1];
    size_t e = lineEnd(line);
    while (e > b && (text[e - 1] == '\n' || text[e - 1] == '\r')) --e;
    return text.substr(b, e - b);
  }
};

bool isHeaderTable(const toml::node& n, const Lines& lines) {
  if (!n.is_table() || n.source().begin.line == 0) return false;
  const auto l = lines.line(n.source().begin.line);
  const auto first = l.find_first_not_of(" \t");
  return first != std::string_view::npos && l[first] == '[';
}

// The last line that holds one of `table`'s own keys (not those under a header of their own).
size_t lastOwnLine(const toml::table& table, const Lines& lines) {
  size_t last = 0;
  for (const auto& [key, node] : table) {
    if (node.is_array_of_tables() || isHeaderTable(node, lines)) continue;
    if (const auto* t = node.as_table(); t && !t->is_inline()) last = std::max(last, lastOwnLine(*t, lines));
    else last = std::max<size_t>(last, node.source().end.line);
  }
  return last;
}

bool bareKey(std::string_view k) {
  return !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}
std::string keyText(const std::string& k) { return bareKey(k) ? k : quote(k); }

Result refuse(std::string_view text, std::string why) { return {std::string(text), std::move(why)}; }

// Checks that `edited` is `original` with only `path` set to `expected` (or removed).
bool sameBut(const toml::table& original, std::string_view edited, const Path& path, const toml::node* expected) {
  toml::table after;
  try {
    after = toml::parse(edited);
  } catch (const toml::parse_error&) {
    return false;
  }
  toml::table want = original;
  toml::node* n = &want;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    toml::node* next = child(n, path[i]);
    if (!next) {
      auto* t = n->as_table();
      if (!t) return false;
      next = t->insert_or_assign(path[i], toml::table{}).first->second.as_table();
    }
    n = next;
  }
  size_t index = 0;
  if (auto* a = n->as_array(); a && expected && isIndex(path.back(), index) && index < a->size()) {
    a->replace(a->cbegin() + static_cast<std::ptrdiff_t>(index), *expected);
    return want == after;
  }
  auto* t = n->as_table();
  if (!t) return false;
  if (expected) t->insert_or_assign(path.back(), *expected);
  else t->erase(path.back());
  return want == after;
}

Result set(std::string_view text, const Path& path, std::string_view literal) {
  if (path.empty()) return refuse(text, "no key was named");
  std::string error;
  auto doc = parseText(text, error);
  if (!doc) return refuse(text, error);
  toml::table literalDoc;
  try {
    literalDoc = toml::parse("v = " + std::string(literal));
  } catch (const toml::parse_error& e) {
    return refuse(text, "the new value is not TOML: " + std::string(e.description()));
  }
  const toml::node* want = literalDoc.get("v");
  const Lines lines(text);
  std::string out;

  // Walk as far as the document goes.
  toml::node* n = &*doc;
  size_t depth = 0;
  for (; depth < path.size(); ++depth) {
    toml::node* next = child(n, path[depth]);
    if (!next) break;
    n = next;
  }
  if (depth == path.size()) { // the value is there: replace its own characters
    if (n->is_table() || n->is_array_of_tables()) return refuse(text, path.back() + " is a table, not a value");
    const size_t b = lines.offset(n->source().begin), e = lines.offset(n->source().end);
    if (b >= e || e > text.size()) return refuse(text, "the value's place in the file is not known");
    out = std::string(text.substr(0, b)) + std::string(literal) + std::string(text.substr(e));
  } else {
    auto* table = n->as_table();
    if (!table) return refuse(text, path[depth] + " cannot be added there");
    if (table->is_inline()) return refuse(text, "the table is written on one line ({ ... }); edit it by hand");
    size_t i = 0;
    for (size_t k = depth; k < path.size(); ++k)
      if (isIndex(path[k], i) && k + 1 < path.size()) return refuse(text, "no " + path[k] + " to add to");
    // The key, dotted from the table that is there.
    std::string key;
    for (size_t k = depth; k < path.size(); ++k) key += (key.empty() ? "" : ".") + keyText(path[k]);
    const std::string line = key + " = " + std::string(literal);
    const bool root = n == &*doc;
    const bool header = !root && isHeaderTable(*n, lines);
    size_t after = lastOwnLine(*table, lines);
    if (!root && !header && after == 0) return refuse(text, "the table has no line of its own to add to");
    if (after == 0 && header) after = n->source().begin.line;
    if (after == 0 && root) {
      // Before the first table header, after the comments at the top.
      size_t at = 0;
      while (at < lines.starts.size()) {
        const auto l = lines.line(at + 1);
        const auto f = l.find_first_not_of(" \t");
        if (f != std::string_view::npos && l[f] != '#') break;
        ++at;
      }
      if (at == lines.starts.size() || lines.line(at + 1).find('[') == std::string_view::npos) {
        out = std::string(text);
        if (!out.empty() && out.back() != '\n') out += '\n';
        out += line + "\n";
      } else {
        const size_t b = lines.starts[at];
        out = std::string(text.substr(0, b)) + line + "\n\n" + std::string(text.substr(b));
      }
    } else {
      // A dotted table (title.en = ... in its parent): the new line repeats its dotted prefix.
      std::string prefix;
      if (!root && !header) {
        const auto l = lines.line(after);
        const auto eq = l.find('=');
        const auto lastDot = l.substr(0, eq).rfind('.');
        if (eq == std::string_view::npos || lastDot == std::string_view::npos)
          return refuse(text, "the table's lines are not in a form that can be added to; edit it by hand");
        const auto f = l.find_first_not_of(" \t");
        prefix = std::string(l.substr(f, lastDot + 1 - f));
      }
      const auto prev = lines.line(after);
      const std::string indent(prev.substr(0, std::min(prev.find_first_not_of(" \t"), prev.size())));
      const size_t b = lines.lineEnd(after);
      std::string head(text.substr(0, b));
      if (!head.empty() && head.back() != '\n') head += '\n';
      out = head + indent + prefix + line + "\n" + std::string(text.substr(b));
    }
  }
  if (!sameBut(*doc, out, path, want))
    return refuse(text, "the change could not be made without touching other values; edit the file by hand");
  return {std::move(out), {}};
}

void collect(const toml::node& n, Path& path, std::vector<Path>& out, size_t limit) {
  if (out.size() >= limit) return;
  if (const auto* t = n.as_table()) {
    for (const auto& [k, v] : *t) {
      path.push_back(std::string(k.str()));
      collect(v, path, out, limit);
      path.pop_back();
    }
  } else if (const auto* a = n.as_array()) {
    for (size_t i = 0; i < a->size(); ++i) {
      path.push_back(std::to_string(i));
      collect(*a->get(i), path, out, limit);
      path.pop_back();
    }
  } else if (n.is_string()) {
    out.push_back(path);
  }
}

// "[[ map . points ]]" -> "map.points"; "" when the line is not an array-of-tables header. `sub`
// is set for "[map.points.label]"-like headers (any header), returning its name.
std::string headerName(std::string_view line, bool& arrayHeader) {
  const auto first = line.find_first_not_of(" \t");
  arrayHeader = false;
  if (first == std::string_view::npos || line[first] != '[') return {};
  arrayHeader = line.size() > first + 1 && line[first + 1] == '[';
  std::string name;
  bool quoted = false;
  for (size_t i = first + (arrayHeader ? 2 : 1); i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && c == ']') break;
    if (!quoted && (c == ' ' || c == '\t')) continue;
    name += c;
  }
  return name;
}

} // namespace

Result appendTable(std::string_view text, const Path& array, std::string_view block) {
  if (array.empty()) return refuse(text, "no list was named");
  std::string error;
  auto original = parseText(text, error);
  if (!original) return refuse(text, error);
  toml::table element;
  try {
    element = toml::parse(block);
  } catch (const toml::parse_error& e) {
    return refuse(text, "the new block does not parse: " + std::string(e.description()));
  }
  // The block's own element: follow the path in the block's table.
  const toml::node* n = &element;
  for (const auto& part : array) {
    n = n && n->is_table() ? n->as_table()->get(part) : nullptr;
  }
  const auto* added = n ? n->as_array() : nullptr;
  if (!added || added->size() != 1 || !added->get(0)->is_table()) return refuse(text, "the new block is not one [[...]] element");
  std::string dotted;
  for (const auto& part : array) dotted += (dotted.empty() ? "" : ".") + part;

  const Lines lines(text);
  size_t lastStart = 0; // 1-based line of the last element's header
  for (size_t l = 1; l <= lines.starts.size(); ++l) {
    bool arr = false;
    if (headerName(lines.line(l), arr) == dotted && arr) lastStart = l;
  }
  size_t at = text.size(); // where the block goes
  if (lastStart) {
    for (size_t l = lastStart + 1; l <= lines.starts.size(); ++l) {
      bool arr = false;
      const std::string name = headerName(lines.line(l), arr);
      if (name.empty() || name.rfind(dotted + ".", 0) == 0) continue;
      // A header of something else: the block goes before it and the comments just above it.
      size_t first = l;
      while (first - 1 > lastStart) {
        const auto prev = lines.line(first - 1);
        const auto c = prev.find_first_not_of(" \t");
        if (c == std::string_view::npos || prev[c] != '#') break;
        --first;
      }
      while (first - 1 > lastStart && lines.line(first - 1).find_first_not_of(" \t\r") == std::string_view::npos) --first;
      at = lines.starts[first - 1];
      break;
    }
  }
  std::string piece(block);
  if (piece.empty() || piece.back() != '\n') piece += '\n';
  std::string out(text.substr(0, at));
  if (!out.empty() && out.back() != '\n') out += '\n';
  if (!out.empty() && out.size() >= 2 && out[out.size() - 2] != '\n') out += '\n'; // a blank line before it
  out += piece;
  if (at < text.size() && text[at] != '\n' && text[at] != '\r') out += '\n'; // a blank line after it
  out += text.substr(at);

  toml::table want = *original;
  toml::node* into = &want;
  for (size_t i = 0; i < array.size(); ++i) {
    toml::node* next = child(into, array[i]);
    if (!next) {
      auto* t = into->as_table();
      if (!t) return refuse(text, "the list cannot be added here");
      if (i + 1 == array.size()) next = t->insert_or_assign(array[i], toml::array{}).first->second.as_array();
      else next = t->insert_or_assign(array[i], toml::table{}).first->second.as_table();
    }
    into = next;
  }
  auto* list = into->as_array();
  if (!list) return refuse(text, "'" + dotted + "' in the file is not a list of [[" + dotted + "]] blocks");
  list->push_back(*added->get(0)->as_table());
  toml::table after;
  try {
    after = toml::parse(out);
  } catch (const toml::parse_error&) {
    return refuse(text, "the block could not be placed in the file without changing its meaning");
  }
  if (!(after == want)) return refuse(text, "the block could not be placed in the file without changing its meaning");
  return {std::move(out), {}};
}

std::vector<Path> stringPaths(std::string_view text, size_t limit) {
  std::string error;
  const auto doc = parseText(text, error);
  std::vector<Path> out;
  Path path;
  if (doc) collect(*doc, path, out, limit);
  return out;
}

std::string quote(std::string_view value) {
  const bool multiline = value.find('\n') != std::string_view::npos;
  std::string out = multiline ? "\"\"\"\n" : "\"";
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n' && multiline) out += '\n';
    else if (c == '\t') out += multiline ? "\t" : "\\t";
    else if (c == '\r') out += "\\r";
    else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else out += c;
  }
  out += multiline ? "\"\"\"" : "\"";
  return out;
}

Result setString(std::string_view text, const Path& path, std::string_view value) { return set(text, path, quote(value)); }

Result setValue(std::string_view text, const Path& path, std::string_view tomlLiteral) { return set(text, path, tomlLiteral); }

Result removeKey(std::string_view text, const Path& path) {
  if (path.empty()) return refuse(text, "no key was named");
  std::string error;
  auto doc = parseText(text, error);
  if (!doc) return refuse(text, error);
  toml::node* n = &*doc;
  for (const auto& part : path)
    if (!(n = child(n, part))) return {std::string(text), {}}; // not there: nothing to remove
  if (n->is_table() || n->is_array_of_tables()) return refuse(text, path.back() + " is a table; remove it by hand");
  const Lines lines(text);
  const size_t first = n->source().begin.line, last = n->source().end.line;
  const auto l = lines.line(first);
  const auto f = l.find_first_not_of(" \t");
  const auto endLine = lines.line(last);
  const size_t valueEnd = lines.offset(n->source().end) - lines.starts[last - 1];
  const auto rest = endLine.substr(std::min(valueEnd, endLine.size()));
  const auto restFirst = rest.find_first_not_of(" \t");
  if (f == std::string_view::npos || l[f] == '{' || (restFirst != std::string_view::npos && rest[restFirst] != '#'))
    return refuse(text, "the value shares its line with others; remove it by hand");
  std::string out = std::string(text.substr(0, lines.starts[first - 1])) + std::string(text.substr(lines.lineEnd(last)));
  if (!sameBut(*doc, out, path, nullptr)) return refuse(text, "the key could not be removed alone; edit the file by hand");
  return {std::move(out), {}};
}

} // namespace kiosk::tomledit
