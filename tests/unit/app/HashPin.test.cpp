#include "app/HashPin.h"

#include "ops/AdminPin.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace kiosk;

TEST_CASE("[HashPin] a PIN on one line of input becomes the admin_pin line, and that line verifies") {
  std::istringstream in("246813\n");
  std::ostringstream out, err;
  CHECK(app::hashPin(in, out, err, false) == 0);
  const std::string line = out.str();
  // Exactly the line to paste, nothing else on the output: `kiosk hash-pin > line` works.
  REQUIRE(line.rfind("admin_pin = \"$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  REQUIRE(line.size() > 15);
  CHECK(line.substr(line.size() - 2) == "\"\n");
  CHECK(err.str().find("under [kiosk]") != std::string::npos);
  std::string error;
  const auto hash = parsePinHash(line.substr(13, line.size() - 15), error);
  REQUIRE_MESSAGE(hash, error);
  CHECK_FALSE(hash->legacy());
  CHECK(verifyPin("246813", *hash));
  CHECK_FALSE(verifyPin("246812", *hash));
  // The PIN itself is written nowhere.
  CHECK(line.find("246813") == std::string::npos);
  CHECK(err.str().find("246813") == std::string::npos);
}

TEST_CASE("[HashPin] a line from Windows, ending in CR LF, is the same PIN") {
  std::istringstream in("1357913\r\n");
  std::ostringstream out, err;
  REQUIRE(app::hashPin(in, out, err, false) == 0);
  std::string error;
  const auto hash = parsePinHash(out.str().substr(13, out.str().size() - 15), error);
  REQUIRE(hash);
  CHECK(verifyPin("1357913", *hash));
}

TEST_CASE("[HashPin] a PIN that is not 6 to 12 digits, or none, makes nothing") {
  for (const char* input : {"12\n", "12ab\n", "1234ab\n", "1234567890123\n", "\n"}) {
    CAPTURE(input);
    std::istringstream in(input);
    std::ostringstream out, err;
    CHECK(app::hashPin(in, out, err, false) == 1);
    CHECK(out.str().empty());
    CHECK(err.str().find("6 to 12 digits") != std::string::npos);
  }
  std::istringstream empty("");
  std::ostringstream out, err;
  CHECK(app::hashPin(empty, out, err, false) == 2);
  CHECK(out.str().empty());
}

TEST_CASE("[HashPin] a 4- or 5-digit PIN is refused, saying why a short PIN is unsafe whatever its hash") {
  for (const char* input : {"2468\n", "24681\n"}) {
    CAPTURE(input);
    std::istringstream in(input);
    std::ostringstream out, err;
    CHECK(app::hashPin(in, out, err, false) == 1);
    CHECK(out.str().empty());
    CHECK(err.str().find("6 to 12 digits") != std::string::npos);
    CHECK(err.str().find("not safe whatever its hash") != std::string::npos);
    CHECK(err.str().find("copy of kiosk.toml") != std::string::npos);
    CHECK(err.str().find("2468") == std::string::npos); // the PIN is not repeated either
  }
}

TEST_CASE("[HashPin] typed at a terminal the PIN is asked twice, and two that differ make nothing") {
  std::istringstream same("246813\n246813\n");
  std::ostringstream out, err;
  CHECK(app::hashPin(same, out, err, true) == 0);
  CHECK(err.str().find("not shown") != std::string::npos);
  CHECK(err.str().find("again") != std::string::npos);
  std::istringstream differ("246813\n246814\n");
  std::ostringstream out2, err2;
  CHECK(app::hashPin(differ, out2, err2, true) == 1);
  CHECK(out2.str().empty());
  CHECK(err2.str().find("differ") != std::string::npos);
}
