#pragma once
// Checks every picture a content snapshot names, reading only headers: staff learn of a file
// that is not an image from `kiosk validate` and at start-up, not when a visitor opens the item.
#include "core/Content.h"
#include "core/Diagnostic.h"

#include <vector>

namespace kiosk::media {

// One error per unusable picture, at the line of the TOML file that names it. Worker thread.
std::vector<Diagnostic> checkContentImages(const Content& content);

} // namespace kiosk::media
