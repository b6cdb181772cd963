#include "app/Publish.h"

#include "app/CommandLine.h"
#include "core/StaffStrings.h"

#include "app/Validate.h"
#include "ops/Sodium.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#if __has_include(<linux/fs.h>)
#include <linux/fs.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <vector>

namespace kiosk::app {
namespace fs = std::filesystem;
namespace {

// SHA-256 fed piece by piece (libsodium's crypto_hash_sha256 state), finished as lowercase hex.
class Sha256 {
public:
  Sha256() {
    (void)sodiumReady(); // picks libsodium's implementations; SHA-256 itself needs no random source
    crypto_hash_sha256_init(&m_state);
  }
  Sha256& update(const void* data, std::size_t size) {
    crypto_hash_sha256_update(&m_state, static_cast<const unsigned char*>(data), size);
    return *this;
  }
  Sha256& update(std::string_view bytes) { return update(bytes.data(), bytes.size()); }
  std::string hex() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&m_state, digest);
    char text[crypto_hash_sha256_BYTES * 2 + 1];
    return sodium_bin2hex(text, sizeof text, digest, sizeof digest);
  }

private:
  crypto_hash_sha256_state m_state;
};

// Syncthing's own files in the root of a synced folder: its marker, ignore list and old copies.
// Never content, so never hashed, checked for quiet or published.
bool syncthingOwn(const fs::path& rel) {
  const std::string first = rel.begin()->string();
  return first == ".stfolder" || first == ".stignore" || first == ".stversions";
}

// A file a sync tool is still writing: rsync's --delay-updates folder (.~tmp~), rsync's
// temporary copy (.name.XXXXXX, renamed over name when done), Syncthing's temporary files.
// rsync's pattern also fits a real dotfile (".eslintrc.config"): such a name counts only while
// it is young (`ageSeconds`, by ctime), so a file that stays is published, not waited on forever.
bool syncTemporary(const std::string& name, double ageSeconds) {
  static const std::regex rsyncTemp(R"(^\..+\.[A-Za-z0-9]{6}$)");
  auto ends = [&](const char* s) { return name.size() >= std::strlen(s) && name.ends_with(s); };
  return name == ".~tmp~" || (name.starts_with(".syncthing.") && ends(".tmp")) ||
         (name.starts_with("~syncthing~") && ends(".tmp")) || (ageSeconds < 600 && std::regex_match(name, rsyncTemp));
}

// Only folders named like this in the versions folder were made by publish; nothing else there is
// ever touched (pruning included).
const std::regex& versionName() {
  static const std::regex r(R"(^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{12}$)");
  return r;
}
const char* const kIncoming = ".incoming-"; // a copy being made; renamed to its version name when whole

// "1.2 GB", "340 MB", "12 kB": sizes for staff, in decimal units as file managers show them.
std::string humanBytes(std::uintmax_t n) {
  const char* units[] = {"bytes", "kB", "MB", "GB", "TB", "PB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1000 && u < 5) {
    v /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : (v < 10 ? "%.1f %s" : "%.0f %s"), v, units[u]);
  return buf;
}

struct Entry {
  fs::path rel; // relative to the tree's root, generic order
  struct stat st {};
};

// Every entry below `root` (not following links), sorted by relative path, Syncthing's own
// files left out. nullopt and `why` when the tree cannot be read.
std::optional<std::vector<Entry>> listTree(const fs::path& root, std::string& why) {
  std::vector<Entry> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    Entry e;
    e.rel = it->path().lexically_relative(root);
    if (syncthingOwn(e.rel)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (::lstat(it->path().c_str(), &e.st) != 0) {
      if (errno == ENOENT) continue; // gone meanwhile: the quiet check (the folder's ctime) tells
      why = it->path().string() + ": " + std::strerror(errno);
      return std::nullopt;
    }
    out.push_back(std::move(e));
  }
  if (ec) {
    why = root.string() + ": " + ec.message();
    return std::nullopt;
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.rel.generic_string() < b.rel.generic_string(); });
  return out;
}

