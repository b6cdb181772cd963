#pragma once
// Poster frames (issue 15): a film without a poster from staff gets one taken from the film
// itself by libmpv (a private handle writing one frame as a picture, nothing on screen), kept in
// a folder of posters keyed by the film's path, size and time of change. The image loader then
// decodes the poster like any picture (and its disk cache keeps the display-sized result).
// Worker threads only.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::media {

// Writes one frame of `film` to `out` (JPEG when `out` ends in .jpg/.jpeg, else PNG): at 10% of
// its length but no later than 2 s in (a frame with a picture, past a fade from black), scaled
// down to fit 3840x2160 when larger. `out` appears whole or not at all (written in a temporary
// folder beside it, then renamed). Returns "" or a sentence saying why there is no frame
// ("its contents are not a video mpv can read"). Gives up after `timeoutSeconds` in all.
std::string makePosterFrame(const std::filesystem::path& film, const std::filesystem::path& out, double timeoutSeconds = 20);

// Where a film's poster is kept in `posterDir`: named by a hash (BLAKE2b) of the film's path,
// size and time of change, so a film replaced under the same name gets a new poster. nullopt
// when the film cannot be looked at (missing: the caller's decode reports it).
std::optional<std::filesystem::path> posterPathFor(const std::filesystem::path& film, const std::filesystem::path& posterDir);

// The folder for posters when there is no disk cache: a folder of this user's own in the
// system's temporary folder (made 0700; refused when it is a link or someone else's). nullopt
// when there is none to be had.
std::optional<std::filesystem::path> privatePosterDir();

// Deletes the least recently used posters (and temporary folders left by a kiosk killed while
// making one) until `dir` holds at most `maxBytes`. Returns the bytes freed.
std::uintmax_t trimPosterDir(const std::filesystem::path& dir, std::uintmax_t maxBytes);

} // namespace kiosk::media
