#include "core/TranslationFiles.h"

#include "core/LanguageTag.h"
#include "core/Utf8.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <ctime>
#include <memory>
#include <set>

namespace kiosk::translations {
namespace {

constexpr const char* kXliffNs = "urn:oasis:names:tc:xliff:document:2.0";
constexpr const char* kSourceNote = "kiosk-source-fingerprint";
constexpr const char* kTargetNote = "kiosk-translation-fingerprint";

// ---------------------------------------------------------------------------------------- XML

void xmlText(std::string& out, std::string_view s, bool attribute) {
  std::vector<char32_t> cps;
  if (!utf8::decode(s, cps)) { // never written by the exporter (it checks); escape bytewise anyway
    for (unsigned char c : s) out += c < 0x80 ? static_cast<char>(c) : '?';
    return;
  }
  for (char32_t c : cps) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += attribute ? "&quot;" : "\""; break;
    case '\r': out += "&#13;"; break; // a parser would turn a raw CR LF into LF
    case '\n': out += attribute ? "&#10;" : "\n"; break;
    case '\t': out += attribute ? "&#9;" : "\t"; break;
    default:
      if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) { // not allowed in XML 1.0: XLIFF's <cp/>
        if (!attribute) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "<cp hex=\"%04X\"/>", static_cast<unsigned>(c));
          out += buf;
        }
      } else {
        utf8::append(out, c);
      }
    }
  }
}

std::string attr(std::string_view s) {
  std::string out;
  xmlText(out, s, true);
  return out;
}

std::string idFile(const std::string& id) { return id.substr(0, id.rfind('#')); }
std::string idKey(const std::string& id) {
  const auto hash = id.rfind('#');
  return hash == std::string::npos ? id : id.substr(hash + 1);
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

std::string str(const xmlChar* s) { return s ? std::string(reinterpret_cast<const char*>(s)) : std::string(); }

std::optional<std::string> property(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::nullopt;
  std::string s = str(v);
  xmlFree(v);
  return s;
}

bool isXliff(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && str(n->ns->href) == kXliffNs &&
         str(n->name) == name;
}

std::string lineOf(const xmlNode* n) { return "line " + std::to_string(xmlGetLineNo(n)); }

// The text of a <source> or <target>: its characters, with <cp hex="..."/> as the character;
// any other markup (inline codes a tool added) is refused: the kiosk's texts have none.
bool inlineText(const xmlNode* n, std::string& out, std::string& error) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out += str(c->content);
    } else if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
      continue;
    } else if (isXliff(c, "cp")) {
      const auto hex = property(c, "hex");
      unsigned long cp = 0;
      char* end = nullptr;
      if (hex && !hex->empty() && hex->size() <= 6) cp = std::strtoul(hex->c_str(), &end, 16);
      if (!hex || hex->empty() || hex->size() > 6 || *end || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        error = lineOf(c) + ": <cp hex=\"" + hex.value_or("") + "\"/> is not a character";
        return false;
      }
      utf8::append(out, static_cast<char32_t>(cp));
    } else if (c->type == XML_ELEMENT_NODE) {
      error = lineOf(c) + ": the text has <" + str(c->name) +
              "> markup, which the kiosk's texts never have; write the text without it";
      return false;
    } else {
      error = lineOf(c) + ": the text has an entity reference or other markup the kiosk does not read; write the characters themselves";
      return false;
    }
  }
  return true;
}

