#include "core/ContentLoader.h"

#include "core/ChineseScript.h"
#include "core/LanguageTag.h"
#include "core/PictureSize.h"
#include "core/TextSafety.h"
#include "core/TomlExplain.h"
#include "core/TomlGuard.h"
#include "core/Utf8.h"

#include <toml++/toml.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

namespace kiosk {
namespace fs = std::filesystem;
namespace {

using Severity = Diagnostic::Severity;

// Splits "03-culture-tourism" into order 3 and id "culture-tourism". No prefix: order 0.
std::pair<int, std::string> splitOrderPrefix(const std::string& name) {
  size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  if (digits > 0 && digits < 6 && digits + 1 < name.size() && (name[digits] == '-' || name[digits] == '_'))
    return {std::stoi(name.substr(0, digits)), name.substr(digits + 1)};
  return {0, name};
}

size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

struct Context {
  // The folder read, with every symlink resolved once at the start of the load: a content link
  // switched by `kiosk publish` mid-load cannot mix two versions in one snapshot.
  fs::path root;
  fs::path canonicalRoot;
  // How files are named to staff: under the folder's name as given ("content/..."), not the
  // version folder a link resolves to.
  fs::path shown;
  const KioskSettings* settings = nullptr;
  ContentLimits limits;

  // Texts lacking an offered language, counted per language while one section (or kiosk.toml)
  // is read, then told as one line per language (flushMissing): a partly translated section is
  // one warning, not one per text.
  struct Missing {
    int count = 0;
    std::string file; // the first place, where staff can start
    int line = 0;
    int column = 0;
    // One more; the first is where the warning points.
    void note(const std::string& inFile, const toml::source_region* where) {
      if (count++ != 0) return;
      file = inFile;
      line = where ? static_cast<int>(where->begin.line) : 0;
      column = where ? static_cast<int>(where->begin.column) : 0;
    }
  };
  mutable std::map<std::string, Missing> missing;
  // Pictures lacking a description (alt), counted the same way and told per section
  // (flushDescriptions): per offered language for pictures described in another language, and
  // once for the pictures described in none.
  mutable std::map<std::string, Missing> missingAlt;
  mutable Missing undescribed;

  // True when `p`, with every symlink resolved, is inside the content folder.
  bool inside(const fs::path& p) const {
    std::error_code ec;
    const fs::path canon = fs::weakly_canonical(p, ec);
    const auto rel = canon.lexically_relative(canonicalRoot);
    return !ec && !rel.empty() && *rel.begin() != "..";
  }

  // `p` (inside root) as staff see it.
  std::string display(const fs::path& p) const {
    const auto rel = p.lexically_relative(root);
    return rel.empty() ? p.string() : (shown / rel).lexically_normal().generic_string();
  }
};


// One file being read: collects diagnostics that name it.
class FileReader {
public:
  FileReader(const Context& ctx, const fs::path& file, std::vector<Diagnostic>& out)
      : m_file(file), m_out(out) {
    // Lexically, so a symlink is named as staff see it in the folder, not by its target.
    m_display = ctx.display(file);
  }

  const std::string& display() const { return m_display; }
  const fs::path& dir() const { return m_dir = m_file.parent_path(), m_dir; }

  void report(Severity sev, const toml::source_region* where, std::string message) {
    Diagnostic d;
    d.severity = sev;
    d.file = m_display;
    if (where) {
      d.line = static_cast<int>(where->begin.line);
      d.column = static_cast<int>(where->begin.column);
    }
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }
  // A message with its code and arguments in the staff catalogue (assets/staff-diagnostics.toml).
  void coded(Severity sev, int line, int column, std::string code, std::vector<std::pair<std::string, std::string>> args,
             std::string message) {
    Diagnostic d;
    d.severity = sev;
    d.file = m_display;
    d.line = line;
    d.column = column;
    d.code = std::move(code);
    d.args = std::move(args);
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }
  void error(const toml::node& node, std::string message) { report(Severity::Error, &node.source(), std::move(message)); }
  void warning(const toml::node& node, std::string message) { report(Severity::Warning, &node.source(), std::move(message)); }

  // Reads and parses the file; nullopt (with a diagnostic) when it cannot be used at all.
  std::optional<toml::table> parse(std::uintmax_t maxBytes) {
    auto text = readUtf8(maxBytes);
    if (!text) return std::nullopt;
    // Depth, size and characters toml++ cannot take safely, checked before it sees the text.
    const std::string original = *text;
    if (auto problem = guardTomlText(*text)) {
      // A full-width sign or a date written 2026年11月15日 stops the guard: said in plain words.
      if (auto plain = explainGuardProblem(original, problem->line)) {
        coded(Severity::Error, plain->line, plain->column, plain->code, plain->args, plain->message);
        return std::nullopt;
      }
      Diagnostic d;
      d.file = m_display;
      d.line = problem->line;
      d.column = problem->column;
      d.message = std::move(problem->message);
      m_out.push_back(std::move(d));
      return std::nullopt;
    }
    try {
      return toml::parse(*text, m_display);
    } catch (const toml::parse_error& e) {
      // What went wrong in words staff act on, at the place the mistake was made.
      const auto plain = explainTomlError(*text, static_cast<int>(e.source().begin.line),
                                          static_cast<int>(e.source().begin.column), e.description());
      coded(Severity::Error, plain.line, plain.column, plain.code, plain.args, plain.message);
      return std::nullopt;
    }
  }

  // Reads the whole file as UTF-8 text; nullopt (with a diagnostic naming the bad byte) otherwise.
  std::optional<std::string> readUtf8(std::uintmax_t maxBytes) {
    // Opened without waiting (a pipe named .toml would block the load forever) and checked to be
    // a regular file on the open descriptor itself, so nothing can be swapped in between.
    const int fd = ::open(m_file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      const int err = errno;
      report(Severity::Error, nullptr,
             err == ENOENT ? std::string("this file has disappeared (or is a link that points nowhere); put it back or remove what names it")
                           : "cannot open this file for reading (" + std::string(std::strerror(err)) +
                                 "); give the kiosk's user permission to read it");
      return std::nullopt;
    }
    struct FdCloser {
      int fd;
      ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      report(Severity::Error, nullptr,
             S_ISDIR(st.st_mode) ? "this is a folder, not a file, so it is not read; rename it or move it out"
                                 : "this is not a regular file (a pipe, a device or a socket), so it is never read; replace it with a file");
      return std::nullopt;
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > maxBytes) {
      report(Severity::Error, nullptr,
             "this file is " + std::to_string(size / 1024) + " KiB, more than the " + std::to_string(maxBytes / 1024) +
                 " KiB a content file may have; is it really a settings file?");
      return std::nullopt;
    }
    std::string text;
    text.resize(static_cast<size_t>(size));
    size_t got = 0;
    while (got < text.size()) {
      const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        report(Severity::Error, nullptr, "cannot read this file (" + std::string(std::strerror(errno)) + "); check the disk");
        return std::nullopt;
      }
      if (n == 0) break; // cut short while being read: what was there is checked like any text
      got += static_cast<size_t>(n);
    }
    text.resize(got);
    size_t bad = 0;
    if (!utf8::isValid(text, &bad)) {
      Diagnostic d;
      d.file = m_display;
      d.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
      const auto lineStart = text.rfind('\n', bad == 0 ? 0 : bad - 1);
      d.column = static_cast<int>(bad - (lineStart == std::string::npos || bad == 0 ? 0 : lineStart + 1)) + 1;
      d.message = "this file is not UTF-8 (bad byte at offset " + std::to_string(bad) +
                  "); save it as UTF-8 in your editor";
      m_out.push_back(std::move(d));
      return std::nullopt;
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // a byte-order mark some editors write
    return text;
  }

