// The editor's window on X11: the preview kiosk's window reparented into the editor's, files
// dropped from a file manager through XDND (version 5, freedesktop.org's protocol), and the
// window's pixels read back with XGetImage (which includes the preview's window inside it).
//
// SFML reads the window's events on its own X connection and drops the client messages it does
// not know, so XDND cannot be answered there. The editor opens a connection of its own, makes an
// unmapped window on it, and names that window in the editor window's XdndProxy property: a
// drag source then talks to the proxy, whose messages come to this connection.
#include "platform/EditorWindow.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <algorithm>
#include <cstring>

namespace platform {

namespace {

int g_error = 0;
int catchEditorError(Display*, XErrorEvent* e) {
  g_error = e->error_code;
  return 0;
}

// Runs `f` with X errors caught (a window of another process may be gone), synchronously.
template <class F>
bool withErrorsCaught(Display* d, F&& f) {
  XSync(d, False);
  g_error = 0;
  XErrorHandler previous = XSetErrorHandler(catchEditorError);
  f();
  XSync(d, False);
  XSetErrorHandler(previous);
  return g_error == 0;
}

struct Connection {
  Display* d = XOpenDisplay(nullptr);
  ~Connection() {
    if (d) XCloseDisplay(d);
  }
};

} // namespace

bool embedWindow(unsigned long child, unsigned long parent, int x, int y, std::string& why) {
  Connection c;
  if (!c.d) {
    why = "cannot open the X display";
    return false;
  }
  const bool ok = withErrorsCaught(c.d, [&] {
    XReparentWindow(c.d, child, parent, x, y);
    XMapRaised(c.d, child);
  });
  if (!ok) why = "the X server refused to put the preview into the editor's window (it may have closed)";
  return ok;
}

int placeEmbedded(unsigned long parent, int x, int y, unsigned width, unsigned height) {
  Connection c;
  if (!c.d) return 0;
  int count = 0;
  withErrorsCaught(c.d, [&] {
    Window root = 0, up = 0, *children = nullptr;
    unsigned n = 0;
    if (!XQueryTree(c.d, parent, &root, &up, &children, &n)) return;
    for (unsigned i = 0; i < n; ++i) {
      XMoveResizeWindow(c.d, children[i], x, y, width, height);
      ++count;
    }
    if (children) XFree(children);
  });
  return count;
}

bool grabWindow(unsigned long window, unsigned& width, unsigned& height, std::vector<std::uint8_t>& rgba,
                std::string& why) {
  Connection c;
  if (!c.d) {
    why = "cannot open the X display";
    return false;
  }
  XWindowAttributes a{};
  XImage* image = nullptr;
  // Read from the root window where the window is: a GL window's own pixels are not always
  // readable (BadMatch), and the screen holds what is shown, the preview inside it included.
  const bool ok = withErrorsCaught(c.d, [&] {
    if (!XGetWindowAttributes(c.d, window, &a)) return;
    int x = 0, y = 0;
    Window child = 0;
    XTranslateCoordinates(c.d, window, DefaultRootWindow(c.d), 0, 0, &x, &y, &child);
    const int sw = DisplayWidth(c.d, DefaultScreen(c.d)), sh = DisplayHeight(c.d, DefaultScreen(c.d));
    const int w = std::min(a.width, sw - x), h = std::min(a.height, sh - y);
    if (x < 0 || y < 0 || w <= 0 || h <= 0) return;
    image = XGetImage(c.d, DefaultRootWindow(c.d), x, y, static_cast<unsigned>(w), static_cast<unsigned>(h), AllPlanes, ZPixmap);
  });
  if (!ok || !image) {
    why = "the X server did not give the window's pixels";
    if (image) XDestroyImage(image);
    return false;
  }
  width = static_cast<unsigned>(image->width);
  height = static_cast<unsigned>(image->height);
  rgba.resize(static_cast<size_t>(width) * height * 4);
  // Shifts from the visual's masks (TrueColor: 8 bits each on every X server we meet).
  auto shift = [](unsigned long mask) {
    int s = 0;
    while (mask && !(mask & 1)) {
      mask >>= 1;
      ++s;
    }
    return s;
  };
  const int rs = shift(image->red_mask), gs = shift(image->green_mask), bs = shift(image->blue_mask);
  for (unsigned y = 0; y < height; ++y)
    for (unsigned x = 0; x < width; ++x) {
      const unsigned long p = XGetPixel(image, static_cast<int>(x), static_cast<int>(y));
      std::uint8_t* o = &rgba[(static_cast<size_t>(y) * width + x) * 4];
      o[0] = static_cast<std::uint8_t>(p >> rs);
      o[1] = static_cast<std::uint8_t>(p >> gs);
      o[2] = static_cast<std::uint8_t>(p >> bs);
      o[3] = 255;
    }
  XDestroyImage(image);
  return true;
}

namespace {

class DropTargetX11 final : public DropTarget {
public:
  ~DropTargetX11() override {
    if (m_d) {
      if (m_proxy) XDestroyWindow(m_d, m_proxy);
      XCloseDisplay(m_d);
    }
  }

