#include "app/HashPin.h"

#include "ops/AdminPin.h"

#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <string>

namespace kiosk::app {
namespace {

// The terminal's settings before echo was turned off, for the Ctrl+C handler.
struct termios g_saved;
int g_savedFd = -1;

void restoreAndDie(int signal) {
  // Only async-signal-safe calls here: put the terminal back, then die of the same signal.
  if (g_savedFd >= 0) tcsetattr(g_savedFd, TCSANOW, &g_saved);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

bool readLine(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back(); // typed or saved on Windows
  return true;
}

} // namespace

HiddenInput::HiddenInput(int fd) : m_fd(fd) {
  if (!isatty(fd) || tcgetattr(fd, &g_saved) != 0) return;
  struct termios quiet = g_saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL; // the Enter still moves to the next line
  g_savedFd = fd;
  std::signal(SIGINT, restoreAndDie);
  std::signal(SIGTERM, restoreAndDie);
  m_active = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
}

HiddenInput::~HiddenInput() {
  if (g_savedFd != m_fd) return;
  tcsetattr(m_fd, TCSAFLUSH, &g_saved);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  g_savedFd = -1;
}

int hashPin(std::istream& in, std::ostream& out, std::ostream& err, bool interactive) {
  std::string pin, again;
  if (interactive) err << "Staff PIN for the admin view (6 to 12 digits, not shown): " << std::flush;
  if (!readLine(in, pin)) {
    err << "kiosk hash-pin: no PIN was given; type it, or give it on one line of input\n";
    return 2;
  }
  if (!isValidNewPin(pin)) {
    err << "kiosk hash-pin: a PIN must be " << kNewPinMinDigits << " to " << kPinMaxDigits
        << " digits (0-9) and nothing else; nothing was made\n";
    if (looksLikePlainPin(pin) && pin.size() < kNewPinMinDigits)
      err << "A shorter PIN is not safe whatever its hash: anyone with a copy of kiosk.toml can try every 4-digit PIN "
             "against the hash on a PC in minutes (the keypad's lockout does not stop that). Choose at least "
          << kNewPinMinDigits << " digits.\n";
    return 1;
  }
  if (interactive) {
    err << "The same PIN again: " << std::flush;
    if (!readLine(in, again) || again != pin) {
      err << "kiosk hash-pin: the two PINs differ; nothing was made, try again\n";
      return 1;
    }
  }
  std::string error;
  const auto hash = makePinHash(pin, error);
  if (!hash) {
    err << "kiosk hash-pin: " << error << "\n";
    return 2;
  }
  out << "admin_pin = \"" << hash->text() << "\"\n" << std::flush;
  err << "Put this line under [kiosk] in the content folder's kiosk.toml (before any [kiosk.xxx] table), "
         "then check it with: kiosk validate\n";
  return 0;
}

} // namespace kiosk::app