  // Warns about keys not in `known`, suggesting the closest known key.
  void checkKeys(const toml::table& table, std::initializer_list<const char*> known, const std::string& where) {
    for (const auto& [key, node] : table) {
      const std::string k(key.str());
      if (std::any_of(known.begin(), known.end(), [&](const char* n) { return k == n; })) continue;
      std::string best;
      size_t bestDistance = 3;
      for (const char* n : known)
        if (size_t d = editDistance(k, n); d < bestDistance) bestDistance = d, best = n;
      // "monday" for "mon", "colours" for "colour": a known key at the start is a likely meaning too.
      if (best.empty())
        for (const char* n : known)
          if (std::strlen(n) >= 3 && k.rfind(n, 0) == 0) best = n;
      report(Severity::Warning, &key.source(),
             "unknown key '" + k + "' in " + where + (best.empty() ? std::string("; it is ignored") : "; did you mean '" + best + "'?"));
    }
  }

private:
  fs::path m_file;
  mutable fs::path m_dir;
  std::string m_display;
  std::vector<Diagnostic>& m_out;
};


// "02-investment - Copy", "Copy of 02-investment", "02-investment (1)", "02-investment - 副本",
// "02-investment - コピー", "02-investment copy 2": what Windows, macOS, WeChat and a Chinese or
// Japanese Windows name a copy. Returns the name copied, or "" when `name` does not look like a copy.
std::string copiedFrom(const std::string& name) {
  static const std::regex patterns[] = {
      std::regex(R"(^(.+?)\s*-\s*(copy|kopie|copie|copia|копия)(\s*\(\d+\))?$)", std::regex::icase),
      std::regex(R"(^(.+?)\s+(copy|kopie|copie|copia|копия)(\s+\d+)?$)", std::regex::icase),
      std::regex(R"(^copy (\(\d+\) )?of (.+)$)", std::regex::icase),
      std::regex(R"(^(.+?)\s*-?\s*(副本|的副本|复制|コピー)(\s*\(?\d+\)?)?$)"),
      std::regex(R"(^(.+?)\s*\(\d+\)$)"),
  };
  std::smatch m;
  for (size_t i = 0; i < std::size(patterns); ++i)
    if (std::regex_match(name, m, patterns[i])) {
      std::string base = i == 2 ? m[2].str() : m[1].str();
      while (!base.empty() && (base.back() == ' ' || base.back() == '-')) base.pop_back();
      if (!base.empty()) return base;
    }
  return {};
}

// Names that are not content: hidden files (macOS "._name" and .DS_Store, .git, editor swap files
// like ".name.swp"), editor backups ("name~", "#name#") and Windows' Thumbs.db / desktop.ini.
bool isIgnoredName(const std::string& name) {
  if (name.empty() || name[0] == '.' || name.back() == '~') return true;
  if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "thumbs.db" || lower == "desktop.ini";
}

// The entries of a folder that are content, sorted. A folder that cannot be listed (no
// permission, an I/O error) is an error naming it, never an empty folder: content missing a
// section must not pass as complete. nullopt then.
std::optional<std::vector<fs::directory_entry>> listFolder(const Context& ctx, const fs::path& dir,
                                                            std::vector<Diagnostic>& diags) {
  std::vector<fs::directory_entry> out;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (isIgnoredName(name)) continue;
    if (auto problem = problemInName(name)) {
      Diagnostic d;
      d.file = ctx.display(it->path());
      d.message = *problem;
      diags.push_back(std::move(d));
      continue;
    }
    out.push_back(*it);
  }
  if (ec == std::errc::no_such_file_or_directory) return std::vector<fs::directory_entry>{}; // said by the caller
  if (ec) {
    Diagnostic d;
    d.file = ctx.display(dir);
    d.message = "cannot read this folder (" + ec.message() +
                "); give the kiosk's user permission to read it (chmod -R a+rX), or move it out of the content folder";
    diags.push_back(std::move(d));
    return std::nullopt;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
  return out;
}

// Whether a text key may use this language: a well-formed tag the kiosk offers. Reports at `where`.
bool checkLanguage(FileReader& r, const toml::source_region& where, const std::string& tag, const std::string& what,
                   const Context& ctx) {
  if (!isWellFormedLanguageTag(tag)) {
    r.report(Severity::Error, &where,
             "'" + tag + "' is not a language tag; write a BCP 47 tag like zh-Hans, zh-Hant, en, ja, ko, ru, mn, vi, th or ar");
    return false;
  }
  if (std::find(ctx.settings->languages.begin(), ctx.settings->languages.end(), tag) == ctx.settings->languages.end())
    r.report(Severity::Warning, &where,
             what + " has text in '" + tag + "', a language this kiosk does not offer; add it to 'languages' in kiosk.toml or fix the tag");
  return true;
}

// A kiosk offering Traditional Chinese gets it made from Simplified where staff gave none, and
// Simplified from Traditional the same way, marked machine-converted (the translation report
// lists these for a translator to check). A visitor reading one script never gets the other.
void completeChinese(LocalizedText& text, const Context& ctx) {
  const auto& langs = ctx.settings->languages;
  auto offered = [&](const char* l) { return std::find(langs.begin(), langs.end(), l) != langs.end(); };
  if (!text.has("zh-Hant") && text.has("zh-Hans") && offered("zh-Hant")) {
    text.byLanguage["zh-Hant"] = hansToHant(text.byLanguage.at("zh-Hans"));
    text.machineConverted.insert("zh-Hant");
  } else if (!text.has("zh-Hans") && text.has("zh-Hant") && offered("zh-Hans")) {
    text.byLanguage["zh-Hans"] = hantToHans(text.byLanguage.at("zh-Hant"));
    text.machineConverted.insert("zh-Hans");
  }
}

// Warns for each offered language a text lacks (visitors reading it see the fallback language).
void warnMissingLanguages(FileReader& r, const toml::source_region* where, const std::string& key, const LocalizedText& text,
                          const Context& ctx) {
  (void)key;
  if (text.empty()) return;
  for (const auto& lang : ctx.settings->languages)
    if (!text.has(lang)) ctx.missing[lang].note(r.display(), where);
}

// A per-place summary warning, pointing where its tally was first counted.
Diagnostic summaryWarning(const Context::Missing& m, const char* code, std::vector<std::pair<std::string, std::string>> args,
                          std::string message) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.file = m.file;
  d.line = m.line;
  d.column = m.column;
  d.code = code;
  d.args = std::move(args);
  d.message = std::move(message);
  return d;
}

// "Русский", "中文（简体）", "English": a language named in itself, for the line that says who
// misses what (the people who translate it read that name).
std::string languageEndonym(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) return tag;
  icu::UnicodeString name;
  locale.getDisplayName(locale, name);
  if (name.isEmpty()) return tag;
  const UChar32 first = name.char32At(0);
  name.replace(0, U16_LENGTH(first), icu::UnicodeString(u_totitle(first)));
  std::string out;
  name.toUTF8String(out);
  return out;
}

// One warning per language for the texts of `place` (a section folder, kiosk.toml) that lack it.
void flushMissing(const Context& ctx, const std::string& place, std::vector<Diagnostic>& diags) {
  for (const auto& lang : ctx.settings->languages) {
    auto it = ctx.missing.find(lang);
    if (it == ctx.missing.end() || it->second.count == 0) continue;
    const auto& m = it->second;
    const std::string name = languageEndonym(lang);
    const std::string n = std::to_string(m.count);
    diags.push_back(summaryWarning(
        m, "missing_translations", {{"name", name}, {"language", lang}, {"count", n}, {"place", place}},
        name + " (" + lang + "): " +
            (m.count == 1 ? "1 text in " + place + " has no translation" : n + " texts in " + place + " have no translation") +
            "; visitors reading " + name + " see another language there, and kiosk report translations lists each one"));
  }
  ctx.missing.clear();
}

// A picture's description for visitors who cannot see it (`alt` in [[images]] and [map],
// `cover_alt` in section.toml), read and checked like a caption. A picture without one, or
// without one in an offered language, is counted for flushDescriptions rather than warned one by
// one: a folder of fifty undescribed photos is one line, not fifty. `picture` is where the
// picture is named, the place told when it has no description at all.
std::optional<LocalizedText> readText(FileReader& r, const toml::table& t, const char* key, bool required,
                                      const Context& ctx, bool warnMissing);

void readAlt(FileReader& r, const toml::table& t, const char* key, const toml::node& picture, ImageRef& ref, const Context& ctx) {
  const toml::node* node = t.get(key);
  if (auto alt = readText(r, t, key, false, ctx, false)) {
    for (auto it = alt->byLanguage.begin(); it != alt->byLanguage.end();) // a blank one describes nothing
      it = it->second.find_first_not_of(" \t\r\n") == std::string::npos ? alt->byLanguage.erase(it) : std::next(it);
    completeChinese(*alt, ctx);
    ref.alt = std::move(*alt);
  }
  if (ref.alt.empty()) {
    ctx.undescribed.note(r.display(), &picture.source());
    return;
  }
  for (const auto& lang : ctx.settings->languages)
    if (!ref.alt.has(lang)) ctx.missingAlt[lang].note(r.display(), &(node ? *node : picture).source());
}

// One warning for the pictures of `place` (a section folder) described in no language, then one
// per offered language for those described in others.
void flushDescriptions(const Context& ctx, const std::string& place, std::vector<Diagnostic>& diags) {
  if (const auto& m = ctx.undescribed; m.count > 0) {
    const std::string n = std::to_string(m.count);
    diags.push_back(summaryWarning(m, "pictures_undescribed", {{"count", n}, {"place", place}},
                                   (m.count == 1 ? "1 picture in " + place + " has no description for visitors who cannot see it"
                                                 : n + " pictures in " + place + " have no description for visitors who cannot see them") +
                                       "; add alt after the caption, like [images.alt] with en = \"what it shows\" (cover_alt for a "
                                       "cover), which the kiosk reads aloud"));
  }
  for (const auto& lang : ctx.settings->languages) {
    auto it = ctx.missingAlt.find(lang);
    if (it == ctx.missingAlt.end() || it->second.count == 0) continue;
    const auto& m = it->second;
    const std::string name = languageEndonym(lang);
    const std::string n = std::to_string(m.count);
    diags.push_back(summaryWarning(
        m, "missing_descriptions", {{"name", name}, {"language", lang}, {"count", n}, {"place", place}},
        name + " (" + lang + "): " +
            (m.count == 1 ? "1 picture in " + place + " has no description" : n + " pictures in " + place + " have no description") +
            " in this language; visitors listening in " + name +
            " hear the description in another language there, and kiosk report translations counts them"));
  }
  ctx.missingAlt.clear();
  ctx.undescribed = {};
}

// The longest text a key may hold, in characters: what its place on screen can show without the
// kiosk stalling to lay it out (a 1 MB title took seconds a frame). Longer is an error with the count.
constexpr std::size_t kMaxBodyChars = 50'000; // a long article is 10,000

std::size_t maxCharsFor(std::string_view key) {
  if (key == "title" || key == "name" || key == "label" || key == "link_title") return 300;
  if (key == "body") return kMaxBodyChars;
  return 2000; // subtitle, summary, tagline, caption, a map point's text
}

// Whether a text may be shown; an error at `where` when not.
bool checkShownText(FileReader& r, const toml::source_region* where, std::string_view text, std::string_view key,
                    const std::string& language) {
  const std::string what = "the '" + language + "' text of '" + std::string(key) + "'";
  std::size_t at = 0;
  if (auto problem = problemInShownText(text, maxCharsFor(key), what, &at)) {
    const std::string message = *problem + "; until then visitors see another language here";
    if (where || at == 0) {
      r.report(Severity::Error, where, message);
    } else { // a body file: its own line and column
      toml::source_region place;
      const auto before = text.substr(0, at);
      place.begin.line = static_cast<toml::source_index>(1 + std::count(before.begin(), before.end(), '\n'));
      const auto lineStart = before.rfind('\n');
      const auto lineText = before.substr(lineStart == std::string_view::npos ? 0 : lineStart + 1);
      place.begin.column = static_cast<toml::source_index>(
          1 + std::count_if(lineText.begin(), lineText.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
      r.report(Severity::Error, &place, message);
    }
    return false;
  }
  return true;
}

std::optional<LocalizedText> readText(FileReader& r, const toml::table& t, const char* key, bool required,
                                      const Context& ctx, bool warnMissing = true) {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required)
      r.report(Severity::Error, &t.source(), std::string("missing '") + key + "'; add for example " + key +
                                                  " = { " + ctx.settings->defaultLanguage + " = \"...\" }");
    return std::nullopt;
  }
  LocalizedText text;
  if (const auto* s = node->as_string()) {
    if (checkShownText(r, &node->source(), s->get(), key, ctx.settings->defaultLanguage))
      text.byLanguage[ctx.settings->defaultLanguage] = s->get();
  } else if (const auto* tbl = node->as_table()) {
    for (const auto& [lang, value] : *tbl) {
      const std::string tag = canonicalLanguageTag(lang.str());
      if (const auto* v = value.as_string()) {
        if (!checkLanguage(r, lang.source(), tag, "'" + std::string(key) + "'", ctx)) continue;
        if (!checkShownText(r, &value.source(), v->get(), key, tag)) continue;
        if (text.has(tag)) {
          r.error(value, "'" + std::string(key) + "' has two '" + tag + "' texts (a tag's upper and lower case do not "
                         "make another language); keep one");
          continue;
        }
        text.byLanguage[tag] = v->get();
      } else {
        r.error(value, std::string("the '") + tag + "' text of '" + key + "' must be a string in quotes");
      }
    }
  } else {
    r.error(*node, std::string("'") + key + "' must be text in quotes or a table of languages like { en = \"...\" }");
    return std::nullopt;
  }
  if (warnMissing) { // (a body is completed once its per-language files are read too)
    completeChinese(text, ctx);
    warnMissingLanguages(r, &node->source(), key, text, ctx);
  }
  const bool blank = std::all_of(text.byLanguage.begin(), text.byLanguage.end(), [](const auto& entry) {
    return entry.second.find_first_not_of(" \t\r\n") == std::string::npos;
  });
  if (required && (text.empty() || blank)) {
    r.error(*node, std::string("'") + key + "' is empty; give at least one language");
    return std::nullopt;
  }
  return text;
}

