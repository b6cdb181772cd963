#pragma once
// The staff PIN that opens the admin view, kept in kiosk.toml only as a salted hash that
// `kiosk hash-pin` makes with libsodium's Argon2id:
//   admin_pin = "$argon2id$v=19$m=65536,t=2,p=1$<salt: base64>$<hash: base64>"
// Older kiosks wrote PBKDF2 hashes, "pbkdf2-sha256$200000$<salt: 32 hex digits>$<hash: 64 hex
// digits>"; they still open the view until staff make a new one (the loader warns about them).
// A new PIN is 6 to 12 digits; the keypad takes 4 to 12, as an old hash may be of a 4-digit PIN.
// This is the hash's format, which the content loader checks in kiosk.toml; checking a PIN
// against it and making new ones is ops/AdminPin.h.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// What the keypad takes and verifyPin() tries: old PBKDF2 hashes may be of 4 or 5 digits.
inline constexpr std::size_t kPinMinDigits = 4;
// What `kiosk hash-pin` makes a hash of. The keypad's lockout does nothing against a copied
// kiosk.toml: 4 digits are 10,000 guesses, which a PC with a few cores tries in minutes even at
// Argon2id's ~0.1 s each, whatever the hash. 6 digits take a hundred times longer.
inline constexpr std::size_t kNewPinMinDigits = 6;
inline constexpr std::size_t kPinMaxDigits = 12;

// The rounds an old PBKDF2 hash may name: fewer is too cheap to guess, more would keep staff
// waiting (seconds).
inline constexpr std::uint32_t kPinHashMinIterations = 10000;
inline constexpr std::uint32_t kPinHashMaxIterations = 2000000;

struct PinHash {
  enum class Scheme {
    Argon2id,     // "$argon2id$...", made by kiosk hash-pin
    Pbkdf2Sha256, // "pbkdf2-sha256$...", made by older kiosks: still verified, never made
  };
  Scheme scheme = Scheme::Argon2id;
  std::string encoded; // Argon2id: the whole string, as libsodium reads it

  // Pbkdf2Sha256 only:
  std::uint32_t iterations = 0;
  std::vector<std::uint8_t> salt;      // 8 to 64 bytes
  std::array<std::uint8_t, 32> hash{}; // PBKDF2-HMAC-SHA256(pin, salt, iterations, 32)

  bool legacy() const { return scheme == Scheme::Pbkdf2Sha256; }
  // As it goes in quotes in kiosk.toml (an old hash with its hex in lower case).
  std::string text() const;
};

// True for 4 to 12 ASCII digits and nothing else: what the keypad may submit.
bool isValidPin(std::string_view pin);
// True for 6 to 12 ASCII digits and nothing else: what a new hash may be made of.
bool isValidNewPin(std::string_view pin);

// Reads a hash string of either scheme; on failure returns nullopt and says what is wrong in
// `error` (in words for staff, without repeating the value: it might be a PIN written in the
// wrong place).
std::optional<PinHash> parsePinHash(std::string_view text, std::string& error);

// True when staff wrote the PIN itself instead of its hash: only digits (spaces around allowed).
bool looksLikePlainPin(std::string_view text);

} // namespace kiosk
