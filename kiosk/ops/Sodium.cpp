#include "ops/Sodium.h"

#include <sodium.h>

namespace kiosk {

bool sodiumReady() {
  // sodium_init() is itself safe to call from several threads; the static makes it once.
  static const bool ready = sodium_init() >= 0;
  return ready;
}

} // namespace kiosk
