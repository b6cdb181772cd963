#include "core/AdminPin.h"

#include "core/Sha256.h"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>

namespace kiosk {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view s) {
  if (s.size() % 2 != 0) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(s.size() / 2);
  for (std::size_t i = 0; i < s.size(); i += 2) {
    const int hi = hexValue(s[i]), lo = hexValue(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view asChars(const std::vector<std::uint8_t>& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Fills `out` from the kernel's random source; false when it cannot (a kernel without getrandom).
bool systemRandom(std::uint8_t* out, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = getrandom(out + got, size - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got == size) return true;
  // Older kernels: the same source as a file.
  std::FILE* f = std::fopen("/dev/urandom", "rb");
  if (!f) return false;
  const bool ok = std::fread(out, 1, size, f) == size;
  std::fclose(f);
  return ok;
}

} // namespace

std::string PinHash::text() const {
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + toHex(salt) + "$" + toHex(hash);
}

bool isValidPin(std::string_view pin) {
  return pin.size() >= kPinMinDigits && pin.size() <= kPinMaxDigits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looksLikePlainPin(std::string_view text) {
  text = trim(text);
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<PinHash> parsePinHash(std::string_view text, std::string& error) {
  // Four fields joined by '$'.
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const auto dollar = text.find('$', start);
    fields.push_back(text.substr(start, dollar == std::string_view::npos ? std::string_view::npos : dollar - start));
    if (dollar == std::string_view::npos) break;
    start = dollar + 1;
  }
  if (fields.size() != 4 || fields[0] != kScheme) {
    error = "it must be written like \"pbkdf2-sha256$200000$<salt>$<hash>\" (four parts joined by $)";
    return std::nullopt;
  }
  PinHash h;
  const auto rounds = fields[1];
  const auto r = std::from_chars(rounds.data(), rounds.data() + rounds.size(), h.iterations);
  if (r.ec != std::errc() || r.ptr != rounds.data() + rounds.size() || h.iterations < kPinHashMinIterations ||
      h.iterations > kPinHashMaxIterations) {
    error = "its second part, the number of rounds, must be a whole number from " + std::to_string(kPinHashMinIterations) +
            " to " + std::to_string(kPinHashMaxIterations);
    return std::nullopt;
  }
  auto salt = fromHex(fields[2]);
  if (!salt || salt->size() < 8 || salt->size() > 64) {
    error = "its third part, the salt, must be 16 to 128 hex digits (0-9, a-f)";
    return std::nullopt;
  }
  h.salt = std::move(*salt);
  auto hash = fromHex(fields[3]);
  if (!hash || hash->size() != h.hash.size()) {
    error = "its last part, the hash, must be 64 hex digits (0-9, a-f); was the line cut short when it was copied?";
    return std::nullopt;
  }
  std::copy(hash->begin(), hash->end(), h.hash.begin());
  return h;
}

bool constantTimeEqual(const std::uint8_t* a, std::size_t aSize, const std::uint8_t* b, std::size_t bSize) {
  if (aSize != bSize) return false; // sizes are not secret: the hash's size is in its format
  // Every byte is looked at whatever differs: the time says nothing about where a guess went wrong.
  volatile std::uint8_t diff = 0;
  for (std::size_t i = 0; i < aSize; ++i) diff = static_cast<std::uint8_t>(diff | (a[i] ^ b[i]));
  return diff == 0;
}

PinHash makePinHash(std::string_view pin, const std::vector<std::uint8_t>& salt, std::uint32_t iterations) {
  PinHash h;
  h.iterations = iterations;
  h.salt = salt;
  const auto derived = pbkdf2HmacSha256(pin, asChars(salt), iterations, h.hash.size());
  std::copy(derived.begin(), derived.end(), h.hash.begin());
  return h;
}

std::optional<PinHash> makePinHash(std::string_view pin, std::string& error, std::uint32_t iterations) {
  if (!isValidPin(pin)) {
    error = "a PIN must be " + std::to_string(kPinMinDigits) + " to " + std::to_string(kPinMaxDigits) +
            " digits (0-9), nothing else";
    return std::nullopt;
  }
  std::vector<std::uint8_t> salt(kSaltBytes);
  if (!systemRandom(salt.data(), salt.size())) {
    error = "the system gave no random bytes for the salt (getrandom and /dev/urandom failed)";
    return std::nullopt;
  }
  return makePinHash(pin, salt, iterations);
}

bool verifyPin(std::string_view pin, const PinHash& hash) {
  if (!isValidPin(pin)) return false;
  const auto derived = pbkdf2HmacSha256(pin, asChars(hash.salt), hash.iterations, hash.hash.size());
  return constantTimeEqual(derived.data(), derived.size(), hash.hash.data(), hash.hash.size());
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
