#include "platform/Display.h"
#include "platform/FileWatch.h"
#include "platform/FontFinder.h"
#include "platform/HeadphoneJack.h"

#include <doctest/doctest.h>

TEST_CASE("[FontFinderNull] the null platform finds no fonts and says so") {
  CHECK_FALSE(platform::findFontForLanguage("en"));
  CHECK_FALSE(platform::findColourFont({U'\U0001F3BF'}));
  CHECK(std::string(platform::fontFinderName()) == "null");
}

TEST_CASE("[FileWatchNull] the null platform watches nothing and says to press F5") {
  auto w = platform::createFileWatch();
  std::string why;
  CHECK_FALSE(w->start(".", why));
  CHECK(why.find("F5") != std::string::npos);
  CHECK(w->changes() == 0);
}

TEST_CASE("[DisplayNull] the null platform has no display and says why") {
  std::string why;
  CHECK_FALSE(platform::displayAvailable(why));
  CHECK(why.find("KIOSK_PLATFORM=null") != std::string::npos);
}

TEST_CASE("[HeadphoneJackNull] the null platform reports no jack, so speech waits for a key") {
  const auto jack = platform::createHeadphoneJack();
  CHECK_FALSE(jack->plugged().has_value());
  CHECK(jack->describe().find("does not report") != std::string::npos);
}
