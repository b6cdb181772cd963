#include "app/NewContent.h"
#include "app/Translations.h"
#include "app/Validate.h"

#include "TempFolder.h"
#include "core/TomlEdit.h"
#include "core/TranslationFiles.h"
#include "core/TranslationUnits.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::app;
using namespace kiosk::translations;
namespace fs = std::filesystem;

namespace {

std::string slurpText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// Every file of a folder, by path, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = slurpText(e.path());
  return out;
}

std::string exported(const fs::path& dir, const std::string& lang, const std::string& format) {
  std::ostringstream out, err;
  REQUIRE(exportTranslations(dir.string(), lang, format, "", out, err) == 0);
  return out.str();
}

int import(const fs::path& dir, const std::string& text, const std::string& name, std::string& report) {
  const fs::path file = dir.parent_path() / name;
  spit(file, text);
  std::ostringstream out;
  const int status = importTranslations(file.string(), dir.string(), out);
  report = out.str();
  return status;
}

const std::vector<std::string> kSampleLanguages{"zh-Hans", "zh-Hant", "en", "ja", "ko", "ru", "mn", "vi"};

} // namespace

TEST_CASE("[Translations] round trip: every sample language exported as XLIFF and PO and imported unchanged changes no byte of the folder") {
  test::TempFolder tmp;
  tmp.copyFrom(test::sampleContent(), "content");
  const fs::path dir = tmp.path() / "content";
  const auto before = snapshot(dir);
  REQUIRE(before.count("translations.lock.toml"));
  for (const auto& lang : kSampleLanguages)
    for (const std::string format : {"xliff", "po"}) {
      CAPTURE(lang);
      CAPTURE(format);
      const std::string text = exported(dir, lang, format);
      std::string error;
      const auto ex = readExchangeFile(text, error);
      REQUIRE_MESSAGE(ex, error);
      CHECK(ex->targetLanguage == lang);
      CHECK(ex->units.size() > 100);
      std::string report;
      CHECK(import(dir, text, lang + "." + format, report) == 0);
      CHECK(report.find(" 0 translations written") != std::string::npos);
    }
  CHECK(snapshot(dir) == before);
}

TEST_CASE("[Translations] the sample's lock is current: no translation is out of date") {
  std::string error;
  const auto folder = readFolder(test::sampleContent(), error);
  REQUIRE(folder);
  const auto lock = readLock(test::sampleContent(), error);
  REQUIRE(lock);
  CHECK(staleTranslations(*folder, *lock).empty());
  CHECK(lock->entries.size() > 20);
}

TEST_CASE("[Translations] a changed English text flags exactly its translations made from English, in report translations too") {
  test::TempFolder tmp;
  tmp.copyFrom(test::sampleContent(), "content");
  const fs::path dir = tmp.path() / "content";
  const fs::path item = dir / "sections/03-culture-tourism/01-mukden-palace.toml";
  const auto edited = tomledit::setString(slurpText(item), {"title", "en"}, "The Mukden Palace Museum");
  REQUIRE(edited.ok());
  spit(item, edited.text);
  std::string error;
  const auto folder = readFolder(dir, error);
  const auto lock = readLock(dir, error);
  REQUIRE(folder);
  REQUIRE(lock);
  std::set<std::string> flagged;
  for (const auto& s : staleTranslations(*folder, *lock)) {
    CHECK(s.textFile == "sections/03-culture-tourism/01-mukden-palace.toml");
    CHECK(s.key == "title");
    CHECK(s.sourceLanguage == "en");
    flagged.insert(s.language);
  }
  // zh-Hant and en itself are translated from zh-Hans, zh-Hans is the original.
  CHECK(flagged == std::set<std::string>{"ja", "ko", "ru", "mn", "vi"});
  std::ostringstream report;
  CHECK(reportTranslations(dir.string(), report) == 0);
  CHECK(report.str().find("01-mukden-palace.toml:5: title: out of date: the English text changed since this was translated") !=
        std::string::npos);
  // The export marks them for review (fuzzy); an unchanged import leaves them flagged.
  const std::string po = exported(dir, "ja", "po");
  CHECK(po.find("#, fuzzy\nmsgctxt \"sections/03-culture-tourism/01-mukden-palace.toml#title\"") != std::string::npos);

  // A changed Chinese text: its translations from Chinese, zh-Hant and English.
  const fs::path section = dir / "sections/02-investment/section.toml";
  const auto zh = tomledit::setString(slurpText(section), {"subtitle", "zh-Hans"}, "新的副标题");
  REQUIRE(zh.ok());
  spit(section, zh.text);
  flagged.clear();
  for (const auto& s : staleTranslations(*readFolder(dir, error), *lock))
    if (s.textFile == "sections/02-investment/section.toml") flagged.insert(s.language + ":" + s.key);
  CHECK(flagged == std::set<std::string>{"en:subtitle", "zh-Hant:subtitle"});
}

