#pragma once
// Multi-touch from the touch screen itself (XInput 2.2 on X11): every finger, for pinch and
// two-finger gestures. SFML 2.5 on X11 sees only the first finger, as the mouse; that stays
// the kiosk's pointer, and this adds the other fingers. Where the server or the screen has no
// multi-touch, start() says why and the kiosk works with the single pointer.
#include <memory>
#include <string>
#include <vector>

namespace platform {

struct TouchEvent {
  enum class Kind { Begin, Update, End };
  Kind kind = Kind::Begin;
  int id = 0;       // the same for one finger from Begin to End
  float x = 0, y = 0; // window pixels
  // The finger the X server would have turned into the mouse. Selecting touch events takes
  // that mouse from SFML (XI 2.2: a window with a touch selection gets touches, not emulated
  // pointer events), so the kiosk makes this finger its pointer itself.
  bool emulatesPointer = false;
};

class TouchInput {
public:
  virtual ~TouchInput() = default;
  // Listens for touches on the window (an X11 Window id); false with `why` when it cannot.
  virtual bool start(unsigned long window, std::string& why) = 0;
  // Touch events since the last call, oldest first. Never blocks.
  virtual std::vector<TouchEvent> poll() = 0;
};

std::unique_ptr<TouchInput> createTouchInput();

} // namespace platform