std::optional<std::string> treeHash(const fs::path& root, const std::vector<Entry>& entries, std::string& why) {
  Sha256 h;
  std::vector<char> buf(1 << 16);
  for (const auto& e : entries) {
    const std::string rel = e.rel.generic_string();
    h.update(rel.data(), rel.size() + 1); // with its NUL: names cannot run into bytes
    if (S_ISDIR(e.st.st_mode)) {
      h.update("d", 1);
    } else if (S_ISLNK(e.st.st_mode)) {
      std::error_code ec;
      const std::string target = fs::read_symlink(root / e.rel, ec).string();
      h.update("l", 1).update(target.data(), target.size() + 1);
    } else if (S_ISREG(e.st.st_mode)) {
      const std::string size = std::to_string(e.st.st_size);
      h.update("f", 1).update(size.data(), size.size() + 1);
      std::ifstream in(root / e.rel, std::ios::binary);
      if (!in) {
        why = (root / e.rel).string() + ": cannot be read";
        return std::nullopt;
      }
      while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        h.update(buf.data(), static_cast<std::size_t>(in.gcount()));
      }
    }
  }
  return h.hex();
}

// A cheap fingerprint of the tree's state: names, sizes, times and inodes. ctime changes with
// every write and cannot be set back, so an equal fingerprint means the bytes were not touched;
// it lets a timer that runs every minute skip hashing and validating a staging folder it has
// already seen.
std::string fingerprint(const std::vector<Entry>& entries) {
  Sha256 h;
  for (const auto& e : entries) {
    std::ostringstream s;
    s << e.rel.generic_string() << '\0' << e.st.st_mode << ' ' << e.st.st_size << ' ' << e.st.st_ino << ' '
      << e.st.st_mtim.tv_sec << '.' << e.st.st_mtim.tv_nsec << ' ' << e.st.st_ctim.tv_sec << '.' << e.st.st_ctim.tv_nsec
      << '\n';
    h.update(s.str());
  }
  return h.hex();
}

// The whole of a small file ("" when missing).
std::string readAllText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string readSmall(const fs::path& p) {
  std::ifstream in(p);
  std::string s;
  std::getline(in, s);
  return s;
}

bool writeSmall(const fs::path& p, const std::string& s) {
  const fs::path tmp = p.string() + ".tmp";
  std::error_code ec;
  {
    std::ofstream o(tmp, std::ios::trunc);
    o << s << "\n";
    o.close(); // the data reaches the disk at close: on a full disk this is where it fails
    if (!o) {
      fs::remove(tmp, ec);
      return false; // the old marker stays, never an empty one renamed over it
    }
  }
  fs::rename(tmp, p, ec);
  return !ec;
}

bool fsyncPath(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// A real copy, never a hard link: rsync --inplace, or staff editing staging by hand, would
// otherwise change the published version under the running kiosk. Where the file system can
// share blocks copy-on-write (btrfs, XFS), FICLONE makes the copy cheap and still independent.
bool copyFile(const fs::path& from, const fs::path& to, const struct stat& st, std::string& why) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    why = from.string() + ": " + std::strerror(errno);
    return false;
  }
  // Content is data: no setuid, setgid or sticky bit, and nobody but the owner may write it.
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 0777 & ~0022);
  if (out < 0) {
    why = to.string() + ": " + std::strerror(errno);
    ::close(in);
    return false;
  }
  bool ok = false;
#ifdef FICLONE
  ok = ::ioctl(out, FICLONE, in) == 0;
#endif
  if (!ok) {
    ok = true;
    std::vector<char> buf(1 << 16);
    for (;;) {
      const ssize_t n = ::read(in, buf.data(), buf.size());
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        why = from.string() + ": " + std::strerror(errno);
        ok = false;
        break;
      }
      for (ssize_t done = 0; done < n;) {
        const ssize_t w = ::write(out, buf.data() + done, static_cast<size_t>(n - done));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
          why = to.string() + ": " + std::strerror(errno);
          ok = false;
          break;
        }
        done += w;
      }
      if (!ok) break;
    }
  }
  const timespec times[2] = {st.st_atim, st.st_mtim}; // the editor's times, as rsync -a keeps them
  if (ok) ::futimens(out, times);
  if (ok && ::fsync(out) != 0) {
    why = to.string() + ": " + std::strerror(errno);
    ok = false;
  }
  ::close(out);
  ::close(in);
  return ok;
}