TEST_CASE("[Translations] an edited PO imports into the right places, in place, and the result validates") {
  test::TempFolder tmp;
  tmp.copyFrom(test::sampleContent(), "content");
  const fs::path dir = tmp.path() / "content";
  const fs::path item = dir / "sections/03-culture-tourism/02-ice-and-snow.toml";
  // A language the kiosk does not offer yet: Thai, nothing translated.
  std::string po = exported(dir, "th", "po");
  const std::string ctx = "msgctxt \"sections/03-culture-tourism/02-ice-and-snow.toml#title\"\n";
  auto at = po.find(ctx);
  REQUIRE(at != std::string::npos);
  at = po.find("msgstr \"\"", at);
  po.replace(at, 9, "msgstr \"น้ำแข็งและหิมะ \\\"ที่\\\" เสิ่นหยาง\"");
  // A body: several lines, a new file beside the item.
  const std::string bodyCtx = "msgctxt \"sections/03-culture-tourism/02-ice-and-snow.toml#body\"\n";
  at = po.find(bodyCtx);
  REQUIRE(at != std::string::npos);
  at = po.find("msgstr \"\"\n", at);
  po.replace(at, 10, "msgstr \"\"\n\"ย่อหน้าแรก\\n\"\n\"\\n\"\n\"ย่อหน้าที่สอง\\n\"\n");
  const std::string beforeItem = slurpText(item);
  std::string report;
  CHECK(import(dir, po, "th.po", report) == 0);
  CAPTURE(report);
  CHECK(report.find("2 translations written in 2 files") != std::string::npos);
  const std::string afterItem = slurpText(item);
  // One line added after the title's last language; everything else as it was.
  CHECK(afterItem.find("vi = \"Mùa đông băng tuyết\"\nth = \"น้ำแข็งและหิมะ \\\"ที่\\\" เสิ่นหยาง\"\n") != std::string::npos);
  CHECK(afterItem.size() > beforeItem.size());
  CHECK(slurpText(dir / "sections/03-culture-tourism/02-ice-and-snow.th.md") == "ย่อหน้าแรก\n\nย่อหน้าที่สอง\n");
  std::ostringstream out;
  CHECK(validateContent(dir.string(), out, false, fs::path(KIOSK_SOURCE_DIR) / "assets") == 0);
  // Importing the same file again writes nothing.
  const auto once = snapshot(dir);
  CHECK(import(dir, po, "th.po", report) == 0);
  CHECK(snapshot(dir) == once);
}

