#include "speech/VoiceMap.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace kiosk::speech {
namespace {
std::vector<std::string> subtags(const std::string& tag) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : tag) {
    if (c == '-' || c == '_') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  out.push_back(cur);
  return out;
}

std::string firstAvailable(std::initializer_list<std::string> names, const std::set<std::string>& available) {
  for (const auto& n : names)
    if (!n.empty() && available.count(n)) return n;
  return {};
}
} // namespace

std::string primaryLanguage(const std::string& languageTag) {
  return subtags(languageTag).front();
}

std::string voiceFor(const std::string& languageTag, const std::set<std::string>& available) {
  const auto tags = subtags(languageTag);
  const std::string& primary = tags.front();
  if (primary.empty()) return {};
  std::string script, region;
  for (size_t i = 1; i < tags.size(); ++i) {
    if (tags[i].size() == 4 && script.empty() && region.empty())
      script = tags[i];
    else if ((tags[i].size() == 2 || (tags[i].size() == 3 && std::isdigit(static_cast<unsigned char>(tags[i][0])))) &&
             region.empty())
      region = tags[i];
  }
  if (primary == "zh" || primary == "cmn" || primary == "yue") {
    // Hong Kong and Macao speak Cantonese; Traditional characters alone (Taiwan) Mandarin.
    const bool cantonese = primary == "yue" || region == "hk" || region == "mo";
    return cantonese ? firstAvailable({"yue", "cmn"}, available) : firstAvailable({"cmn"}, available);
  }
  std::string whole;
  for (const auto& t : tags)
    whole += (whole.empty() ? "" : "-") + t;
  return firstAvailable({whole, region.empty() ? std::string() : primary + "-" + region, primary}, available);
}

std::string standInVoiceFor(const std::string& languageTag, const std::set<std::string>& available) {
  // Mongolian is written in Cyrillic: the Russian voice reads it far better than English would.
  if (primaryLanguage(languageTag) == "mn" && available.count("ru")) return "ru";
  return "en";
}

} // namespace kiosk::speech
