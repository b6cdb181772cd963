#pragma once
// Fonts for the screens: one ImGui font per (language, text role), holding exactly the glyphs the
// content and UI strings need, rasterized from the face fontconfig picks for that language (so
// Chinese uses Noto Sans CJK SC, not a Japanese face), with fallback faces for what it lacks.
//
// The atlas is built on a worker thread (buildFonts) and adopted on the main thread between
// frames (FontSet::adopt), which only uploads the finished texture.
//
// This is the walking skeleton's text path; issue 4 replaces it with HarfBuzz shaping and an
// on-demand glyph atlas.
#include "core/Content.h"
#include "core/UiStrings.h"
#include "text/FontLibrary.h"
#include "ui/Theme.h"

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

// Which code points each (language, role) must be able to draw.
struct GlyphNeeds {
  std::map<std::string, std::array<std::set<char32_t>, static_cast<size_t>(TextRole::Count)>> byLanguage;
  void add(const std::string& language, TextRole role, std::string_view utf8);
};

// "15 Nov 2026 – 28 Feb 2027" in the visitor's language for an event item; "" for other items.
std::string eventDates(const UiStrings& strings, const std::string& language, const Item& item);

// "Open today 09:00 – 17:00" / "Closed today" in the visitor's language; "" when kiosk.toml
// gives no opening hours.
std::string openingToday(const UiStrings& strings, const std::string& language, const KioskSettings& settings,
                         CivilDate today);

// Everything the screens will draw for this content, in the fonts they will draw it with.
// `staffLanguage` and `staffTexts`: the admin view's words (StaffStrings) and the language they
// are set in, so its face is loaded even when no visitor language is that one (a Chinese staff
// at a kiosk offering only English and Russian).
GlyphNeeds collectGlyphNeeds(const Content& content, const UiStrings& strings, const std::string& staffLanguage = {},
                             const std::vector<std::string>& staffTexts = {});

// The languages the first screen draws in: the attract loop's first slide invites in the first
// offered language, and what that language lacks is drawn in the default language. A kiosk
// starts once these languages' faces are loaded; the others load after its first frame.
std::set<std::string> firstScreenLanguages(const KioskSettings& settings);

// The admin view's words in the staff's language (collectGlyphNeeds adds them). At start they
// wait for the later worker: the staff guides quote 「 」, and a CJK face is no first-screen cost.
void addStaffNeeds(GlyphNeeds& needs, const std::string& staffLanguage, const std::vector<std::string>& staffTexts);

// `needs` split in two: the languages in `first`, and the rest.
std::pair<GlyphNeeds, GlyphNeeds> splitGlyphNeeds(const GlyphNeeds& needs, const std::set<std::string>& first);

// Loads, on the calling (worker) thread, every face the text engine will draw `needs` with
// (each language's own face and its fallbacks), fills `faces` with one line per language for
// the log, and returns a sentence for each character no installed font can draw.
std::vector<std::string> prepareFonts(text::FontLibrary& library, const GlyphNeeds& needs, std::vector<std::string>& faces);

struct BuiltFonts {
  std::unique_ptr<ImFontAtlas> atlas;
  std::map<std::pair<std::string, TextRole>, ImFont*> fonts;
  ImFont* staff = nullptr;           // small Latin font for the staff overlay
  std::vector<std::string> faces;    // "zh-Hans: Noto Sans CJK SC (/usr/share/...)" for the log
  std::vector<std::string> problems; // characters no installed font can draw
  float displayHeight = 0;
  BuiltFonts();
  ~BuiltFonts();
  BuiltFonts(BuiltFonts&&) noexcept;
  BuiltFonts& operator=(BuiltFonts&&) noexcept;
};

// Finds faces, rasterizes and packs the atlas, and prepares its RGBA pixels. Worker thread; no GL.
// `shortSide` is the display's short side in pixels; the atlas never exceeds `maxTextureSize`.
BuiltFonts buildFonts(const GlyphNeeds& needs, float shortSide, int maxTextureSize = 16384);
// ImGui's built-in font only: what the screens draw with when loading failed altogether.
BuiltFonts fallbackFonts(float shortSide);

// The fonts in use by the screens. Main thread only.
class FontSet {
public:
  // Makes `built` the ImGui font atlas and uploads its texture. Call between frames.
  void adopt(BuiltFonts&& built);
  bool ready() const { return m_built.atlas != nullptr; }
  float size(TextRole role) const { return Theme::textSize(role, m_built.displayHeight); }
  const BuiltFonts& built() const { return m_built; }

private:
  BuiltFonts m_built;
};

} // namespace kiosk::ui
