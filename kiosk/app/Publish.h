#pragma once
// `kiosk publish`: turns what a sync tool (rsync, Syncthing) left in a staging folder into an
// immutable version and switches the kiosk's content link to it in one rename(2), so the running
// kiosk never sees a half-synced folder. README.md "A venue with 50 screens" tells the why.
//
// On disk (the package's defaults; every path is an argument):
//   /var/lib/kiosk/staging/                 the sync tool writes here, and only here
//   /var/lib/kiosk/versions/<stamp>-<hash>/ published copies, never changed after publishing
//   /var/lib/kiosk/content -> versions/...  the symlink the kiosk runs on
#include <ostream>
#include <string>
#include <string_view>

namespace kiosk::app {

struct PublishOptions {
  std::string staging;     // the folder the sync tool writes into
  std::string contentLink; // the symlink the kiosk runs on (a plain folder the first time)
  std::string versionsDir; // empty: "versions" next to the content link
  unsigned keep = 3;       // versions kept, the one on show included; at least 2
  unsigned quietSeconds = 30; // staging must have been still this long (by ctime) to publish
  bool rollback = false;   // point the link back at the version before the one on show
  std::string assetsDir;   // the kiosk's ui-strings.toml, for validate's checks; empty: findAssets()
  std::string language = "en"; // the staff's: validate's report and the verdict (published / not) in it
};

// Exit statuses, as the service unit and a CI loop read them.
enum PublishStatus : int {
  kPublished = 0,    // also "nothing to do": already published, or staging empty
  kContentErrors = 1, // staging has errors; nothing changed on screen
  kUsage = 2,        // wrong arguments, or a folder that is missing
  kStillChanging = 3, // the sync is still writing (or another publish runs): try again later
  kFailed = 4,       // reading, copying or linking failed (disk full, permissions); nothing changed on screen
};

// Runs `kiosk publish` (or `kiosk publish --rollback`). Prints one closing line that says what
// happened to `out`; validation output and problems go to `out` as well, so a CI log shows them.
int publishContent(const PublishOptions& options, std::ostream& out);

// Exposed for tests: the content hash publish names versions by (SHA-256 over each file's
// relative path, type, size and bytes, in path order; Syncthing's own files left out), as hex.
std::string contentTreeHash(const std::string& dir);
// Exposed for tests: SHA-256 of `bytes` as lowercase hex, by the same code as the content hash.
std::string sha256Hex(std::string_view bytes);

} // namespace kiosk::app