TEST_CASE("[Translations] a translation changed in the folder after the export is a conflict, named and not written") {
  test::TempFolder tmp;
  tmp.copyFrom(test::sampleContent(), "content");
  const fs::path dir = tmp.path() / "content";
  const fs::path item = dir / "sections/03-culture-tourism/01-mukden-palace.toml";
  std::string xliff = exported(dir, "ja", "xliff");
  // The translator changes the title and the summary...
  const std::string oldTitle = "<target xml:space=\"preserve\">瀋陽故宮</target>";
  const auto t = xliff.find(oldTitle);
  REQUIRE(t != std::string::npos);
  xliff.replace(t, oldTitle.size(), "<target xml:space=\"preserve\">瀋陽故宮博物院</target>");
  const std::string oldSummary = "瀋陽故宮は、中国に現存する二大明清皇宮建築群の一つです。";
  const auto s = xliff.find(oldSummary);
  REQUIRE(s != std::string::npos);
  xliff.replace(s, oldSummary.size(), "瀋陽故宮は中国の二大皇宮の一つです。");
  // ...while staff edit the Japanese title in the folder.
  const auto staff = tomledit::setString(slurpText(item), {"title", "ja"}, "瀋陽の故宮");
  REQUIRE(staff.ok());
  spit(item, staff.text);
  std::string report;
  CHECK(import(dir, xliff, "ja.xlf", report) == 1);
  CAPTURE(report);
  CHECK(report.find("sections/03-culture-tourism/01-mukden-palace.toml:5: conflict: the Japanese text of 'title' was changed here after "
                    "the export") != std::string::npos);
  const std::string after = slurpText(item);
  CHECK(after.find("ja = \"瀋陽の故宮\"") != std::string::npos);         // staff's edit kept
  CHECK(after.find("瀋陽故宮は中国の二大皇宮の一つです。") != std::string::npos); // the other unit written
  CHECK(report.find("1 translation written") != std::string::npos);

  // A source changed since the export: a conflict too.
  std::string po = exported(dir, "ko", "po");
  const auto en = tomledit::setString(slurpText(item), {"title", "en"}, "Mukden Palace");
  REQUIRE(en.ok());
  spit(item, en.text);
  const auto k = po.find("msgstr \"선양 고궁\"");
  REQUIRE(k != std::string::npos);
  po.replace(k, std::string("msgstr \"선양 고궁\"").size(), "msgstr \"선양 고궁 박물관\"");
  const std::string beforeKo = slurpText(item);
  CHECK(import(dir, po, "ko.po", report) == 1);
  CHECK(report.find("01-mukden-palace.toml:4: conflict: the English text of 'title' changed since the export") != std::string::npos);
  CHECK(slurpText(item) == beforeKo);
}

TEST_CASE("[Translations] PO strings: quotes, backslashes, tabs and line breaks survive writing and reading") {
  ExchangeFile f;
  f.sourceLanguage = "en";
  f.targetLanguage = "ja";
  ExchangeUnit u;
  u.id = "sections/a b/01-x.toml#images.0.caption";
  u.source = "say \"hi\"\\ back\tslash\n\nsecond line\r\nlast";
  u.target = "「こんにちは」\\\n";
  u.sourceFingerprint = fingerprint(u.source);
  u.targetFingerprint = "none";
  f.units.push_back(u);
  for (const std::string& text : {writePo(f), writeXliff(f)}) {
    std::string error;
    const auto back = readExchangeFile(text, error);
    REQUIRE_MESSAGE(back, error);
    REQUIRE(back->units.size() == 1);
    CHECK(back->units[0].id == u.id);
    CHECK(back->units[0].source == u.source);
    CHECK(back->units[0].target == u.target);
    CHECK(back->units[0].sourceFingerprint == u.sourceFingerprint);
    CHECK(back->units[0].targetFingerprint == "none");
  }
  std::string error;
  CHECK_FALSE(readPo("msgid \"\"\nmsgstr \"Language: ja\\n\"\n\nmsgid \"a\"b\"\nmsgstr \"\"\n", error));
  CHECK(error.find("line 4") == 0);
  CHECK_FALSE(readXliff("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>", error));
  CHECK(error.find("not XLIFF 2.0") != std::string::npos);
  CHECK_FALSE(readXliff("<xliff><file>", error));
  CHECK(error.find("line 1") == 0);
}

