#include "platform/FontFinder.h"

#include <fontconfig/fontconfig.h>

#include <cstring>
#include <memory>
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

using Pattern = std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)>;
using FontSet = std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)>;

bool boolOf(FcPattern* p, const char* object, bool otherwise) {
  FcBool b = FcFalse;
  return FcPatternGetBool(p, object, 0, &b) == FcResultMatch ? b == FcTrue : otherwise;
}

std::string familyOf(FcPattern* p) {
  FcChar8* family = nullptr;
  return FcPatternGetString(p, FC_FAMILY, 0, &family) == FcResultMatch && family ? reinterpret_cast<const char*>(family) : "";
}

// The upright face of normal weight and width: a family's Regular, not its Bold or Condensed.
// (A variable font's default instance gives ranges, not numbers: taken as it comes.)
bool isRegular(FcPattern* p) {
  int v = 0;
  if (FcPatternGetInteger(p, FC_WEIGHT, 0, &v) == FcResultMatch && (v < FC_WEIGHT_BOOK || v > FC_WEIGHT_MEDIUM)) return false;
  if (FcPatternGetInteger(p, FC_SLANT, 0, &v) == FcResultMatch && v != FC_SLANT_ROMAN) return false;
  if (FcPatternGetInteger(p, FC_WIDTH, 0, &v) == FcResultMatch && v != FC_WIDTH_NORMAL) return false;
  return true;
}

// Noto Sans, or one of its script families (Noto Sans Arabic, Noto Sans Thai, Noto Sans CJK SC),
// proportional: the kiosk's type, one design across scripts.
bool isNotoSans(FcPattern* p) {
  const std::string family = familyOf(p);
  int spacing = FC_PROPORTIONAL;
  FcPatternGetInteger(p, FC_SPACING, 0, &spacing);
  return (family == "Noto Sans" || family.rfind("Noto Sans ", 0) == 0) && spacing < FC_MONO;
}

// Whether the face covers the language (fontconfig's orthographies: every letter the language
// needs) or, given a sample, every one of its code points.
bool covers(FcPattern* p, const std::string& lang, const std::vector<char32_t>& sample) {
  if (sample.empty()) {
    FcLangSet* langs = nullptr;
    return FcPatternGetLangSet(p, FC_LANG, 0, &langs) == FcResultMatch && langs &&
           FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>(lang.c_str())) != FcLangDifferentLang;
  }
  FcCharSet* chars = nullptr;
  if (FcPatternGetCharSet(p, FC_CHARSET, 0, &chars) != FcResultMatch || !chars) return false;
  for (char32_t c : sample)
    if (!FcCharSetHasChar(chars, c)) return false;
  return true;
}

FontFace faceOf(FcPattern* p) {
  FontFace f;
  FcChar8* file = nullptr;
  if (FcPatternGetString(p, FC_FILE, 0, &file) == FcResultMatch && file) f.file = reinterpret_cast<const char*>(file);
  int index = 0;
  if (FcPatternGetInteger(p, FC_INDEX, 0, &index) == FcResultMatch) f.index = index;
  f.family = familyOf(p);
  return f;
}

// Every installed face, best first for `pattern` by fontconfig's own rules (its aliases, the
// language, the sample's coverage, then weight and style).
FontSet sorted(FcConfig* cfg, FcPattern* pattern) {
  FcConfigSubstitute(cfg, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  return FontSet(FcFontSort(cfg, pattern, FcFalse, nullptr, &result), FcFontSetDestroy);
}

void addSample(FcPattern* pattern, const std::vector<char32_t>& sample) {
  if (sample.empty()) return;
  FcCharSet* chars = FcCharSetCreate();
  for (char32_t c : sample) FcCharSetAddChar(chars, c);
  FcPatternAddCharSet(pattern, FC_CHARSET, chars);
  FcCharSetDestroy(chars);
}

} // namespace

std::optional<FontFace> findFontForLanguage(const std::string& languageTag,
                                            const std::vector<char32_t>& sample) {
  std::lock_guard lock(fcMutex());
  FcConfig* cfg = config();
  if (!cfg) return std::nullopt;

  Pattern pattern(FcPatternCreate(), FcPatternDestroy);
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
  const std::string lang = fontconfigLanguage(languageTag);
  FcLangSet* langs = FcLangSetCreate();
  FcLangSetAdd(langs, reinterpret_cast<const FcChar8*>(lang.c_str()));
  FcPatternAddLangSet(pattern.get(), FC_LANG, langs);
  FcLangSetDestroy(langs);
  addSample(pattern.get(), sample);
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  FcPatternAddBool(pattern.get(), FC_COLOR, FcFalse);
  const FontSet fonts = sorted(cfg, pattern.get());
  if (!fonts) return std::nullopt;

  // Fontconfig's own first choice for Arabic is DejaVu Sans (its sans-serif alias comes before
  // the language, and DejaVu has some Arabic letters), for Hebrew too, and for Urdu Noto Kufi
  // Arabic. The kiosk prefers the Noto Sans family that covers the language (or the sample),
  // taking fontconfig's order among those; without one, fontconfig's best face that covers it;
  // without that, its best face at all (the caller checks what it really has).
  // Outline fonts only: a bitmap-only or colour face is not a text face (emoji come from
  // findColourFont).
  FcPattern* first = nullptr;
  FcPattern* best = nullptr;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcPattern* p = fonts->fonts[i];
    if (!boolOf(p, FC_SCALABLE, false) || boolOf(p, FC_COLOR, false) || !isRegular(p)) continue;
    if (!first) first = p;
    if (!covers(p, lang, sample)) continue;
    if (isNotoSans(p)) {
      best = p;
      break;
    }
    if (!best) best = p;
  }
  FcPattern* chosen = best ? best : first;
  if (!chosen) return std::nullopt;
  FontFace face = faceOf(chosen);
  if (face.file.empty()) return std::nullopt;
  return face;
}

std::optional<FontFace> findColourFont(const std::vector<char32_t>& sample) {
  std::lock_guard lock(fcMutex());
  FcConfig* cfg = config();
  if (!cfg || sample.empty()) return std::nullopt;
  Pattern pattern(FcPatternCreate(), FcPatternDestroy);
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("emoji"));
  FcPatternAddBool(pattern.get(), FC_COLOR, FcTrue);
  addSample(pattern.get(), sample);
  const FontSet fonts = sorted(cfg, pattern.get());
  if (!fonts) return std::nullopt;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcPattern* p = fonts->fonts[i];
    if (!boolOf(p, FC_COLOR, false) || !covers(p, "", sample)) continue;
    FontFace face = faceOf(p);
    if (!face.file.empty()) return face;
  }
  return std::nullopt;
}

const char* fontFinderName() { return "fontconfig"; }

} // namespace platform
