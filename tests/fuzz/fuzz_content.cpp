// libFuzzer target for the content loader: one input is a whole content folder, written to a
// scratch folder and read by the real loadContent, then checked the way `kiosk validate` and a
// reload check it (picture headers, translation coverage, every diagnostic formatted).
//
// Input format (corpus/fuzz_content/ has examples made from the sample content):
//   the bytes up to the first separator line are kiosk.toml; then any number of
//   "\n@@@ RELATIVE/PATH\n" lines, each followed by that file's bytes, e.g.
//     [kiosk]
//     languages = ["en"]
//     @@@ sections/01-city/section.toml
//     title = "City"
//     @@@ sections/01-city/01-palace.toml
//     ...
//     @@@ sections/01-city/01-palace.en.md
//     # Body
// Paths are tamed (a few plain components, no "..", no absolute paths) so every file stays in
// the scratch folder, on /dev/shm when there is one (a tmpfs: no disk I/O).
#include "core/ContentLoader.h"
#include <nlohmann/json.hpp>
#include "core/TranslationReport.h"
#include "media/ImageCheck.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSeparator = "\n@@@ ";
constexpr size_t kMaxFiles = 64;

// $KIOSK_FUZZ_SCRATCH (fuzz.sh makes one and removes it afterwards, also after a crash, which
// skips the exit handler below), else /dev/shm or the temp folder.
fs::path scratchRoot() {
  std::error_code ec;
  fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path(ec);
  if (const char* dir = std::getenv("KIOSK_FUZZ_SCRATCH"); dir && *dir) base = dir;
  return base / ("kiosk-fuzz-content-" + std::to_string(::getpid()));
}

// "sections/01-a/../x y.toml" -> "sections/01-a/x_y.toml"; empty when nothing is left.
std::string tamePath(std::string_view raw) {
  std::string out;
  std::string part;
  int parts = 0;
  auto flush = [&] {
    if (!part.empty() && part != "." && part != ".." && parts < 4) {
      if (!out.empty()) out += '/';
      out += part;
      ++parts;
    }
    part.clear();
  };
  for (char c : raw.substr(0, 120)) {
    if (c == '/') {
      flush();
      continue;
    }
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    part += plain ? c : '_';
  }
  flush();
  return out;
}

void writeFile(const fs::path& root, const std::string& relative, std::string_view bytes) {
  const fs::path file = root / relative;
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) return; // a file already stands where a folder is named: skip, as a clash on disk would
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  static const fs::path scratch = scratchRoot();
  static const bool cleanup = [] { return std::atexit([] { std::error_code ec; fs::remove_all(scratch, ec); }) == 0; }();
  (void)cleanup;
  const fs::path root = scratch / "content";
  std::error_code ec;
  fs::remove_all(root, ec);
  fs::create_directories(root, ec);

  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string name = "kiosk.toml";
  size_t pos = 0, files = 0;
  while (files < kMaxFiles) {
    const size_t next = input.find(kSeparator, pos);
    const std::string_view body = input.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    if (!name.empty()) writeFile(root, name, body), ++files;
    if (next == std::string_view::npos) break;
    const size_t nameStart = next + kSeparator.size();
    const size_t nameEnd = input.find('\n', nameStart);
    name = tamePath(input.substr(nameStart, nameEnd == std::string_view::npos ? std::string_view::npos : nameEnd - nameStart));
    if (nameEnd == std::string_view::npos) break;
    pos = nameEnd + 1;
  }

  // Smaller limits than the kiosk's keep each run fast; the checks are the same code.
  kiosk::ContentLimits limits;
  limits.maxTomlBytes = 256 * 1024;
  limits.maxSections = 16;
  limits.maxItemsPerSection = 32;
  const kiosk::LoadResult result = kiosk::loadContent(root, limits);
  size_t chars = 0;
  for (const auto& d : result.diagnostics) chars += d.format().size() + nlohmann::json(d.message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
  if (result.content) {
    for (const auto& d : kiosk::media::checkContentImages(*result.content, kiosk::media::ImageCheckDepth::Header))
      chars += d.format().size();
    for (const auto& c : kiosk::translationCoverage(*result.content)) chars += c.language.size();
    for (const auto& place : result.content->texts()) chars += place.file.size() + place.what.size();
  }
  (void)chars;
  return 0;
}