bool copyTree(const fs::path& from, const std::vector<Entry>& entries, const fs::path& to, std::string& why) {
  std::error_code ec;
  if (!fs::create_directory(to, ec)) {
    why = to.string() + ": " + (ec ? ec.message() : "already exists");
    return false;
  }
  std::vector<fs::path> dirs{to};
  for (const auto& e : entries) {
    const fs::path src = from / e.rel, dst = to / e.rel;
    if (S_ISDIR(e.st.st_mode)) {
      if (::mkdir(dst.c_str(), 0755) != 0) {
        why = dst.string() + ": " + std::strerror(errno);
        return false;
      }
      dirs.push_back(dst);
    } else if (S_ISLNK(e.st.st_mode)) {
      fs::copy_symlink(src, dst, ec);
      if (ec) {
        why = dst.string() + ": " + ec.message();
        return false;
      }
    } else if (S_ISREG(e.st.st_mode)) {
      if (!copyFile(src, dst, e.st, why)) return false;
    } // sockets, pipes and devices are no content
  }
  // Names are durable only once their folders are synced, deepest first.
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it)
    if (!fsyncPath(*it, true)) {
      why = it->string() + ": " + std::strerror(errno);
      return false;
    }
  return true;
}

std::string sizeText(std::uintmax_t bytes) {
  char buf[32];
  if (bytes >= (1u << 30)) std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / (1u << 30));
  else std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1u << 20));
  return buf;
}

