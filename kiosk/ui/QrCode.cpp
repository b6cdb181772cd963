#include "ui/QrCode.h"

#include <qrencode.h>

namespace kiosk::ui {

QrCode encodeQr(const std::string& text) {
  QrCode code;
  if (text.empty()) return code;
  QRcode* q = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!q) return code; // too long for any version: the caller shows the link as text only
  code.size = q->width;
  code.dark.resize(static_cast<size_t>(q->width) * q->width);
  for (size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = q->data[i] & 1;
  QRcode_free(q);
  return code;
}

} // namespace kiosk::ui