TEST_CASE("[NewContent] new section and new item write numbered, commented templates in every language that validate") {
  test::TempFolder tmp;
  tmp.copyFrom(test::sampleContent(), "content");
  const fs::path dir = tmp.path() / "content";
  std::ostringstream out;
  CHECK(newSection(dir.string(), "museums", out) == 0);
  const fs::path section = dir / "sections/07-museums/section.toml";
  REQUIRE(fs::exists(section));
  const std::string text = slurpText(section);
  for (const auto& lang : kSampleLanguages) CHECK(text.find("\n" + lang) != std::string::npos);
  CHECK(text.find("# The section's title") != std::string::npos);
  // A section without items: the one warning expected.
  std::ostringstream v;
  CHECK(validateContent(dir.string(), v, false, fs::path(KIOSK_SOURCE_DIR) / "assets") == 0);
  CAPTURE(v.str());
  CHECK(v.str().find("0 errors, 1 warning\n") != std::string::npos); // one warning, singular
  CHECK(v.str().find("this section has no items") != std::string::npos);

  CHECK(newItem(dir.string(), "museums/liaoning-museum", out) == 0);
  CHECK(newItem(dir.string(), "07-museums/02-shenyang-museum", out) == 0);
  const fs::path item = dir / "sections/07-museums/01-liaoning-museum.toml";
  REQUIRE(fs::exists(item));
  REQUIRE(fs::exists(dir / "sections/07-museums/02-shenyang-museum.toml"));
  std::ostringstream clean;
  CHECK(validateContent(dir.string(), clean, false, fs::path(KIOSK_SOURCE_DIR) / "assets") == 0);
  CAPTURE(clean.str());
  CHECK(clean.str().find("0 errors, 0 warnings") != std::string::npos);
  // Next numbers in an existing section; nothing existing is overwritten.
  CHECK(newItem(dir.string(), "culture-tourism/liaoning-museum", out) == 0);
  CHECK(fs::exists(dir / "sections/03-culture-tourism/05-liaoning-museum.toml"));
  const auto before = snapshot(dir);
  std::ostringstream refused;
  CHECK(newSection(dir.string(), "investment", refused) == 1);
  CHECK(newItem(dir.string(), "museums/liaoning-museum", refused) == 1);
  CHECK(newItem(dir.string(), "nowhere/x", refused) == 1);
  CHECK(newItem(dir.string(), "museums/Bad_Name", refused) == 1);
  CHECK(snapshot(dir) == before);
  CHECK(refused.str().find("already") != std::string::npos);
}

TEST_CASE("[Translations] texts written without languages: a body gets its own .md file, a title is refused with how to fix it") {
  test::TempFolder tmp;
  tmp.write("content/kiosk.toml", "[kiosk]\nname = { en = \"Test\", ja = \"テスト\" }\ndefault_language = \"en\"\nlanguages = [\"en\", \"ja\"]\n");
  tmp.write("content/sections/01-alpha/section.toml", "title = { en = \"Alpha\", ja = \"アルファ\" }\ncolour = \"#336699\"\n");
  const std::string itemText = "# staff's comment\ntitle = \"One\"\nbody = \"Plain body\"\n";
  tmp.write("content/sections/01-alpha/01-one.toml", itemText);
  const fs::path dir = tmp.path() / "content";
  std::string po = exported(dir, "ja", "po");
  for (const std::string& key : {"title", "body"}) {
    auto at = po.find("msgctxt \"sections/01-alpha/01-one.toml#" + key + "\"");
    REQUIRE(at != std::string::npos);
    at = po.find("msgstr \"\"", at);
    po.replace(at, 9, "msgstr \"訳 " + key + "\"");
  }
  std::string report;
  CHECK(import(dir, po, "ja.po", report) == 1);
  CAPTURE(report);
  CHECK(report.find("01-one.toml:2: 'title' is written without languages") != std::string::npos);
  CHECK(slurpText(dir / "sections/01-alpha/01-one.toml") == itemText);
  CHECK(slurpText(dir / "sections/01-alpha/01-one.ja.md") == "訳 body");
}

TEST_CASE("[Translations] XLIFF as CAT tools write it back: segments split, whitespace between them, a character as cp, a unit in review") {
  const std::string xliff = R"(<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja" xmlns:mq="urn:example:tool">
  <file id="f1" original="sections/01-a/01-b.toml">
    <group id="g1">
      <unit id="body" mq:extra="kept">
        <notes><note category="kiosk-source-fingerprint">s1</note><note category="kiosk-translation-fingerprint">none</note><note>the tool's own</note></notes>
        <segment state="translated"><source>One.</source><target>一。</target></segment>
        <ignorable><source xml:space="preserve">&#10;&#10;</source></ignorable>
        <segment state="final"><source>Two<cp hex="0009"/>&amp;</source><target><![CDATA[二<&>]]></target></segment>
      </unit>
      <unit id="title">
        <segment state="initial"><source>T</source><target>ト</target></segment>
      </unit>
      <unit id="summary">
        <segment><source>A.</source><target>あ。</target></segment>
        <segment><source>B.</source></segment>
      </unit>
    </group>
  </file>
</xliff>)";
  std::string error;
  const auto f = readXliff(xliff, error);
  REQUIRE_MESSAGE(f, error);
  REQUIRE(f->units.size() == 3);
  CHECK(f->units[0].id == "sections/01-a/01-b.toml#body");
  CHECK(f->units[0].source == "One.\n\nTwo\t&");
  CHECK(f->units[0].target == "一。\n\n二<&>");
  CHECK(f->units[0].sourceFingerprint == "s1");
  CHECK_FALSE(f->units[0].needsReview);
  CHECK(f->units[1].needsReview); // still "initial": not imported
  CHECK_FALSE(f->units[2].target);  // translated in part: not translated
  // Markup the kiosk's texts never have is refused with its line.
  CHECK_FALSE(readXliff(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ja"><file id="f" original="a.toml">
<unit id="title"><segment><source>a</source><target><pc id="1">b</pc></target></segment></unit></file></xliff>)", error));
  CHECK(error.find("line 2: the text has <pc> markup") == 0);
  CHECK_FALSE(readXliff("<!DOCTYPE x [<!ENTITY a \"b\">]><xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" trgLang=\"ja\"/>", error));
  CHECK(error.find("DOCTYPE") != std::string::npos);
}

