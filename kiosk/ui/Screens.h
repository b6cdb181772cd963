#pragma once
// The visitor's screens: attract loop, home (section tiles), a section (item cards), an item
// (images, title, text), with the top bar (kiosk name, languages) and the bottom bar (Back, Home).
// Drawn with ImGui's draw lists; every touch target is registered by name for input scripts.
#include "core/Navigator.h"
#include "core/UiStrings.h"
#include "text/LineBreaker.h"
#include "ui/FontSet.h"
#include "ui/HitTargets.h"
#include "ui/TextureCache.h"

#include <set>
#include <string>
#include <utility>
#include <unordered_map>
#include <vector>

struct ImDrawList;
struct ImFont;

namespace kiosk::ui {

struct Frame {
  Navigator& nav;
  const FontSet& fonts;
  TextureCache& textures;
  HitTargets& targets;
  const UiStrings& strings;
  Seconds now = 0;
  float width = 0;
  float height = 0;
  bool contentHasErrors = false; // shows the small staff indicator
};

class Screens {
public:
  // Draws the current screen into a full-window ImGui window and applies the visitor's taps to
  // the navigator. Call between ImGui::NewFrame() and ImGui::Render().
  void draw(Frame& frame);
  // Forgets cached layouts (fonts or content changed).
  void invalidate();
  // Code points a screen tried to draw with a font that lacks them, since the last call.
  // Always empty unless glyph collection (FontSet) has a bug.
  std::set<char32_t> takeMissingGlyphs() { return std::exchange(m_missing, {}); }

  struct Ctx; // one frame's drawing state, private to Screens.cpp

private:
  void drawAttract(Ctx& c);
  void drawHome(Ctx& c);
  void drawSection(Ctx& c);
  void drawItem(Ctx& c);
  void drawTopBar(Ctx& c);
  void drawBottomBar(Ctx& c);

  const std::vector<text::Line>& wrap(ImFont* font, float size, const std::string& text, const std::string& lang,
                                      float width);

  std::unordered_map<std::string, std::vector<text::Line>> m_layouts;
  std::string m_scrollFor; // item whose text is scrolled
  float m_scroll = 0;
  size_t m_image = 0;      // selected image of the open item
  std::set<char32_t> m_missing;
};

} // namespace kiosk::ui
