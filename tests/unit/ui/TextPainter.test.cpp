#include "ui/TextPainter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk;

TEST_CASE("[TextPainter] layouts a screen measured stay valid until the next frame, however many it makes") {
  ui::TextPainter painter;
  painter.beginFrame(4.0);
  text::TextStyle style;
  style.pixelSize = 20;
  // A screen measures its titles first and draws them later: the first reference must survive
  // the thousands of layouts made in between (the cache used to be cleared mid-frame).
  const text::TextLayout& first = painter.layout("The first title", "en", style, 300);
  const text::TextLayout* firstAddress = &first;
  for (int i = 0; i < static_cast<int>(ui::TextPainter::kMaxLayouts) + 500; ++i)
    (void)painter.layout("title " + std::to_string(i), "en", style, 300);
  CHECK(painter.layoutCount() > ui::TextPainter::kMaxLayouts);
  CHECK(&painter.layout("The first title", "en", style, 300) == firstAddress); // the same entry, still there
  // Between frames the cache is trimmed, so a week of kiosk life does not grow it.
  painter.beginFrame(4.0);
  CHECK(painter.layoutCount() == 0);
}
