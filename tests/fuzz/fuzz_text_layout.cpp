// libFuzzer target for text layout: random Unicode text in any of the kiosk's languages through
// the real layoutText (ICU line breaking and bidi, font fallback along the language's chain,
// HarfBuzz shaping, truncation with an ellipsis) with the real fonts, found by the platform's
// font lookup (fontconfig on Linux), as the kiosk draws titles and bodies.
//
// Input: byte 0 picks the language (kLanguages), bytes 1-2 the wrap width (1-2048 px), byte 3
// the style (pixel size, alignment, line limit); the rest is the text, made valid UTF-8 the way
// the loader guarantees it (each invalid byte becomes U+FFFD).
#include "core/Utf8.h"
#include "text/TextLayout.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace kiosk::text;

namespace {

// The sample's languages first, then scripts the kiosk must also set right (Thai, Arabic,
// Hebrew, Devanagari, Khmer, Myanmar...).
const char* const kLanguages[] = {"zh-Hans", "zh-Hant", "en", "ja", "ko", "ru", "mn", "vi", "th", "ar",
                                  "he",      "hi",      "km", "lo", "my", "fa", "ka", "am", "el", "ms"};
constexpr size_t kLanguageCount = sizeof kLanguages / sizeof kLanguages[0];

std::string validUtf8(std::string_view bytes) {
  std::string out;
  std::vector<char32_t> cps;
  while (!bytes.empty()) {
    cps.clear();
    size_t bad = bytes.size();
    const bool ok = kiosk::utf8::decode(bytes, cps, &bad);
    for (char32_t c : cps) kiosk::utf8::append(out, c);
    if (ok) break;
    kiosk::utf8::append(out, U'\uFFFD');
    bytes.remove_prefix(bad + 1);
  }
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  static FontLibrary fonts; // faces load once, as in the kiosk
  if (size < 4) return -1;
  const std::string language = kLanguages[data[0] % kLanguageCount];
  const float width = static_cast<float>((data[1] << 8 | data[2]) % 2048 + 1);
  TextStyle style;
  const std::uint8_t s = data[3];
  static const float kSizes[] = {12, 18, 24, 30, 36, 48, 72, 120};
  style.pixelSize = kSizes[s & 7];
  style.align = static_cast<Align>((s >> 3) % 3);
  style.maxLines = (s >> 5) == 0 ? SIZE_MAX : (s >> 5);
  const std::string text = validUtf8(std::string_view(reinterpret_cast<const char*>(data) + 4, size - 4));

  const TextLayout l = layoutText(text, language, style, width, fonts);
  // What the screens rely on: lines in order inside the text, finite positions, the line limit kept.
  if (l.lines.size() > style.maxLines) std::abort();
  size_t previousEnd = 0;
  for (const auto& line : l.lines) {
    if (line.begin > line.end || line.end > text.size() || line.begin < previousEnd) std::abort();
    previousEnd = line.end;
    if (!std::isfinite(line.x) || !std::isfinite(line.width)) std::abort();
    for (const auto& g : line.glyphs)
      if (!g.face || !std::isfinite(g.x) || !std::isfinite(g.y)) std::abort();
  }
  return 0;
}
