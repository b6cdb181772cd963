// libFuzzer target for the editor's writes (core/TomlEdit): any TOML text staff may have written,
// then a string of it replaced and a key added beside it. An edit either succeeds and reads back
// as asked, or is refused with the text returned unchanged; never a crash, never a file that no
// longer parses.
#include "core/TomlEdit.h"
#include "core/TomlGuard.h"

#include <toml++/toml.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {
void check(const std::string& text, const kiosk::tomledit::Path& path, const std::string& value) {
  const auto r = kiosk::tomledit::setString(text, path, value);
  if (!r.ok()) {
    if (r.text != text) std::abort();
    return;
  }
  try {
    const auto doc = toml::parse(r.text);
    const toml::node* n = &doc;
    for (const auto& part : path) {
      if (const auto* t = n->as_table()) n = t->get(part);
      else if (const auto* a = n->as_array()) n = a->get(std::stoul(part));
      else n = nullptr;
      if (!n) std::abort();
    }
    if (n->value<std::string>() != value) std::abort();
  } catch (const toml::parse_error&) {
    std::abort();
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string guarded = text;
  if (kiosk::guardTomlText(guarded) || guarded != text) return 0; // the loader refuses these first
  try {
    (void)toml::parse(text);
  } catch (const toml::parse_error&) {
    if (kiosk::tomledit::setString(text, {"title", "en"}, "x").text != text) std::abort();
    return 0;
  }
  const auto paths = kiosk::tomledit::stringPaths(text, 64);
  for (size_t i = 0; i < paths.size() && i < 4; ++i) {
    check(text, paths[i], "Edited \"«x»\"\\\n二");
    auto beside = paths[i];
    beside.back() = beside.back() + "-zz";
    check(text, beside, "New");
  }
  check(text, {"title", "ru"}, "Заголовок");
  return 0;
}
