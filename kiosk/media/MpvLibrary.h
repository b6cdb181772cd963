#pragma once
// libmpv is opened when the first film needs it (MpvLazy.cpp), not linked.
#include <string>

namespace kiosk::media {

// Opens libmpv if it is not open yet; "" when it is usable, else why not, as a sentence for staff
// ("libmpv is not installed (...); apt-get install libmpv2"). Thread-safe; opened once.
const std::string& mpvUnavailable();

} // namespace kiosk::media
