#include "platform/TouchInput.h"

namespace platform {

namespace {

class TouchInputNull final : public TouchInput {
public:
  bool start(unsigned long, std::string& why) override {
    why = "multi-touch: not on this platform; one finger works as the pointer";
    return false;
  }
  std::vector<TouchEvent> poll() override { return {}; }
};

} // namespace

std::unique_ptr<TouchInput> createTouchInput() { return std::make_unique<TouchInputNull>(); }

} // namespace platform