bool readUnit(const xmlNode* unit, const std::string& file, ExchangeFile& out, std::string& error) {
  ExchangeUnit u;
  const auto id = property(unit, "id");
  if (!id || id->empty()) {
    error = lineOf(unit) + ": a <unit> without an id";
    return false;
  }
  u.id = file + "#" + *id;
  u.line = static_cast<int>(xmlGetLineNo(unit));
  bool allTargets = true, anySegment = false, initial = false;
  std::string target;
  for (const xmlNode* c = unit->children; c; c = c->next) {
    if (isXliff(c, "notes")) {
      for (const xmlNode* note = c->children; note; note = note->next) {
        if (!isXliff(note, "note")) continue;
        const std::string category = property(note, "category").value_or("");
        xmlChar* content = xmlNodeGetContent(note);
        const std::string text = str(content);
        xmlFree(content);
        if (category == kSourceNote) u.sourceFingerprint = text;
        else if (category == kTargetNote) u.targetFingerprint = text;
        else if (category == "location") u.location = text;
        else if (category == "description") u.note = text;
      }
    } else if (isXliff(c, "segment") || isXliff(c, "ignorable")) {
      const bool segment = isXliff(c, "segment");
      anySegment = anySegment || segment;
      if (segment && property(c, "state").value_or("") == "initial") initial = true;
      const xmlNode* src = nullptr;
      const xmlNode* trg = nullptr;
      for (const xmlNode* s = c->children; s; s = s->next) {
        if (isXliff(s, "source")) src = s;
        if (isXliff(s, "target")) trg = s;
      }
      if (!src) {
        error = lineOf(c) + ": a <" + str(c->name) + "> without <source>";
        return false;
      }
      std::string s;
      if (!inlineText(src, s, error)) return false;
      u.source += s;
      if (trg) {
        std::string t;
        if (!inlineText(trg, t, error)) return false;
        target += t;
      } else if (segment) {
        allTargets = false;
      } else {
        target += s; // whitespace between segments stays as it is
      }
    }
  }
  if (!anySegment) {
    error = lineOf(unit) + ": unit '" + *id + "' has no <segment>";
    return false;
  }
  if (allTargets) u.target = target; // a unit translated in part is not translated
  u.needsReview = initial && u.target.has_value();
  out.units.push_back(std::move(u));
  return true;
}

bool readGroup(const xmlNode* parent, const std::string& file, ExchangeFile& out, std::string& error) {
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (isXliff(c, "unit")) {
      if (!readUnit(c, file, out, error)) return false;
    } else if (isXliff(c, "group")) {
      if (!readGroup(c, file, out, error)) return false;
    }
  }
  return true;
}

// ----------------------------------------------------------------------------------------- PO

void poString(std::string& out, const char* keyword, std::string_view s) {
  const auto firstBreak = s.find('\n');
  if (firstBreak == std::string_view::npos || firstBreak + 1 == s.size()) {
    out += keyword;
    out += " \"";
    out += poEscape(s);
    out += "\"\n";
    return;
  }
  // Several lines: one quoted piece per line, as gettext writes them.
  out += keyword;
  out += " \"\"\n";
  size_t at = 0;
  while (at < s.size()) {
    const auto nl = s.find('\n', at);
    const size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    out += '"';
    out += poEscape(s.substr(at, end - at));
    out += "\"\n";
    at = end;
  }
}

struct PoEntry {
  int line = 0;
  std::set<std::string> flags;
  std::vector<std::string> extracted; // #.
  std::vector<std::string> references; // #:
  std::optional<std::string> ctxt, id, plural, str, extra;
  bool obsolete = false;
  bool any() const { return ctxt || id || str || plural; }
};

// Unquotes one PO string literal ("..." with C escapes) and appends it.
bool poUnquote(std::string_view line, std::string& out, std::string& why) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.size() < 2 || line.front() != '"' || line.back() != '"') {
    why = "a text must be written in double quotes";
    return false;
  }
  line = line.substr(1, line.size() - 2);
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      why = "a double quote inside a text must be written \\\"";
      return false;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == line.size()) {
      why = "the text ends with a lone backslash; write \\\\ for a backslash";
      return false;
    }
    switch (line[i]) {
    case 'n': out += '\n'; break;
    case 't': out += '\t'; break;
    case 'r': out += '\r'; break;
    case '\\': out += '\\'; break;
    case '"': out += '"'; break;
    case 'a': out += '\a'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'v': out += '\v'; break;
    case '\'': out += '\''; break;
    case '?': out += '?'; break;
    case 'x': {
      unsigned v = 0;
      size_t n = 0;
      while (i + 1 < line.size() && n < 2 && std::isxdigit(static_cast<unsigned char>(line[i + 1]))) {
        v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(line[i + 1])) ? line[i + 1] - '0'
                                                                                                   : (std::tolower(line[i + 1]) - 'a' + 10));
        ++i, ++n;
      }
      if (n == 0) {
        why = "\\x must be followed by hex digits";
        return false;
      }
      out += static_cast<char>(v);
      break;
    }
    default:
      if (line[i] >= '0' && line[i] <= '7') {
        unsigned v = 0;
        size_t n = 0;
        while (i < line.size() && n < 3 && line[i] >= '0' && line[i] <= '7') v = v * 8 + static_cast<unsigned>(line[i++] - '0'), ++n;
        --i;
        out += static_cast<char>(v & 0xFF);
        break;
      }
      why = std::string("unknown escape \\") + line[i] + "; write \\\\ for a backslash";
      return false;
    }
  }
  return true;
}

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

} // namespace

std::string poEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '"': out += "\\\""; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out;
}

