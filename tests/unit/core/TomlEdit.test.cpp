#include "core/TomlEdit.h"

#include <doctest/doctest.h>

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>

using namespace kiosk::tomledit;

namespace {
const char* kItem = R"(# Shenyang's zones: staff comment at the top
attract = true   # shown in the attract loop

[title]
en = "Free Trade Zone"   # keep short
zh-Hans = "自由贸易区"

# The pictures
[[images]]
file = "images/a.jpg"
caption.en = "The port"

[[images]]
file = "images/b.jpg"
[images.caption]
en = "The zone"
)";

std::string at(const std::string& text, const char* path) {
  const auto doc = toml::parse(text);
  const auto v = doc.at_path(path).value<std::string>();
  return v ? *v : std::string("<none>");
}
} // namespace

TEST_CASE("[TomlEdit] an existing value: only its characters change") {
  const auto r = setString(kItem, {"title", "en"}, "Free Trade Zone of Liaoning");
  REQUIRE(r.ok());
  std::string want = kItem;
  want.replace(want.find("\"Free Trade Zone\""), 17, "\"Free Trade Zone of Liaoning\"");
  CHECK(r.text == want);
  const auto c = setString(kItem, {"images", "1", "caption", "en"}, "The zone at night");
  REQUIRE(c.ok());
  CHECK(at(c.text, "images[1].caption.en") == "The zone at night");
  CHECK(c.text.find("# The pictures") != std::string::npos);
}

TEST_CASE("[TomlEdit] a new key goes to its own table, with comments kept") {
  auto r = setString(kItem, {"title", "ru"}, "Зона свободной торговли");
  REQUIRE(r.ok());
  CHECK(at(r.text, "title.ru") == "Зона свободной торговли");
  CHECK(r.text.find("zh-Hans = \"自由贸易区\"\nru = \"Зона свободной торговли\"\n") != std::string::npos);
  // A dotted table inside an array element repeats its prefix.
  r = setString(kItem, {"images", "0", "caption", "ja"}, "港");
  REQUIRE(r.ok());
  CHECK(r.text.find("caption.en = \"The port\"\ncaption.ja = \"港\"\n") != std::string::npos);
  // A table that is not there yet, inside an array element: a dotted key in it.
  r = setString(kItem, {"images", "0", "alt", "en"}, "Cranes at the port");
  REQUIRE(r.ok());
  CHECK(at(r.text, "images[0].alt.en") == "Cranes at the port");
  // A root key goes before the first table.
  r = setValue(kItem, {"order"}, "3");
  REQUIRE(r.ok());
  CHECK(r.text.find("attract = true   # shown in the attract loop\norder = 3\n") != std::string::npos);
  // A new table at the root.
  r = setString(kItem, {"summary", "en"}, "Where trade is free");
  REQUIRE(r.ok());
  CHECK(at(r.text, "summary.en") == "Where trade is free");
  CHECK(at(r.text, "title.en") == "Free Trade Zone");
}

TEST_CASE("[TomlEdit] strings that need escapes or several lines round-trip") {
  for (const char* value : {"say \"hi\"", "C:\\images\\x.jpg", "tab\there", "line one\nline two", "ends with a quote\"",
                            "two lines and quotes\n\"\"\"", "", "\x01 control"}) {
    CAPTURE(value);
    const auto r = setString(kItem, {"title", "en"}, value);
    REQUIRE(r.ok());
    CHECK(at(r.text, "title.en") == value);
  }
}

TEST_CASE("[TomlEdit] removing a key takes its line only") {
  const auto r = removeKey(kItem, {"title", "zh-Hans"});
  REQUIRE(r.ok());
  std::string want = kItem;
  want.erase(want.find("zh-Hans = "), std::string("zh-Hans = \"自由贸易区\"\n").size());
  CHECK(r.text == want);
  CHECK(removeKey(kItem, {"title", "fr"}).text == kItem); // not there: nothing changes
}

