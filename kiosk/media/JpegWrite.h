#pragma once
// Writes a decoded picture as a JPEG file (TurboJPEG), for the editor's "make it smaller" offer.
#include "media/ImageDecoder.h"

#include <filesystem>
#include <string>

namespace kiosk::media {

// `image` (RGBA, opaque) at `quality` (1-100) to `file`, written to a new file beside it and
// renamed over it. False with a sentence in `error`.
bool writeJpeg(const std::filesystem::path& file, const DecodedImage& image, int quality, std::string& error);

} // namespace kiosk::media
