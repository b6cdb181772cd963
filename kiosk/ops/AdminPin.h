#pragma once
// Checking the staff PIN against its hash (core/PinHash.h), making new hashes for `kiosk
// hash-pin`, and the keypad's lockout after wrong PINs. libsodium does the cryptography.
// Pure except makePinHash(pin), which reads random bytes from the system for the salt.
#include "core/Clock.h"
#include "core/PinHash.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Whether `pin` is the PIN `hash` was made from. Slow on purpose (Argon2id: about 0.1 s and
// 64 MiB on a desktop PC; an old hash: its rounds): call it on a worker thread. Compares in
// constant time; a PIN of the wrong form is false at once.
bool verifyPin(std::string_view pin, const PinHash& hash);

// A new Argon2id hash of `pin` with a random salt from the system. nullopt with `error` when the
// PIN is not 6 to 12 digits, or libsodium cannot start or get the memory.
std::optional<PinHash> makePinHash(std::string_view pin, std::string& error);

// The old scheme's pieces, on libsodium's HMAC-SHA256 (crypto_auth_hmacsha256), exposed for
// their known-answer tests. HMAC-SHA256 of `message` under `key` (any length).
std::array<std::uint8_t, 32> hmacSha256(std::string_view key, std::string_view message);
// PBKDF2-HMAC-SHA256 (RFC 8018): `length` bytes from `password` and `salt` by `iterations` rounds.
std::vector<std::uint8_t> pbkdf2HmacSha256(std::string_view password, std::string_view salt, std::uint32_t iterations,
                                           std::size_t length);

// Wrong PINs lock the keypad: after 5 wrong in a row, for 60 s; each further lockout doubles
// that, up to 15 min. A right PIN forgets it all. Time is the caller's (a Clock's now()), so
// tests need no waiting. Kept in memory only: restarting the kiosk also clears it, which needs
// a power switch or a keyboard, not the touch screen.
class PinAttempts {
public:
  static constexpr int kAttemptsBeforeLockout = 5;
  static constexpr Seconds kFirstLockout = 60;
  static constexpr Seconds kLongestLockout = 15 * 60;

  // True while no PIN may be tried.
  bool locked(Seconds now) const { return now < m_lockedUntil; }
  // Seconds left of the lockout (0 when not locked), for "try again in 0:42".
  Seconds lockedFor(Seconds now) const { return locked(now) ? m_lockedUntil - now : 0; }
  // A wrong PIN. One reported while locked (a check begun before the lockout) counts for nothing.
  void failed(Seconds now);
  // The right PIN: the count and the doubling start over.
  void succeeded();
  // Wrong PINs since the last lockout or success.
  int failures() const { return m_failures; }

private:
  int m_failures = 0;
  int m_lockouts = 0; // lockouts since the last success: each doubles the next
  Seconds m_lockedUntil = 0;
};

} // namespace kiosk