// "; there is 'photo.jpg': names must match in upper and lower case" when the folder has the name
// in another case (a camera's PHOTO.JPG written photo.jpg); else "".
std::string lowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Formats a camera or an editor saves that the kiosk does not show, by extension.
const char* cameraFormat(const std::string& lowerExt) {
  static const std::map<std::string, const char*> formats = {
      {".heic", "HEIC"}, {".heif", "HEIF"}, {".tif", "TIFF"}, {".tiff", "TIFF"}, {".webp", "WebP"}, {".avif", "AVIF"},
      {".psd", "Photoshop"}, {".dng", "RAW"}, {".cr2", "RAW"}, {".cr3", "RAW"}, {".nef", "RAW"}, {".arw", "RAW"},
      {".raf", "RAW"}, {".orf", "RAW"}, {".rw2", "RAW"}, {".raw", "RAW"}};
  auto it = formats.find(lowerExt);
  return it == formats.end() ? nullptr : it->second;
}

// A picture named but not there, said with what the folder has instead: the same name in other
// upper and lower case (a camera's PHOTO.JPG written photo.jpg), the same name in a format the
// kiosk cannot show (an iPhone's photo.HEIC) or with another extension (photo.png), or a name
// spelt nearly the same (factroy.jpg for factory.jpg).
void reportMissingPicture(FileReader& r, const toml::node& node, const std::string& written, const fs::path& full,
                          const std::string& looked) {
  const int line = static_cast<int>(node.source().begin.line);
  const int column = static_cast<int>(node.source().begin.column);
  const std::string wantName = full.filename().string();
  const std::string wantLower = lowerAscii(wantName);
  const std::string wantStem = lowerAscii(full.stem().string());
  auto fixed = [&](const std::string& found) {
    const auto slash = written.find_last_of('/');
    return (slash == std::string::npos ? std::string() : written.substr(0, slash + 1)) + found;
  };
  std::string caseTwin, formatTwin, otherExt, near;
  size_t nearDistance = wantLower.size() >= 8 ? 3 : 2;
  std::error_code ec;
  fs::directory_iterator it(full.parent_path(), ec), end;
  for (int seen = 0; !ec && it != end && seen < 10'000; it.increment(ec), ++seen) {
    const std::string name = it->path().filename().string();
    if (isIgnoredName(name)) continue;
    const std::string lower = lowerAscii(name);
    if (idTwinKey(name) == idTwinKey(wantName) || lower == wantLower) {
      caseTwin = name;
      continue;
    }
    if (lowerAscii(it->path().stem().string()) == wantStem) {
      if (cameraFormat(lowerAscii(it->path().extension().string()))) formatTwin = name;
      else otherExt = name;
      continue;
    }
    if (const size_t d = editDistance(lower, wantLower); d < nearDistance) nearDistance = d, near = name;
  }
  const std::string placeholder = "; a placeholder is shown meanwhile";
  if (!caseTwin.empty()) {
    r.coded(Severity::Error, line, column, "image_case", {{"found", caseTwin}, {"written", wantName}, {"fix", fixed(caseTwin)}},
            caseTwin + " exists; the file says " + wantName + ": names must match in upper and lower case, so write \"" +
                fixed(caseTwin) + "\" here or rename the picture" + placeholder);
    return;
  }
  if (!formatTwin.empty()) {
    const std::string format = cameraFormat(lowerAscii(fs::path(formatTwin).extension().string()));
    r.coded(Severity::Error, line, column, "image_camera_format", {{"found", formatTwin}, {"format", format}, {"written", wantName}},
            formatTwin + " is there, but it is a " + format + " file, which the kiosk cannot show; save it as JPEG named " +
                wantName + " (in the photo app: Export or Save as JPEG)" + placeholder);
    return;
  }
  if (!otherExt.empty()) {
    r.coded(Severity::Error, line, column, "image_other_extension", {{"found", otherExt}, {"written", wantName}, {"fix", fixed(otherExt)}},
            otherExt + " exists; the file says " + wantName + ": write \"" + fixed(otherExt) + "\" here, or rename the picture" +
                placeholder);
    return;
  }
  if (!near.empty()) {
    r.coded(Severity::Error, line, column, "image_near_name", {{"written", wantName}, {"found", near}, {"fix", fixed(near)}},
            "there is no " + wantName + " but there is " + near + ": did you mean \"" + fixed(near) + "\"?" + placeholder);
    return;
  }
  r.coded(Severity::Error, line, column, "image_missing", {{"written", written}, {"looked", looked}},
          "image '" + written + "' does not exist (looked for " + looked +
              "); check the spelling or copy the file in; a placeholder is shown meanwhile");
}

void findFilmCompanions(ImageRef& film, const Context& ctx);

// Resolves a path staff wrote relative to the file's folder; refuses anything leaving the content folder.
std::optional<ImageRef> readImagePath(FileReader& r, const toml::node& node, const fs::path& baseDir, const Context& ctx) {
  const auto* s = node.as_string();
  if (!s) {
    r.error(node, "an image must be a file name in quotes, like \"images/photo.jpg\"");
    return std::nullopt;
  }
  const std::string written = s->get();
  const fs::path p(written);
  if (auto bad = std::find_if(written.begin(), written.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
      bad != written.end()) {
    // "images\factory.jpg": TOML read \f (and \b, \t, \n, \r) as an invisible character. A
    // Windows path, said so with the path to write.
    static const std::map<char, char> escapes = {{'\b', 'b'}, {'\t', 't'}, {'\n', 'n'}, {'\f', 'f'}, {'\r', 'r'}};
    if (std::all_of(written.begin(), written.end(),
                    [](char c) { return static_cast<unsigned char>(c) >= 0x20 || escapes.count(c); })) {
      std::string typed, fix;
      for (char c : written) {
        auto e = escapes.find(c);
        typed += e == escapes.end() ? std::string(1, c) : std::string("\\") + e->second;
        fix += e == escapes.end() ? std::string(1, c) : std::string("/") + e->second;
      }
      std::replace(fix.begin(), fix.end(), '\\', '/');
      r.coded(Severity::Error, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column),
              "toml_windows_path", {{"written", typed}, {"fix", fix}},
              "use / in paths, not \\ as Windows does: write \"" + fix + "\" instead of \"" + typed + "\"");
      return std::nullopt;
    }
    // "pic.png\u0000.jpg" would open pic.png: the path the system reads must be the one written.
    r.error(node, "image '" + written + "' has the invisible control character " + codePointName(static_cast<unsigned char>(*bad)) +
                      " in its name; retype the file name");
    return std::nullopt;
  }
  if (written.empty() || p.is_absolute()) {
    r.error(node, "image '" + written + "' must be a path inside the content folder, relative to this file");
    return std::nullopt;
  }
  const fs::path full = (baseDir / p).lexically_normal();
  std::error_code ec;
  const fs::path canon = fs::weakly_canonical(full, ec);
  const auto rel = canon.lexically_relative(ctx.canonicalRoot);
  if (ec || rel.empty() || *rel.begin() == "..") {
    r.error(node, "image '" + written + "' points outside the content folder; copy the image into the folder");
    return std::nullopt;
  }
  ImageRef ref;
  ref.namedIn = r.display();
  ref.line = static_cast<int>(node.source().begin.line);
  ref.column = static_cast<int>(node.source().begin.column);
  ref.file = canon;
  ref.displayPath = ctx.display(full);
  ref.exists = fs::is_regular_file(canon, ec);
  if (ref.exists) {
    ref.bytes = fs::file_size(canon, ec);
    ref.modified = fs::last_write_time(canon, ec);
  }
  ref.video = isVideoPath(canon);
  if (ref.video && ref.exists) findFilmCompanions(ref, ctx);
  if (!ref.exists) {
    const auto type = fs::status(canon, ec).type();
    if (type == fs::file_type::directory)
      r.error(node, "image '" + written + "' is a folder, not a picture file; name the picture inside it");
    else if (type != fs::file_type::not_found && type != fs::file_type::none && type != fs::file_type::unknown)
      r.error(node, "image '" + written + "' is not a regular file (a pipe, a device or a socket), so it is never read; "
                    "copy the picture in as a file");
    else
      reportMissingPicture(r, node, written, full, ref.displayPath);
  }
  return ref;
}

// A film's companions found beside it: NAME.poster.jpg / .jpeg / .png, and NAME.LANG.vtt captions
// (NAME.zh-Hans.vtt, NAME.en.vtt). The language part is canonicalised as `languages` is.
void findFilmCompanions(ImageRef& film, const Context& ctx) {
  std::error_code ec;
  const std::string stem = film.file.stem().string();
  fs::directory_iterator it(film.file.parent_path(), ec), end;
  for (int seen = 0; !ec && it != end && seen < 10'000; it.increment(ec), ++seen) {
    const std::string name = it->path().filename().string();
    if (name.size() <= stem.size() + 1 || name.compare(0, stem.size() + 1, stem + ".") != 0) continue;
    std::string rest = name.substr(stem.size() + 1); // "poster.jpg", "en.vtt"
    std::string lower = rest;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "poster.jpg" || lower == "poster.jpeg" || lower == "poster.png") {
      if (film.poster.empty()) {
        film.poster = it->path();
        film.posterDisplay = ctx.display(it->path());
      }
    } else if (lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".vtt") == 0) {
      const std::string tag = rest.substr(0, rest.size() - 4);
      if (!isWellFormedLanguageTag(tag)) continue;
      film.captions.try_emplace(canonicalLanguageTag(tag), ImageRef::CaptionFile{it->path(), ctx.display(it->path())});
    }
  }
}

