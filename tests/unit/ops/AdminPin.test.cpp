#include "ops/AdminPin.h"

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

std::string hex(const std::uint8_t* data, std::size_t size) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}
template <typename Bytes> std::string hex(const Bytes& b) { return hex(b.data(), b.size()); }

// An older kiosk's hash of the PIN 2468 with salt 00 01 ... 0f and 10000 rounds; the hash was
// computed with Python's hashlib.pbkdf2_hmac, an implementation independent of ours.
const char* const kKnown2468 =
    "pbkdf2-sha256$10000$000102030405060708090a0b0c0d0e0f$1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1";

// An Argon2id hash of 246813 as kiosk hash-pin writes it (made once with libsodium's
// crypto_pwhash_str at its interactive limits), so the tests need not make one each time.
const char* const kArgon246813 =
    "$argon2id$v=19$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk";

} // namespace

TEST_CASE("[AdminPin] the keypad takes 4 to 12 digits, a new PIN is 6 to 12, and nothing else") {
  CHECK(isValidPin("2468"));
  CHECK(isValidPin("000000000000"));
  CHECK_FALSE(isValidPin("123"));
  CHECK_FALSE(isValidPin("1234567890123"));
  CHECK_FALSE(isValidPin("12a4"));
  CHECK_FALSE(isValidPin(" 2468"));
  CHECK_FALSE(isValidPin("２４６８")); // full-width digits from a Chinese input method
  CHECK_FALSE(isValidPin(""));
  CHECK(isValidNewPin("246813"));
  CHECK(isValidNewPin("000000000000"));
  CHECK_FALSE(isValidNewPin("2468"));
  CHECK_FALSE(isValidNewPin("24681"));
  CHECK_FALSE(isValidNewPin("1234567890123"));
  CHECK_FALSE(isValidNewPin("24681a"));
}

