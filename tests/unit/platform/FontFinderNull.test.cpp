#include "platform/Display.h"
#include "platform/FontFinder.h"

#include <doctest/doctest.h>

TEST_CASE("[FontFinderNull] the null platform finds no fonts and says so") {
  CHECK_FALSE(platform::findFontForLanguage("en"));
  CHECK(std::string(platform::fontFinderName()) == "null");
}

TEST_CASE("[DisplayNull] the null platform has no display and says why") {
  std::string why;
  CHECK_FALSE(platform::displayAvailable(why));
  CHECK(why.find("KIOSK_PLATFORM=null") != std::string::npos);
}
