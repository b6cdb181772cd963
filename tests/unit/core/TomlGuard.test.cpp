#include "core/TomlGuard.h"

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace kiosk;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The guard's verdict, with the text it leaves for toml++.
struct Guarded {
  std::optional<TomlGuardProblem> problem;
  std::string text;
};
Guarded guard(std::string text) {
  auto problem = guardTomlText(text);
  return {std::move(problem), std::move(text)};
}

} // namespace

TEST_CASE("[TomlGuard] a 100,000-part dotted key or header is refused before toml++ recurses on it") {
  std::string parts = repeat("a.", 100'000);
  parts.pop_back(); // a.a.a...a: 100,000 parts
  for (const char* form : {"title = \"x\"\n@ = 1\n", "title = \"x\"\n[@]\n", "title = \"x\"\n[[@]]\n", "t = { @ = 1 }\n"}) {
    std::string doc = form;
    doc.replace(doc.find('@'), 1, parts);
    const auto g = guard(doc);
    REQUIRE(g.problem);
    CHECK(g.problem->message.find("parts joined by dots") != std::string::npos);
  }
  std::string doc = "title = \"x\"\n";
  doc += parts;
  doc += " = 1\n";
  const auto g = guard(doc);
  CHECK(g.problem->line == 2);
  CHECK(g.problem->column == 32); // the 17th part's dot
}

TEST_CASE("[TomlGuard] the format's own dotted keys and nesting pass") {
  const std::string doc = "[kiosk.display]\nheight_mm = 685\n[[images]]\nfile = \"a.jpg\"\n[images.caption]\nen = \"A\"\n"
                          "x.y.z = [[1, 2], [3, {a.b = 4, c = [5]}]]\n";
  const auto g = guard(doc);
  CHECK_FALSE(g.problem);
  CHECK(g.text == doc);
  CHECK_NOTHROW(toml::parse(g.text));
}

TEST_CASE("[TomlGuard] nesting deeper than the limit is refused at its line and column") {
  for (const char* open : {"[", "{a="}) {
    const auto g = guard("title = \"x\"\nv = " + repeat(open, 10'000) + "\n");
    REQUIRE(g.problem);
    CHECK(g.problem->line == 2);
    CHECK(g.problem->message.find("nested more than 32") != std::string::npos);
  }
  CHECK_FALSE(guard("v = " + repeat("[", 32) + repeat("]", 32) + "\n").problem);
}

TEST_CASE("[TomlGuard] a non-ASCII character outside quotes is named, never given to toml++") {
  // A Chinese, Russian or Japanese line with its key forgotten: toml++ 3.3 reaches
  // __builtin_unreachable asking whether 'Д' or 'の' is whitespace.
  for (const std::string line : {"沈阳故宫", "Дворец", "のりもの", "é"}) {
    const auto g = guard("title = \"x\"\n  " + line + "\n");
    REQUIRE(g.problem);
    CHECK(g.problem->line == 2);
    CHECK(g.problem->column == 3);
    CHECK(g.problem->message.find("not a key") != std::string::npos);
    CHECK(g.problem->message.find(line) != std::string::npos);
  }
  for (const std::string doc : {"title = 沈阳\n", "title = \"x\" 沈阳\n", "a = [1, Д]\n", "t = {a = 1, б = 2}\n",
                                "[секция]\n"}) {
    INFO(doc);
    const auto g = guard(doc);
    REQUIRE(g.problem);
    CHECK(g.problem->line == 1);
  }
}

TEST_CASE("[TomlGuard] a quoted non-ASCII key is rewritten with escapes, and toml++ reads the same key") {
  const auto g = guard("\"名前\" = 1\n[\"Раздел\"]\na.'ключ \"\\' = 2\n\"\\u00e9\\\"é\" = 3\n");
  REQUIRE_FALSE(g.problem);
  CHECK(g.text.find("\"\\u540D\\u524D\" = 1") != std::string::npos);
  const auto t = toml::parse(g.text);
  CHECK(t["名前"].value_or(0) == 1);
  CHECK(t["Раздел"]["a"]["ключ \"\\"].value_or(0) == 2);
  CHECK(t["Раздел"]["é\"é"].value_or(0) == 3);
  CHECK(guard("\"名前 = 1\n").problem); // left open on its line
}

TEST_CASE("[TomlGuard] non-ASCII text inside strings and comments passes unchanged") {
  const std::string doc = "# 沈阳 Шэньян\ntitle = \"沈阳故宫\" # 注释\nbody = \"\"\"\nДворец\nの\n\"\"\"\n"
                          "lit = '''\né\n'''\nq = 'ф'\n\"en\" = \"\\\"Ж\\\"\"\nfive = \"\"\"x\"\"\"\"\"\nafter = \"Я\"\n";
  const auto g = guard(doc);
  CHECK_FALSE(g.problem);
  CHECK(g.text == doc);
  const auto t = toml::parse(g.text);
  CHECK(t["body"].value_or(std::string()) == "Дворец\nの\n");
  CHECK(t["five"].value_or(std::string()) == "x\"\"");
  CHECK(t["after"].value_or(std::string()) == "Я");
}

TEST_CASE("[TomlGuard] a line-ending backslash before non-ASCII text keeps the same value") {
  const auto g = guard("body = \"\"\"Шэнь\\\n    ян and \\\n\n  沈阳 \\  \n 😀\"\"\"\n");
  REQUIRE_FALSE(g.problem);
  CHECK(g.text.find("\\u044F") != std::string::npos);
  CHECK(g.text.find("\\U0001F600") != std::string::npos);
  const auto t = toml::parse(g.text);
  CHECK(t["body"].value_or(std::string()) == "Шэньян and 沈阳 😀");
}

TEST_CASE("[TomlGuard] a backslash before a non-ASCII character is refused as no escape") {
  for (const std::string doc : {"a = \"\\é\"\n", "a = \"\"\"\\é\"\"\"\n", "a = \"\"\"x \\  ж\n\"\"\"\n"}) {
    INFO(doc);
    const auto g = guard(doc);
    REQUIRE(g.problem);
    CHECK(g.problem->line == 1);
  }
}

TEST_CASE("[TomlGuard] very long keys and strings are refused with the size") {
  auto g = guard(repeat("k", 300) + " = 1\n");
  REQUIRE(g.problem);
  CHECK(g.problem->message.find("256") != std::string::npos);
  g = guard("a = 1\nbody = \"" + repeat("x", 300 * 1024) + "\"\n");
  REQUIRE(g.problem);
  CHECK(g.problem->line == 2);
  CHECK(g.problem->column == 8);
  CHECK(g.problem->message.find("256 KiB") != std::string::npos);
}

TEST_CASE("[TomlGuard] every TOML file of the sample content and the UI strings passes unchanged") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const fs::path& dir : {fs::path(KIOSK_SOURCE_DIR) / "content", fs::path(KIOSK_SOURCE_DIR) / "assets"})
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.path().extension() != ".toml") continue;
      std::ifstream in(e.path(), std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      INFO(e.path().string());
      const auto g = guard(text);
      CHECK_FALSE(g.problem);
      CHECK(g.text == text);
      ++files;
    }
  CHECK(files > 20);
}
