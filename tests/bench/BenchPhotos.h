#pragma once
// Camera-sized test photos for the benchmarks (bench_images, bench_vs_browser): generated, so the
// repository carries no large pictures.
#include <cstdint>
#include <vector>

namespace bench {

using Bytes = std::vector<std::uint8_t>;

// A photo-like JPEG (quality 90): broad colour fields, edges, fine texture and sensor grain, so it
// compresses like a real photo (about 6 MB at 6000x4000), not like a flat test card. Exits the
// process when TurboJPEG cannot encode it.
Bytes makePhoto(int w, int h, unsigned seed);

// The same photo with a comment segment naming it: different bytes (and so a different content
// hash) at no cost to decoding, as many different photos would be.
Bytes uniqueCopy(const Bytes& jpeg, int n);

} // namespace bench
