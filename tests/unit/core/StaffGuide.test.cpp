// The staff guide exists in English (content/README.md) and Chinese (content/README.zh-Hans.md);
// both must name the same keys, tables, commands and file names, so neither falls behind.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string readGuide(const char* name) {
  std::ifstream in(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What a guide names: every `code` span of its prose ("code:staff_language", "code:kiosk hash-pin",
// "code:01-mukden-palace.ja.md"), and every key and [table] its example blocks write ("key:logo",
// "table:[kiosk.display]").
std::set<std::string> namesIn(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  bool fenced = false;
  static const std::regex fence(R"(^\s*```.*$)"), key(R"(^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*=)"), table(R"(^\s*(\[\[?[A-Za-z0-9_.-]+\]\]?))"),
      span("`([^`]+)`");
  for (std::string line; std::getline(in, line);) {
    if (std::regex_match(line, fence)) {
      fenced = !fenced;
      continue;
    }
    std::smatch m;
    if (fenced) {
      if (std::regex_search(line, m, key)) out.insert("key:" + m[1].str());
      else if (std::regex_search(line, m, table)) out.insert("table:" + m[1].str());
      continue;
    }
    for (auto it = std::sregex_iterator(line.begin(), line.end(), span); it != std::sregex_iterator(); ++it)
      out.insert("code:" + (*it)[1].str());
  }
  return out;
}

std::string differences(const std::set<std::string>& en, const std::set<std::string>& zh) {
  std::string out;
  for (const auto& n : en)
    if (!zh.count(n)) out += "only in README.md: " + n + "\n";
  for (const auto& n : zh)
    if (!en.count(n)) out += "only in README.zh-Hans.md: " + n + "\n";
  return out;
}

} // namespace

TEST_CASE("[StaffGuide] the English and Chinese staff guides name the same keys, tables, commands and files") {
  const std::string en = readGuide("README.md"), zh = readGuide("README.zh-Hans.md");
  REQUIRE(!zh.empty());
  const auto enNames = namesIn(en), zhNames = namesIn(zh);
  CHECK(enNames.size() > 150);
  CHECK(enNames.count("code:staff_language"));
  CHECK(enNames.count("key:admin_pin"));
  CHECK(enNames.count("table:[[map.points]]"));
  CHECK_MESSAGE(enNames == zhNames, differences(enNames, zhNames));
  // The Chinese guide is Chinese, not a copy.
  CHECK(zh.find("员工指南") != std::string::npos);
  CHECK(zh.find("Writing content for the kiosk") == std::string::npos);
}

TEST_CASE("[StaffGuide] a guide that drops a key or a file name is caught") {
  const std::string en = readGuide("README.md");
  std::string zh = readGuide("README.zh-Hans.md");
  for (size_t at; (at = zh.find("`staff_language`")) != std::string::npos;) zh.replace(at, 16, "staff_language");
  CHECK(namesIn(en) != namesIn(zh));
  std::string zh2 = readGuide("README.zh-Hans.md");
  const auto at = zh2.find("idle_countdown_seconds = 20");
  REQUIRE(at != std::string::npos);
  zh2.erase(at, zh2.find('\n', at) - at); // an example block that lost a key
  CHECK(namesIn(en) != namesIn(zh2));
}
