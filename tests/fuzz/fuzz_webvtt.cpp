// libFuzzer target for film captions: any bytes staff can put in a NAME.LANG.vtt file through
// parseWebVtt, then the invariants the caption drawing relies on: every cue is UTF-8 within the
// text limit, ends after it starts, the count stays within the limit, cues are sorted by start,
// and at() only ever answers with a cue that is showing at that time.
#include "core/Utf8.h"
#include "core/WebVtt.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<kiosk::Diagnostic> out;
  const kiosk::Captions captions = kiosk::parseWebVtt(text, "fuzz.vtt", out);
  if (captions.cues.size() > kiosk::kMaxCaptionCues) std::abort();
  if (out.size() > kiosk::kMaxCaptionDiagnostics + 1) std::abort();
  double previousStart = -1;
  for (const auto& cue : captions.cues) {
    if (!std::isfinite(cue.start) || !std::isfinite(cue.end) || cue.start < 0 || cue.end <= cue.start) std::abort();
    if (cue.start < previousStart) std::abort();
    previousStart = cue.start;
    if (cue.text.size() > kiosk::kMaxCueTextBytes || !kiosk::utf8::isValid(cue.text)) std::abort();
    for (const char c : cue.text)
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) std::abort();
    if (cue.line < 1) std::abort();
    // Somewhere inside the cue, some cue is showing, and it is one that covers that time.
    const double mid = cue.start + (cue.end - cue.start) / 2;
    const kiosk::CaptionCue* shown = captions.at(mid);
    if (!shown || !(shown->start <= mid && mid < shown->end)) std::abort();
  }
  for (const auto& d : out)
    if (d.file != "fuzz.vtt" || d.message.empty()) std::abort();
  return 0;
}
