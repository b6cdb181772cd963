#include "text/FontFace.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <map>
#include <mutex>

namespace kiosk::text {

struct FontFileBytes {
  const unsigned char* data = nullptr;
  size_t size = 0;
  FontFileBytes() = default;
  FontFileBytes(const FontFileBytes&) = delete;
  FontFileBytes& operator=(const FontFileBytes&) = delete;
  ~FontFileBytes() {
    if (data) ::munmap(const_cast<unsigned char*>(data), size);
  }
};

namespace {

// FreeType's library object is not thread-safe for face creation: one per process, guarded.
std::mutex& ftMutex() {
  static std::mutex m;
  return m;
}

FT_Library library() {
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    FT_Init_FreeType(&l);
    return l;
  }();
  return lib;
}

// File bytes shared by every face of a collection; kept while any face uses them. Mapped
// read-only: copying a 20 MB collection into the heap cost 10-60 ms a face at start and made all
// of it the kiosk's own memory. Fonts are the system's (fontconfig); a package upgrade replaces a
// file (a new inode), so the mapping keeps the old file's pages.
std::shared_ptr<const FontFileBytes> fileBytes(const std::string& file) {
  static std::mutex m;
  static std::map<std::string, std::weak_ptr<const FontFileBytes>> cache;
  std::lock_guard lock(m);
  if (auto alive = cache[file].lock()) return alive;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* p = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd); // the mapping keeps the file
  if (p == MAP_FAILED) return nullptr;
  auto bytes = std::make_shared<FontFileBytes>();
  bytes->data = static_cast<const unsigned char*>(p);
  bytes->size = static_cast<size_t>(st.st_size);
  cache[file] = bytes;
  return bytes;
}

} // namespace

std::shared_ptr<FontFace> FontFace::load(const std::string& file, int index, std::string& error) {
  auto bytes = fileBytes(file);
  if (!bytes) {
    error = "cannot read the font file " + file;
    return nullptr;
  }
  std::shared_ptr<FontFace> face(new FontFace());
  face->m_bytes = bytes;
  face->m_file = file;
  face->m_index = index;
  {
    std::lock_guard lock(ftMutex());
    if (FT_New_Memory_Face(library(), bytes->data, static_cast<FT_Long>(bytes->size), index, &face->m_ft) != 0) {
      error = "not a font FreeType can read: " + file + " #" + std::to_string(index);
      return nullptr;
    }
  }
  face->m_family = face->m_ft->family_name ? face->m_ft->family_name : "";
  face->m_colour = FT_HAS_COLOR(face->m_ft);
  // HarfBuzz reads the same bytes with its own OpenType code; its default scale is the font's
  // units per em, so shaped positions are in font units and callers scale them to pixels. (A
  // colour bitmap face has units per em and advances too: its bitmaps are scaled to match them.)
  hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes->data), static_cast<unsigned>(bytes->size),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* hbFace = hb_face_create(blob, static_cast<unsigned>(index));
  face->m_hb = hb_font_create(hbFace);
  hb_face_destroy(hbFace);
  hb_blob_destroy(blob);
  return face;
}

FontFace::~FontFace() {
  if (m_hb) hb_font_destroy(m_hb); // before the bytes it reads are released with this object
  if (m_ft) {
    std::lock_guard lock(ftMutex());
    FT_Done_Face(m_ft);
  }
}

std::uint32_t FontFace::glyphIndex(char32_t cp) const { return FT_Get_Char_Index(m_ft, cp); }

bool FontFace::hasGlyph(char32_t cp) const { return glyphIndex(cp) != 0; }

// From the font's head table, as HarfBuzz reads it: FreeType gives 0 for a face without outlines
// (Noto Color Emoji), whose advances are in font units all the same.
int FontFace::unitsPerEm() const { return static_cast<int>(hb_face_get_upem(hb_font_get_face(m_hb))); }

} // namespace kiosk::text
