// libFuzzer target for body text: any bytes staff can put in an item's body (TOML "body" or a
// <item>.<language>.md file) through parseMarkdown (md4c), then the invariants the screens rely on:
// every bold span lies inside its block's text, in order, and list levels and numbers are sane.
#include "core/RichText.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  const std::string_view markdown(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> unsupported;
  const kiosk::RichText text = kiosk::parseMarkdown(markdown, &unsupported);
  for (const auto& block : text) {
    if (block.level < 1) std::abort();
    if (block.kind == kiosk::RichBlock::Kind::Heading && block.level > 6) std::abort();
    size_t previousEnd = 0;
    for (const auto& span : block.strong) {
      if (span.begin > span.end || span.end > block.text.size() || span.begin < previousEnd) std::abort();
      previousEnd = span.end;
    }
  }
  (void)kiosk::parseMarkdown(markdown); // without the list of unsupported constructs, as the UI calls it
  return 0;
}
