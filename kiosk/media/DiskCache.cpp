#include "media/DiskCache.h"

#include <turbojpeg.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <fcntl.h>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <sodium.h>

namespace kiosk::media {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Content hash: BLAKE2b from libsodium (crypto_generichash), 128 bits. A keyless
// multiply-rotate hash could be steered: two pictures padded after their end marker got the
// same key, so a picture that validated clean was shown as another from the cache.
//-----------------------------------------------------------------------------

ContentHash hashBytes(std::span<const std::uint8_t> bytes) {
  static const bool ready = sodium_init() >= 0; // once, from any thread; fails only without a random source
  (void)ready; // crypto_generichash needs no randomness
  std::uint8_t digest[16];
  crypto_generichash(digest, sizeof digest, bytes.data(), bytes.size(), nullptr, 0);
  ContentHash h;
  std::memcpy(&h.a, digest, 8);
  std::memcpy(&h.b, digest + 8, 8);
  return h;
}

std::string ContentHash::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
  return buf;
}

//-----------------------------------------------------------------------------
// [SECTION] Entries: a 48-byte header, then the pixels as JPEG or raw RGBA.
//-----------------------------------------------------------------------------

namespace {

constexpr char kMagic[8] = {'K', 'I', 'M', 'G', 'v', '1', '\r', '\n'};
// Part of every entry's name: raised when the decoder or resampler changes what they produce,
// so entries made by an older kiosk are never served (trim removes them in time).
constexpr const char* kPipelineVersion = "p1";
enum : std::uint32_t { kRaw = 0, kJpeg = 1 };
// Entries are display-sized: never larger than the decoder's result (DecodeLimits::maxSide).
constexpr std::uint32_t kMaxEntrySide = 8192;
static_assert(kMaxEntrySide >= static_cast<std::uint32_t>(DecodeLimits{}.maxSide));

struct Header {
  char magic[8];
  std::uint32_t width, height, fileWidth, fileHeight, encoding, reserved;
  std::uint64_t payloadBytes, payloadHash;
};
static_assert(sizeof(Header) == 48);

} // namespace

fs::path defaultImageCacheDir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return fs::path(x) / "kiosk" / "images";
  if (const char* h = std::getenv("HOME"); h && *h == '/') return fs::path(h) / ".cache" / "kiosk" / "images";
  return fs::temp_directory_path() / "kiosk-image-cache";
}

DiskCache::DiskCache(fs::path dir, std::uintmax_t maxBytes) : m_dir(std::move(dir)), m_maxBytes(maxBytes) {
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  if (ec || !fs::is_directory(m_dir, ec)) {
    m_problem = "cannot create the image cache folder " + m_dir.string() + " (" + ec.message() + ")";
    return;
  }
  if (::access(m_dir.c_str(), W_OK) != 0) {
    m_problem = "cannot write to the image cache folder " + m_dir.string() + "; pictures are decoded at every start";
    return;
  }
  m_usable = true;
}

fs::path DiskCache::entryPath(const ContentHash& original, std::uintmax_t originalBytes, const DisplaySize& box) const {
  return m_dir / (original.hex() + "-" + std::to_string(originalBytes) + "-" + std::to_string(box.width) + "x" +
                  std::to_string(box.height) + (box.fit == Fit::Cover ? "c" : "f") + "-" + kPipelineVersion + ".kimg");
}

