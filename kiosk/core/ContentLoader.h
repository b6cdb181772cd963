#pragma once
// Reads a content folder into an immutable snapshot, reporting every problem it meets.
//
// Layout (content/README.md documents it for staff):
//   kiosk.toml                         settings: name, tagline, languages, timings
//   sections/NN-id/section.toml        a section: title, subtitle, colour, cover
//   sections/NN-id/NN-item-id.toml     an item: title, summary, body, images
// "NN-" is an optional order prefix; the rest of the name is the id.
#include "core/Content.h"
#include "core/Diagnostic.h"

#include <filesystem>
#include <vector>

namespace kiosk {

struct LoadResult {
  // Null only when the folder itself could not be read; otherwise everything that loaded,
  // with broken sections and items left out.
  ContentSnapshot content;
  std::vector<Diagnostic> diagnostics;
};

// Limits that keep a mistaken file (a video renamed .toml, a huge log) from hurting the kiosk.
struct ContentLimits {
  std::uintmax_t maxTomlBytes = 1 << 20;
  std::size_t maxSections = 64;
  std::size_t maxItemsPerSection = 256;
};

// Loads and validates `root`. Never throws; never writes to the folder. Safe on any thread.
LoadResult loadContent(const std::filesystem::path& root, const ContentLimits& limits = {});

} // namespace kiosk
