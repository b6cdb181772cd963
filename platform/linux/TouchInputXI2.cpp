#include "platform/TouchInput.h"

#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>

namespace platform {

namespace {

// X errors arrive later than the request that caused them; Xlib's default handler would end
// the process. While selecting, errors are caught here instead.
int g_selectError = 0;
int catchError(Display*, XErrorEvent* e) {
  g_selectError = e->error_code;
  return 0;
}

// Its own X connection: SFML reads its events from its own, and XI2 touch events go to the
// connection that selected them.
class TouchInputXI2 final : public TouchInput {
public:
  ~TouchInputXI2() override {
    if (m_display) XCloseDisplay(m_display);
  }

  bool start(unsigned long window, std::string& why) override {
    m_display = XOpenDisplay(nullptr);
    if (!m_display) {
      why = "multi-touch: cannot open the X display; one finger works as the pointer";
      return false;
    }
    int event = 0, error = 0;
    if (!XQueryExtension(m_display, "XInputExtension", &m_opcode, &event, &error)) {
      why = "multi-touch: the X server has no XInput extension; one finger works as the pointer";
      return false;
    }
    int major = 2, minor = 2;
    if (XIQueryVersion(m_display, &major, &minor) != Success || major < 2 || (major == 2 && minor < 2)) {
      why = "multi-touch: the X server has XInput " + std::to_string(major) + "." + std::to_string(minor) +
            ", not 2.2; one finger works as the pointer";
      return false;
    }
    unsigned char bits[XIMaskLen(XI_LASTEVENT)] = {};
    XISetMask(bits, XI_TouchBegin);
    XISetMask(bits, XI_TouchUpdate);
    XISetMask(bits, XI_TouchEnd);
    XIEventMask mask{XIAllMasterDevices, sizeof bits, bits};
    g_selectError = 0;
    XErrorHandler previous = XSetErrorHandler(catchError);
    const Status selected = XISelectEvents(m_display, window, &mask, 1);
    XSync(m_display, False); // BadAccess (another client holds the touches) arrives now
    XSetErrorHandler(previous);
    if (selected != Success || g_selectError != 0) {
      why = "multi-touch: the X server refused touch events for the window (another program holds them); one finger works as the pointer";
      XCloseDisplay(m_display);
      m_display = nullptr;
      return false;
    }
    // Whether any touch screen is there at all, for the log.
    int count = 0;
    XIDeviceInfo* devices = XIQueryDevice(m_display, XIAllDevices, &count);
    bool touch = false;
    for (int i = 0; i < count && !touch; ++i)
      for (int c = 0; c < devices[i].num_classes; ++c)
        if (devices[i].classes[c]->type == XITouchClass) touch = true;
    XIFreeDeviceInfo(devices);
    if (!touch) why = "multi-touch: listening, but no touch screen is connected now";
    return true;
  }

  std::vector<TouchEvent> poll() override {
    std::vector<TouchEvent> out;
    if (!m_display) return out;
    while (XPending(m_display) > 0) {
      XEvent ev;
      XNextEvent(m_display, &ev);
      XGenericEventCookie* cookie = &ev.xcookie;
      if (cookie->type != GenericEvent || cookie->extension != m_opcode || !XGetEventData(m_display, cookie)) continue;
      const auto* d = static_cast<const XIDeviceEvent*>(cookie->data);
      TouchEvent t;
      t.id = d->detail;
      t.x = static_cast<float>(d->event_x);
      t.y = static_cast<float>(d->event_y);
      t.emulatesPointer = (d->flags & XITouchEmulatingPointer) != 0;
      bool known = true;
      switch (cookie->evtype) {
      case XI_TouchBegin: t.kind = TouchEvent::Kind::Begin; break;
      case XI_TouchUpdate: t.kind = TouchEvent::Kind::Update; break;
      case XI_TouchEnd: t.kind = TouchEvent::Kind::End; break;
      default: known = false;
      }
      if (known) out.push_back(t);
      XFreeEventData(m_display, cookie);
    }
    return out;
  }

private:
  Display* m_display = nullptr;
  int m_opcode = 0;
};

} // namespace

std::unique_ptr<TouchInput> createTouchInput() { return std::make_unique<TouchInputXI2>(); }

} // namespace platform