std::optional<DecodedImage> DiskCache::lookup(const ContentHash& original, std::uintmax_t originalBytes, const DisplaySize& box) {
  if (!m_usable) return std::nullopt;
  const fs::path path = entryPath(original, originalBytes, box);
  DecodeLimits entryLimits;
  entryLimits.maxFileBytes = std::uintmax_t{1} << 30;
  const FileBytes read = readImageFile(path, entryLimits);
  const std::vector<std::uint8_t>& bytes = read.bytes;
  if (!read.error.empty()) {
    std::lock_guard lock(m_mutex);
    ++m_stats.misses;
    return std::nullopt;
  }
  auto damaged = [&]() -> std::optional<DecodedImage> {
    std::error_code ec;
    fs::remove(path, ec);
    std::lock_guard lock(m_mutex);
    ++m_stats.damaged;
    ++m_stats.misses;
    return std::nullopt;
  };
  Header h{};
  if (bytes.size() < sizeof h) return damaged();
  std::memcpy(&h, bytes.data(), sizeof h);
  const std::span<const std::uint8_t> payload(bytes.data() + sizeof h, bytes.size() - sizeof h);
  if (std::memcmp(h.magic, kMagic, 8) != 0 || h.width == 0 || h.height == 0 || h.width > kMaxEntrySide || h.height > kMaxEntrySide ||
      h.payloadBytes != payload.size() || hashBytes(payload).a != h.payloadHash)
    return damaged();
  DecodedImage img;
  img.width = static_cast<int>(h.width);
  img.height = static_cast<int>(h.height);
  img.fileWidth = static_cast<int>(h.fileWidth);
  img.fileHeight = static_cast<int>(h.fileHeight);
  // The header's size is believed only once the payload agrees with it: a raw entry must hold
  // exactly width x height x 4 bytes, a JPEG entry's own header must say the same size. So a
  // 48-byte entry claiming 65535 x 65535 is a damaged entry, not a 16 GiB allocation.
  const size_t pixelBytes = static_cast<size_t>(h.width) * h.height * 4;
  if (h.encoding == kRaw) {
    if (payload.size() != pixelBytes) return damaged();
    img.rgba.resize(pixelBytes);
    std::memcpy(img.rgba.data(), payload.data(), payload.size());
    img.opaque = false;
  } else if (h.encoding == kJpeg) {
    tjhandle tj = tjInitDecompress();
    int w = 0, hh = 0, ss = 0, cs = 0;
    bool ok = tj && tjDecompressHeader3(tj, payload.data(), static_cast<unsigned long>(payload.size()), &w, &hh, &ss, &cs) == 0 &&
              w == img.width && hh == img.height;
    if (ok) img.rgba.resize(pixelBytes);
    ok = ok && tjDecompress2(tj, payload.data(), static_cast<unsigned long>(payload.size()), img.rgba.data(), w, 0, hh, TJPF_RGBA,
                            TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) == 0;
    if (tj) tjDestroy(tj);
    if (!ok) return damaged();
    img.opaque = true;
  } else {
    return damaged();
  }
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0); // recently used: trimmed last
  std::lock_guard lock(m_mutex);
  ++m_stats.hits;
  return img;
}

void DiskCache::store(const ContentHash& original, std::uintmax_t originalBytes, const DisplaySize& box, const DecodedImage& image) {
  if (!m_usable || image.width <= 0 || image.height <= 0) return;
  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.width = static_cast<std::uint32_t>(image.width);
  h.height = static_cast<std::uint32_t>(image.height);
  h.fileWidth = static_cast<std::uint32_t>(image.fileWidth);
  h.fileHeight = static_cast<std::uint32_t>(image.fileHeight);
  unsigned char* jpeg = nullptr;
  unsigned long jpegSize = 0;
  std::span<const std::uint8_t> payload(image.rgba);
  if (image.opaque) {
    tjhandle tj = tjInitCompress();
    if (tj && tjCompress2(tj, image.rgba.data(), image.width, 0, image.height, TJPF_RGBA, &jpeg, &jpegSize, TJSAMP_444, 92, 0) == 0) {
      h.encoding = kJpeg;
      payload = std::span<const std::uint8_t>(jpeg, jpegSize);
    }
    if (tj) tjDestroy(tj);
  }
  h.payloadBytes = payload.size();
  h.payloadHash = hashBytes(payload).a;

  std::string tmp = (m_dir / ".tmp-XXXXXX").string();
  const int fd = ::mkstemp(tmp.data());
  int err = fd >= 0 ? 0 : errno;
  auto writeAll = [&](const void* data, size_t n) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    while (!err && n > 0) {
      const ssize_t w = ::write(fd, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) err = errno;
      else if (w == 0) err = ENOSPC;
      else p += w, n -= static_cast<size_t>(w);
    }
  };
  if (fd >= 0) {
    writeAll(&h, sizeof h);
    writeAll(payload.data(), payload.size());
    ::fchmod(fd, 0644);
    if (::close(fd) != 0 && !err) err = errno;
  }
  if (jpeg) tjFree(jpeg);
  std::error_code ec;
  if (!err) fs::rename(tmp, entryPath(original, originalBytes, box), ec);
  if (err || ec) {
    const std::string why = err ? std::strerror(err) : ec.message();
    if (fd >= 0) fs::remove(tmp, ec); // a full disk: the cache simply misses next time
    // Told once a run: pictures differ in size, so on a nearly full disk stores work and fail
    // by turns, and a line each time would flood the journal.
    if (!m_toldStoreFailed.exchange(true))
      std::cerr << "kiosk: cannot write to the image cache folder " << m_dir.string() << " (" << why
                << "); pictures are decoded from their originals meanwhile (said once)\n";
    return;
  }
  bool trimNow = false;
  {
    std::lock_guard lock(m_mutex);
    ++m_stats.stores;
    m_storedSinceTrim += sizeof h + payload.size();
    trimNow = m_storedSinceTrim > m_maxBytes / 8;
    if (trimNow) m_storedSinceTrim = 0;
  }
  if (trimNow) trim();
}

