#include "text/Shaper.h"

#include <hb.h>

#include <memory>

namespace kiosk::text {

ShapedRun shape(std::string_view utf8, const FontFace& face, float pixelSize, const std::string& language,
                bool rightToLeft, const std::vector<ByteRange>& halfWidth) {
  ShapedRun run;
  if (utf8.empty()) return run;
  std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)> buf(hb_buffer_create(), hb_buffer_destroy);
  hb_buffer_add_utf8(buf.get(), utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
  hb_buffer_set_direction(buf.get(), rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_language(buf.get(), hb_language_from_string(language.c_str(), static_cast<int>(language.size())));
  hb_buffer_guess_segment_properties(buf.get()); // the script, from the text
  // Joiners and selectors left over once shaping has used them are dropped, not kept as empty
  // space glyphs: a layout's glyphs are what is drawn.
  hb_buffer_set_flags(buf.get(), HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
  std::vector<hb_feature_t> features;
  features.reserve(halfWidth.size());
  for (const ByteRange& r : halfWidth)
    features.push_back({HB_TAG('h', 'a', 'l', 't'), 1, static_cast<unsigned>(r.begin), static_cast<unsigned>(r.end)});
  hb_shape(face.hbFont(), buf.get(), features.data(), static_cast<unsigned>(features.size()));
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &count);
  const float scale = pixelSize / static_cast<float>(face.unitsPerEm());
  run.glyphs.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    ShapedGlyph g;
    g.glyph = info[i].codepoint;
    g.cluster = info[i].cluster;
    g.advance = static_cast<float>(pos[i].x_advance) * scale;
    g.offsetX = static_cast<float>(pos[i].x_offset) * scale;
    g.offsetY = static_cast<float>(pos[i].y_offset) * scale;
    run.width += g.advance;
    run.glyphs.push_back(g);
  }
  return run;
}

} // namespace kiosk::text