TEST_CASE("[AdminPin] a new hash is Argon2id, reads back and verifies only its PIN") {
  std::string error;
  const auto h = makePinHash("246813", error);
  REQUIRE_MESSAGE(h, error);
  CHECK_FALSE(h->legacy());
  const std::string text = h->text();
  CHECK(text.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  const auto parsed = parsePinHash(text, error);
  REQUIRE_MESSAGE(parsed, error);
  CHECK(parsed->text() == text);
  CHECK(verifyPin("246813", *parsed));
  CHECK_FALSE(verifyPin("246814", *parsed));
  CHECK_FALSE(verifyPin("2468130", *parsed));
  CHECK_FALSE(verifyPin("2468", *parsed));
  CHECK_FALSE(verifyPin("", *parsed));
  CHECK_FALSE(verifyPin("24681a", *parsed));
  // Same PIN, a fresh random salt: two kiosks' files do not show that they share a PIN.
  const auto again = makePinHash("246813", error);
  REQUIRE(again);
  CHECK(again->text() != text);
  CHECK(verifyPin("246813", *again));
}

TEST_CASE("[AdminPin] a known Argon2id hash verifies, and any change to it fails") {
  std::string error;
  const auto h = parsePinHash(kArgon246813, error);
  REQUIRE_MESSAGE(h, error);
  CHECK(verifyPin("246813", *h));
  CHECK_FALSE(verifyPin("246812", *h));
  // Each part changed a little, still well-formed: the salt, the hash, the costs.
  const std::string known = kArgon246813;
  const auto lastDollar = known.rfind('$'), saltAt = known.rfind('$', lastDollar - 1) + 1;
  auto flip = [&](std::size_t at) {
    std::string t = known;
    t[at] = t[at] == 'A' ? 'B' : 'A';
    return t;
  };
  std::string costs = known;
  costs.replace(costs.find("t=2"), 3, "t=3");
  for (const std::string& tampered : {flip(saltAt), flip(lastDollar + 1), flip(lastDollar + 20), costs}) {
    CAPTURE(tampered);
    const auto t = parsePinHash(tampered, error);
    REQUIRE_MESSAGE(t, error);
    CHECK_FALSE(verifyPin("246813", *t));
  }
}

TEST_CASE("[AdminPin] an older kiosk's PBKDF2 hash still reads back, writes out the same and verifies only its PIN") {
  std::string error;
  const auto h = parsePinHash(kKnown2468, error);
  REQUIRE_MESSAGE(h, error);
  CHECK(h->legacy());
  CHECK(h->iterations == 10000);
  CHECK(h->salt == countingSalt());
  CHECK(h->text() == kKnown2468);
  CHECK(verifyPin("2468", *h));
  CHECK_FALSE(verifyPin("2469", *h));
  CHECK_FALSE(verifyPin("24680", *h));
  CHECK_FALSE(verifyPin("", *h));
  // Upper-case hex, as some tools write it, is the same hash.
  std::string upper = kKnown2468;
  for (std::size_t i = upper.find('$', 15); i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  const auto u = parsePinHash(upper, error);
  REQUIRE(u);
  CHECK(u->text() == kKnown2468);
  CHECK(verifyPin("2468", *u));
  // A changed hash digit is another hash.
  std::string changed = kKnown2468;
  changed.back() = '0';
  const auto c = parsePinHash(changed, error);
  REQUIRE(c);
  CHECK_FALSE(verifyPin("2468", *c));
}

// Published test vectors only: a hash that is nearly right is worthless, and these catch
// padding, length and key-handling mistakes that made-up inputs would not.
TEST_CASE("[AdminPin] the old hashes' HMAC-SHA256: RFC 4231 test cases 1 to 7") {
  CHECK(hex(hmacSha256(std::string(20, '\x0b'), "Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  CHECK(hex(hmacSha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(hex(hmacSha256(std::string(20, '\xaa'), std::string(50, '\xdd'))) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (char c = 1; c <= 25; ++c) key4 += c;
  CHECK(hex(hmacSha256(key4, std::string(50, '\xcd'))) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Case 5 publishes only the first 128 bits.
  CHECK(hex(hmacSha256(std::string(20, '\x0c'), "Test With Truncation")).substr(0, 32) ==
        "a3b6167473100ee06e0c796c2955552b");
  // Cases 6 and 7: a 131-byte key, longer than a block, is hashed first.
  const std::string longKey(131, '\xaa');
  CHECK(hex(hmacSha256(longKey, "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  CHECK(hex(hmacSha256(longKey, "This is a test using a larger than block-size key and a larger than block-size data. "
                                "The key needs to be hashed before being used by the HMAC algorithm.")) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("[AdminPin] the old hashes' PBKDF2-HMAC-SHA256: RFC 7914 section 11 vectors, two blocks each") {
  // dkLen 64 is two 32-byte blocks: the block index in the salt must count from 1.
  CHECK(hex(pbkdf2HmacSha256("passwd", "salt", 1, 64)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  CHECK(hex(pbkdf2HmacSha256("Password", "NaCl", 80000, 64)) ==
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  // A length that is not a whole number of blocks is the start of the longer output.
  CHECK(hex(pbkdf2HmacSha256("passwd", "salt", 1, 40)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645");
  // And the known PIN hash above, by Python's hashlib.
  const auto salt = countingSalt();
  CHECK(hex(pbkdf2HmacSha256("2468", {reinterpret_cast<const char*>(salt.data()), salt.size()}, 10000, 32)) ==
        "1a08d6086f6dc7f66e1013d077074b647ea87f01a4a4b8c77b3c9a5ee0e6a2b1");
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
      // The same mistakes in an Argon2id hash.
      {"$argon2i$v=19$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "$argon2id$"},
      {"$argon2id$v=19$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w", "cut short"},
      {"$argon2id$v=19$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLU", "cut short"},
      {"$argon2id$v=16$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "v=19"},
      {"$argon2id$v=19$m=1024,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "costs"},
      {"$argon2id$v=19$m=4194304,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "costs"},
      {"$argon2id$v=19$m=65536,t=0,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "costs"},
      {"$argon2id$v=19$m=65536,t=2,p=4$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "costs"},
      {"$argon2id$v=19$m=065536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "costs"},
      {"$argon2id$v=19$t=2,m=65536,p=1$OZZFCf0Oe4P/0YqKmSoJ7w$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "costs"},
      {"$argon2id$v=19$m=65536,t=2,p=1$AAAA$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "salt"},
      {"$argon2id$v=19$m=65536,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "salt"},
      {"$argon2id$v=19$m=65536,t=2,p=1$OZZFCf0Oe4P/0YqKmSoJ7w!$5PGdnN0Tnn1OsLnENQ1w+/xgiJRJ685qwYrwLUCWOpk", "salt"},
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
  CHECK_FALSE(looksLikePlainPin(kArgon246813));
  CHECK_FALSE(looksLikePlainPin(""));
  CHECK_FALSE(looksLikePlainPin("PIN"));
}

TEST_CASE("[AdminPin] no hash is made of a PIN that is not 6 to 12 digits") {
  std::string error;
  CHECK_FALSE(makePinHash("12", error));
  CHECK(error.find("6 to 12 digits") != std::string::npos);
  error.clear();
  CHECK_FALSE(makePinHash("24681", error)); // 5 digits: fine for an old hash, never for a new one
  CHECK(error.find("6 to 12 digits") != std::string::npos);
  CHECK_FALSE(makePinHash("123 456", error));
  CHECK_FALSE(makePinHash("1234567890123", error));
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
