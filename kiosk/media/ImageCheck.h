#pragma once
// Checks every picture a content snapshot names, reading only headers: staff learn of a file
// that is not an image from `kiosk validate` and at start-up, not when a visitor opens the item.
#include "core/Content.h"
#include "core/Diagnostic.h"

#include <vector>

namespace kiosk::media {

enum class ImageCheckDepth {
  Header, // the size, format and limits from the first bytes: fast, for every start and reload
  Decode, // also decodes each picture (small, at the DCT's 1/8 scale where it can): catches
          // files cut short and damaged data; for `kiosk validate`
};

// One error per unusable picture, at the line of the TOML file that names it. Worker thread.
std::vector<Diagnostic> checkContentImages(const Content& content, ImageCheckDepth depth = ImageCheckDepth::Header);

} // namespace kiosk::media
