#include "core/Sha256.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;

// Published test vectors only: a hash that is nearly right is worthless, and these catch
// padding, length and key-handling mistakes that made-up inputs would not.

TEST_CASE("[Sha256] FIPS 180 examples: abc, the empty string and the 448-bit message") {
  CHECK(toHex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(toHex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // 56 bytes: the padding no longer fits in the message's block and needs a block of its own.
  CHECK(toHex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("[Sha256] a million 'a', given whole and in uneven pieces") {
  const std::string million(1000000, 'a');
  const char* expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  CHECK(toHex(sha256(million)) == expected);
  // Pieces that straddle block boundaries exercise the partial-block buffer.
  Sha256 h;
  for (std::size_t done = 0, piece = 1; done < million.size(); done += piece, piece = piece % 97 + 1)
    h.update(million.data() + done, std::min(piece, million.size() - done));
  CHECK(toHex(h.finish()) == expected);
  // finish() starts over, so the object can be used again.
  CHECK(toHex(h.update("abc").finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("[Sha256] HMAC-SHA256: RFC 4231 test cases 1 to 7") {
  CHECK(toHex(hmacSha256(std::string(20, '\x0b'), "Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  CHECK(toHex(hmacSha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(toHex(hmacSha256(std::string(20, '\xaa'), std::string(50, '\xdd'))) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (char c = 1; c <= 25; ++c) key4 += c;
  CHECK(toHex(hmacSha256(key4, std::string(50, '\xcd'))) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Case 5 publishes only the first 128 bits.
  CHECK(toHex(hmacSha256(std::string(20, '\x0c'), "Test With Truncation")).substr(0, 32) ==
        "a3b6167473100ee06e0c796c2955552b");
  // Cases 6 and 7: a 131-byte key, longer than a block, is hashed first.
  const std::string longKey(131, '\xaa');
  CHECK(toHex(hmacSha256(longKey, "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  CHECK(toHex(hmacSha256(longKey, "This is a test using a larger than block-size key and a larger than block-size data. "
                                  "The key needs to be hashed before being used by the HMAC algorithm.")) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("[Sha256] PBKDF2-HMAC-SHA256: RFC 7914 section 11 vectors, two blocks each") {
  // dkLen 64 is two 32-byte blocks: the block index in the salt must count from 1.
  CHECK(toHex(pbkdf2HmacSha256("passwd", "salt", 1, 64)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  CHECK(toHex(pbkdf2HmacSha256("Password", "NaCl", 80000, 64)) ==
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  // A length that is not a whole number of blocks is the start of the longer output.
  CHECK(toHex(pbkdf2HmacSha256("passwd", "salt", 1, 40)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645");
}