TEST_CASE("[Translations] descriptions (alt) of pictures, maps and covers are units a translator gets, and import writes them back") {
  std::string error;
  const auto folder = readFolder(test::sampleContent(), error);
  REQUIRE_MESSAGE(folder, error);
  const Text* picture = folder->find("sections/03-culture-tourism/01-mukden-palace.toml#images.1.alt");
  REQUIRE(picture);
  CHECK(picture->byLanguage.size() == 8);
  CHECK(picture->byLanguage.at("en").text.rfind("Illustration: the front of a palace hall", 0) == 0);
  CHECK(picture->byLanguage.at("en").key == "en");
  const Text* map = folder->find("sections/03-culture-tourism/04-map-of-shenyang.toml#map.alt");
  REQUIRE(map);
  CHECK(map->byLanguage.count("mn") == 1);
  const Text* cover = folder->find("sections/06-entry-exit/section.toml#cover_alt");
  REQUIRE(cover);
  CHECK(cover->byLanguage.count("vi") == 1);
  size_t alts = 0;
  for (const auto& t : folder->texts)
    if (t.key.back() == "alt" || t.key.back() == "cover_alt") ++alts;
  CHECK(alts == 28); // every picture, film, map and cover of the sample

  // Exported for a new language (Thai), translated, imported into its [images.alt] table.
  test::TempFolder tmp;
  tmp.copyFrom(test::sampleContent(), "content");
  const fs::path dir = tmp.path() / "content";
  std::string po = exported(dir, "th", "po");
  const std::string ctx = "msgctxt \"sections/03-culture-tourism/03-northeast-cuisine.toml#images.0.alt\"\n";
  auto at = po.find(ctx);
  REQUIRE(at != std::string::npos);
  const auto msgid = po.find("msgid \"Illustration: a steaming white bowl", at); // from English
  CHECK(msgid != std::string::npos);
  at = po.find("msgstr \"\"", at);
  po.replace(at, 9, "msgstr \"ภาพประกอบ: ชามข้าวสีขาวที่มีไอร้อน ตะเกียบ และเกี๊ยวสามชิ้น\"");
  std::string report;
  CHECK(import(dir, po, "th.po", report) == 0);
  CAPTURE(report);
  CHECK(report.find("1 translation written in 1 file") != std::string::npos);
  const std::string item = slurpText(dir / "sections/03-culture-tourism/03-northeast-cuisine.toml");
  const auto altTable = item.find("[images.alt]");
  REQUIRE(altTable != std::string::npos);
  const auto thai = item.find("th = \"ภาพประกอบ: ชามข้าวสีขาวที่มีไอร้อน");
  CHECK(thai > altTable); // in the description's table, not the caption's

  // The lock records where each description was translated from: a changed English one flags
  // the translations made from it.
  const fs::path section = dir / "sections/06-entry-exit/section.toml";
  const auto edited = tomledit::setString(slurpText(section), {"cover_alt", "en"}, "Illustration: a globe and a passport.");
  REQUIRE(edited.ok());
  spit(section, edited.text);
  const auto lock = readLock(dir, error);
  REQUIRE(lock);
  std::set<std::string> flagged;
  for (const auto& s : staleTranslations(*readFolder(dir, error), *lock))
    if (s.key == "cover_alt") flagged.insert(s.language);
  CHECK(flagged == std::set<std::string>{"ja", "ko", "ru", "mn", "vi"});
}