std::uintmax_t DiskCache::trim() {
  if (!m_usable) return 0;
  struct Found {
    fs::path path;
    std::uintmax_t bytes;
    fs::file_time_type used;
  };
  std::vector<Found> entries;
  std::uintmax_t total = 0;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::error_code ec2;
    const std::string name = e.path().filename().string();
    const auto used = e.last_write_time(ec2);
    if (ec2 || !e.is_regular_file(ec2)) continue;
    if (name.starts_with(".tmp-")) { // left by a kiosk killed while writing
      if (now - used > std::chrono::hours(1)) fs::remove(e.path(), ec2);
      continue;
    }
    if (!name.ends_with(".kimg")) continue; // not ours: never touched
    const auto bytes = e.file_size(ec2);
    if (ec2) continue;
    entries.push_back({e.path(), bytes, used});
    total += bytes;
  }
  if (total <= m_maxBytes) return 0;
  std::sort(entries.begin(), entries.end(), [](const Found& x, const Found& y) { return x.used < y.used; });
  std::uintmax_t freed = 0;
  for (const auto& e : entries) {
    if (total - freed <= m_maxBytes / 10 * 9) break;
    std::error_code ec2;
    if (fs::remove(e.path, ec2)) freed += e.bytes;
  }
  return freed;
}

//-----------------------------------------------------------------------------
// [SECTION] Index: path -> size, time, inode, device, hash. One line a file:
// "<hash hex> <size> <mtime ns> <inode> <device> <absolute path>\n".
//-----------------------------------------------------------------------------

namespace {
constexpr const char* kIndexName = "index-v1.txt"; // not *.kimg: trim never takes it
constexpr size_t kMaxIndexed = 200000;               // 20,000 pictures in ten sizes of content, with room
} // namespace

std::optional<FileIdentity> FileIdentity::of(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  FileIdentity id;
  id.size = static_cast<std::uintmax_t>(st.st_size);
  id.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  id.inode = st.st_ino;
  id.device = st.st_dev;
  return id;
}

