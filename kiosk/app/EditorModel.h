#pragma once
// The staff editor's model (kiosk edit): the content folder as a tree of sections and items, the
// files open for editing, and every change staff make, as file operations. No window: the
// editor's view (ui/EditorView) and its scripts call the same functions, and tests call them on a
// temporary folder.
//
// Text changes are made to the file's own text through core/TomlEdit (only that value's
// characters change; comments, order and quoting stay) and kept until Save. A file that changed
// on disk meanwhile is read again and the unsaved changes made again on top of it, never
// overwritten. Structure changes (add, duplicate, reorder, hide, delete to the trash, pictures)
// act on the folder at once, as a file manager would; deleting moves files into .trash/ in the
// content folder (the loader and publish leave dot folders alone), from where they can be put back.
#include "core/TomlEdit.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct EditorItem {
  std::string id;       // "industrial-base"
  std::string relative; // "sections/02-investment/01-industrial-base.toml"
  int number = 0;       // the file name's order prefix, 0 for none
  bool hidden = false;
  std::map<std::string, std::string> title; // per language, as in the file
};

struct EditorSection {
  std::string id;       // "investment"
  std::string relative; // "sections/02-investment" (its section.toml is relative + "/section.toml")
  int number = 0;
  bool hidden = false;
  std::map<std::string, std::string> title;
  std::vector<EditorItem> items;
};

struct TrashEntry {
  std::string relative;  // ".trash/20261205-193000/sections/02-investment/03-x.toml"
  std::string original;  // "sections/02-investment/03-x.toml"
  std::string when;      // "2026-12-05 19:30:00"
};

// A staff file open in the editor.
struct EditorDocument {
  std::string relative; // as staff see it
  std::string text;     // what the editor shows: the disk's text with the unsaved changes made
  std::string diskText; // as last read or written
  std::uintmax_t diskSize = 0;
  std::filesystem::file_time_type diskTime{};
  bool parses = true;   // diskText parses (else only the source view can change it)
  std::string parseError;
  struct Change {
    tomledit::Path path;
    enum class Kind { String, Value, Remove, Append } kind = Kind::String;
    std::string value; // the string, the TOML literal, or the appended block
  };
  std::vector<Change> changes; // unsaved, in order: made again after a reload from disk
  bool dirty() const { return text != diskText; }
};

// What a picture to be added is, before it is copied: a film, a photo too large for the screens
// (the editor offers to make it smaller), or a file the kiosk cannot show, with a sentence.
struct PictureCheck {
  bool ok = false;
  bool film = false;
  bool tooLarge = false; // offer a smaller copy
  int width = 0, height = 0;
  std::uintmax_t bytes = 0;
  std::string problem; // when !ok: what to do
};

class EditorModel {
public:
  // `previewDir`: a folder of the editor's own that mirrors the content with the unsaved changes
  // in it, for the live preview and continuous validation; empty: none.
  EditorModel(std::filesystem::path contentDir, std::filesystem::path previewDir);

  const std::filesystem::path& contentDir() const { return m_root; }
  const std::filesystem::path& previewDir() const { return m_preview; }

  // Reads the tree again from the folder (and the open documents' unsaved titles).
  void rescan();
  const std::vector<EditorSection>& tree() const { return m_tree; }
  const EditorSection* section(const std::string& relative) const;
  const EditorItem* item(const std::string& relative) const;
  // kiosk.toml's languages, the default first; {"en"} when it gives none.
  std::vector<std::string> languages() const;
  std::string defaultLanguage() const;

  // The document for a file relative to the content folder, read on first use; null when it
  // cannot be read (`error` says why).
  EditorDocument* open(const std::string& relative, std::string* error = nullptr);
  const EditorDocument* find(const std::string& relative) const;
  std::vector<std::string> dirtyFiles() const;

  // Changes to one document's text. "" when done, else a sentence (the text is left as it was).
  std::string setString(const std::string& relative, const tomledit::Path& path, const std::string& value);
  std::string setValue(const std::string& relative, const tomledit::Path& path, const std::string& literal);
  std::string removeKey(const std::string& relative, const tomledit::Path& path);
  std::string appendTable(const std::string& relative, const tomledit::Path& array, const std::string& block);
  // Replaces the whole text (the source view). Refused when it does not parse, with the line.
  std::string setSource(const std::string& relative, const std::string& text);

  // Writes every changed document. A document that does not parse is never written; its
  // sentence is returned. Files are replaced atomically (a new file, then rename).
  std::vector<std::string> save();
  // Documents whose file changed on disk since read: read again with the unsaved changes made
  // again on top; returns a sentence for each (and for each change that no longer applies).
  std::vector<std::string> reloadChangedOnDisk();

  // Structure. Each returns "" or a sentence; `created` gets the new file or folder (relative).
  std::string addSection(const std::string& id, const std::string& title, std::string& created);
  std::string addItem(const std::string& sectionRelative, const std::string& id, const std::string& title,
                      std::string& created);
  std::string duplicateItem(const std::string& itemRelative, std::string& created);
  // Moves an item or section one place up (-1) or down (+1) by swapping the numbers in the names.
  std::string move(const std::string& relative, int delta, std::string& movedTo);
  std::string setHidden(const std::string& relative, bool hidden);
  // Moves an item (its .toml and body files) or a section folder into .trash/.
  std::string trash(const std::string& relative);
  std::vector<TrashEntry> trashed() const;
  std::string restore(const TrashEntry& entry);

  // Pictures and films.
  PictureCheck checkPicture(const std::filesystem::path& source) const;
  // Copies `source` into the item's section's images/ folder under a safe name (lower case,
  // no spaces, never overwriting) and adds an [[images]] block; with `smaller`, a JPEG copy at
  // most 3840 pixels wide and 2160 high is made instead. `stored` gets "images/name.jpg".
  std::string addPicture(const std::string& itemRelative, const std::filesystem::path& source, bool smaller,
                         std::string& stored);
  // Makes the item's picture (as written, "images/x.png") its [map], or adds a point on its map
  // at (x, y) in the picture's pixels with a label in the default language.
  std::string setMapPicture(const std::string& itemRelative, const std::string& picture);
  std::string addMapPoint(const std::string& itemRelative, int x, int y, const std::string& label);
  // A picture's size in pixels as staff see it (0 when unknown). `picture` is relative to the item's folder.
  std::pair<int, int> pictureSize(const std::string& itemRelative, const std::string& picture) const;

  // Writes the preview folder: the content as it is with the unsaved changes (text files
  // written, pictures and films linked). Cheap when little changed.
  void writePreview();

private:
  std::string apply(EditorDocument& doc, const EditorDocument::Change& change);
  std::string readTitleFrom(const std::string& relative, std::map<std::string, std::string>& title, bool& hidden);

  std::filesystem::path m_root;
  std::filesystem::path m_preview;
  std::vector<EditorSection> m_tree;
  std::map<std::string, EditorDocument> m_docs;
  std::map<std::string, std::pair<std::uintmax_t, std::filesystem::file_time_type>> m_previewed;
};

// "Photo 01 (Copy).JPG" -> "photo-01-copy.jpg": lower case ASCII letters and digits with
// hyphens, the extension kept (".jpeg" becomes ".jpg"); "picture" when nothing is left.
std::string safeFileName(const std::string& name);
// "investment-forum" from what staff typed as a name ("Investment Forum!"); "" when nothing is left.
std::string safeId(const std::string& typed);

} // namespace kiosk::app
