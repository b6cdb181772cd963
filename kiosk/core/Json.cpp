#include "core/Json.h"

#include "core/Utf8.h"

#include <cstdio>

namespace kiosk {

void appendJsonString(std::string& out, std::string_view raw) {
  out += '"';
  while (!raw.empty()) {
    size_t bad = 0;
    const bool valid = utf8::isValid(raw, &bad);
    const std::string_view good = valid ? raw : raw.substr(0, bad);
    for (size_t k = 0; k < good.size(); ++k) {
      // Runs that need no escaping are copied whole (a long id costs one copy, not a loop).
      size_t run = k;
      while (run < good.size() && static_cast<unsigned char>(good[run]) >= 0x20 && good[run] != '"' && good[run] != '\\' &&
             good[run] != 0x7f)
        ++run;
      out.append(good, k, run - k);
      if (run == good.size()) break;
      k = run;
      const unsigned char c = static_cast<unsigned char>(good[k]);
      switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: { // the other control characters
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
      }
    }
    if (valid) break;
    out += "\xEF\xBF\xBD";
    raw.remove_prefix(bad + 1);
  }
  out += '"';
}

std::string jsonString(std::string_view raw) {
  std::string out;
  appendJsonString(out, raw);
  return out;
}

} // namespace kiosk