// `poster = "..."` and `captions = { en = "...", zh-Hans = "..." }` of a film in [[images]].
void readFilmKeys(FileReader& r, const toml::table& t, ImageRef& film, const fs::path& baseDir, const Context& ctx) {
  if (const toml::node* pn = t.get("poster")) {
    if (!film.video) r.report(Severity::Warning, &pn->source(), "'poster' is for films (.mp4, .webm...); this picture is its own poster, so it is ignored");
    else if (auto poster = readImagePath(r, *pn, baseDir, ctx)) {
      if (isVideoPath(poster->file)) r.error(*pn, "a poster must be a picture (JPEG or PNG), not a film");
      else if (poster->exists) {
        film.poster = poster->file;
        film.posterDisplay = poster->displayPath;
      }
    }
  }
  if (const toml::node* cn = t.get("captions")) {
    const auto* table = cn->as_table();
    if (!film.video) r.report(Severity::Warning, &cn->source(), "'captions' are for films (.mp4, .webm...); they are ignored on a picture");
    else if (!table) r.error(*cn, "'captions' must be a table of files per language: [images.captions] then en = \"film.en.vtt\"");
    else
      for (const auto& [key, node] : *table) {
        const std::string tag(key.str());
        const auto* file = node.as_string();
        if (!isWellFormedLanguageTag(tag)) {
          r.error(node, "'" + tag + "' is not a language tag; write captions per language like en = \"film.en.vtt\"");
          continue;
        }
        if (!file) {
          r.error(node, "captions for '" + tag + "' must be a file name in quotes, like \"film." + tag + ".vtt\"");
          continue;
        }
        const fs::path full = (baseDir / fs::path(file->get())).lexically_normal();
        ImageRef::CaptionFile cf{full, ctx.display(full), static_cast<int>(node.source().begin.line),
                                 static_cast<int>(node.source().begin.column)};
        if (!ctx.inside(full)) {
          r.error(node, "captions '" + file->get() + "' point outside the content folder; copy the file into the folder");
          continue;
        }
        film.captions[canonicalLanguageTag(tag)] = std::move(cf); // the one named wins over one found beside
      }
  }
}

std::optional<std::uint32_t> parseColour(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  std::uint32_t v = 0;
  for (size_t i = 1; i < 7; ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
    else return std::nullopt;
  }
  return (v << 8) | 0xFF;
}

std::optional<double> readSeconds(FileReader& r, const toml::table& t, const char* key, double min, double max) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  std::optional<double> v;
  if (const auto* i = n->as_integer()) v = static_cast<double>(i->get());
  else if (const auto* f = n->as_floating_point()) v = f->get();
  if (!v || !std::isfinite(*v) || *v < min || *v > max) {
    std::ostringstream msg;
    msg << "'" << key << "' must be a number of seconds from " << min << " to " << max;
    r.error(*n, msg.str());
    return std::nullopt;
  }
  return v;
}

// An explicit `order = N` overrides the order given by the name's prefix.
int readOrder(FileReader& r, const toml::table& t, int fromName) {
  const toml::node* n = t.get("order");
  if (!n) return fromName;
  if (const auto* i = n->as_integer(); i && i->get() >= 0 && i->get() <= 100000) return static_cast<int>(i->get());
  r.error(*n, "'order' must be a whole number from 0 to 100000; the order of the file name is used instead");
  return fromName;
}

std::optional<std::uint32_t> readColour(FileReader& r, const toml::table& t, const char* key) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  const auto* s = n->as_string();
  auto parsed = s ? parseColour(s->get()) : std::nullopt;
  if (!parsed) r.error(*n, std::string("'") + key + "' must be a colour written like \"#1F6FB2\" (# and six hex digits)");
  return parsed;
}

// A number written without quotes, integer or not; nullopt for anything else.
std::optional<double> readNumber(const toml::node& n) {
  if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n.as_floating_point()) return f->get();
  return std::nullopt;
}