std::string writeXliff(const ExchangeFile& file) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<!-- The texts of a kiosk content folder to translate from " + attr(file.sourceLanguage) + " into " +
         attr(file.targetLanguage) +
         ".\n     Translate each <target>; the notes tell the kiosk which text each one is. Bring the file back with\n"
         "     kiosk translations import FILE CONTENT_DIR -->\n";
  out += "<xliff xmlns=\"" + std::string(kXliffNs) + "\" version=\"2.0\" srcLang=\"" + attr(file.sourceLanguage) +
         "\" trgLang=\"" + attr(file.targetLanguage) + "\">\n";
  // One <file> per content file, in the order the units come; ids must be NMTOKENs, so the file's
  // path is its `original` and the unit's id is the key path within it.
  std::vector<std::string> order;
  for (const auto& u : file.units)
    if (std::find(order.begin(), order.end(), idFile(u.id)) == order.end()) order.push_back(idFile(u.id));
  size_t n = 0;
  for (const auto& f : order) {
    out += "  <file id=\"f" + std::to_string(++n) + "\" original=\"" + attr(f) + "\">\n";
    for (const auto& u : file.units) {
      if (idFile(u.id) != f) continue;
      out += "    <unit id=\"" + attr(idKey(u.id)) + "\">\n      <notes>\n";
      if (!u.note.empty()) out += "        <note category=\"description\">" + attr(u.note) + "</note>\n";
      if (!u.location.empty()) out += "        <note category=\"location\">" + attr(u.location) + "</note>\n";
      out += "        <note category=\"" + std::string(kSourceNote) + "\">" + attr(u.sourceFingerprint) + "</note>\n";
      out += "        <note category=\"" + std::string(kTargetNote) + "\">" + attr(u.targetFingerprint) + "</note>\n";
      out += "      </notes>\n";
      out += std::string("      <segment state=\"") + (!u.target || u.needsReview ? "initial" : "translated") + "\">\n";
      out += "        <source xml:space=\"preserve\">";
      xmlText(out, u.source, false);
      out += "</source>\n";
      if (u.target) {
        out += "        <target xml:space=\"preserve\">";
        xmlText(out, *u.target, false);
        out += "</target>\n";
      }
      out += "      </segment>\n    </unit>\n";
    }
    out += "  </file>\n";
  }
  out += "</xliff>\n";
  return out;
}

std::string writePo(const ExchangeFile& file) {
  std::string lang = file.targetLanguage;
  for (char& c : lang)
    if (c == '-') c = '_'; // gettext's spelling: zh_Hans
  char date[32] = "";
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M+0000", &utc);
  std::string out = "# The texts of a kiosk content folder to translate from " + file.sourceLanguage + " into " +
                    file.targetLanguage + ".\n"
                    "# Translate each msgstr; keep msgctxt and the \"#.\" lines, which tell the kiosk which text\n"
                    "# each one is. Bring the file back with: kiosk translations import FILE CONTENT_DIR\n"
                    "msgid \"\"\nmsgstr \"\"\n"
                    "\"Project-Id-Version: kiosk content\\n\"\n"
                    "\"POT-Creation-Date: " + std::string(date) + "\\n\"\n"
                    "\"PO-Revision-Date: " + std::string(date) + "\\n\"\n"
                    "\"Language-Team: \\n\"\n"
                    "\"Last-Translator: \\n\"\n"
                    "\"Language: " + poEscape(lang) + "\\n\"\n"
                    "\"MIME-Version: 1.0\\n\"\n"
                    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                    "\"Content-Transfer-Encoding: 8bit\\n\"\n"
                    "\"X-Kiosk-Source-Language: " + poEscape(file.sourceLanguage) + "\\n\"\n"
                    "\"X-Kiosk-Language: " + poEscape(file.targetLanguage) + "\\n\"\n";
  for (const auto& u : file.units) {
    out += "\n";
    if (!u.note.empty()) out += "#. " + u.note + "\n";
    out += "#. " + std::string(kSourceNote) + ": " + u.sourceFingerprint + "\n";
    out += "#. " + std::string(kTargetNote) + ": " + u.targetFingerprint + "\n";
    if (!u.location.empty()) out += "#: " + u.location + "\n";
    if (u.needsReview && u.target) out += "#, fuzzy\n";
    poString(out, "msgctxt", u.id);
    poString(out, "msgid", u.source);
    poString(out, "msgstr", u.target.value_or(""));
  }
  return out;
}