void DiskCache::loadIndex() {
  if (m_indexLoaded) return;
  m_indexLoaded = true;
  std::FILE* f = std::fopen((m_dir / kIndexName).c_str(), "r");
  if (!f) return;
  char* line = nullptr;
  size_t cap = 0;
  ssize_t n = 0;
  while ((n = ::getline(&line, &cap, f)) > 0 && m_index.size() < kMaxIndexed) {
    if (line[n - 1] != '\n') break; // cut short (never, written by rename): the rest is unknown
    line[n - 1] = '\0';
    unsigned long long a = 0, b = 0, size = 0, inode = 0, device = 0;
    long long mtime = 0;
    int pathAt = 0;
    char hex[33] = {};
    if (std::sscanf(line, "%32[0-9a-f] %llu %lld %llu %llu %n", hex, &size, &mtime, &inode, &device, &pathAt) < 5 || pathAt <= 0 ||
        std::strlen(hex) != 32 || line[pathAt] != '/')
      continue; // a damaged line is a file to hash again, nothing more
    char half[17] = {};
    std::memcpy(half, hex, 16);
    a = std::strtoull(half, nullptr, 16);
    b = std::strtoull(hex + 16, nullptr, 16);
    Indexed e;
    e.hash = {a, b};
    e.id = {size, mtime, inode, device};
    m_index[line + pathAt] = e;
  }
  std::free(line);
  std::fclose(f);
}

void DiskCache::writeIndex() {
  std::string text;
  text.reserve(m_index.size() * 120);
  char buf[160];
  for (const auto& [path, e] : m_index) {
    std::snprintf(buf, sizeof buf, "%s %ju %lld %llu %llu ", e.hash.hex().c_str(), e.id.size, static_cast<long long>(e.id.mtimeNs),
                  static_cast<unsigned long long>(e.id.inode), static_cast<unsigned long long>(e.id.device));
    text += buf;
    text += path;
    text += '\n';
  }
  std::string tmp = (m_dir / ".tmp-XXXXXX").string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return; // an unwritable cache: the next start hashes, as before the index
  bool ok = true;
  for (size_t done = 0; ok && done < text.size();) {
    const ssize_t w = ::write(fd, text.data() + done, text.size() - done);
    if (w < 0 && errno == EINTR) continue;
    ok = w > 0;
    if (ok) done += static_cast<size_t>(w);
  }
  ::fchmod(fd, 0644);
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), (m_dir / kIndexName).c_str()) != 0) ::unlink(tmp.c_str());
}

std::optional<ContentHash> DiskCache::knownHash(const fs::path& file, const FileIdentity& id) {
  if (!m_usable) return std::nullopt;
  std::error_code ec;
  const std::string key = fs::absolute(file, ec).lexically_normal().string();
  std::optional<ContentHash> found;
  {
    std::lock_guard lock(m_indexMutex);
    loadIndex();
    const auto it = m_index.find(key);
    if (it == m_index.end() || !(it->second.id == id)) return std::nullopt;
    found = it->second.hash;
  }
  std::lock_guard lock(m_mutex);
  ++m_stats.indexHits;
  return found;
}

void DiskCache::remember(const fs::path& file, const FileIdentity& id, const ContentHash& hash) {
  if (!m_usable) return;
  std::error_code ec;
  const std::string key = fs::absolute(file, ec).lexically_normal().string();
  if (ec || key.find('\n') != std::string::npos || key.empty() || key[0] != '/') return; // a line a file
  std::lock_guard lock(m_indexMutex);
  loadIndex();
  auto& e = m_index[key];
  if (e.id == id && e.hash == hash) return; // nothing new: no write
  e = {id, hash};
  if (m_index.size() > kMaxIndexed) { // pictures come and go over years: start the index afresh
    Indexed keep = e;
    m_index.clear();
    m_index[key] = keep;
  }
  // A first start with thousands of pictures remembers them one by one: the index is written
  // at most every two seconds (and when the cache closes), not once a picture. A kiosk killed
  // in between hashes those few pictures again next time, nothing worse.
  const auto now = std::chrono::steady_clock::now();
  if (m_indexWritten == std::chrono::steady_clock::time_point{} || now - m_indexWritten >= std::chrono::seconds(2)) {
    writeIndex();
    m_indexWritten = now;
    m_indexDirty = false;
  } else {
    m_indexDirty = true;
  }
}

DiskCache::~DiskCache() {
  std::lock_guard lock(m_indexMutex);
  if (m_indexDirty) writeIndex();
}

DiskCache::Stats DiskCache::stats() const {
  std::lock_guard lock(m_mutex);
  return m_stats;
}

} // namespace kiosk::media
