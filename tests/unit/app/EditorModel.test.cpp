// The staff editor's model on a copy of the sample: every change is in place (comments and the
// rest of the file kept), nothing unparseable is saved, a file changed on disk is read again with
// the unsaved changes made on top, and deleting is recoverable.
#include "app/EditorModel.h"
#include "core/ContentLoader.h"
#include "TempFolder.h"

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using kiosk::app::EditorModel;

namespace {
std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}
size_t errorsIn(const fs::path& dir) {
  size_t n = 0;
  for (const auto& d : kiosk::loadContent(dir).diagnostics) n += d.severity == kiosk::Diagnostic::Severity::Error;
  return n;
}
// Every file of a folder (relative path -> bytes), for "nothing else changed".
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read(e.path());
  return out;
}
} // namespace

TEST_CASE("editor model: the sample's tree, titles and languages") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), {});
  REQUIRE(m.tree().size() == 6);
  CHECK(m.tree()[1].id == "investment");
  CHECK(m.tree()[1].relative == "sections/02-investment");
  CHECK(m.tree()[1].number == 2);
  CHECK(m.tree()[1].title.at("en") == "Invest in Shenyang");
  CHECK(m.languages().front() == "zh-Hans");
  CHECK(m.languages().size() == 8);
}

TEST_CASE("editor model: a text change keeps comments and every other byte, and is saved only on save") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  const auto before = snapshot(t.path());
  EditorModel m(t.path(), {});
  const std::string file = "sections/03-culture-tourism/04-map-of-shenyang.toml";
  CHECK(m.setString(file, {"title", "en"}, "Map of the city") == "");
  CHECK(m.dirtyFiles() == std::vector<std::string>{file});
  CHECK(snapshot(t.path()) == before); // not saved yet
  CHECK(m.save().empty());
  auto after = snapshot(t.path());
  const std::string oldText = before.at(file), newText = after.at(file);
  CHECK(newText.find("en = \"Map of the city\"") != std::string::npos);
  CHECK(newText.find("# 1: opens the item \"mukden-palace\" of this section.") != std::string::npos);
  // The file differs only in that line; every other file is byte-identical.
  std::string expected = oldText;
  const std::string was = "en = \"Map of Shenyang\"";
  expected.replace(expected.find(was), was.size(), "en = \"Map of the city\"");
  CHECK(newText == expected);
  after.erase(file);
  auto others = before;
  others.erase(file);
  CHECK(after == others);
}

TEST_CASE("editor model: a new section and item with pictures, texts in three languages and a map point validate clean") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), {});
  std::string section, item;
  REQUIRE(m.addSection("Museums!", "博物馆", section) == "");
  CHECK(section == "sections/07-museums");
  REQUIRE(m.addItem(section, "liaoning-museum", "辽宁省博物馆", item) == "");
  CHECK(item == "sections/07-museums/01-liaoning-museum.toml");
  const std::string sectionFile = section + "/section.toml";
  CHECK(m.setString(sectionFile, {"title", "en"}, "Museums") == "");
  CHECK(m.setString(sectionFile, {"title", "ru"}, "Музеи") == "");
  CHECK(m.setString(item, {"title", "en"}, "Liaoning Provincial Museum") == "");
  CHECK(m.setString(item, {"title", "ru"}, "Провинциальный музей Ляонина") == "");
  CHECK(m.setString(item, {"summary", "zh-Hans"}, "辽宁省博物馆位于沈阳浑南区。") == "");
  CHECK(m.setString(item, {"summary", "en"}, "The provincial museum stands in Hunnan District.") == "");
  CHECK(m.setString(item, {"summary", "ru"}, "Провинциальный музей находится в районе Хуньнань.") == "");
  const fs::path pictures = kiosk::test::sampleContent() / "sections/03-culture-tourism/images";
  std::string stored;
  REQUIRE(m.addPicture(item, pictures / "mukden-palace-1.jpg", false, stored) == "");
  CHECK(stored == "images/mukden-palace-1.jpg");
  REQUIRE(m.addPicture(item, pictures / "mukden-palace-1.jpg", false, stored) == "");
  CHECK(stored == "images/mukden-palace-1-2.jpg"); // never over an existing file
  CHECK(m.setString(item, {"images", "0", "caption", "en"}, "The museum's hall") == "");
  REQUIRE(m.setMapPicture(item, "images/mukden-palace-1.jpg") == "");
  const auto [w, h] = m.pictureSize(item, "images/mukden-palace-1.jpg");
  REQUIRE(w > 0);
  REQUIRE(m.addMapPoint(item, w / 2, h / 3, "入口") == "");
  CHECK(m.setString(item, {"map", "points", "0", "label", "en"}, "Entrance") == "");
  CHECK(m.save().empty());
  const std::string text = read(t.path() / item);
  CHECK(text.find("# An item") == 0); // the template's comments are kept
  CHECK(text.find("[[map.points]]") != std::string::npos);
  const auto loaded = kiosk::loadContent(t.path());
  CHECK(errorsIn(t.path()) == 0);
  const auto* museums = [&]() -> const kiosk::Section* {
    for (const auto& s : loaded.content->sections)
      if (s.id == "museums") return &s;
    return nullptr;
  }();
  REQUIRE(museums);
  REQUIRE(museums->items.size() == 1);
  CHECK(museums->items[0].images.size() == 2);
  REQUIRE(museums->items[0].map);
  CHECK(museums->items[0].map->points.size() == 1);
  CHECK(museums->items[0].title.get("ru") == "Провинциальный музей Ляонина");
}

