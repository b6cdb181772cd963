#include "core/AdminPin.h"

#include <doctest/doctest.h>

#include <cctype>
#include <string>

using namespace kiosk;

namespace {

std::vector<std::uint8_t> countingSalt() {
  std::vector<std::uint8_t> salt;
  for (std::uint8_t i = 0; i < 16; ++i) salt.push_back(i);
  return salt;
}

// The PIN 2468 with salt 00 01 ... 0f and 10000 rounds; the hash was computed with Python's
// hashlib.pbkdf2_hmac, an implementation independent of ours.
const char* const kKnown2468 =
    "pbkdf2-sha256$10000$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1";

} // namespace

TEST_CASE("[AdminPin] a PIN is 4 to 12 digits and nothing else") {
  CHECK(isValidPin("2468"));
  CHECK(isValidPin("000000000000"));
  CHECK_FALSE(isValidPin("123"));
  CHECK_FALSE(isValidPin("1234567890123"));
  CHECK_FALSE(isValidPin("12a4"));
  CHECK_FALSE(isValidPin(" 2468"));
  CHECK_FALSE(isValidPin("２４６８")); // full-width digits from a Chinese input method
  CHECK_FALSE(isValidPin(""));
}

TEST_CASE("[AdminPin] a known hash reads back, writes out the same and verifies only its PIN") {
  std::string error;
  const auto h = parsePinHash(kKnown2468, error);
  REQUIRE_MESSAGE(h, error);
  CHECK(h->iterations == 10000);
  CHECK(h->salt == countingSalt());
  CHECK(h->text() == kKnown2468);
  CHECK(makePinHash("2468", countingSalt(), 10000).text() == kKnown2468);
  CHECK(verifyPin("2468", *h));
  CHECK_FALSE(verifyPin("2469", *h));
  CHECK_FALSE(verifyPin("24680", *h));
  CHECK_FALSE(verifyPin("", *h));
  // Upper-case hex, as some tools write it, is the same hash.
  std::string upper = kKnown2468;
  for (std::size_t i = upper.find('$', 15); i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  const auto u = parsePinHash(upper, error);
  REQUIRE(u);
  CHECK(verifyPin("2468", *u));
}

TEST_CASE("[AdminPin] malformed hashes are refused with a reason that does not repeat them") {
  struct Bad {
    const char* text;
    const char* reason;
  };
  const Bad cases[] = {
      {"", "four parts"},
      {"2468", "four parts"},
      {"sha256$10000$00010203040506070809$00", "four parts"},
      {"pbkdf2-sha256$10000$000102030405060708090a0b0c0d0e0f", "four parts"},
      {"pbkdf2-sha256$1000$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1", "rounds"},
      {"pbkdf2-sha256$99999999$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1", "rounds"},
      {"pbkdf2-sha256$1e5$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1", "rounds"},
      {"pbkdf2-sha256$10000$0001020$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1", "salt"},
      {"pbkdf2-sha256$10000$zz0102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1", "salt"},
      // Cut short while copying: the most likely mistake of all.
      {"pbkdf2-sha256$10000$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5e", "cut short"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    std::string error;
    CHECK_FALSE(parsePinHash(c.text, error));
    CHECK(error.find(c.reason) != std::string::npos);
    if (*c.text) CHECK(error.find(c.text) == std::string::npos);
  }
}

TEST_CASE("[AdminPin] the PIN written instead of its hash is recognised") {
  CHECK(looksLikePlainPin("2468"));
  CHECK(looksLikePlainPin(" 123456 "));
  CHECK_FALSE(looksLikePlainPin(kKnown2468));
  CHECK_FALSE(looksLikePlainPin(""));
  CHECK_FALSE(looksLikePlainPin("PIN"));
}

TEST_CASE("[AdminPin] a new hash has a fresh random salt and verifies at the default strength") {
  std::string error;
  const auto a = makePinHash("2468", error);
  const auto b = makePinHash("2468", error);
  REQUIRE_MESSAGE(a, error);
  REQUIRE(b);
  CHECK(a->iterations == kPinHashIterations);
  CHECK(a->salt.size() == 16);
  // Same PIN, different salts: two kiosks' files do not show that they share a PIN.
  CHECK(a->salt != b->salt);
  CHECK(a->hash != b->hash);
  const auto parsed = parsePinHash(a->text(), error);
  REQUIRE(parsed);
  CHECK(verifyPin("2468", *parsed));
  CHECK_FALSE(verifyPin("8642", *parsed));
}

TEST_CASE("[AdminPin] no hash is made of a PIN that is not 4 to 12 digits") {
  std::string error;
  CHECK_FALSE(makePinHash("12", error));
  CHECK(error.find("4 to 12 digits") != std::string::npos);
  CHECK_FALSE(makePinHash("12 34", error));
}

TEST_CASE("[AdminPin] constant-time comparison still compares") {
  const std::uint8_t a[] = {1, 2, 3}, b[] = {1, 2, 4}, c[] = {1, 2};
  CHECK(constantTimeEqual(a, 3, a, 3));
  CHECK_FALSE(constantTimeEqual(a, 3, b, 3));
  CHECK_FALSE(constantTimeEqual(a, 3, c, 2));
  CHECK(constantTimeEqual(a, 0, b, 0));
}

TEST_CASE("[PinAttempts] five wrong PINs lock for 60 s, and time unlocks") {
  PinAttempts p;
  for (int i = 0; i < 4; ++i) p.failed(10.0 + i);
  CHECK_FALSE(p.locked(14));
  CHECK(p.failures() == 4);
  p.failed(15);
  CHECK(p.locked(15));
  CHECK(p.lockedFor(15) == doctest::Approx(60));
  CHECK(p.lockedFor(45) == doctest::Approx(30));
  CHECK(p.locked(74.9));
  CHECK_FALSE(p.locked(75));
  CHECK(p.lockedFor(75) == 0);
}

TEST_CASE("[PinAttempts] each further lockout doubles, up to 15 minutes") {
  PinAttempts p;
  Seconds now = 0;
  const Seconds expected[] = {60, 120, 240, 480, 900, 900};
  for (Seconds lockout : expected) {
    for (int i = 0; i < PinAttempts::kAttemptsBeforeLockout; ++i) p.failed(now);
    CAPTURE(lockout);
    CHECK(p.lockedFor(now) == doctest::Approx(lockout));
    now += lockout;
    CHECK_FALSE(p.locked(now));
  }
}

TEST_CASE("[PinAttempts] wrong PINs reported while locked count for nothing") {
  PinAttempts p;
  for (int i = 0; i < 5; ++i) p.failed(0);
  // A check begun just before the lockout ends afterwards: it must not lengthen the lockout.
  for (int i = 0; i < 20; ++i) p.failed(30);
  CHECK(p.lockedFor(30) == doctest::Approx(30));
  CHECK(p.failures() == 0);
}

TEST_CASE("[PinAttempts] the right PIN forgets the wrong ones and the doubling") {
  PinAttempts p;
  for (int i = 0; i < 5; ++i) p.failed(0);
  for (int i = 0; i < 5; ++i) p.failed(60); // second lockout: 120 s
  CHECK(p.lockedFor(60) == doctest::Approx(120));
  p.succeeded();
  CHECK_FALSE(p.locked(61));
  for (int i = 0; i < 4; ++i) p.failed(100);
  CHECK_FALSE(p.locked(100)); // the count started over
  p.failed(100);
  CHECK(p.lockedFor(100) == doctest::Approx(60)); // and so did the doubling
}
