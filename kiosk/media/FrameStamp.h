#pragma once
// The frame stamp of the test films (issue 15): a clip id and a frame number drawn on every frame
// as black and white blocks, read back from ONE row of the pixels the kiosk presents, so the
// benches and soaks know which film frame was on screen at each presented frame (a frame lost at
// a seam, a black frame, a frame held too long). No dependencies: the kiosk links it for
// --frame-stamps, the benches and the unit tests use it alone.
//
// The layout, in units of a module m = film width / 80 (16 px in a 1280-wide film, 24 in 1920):
//   a band across the vertical middle of the frame, a tenth of its height tall, made of
//   - a grey quiet zone (luma 128) 39 modules wide, centred, and on it
//   - 35 modules, centred (so 43.75% of the film's width, inside its central half): a module is
//     black or white over the whole band height:
//       0:B 1:W | 2..15: payload bits 27..14 | 16:B 17:W 18:B | 19..32: payload bits 13..0 | 33:W 34:B
//   payload (28 bits) = clip (4 bits) << 24 | frame (16 bits) << 8 | check (8 bits), a bit 1
//   drawn white; check = CRC-8 (polynomial 0x07, initial 0, MSB first) of the 20 bits
//   clip << 16 | frame, XOR 0x5A.
// The code is centred, so it survives a screen that crops the film equally at both sides to cover
// a 4:3 or 5:4 screen, and it is large enough to read at any scale down to a 640-pixel-wide film.
// tests/video/frame-stamp-filter.sh writes the same code as ffmpeg drawbox filters.
//
// Reading needs no knowledge of the scale: the centre module (white between two blacks) gives a
// first module width, the two ends of the code (black against the grey quiet zone) the exact one;
// then the middle half of every module must be clearly black (luma <= 64) or clearly white
// (luma >= 192), the guards must be where they belong, the code centred in the row, and the check
// must match. A frame blended with another (a crossfade, a torn or half-updated frame) has grey
// modules or a wrong check: it is Unreadable, never misread.
#include <array>
#include <cstdint>

namespace kiosk::media {

struct FrameStamp {
  enum Kind {
    Code,       // a stamp was read: clip and frame are valid
    Black,      // the whole row is near black (luma <= 40 on at least 98% of its pixels)
    Unreadable, // neither: no stamp (a picture, a menu), or a blended or damaged one
  } kind = Unreadable;
  int clip = -1;  // 0-15
  int frame = -1; // 0-65535
};

inline constexpr int kFrameStampModules = 35;      // black/white modules of the code
inline constexpr int kFrameStampQuietModules = 2;  // grey modules at each side of the code
inline constexpr int kFrameStampModulesPerWidth = 80; // module width = film width / 80

// The 28-bit payload for a clip and frame (both taken modulo their ranges).
std::uint32_t frameStampPayload(int clip, int frame);
// The 35 modules of that stamp, left to right: true = white.
std::array<bool, kFrameStampModules> frameStampModules(int clip, int frame);

// Reads one row of `width` RGBA pixels (4 bytes each, alpha ignored): the screen row through the
// film's vertical middle, the film spanning the whole row, perhaps cropped equally at both sides.
FrameStamp decodeFrameStamp(const std::uint8_t* rgba, int width);

} // namespace kiosk::media
