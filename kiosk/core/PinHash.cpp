#include "core/PinHash.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace kiosk {
namespace {

constexpr std::string_view kLegacyScheme = "pbkdf2-sha256";
constexpr std::string_view kArgon2idPrefix = "$argon2id$";

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

} // namespace kiosk
