#include "platform/Journal.h"

#include <doctest/doctest.h>

using platform::journalStreamNames;

TEST_CASE("[Journal] JOURNAL_STREAM names stderr only when device and inode both match") {
  CHECK(journalStreamNames("8:12345", 8, 12345));
  CHECK(journalStreamNames("64769:18446744073709551615", 64769, 18446744073709551615ull));
  CHECK_FALSE(journalStreamNames("8:12345", 8, 12346)); // stderr redirected to a file by a script
  CHECK_FALSE(journalStreamNames("8:12345", 9, 12345));
}

TEST_CASE("[Journal] an unset or malformed JOURNAL_STREAM never matches") {
  CHECK_FALSE(journalStreamNames(nullptr, 0, 0));
  CHECK_FALSE(journalStreamNames("", 0, 0));
  CHECK_FALSE(journalStreamNames("8", 8, 0));
  CHECK_FALSE(journalStreamNames("8:", 8, 0));
  CHECK_FALSE(journalStreamNames(":5", 0, 5));
  CHECK_FALSE(journalStreamNames("8:5x", 8, 5));
  CHECK_FALSE(journalStreamNames("8:5:1", 8, 5));
  CHECK_FALSE(journalStreamNames("-8:5", 8, 5));
}
