#pragma once
// `kiosk hash-pin`: reads the staff PIN and prints the admin_pin line to paste into kiosk.toml.
#include <istream>
#include <ostream>

namespace kiosk::app {

// Reads the PIN as one line from `in`; asks for it twice when `interactive` (a terminal, where
// it is not shown, so a slip of the finger would go unseen). Prompts, hints and errors go to
// `err`, the admin_pin line alone to `out`, so `kiosk hash-pin < file > line` works too.
// Never writes the PIN anywhere. The line holds an Argon2id hash (see ops/AdminPin.h). Returns
// 0, 1 for a PIN that is not 6-12 digits (or two that differ), 2 when no PIN was read or no hash
// could be made (no random source, no memory).
int hashPin(std::istream& in, std::ostream& out, std::ostream& err, bool interactive);

// While alive, what is typed on terminal `fd` is not shown; Ctrl+C restores it too. Does
// nothing when `fd` is not a terminal (a pipe, a file).
class HiddenInput {
public:
  explicit HiddenInput(int fd);
  ~HiddenInput();
  HiddenInput(const HiddenInput&) = delete;
  HiddenInput& operator=(const HiddenInput&) = delete;
  bool active() const { return m_active; }

private:
  int m_fd;
  bool m_active = false;
};

} // namespace kiosk::app