std::string formatNumber(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// idle_countdown_seconds: 20 to 120. Outside the range the kiosk keeps running with the nearest
// allowed value and says why; only a value that is no number at all is an error.
void readIdleCountdown(FileReader& r, const toml::table& t, KioskSettings& settings) {
  const toml::node* n = t.get("idle_countdown_seconds");
  if (!n) return;
  constexpr double lo = KioskSettings::kMinIdleCountdownSeconds, hi = KioskSettings::kMaxIdleCountdownSeconds;
  const std::optional<double> v = readNumber(*n);
  if (!v || !std::isfinite(*v)) {
    r.error(*n, "'idle_countdown_seconds' must be a number of seconds from " + formatNumber(lo) + " to " + formatNumber(hi) +
                    ", without quotes");
    return;
  }
  settings.idleCountdownSeconds = std::clamp(*v, lo, hi);
  if (*v < lo || *v > hi)
    r.warning(*n, "'idle_countdown_seconds' is " + formatNumber(*v) + ", outside the allowed " + formatNumber(lo) + " to " +
                      formatNumber(hi) + " seconds, so the kiosk uses " + formatNumber(settings.idleCountdownSeconds) +
                      ": visitors need at least 20 seconds to answer \"are you still there?\" (WCAG 2.2, success "
                      "criterion 2.2.1), and more than 2 minutes keeps a screen nobody uses waiting; write a number in the range");
}

// [kiosk.display] height_mm = 685, bottom_mm = 800: how the screen hangs, for low reach (controls
// between 380 and 1220 mm above the floor). A value out of reason is reported and left unset.
void readDisplay(FileReader& r, const toml::node& node, KioskSettings& settings) {
  const auto* t = node.as_table();
  if (!t) {
    r.error(node, "'display' must be a table: [kiosk.display] with height_mm = 685 (the picture's height) and bottom_mm = 800 "
                  "(its bottom edge above the floor)");
    return;
  }
  r.checkKeys(*t, {"height_mm", "bottom_mm"}, "[kiosk.display]");
  auto read = [&](const char* key, double lo, double hi, const char* what) -> std::optional<double> {
    const toml::node* n = t->get(key);
    if (!n) return std::nullopt;
    const std::optional<double> v = readNumber(*n);
    if (!v || !std::isfinite(*v) || *v < lo || *v > hi) {
      r.error(*n, std::string("'") + key + "' must be " + what + " in millimetres, from " + formatNumber(lo) + " to " + formatNumber(hi) +
                      ", without quotes; low reach assumes a 55-inch screen meanwhile");
      return std::nullopt;
    }
    return v;
  };
  if (auto v = read("height_mm", 100, 5000, "the height of the screen's picture")) settings.displayHeightMm = *v;
  if (auto v = read("bottom_mm", 0, 3000, "the height of the picture's bottom edge above the floor")) settings.displayBottomMm = *v;
}

// The host, when `url` opens a site's home page (no path beyond "/" and no query); else "".
std::string homePageHost(const std::string& url) {
  const size_t start = url.find("://") + 3;
  const size_t end = url.find_first_of("/?#", start);
  const std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::string rest = end == std::string::npos ? std::string() : url.substr(end);
  rest = rest.substr(0, rest.find('#'));
  if (!rest.empty() && rest.back() == '?') rest.pop_back(); // an empty query asks for nothing
  return rest.empty() || rest == "/" ? host : std::string();
}

// link = "https://..." (one address for every language) or [link] with one per language, and
// [link_title]: what the phone will open. In an item, section.toml and [kiosk].
PhoneLink readPhoneLink(FileReader& r, const toml::table& t, const Context& ctx) {
  PhoneLink link;
  const toml::node* n = t.get("link");
  const toml::node* titleNode = t.get("link_title");
  if (titleNode)
    if (auto title = readText(r, t, "link_title", false, ctx)) link.title = *title;
  if (!n) {
    if (titleNode)
      r.warning(*titleNode, "'link_title' says what the QR code opens, but there is no 'link' here; add link = \"https://...\" "
                            "or remove link_title");
    return link;
  }
  link.namedIn = r.display();
  link.line = static_cast<int>(n->source().begin.line);
  link.column = static_cast<int>(n->source().begin.column);
  auto take = [&](const toml::node& v, const std::string& language) {
    const auto* s = v.as_string();
    const std::string what = language.empty() ? std::string("'link'") : "the '" + language + "' address of 'link'";
    if (!s) {
      r.error(v, what + " must be a web address in quotes starting with https://, shown to visitors as a QR code");
      return;
    }
    if (auto problem = problemInWebAddress(s->get())) {
      r.error(v, what + " " + *problem + "; it is shown to visitors as a QR code, so it must be exactly the address "
                                         "their phone opens");
      return;
    }
    link.byLanguage[language] = s->get();
    if (s->get().rfind("http://", 0) == 0)
      r.warning(v, "this link starts with http://, which visitors' phones open as \"Not secure\" (or refuse); "
                   "write https:// if the site has it");
    // The QR code's caption then promises "this page", which a home page is not.
    if (const std::string host = homePageHost(s->get()); !host.empty() && link.title.empty())
      r.warning(v, "this link opens the home page of " + host +
                       ", not this page; link to the page itself, or add [link_title] saying what the phone will open "
                       "(without it visitors read \"Scan to take this page with you\")");
  };
  if (n->as_string()) {
    take(*n, PhoneLink::kAnyLanguage);
  } else if (const auto* tbl = n->as_table()) {
    for (const auto& [lang, value] : *tbl) {
      const std::string tag = canonicalLanguageTag(lang.str());
      if (checkLanguage(r, lang.source(), tag, "'link'", ctx)) take(value, tag);
    }
    if (tbl->empty())
      r.error(*n, "'link' has no addresses; give one per language, like [link] with " + ctx.settings->defaultLanguage +
                      " = \"https://...\", or remove it");
  } else {
    r.error(*n, "'link' must be a web address in quotes, like link = \"https://...\", or one per language: "
                "[link] with zh-Hans = \"https://...\" and en = \"https://...\"");
  }
  return link;
}

// [map]: a picture with numbered points. Coordinates are pixels of the picture as an image
// viewer shows it; the model keeps them as fractions of its width and height. Whether a point's
// item exists is checked once every section is read (resolveMapLinks).
constexpr size_t kMaxMapPoints = 40;

std::optional<HotspotMap> readMap(FileReader& r, const toml::node& node, const fs::path& baseDir, const Context& ctx,
                                  const std::string& sectionId, const std::string& itemId) {
  const auto* t = node.as_table();
  if (!t) {
    r.error(node, "'map' must be a table: [map] with image = \"images/map.png\", then a [[map.points]] block per point");
    return std::nullopt;
  }
  r.checkKeys(*t, {"image", "caption", "alt", "points"}, "[map]");
  const toml::node* imageNode = t->get("image");
  if (!imageNode) {
    r.report(Severity::Error, &t->source(), "this map has no 'image'; add image = \"images/map.png\" under [map]");
    return std::nullopt;
  }
  auto ref = readImagePath(r, *imageNode, baseDir, ctx);
  if (!ref) return std::nullopt;
  if (ref->video) {
    r.error(*imageNode, "a map's image must be a picture (JPEG or PNG), not a film: points are placed on a still picture");
    return std::nullopt;
  }
  HotspotMap map;
  map.image = std::move(*ref);
  if (auto c = readText(r, *t, "caption", false, ctx)) map.image.caption = *c;
  readAlt(r, *t, "alt", *imageNode, map.image, ctx);
  std::optional<PictureSize> size;
  if (map.image.exists) {
    size = readPictureSize(map.image.file);
    if (size) {
      map.width = size->width;
      map.height = size->height;
    } else {
      r.error(*imageNode, "cannot read the size of the map picture '" + map.image.displayPath +
                              "', so its points cannot be placed; save it as PNG or JPEG (GIF and BMP work too)");
    }
  }
  const std::string extent = size ? std::to_string(size->width) + " x " + std::to_string(size->height) : std::string();

  const toml::node* pointsNode = t->get("points");
  if (!pointsNode) {
    r.warning(*t, "this map has no points; add a [[map.points]] block for each place, with x, y, label, and item or text");
    return map;
  }
  const auto* arr = pointsNode->as_array();
  if (!arr) {
    r.error(*pointsNode, "'points' must be a list: write each point as [[map.points]] with x, y, label, and item or text");
    return map;
  }
  std::vector<std::pair<double, double>> pixels; // of each point kept, for the fractions below
  size_t index = 0;
  for (const auto& entry : *arr) {
    if (++index > kMaxMapPoints) {
      r.error(entry, "a map may have at most " + std::to_string(kMaxMapPoints) +
                         " points, so visitors can tell them apart; this point and the ones after it are not shown; "
                         "split the map into two items");
      break;
    }
    const auto* p = entry.as_table();
    if (!p) {
      r.error(entry, "each point must be a table: write it as [[map.points]] with x, y, label, and item or text");
      continue;
    }
    r.checkKeys(*p, {"x", "y", "label", "text", "item"}, "a map point");
    MapPoint point;
    point.namedIn = r.display();
    point.line = static_cast<int>(p->source().begin.line);
    point.column = static_cast<int>(p->source().begin.column);
    bool ok = true;

    double xy[2] = {0, 0};
    for (int axis = 0; axis < 2; ++axis) {
      const char* key = axis == 0 ? "x" : "y";
      const char* from = axis == 0 ? "left" : "top";
      const toml::node* c = p->get(key);
      std::optional<double> v = c ? readNumber(*c) : std::nullopt;
      if (!c) {
        r.report(Severity::Error, &p->source(), std::string("this point has no '") + key + "'; add " + key +
                                                     " = its distance in pixels from the picture's " + from +
                                                     " edge, as an image viewer shows it");
      } else if (!v || !std::isfinite(*v)) {
        r.error(*c, std::string("'") + key + "' must be a number of pixels from the picture's " + from +
                        " edge, like 812 or 812.5, without quotes");
        v.reset();
      } else if (*v < 0 || (size && *v > (axis == 0 ? size->width : size->height))) {
        r.error(*c, std::string("this point is outside the picture: ") + key + " = " + formatNumber(*v) +
                        (size ? ", but the picture is " + extent + " pixels (x from 0 to " + std::to_string(size->width) +
                                    ", y from 0 to " + std::to_string(size->height) + ")"
                              : std::string(", and a point cannot be left of or above the picture")) +
                        "; measure the point again in an image viewer");
        v.reset();
      }
      if (!v) ok = false;
      else xy[axis] = *v;
    }

    const toml::node* labelNode = p->get("label");
    if (auto label = readText(r, *p, "label", false, ctx)) point.label = *label;
    if (!labelNode) {
      r.report(Severity::Error, &p->source(), "this point has no label; add [map.points.label] with " +
                                                   ctx.settings->defaultLanguage + " = \"...\", a short name shown by the marker");
      ok = false;
    } else if (labelNode->is_string() || labelNode->is_table()) {
      if (!point.label.has(ctx.settings->defaultLanguage)) {
        r.error(*labelNode, "this point's label has no '" + ctx.settings->defaultLanguage +
                                "' text, the default language; add it, it is the name every visitor can fall back to");
        ok = false;
      }
    } else {
      ok = false; // readText said what is wrong
    }

    const toml::node* itemNode = p->get("item");
    const toml::node* textNode = p->get("text");
    if (itemNode && textNode) {
      r.error(*itemNode, "this point has both 'item' and 'text'; a tap either opens an item or shows a text, so keep one");
      ok = false;
    } else if (!itemNode && !textNode) {
      r.report(Severity::Error, &p->source(),
               "this point has neither 'item' nor 'text'; add item = \"section-id/item-id\" to open an item, or "
               "[map.points.text] with a short text per language to show in a bubble");
      ok = false;
    } else if (itemNode) {
      const auto* s = itemNode->as_string();
      const std::string target = s ? s->get() : std::string();
      const size_t slash = target.find('/');
      const bool twoParts = slash != std::string::npos;
      point.sectionId = twoParts ? target.substr(0, slash) : sectionId;
      point.itemId = twoParts ? target.substr(slash + 1) : target;
      if (!s || point.sectionId.empty() || point.itemId.empty() || point.itemId.find('/') != std::string::npos) {
        r.error(*itemNode, "'item' must name an item like \"culture-tourism/mukden-palace\" (the section's folder and the "
                           "item's file name, without their numbers and .toml), or just \"mukden-palace\" in this section");
        ok = false;
      } else if (point.sectionId == sectionId && point.itemId == itemId) {
        r.warning(*itemNode, "this point opens the map's own item, so a tap does nothing new; link it to another item, or give "
                             "it a [map.points.text] instead");
      }
    } else {
      if (auto text = readText(r, *p, "text", false, ctx)) point.text = *text;
      if (point.text.empty()) {
        if (textNode->is_string() || textNode->is_table())
          r.error(*textNode, "this point's text is empty; write a short text per language, or link the point to an item");
        ok = false;
      }
    }
    if (!ok) continue;
    point.number = static_cast<int>(map.points.size()) + 1;
    // Two points at one place are shown side by side with lines back to it: likely a copy
    // whose x and y were not changed.
    for (size_t k = 0; k < pixels.size(); ++k)
      if (pixels[k].first == xy[0] && pixels[k].second == xy[1]) {
        r.report(Severity::Warning, &p->source(),
                 "point " + std::to_string(point.number) + " is at the same place as point " + std::to_string(k + 1) + " (x = " +
                     formatNumber(xy[0]) + ", y = " + formatNumber(xy[1]) +
                     "); visitors see their markers moved apart with a line back to it. Measure this point in an image viewer");
        break;
      }
    map.points.push_back(std::move(point));
    pixels.emplace_back(xy[0], xy[1]);
  }
  if (!size) {
    map.points.clear(); // nowhere to place them: the picture is missing or unreadable, and said so
    return map;
  }
  for (size_t i = 0; i < map.points.size(); ++i) {
    map.points[i].x = static_cast<float>(pixels[i].first / size->width);
    map.points[i].y = static_cast<float>(pixels[i].second / size->height);
  }
  return map;
}

// [kiosk.opening_hours] mon = "09:00-17:00", sun = "closed"; days not given are open all day.
void readOpeningHours(FileReader& r, const toml::node& node, KioskSettings& settings) {
  static const char* const kDays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const auto* t = node.as_table();
  if (!t) {
    r.error(node, "'opening_hours' must be a table: [kiosk.opening_hours] with mon = \"09:00-17:00\" ... sun = \"closed\"");
    return;
  }
  r.checkKeys(*t, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}, "[kiosk.opening_hours]");
  settings.openingHoursGiven = true;
  for (int d = 0; d < 7; ++d) {
    const toml::node* v = t->get(kDays[d]);
    if (!v) continue;
    const auto* s = v->as_string();
    if (s && s->get() == "closed") {
      settings.openingHours[d] = std::nullopt;
      continue;
    }
    int h0 = -1, m0 = -1, h1 = -1, m1 = -1;
    char tail = 0;
    const bool parsed = s && std::sscanf(s->get().c_str(), "%2d:%2d-%2d:%2d%c", &h0, &m0, &h1, &m1, &tail) == 4;
    const int open = h0 * 60 + m0, close = h1 * 60 + m1;
    if (!parsed || h0 < 0 || h0 > 24 || m0 < 0 || m0 > 59 || h1 < 0 || h1 > 24 || m1 < 0 || m1 > 59 || close > 24 * 60 ||
        close <= open) {
      r.error(*v, std::string("opening hours for ") + kDays[d] +
                      " must be like \"09:00-17:00\" (opening before closing, 24-hour clock) or \"closed\"");
      continue;
    }
    settings.openingHours[d] = KioskSettings::Hours{open, close};
  }
}