// The names publish made in the versions folder, oldest first (the stamp leads the name).
std::vector<std::string> listVersions(const fs::path& versions) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(versions, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (std::regex_match(name, versionName()) && it->is_directory(ec) && !it->is_symlink(ec)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string formatStamp(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// A name for a new version: the UTC time, but always later than every version there, so name
// order is publish order (pruning and rollback rely on it) even for two publishes within a
// second or after the clock was set back.
std::string newVersionName(const fs::path& versions, const std::string& shortHash) {
  std::time_t t = std::time(nullptr);
  const auto names = listVersions(versions);
  if (!names.empty()) {
    std::tm tm{};
    if (strptime(names.back().substr(0, 16).c_str(), "%Y%m%dT%H%M%SZ", &tm)) t = std::max(t, timegm(&tm) + 1);
  }
  return formatStamp(t) + "-" + shortHash;
}

std::string hashOfName(const std::string& name) { return name.substr(name.size() - 12); }

// What the content link shows now.
struct Current {
  enum class Kind { Missing, Link, Folder, Other } kind = Kind::Missing;
  std::string version; // the version's name when the link points at one in the versions folder
  fs::path target;     // the folder shown, resolved
};

Current currentOf(const fs::path& link, const fs::path& versions) {
  Current c;
  struct stat st {};
  if (::lstat(link.c_str(), &st) != 0) return c;
  std::error_code ec;
  if (S_ISLNK(st.st_mode)) {
    c.kind = Current::Kind::Link;
    c.target = fs::canonical(link, ec);
    if (ec) c.target.clear(); // dangling: nothing shown
    const fs::path canonVersions = fs::weakly_canonical(versions, ec);
    if (!c.target.empty() && c.target.parent_path() == canonVersions &&
        std::regex_match(c.target.filename().string(), versionName()))
      c.version = c.target.filename().string();
  } else if (S_ISDIR(st.st_mode)) {
    c.kind = Current::Kind::Folder;
    c.target = link;
  } else {
    c.kind = Current::Kind::Other;
  }
  return c;
}

// Points `link` at `version` in one rename(2): a reader sees the old target or the new one,
// never neither. The link is relative when it can be, so /var/lib/kiosk may move as a whole.
bool switchLink(const fs::path& link, const fs::path& version, std::string& why) {
  std::error_code ec;
  const fs::path absLink = fs::absolute(link, ec).lexically_normal();
  const fs::path absVersion = fs::absolute(version, ec).lexically_normal();
  fs::path target = absVersion.lexically_relative(absLink.parent_path());
  if (target.empty()) target = absVersion;
  const fs::path tmp = absLink.string() + ".new";
  struct stat st {};
  if (::lstat(tmp.c_str(), &st) == 0) {
    if (!S_ISLNK(st.st_mode)) {
      why = tmp.string() + " exists and is not a link left by publish; move it away";
      return false;
    }
    ::unlink(tmp.c_str()); // left by a publish that was cut short
  }
  if (::symlink(target.c_str(), tmp.c_str()) != 0 || ::rename(tmp.c_str(), absLink.c_str()) != 0) {
    why = absLink.string() + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  fsyncPath(absLink.parent_path(), true);
  return true;
}

// Deletes versions beyond the newest `keep`, never the one on show, never anything publish did
// not name; and copies a cut-short publish left behind (the lock says none is running).
void prune(const fs::path& versions, unsigned keep, const std::string& current, const std::string& previous, std::ostream& out) {
  auto names = listVersions(versions);
  std::error_code ec;
  size_t kept = 0;
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    // The version just left stays too: the running kiosk reads its pictures until it reloads.
    if (*it == current || *it == previous || kept < keep) {
      ++kept;
      continue;
    }
    fs::remove_all(versions / *it, ec);
    out << (ec ? "could not remove the old version " : "removed the old version ") << *it
        << (ec ? ": " + ec.message() : std::string()) << "\n";
  }
  for (fs::directory_iterator it(versions, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(kIncoming) && std::regex_match(name.substr(std::strlen(kIncoming)), versionName())) {
      std::error_code rec;
      fs::remove_all(it->path(), rec);
    }
  }
}

// One publish at a time per versions folder (the timer and a push over ssh may meet).
class Lock {
public:
  explicit Lock(const fs::path& file) : m_fd(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {}
  ~Lock() {
    if (m_fd >= 0) ::close(m_fd);
  }
  bool opened() const { return m_fd >= 0; }
  bool take() const { return ::flock(m_fd, LOCK_EX | LOCK_NB) == 0; }

private:
  int m_fd;
};

int rollback(const fs::path& link, const fs::path& versions, std::ostream& out) {
  const Current cur = currentOf(link, versions);
  if (cur.version.empty()) {
    out << "cannot roll back: " << link.string() << " does not point at a version in " << versions.string()
        << "; publish once first\n";
    return kFailed;
  }
  const auto names = listVersions(versions);
  auto it = std::lower_bound(names.begin(), names.end(), cur.version);
  if (it == names.begin()) {
    out << "cannot roll back: " << cur.version << " is the oldest version kept in " << versions.string() << "\n";
    return kFailed;
  }
  const std::string previous = *std::prev(it);
  std::string why;
  if (!switchLink(link, versions / previous, why)) {
    out << "not rolled back: " << why << "\n";
    return kFailed;
  }
  // Without this a timer (or the next push of the same files) would publish the bad version again.
  // Every version rolled back from is held (a second rollback must not free the first one's).
  std::string held = readAllText(versions / ".rolled-back");
  if (!held.empty() && held.back() != '\n') held += '\n';
  writeSmall(versions / ".rolled-back", held + hashOfName(cur.version) + "\n");
  out << "rolled back: " << link.string() << " now shows " << previous << " instead of " << cur.version
      << "; that content is not published again until staging changes\n";
  return kPublished;
}

} // namespace

std::string sha256Hex(std::string_view bytes) { return Sha256().update(bytes).hex(); }

std::string contentTreeHash(const std::string& dir) {
  std::string why;
  const auto entries = listTree(dir, why);
  if (!entries) return {};
  return treeHash(dir, *entries, why).value_or("");
}

int publishContent(const PublishOptions& o, std::ostream& out) {
  std::error_code ec;
  const fs::path link = fs::absolute(o.contentLink, ec).lexically_normal();
  if (!link.has_filename()) {
    out << "kiosk publish: give the content link without a trailing /, e.g. /var/lib/kiosk/content\n";
    return kUsage;
  }
  const fs::path versions =
      o.versionsDir.empty() ? link.parent_path() / "versions" : fs::absolute(o.versionsDir, ec).lexically_normal();
  if (o.keep < 2) {
    out << "kiosk publish: --keep must be at least 2 (the running kiosk may still read the previous version)\n";
    return kUsage;
  }
  fs::create_directories(versions, ec);
  Lock lock(versions / ".publish.lock");
  if (!lock.opened()) {
    out << "not published: cannot use the versions folder " << versions.string() << " (" << std::strerror(errno)
        << "); it must be writable by the user that publishes (the kiosk user)\n";
    return kFailed;
  }
  if (!lock.take()) {
    out << "not yet: another kiosk publish is running on " << versions.string() << "; try again later\n";
    return kStillChanging;
  }
  if (o.rollback) return rollback(link, versions, out);

  const fs::path staging = fs::absolute(o.staging, ec).lexically_normal();
  if (!fs::is_directory(staging, ec)) {
    out << "kiosk publish: the staging folder " << staging.string() << " does not exist; create it and sync into it\n";
    return kUsage;
  }
  Current cur = currentOf(link, versions);
  if (cur.kind == Current::Kind::Other) {
    out << "kiosk publish: " << link.string() << " is neither a folder nor a link; move it away and publish again\n";
    return kUsage;
  }

  // 1. Still being written? By ctime, not mtime: rsync -a and Syncthing give files their
  //    original mtimes, but nothing can set a ctime back.
  std::string why;
  auto entries = listTree(staging, why);
  if (!entries) {
    out << "not published: cannot read the staging folder (" << why << ")\n";
    return kFailed;
  }
  timespec wall{};
  clock_gettime(CLOCK_REALTIME, &wall);
  for (const auto& e : *entries) {
    // A link is copied as a link: one that is absolute or leaves the folder would make the
    // published version read staging (or anything) instead of its own copy.
    if (S_ISLNK(e.st.st_mode)) {
      std::error_code lec;
      const fs::path target = fs::read_symlink(staging / e.rel, lec);
      const fs::path resolved = (e.rel.parent_path() / target).lexically_normal();
      if (lec || target.is_absolute() || resolved.empty() || *resolved.begin() == "..") {
        out << (staging / e.rel).string() << ": error: a link to " << target.string()
            << ", outside the content; publish copies files, so put the file itself there\n";
        out << "not published: " << staging.string() << " has errors (listed above); the kiosk keeps what it shows\n";
        return kContentErrors;
      }
    }
    const double age = static_cast<double>(wall.tv_sec - e.st.st_ctim.tv_sec);
    for (const auto& part : e.rel)
      if (syncTemporary(part.string(), age)) {
        out << "not yet: " << (staging / e.rel).string()
            << " is a sync tool's temporary file, so a sync is still running; try again later\n";
        return kStillChanging;
      }
  }
  if (o.quietSeconds > 0) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    struct stat rootSt {};
    ::lstat(staging.c_str(), &rootSt);
    auto age = [&](const struct stat& st) {
      return static_cast<double>(now.tv_sec - st.st_ctim.tv_sec) + (now.tv_nsec - st.st_ctim.tv_nsec) * 1e-9;
    };
    // A ctime far in the future is a clock that was set back, not a sync: it does not block.
    auto recent = [&](const struct stat& st) { const double a = age(st); return a < o.quietSeconds && a > -double(o.quietSeconds); };
    const Entry* newest = nullptr;
    for (const auto& e : *entries)
      if (recent(e.st) && (!newest || age(e.st) < age(newest->st))) newest = &e;
    if (newest || recent(rootSt)) {
      const double a = newest ? age(newest->st) : age(rootSt);
      out << "not yet: " << (newest ? (staging / newest->rel).string() : staging.string()) << " changed "
          << static_cast<long>(a < 0 ? 0 : a) << " s ago, and staging must be still for " << o.quietSeconds
          << " s before it is published; try again later\n";
      return kStillChanging;
    }
  }
  if (entries->empty()) {
    out << "nothing to publish: " << staging.string() << " is empty (has the sync run yet?)\n";
    return kPublished;
  }

  // Room for the copy: the version is written out in full (a sparse file becomes its whole size),
  // and the disk must keep a reserve for the kiosk's own state, log and image cache (security
  // review K5). Counted from sizes alone, so it is asked before hashing too: a staging folder
  // that could fill the disk costs no reading.
  auto noRoom = [&]() -> bool {
    std::uintmax_t total = 0;
    for (const auto& e : *entries)
      if (S_ISREG(e.st.st_mode)) total += static_cast<std::uintmax_t>(e.st.st_size);
    struct statvfs fsInfo {};
    if (::statvfs(versions.c_str(), &fsInfo) != 0) return false; // the copy itself will say why
    const std::uintmax_t avail = static_cast<std::uintmax_t>(fsInfo.f_bavail) * fsInfo.f_frsize;
    const std::uintmax_t size = static_cast<std::uintmax_t>(fsInfo.f_blocks) * fsInfo.f_frsize;
    const std::uintmax_t reserve = std::max<std::uintmax_t>(size / 20, std::uintmax_t{64} << 20); // 5%, at least 64 MiB
    if (total <= avail && avail - total >= reserve) return false;
    out << "not published: " << staging.string() << " holds " << humanBytes(total) << " and the disk holding "
        << versions.string() << " has " << humanBytes(avail) << " free, of which " << humanBytes(reserve)
        << " must stay free for the kiosk; delete files the content does not use from staging (or old versions), then sync again\n";
    return true;
  };

  // 2. Already on show? Compared by content hash, so a re-sync of the same files does nothing.
  const std::string print = fingerprint(*entries);
  std::string hash;
  const std::string seen = readSmall(versions / ".staging-seen"); // "<fingerprint> <hash>"
  if (seen.size() > 65 && seen.compare(0, 64, print) == 0) hash = seen.substr(65);
  if (hash.empty()) {
    if (noRoom()) return kFailed;
    auto h = treeHash(staging, *entries, why);
    if (!h) {
      out << "not published: " << why << "\n";
      return kFailed;
    }
    hash = *h;
    writeSmall(versions / ".staging-seen", print + " " + hash);
  }
  const std::string shortHash = hash.substr(0, 12);
  std::string currentHash;
  if (!cur.version.empty()) currentHash = hashOfName(cur.version);
  else if (!cur.target.empty()) currentHash = contentTreeHash(cur.target.string()).substr(0, 12);

  // The first publish on a kiosk that ran on a plain folder: that folder becomes a version, once.
  if (cur.kind == Current::Kind::Folder) {
    if (currentHash.empty()) {
      out << "not published: cannot read the content folder " << link.string() << " to move it into " << versions.string() << "\n";
      return kFailed;
    }
    const std::string name = newVersionName(versions, currentHash);
    if (::rename(link.c_str(), (versions / name).c_str()) != 0) {
      out << "not published: cannot move the content folder " << link.string() << " into " << versions.string()
          << " (" << std::strerror(errno) << "); they must be on the same file system and writable by this user\n";
      return kFailed;
    }
    if (!switchLink(link, versions / name, why)) {
      out << "not published: " << why << "\n";
      return kFailed;
    }
    out << "first publish: the content folder " << link.string() << " moved to " << (versions / name).string()
        << " (once); from now on " << link.filename().string() << " is a link to the version on show\n";
    cur = currentOf(link, versions);
  }
  if (shortHash == currentHash) {
    out << "already published: " << staging.string() << " is the version on show ("
        << (cur.version.empty() ? link.string() : cur.version) << "); nothing to do\n";
    return kPublished;
  }
  if (const std::string held = "\n" + readAllText(versions / ".rolled-back"); held.find("\n" + shortHash + "\n") != std::string::npos ||
                                                                            held.ends_with("\n" + shortHash)) {
    out << "not published again: " << staging.string() << " holds the version rolled back from (" << shortHash
        << "); it is published once staging changes\n";
    return kPublished;
  }
  if (readSmall(versions / ".refused") == print) {
    out << "not published: " << staging.string() << " is unchanged since it was refused for errors (run kiosk validate "
        << staging.string() << " to list them); fix them in the content and sync again\n";
    return kContentErrors;
  }

  // 3. The same checks as `kiosk validate`: errors block, warnings are shown and pass.
  std::ostringstream report;
  const int valid = validateContent(staging.string(), report, false, o.assetsDir, o.language);
  std::vector<Diagnostic> catalogueProblems;
  const StaffStrings staff = StaffStrings::load(o.assetsDir.empty() ? findAssets(Options{}, nullptr) : fs::path(o.assetsDir),
                                                o.language, catalogueProblems);
  const bool english = staff.language() == "en";
  if (valid != 0) {
    out << report.str();
    writeSmall(versions / ".refused", print);
    if (english)
      out << "not published: " << staging.string() << " has errors (listed above); the kiosk keeps showing "
          << (cur.version.empty() ? std::string("what it shows") : cur.version)
          << "; fix them in the content and sync again\n";
    else
      out << staff.get("publish_refused", {{"staging", staging.string()},
                                         {"version", cur.version.empty() ? staff.get("publish_what_it_shows") : cur.version}}) << "\n";
    return kContentErrors;
  }
  // Warnings are shown (they pass); a clean report is not.
  if (report.str().find(english ? " 0 warnings" : staff.get("validate_summary_clean")) == std::string::npos) out << report.str();

  // 4. An immutable copy, made under a name publish alone uses, then renamed whole.
  const std::string name = newVersionName(versions, shortHash);
  const fs::path incoming = versions / (kIncoming + name);
  fs::remove_all(incoming, ec);
  if (noRoom()) return kFailed;
  if (!copyTree(staging, *entries, incoming, why)) {
    fs::remove_all(incoming, ec);
    out << "not published: copying failed (" << why << "); the kiosk keeps what it shows\n";
    return kFailed;
  }
  // What was copied must be what was hashed and checked; a sync that started meanwhile is caught here.
  if (contentTreeHash(incoming.string()) != hash) {
    fs::remove_all(incoming, ec);
    out << "not yet: " << staging.string() << " changed while it was being published; try again later\n";
    return kStillChanging;
  }
  if (::rename(incoming.c_str(), (versions / name).c_str()) != 0) {
    out << "not published: " << (versions / name).string() << ": " << std::strerror(errno) << "\n";
    fs::remove_all(incoming, ec);
    return kFailed;
  }
  fsyncPath(versions, true);

  // 5. The switch, in one rename.
  if (!switchLink(link, versions / name, why)) {
    out << "not published: " << why << "\n";
    return kFailed;
  }
  fs::remove(versions / ".rolled-back", ec);
  fs::remove(versions / ".refused", ec);
  std::uintmax_t bytes = 0;
  size_t files = 0;
  for (const auto& e : *entries)
    if (S_ISREG(e.st.st_mode)) ++files, bytes += static_cast<std::uintmax_t>(e.st.st_size);

  // 6. Old versions go; the one on show and the newest `keep` stay.
  prune(versions, o.keep, name, cur.version, out);
  if (english)
    out << "published: " << link.string() << " now shows " << name << " (" << files << " files, " << sizeText(bytes)
        << "); a running kiosk shows it within seconds\n";
  else
    out << staff.get("publish_done", {{"link", link.string()}, {"version", name}, {"file_count", std::to_string(files)},
                                      {"size", sizeText(bytes)}})
        << "\n";
  return kPublished;
}

} // namespace kiosk::app
