#pragma once
// Whether headphones are plugged into the kiosk's jack (issue 17: plugging them in starts speech,
// as at museum kiosks with a headphone jack beside a tactile keypad). Linux reports the jack as an
// input switch (SW_HEADPHONE_INSERT) on the sound card's "Headphone Jack" event device; a platform
// or machine without one reports nothing.
#include <memory>
#include <optional>
#include <string>

namespace platform {

class HeadphoneJack {
public:
  virtual ~HeadphoneJack() = default;
  // true: plugged in; false: not; nullopt: no jack this platform can watch. Cheap (a value kept
  // by a watcher thread): call it every frame.
  virtual std::optional<bool> plugged() const = 0;
  // For the log: which devices are watched, or why none are.
  virtual std::string describe() const = 0;
};

std::unique_ptr<HeadphoneJack> createHeadphoneJack();

} // namespace platform
