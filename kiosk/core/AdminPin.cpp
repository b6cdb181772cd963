#include "core/AdminPin.h"

#include "core/Sodium.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace kiosk {
namespace {

constexpr std::string_view kLegacyScheme = "pbkdf2-sha256";
constexpr std::string_view kArgon2idPrefix = "$argon2id$";

// The cost of a new hash: libsodium's "interactive" limits, 2 passes over 64 MiB. Verifying takes
// about 0.1 s on a desktop core and well under a second on a small fanless kiosk PC, so staff
// hardly wait (the admin view verifies on a worker thread, never in the frame loop), while
// every guess at a copied hash costs the same 64 MiB, which is what makes guessing on graphics
// cards slow. The moderate and sensitive limits (256 MiB, 1 GiB) would keep staff waiting
// seconds on such a PC, and could fail for want of memory next to the kiosk's own pictures.
const unsigned long long kNewOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
const std::size_t kNewMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

// What an Argon2id hash may name (memory in KiB, as the string has it): less is too cheap to
// guess, more would keep staff waiting seconds, or fail for want of memory on a small PC.
constexpr std::uint32_t kArgonMinKiB = 8 * 1024, kArgonMaxKiB = 256 * 1024;
constexpr std::uint32_t kArgonMinPasses = 1, kArgonMaxPasses = 10;
constexpr std::size_t kArgonHashBytes = 32; // what libsodium's crypto_pwhash_str writes

const std::string kFormatError =
    "it must be written like \"$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>\", as kiosk hash-pin prints it, "
    "or like \"pbkdf2-sha256$200000$<salt>$<hash>\" (four parts joined by $) from an older kiosk";

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const auto at = text.find(sep, start);
    fields.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return fields;
    start = at + 1;
  }
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view s, std::size_t maxBytes) {
  std::vector<std::uint8_t> out(maxBytes);
  std::size_t size = 0;
  const char* end = nullptr;
  // Stops at the first character that is not a hex digit; an odd count is an error too.
  if (sodium_hex2bin(out.data(), out.size(), s.data(), s.size(), nullptr, &size, &end) != 0 || end != s.data() + s.size())
    return std::nullopt;
  out.resize(size);
  return out;
}

std::string toHex(const std::uint8_t* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

// Strict base64 as Argon2 strings have it (no padding); the size of what it stands for, or
// nullopt when it is not base64 or stands for more than `maxBytes`.
std::optional<std::size_t> base64Bytes(std::string_view s, std::size_t maxBytes) {
  std::vector<unsigned char> out(maxBytes);
  std::size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), s.data(), s.size(), nullptr, &size, &end,
                        sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
      end != s.data() + s.size())
    return std::nullopt;
  return size;
}

bool readNumber(std::string_view s, std::uint32_t& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool allDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>": the fields are checked here so staff hear
// which part is wrong; libsodium reads the string again when it verifies.
std::optional<PinHash> parseArgon2id(std::string_view text, std::string& error) {
  const auto fields = split(text.substr(kArgon2idPrefix.size()), '$');
  if (fields.size() != 4) {
    error = "it must be written like \"$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>\" (five parts, each after a $); "
            "was the line cut short when it was copied?";
    return std::nullopt;
  }
  if (fields[0] != "v=19") {
    error = "its part after $argon2id$ must be v=19, the version of Argon2 that kiosk hash-pin writes";
    return std::nullopt;
  }
  const auto costs = split(fields[1], ',');
  std::uint32_t memory = 0, passes = 0, lanes = 0;
  // Numbers as Argon2 writes them: no leading zeros, which libsodium would not read.
  auto cost = [&](std::size_t k, const char* name, std::uint32_t& out) {
    const std::string_view c = costs[k];
    return c.starts_with(name) && !c.substr(2).starts_with("0") && readNumber(c.substr(2), out);
  };
  if (costs.size() != 3 || !cost(0, "m=", memory) || !cost(1, "t=", passes) || !cost(2, "p=", lanes) ||
      memory < kArgonMinKiB || memory > kArgonMaxKiB ||
      passes < kArgonMinPasses || passes > kArgonMaxPasses || lanes != 1) {
    error = "its costs must be written like m=65536,t=2,p=1: memory m from " + std::to_string(kArgonMinKiB) + " to " +
            std::to_string(kArgonMaxKiB) + " (KiB), passes t from " + std::to_string(kArgonMinPasses) + " to " +
            std::to_string(kArgonMaxPasses) + ", and p=1";
    return std::nullopt;
  }
  // 8 bytes (Argon2's least) to 32: the longest string then still fits libsodium's buffer.
  const auto salt = base64Bytes(fields[2], 32);
  if (!salt || *salt < 8) {
    error = "its salt must be 11 to 43 base64 characters (A-Z, a-z, 0-9, + and /)";
    return std::nullopt;
  }
  if (base64Bytes(fields[3], kArgonHashBytes) != kArgonHashBytes) {
    error = "its last part, the hash, must be 43 base64 characters (A-Z, a-z, 0-9, + and /); "
            "was the line cut short when it was copied?";
    return std::nullopt;
  }
  PinHash h;
  h.scheme = PinHash::Scheme::Argon2id;
  h.encoded = std::string(text);
  return h;
}

// "pbkdf2-sha256$200000$<salt hex>$<hash hex>", from older kiosks.
std::optional<PinHash> parsePbkdf2(const std::vector<std::string_view>& fields, std::string& error) {
  PinHash h;
  h.scheme = PinHash::Scheme::Pbkdf2Sha256;
  if (!readNumber(fields[1], h.iterations) || h.iterations < kPinHashMinIterations || h.iterations > kPinHashMaxIterations) {
    error = "its second part, the number of rounds, must be a whole number from " + std::to_string(kPinHashMinIterations) +
            " to " + std::to_string(kPinHashMaxIterations);
    return std::nullopt;
  }
  auto salt = fromHex(fields[2], 64);
  if (!salt || salt->size() < 8) {
    error = "its third part, the salt, must be 16 to 128 hex digits (0-9, a-f)";
    return std::nullopt;
  }
  h.salt = std::move(*salt);
  auto hash = fromHex(fields[3], h.hash.size());
  if (!hash || hash->size() != h.hash.size()) {
    error = "its last part, the hash, must be 64 hex digits (0-9, a-f); was the line cut short when it was copied?";
    return std::nullopt;
  }
  std::copy(hash->begin(), hash->end(), h.hash.begin());
  return h;
}

} // namespace

std::string PinHash::text() const {
  if (!legacy()) return encoded;
  return std::string(kLegacyScheme) + "$" + std::to_string(iterations) + "$" + toHex(salt.data(), salt.size()) + "$" +
         toHex(hash.data(), hash.size());
}

bool isValidPin(std::string_view pin) {
  return pin.size() >= kPinMinDigits && pin.size() <= kPinMaxDigits && allDigits(pin);
}

bool isValidNewPin(std::string_view pin) { return isValidPin(pin) && pin.size() >= kNewPinMinDigits; }

bool looksLikePlainPin(std::string_view text) {
  text = trim(text);
  return !text.empty() && allDigits(text);
}

std::optional<PinHash> parsePinHash(std::string_view text, std::string& error) {
  if (text.starts_with(kArgon2idPrefix)) return parseArgon2id(text, error);
  const auto fields = split(text, '$');
  if (fields.size() != 4 || fields[0] != kLegacyScheme) {
    error = kFormatError;
    return std::nullopt;
  }
  return parsePbkdf2(fields, error);
}

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
