#include "media/ImageCheck.h"

#include "media/ImageDecoder.h"

#include <set>

namespace kiosk::media {

std::vector<Diagnostic> checkContentImages(const Content& content, ImageCheckDepth depth) {
  std::vector<Diagnostic> out;
  std::set<std::string> checked; // a picture named twice is reported once
  auto check = [&](const ImageRef& img) {
    if (!img.exists || !checked.insert(img.file.string()).second) return; // missing: the loader said so
    if (img.video) return; // films are probed by checkContentVideos (VideoProbe.h)
    std::string error = probeImageFile(img.file);
    if (error.empty() && depth == ImageCheckDepth::Decode) error = decodeImageFile(img.file, {240, 240, Fit::Contain}).error;
    if (error.empty()) return;
    Diagnostic d;
    d.file = img.namedIn;
    d.line = img.line;
    d.column = img.column;
    d.message = "image '" + img.displayPath + "': " + error + "; a placeholder is shown instead";
    out.push_back(std::move(d));
  };
  for (const ImageRef* img : content.pictures()) check(*img);
  return out;
}

} // namespace kiosk::media
