#pragma once
// A fast, good-quality downscale of opaque RGBA pictures: separable Catmull-Rom (bicubic, a =
// -0.5) filter widened by the scale factor, computed in linear light (so fine detail keeps its
// brightness) with 16-bit fixed point. Rows are filtered first, which leaves the per-pixel
// horizontal pass with fewer rows; both passes vectorize. About 3x faster than stb_image_resize
// on a 2250x1500 -> 1920x1280 step, for results within a level or two of it.
#include <cstdint>
#include <vector>

namespace kiosk::media {

// Scales src (sw x sh, RGBA, alpha ignored) to dst (dw x dh, RGBA, alpha 255). Any sizes >= 1;
// enlarging works too (the filter is then plain bicubic).
void resampleOpaque(const std::uint8_t* src, int sw, int sh, std::uint8_t* dst, int dw, int dh);

// Halves an RGBA picture with a box filter in linear light (colour weighted by alpha when
// `alpha`) until it is within twice dw x dh each way, so the filter after it stays small
// whatever the ratio. Points `src`, `sw`, `sh` at the result, which lives in `storage`.
void halveToWithinTwice(const std::uint8_t*& src, int& sw, int& sh, int dw, int dh, bool alpha, std::vector<std::uint8_t>& storage);

} // namespace kiosk::media