TEST_CASE("editor model: a source text that does not parse is refused and never saved") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), {});
  const std::string file = "sections/02-investment/section.toml";
  const std::string before = read(t.path() / file);
  const std::string e = m.setSource(file, "[title]\nen = \"Invest\n");
  CHECK(e.find("line 2") != std::string::npos);
  CHECK(m.dirtyFiles().empty());
  CHECK(m.save().empty());
  CHECK(read(t.path() / file) == before);
}

TEST_CASE("editor model: a file changed on disk is read again and unsaved changes are made on top") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), {});
  const std::string file = "sections/02-investment/section.toml";
  REQUIRE(m.setString(file, {"title", "en"}, "Invest here") == "");
  // Someone else edits another line of the same file meanwhile.
  std::string disk = read(t.path() / file);
  const std::string was = "ru = \"Инвестиции в Шэньян\"";
  REQUIRE(disk.find(was) != std::string::npos);
  disk.replace(disk.find(was), was.size(), "ru = \"Инвестируйте в Шэньян\"");
  { std::ofstream(t.path() / file, std::ios::binary) << disk << "# added by hand\n"; }
  fs::last_write_time(t.path() / file, fs::last_write_time(t.path() / file) + std::chrono::seconds(2));
  const auto notes = m.reloadChangedOnDisk();
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].find("made again") != std::string::npos);
  CHECK(m.save().empty());
  const std::string saved = read(t.path() / file);
  CHECK(saved.find("Инвестируйте в Шэньян") != std::string::npos); // theirs kept
  CHECK(saved.find("Invest here") != std::string::npos);            // ours made again
  CHECK(saved.find("# added by hand") != std::string::npos);
}

TEST_CASE("editor model: save never writes over a file changed on disk since it was read") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), {});
  const std::string file = "sections/02-investment/section.toml";
  REQUIRE(m.setString(file, {"title", "en"}, "Invest here") == "");
  { std::ofstream(t.path() / file, std::ios::app) << "# theirs\n"; }
  fs::last_write_time(t.path() / file, fs::last_write_time(t.path() / file) + std::chrono::seconds(2));
  const auto problems = m.save();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("changed on disk") != std::string::npos);
  CHECK(read(t.path() / file).find("# theirs") != std::string::npos);
  CHECK(read(t.path() / file).find("Invest here") == std::string::npos);
}

