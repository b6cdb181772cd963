#include "ops/AdminPin.h"

#include "ops/Sodium.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace kiosk {
namespace {

// The cost of a new hash: libsodium's "interactive" limits, 2 passes over 64 MiB. Verifying takes
// about 0.1 s on a desktop core and well under a second on a small fanless kiosk PC, so staff
// hardly wait (the admin view verifies on a worker thread, never in the frame loop), while
// every guess at a copied hash costs the same 64 MiB, which is what makes guessing on graphics
// cards slow. The moderate and sensitive limits (256 MiB, 1 GiB) would keep staff waiting
// seconds on such a PC, and could fail for want of memory next to the kiosk's own pictures.
const unsigned long long kNewOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
const std::size_t kNewMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace


std::array<std::uint8_t, 32> hmacSha256(std::string_view key, std::string_view message) {
  static_assert(crypto_auth_hmacsha256_BYTES == 32);
  std::array<std::uint8_t, 32> mac{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  return mac;
}

std::vector<std::uint8_t> pbkdf2HmacSha256(std::string_view password, std::string_view salt, std::uint32_t iterations,
                                           std::size_t length) {
  (void)sodiumReady();
  // The HMAC keyed with the password once; each round continues from a copy of that state, which
  // halves the work of a round (keying is two of the four SHA-256 blocks an HMAC of 32 bytes takes).
  crypto_auth_hmacsha256_state keyed;
  crypto_auth_hmacsha256_init(&keyed, reinterpret_cast<const unsigned char*>(password.data()), password.size());
  std::vector<std::uint8_t> out;
  out.reserve(length);
  for (std::uint32_t block = 1; out.size() < length; ++block) {
    // T_i = U_1 ^ ... ^ U_c, with U_1 = HMAC(P, S || INT(i)) and U_j = HMAC(P, U_{j-1}).
    const unsigned char index[4] = {static_cast<unsigned char>(block >> 24), static_cast<unsigned char>(block >> 16),
                                    static_cast<unsigned char>(block >> 8), static_cast<unsigned char>(block)};
    unsigned char u[crypto_auth_hmacsha256_BYTES], t[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state = keyed;
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(salt.data()), salt.size());
    crypto_auth_hmacsha256_update(&state, index, sizeof index);
    crypto_auth_hmacsha256_final(&state, u);
    std::memcpy(t, u, sizeof t);
    for (std::uint32_t round = 1; round < iterations; ++round) {
      state = keyed;
      crypto_auth_hmacsha256_update(&state, u, sizeof u);
      crypto_auth_hmacsha256_final(&state, u);
      for (std::size_t k = 0; k < sizeof t; ++k) t[k] ^= u[k];
    }
    out.insert(out.end(), t, t + std::min(sizeof t, length - out.size()));
    sodium_memzero(u, sizeof u);
    sodium_memzero(t, sizeof t);
    sodium_memzero(&state, sizeof state);
  }
  sodium_memzero(&keyed, sizeof keyed);
  return out;
}

std::optional<PinHash> makePinHash(std::string_view pin, std::string& error) {
  if (!isValidNewPin(pin)) {
    error = "a new PIN must be " + std::to_string(kNewPinMinDigits) + " to " + std::to_string(kPinMaxDigits) +
            " digits (0-9), nothing else";
    return std::nullopt;
  }
  if (!sodiumReady()) {
    error = "libsodium could not start (the system gave it no random source for the salt)";
    return std::nullopt;
  }
  char text[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(text, pin.data(), pin.size(), kNewOpsLimit, kNewMemLimit) != 0) {
    error = "the hash could not be made: it needs " + std::to_string(kNewMemLimit >> 20) + " MiB of memory";
    return std::nullopt;
  }
  std::string why;
  auto hash = parsePinHash(text, why); // what libsodium wrote must pass the loader's own check
  if (!hash) error = "libsodium wrote a hash this kiosk cannot read back: " + why;
  return hash;
}

bool verifyPin(std::string_view pin, const PinHash& hash) {
  if (!isValidPin(pin) || !sodiumReady()) return false;
  if (hash.legacy()) {
    const auto derived = pbkdf2HmacSha256(pin, {reinterpret_cast<const char*>(hash.salt.data()), hash.salt.size()},
                                          hash.iterations, hash.hash.size());
    return sodium_memcmp(derived.data(), hash.hash.data(), hash.hash.size()) == 0;
  }
  // libsodium's declared buffer, NUL-padded (parsePinHash's limits make the string fit). False too
  // when the 64 MiB it needs cannot be had: the keypad then says the PIN is not right.
  std::array<char, crypto_pwhash_STRBYTES> encoded{};
  if (hash.encoded.size() >= encoded.size()) return false;
  std::copy(hash.encoded.begin(), hash.encoded.end(), encoded.begin());
  return crypto_pwhash_str_verify(encoded.data(), pin.data(), pin.size()) == 0;
}

void PinAttempts::failed(Seconds now) {
  if (locked(now)) return;
  if (++m_failures < kAttemptsBeforeLockout) return;
  Seconds lockout = kFirstLockout;
  for (int i = 0; i < m_lockouts && lockout < kLongestLockout; ++i) lockout *= 2;
  m_lockedUntil = now + std::min(lockout, kLongestLockout);
  ++m_lockouts;
  m_failures = 0;
}

void PinAttempts::succeeded() {
  m_failures = 0;
  m_lockouts = 0;
  m_lockedUntil = 0;
}

} // namespace kiosk