std::optional<ExchangeFile> readXliff(std::string_view text, std::string& error) {
  if (text.size() > INT_MAX) {
    error = "the file is too large";
    return std::nullopt;
  }
  std::unique_ptr<xmlParserCtxt, XmlCtxtFree> ctx(xmlNewParserCtxt());
  if (!ctx) {
    error = "out of memory";
    return std::nullopt;
  }
  // No network, no DTD loading, no entity substitution; errors are taken from the context, not printed.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlCtxtReadMemory(ctx.get(), text.data(), static_cast<int>(text.size()), "translation.xlf",
                                                            "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctx.get());
    std::string message = e && e->message ? e->message : "not well-formed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    error = "line " + std::to_string(e ? e->line : 0) + ": " + message + " (the file is not well-formed XML)";
    return std::nullopt;
  }
  if (doc->intSubset || doc->extSubset) {
    error = "the file has a <!DOCTYPE>, which XLIFF 2.0 files never have; export the file again";
    return std::nullopt;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || str(root->name) != "xliff") {
    error = "this is not an XLIFF file (its first element is not <xliff>)";
    return std::nullopt;
  }
  if (!isXliff(root, "xliff")) {
    error = "this XLIFF file is not XLIFF 2.0 (version " + property(root, "version").value_or("?") +
            "); save it as XLIFF 2.0 in the translation tool, or translate the file the kiosk exported";
    return std::nullopt;
  }
  ExchangeFile out;
  out.sourceLanguage = canonicalLanguageTag(property(root, "srcLang").value_or(""));
  out.targetLanguage = canonicalLanguageTag(property(root, "trgLang").value_or(""));
  if (out.targetLanguage.empty()) {
    error = lineOf(root) + ": <xliff> has no trgLang, so the language of the translation is unknown";
    return std::nullopt;
  }
  for (const xmlNode* f = root->children; f; f = f->next) {
    if (!isXliff(f, "file")) continue;
    const auto original = property(f, "original");
    if (!original || original->empty()) {
      error = lineOf(f) + ": a <file> without 'original' (the content file its texts belong to)";
      return std::nullopt;
    }
    if (!readGroup(f, *original, out, error)) return std::nullopt;
  }
  return out;
}

