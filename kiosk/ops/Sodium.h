#pragma once
// libsodium (Debian's libsodium-dev) does the kiosk's cryptography: the staff PIN's hash
// (AdminPin) and the content hash that names published versions (kiosk publish). Its header
// stays out of this one, so only the files that use it see it.

namespace kiosk {

// Starts libsodium the first time it is called, from any thread (sodium_init() runs once, in a
// function-local static), and says whether it started: it fails only when the system has no
// random source, and then no new PIN hash can be made. Call it before any other libsodium call.
bool sodiumReady();

} // namespace kiosk
