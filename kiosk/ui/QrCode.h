#pragma once
// QR codes for item links, from libqrencode: a visitor scans one to take the page home.
#include <string>
#include <vector>

namespace kiosk::ui {

struct QrCode {
  int size = 0;                   // modules per side; 0 when the text could not be encoded
  std::vector<unsigned char> dark; // size * size, row by row: 1 for a dark module
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes `text` (a URL) with error correction level M (15% of the code may be damaged, as by a
// glare on the glass), the smallest version that holds it. Fast (microseconds): drawn codes
// are cached by their text.
QrCode encodeQr(const std::string& text);

// The quiet zone the standard asks for around a code, in modules.
constexpr int kQrQuietZone = 4;

} // namespace kiosk::ui
