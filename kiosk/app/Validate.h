#pragma once
#include <ostream>
#include <string>

namespace kiosk::app {

// `kiosk validate DIR`: prints every problem as file:line:col and a summary.
// Returns 0 clean (warnings allowed), 1 errors, 2 when the folder could not be read.
int validateContent(const std::string& dir, std::ostream& out);

} // namespace kiosk::app
