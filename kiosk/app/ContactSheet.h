#pragma once
// A contact sheet: frames of a scripted run side by side, small, in one PNG that a person looks
// through in a minute (tests/e2e/layout-matrix), eight to a row in the script's order; a text
// file beside it (sheet.png.txt) says what each one shows: row.column, screen, language, modes.
#include <SFML/Graphics/Image.hpp>

#include <string>
#include <vector>

namespace kiosk::app {

class ContactSheet {
public:
  static constexpr unsigned kThumbWidth = 320;
  static constexpr unsigned kColumns = 8;
  static constexpr unsigned kGap = 6;
  // Adds a frame, scaled down to kThumbWidth wide (box filter: every pixel counts).
  void add(const sf::Image& frame, const std::string& label);
  bool save(const std::string& path) const;
  size_t count() const { return m_thumbs.size(); }
  // Scales `frame` to `width` pixels wide, averaging the pixels each one covers.
  static sf::Image shrink(const sf::Image& frame, unsigned width);

private:
  std::vector<sf::Image> m_thumbs;
  std::vector<std::string> m_labels;
};

} // namespace kiosk::app
