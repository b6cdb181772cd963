#include "ui/TouchGestures.h"

#include <doctest/doctest.h>

using kiosk::ui::TouchGestures;
using platform::TouchEvent;
using TouchKind = TouchEvent::Kind;

TEST_CASE("[TouchGestures] two fingers spreading pinch out, their midpoint moving pans") {
  TouchGestures g;
  g.apply({TouchKind::Begin, 1, 400, 300});
  CHECK_FALSE(g.takeStep().active); // one finger is the pointer's business
  g.apply({TouchKind::Begin, 2, 600, 300});
  auto s = g.takeStep();
  CHECK(s.active);
  CHECK(s.scale == doctest::Approx(1)); // the second finger landing is no jump
  CHECK(s.x == doctest::Approx(500));
  g.apply({TouchKind::Update, 1, 350, 310});
  g.apply({TouchKind::Update, 2, 650, 310});
  s = g.takeStep();
  CHECK(s.scale == doctest::Approx(1.5)); // 200 px apart, now 300
  CHECK(s.dx == doctest::Approx(0));
  CHECK(s.dy == doctest::Approx(10));
  CHECK(g.takeStep().scale == doctest::Approx(1)); // nothing moved since
  CHECK(g.pinchedSinceFirstDown());
}

TEST_CASE("[TouchGestures] a finger lifting or a third landing never makes the picture jump") {
  TouchGestures g;
  g.apply({TouchKind::Begin, 1, 100, 100});
  g.apply({TouchKind::Begin, 2, 300, 100});
  g.takeStep();
  g.apply({TouchKind::Begin, 3, 900, 900}); // not one of the first two: ignored, and no jump
  CHECK(g.takeStep().scale == doctest::Approx(1));
  g.apply({TouchKind::End, 1, 100, 100}); // now fingers 2 and 3 pinch, from where they are
  const auto s = g.takeStep();
  CHECK(s.active);
  CHECK(s.scale == doctest::Approx(1));
  g.apply({TouchKind::End, 2, 0, 0});
  CHECK_FALSE(g.takeStep().active);
  CHECK(g.pinchedSinceFirstDown()); // still the same press
  g.apply({TouchKind::End, 3, 0, 0});
  CHECK(g.pinchedSinceFirstDown()); // still, in the frame the pointer's release is seen
  CHECK(g.fingers() == 0);
  g.apply({TouchKind::Begin, 4, 10, 10}); // a new touch
  CHECK_FALSE(g.pinchedSinceFirstDown());
}

TEST_CASE("[TouchGestures] a finger whose end was lost is forgotten after two seconds") {
  TouchGestures g;
  g.apply({TouchKind::Begin, 1, 100, 100}, 10.0);
  g.apply({TouchKind::Begin, 2, 200, 100}, 10.0);
  g.apply({TouchKind::Update, 2, 210, 100}, 11.5);
  g.forgetStale(12.5); // finger 1 silent for 2.5 s
  CHECK(g.fingers() == 1);
  g.forgetStale(14.0);
  CHECK(g.fingers() == 0);
}
