#include "app/ContactSheet.h"

#include <algorithm>
#include <fstream>

namespace kiosk::app {

sf::Image ContactSheet::shrink(const sf::Image& frame, unsigned width) {
  const sf::Vector2u size = frame.getSize();
  sf::Image out;
  if (size.x == 0 || size.y == 0 || width == 0) return out;
  const unsigned height = std::max(1u, size.y * width / size.x);
  out.create(width, height);
  const sf::Uint8* px = frame.getPixelsPtr();
  for (unsigned y = 0; y < height; ++y) {
    const unsigned y0 = y * size.y / height, y1 = std::max(y0 + 1, (y + 1) * size.y / height);
    for (unsigned x = 0; x < width; ++x) {
      const unsigned x0 = x * size.x / width, x1 = std::max(x0 + 1, (x + 1) * size.x / width);
      unsigned sum[3] = {0, 0, 0}, n = 0;
      for (unsigned sy = y0; sy < y1; ++sy)
        for (unsigned sx = x0; sx < x1; ++sx) {
          const sf::Uint8* p = px + (static_cast<size_t>(sy) * size.x + sx) * 4;
          sum[0] += p[0];
          sum[1] += p[1];
          sum[2] += p[2];
          ++n;
        }
      out.setPixel(x, y, sf::Color(static_cast<sf::Uint8>(sum[0] / n), static_cast<sf::Uint8>(sum[1] / n), static_cast<sf::Uint8>(sum[2] / n)));
    }
  }
  return out;
}

void ContactSheet::add(const sf::Image& frame, const std::string& label) {
  m_thumbs.push_back(shrink(frame, kThumbWidth));
  m_labels.push_back(label);
}

bool ContactSheet::save(const std::string& path) const {
  if (m_thumbs.empty()) return true;
  unsigned cellH = 0;
  for (const auto& t : m_thumbs) cellH = std::max(cellH, t.getSize().y);
  const auto n = static_cast<unsigned>(m_thumbs.size());
  const unsigned cols = std::min(kColumns, n), rows = (n + cols - 1) / cols;
  sf::Image sheet;
  sheet.create(cols * (kThumbWidth + kGap) + kGap, rows * (cellH + kGap) + kGap, sf::Color(40, 40, 40));
  for (unsigned i = 0; i < n; ++i)
    sheet.copy(m_thumbs[i], kGap + (i % cols) * (kThumbWidth + kGap), kGap + (i / cols) * (cellH + kGap));
  if (!sheet.saveToFile(path)) return false;
  // What each thumbnail shows, in order, beside the sheet.
  std::ofstream list(path + ".txt");
  for (unsigned i = 0; i < n; ++i) list << (i / cols + 1) << "." << (i % cols + 1) << "  " << m_labels[i] << "\n";
  return static_cast<bool>(list);
}

} // namespace kiosk::app
