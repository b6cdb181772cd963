#pragma once
// The width and height of a picture, read from the first bytes of its file: what the loader
// needs to place a map's points, without decoding anything (core knows no image decoder).
// Decoding, and the full checks of a picture, are media's job (media/ImageDecoder.h).
#include <filesystem>
#include <istream>
#include <optional>

namespace kiosk {

struct PictureSize {
  int width = 0;  // pixels, as an image viewer shows the picture (EXIF orientation applied)
  int height = 0;
  bool operator==(const PictureSize&) const = default;
};

// The size of a PNG, JPEG, GIF or BMP picture from its header; nullopt for anything else, a
// damaged header or a size of 0. A JPEG is walked marker by marker, reading a few bytes of each
// segment (and the EXIF segment, at most 64 KiB, for its orientation), never the picture data.
// Never throws.
std::optional<PictureSize> readPictureSize(std::istream& in);
std::optional<PictureSize> readPictureSize(const std::filesystem::path& file);

} // namespace kiosk