  bool start(unsigned long window, std::string& why) override {
    m_d = XOpenDisplay(nullptr);
    if (!m_d) {
      why = "cannot open the X display; files cannot be dropped on the editor (use Add picture)";
      return false;
    }
    m_target = window;
    for (auto& [atom, name] : {std::pair{&m_aware, "XdndAware"}, {&m_proxyAtom, "XdndProxy"},
                               {&m_enter, "XdndEnter"}, {&m_position, "XdndPosition"}, {&m_status, "XdndStatus"},
                               {&m_leave, "XdndLeave"}, {&m_drop, "XdndDrop"}, {&m_finished, "XdndFinished"},
                               {&m_selection, "XdndSelection"}, {&m_copy, "XdndActionCopy"},
                               {&m_uriList, "text/uri-list"}, {&m_property, "KIOSK_EDITOR_DROP"}})
      *atom = XInternAtom(m_d, name, False);
    const bool ok = withErrorsCaught(m_d, [&] {
      m_proxy = XCreateWindow(m_d, DefaultRootWindow(m_d), -10, -10, 1, 1, 0, CopyFromParent, InputOnly,
                              CopyFromParent, 0, nullptr);
      const long version = 5;
      const Window proxy = m_proxy;
      for (Window w : {static_cast<Window>(window), proxy}) {
        XChangeProperty(m_d, w, m_aware, XA_ATOM, 32, PropModeReplace, reinterpret_cast<const unsigned char*>(&version), 1);
        XChangeProperty(m_d, w, m_proxyAtom, XA_WINDOW, 32, PropModeReplace, reinterpret_cast<const unsigned char*>(&proxy), 1);
      }
      XFlush(m_d);
    });
    if (!ok) {
      why = "the X server refused the drop target; files cannot be dropped on the editor (use Add picture)";
      return false;
    }
    return true;
  }

  std::vector<FileDrop> poll() override {
    std::vector<FileDrop> out;
    if (!m_d) return out;
    while (XPending(m_d) > 0) {
      XEvent e;
      XNextEvent(m_d, &e);
      if (e.type == ClientMessage) handleMessage(e.xclient);
      else if (e.type == SelectionNotify && e.xselection.requestor == m_proxy) {
        FileDrop drop{readSelection(), m_x, m_y};
        finish(!drop.files.empty());
        if (!drop.files.empty()) out.push_back(std::move(drop));
      }
    }
    return out;
  }

  bool hovering(int& x, int& y) const override {
    if (!m_source) return false;
    x = m_x;
    y = m_y;
    return true;
  }

private:
  void send(Window to, Atom type, long l1, long l2, long l3, long l4) {
    XEvent r{};
    r.xclient.type = ClientMessage;
    r.xclient.display = m_d;
    r.xclient.window = to;
    r.xclient.message_type = type;
    r.xclient.format = 32;
    r.xclient.data.l[0] = static_cast<long>(m_target);
    r.xclient.data.l[1] = l1;
    r.xclient.data.l[2] = l2;
    r.xclient.data.l[3] = l3;
    r.xclient.data.l[4] = l4;
    withErrorsCaught(m_d, [&] { XSendEvent(m_d, to, False, NoEventMask, &r); });
  }

  void handleMessage(const XClientMessageEvent& m) {
    const Window source = static_cast<Window>(m.data.l[0]);
    if (m.message_type == m_enter) {
      m_source = source;
      m_version = static_cast<int>(static_cast<unsigned long>(m.data.l[1]) >> 24);
    } else if (m.message_type == m_position && source == m_source) {
      const int rootX = static_cast<int>((static_cast<unsigned long>(m.data.l[2]) >> 16) & 0xFFFF);
      const int rootY = static_cast<int>(static_cast<unsigned long>(m.data.l[2]) & 0xFFFF);
      Window child = 0;
      withErrorsCaught(m_d, [&] {
        XTranslateCoordinates(m_d, DefaultRootWindow(m_d), m_target, rootX, rootY, &m_x, &m_y, &child);
      });
      // Accept anywhere in the window, copying: the editor copies the file into the content folder.
      send(m_source, m_status, 1 | 2, 0, 0, static_cast<long>(m_copy));
    } else if (m.message_type == m_leave && source == m_source) {
      m_source = 0;
    } else if (m.message_type == m_drop && source == m_source) {
      const Time time = m_version >= 1 ? static_cast<Time>(m.data.l[2]) : CurrentTime;
      withErrorsCaught(m_d, [&] { XConvertSelection(m_d, m_selection, m_uriList, m_property, m_proxy, time); });
      m_waiting = true;
    }
  }

  std::vector<std::string> readSelection() {
    std::vector<std::string> files;
    Atom type = 0;
    int format = 0;
    unsigned long items = 0, left = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(m_d, m_proxy, m_property, 0, 1 << 20, True, AnyPropertyType, &type, &format, &items, &left,
                           &data) == Success &&
        data) {
      if (format == 8) files = filesFromUriList(std::string(reinterpret_cast<const char*>(data), items));
      XFree(data);
    }
    return files;
  }

  void finish(bool accepted) {
    if (m_source && m_version >= 2) send(m_source, m_finished, accepted ? 1 : 0, accepted ? static_cast<long>(m_copy) : 0, 0, 0);
    m_source = 0;
    m_waiting = false;
  }

  Display* m_d = nullptr;
  Window m_proxy = 0;
  unsigned long m_target = 0;
  Window m_source = 0;
  int m_version = 0;
  int m_x = 0, m_y = 0;
  bool m_waiting = false;
  Atom m_aware = 0, m_proxyAtom = 0, m_enter = 0, m_position = 0, m_status = 0, m_leave = 0, m_drop = 0, m_finished = 0,
       m_selection = 0, m_copy = 0, m_uriList = 0, m_property = 0;
};

} // namespace

std::unique_ptr<DropTarget> createDropTarget() { return std::make_unique<DropTargetX11>(); }

} // namespace platform
