#pragma once
#include <filesystem>
#include <ostream>
#include <string>

namespace kiosk::app {

// `kiosk validate DIR`: every problem as file:line:col (or JSON for tools), a note when the
// staff admin view is disabled (no valid admin_pin), then a summary. Offered languages are
// checked against the kiosk's own words in `assets` (ui-strings.toml; empty: findAssets()).
// Returns 0 clean (warnings allowed), 1 errors, 2 when the folder could not be read.
// `language`: the staff's (StaffStrings): messages with a code, "error"/"warning" and the summary
// line are written in it; JSON output stays English (it is for tools).
int validateContent(const std::string& dir, std::ostream& out, bool json = false, const std::filesystem::path& assets = {},
                    const std::string& language = "en");

// `kiosk report translations DIR`: each offered language's coverage as a table, then what is
// missing, by file and key. Returns 0, or 2 when the folder could not be read.
// `language`: the staff's; its words from staff-strings.toml, columns padded by display width
// (a Chinese character takes two terminal columns).
int reportTranslations(const std::string& dir, std::ostream& out, const std::string& language = "en",
                       const std::filesystem::path& assets = {});

// How many terminal columns `utf8` takes: two for East Asian wide and full-width characters
// (ICU's UCHAR_EAST_ASIAN_WIDTH W and F), none for combining marks, one for the rest.
int terminalWidth(const std::string& utf8);

} // namespace kiosk::app