// admin_pin = "$argon2id$...": the staff PIN's hash (or an older kiosk's "pbkdf2-sha256$...",
// which still opens the view, with a warning). Messages never repeat the value: a PIN written
// here by mistake must not reach the staff overlay or a log.
std::optional<PinHash> readAdminPin(FileReader& r, const toml::node& node) {
  const auto* s = node.as_string();
  const bool plainNumber = node.as_integer() || node.as_floating_point() || (s && looksLikePlainPin(s->get()));
  if (plainNumber) {
    r.error(node, "'admin_pin' must be the PIN's hash, never the PIN itself (anyone who opens this file could read it); "
                  "make the hash with: kiosk hash-pin, paste the line it prints here instead, and choose a new PIN if "
                  "this file has been shared; the admin view stays closed until then");
    return std::nullopt;
  }
  std::string why = "it must be text in quotes";
  std::optional<PinHash> hash = s ? parsePinHash(s->get(), why) : std::nullopt;
  if (!hash)
    r.error(node, "'admin_pin' is not a PIN hash: " + why +
                      "; make one with: kiosk hash-pin, and paste the whole line it prints; the admin view stays closed until then");
  // An old hash cannot say how long its PIN is, and older kiosks took 4 digits, which a copy of
  // this file gives away in minutes.
  else if (hash->legacy())
    r.warning(node, "'admin_pin' is an old-style hash (pbkdf2-sha256): it still opens the admin view, but it may be of a "
                    "4-digit PIN, which anyone with a copy of this file can find in minutes; choose a new PIN of at least 6 "
                    "digits, make its hash with: kiosk hash-pin, and paste the line it prints here instead");
  return hash;
}

std::optional<CivilDate> readDate(FileReader& r, const toml::table& t, const char* key) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (const auto* d = n->as_date()) {
    const CivilDate date{d->get().year, d->get().month, d->get().day};
    if (date.valid()) return date;
  }
  r.error(*n, std::string("'") + key + "' must be a date written like 2026-05-01 (no quotes)");
  return std::nullopt;
}

KioskSettings loadSettings(const Context& ctx, std::vector<Diagnostic>& diags) {
  KioskSettings settings;
  const fs::path file = ctx.root / "kiosk.toml";
  FileReader r(ctx, file, diags);
  settings.file = r.display();
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    if (fs::exists(ctx.root / "kiosk.toml.txt", ec))
      r.coded(Severity::Error, 0, 0, "kiosk_toml_txt", {},
              "kiosk.toml is missing, but kiosk.toml.txt is there (Windows added .txt and hides it); rename it to kiosk.toml "
              "(in File Explorer: View, then tick File name extensions); using defaults");
    else
      r.report(Severity::Error, nullptr,
               "kiosk.toml is missing; every content folder needs one (see content/README.md); using defaults");
    return settings;
  }
  if (!ctx.inside(file)) {
    r.report(Severity::Error, nullptr, "kiosk.toml is a link to outside the content folder, so it is not read; using defaults");
    return settings;
  }
  auto doc = r.parse(ctx.limits.maxTomlBytes);
  if (!doc) return settings;
  const toml::table* k = (*doc)["kiosk"].as_table();
  if (!k) {
    const toml::node* wrong = doc->get("kiosk");
    r.report(Severity::Error, wrong ? &wrong->source() : nullptr,
             wrong ? "'kiosk' must be a table: write [kiosk] on a line of its own, with the settings below it; using defaults"
                   : "kiosk.toml needs a [kiosk] table; using defaults");
    return settings;
  }
  r.checkKeys(*doc, {"kiosk"}, "kiosk.toml");
  r.checkKeys(*k,
              {"name", "tagline", "default_language", "languages", "idle_timeout_seconds", "idle_countdown_seconds", "attract_slide_seconds",
               "theme", "logo", "opening_hours", "admin_pin", "link", "link_title", "display", "digits", "staff_language"},
              "[kiosk]");

  if (const toml::node* n = k->get("languages")) {
    const auto* arr = n->as_array();
    std::vector<std::string> langs;
    std::map<std::string, KioskSettings::Place> places;
    if (arr && arr->size() > KioskSettings::kMaxLanguages) {
      r.error(*n, "'languages' lists " + std::to_string(arr->size()) + " languages; a kiosk offers at most " +
                      std::to_string(KioskSettings::kMaxLanguages) + " (each needs its fonts, a button and translations), so only "
                      "the first " + std::to_string(KioskSettings::kMaxLanguages) + " are used; remove the others");
    }
    if (arr) {
      for (const auto& v : *arr) {
        if (langs.size() == KioskSettings::kMaxLanguages) break;
        if (const auto* s = v.as_string()) {
          const std::string tag = canonicalLanguageTag(s->get());
          if (!isWellFormedLanguageTag(tag))
            r.error(v, "'" + tag + "' is not a language tag; write a BCP 47 tag like zh-Hans, en, ja, ko, ru, mn or vi");
          else if (std::find(langs.begin(), langs.end(), tag) != langs.end())
            r.warning(v, "language '" + tag + "' is listed twice");
          else {
            langs.push_back(tag);
            places[tag] = {static_cast<int>(v.source().begin.line), static_cast<int>(v.source().begin.column)};
          }
        } else {
          r.error(v, "each language must be a tag in quotes, like \"en\" or \"zh-Hans\"");
        }
      }
    }
    if (!arr || langs.empty())
      r.error(*n, "'languages' must be a list of language tags, like [\"zh-Hans\", \"en\"]");
    else {
      settings.languages = langs;
      settings.languagePlaces = std::move(places);
    }
  }
  if (const toml::node* n = k->get("default_language")) {
    const auto* s = n->as_string();
    const std::string tag = s ? canonicalLanguageTag(s->get()) : std::string();
    if (!s)
      r.error(*n, "'default_language' must be a language tag in quotes");
    else if (std::find(settings.languages.begin(), settings.languages.end(), tag) == settings.languages.end())
      r.error(*n, "default language '" + tag + "' is not in 'languages'; add it there or pick one of them");
    else
      settings.defaultLanguage = tag;
  }
  if (std::find(settings.languages.begin(), settings.languages.end(), settings.defaultLanguage) == settings.languages.end())
    settings.defaultLanguage = settings.languages.front();
  if (const toml::node* n = k->get("digits")) {
    const auto* s = n->as_string();
    std::string value = s ? s->get() : std::string();
    for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    constexpr const char* kChoices = "write \"latin\" for 0-9 in every language, or \"native\" for each language's own digits "
                                     "(\u0660\u0661\u0662 in Arabic, \u0E50\u0E51\u0E52 in Thai), or leave it out for what is usual in each language";
    if (value == "latin")
      settings.digits = Digits::Latin;
    else if (value == "native")
      settings.digits = Digits::Native;
    else if (!s)
      r.error(*n, std::string("'digits' must be a word in quotes: ") + kChoices);
    else
      r.error(*n, "digits = \"" + s->get() + "\" is not a choice: " + kChoices);
  }

  Context textCtx = ctx;
  textCtx.settings = &settings;
  if (auto t = readText(r, *k, "name", false, textCtx)) settings.name = *t;
  if (auto t = readText(r, *k, "tagline", false, textCtx)) settings.tagline = *t;
  if (auto v = readSeconds(r, *k, "idle_timeout_seconds", 10, 3600)) settings.idleTimeoutSeconds = *v;
  readIdleCountdown(r, *k, settings);
  if (auto v = readSeconds(r, *k, "attract_slide_seconds", 2, 600)) settings.attractSlideSeconds = *v;
  if (const toml::node* n = k->get("theme")) {
    if (const auto* theme = n->as_table()) {
      r.checkKeys(*theme, {"accent", "background"}, "[kiosk.theme]");
      settings.accentColour = readColour(r, *theme, "accent");
      settings.backgroundColour = readColour(r, *theme, "background");
    } else {
      r.error(*n, "'theme' must be a table: [kiosk.theme] with accent = \"#D4A24C\" and background = \"#0E1A2B\"");
    }
  }
  if (const toml::node* n = k->get("logo")) {
    if (auto ref = readImagePath(r, *n, ctx.root, textCtx); ref && ref->video)
      r.error(*n, "the logo must be a picture (PNG or JPEG), not a film");
    else if (ref) {
      settings.logo = std::move(*ref);
      settings.hasLogo = settings.logo.exists;
    }
  }
  if (const toml::node* n = k->get("opening_hours")) readOpeningHours(r, *n, settings);
  if (const toml::node* n = k->get("display")) readDisplay(r, *n, settings);
  if (const toml::node* n = k->get("admin_pin")) settings.adminPin = readAdminPin(r, *n);
  if (const toml::node* n = k->get("staff_language")) {
    const auto* s = n->as_string();
    if (s && isWellFormedLanguageTag(s->get())) settings.staffLanguage = canonicalLanguageTag(s->get());
    else r.error(*n, "'staff_language' is the language of the admin view for staff, a tag in quotes like \"zh-Hans\" or \"en\"");
  }
  settings.phoneLink = readPhoneLink(r, *k, textCtx);
  flushMissing(textCtx, "kiosk.toml", diags);
  return settings;
}

// A body kept in its own file, one per language: "01-mukden-palace.ja.md" next to "01-mukden-palace.toml".
struct BodyFile {
  std::string language;
  fs::path path;
};

// `hidden = true`: staff keep the item or section in the folder but off the screens (the editor's
// Hide). Anything but true or false is an error, and the file is shown.
bool readHidden(FileReader& r, const toml::table& doc) {
  const toml::node* n = doc.get("hidden");
  if (!n) return false;
  if (const auto* b = n->as_boolean()) return b->get();
  r.error(*n, "'hidden' must be true or false (without quotes): true keeps it off the screens");
  return false;
}