TEST_CASE("editor model: reorder, hide, duplicate, delete to the trash and put back") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), {});
  std::string to;
  REQUIRE(m.move("sections/02-investment/02-investor-services.toml", -1, to) == "");
  CHECK(to == "sections/02-investment/01-investor-services.toml");
  CHECK(fs::exists(t.path() / "sections/02-investment/02-industrial-base.toml"));
  CHECK(fs::exists(t.path() / "sections/02-investment/02-industrial-base.ru.md") ==
        fs::exists(kiosk::test::sampleContent() / "sections/02-investment/01-industrial-base.ru.md"));
  CHECK(m.move("sections/01-city-promotion", -1, to).find("first") != std::string::npos);
  REQUIRE(m.move("sections/01-city-promotion", +1, to) == "");
  CHECK(to == "sections/02-city-promotion");
  CHECK(errorsIn(t.path()) == 0);

  REQUIRE(m.setHidden("sections/02-city-promotion", true) == "");
  CHECK(m.save().empty());
  auto loaded = kiosk::loadContent(t.path());
  for (const auto& s : loaded.content->sections) CHECK(s.id != "city-promotion");
  REQUIRE(m.setHidden("sections/02-city-promotion", false) == "");
  CHECK(m.save().empty());

  std::string copy;
  REQUIRE(m.duplicateItem("sections/01-investment/01-investor-services.toml", copy) == "");
  CHECK(copy == "sections/01-investment/03-investor-services-copy.toml");
  REQUIRE(m.trash(copy) == "");
  CHECK(!fs::exists(t.path() / copy));
  const auto trash = m.trashed();
  REQUIRE(trash.size() == 1);
  CHECK(trash[0].original == copy);
  CHECK(errorsIn(t.path()) == 0); // .trash is not content
  REQUIRE(m.restore(trash[0]) == "");
  CHECK(fs::exists(t.path() / copy));
  CHECK(m.trashed().empty());
}

TEST_CASE("editor model: pictures the kiosk cannot show are refused with what to do") {
  kiosk::test::TempFolder t;
  t.copyFrom(kiosk::test::sampleContent());
  t.write("incoming/IMG_0001.HEIC", "not really");
  t.write("incoming/notes.docx", "x");
  EditorModel m(t.path(), {});
  const auto heic = m.checkPicture(t.path() / "incoming/IMG_0001.HEIC");
  CHECK_FALSE(heic.ok);
  CHECK(heic.problem.find("save (export) it as JPEG") != std::string::npos);
  CHECK_FALSE(m.checkPicture(t.path() / "incoming/notes.docx").ok);
  CHECK(m.checkPicture(t.path() / "sections/01-city-promotion/images/shenyang-promo.mp4").film);
}

TEST_CASE("editor model: safe names for files and ids") {
  using kiosk::app::safeFileName;
  using kiosk::app::safeId;
  CHECK(safeFileName("Photo 01 (Copy).JPG") == "photo-01-copy.jpg");
  CHECK(safeFileName("DSC.jpeg") == "dsc.jpg");
  CHECK(safeFileName("照片.png") == "picture.png");
  CHECK(safeId("Investment Forum!") == "investment-forum");
  CHECK(safeId("展会") == "");
}

TEST_CASE("editor model: the preview folder mirrors the content with unsaved changes") {
  kiosk::test::TempFolder t, p;
  t.copyFrom(kiosk::test::sampleContent());
  EditorModel m(t.path(), p.path() / "preview");
  REQUIRE(m.setString("kiosk.toml", {"kiosk", "name", "en"}, "Shenyang Preview") == "");
  m.writePreview();
  CHECK(read(p.path() / "preview/kiosk.toml").find("Shenyang Preview") != std::string::npos);
  CHECK(read(t.path() / "kiosk.toml").find("Shenyang Preview") == std::string::npos);
  CHECK(fs::exists(p.path() / "preview/sections/01-city-promotion/images/cover.jpg"));
  CHECK(errorsIn(p.path() / "preview") == 0);
  std::string created;
  REQUIRE(m.addSection("museums", "Museums", created) == "");
  REQUIRE(m.trash(created) == "");
  m.writePreview();
  CHECK_FALSE(fs::exists(p.path() / "preview/sections/07-museums"));
}
