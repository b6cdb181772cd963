#pragma once
// SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and PBKDF2-HMAC-SHA256 (RFC 8018), written here
// so the admin PIN needs no crypto library. For the staff PIN and for naming published content
// versions (kiosk publish): not a general toolkit.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Incremental hashing: update() any number of times, then finish() once.
class Sha256 {
public:
  Sha256();
  Sha256& update(const void* data, std::size_t size);
  Sha256& update(std::string_view bytes) { return update(bytes.data(), bytes.size()); }
  // The digest of everything given; the object starts over afterwards.
  Sha256Digest finish();

private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> m_state;
  std::array<std::uint8_t, 64> m_block{};
  std::size_t m_blockUsed = 0;
  std::uint64_t m_totalBytes = 0;
};

Sha256Digest sha256(std::string_view bytes);

// HMAC-SHA256 of `message` under `key` (any length; a key longer than 64 bytes is hashed first).
Sha256Digest hmacSha256(std::string_view key, std::string_view message);

// PBKDF2 with HMAC-SHA256: `length` bytes derived from `password` and `salt` by `iterations`
// rounds. Slow on purpose; call it off the frame loop.
std::vector<std::uint8_t> pbkdf2HmacSha256(std::string_view password, std::string_view salt, std::uint32_t iterations,
                                           std::size_t length);

// Lowercase hex of bytes, for hash strings and test vectors.
std::string toHex(const std::uint8_t* data, std::size_t size);
template <typename Bytes> std::string toHex(const Bytes& bytes) { return toHex(bytes.data(), bytes.size()); }

} // namespace kiosk
