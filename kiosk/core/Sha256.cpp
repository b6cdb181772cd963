#include "core/Sha256.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace kiosk {
namespace {

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 4.2.2).
constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// The first 32 bits of the fractional parts of the square roots of the first 8 primes (5.3.3).
constexpr std::array<std::uint32_t, 8> kInitial = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

std::uint32_t loadBigEndian(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

void storeBigEndian(std::uint8_t* p, std::uint32_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 24);
  p[1] = static_cast<std::uint8_t>(v >> 16);
  p[2] = static_cast<std::uint8_t>(v >> 8);
  p[3] = static_cast<std::uint8_t>(v);
}

// HMAC's two keyed hashes with their pad blocks already absorbed: PBKDF2 copies them for each of
// its many rounds instead of hashing the same 64-byte pad block twice per round.
struct HmacKeyed {
  Sha256 inner;
  Sha256 outer;

  explicit HmacKeyed(std::string_view key) {
    std::array<std::uint8_t, 64> block{};
    if (key.size() > block.size()) {
      const Sha256Digest k = sha256(key);
      std::copy(k.begin(), k.end(), block.begin());
    } else {
      std::memcpy(block.data(), key.data(), key.size());
    }
    std::array<std::uint8_t, 64> pad;
    for (std::size_t i = 0; i < 64; ++i) pad[i] = block[i] ^ 0x36;
    inner.update(pad.data(), pad.size());
    for (std::size_t i = 0; i < 64; ++i) pad[i] = block[i] ^ 0x5c;
    outer.update(pad.data(), pad.size());
  }

  Sha256Digest mac(const void* message, std::size_t size) const {
    Sha256 in = inner;
    const Sha256Digest innerDigest = in.update(message, size).finish();
    Sha256 out = outer;
    return out.update(innerDigest.data(), innerDigest.size()).finish();
  }
};

} // namespace

Sha256::Sha256() : m_state(kInitial) {}

void Sha256::compress(const std::uint8_t* block) {
  std::uint32_t w[64];
  for (int i = 0; i < 16; ++i) w[i] = loadBigEndian(block + 4 * i);
  for (int i = 16; i < 64; ++i) {
    const std::uint32_t s0 = std::rotr(w[i - 15], 7) ^ std::rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 = std::rotr(w[i - 2], 17) ^ std::rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
  std::uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
  for (int i = 0; i < 64; ++i) {
    const std::uint32_t s1 = std::rotr(e, 6) ^ std::rotr(e, 11) ^ std::rotr(e, 25);
    const std::uint32_t choose = (e & f) ^ (~e & g);
    const std::uint32_t t1 = h + s1 + choose + kRound[i] + w[i];
    const std::uint32_t s0 = std::rotr(a, 2) ^ std::rotr(a, 13) ^ std::rotr(a, 22);
    const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
    const std::uint32_t t2 = s0 + majority;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  m_state[0] += a;
  m_state[1] += b;
  m_state[2] += c;
  m_state[3] += d;
  m_state[4] += e;
  m_state[5] += f;
  m_state[6] += g;
  m_state[7] += h;
}

Sha256& Sha256::update(const void* data, std::size_t size) {
  const auto* p = static_cast<const std::uint8_t*>(data);
  m_totalBytes += size;
  if (m_blockUsed > 0) {
    const std::size_t take = std::min(size, m_block.size() - m_blockUsed);
    std::memcpy(m_block.data() + m_blockUsed, p, take);
    m_blockUsed += take;
    p += take;
    size -= take;
    if (m_blockUsed < m_block.size()) return *this;
    compress(m_block.data());
    m_blockUsed = 0;
  }
  for (; size >= 64; p += 64, size -= 64) compress(p);
  if (size > 0) std::memcpy(m_block.data(), p, size);
  m_blockUsed = size;
  return *this;
}

Sha256Digest Sha256::finish() {
  // Padding (5.1.1): a 1 bit, zeros up to 56 bytes into a block, then the length in bits.
  const std::uint64_t bits = m_totalBytes * 8;
  m_block[m_blockUsed++] = 0x80;
  if (m_blockUsed > 56) {
    std::fill(m_block.begin() + static_cast<long>(m_blockUsed), m_block.end(), 0);
    compress(m_block.data());
    m_blockUsed = 0;
  }
  std::fill(m_block.begin() + static_cast<long>(m_blockUsed), m_block.begin() + 56, 0);
  for (int i = 0; i < 8; ++i) m_block[56 + i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
  compress(m_block.data());
  Sha256Digest digest;
  for (int i = 0; i < 8; ++i) storeBigEndian(digest.data() + 4 * i, m_state[i]);
  *this = Sha256();
  return digest;
}

Sha256Digest sha256(std::string_view bytes) { return Sha256().update(bytes).finish(); }

Sha256Digest hmacSha256(std::string_view key, std::string_view message) {
  return HmacKeyed(key).mac(message.data(), message.size());
}

std::vector<std::uint8_t> pbkdf2HmacSha256(std::string_view password, std::string_view salt, std::uint32_t iterations,
                                           std::size_t length) {
  const HmacKeyed prf(password);
  std::vector<std::uint8_t> out;
  out.reserve(length);
  std::vector<std::uint8_t> saltAndIndex(salt.begin(), salt.end());
  saltAndIndex.resize(salt.size() + 4);
  // Block i (from 1) is U1 ^ U2 ^ ... ^ Uc, with U1 = PRF(salt || INT(i)) and Uj = PRF(Uj-1).
  for (std::uint32_t index = 1; out.size() < length; ++index) {
    storeBigEndian(saltAndIndex.data() + salt.size(), index);
    Sha256Digest u = prf.mac(saltAndIndex.data(), saltAndIndex.size());
    Sha256Digest block = u;
    for (std::uint32_t j = 1; j < iterations; ++j) {
      u = prf.mac(u.data(), u.size());
      for (std::size_t b = 0; b < block.size(); ++b) block[b] ^= u[b];
    }
    const std::size_t take = std::min(block.size(), length - out.size());
    out.insert(out.end(), block.begin(), block.begin() + static_cast<long>(take));
  }
  return out;
}

std::string toHex(const std::uint8_t* data, std::size_t size) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  s.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    s += digits[data[i] >> 4];
    s += digits[data[i] & 0xF];
  }
  return s;
}

} // namespace kiosk
