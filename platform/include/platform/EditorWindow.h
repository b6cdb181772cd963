#pragma once
// What the staff editor (kiosk edit) needs from the windowing system beyond SFML 2.5: the live
// preview (a kiosk process of its own) shown inside the editor's window, files dropped on the
// window from a file manager, and a picture of the window with the preview in it. One
// implementation per OS: linux/EditorWindowX11.cpp (XDND through XdndProxy, XReparentWindow,
// XGetImage), null/EditorWindowNull.cpp (nothing: the editor's file dialog and keys still work).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace platform {

// Puts `child` (a window of this process) inside `parent` (another process's window) at x, y.
// False with `why` when the system cannot.
bool embedWindow(unsigned long child, unsigned long parent, int x, int y, std::string& why);

// Moves and sizes the windows other processes put inside `parent` (the editor's preview).
// Returns how many there were.
int placeEmbedded(unsigned long parent, int x, int y, unsigned width, unsigned height);

// The pixels of `window` as the screen shows them, windows inside it included, as RGBA rows
// from the top. False with `why` when they cannot be read.
bool grabWindow(unsigned long window, unsigned& width, unsigned& height, std::vector<std::uint8_t>& rgba,
                std::string& why);

// Files dropped on a window from a file manager (XDND on X11).
struct FileDrop {
  std::vector<std::string> files; // absolute paths, decoded from file:// addresses
  int x = 0, y = 0;               // where, in the window's pixels
};

class DropTarget {
public:
  virtual ~DropTarget() = default;
  // Starts accepting drops on `window`; false with `why` when the system cannot.
  virtual bool start(unsigned long window, std::string& why) = 0;
  // Drops finished since the last call. Never blocks.
  virtual std::vector<FileDrop> poll() = 0;
  // Where a drag is over the window now (files not yet dropped), for highlighting; false: none.
  virtual bool hovering(int& x, int& y) const = 0;
};

std::unique_ptr<DropTarget> createDropTarget();

// `file:///tmp/a%20b.jpg` -> "/tmp/a b.jpg"; empty for addresses that are not local files.
// Shared by the implementations; tested on every machine.
std::string fileFromUri(const std::string& uri);
// The lines of a text/uri-list (RFC 2483): comments and blank lines left out.
std::vector<std::string> filesFromUriList(const std::string& list);

} // namespace platform