std::optional<Item> loadItem(const Context& ctx, const fs::path& file, const std::string& sectionId,
                             const std::vector<BodyFile>& bodyFiles, std::vector<Diagnostic>& diags) {
  FileReader r(ctx, file, diags);
  auto doc = r.parse(ctx.limits.maxTomlBytes);
  if (!doc) return std::nullopt;
  r.checkKeys(*doc, {"title", "summary", "body", "images", "map", "order", "link", "link_title", "tags", "show_from", "show_until", "attract",
                     "hidden"},
              "an item");
  Item item;
  auto [order, id] = splitOrderPrefix(file.stem().string());
  item.order = readOrder(r, *doc, order);
  item.id = nfc(id); // a name macOS stored decomposed is the same id as the one staff type
  item.sourceFile = r.display();
  auto title = readText(r, *doc, "title", true, ctx);
  if (!title) return std::nullopt;
  item.title = *title;
  if (auto t = readText(r, *doc, "summary", false, ctx)) item.summary = *t;
  if (auto t = readText(r, *doc, "body", false, ctx, false)) item.body = *t;
  std::map<std::string, std::string> bodySource; // language -> the file its body came from
  for (const BodyFile& bf : bodyFiles) {
    FileReader br(ctx, bf.path, diags);
    const toml::source_region none{};
    if (!checkLanguage(br, none, bf.language, "this body file", ctx)) continue;
    if (item.body.has(bf.language)) {
      br.report(Severity::Error, nullptr,
                "the '" + bf.language + "' body is given twice, here and as body." + bf.language + " in " + r.display() +
                    "; keep one of them");
      continue;
    }
    auto text = br.readUtf8(ctx.limits.maxTomlBytes);
    if (!text) continue;
    if (!checkShownText(br, nullptr, *text, "body", bf.language)) continue;
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
      br.report(Severity::Warning, nullptr,
                "this body file is empty, so visitors reading " + bf.language + " see another language's body; write it or delete the file");
      continue;
    }
    item.body.byLanguage[bf.language] = std::move(*text);
    bodySource[bf.language] = br.display();
  }
  {
    const toml::node* bodyNode = doc->get("body");
    completeChinese(item.body, ctx);
    warnMissingLanguages(r, bodyNode ? &bodyNode->source() : nullptr, "body", item.body, ctx);
  }
  for (const auto& [lang, markdown] : item.body.byLanguage) {
    std::vector<std::string> unsupported;
    item.bodyRich[lang] = parseMarkdown(markdown, &unsupported);
    for (const auto& what : unsupported) {
      Diagnostic d;
      d.severity = Severity::Warning;
      d.file = bodySource.count(lang) ? bodySource[lang] : r.display();
      d.message = "the '" + lang + "' body uses " + what + ", which the kiosk does not show; use paragraphs, **bold**, lists and headings";
      diags.push_back(std::move(d));
    }
  }
  item.phoneLink = readPhoneLink(r, *doc, ctx);
  if (auto target = item.phoneLink.forVisitor(ctx.settings->defaultLanguage, ctx.settings->defaultLanguage)) item.link = target->url;
  if (const toml::node* n = doc->get("tags")) {
    const auto* arr = n->as_array();
    if (!arr) r.error(*n, "'tags' must be a list of words in quotes, like [\"history\", \"palace\"]");
    else
      for (const auto& v : *arr) {
        if (const auto* s = v.as_string()) {
          if (auto problem = problemInShownText(s->get(), 100, "a tag"))
            r.error(v, *problem);
          else
            item.tags.push_back(s->get());
        }
        else r.error(v, "each tag must be a word in quotes");
      }
  }
  item.hidden = readHidden(r, *doc);
  if (const toml::node* n = doc->get("attract")) {
    if (const auto* b = n->as_boolean()) item.attract = b->get();
    else r.error(*n, "'attract' must be true or false (without quotes): true puts the item's pictures in the attract loop");
  }
  item.showFrom = readDate(r, *doc, "show_from");
  item.showUntil = readDate(r, *doc, "show_until");
  if (const toml::node* n = doc->get("show_until")) {
    item.showUntilLine = static_cast<int>(n->source().begin.line);
    item.showUntilColumn = static_cast<int>(n->source().begin.column);
  }
  if (item.showFrom && item.showUntil && *item.showUntil < *item.showFrom)
    r.error(*doc->get("show_until"), "show_until (" + item.showUntil->iso() + ") is before show_from (" +
                                         item.showFrom->iso() + "), so the item would never show; fix one of the dates");
  if (const toml::node* n = doc->get("images")) {
    const auto* arr = n->as_array();
    if (!arr) {
      r.error(*n, "'images' must be a list: write each image as [[images]] with file = \"...\"");
    } else {
      for (const auto& entry : *arr) {
        const auto* t = entry.as_table();
        if (!t) {
          r.error(entry, "each image must be a table with file = \"...\" (write it as [[images]])");
          continue;
        }
        r.checkKeys(*t, {"file", "caption", "alt", "poster", "captions"}, "an image");
        const toml::node* f = t->get("file");
        if (!f) {
          r.report(Severity::Error, &t->source(), "this image has no 'file'; add file = \"images/name.jpg\"");
          continue;
        }
        if (auto ref = readImagePath(r, *f, file.parent_path(), ctx)) {
          if (auto c = readText(r, *t, "caption", false, ctx)) ref->caption = *c;
          readAlt(r, *t, "alt", *f, *ref, ctx);
          readFilmKeys(r, *t, *ref, file.parent_path(), ctx);
          item.images.push_back(std::move(*ref));
        }
      }
    }
  }
  if (const toml::node* n = doc->get("map")) item.map = readMap(r, *n, file.parent_path(), ctx, sectionId, item.id);
  return item;
}

std::optional<Section> loadSection(const Context& ctx, const fs::path& dir, std::vector<Diagnostic>& diags) {
  ctx.missing.clear();
  ctx.missingAlt.clear();
  ctx.undescribed = {};
  const fs::path file = dir / "section.toml";
  FileReader r(ctx, file, diags);
  std::error_code ec;
  const auto entries = listFolder(ctx, dir, diags);
  if (!entries) return std::nullopt;
  if (!fs::exists(file, ec)) {
    Diagnostic d;
    d.severity = ec ? Severity::Error : Severity::Warning;
    d.file = r.display();
    d.message = ec ? "cannot read section.toml (" + ec.message() + "); give the kiosk's user permission to read it"
                   : "folder has no section.toml, so it is not shown; add one or move the folder out of sections/";
    if (!ec && fs::exists(dir / "section.toml.txt", ec)) {
      d.code = "section_toml_txt";
      d.message = "folder has no section.toml, but section.toml.txt is there (Windows added .txt and hides it), so the section "
                  "is not shown; rename it to section.toml (in File Explorer: View, then tick File name extensions)";
    }
    diags.push_back(std::move(d));
    return std::nullopt;
  }
  if (!ctx.inside(file)) {
    r.report(Severity::Error, nullptr, "section.toml is a link to outside the content folder, so it is not read");
    return std::nullopt;
  }
  auto doc = r.parse(ctx.limits.maxTomlBytes);
  if (!doc) return std::nullopt;
  r.checkKeys(*doc, {"title", "subtitle", "colour", "color", "cover", "cover_alt", "order", "link", "link_title", "hidden"},
              "section.toml");
  Section section;
  auto [order, id] = splitOrderPrefix(dir.filename().string());
  section.order = readOrder(r, *doc, order);
  section.id = nfc(id);
  section.sourceFile = r.display();
  auto title = readText(r, *doc, "title", true, ctx);
  if (!title) return std::nullopt;
  section.title = *title;
  section.hidden = readHidden(r, *doc);
  if (auto t = readText(r, *doc, "subtitle", false, ctx)) section.subtitle = *t;
  const toml::node* colour = doc->get("colour");
  if (!colour) colour = doc->get("color");
  if (colour) {
    const auto* s = colour->as_string();
    auto parsed = s ? parseColour(s->get()) : std::nullopt;
    if (!parsed)
      r.error(*colour, "colour must be written like \"#1F6FB2\" (# and six hex digits)");
    else
      section.colour = *parsed;
  }
  if (const toml::node* c = doc->get("cover")) {
    if (auto ref = readImagePath(r, *c, dir, ctx)) {
      readAlt(r, *doc, "cover_alt", *c, *ref, ctx);
      section.cover = std::move(*ref);
      section.hasCover = true;
    }
  } else if (const toml::node* a = doc->get("cover_alt")) {
    r.report(Severity::Warning, &a->source(), "'cover_alt' describes the section's cover picture, but there is no 'cover'; add "
                                              "cover = \"images/cover.jpg\" or remove cover_alt");
  }
  section.phoneLink = readPhoneLink(r, *doc, ctx);

  // Items: every other *.toml in the folder, in order prefix then name order.
  std::vector<fs::path> files;
  std::map<std::string, std::vector<BodyFile>> bodies; // item file stem -> its body files
  for (const auto& entry : *entries) {
    std::string ext = entry.path().extension().string();
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ext == ".md") {
      if (!ctx.inside(entry.path())) {
        FileReader(ctx, entry.path(), diags)
            .report(Severity::Error, nullptr, "this file is a link to outside the content folder, so it is not read; copy the file in instead");
        continue;
      }
      if (!entry.is_regular_file(ec)) continue;
      // "<stem>.<language>.md"
      const std::string name = entry.path().stem().string();
      const auto dot = name.rfind('.');
      if (dot == std::string::npos || dot == 0) {
        FileReader(ctx, entry.path(), diags)
            .report(Severity::Warning, nullptr,
                    "a body file is named after its item and language, like 01-mukden-palace.ja.md; this one is ignored");
        continue;
      }
      bodies[name.substr(0, dot)].push_back({canonicalLanguageTag(name.substr(dot + 1)), entry.path()});
      continue;
    }
    const std::string fileName = entry.path().filename().string();
    const std::string lowerName = lowerAscii(fileName);
    for (const char* doubled : {".toml.txt", ".md.txt"}) {
      const std::string d(doubled);
      if (lowerName.size() > d.size() && lowerName.compare(lowerName.size() - d.size(), d.size(), d) == 0) {
        const std::string fix = fileName.substr(0, fileName.size() - 4);
        FileReader(ctx, entry.path(), diags)
            .coded(Severity::Warning, 0, 0, "double_extension", {{"name", fileName}, {"fix", fix}},
                   "this file is named " + fileName + ", so it is not read (Windows added .txt and hides it); rename it to " + fix +
                       " (in File Explorer: View, then tick File name extensions)");
      }
    }
    if (entry.path().extension() != ".toml" || entry.path().filename() == "section.toml") continue;
    if (const std::string original = copiedFrom(entry.path().stem().string()); !original.empty())
      FileReader(ctx, entry.path(), diags)
          .coded(Severity::Warning, 0, 0, "copy_file", {{"name", fileName}, {"original", original}},
                 "this file looks like a copy of " + original + ".toml, so its item is shown as well; delete it, or give it a "
                 "number and a name of its own if it is a new item");
    if (!ctx.inside(entry.path())) {
      FileReader(ctx, entry.path(), diags)
          .report(Severity::Error, nullptr, "this file is a link to outside the content folder, so it is not read; copy the file in instead");
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    files.push_back(entry.path());
  }
  // Too many is an error with the count, never a silent cut: the kiosk would stall laying out
  // thousands of cards, and which ones visitors miss must be staff's choice.
  if (files.size() > ctx.limits.maxItemsPerSection) {
    r.report(Severity::Error, nullptr,
             "this section has " + std::to_string(files.size()) + " items; a section may have at most " +
                 std::to_string(ctx.limits.maxItemsPerSection) + ", so only the first " +
                 std::to_string(ctx.limits.maxItemsPerSection) + " by file name are read; split it into several sections");
    for (size_t i = ctx.limits.maxItemsPerSection; i < files.size(); ++i) bodies.erase(files[i].stem().string());
    files.resize(ctx.limits.maxItemsPerSection);
  }
  std::map<std::string, std::string> ids; // twin key -> id
  for (const auto& f : files) {
    const std::string stem = f.stem().string();
    auto bodyFiles = bodies.count(stem) ? bodies[stem] : std::vector<BodyFile>{};
    bodies.erase(stem);
    auto item = loadItem(ctx, f, section.id, bodyFiles, diags);
    if (!item) continue;
    if (auto [it, fresh] = ids.emplace(idTwinKey(item->id), item->id); !fresh) {
      FileReader(ctx, f, diags).report(Severity::Error, nullptr,
                                            it->second == item->id
                                                ? "another item in this section already has the id '" + item->id +
                                                      "'; rename one of the files"
                                                : "another item in this section is called '" + it->second +
                                                      "', which differs from '" + item->id +
                                                      "' only in upper and lower case or in how an accent is stored; "
                                                      "visitors and links could not tell them apart: rename one of the files");
      continue;
    }
    if (item->hidden) { // checked like any item, then kept off the screens
      ++section.hiddenItems;
      continue;
    }
    section.items.push_back(std::move(*item));
  }
  for (const auto& [stem, orphans] : bodies)
    for (const auto& bf : orphans)
      FileReader(ctx, bf.path, diags)
          .report(Severity::Warning, nullptr,
                  "there is no item file " + stem + ".toml for this body; rename it to match an item, like 01-name." +
                      bf.language + ".md");
  flushMissing(ctx, dir.filename().string(), diags);
  flushDescriptions(ctx, dir.filename().string(), diags);
  std::stable_sort(section.items.begin(), section.items.end(), [](const Item& a, const Item& b) { return a.order < b.order; });
  if (section.items.empty() && section.hiddenItems == 0) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.file = section.sourceFile;
    d.message = "this section has no items that could be shown; add an item file next to section.toml";
    diags.push_back(std::move(d));
  }
  return section;
}

