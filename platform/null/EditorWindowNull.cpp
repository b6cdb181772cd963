#include "platform/EditorWindow.h"

namespace platform {

bool embedWindow(unsigned long, unsigned long, int, int, std::string& why) {
  why = "this system cannot show the preview inside the editor's window";
  return false;
}
int placeEmbedded(unsigned long, int, int, unsigned, unsigned) { return 0; }
bool grabWindow(unsigned long, unsigned& width, unsigned& height, std::vector<std::uint8_t>& rgba, std::string& why) {
  width = height = 0;
  rgba.clear();
  why = "this system cannot read the window's pixels";
  return false;
}

namespace {
class DropTargetNull final : public DropTarget {
public:
  bool start(unsigned long, std::string& why) override {
    why = "this system does not take files dropped on the window; use Add picture";
    return false;
  }
  std::vector<FileDrop> poll() override { return {}; }
  bool hovering(int&, int&) const override { return false; }
};
} // namespace

std::unique_ptr<DropTarget> createDropTarget() { return std::make_unique<DropTargetNull>(); }

} // namespace platform