TEST_CASE("[TomlEdit] refusals leave the text alone") {
  const std::string broken = "title = \"no closing quote\n";
  auto r = setString(broken, {"title"}, "x");
  CHECK_FALSE(r.ok());
  CHECK(r.text == broken);
  r = setString(kItem, {"title"}, "x"); // a table
  CHECK_FALSE(r.ok());
  r = setValue(kItem, {"title", "en"}, "not toml");
  CHECK_FALSE(r.ok());
  const std::string inlineTable = "title = { en = \"A\" }\n";
  r = setString(inlineTable, {"title", "ru"}, "Б");
  CHECK_FALSE(r.ok());
  CHECK(r.text == inlineTable);
  r = setString(inlineTable, {"title", "en"}, "B"); // an existing value inside one is fine
  REQUIRE(r.ok());
  CHECK(r.text == "title = { en = \"B\" }\n");
  const std::string shared = "a = 1\nb = [\n  1, 2 ] # ok\n";
  CHECK(removeKey(shared, {"b"}).ok());
  CHECK(removeKey(shared, {"b"}).text == "a = 1\n");
}


TEST_CASE("[TomlEdit] every string of every sample file can be edited, and a language added beside it") {
  namespace fs = std::filesystem;
  size_t files = 0, edits = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(KIOSK_SOURCE_DIR) / "content")) {
    if (entry.path().extension() != ".toml") continue;
    if (entry.path().filename() == "translations.lock.toml") continue; // written by translations import, not by staff
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto paths = stringPaths(text);
    ++files;
    for (const auto& p : paths) {
      CAPTURE(entry.path().string());
      CAPTURE(p.back());
      const auto r = setString(text, p, "Edited «текст» \"quoted\"\nsecond line");
      REQUIRE(r.ok()); // sameBut inside checks that nothing else changed
      ++edits;
      // Beside a language's text, another language is added.
      if (p.size() >= 2 && (p.back() == "en" || p.back() == "zh-Hans")) {
        Path other = p;
        other.back() = "xx-Test";
        const auto added = setString(text, other, "New");
        REQUIRE(added.ok());
        CHECK(added.text.size() > text.size());
      }
    }
  }
  CHECK(files > 20);
  CHECK(edits > 200);
}

TEST_CASE("appendTable: a new [[images]] goes after the last one, before the next table's comments") {
  const std::string text = "[title]\nen = \"A\"\n\n[[images]]\nfile = \"a.jpg\"\n[images.caption]\nen = \"A\"\n\n"
                           "# the map\n[map]\nimage = \"m.png\"\n";
  const auto r = kiosk::tomledit::appendTable(text, {"images"}, "[[images]]\nfile = \"b.jpg\"\n");
  REQUIRE(r.ok());
  CHECK(r.text == "[title]\nen = \"A\"\n\n[[images]]\nfile = \"a.jpg\"\n[images.caption]\nen = \"A\"\n\n[[images]]\n"
                  "file = \"b.jpg\"\n\n# the map\n[map]\nimage = \"m.png\"\n");
  // None yet: at the end. A nested array: [[map.points]] after [map].
  const auto first = kiosk::tomledit::appendTable("[title]\nen = \"A\"\n", {"images"}, "[[images]]\nfile = \"b.jpg\"\n");
  REQUIRE(first.ok());
  CHECK(first.text == "[title]\nen = \"A\"\n\n[[images]]\nfile = \"b.jpg\"\n");
  const auto point = kiosk::tomledit::appendTable(text, {"map", "points"}, "[[map.points]]\nx = 1\ny = 2\n[map.points.label]\nen = \"P\"\n");
  REQUIRE(point.ok());
  CHECK(toml::parse(point.text)["map"]["points"][0]["label"]["en"].value_or(std::string()) == "P");
  CHECK(toml::parse(point.text)["map"]["image"].value_or(std::string()) == "m.png");
}

TEST_CASE("appendTable: refused for a block that is not one element or a key that is not a list") {
  const std::string text = "images = \"x\"\n";
  CHECK_FALSE(kiosk::tomledit::appendTable(text, {"images"}, "[[images]]\nfile = \"b.jpg\"\n").ok());
  CHECK_FALSE(kiosk::tomledit::appendTable("[title]\n", {"images"}, "[[images]]\nfile = \"b.jpg\"\n[[images]]\nfile = \"c\"\n").ok());
  CHECK_FALSE(kiosk::tomledit::appendTable("[title]\n", {"images"}, "file = ").ok());
  CHECK(kiosk::tomledit::appendTable(text, {"images"}, "[[images]]\n").text == text);
}