std::optional<ExchangeFile> readPo(std::string_view text, std::string& error) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
  if (size_t bad = 0; !utf8::isValid(text, &bad)) {
    error = "line " + std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n')) +
            ": the file is not UTF-8; save it as UTF-8 in the translation tool";
    return std::nullopt;
  }
  std::vector<PoEntry> entries;
  PoEntry cur;
  std::optional<std::string>* field = nullptr; // where a continuation line goes
  bool sawStr = false;
  int lineNo = 0;
  auto flush = [&] {
    if (cur.any() && !cur.obsolete) entries.push_back(std::move(cur));
    cur = PoEntry{};
    field = nullptr;
    sawStr = false;
  };
  size_t at = 0;
  while (at <= text.size()) {
    const auto nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string t = trimmed(line);
    if (t.empty()) {
      flush();
      continue;
    }
    auto fail = [&](const std::string& why) {
      error = "line " + std::to_string(lineNo) + ": " + why;
      return std::nullopt;
    };
    const bool keyword = t.rfind("msg", 0) == 0;
    if ((t[0] == '#' || t.rfind("msgctxt", 0) == 0 || (t.rfind("msgid", 0) == 0 && t.rfind("msgid_plural", 0) != 0)) && sawStr) flush();
    if (t[0] == '#') {
      if (t.rfind("#~", 0) == 0) cur.obsolete = true;
      else if (t.rfind("#,", 0) == 0) {
        std::string flags = t.substr(2);
        size_t p = 0;
        while (p <= flags.size()) {
          const auto comma = flags.find(',', p);
          cur.flags.insert(trimmed(std::string_view(flags).substr(p, comma == std::string::npos ? std::string::npos : comma - p)));
          if (comma == std::string::npos) break;
          p = comma + 1;
        }
      } else if (t.rfind("#.", 0) == 0) cur.extracted.push_back(trimmed(std::string_view(t).substr(2)));
      else if (t.rfind("#:", 0) == 0) cur.references.push_back(trimmed(std::string_view(t).substr(2)));
      if (!cur.line) cur.line = lineNo;
      field = nullptr;
      continue;
    }
    if (t[0] == '"') {
      if (!field) return fail("a quoted text that continues nothing; it must follow msgid, msgstr or msgctxt");
      std::string why;
      if (!poUnquote(t, **field, why)) return fail(why);
      continue;
    }
    if (!keyword) return fail("'" + t.substr(0, 40) + "' is not a line of a PO file (msgctxt, msgid, msgstr, a comment starting with #, or a quoted text)");
    const auto space = t.find_first_of(" \t");
    const std::string word = t.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : trimmed(std::string_view(t).substr(space));
    if (word == "msgctxt") field = &cur.ctxt;
    else if (word == "msgid") field = &cur.id;
    else if (word == "msgid_plural") field = &cur.plural;
    else if (word == "msgstr" || word == "msgstr[0]") field = &cur.str, sawStr = true;
    else if (word.rfind("msgstr[", 0) == 0) {
      field = nullptr;
      sawStr = true;
      cur.extra = std::string(); // a later plural form: read, and refused below with the entry
      field = &cur.extra;
      std::string why;
      if (!poUnquote(rest, *cur.extra, why)) return fail(why);
      continue;
    } else return fail("'" + word + "' is not a PO keyword (msgctxt, msgid, msgstr)");
    if (*field) return fail(word + " is given twice in one entry; separate entries with a blank line");
    if (!cur.line) cur.line = lineNo;
    *field = std::string();
    std::string why;
    if (!poUnquote(rest, **field, why)) return fail(why);
  }
  flush();

  ExchangeFile out;
  bool header = false;
  for (const auto& e : entries) {
    if (!e.id) {
      error = "line " + std::to_string(e.line) + ": an entry without msgid";
      return std::nullopt;
    }
    if (!e.str) {
      error = "line " + std::to_string(e.line) + ": an entry without msgstr";
      return std::nullopt;
    }
    if (e.id->empty() && !e.ctxt) { // the header
      header = true;
      size_t p = 0;
      const std::string& h = *e.str;
      std::string language, kioskLanguage;
      while (p < h.size()) {
        const auto nl = h.find('\n', p);
        const std::string l = h.substr(p, nl == std::string::npos ? std::string::npos : nl - p);
        p = nl == std::string::npos ? h.size() : nl + 1;
        const auto colon = l.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = trimmed(std::string_view(l).substr(0, colon)), value = trimmed(std::string_view(l).substr(colon + 1));
        if (name == "Language") language = value;
        else if (name == "X-Kiosk-Language") kioskLanguage = value;
        else if (name == "X-Kiosk-Source-Language") out.sourceLanguage = canonicalLanguageTag(value);
      }
      if (kioskLanguage.empty()) {
        kioskLanguage = language;
        for (char& c : kioskLanguage)
          if (c == '_') c = '-';
        if (const auto at = kioskLanguage.find('@'); at != std::string::npos) kioskLanguage.resize(at);
      }
      out.targetLanguage = canonicalLanguageTag(kioskLanguage);
      continue;
    }
    if (e.plural) {
      error = "line " + std::to_string(e.line) + ": an entry with plural forms (msgid_plural), which the kiosk never exports";
      return std::nullopt;
    }
    if (!utf8::isValid(*e.id) || !utf8::isValid(*e.str) || !utf8::isValid(e.ctxt.value_or(""))) {
      error = "line " + std::to_string(e.line) + ": an escape (\\x or \\ and digits) makes a text that is not UTF-8";
      return std::nullopt;
    }
    ExchangeUnit u;
    u.line = e.line;
    u.id = e.ctxt.value_or("");
    u.source = *e.id;
    if (!e.str->empty()) u.target = *e.str;
    u.needsReview = e.flags.count("fuzzy") && u.target;
    for (const auto& c : e.extracted) {
      const auto colon = c.find(':');
      if (colon == std::string::npos) continue;
      const std::string name = c.substr(0, colon), value = trimmed(std::string_view(c).substr(colon + 1));
      if (name == kSourceNote) u.sourceFingerprint = value;
      else if (name == kTargetNote) u.targetFingerprint = value;
    }
    if (!e.references.empty()) u.location = e.references.front();
    out.units.push_back(std::move(u));
  }
  if (!header || out.targetLanguage.empty()) {
    error = "the file's header (the first entry, msgid \"\") has no Language, so the language of the translation is unknown";
    return std::nullopt;
  }
  return out;
}

std::optional<ExchangeFile> readExchangeFile(std::string_view text, std::string& error) {
  std::string_view t = text;
  if (t.rfind("\xEF\xBB\xBF", 0) == 0) t.remove_prefix(3);
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && t[first] == '<') return readXliff(text, error);
  return readPo(text, error);
}

} // namespace kiosk::translations
