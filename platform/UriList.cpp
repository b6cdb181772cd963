// text/uri-list decoding, shared by every platform's drop target.
#include "platform/EditorWindow.h"

namespace platform {

namespace {
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
} // namespace

std::string fileFromUri(const std::string& uri) {
  std::string rest;
  if (uri.rfind("file://", 0) == 0) rest = uri.substr(7);
  else if (uri.rfind("file:/", 0) == 0) rest = uri.substr(5);
  else if (!uri.empty() && uri[0] == '/') rest = uri; // some sources send bare paths
  else return {};
  // file://host/path: only this machine's files ("localhost" or empty host) are files to copy.
  if (rest.empty()) return {};
  if (rest[0] != '/') {
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return {};
    const std::string host = rest.substr(0, slash);
    if (host != "localhost") return {};
    rest = rest.substr(slash);
  }
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      const int hi = hexValue(rest[i + 1]);
      const int lo = hexValue(rest[i + 2]);
      if (hi >= 0 && lo >= 0) {
        const char c = static_cast<char>(hi * 16 + lo);
        if (c == '\0') return {}; // a NUL in a path is no file
        out += c;
        i += 2;
        continue;
      }
    }
    out += rest[i];
  }
  return out;
}

std::vector<std::string> filesFromUriList(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find('\n', start);
    if (end == std::string::npos) end = list.size();
    std::string line = list.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') {
      std::string file = fileFromUri(line);
      if (!file.empty()) out.push_back(std::move(file));
    }
    if (end == list.size()) break;
    start = end + 1;
  }
  return out;
}

} // namespace platform
