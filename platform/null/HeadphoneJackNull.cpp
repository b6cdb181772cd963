#include "platform/HeadphoneJack.h"

namespace platform {

namespace {
class NullJack final : public HeadphoneJack {
public:
  std::optional<bool> plugged() const override { return std::nullopt; }
  std::string describe() const override { return "this platform does not report a headphone jack"; }
};
} // namespace

std::unique_ptr<HeadphoneJack> createHeadphoneJack() { return std::make_unique<NullJack>(); }

} // namespace platform
