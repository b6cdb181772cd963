#include "platform/FontFinder.h"

#include <doctest/doctest.h>

TEST_CASE("[FontFinderNull] the null platform finds no fonts and says so") {
  CHECK_FALSE(platform::findFontForLanguage("en"));
  CHECK(std::string(platform::fontFinderName()) == "null");
}
