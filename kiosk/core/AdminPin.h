#pragma once
// The staff PIN that opens the admin view, kept in kiosk.toml only as a salted PBKDF2 hash:
//   admin_pin = "pbkdf2-sha256$200000$<salt: 32 hex digits>$<hash: 64 hex digits>"
// `kiosk hash-pin` makes the line. A PIN is 4 to 12 digits (typed on the kiosk's keypad).
// Pure except makePinHash(pin), which reads random bytes from the system for the salt.
#include "core/Clock.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// PBKDF2 rounds of a new hash: about 100 ms to verify on the kiosk's own CPU, so a visitor (or a
// stolen kiosk.toml) gets few guesses a second; the admin view verifies off the frame loop.
inline constexpr std::uint32_t kPinHashIterations = 200000;
// The rounds a hash may name: fewer is too cheap to guess, more would keep staff waiting (seconds).
inline constexpr std::uint32_t kPinHashMinIterations = 10000;
inline constexpr std::uint32_t kPinHashMaxIterations = 2000000;
inline constexpr std::size_t kPinMinDigits = 4;
inline constexpr std::size_t kPinMaxDigits = 12;

struct PinHash {
  std::uint32_t iterations = kPinHashIterations;
  std::vector<std::uint8_t> salt;   // 8 to 64 bytes; new hashes have 16 random bytes
  std::array<std::uint8_t, 32> hash{}; // PBKDF2-HMAC-SHA256(pin, salt, iterations, 32)

  // "pbkdf2-sha256$200000$<salt hex>$<hash hex>", as it goes in quotes in kiosk.toml.
  std::string text() const;
};

// True for 4 to 12 ASCII digits and nothing else.
bool isValidPin(std::string_view pin);

// Reads a hash string; on failure returns nullopt and says what is wrong in `error` (in words
// for staff, without repeating the value: it might be a PIN written in the wrong place).
std::optional<PinHash> parsePinHash(std::string_view text, std::string& error);

// True when staff wrote the PIN itself instead of its hash: only digits (spaces around allowed).
bool looksLikePlainPin(std::string_view text);

// Whether `pin` is the PIN `hash` was made from. Takes ~100 ms (the hash's rounds) on purpose:
// call it on a worker thread. Compares in constant time; a PIN of the wrong form is false at once.
bool verifyPin(std::string_view pin, const PinHash& hash);

// A new hash of `pin` with a random 16-byte salt from the system (getrandom). nullopt with
// `error` when the PIN is not 4 to 12 digits or the system gives no random bytes.
std::optional<PinHash> makePinHash(std::string_view pin, std::string& error,
                                   std::uint32_t iterations = kPinHashIterations);
// The same with a given salt: reproducible, for tests.
PinHash makePinHash(std::string_view pin, const std::vector<std::uint8_t>& salt, std::uint32_t iterations);

// Equal sizes and bytes, taking the same time wherever the first difference is.
bool constantTimeEqual(const std::uint8_t* a, std::size_t aSize, const std::uint8_t* b, std::size_t bSize);

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
