#include "ui/KineticScroll.h"

#include <doctest/doctest.h>

using kiosk::ui::KineticScroll;

namespace {
constexpr float kFrame = 1.0f / 60;
} // namespace

TEST_CASE("[KineticScroll] the content follows the finger exactly, in the same frame") {
  KineticScroll s;
  s.drag(12, kFrame, 1000);
  CHECK(s.position() == doctest::Approx(12)); // touch-to-feedback: this frame, not the next
  s.drag(-5, kFrame, 1000);
  CHECK(s.position() == doctest::Approx(7));
}

TEST_CASE("[KineticScroll] a flick carries on and slows to a stop, further than the finger went") {
  KineticScroll s;
  for (int i = 0; i < 6; ++i) s.drag(40, kFrame, 100000); // 2400 px/s
  const float lifted = s.position();
  s.release();
  CHECK(s.moving());
  float previousSpeed = s.velocity();
  int frames = 0;
  while (s.moving() && frames < 600) {
    s.step(kFrame, 100000);
    CHECK(s.velocity() <= previousSpeed); // always slowing
    previousSpeed = s.velocity();
    ++frames;
  }
  CHECK_FALSE(s.moving());
  CHECK(frames < 240);                         // settles within four seconds
  CHECK(s.position() > lifted + 300);          // glided on
  CHECK(s.position() < lifted + 2400 * 0.5f);  // but not forever
}

TEST_CASE("[KineticScroll] a slow lift is no flick, and a held finger stops the glide") {
  KineticScroll s;
  for (int i = 0; i < 30; ++i) s.drag(0.5f, kFrame, 1000); // 30 px/s: reading, not flicking
  s.release();
  CHECK_FALSE(s.moving());
  KineticScroll t;
  for (int i = 0; i < 6; ++i) t.drag(40, kFrame, 100000);
  t.release();
  t.step(kFrame, 100000);
  t.drag(0, kFrame, 100000); // the finger lands on the moving list
  CHECK_FALSE(t.moving());
}

TEST_CASE("[KineticScroll] past an end the content stretches a little, then springs back") {
  KineticScroll s;
  for (int i = 0; i < 10; ++i) s.drag(-30, kFrame, 500); // dragging down at the top
  CHECK(s.position() < 0);
  CHECK(s.position() > -300 * 0.5f); // resisted: much less than the finger's 300 px
  s.release();
  for (int i = 0; i < 60; ++i) s.step(kFrame, 500);
  CHECK(s.position() == 0); // back within a second, exactly at the end
  // A flick into the bottom end stops there too.
  KineticScroll t;
  for (int i = 0; i < 6; ++i) t.drag(60, kFrame, 500);
  t.release();
  for (int i = 0; i < 120; ++i) t.step(kFrame, 500);
  CHECK(t.position() == 500);
  CHECK_FALSE(t.moving());
}
