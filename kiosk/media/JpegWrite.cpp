#include "media/JpegWrite.h"

#include <turbojpeg.h>

#include <fstream>

namespace kiosk::media {

bool writeJpeg(const std::filesystem::path& file, const DecodedImage& image, int quality, std::string& error) {
  if (image.width <= 0 || image.height <= 0 || image.rgba.size() < static_cast<size_t>(image.width) * image.height * 4) {
    error = "there is no picture to write";
    return false;
  }
  tjhandle tj = tjInitCompress();
  if (!tj) {
    error = "the JPEG encoder could not start";
    return false;
  }
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int rc = tjCompress2(tj, image.rgba.data(), image.width, 0, image.height, TJPF_RGBA, &out, &size, TJSAMP_420,
                             quality, TJFLAG_ACCURATEDCT);
  if (rc != 0) {
    error = std::string("the picture could not be encoded as JPEG: ") + tjGetErrorStr2(tj);
    tjDestroy(tj);
    if (out) tjFree(out);
    return false;
  }
  const std::filesystem::path temp = file.string() + ".part";
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(out), static_cast<std::streamsize>(size));
    if (!f) error = "could not write " + temp.string() + " (is the disk full?)";
  }
  tjFree(out);
  tjDestroy(tj);
  if (!error.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    return false;
  }
  std::error_code ec;
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    error = "could not put " + file.string() + " in place: " + ec.message();
    std::filesystem::remove(temp, ec);
    return false;
  }
  return true;
}

} // namespace kiosk::media
