#include "ui/Theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

const Palette& standardPalette() {
  static const Palette p{Theme::kBackground, Theme::kBar,    Theme::kCard,          Theme::kText,  Theme::kTextMuted,
                         Theme::kAccent,     Theme::kButton, Theme::kButtonPressed, Theme::kError, false};
  return p;
}

const Palette& highContrastPalette() {
  static const Palette p{0x000000FF, 0x000000FF, 0x0B0B0BFF, 0xFFFFFFFF, 0xF0F0F0FF,
                         0xFFD400FF, 0x1C1C1CFF, 0x4A4A4AFF, 0xFF6A5AFF, true};
  return p;
}

float Theme::textSize(TextRole role, float displayHeight) {
  // Em sizes in pixels on a display whose short side is 1080 pixels; scaled with the display.
  // (Body text is 25 px to the em: about 6 mm on a 55" screen, read comfortably from a metre.)
  float px = 25;
  switch (role) {
  case TextRole::Caption: px = 19; break;
  case TextRole::Body: px = 25; break;
  case TextRole::Title: px = 40; break;
  case TextRole::Headline: px = 88; break;
  case TextRole::Count: break;
  }
  return std::round(px * displayHeight / 1080.0f);
}

std::uint32_t toImColor(std::uint32_t rgba, float alpha) {
  const std::uint32_t r = (rgba >> 24) & 0xFF, g = (rgba >> 16) & 0xFF, b = (rgba >> 8) & 0xFF;
  const auto a = static_cast<std::uint32_t>(std::clamp((rgba & 0xFF) * alpha, 0.0f, 255.0f));
  return (a << 24) | (b << 16) | (g << 8) | r;
}

std::uint32_t shade(std::uint32_t rgba, float factor) {
  auto ch = [&](int shift) {
    const float v = static_cast<float>((rgba >> shift) & 0xFF) * factor;
    return static_cast<std::uint32_t>(std::clamp(v, 0.0f, 255.0f)) << shift;
  };
  return ch(24) | ch(16) | ch(8) | (rgba & 0xFF);
}

} // namespace kiosk::ui
