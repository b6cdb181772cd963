// text/uri-list as file managers send it when files are dropped on the editor.
#include "platform/EditorWindow.h"

#include <doctest/doctest.h>

TEST_CASE("dropped files: file addresses decoded, others left out") {
  using platform::fileFromUri;
  CHECK(fileFromUri("file:///home/staff/Pictures/a%20b.jpg") == "/home/staff/Pictures/a b.jpg");
  CHECK(fileFromUri("file://localhost/tmp/%E7%85%A7%E7%89%87.jpg") == "/tmp/照片.jpg");
  CHECK(fileFromUri("file://otherhost/tmp/a.jpg") == "");
  CHECK(fileFromUri("https://example.com/a.jpg") == "");
  CHECK(fileFromUri("file:///tmp/%00x") == "");
  CHECK(fileFromUri("file:///tmp/100%") == "/tmp/100%");
  const auto files = platform::filesFromUriList("# comment\r\nfile:///a.jpg\r\n\r\nfile:///b%2Bc.png\r\nhttp://x/y\r\n");
  REQUIRE(files.size() == 2);
  CHECK(files[0] == "/a.jpg");
  CHECK(files[1] == "/b+c.png");
}
