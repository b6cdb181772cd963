#pragma once
// A disk cache of display-sized pictures, so a restart shows its first screen without decoding
// any large original. Entries are keyed by a hash of the original's bytes and the display size,
// so an edited picture is never served stale, whatever its time stamp says. The cache lives
// outside the content folder (staff never see it), is written atomically (temporary file, then
// rename), and every entry is checked on reading: a damaged entry is deleted and rebuilt from
// the original. Thread-safe: worker threads read and write it concurrently.
//
// A restart should not read and hash every original to find its entry: a small index (path ->
// size, modification time in ns, inode, device, content hash), written atomically beside the
// entries, gives the hash of a file whose size, time and inode are unchanged without reading it.
// A file changed in any of them is read and hashed as before. The accepted trade-off, the same
// make and rsync make: a file rewritten with the same size and its old time stamp put back
// (utimensat, touch -r) in place (same inode) is served from the entry of its old bytes until
// it changes again.
#include "media/ImageDecoder.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>

namespace kiosk::media {

// A 128-bit hash of bytes (BLAKE2b, libsodium), over a 10 MB photo in about 10 ms on a worker.
// Collision-resistant: a content folder cannot make two pictures share a cache entry.
struct ContentHash {
  std::uint64_t a = 0, b = 0;
  std::string hex() const;
  bool operator==(const ContentHash&) const = default;
};
ContentHash hashBytes(std::span<const std::uint8_t> bytes);

// What the index compares to tell a file unchanged without reading it.
struct FileIdentity {
  std::uintmax_t size = 0;
  std::int64_t mtimeNs = 0;
  std::uint64_t inode = 0, device = 0;
  bool operator==(const FileIdentity&) const = default;
  // stat() of `file`; nullopt when it is not a readable regular file.
  static std::optional<FileIdentity> of(const std::filesystem::path& file);
};

class DiskCache {
public:
  // `dir` is created when missing. maxBytes bounds the folder: the least recently used entries
  // are deleted past it.
  DiskCache(std::filesystem::path dir, std::uintmax_t maxBytes);
  ~DiskCache(); // writes what the index learnt since it was last written

  // Whether the folder could be made and written; when not, lookups miss and stores do nothing.
  bool usable() const { return m_usable; }
  const std::string& problem() const { return m_problem; }
  const std::filesystem::path& dir() const { return m_dir; }

  // The cached picture for these original bytes at this display size, if a sound one is there.
  std::optional<DecodedImage> lookup(const ContentHash& original, std::uintmax_t originalBytes, const DisplaySize& box);
  // Stores a decoded picture. Opaque pictures are kept as high-quality JPEG (4:4:4, quality 92),
  // others as raw RGBA.
  void store(const ContentHash& original, std::uintmax_t originalBytes, const DisplaySize& box, const DecodedImage& image);
  // The content hash the index holds for `file`, if its identity is still `id`. Reads no picture.
  std::optional<ContentHash> knownHash(const std::filesystem::path& file, const FileIdentity& id);
  // Notes that `file`, as it was at `id`, hashed to `hash` (the index is rewritten atomically
  // when that is news).
  void remember(const std::filesystem::path& file, const FileIdentity& id, const ContentHash& hash);

  // Deletes least recently used entries until the folder is within maxBytes. Returns bytes freed.
  std::uintmax_t trim();

  struct Stats {
    std::uint64_t hits = 0, misses = 0, stores = 0, damaged = 0;
    std::uint64_t indexHits = 0; // hashes the index gave without reading the original
  };
  Stats stats() const;

private:
  std::filesystem::path entryPath(const ContentHash& original, std::uintmax_t originalBytes, const DisplaySize& box) const;

  std::filesystem::path m_dir;
  std::uintmax_t m_maxBytes;
  bool m_usable = false;
  std::string m_problem;
  mutable std::mutex m_mutex; // guards m_stats and m_storedSinceTrim
  Stats m_stats;
  std::uintmax_t m_storedSinceTrim = 0;
  std::atomic<bool> m_toldStoreFailed{false}; // a store failed and the log was told (once a run)
  struct Indexed {
    FileIdentity id;
    ContentHash hash;
  };
  void loadIndex();  // with m_indexMutex held
  void writeIndex(); // with m_indexMutex held
  std::mutex m_indexMutex;
  bool m_indexLoaded = false, m_indexDirty = false;
  std::chrono::steady_clock::time_point m_indexWritten;
  std::map<std::string, Indexed> m_index; // absolute path -> identity and hash
};

// The default cache folder: $XDG_CACHE_HOME/kiosk/images, else ~/.cache/kiosk/images.
std::filesystem::path defaultImageCacheDir();

} // namespace kiosk::media
