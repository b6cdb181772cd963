#pragma once
// Sizes and colours of the kiosk screens. Sizes are fractions of the display height, so the same
// layout works on a 55" 1080p landscape screen and a 4K one; touch targets stay finger-sized.
#include <cstdint>

namespace kiosk::ui {

// The text roles the screens draw with; each has its own pixel size in the font atlas.
enum class TextRole { Caption, Body, Title, Headline, Count };

struct Theme {
  // Pixel size of a text role on a display whose short side is `displayHeight` pixels.
  static float textSize(TextRole role, float displayHeight);

  // Layout, as fractions of the display's short side (its height on a landscape screen).
  static constexpr float kTopBar = 0.085f;
  static constexpr float kBottomBar = 0.105f;
  static constexpr float kMargin = 0.035f;
  static constexpr float kGap = 0.022f;
  static constexpr float kButtonHeight = 0.072f; // about 25 mm on a 55" screen
  static constexpr float kRounding = 0.012f;

  // Colours, RGBA.
  static constexpr std::uint32_t kBackground = 0x0E1A2BFF;
  static constexpr std::uint32_t kBar = 0x0A1320FF;
  static constexpr std::uint32_t kCard = 0x16263DFF;
  static constexpr std::uint32_t kText = 0xF4F1EAFF;
  static constexpr std::uint32_t kTextMuted = 0xB9C3D0FF;
  static constexpr std::uint32_t kAccent = 0xD4A24CFF; // gold, for the selected language and prompts
  static constexpr std::uint32_t kButton = 0x24384FFF;
  static constexpr std::uint32_t kButtonPressed = 0x3A5878FF;
  static constexpr std::uint32_t kError = 0xC8453AFF;
};

// The colours a screen is drawn in: the standard palette (with the content's accent and
// background where kiosk.toml gives them), or high contrast for visitors who need it.
struct Palette {
  std::uint32_t background, bar, card, text, textMuted, accent, button, buttonPressed, error;
  bool outlines; // buttons and cards get a light outline (high contrast: edges never by shade alone)
};
const Palette& standardPalette();
const Palette& highContrastPalette(); // white and yellow on black, above 15:1 for text

// ImGui packs colours as ABGR; the theme and content speak RGBA.
std::uint32_t toImColor(std::uint32_t rgba, float alpha = 1.0f);
// Darkens (factor < 1) or lightens (factor > 1) an RGBA colour.
std::uint32_t shade(std::uint32_t rgba, float factor);

} // namespace kiosk::ui
