#include "ops/ReloadSchedule.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("[ReloadSchedule] copying 200 pictures causes one reload, after the folder is quiet") {
  VirtualClock clock;
  ReloadSchedule schedule;
  int reloads = 0;
  std::uint64_t changes = 0;
  // 200 files, one every 30 ms (a USB stick), then 2 s of nothing, checked every frame.
  for (int frame = 0; frame < 60 * 10; ++frame) {
    clock.advance(1.0 / 60);
    if (clock.now() < 6.0) changes = static_cast<std::uint64_t>(clock.now() / 0.03);
    schedule.observe(changes, clock.now());
    reloads += schedule.takeDue(clock.now());
  }
  CHECK(changes >= 199);
  CHECK(reloads == 1);
}

TEST_CASE("[ReloadSchedule] a single save reloads a quarter second later, not before") {
  ReloadSchedule schedule;
  schedule.observe(0, 0);
  CHECK_FALSE(schedule.takeDue(1));
  schedule.observe(1, 1.0);
  CHECK(schedule.pending());
  CHECK(schedule.firstChangeAt() == 1.0);
  CHECK_FALSE(schedule.takeDue(1.2));
  CHECK(schedule.takeDue(1.3));
  CHECK_FALSE(schedule.takeDue(1.4)); // once
}

TEST_CASE("[ReloadSchedule] changes already reflected schedule nothing") {
  ReloadSchedule schedule;
  schedule.ignoreUpTo(41);
  schedule.observe(41, 0);
  CHECK_FALSE(schedule.pending());
  schedule.observe(42, 0.1);
  CHECK(schedule.pending());
}

TEST_CASE("[ReloadSchedule] changes during a reload schedule another one") {
  ReloadSchedule schedule;
  schedule.observe(1, 0);
  CHECK(schedule.takeDue(0.5));
  schedule.observe(2, 0.6); // staff saved again while the first reload was loading
  CHECK(schedule.takeDue(0.9));
}