// Every map point's item must exist once all sections are read; a point whose item does not is
// reported at its line and left out, so the UI never meets a point that opens nothing.
void resolveMapLinks(Content& content, std::vector<Diagnostic>& diags) {
  for (auto& section : content.sections)
    for (auto& item : section.items) {
      if (!item.map) continue;
      auto& points = item.map->points;
      std::erase_if(points, [&](const MapPoint& p) {
        if (!p.opensItem() || content.findItem(p)) return false;
        Diagnostic d;
        d.file = p.namedIn;
        d.line = p.line;
        d.column = p.column;
        std::string closest;
        size_t bestDistance = 4;
        auto consider = [&](const std::string& id) {
          if (size_t dist = editDistance(p.itemId, id); dist < bestDistance) bestDistance = dist, closest = id;
        };
        if (const Section* target = content.findSection(p.sectionId)) {
          for (const auto& i : target->items) consider(i.id);
          d.message = "this point opens item '" + p.itemId + "' of section '" + p.sectionId + "', which has no such item" +
                      (closest.empty() ? std::string() : "; did you mean '" + closest + "'?") +
                      "; an item's id is its file name without the number and .toml (a file with errors is not loaded "
                      "either); the point is not shown until this is fixed";
        } else {
          std::string ids;
          for (const auto& s : content.sections) ids += (ids.empty() ? "" : ", ") + s.id;
          d.message = "this point opens an item of section '" + p.sectionId + "', and there is no such section (there are: " + ids +
                      "); a section's id is its folder name without the number; the point is not shown until this is fixed";
        }
        diags.push_back(std::move(d));
        return true;
      });
      for (size_t n = 0; n < points.size(); ++n) points[n].number = static_cast<int>(n) + 1;
    }
}

} // namespace

LoadResult loadContent(const fs::path& rootIn, const ContentLimits& limits) {
  LoadResult result;
  std::error_code ec;
  const fs::path given = fs::absolute(rootIn, ec).lexically_normal();
  if (!fs::is_directory(given, ec)) {
    Diagnostic d;
    d.file = rootIn.string();
    d.message = fs::exists(given, ec) ? "this is a file, not a content folder; give the folder that holds kiosk.toml"
                                     : "content folder not found; check the path (it must hold kiosk.toml and sections/)";
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  // A folder the kiosk's user may not read (chmod, a mount gone wrong) is one error for the whole
  // folder and no content, as a missing one is: not a missing kiosk.toml and no sections.
  if (fs::directory_iterator probe(given, ec); ec) {
    Diagnostic d;
    d.file = rootIn.string();
    d.message = "cannot read the content folder (" + ec.message() +
                "); give the kiosk's user permission to read it (chmod -R a+rX)";
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  // Resolved once: everything below is read from this folder, even if the link moves meanwhile.
  // A version stays on disk after a switch (publish keeps at least two), so pictures named by
  // their resolved paths stay readable while the next load runs.
  fs::path root = fs::canonical(given, ec);
  if (ec) root = given;
  auto content = std::make_shared<Content>();
  content->root = root;
  Context ctx;
  ctx.root = root;
  ctx.canonicalRoot = root;
  ctx.shown = given.filename();
  ctx.limits = limits;
  content->settings = loadSettings(ctx, result.diagnostics);
  ctx.settings = &content->settings;

  const fs::path sectionsDir = root / "sections";
  std::vector<fs::path> dirs;
  const auto sectionEntries = listFolder(ctx, sectionsDir, result.diagnostics);
  for (const auto& entry : sectionEntries ? *sectionEntries : std::vector<fs::directory_entry>{}) {
    if (!entry.is_directory(ec)) {
      // A file beside the sections (notes, a README) is no section; a link that leads nowhere or
      // in a circle is a section staff meant to have, so it is an error.
      std::error_code linkEc;
      const bool isLink = entry.is_symlink(linkEc);
      if (ec || isLink) {
        Diagnostic d;
        d.file = ctx.display(entry.path());
        d.message = ec && ec != std::errc::no_such_file_or_directory
                        ? "cannot read this section folder (" + ec.message() + "); if it is a link, make it point to a folder"
                        : "this link points to nothing (" + (ec ? ec.message() : std::string("not a folder")) +
                              "); point it to a section folder or delete it";
        result.diagnostics.push_back(std::move(d));
      }
      ec.clear();
      continue;
    }
    if (!ctx.inside(entry.path())) {
      Diagnostic d;
      d.file = ctx.display(entry.path());
      d.message = "this section folder is a link to outside the content folder, so it is not shown; copy the folder in instead";
      result.diagnostics.push_back(std::move(d));
      continue;
    }
    if (const std::string original = copiedFrom(entry.path().filename().string()); !original.empty()) {
      Diagnostic d;
      d.severity = Severity::Warning;
      d.file = ctx.display(entry.path());
      d.code = "copy_folder";
      d.args = {{"name", entry.path().filename().string()}, {"original", original}};
      d.message = "this folder looks like a copy of " + original +
                  ", so its section is shown as well; delete it, or give it a number and a name of its own if it is a new section";
      result.diagnostics.push_back(std::move(d));
    }
    dirs.push_back(entry.path());
  }
  if (dirs.empty() && sectionEntries) {
    Diagnostic d;
    d.file = ctx.display(sectionsDir);
    d.message = "no section folders found; create sections/01-name/section.toml (see content/README.md)";
    result.diagnostics.push_back(std::move(d));
  }
  if (dirs.size() > limits.maxSections) {
    Diagnostic d;
    d.file = ctx.display(sectionsDir);
    d.message = "there are " + std::to_string(dirs.size()) + " section folders; the kiosk shows at most " +
                std::to_string(limits.maxSections) + ", so only the first " + std::to_string(limits.maxSections) +
                " by folder name are read; merge sections or move some out of sections/";
    result.diagnostics.push_back(std::move(d));
    dirs.resize(limits.maxSections);
  }
  std::map<std::string, std::string> ids; // twin key -> id
  for (const auto& dir : dirs) {
    auto section = loadSection(ctx, dir, result.diagnostics);
    if (!section) continue;
    if (auto [it, fresh] = ids.emplace(idTwinKey(section->id), section->id); !fresh) {
      Diagnostic d;
      d.file = section->sourceFile;
      d.message = it->second == section->id
                      ? "another section already has the id '" + section->id + "'; rename one of the folders"
                      : "another section is called '" + it->second + "', which differs from '" + section->id +
                            "' only in upper and lower case or in how an accent is stored; visitors and links could not "
                            "tell them apart: rename one of the folders";
      result.diagnostics.push_back(std::move(d));
      continue;
    }
    if (section->hidden) continue; // checked, kept off the screens
    content->sections.push_back(std::move(*section));
  }
  // A section folder without its number ("investment") comes first, before 01-: said with the
  // number it would take at the end.
  {
    int last = 0;
    for (const auto& s : content->sections) last = std::max(last, s.order);
    for (const auto& dir : dirs) {
      const std::string name = dir.filename().string();
      if (splitOrderPrefix(name).first != 0 || std::isdigit(static_cast<unsigned char>(name[0])) || !copiedFrom(name).empty())
        continue;
      const Section* s = content->findSection(nfc(name));
      if (!s || s->order != 0) continue; // not loaded (said already), or placed by order = N
      char fix[16];
      std::snprintf(fix, sizeof fix, "%02d-", last + 1);
      Diagnostic d;
      d.severity = Severity::Warning;
      d.file = ctx.display(dir);
      d.code = "folder_no_number";
      d.args = {{"name", name}, {"fix", fix + name}, {"order", std::to_string(last + 1)}};
      d.message = "this folder's name has no number in front, so its section is shown first; rename the folder with the place "
                  "it should have, like " + std::string(fix) + name + ", or write order = " + std::to_string(last + 1) +
                  " in its section.toml";
      result.diagnostics.push_back(std::move(d));
    }
  }
  std::stable_sort(content->sections.begin(), content->sections.end(),
                   [](const Section& a, const Section& b) { return a.order < b.order; });
  resolveMapLinks(*content, result.diagnostics);
  // Names and keys come from the folder: no control character reaches a terminal, log or screen.
  for (auto& d : result.diagnostics) {
    d.file = printable(d.file);
    d.message = printable(d.message);
  }
  result.content = std::move(content);
  return result;
}

} // namespace kiosk
