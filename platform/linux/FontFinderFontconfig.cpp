#include "platform/FontFinder.h"

#include <fontconfig/fontconfig.h>

#include <mutex>

namespace platform {
namespace {

// Fontconfig speaks RFC 3066-ish language names ("zh-cn", "zh-tw"), not script subtags.
std::string fontconfigLanguage(const std::string& tag) {
  std::string lower;
  for (char c : tag) lower += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  if (lower == "zh-hans" || lower == "zh" || lower.rfind("zh-hans-", 0) == 0 || lower == "zh-cn" ||
      lower == "zh-sg")
    return "zh-cn";
  if (lower == "zh-hant" || lower.rfind("zh-hant-", 0) == 0 || lower == "zh-tw") return "zh-tw";
  if (lower == "zh-hk" || lower == "zh-mo") return "zh-hk";
  return lower;
}

FcConfig* config() {
  // FcInitLoadConfigAndFonts is not cheap; do it once. Fontconfig calls are serialized below.
  static FcConfig* cfg = FcInitLoadConfigAndFonts();
  return cfg;
}

std::mutex& fcMutex() {
  static std::mutex m;
  return m;
}

} // namespace

std::optional<FontFace> findFontForLanguage(const std::string& languageTag,
                                            const std::vector<char32_t>& sample) {
  std::lock_guard lock(fcMutex());
  FcConfig* cfg = config();
  if (!cfg) return std::nullopt;

  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  const std::string lang = fontconfigLanguage(languageTag);
  FcLangSet* langs = FcLangSetCreate();
  FcLangSetAdd(langs, reinterpret_cast<const FcChar8*>(lang.c_str()));
  FcPatternAddLangSet(pattern, FC_LANG, langs);
  FcLangSetDestroy(langs);
  if (!sample.empty()) {
    FcCharSet* chars = FcCharSetCreate();
    for (char32_t c : sample) FcCharSetAddChar(chars, c);
    FcPatternAddCharSet(pattern, FC_CHARSET, chars);
    FcCharSetDestroy(chars);
  }
  FcPatternAddInteger(pattern, FC_WEIGHT, FC_WEIGHT_REGULAR);
  // Outline fonts only: a bitmap-only face (a colour emoji font) cannot be drawn at any size.
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(cfg, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);

  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(cfg, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return std::nullopt;

  std::optional<FontFace> face;
  FcChar8* file = nullptr;
  if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) {
    FontFace f;
    f.file = reinterpret_cast<const char*>(file);
    int index = 0;
    if (FcPatternGetInteger(match, FC_INDEX, 0, &index) == FcResultMatch) f.index = index;
    FcChar8* family = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch && family)
      f.family = reinterpret_cast<const char*>(family);
    face = f;
  }
  FcPatternDestroy(match);
  return face;
}

const char* fontFinderName() { return "fontconfig"; }

} // namespace platform
