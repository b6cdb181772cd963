#pragma once
// kiosk edit [DIR]: the staff editor, a window for a laptop. The tree of sections and items on the
// left, a form for the one chosen in the middle (each text with its languages side by side), and
// on the right the live preview (the real kiosk, as a process of its own, inside this window) and
// the problems found, checked again after every change. Drawn with the Dear ImGui the kiosk ships.
//
// Everything staff do goes through EditorModel (app/EditorModel.h); the window only shows it.
// Scripts (--script) call the same model functions the buttons call, for end-to-end tests.
#include "app/CommandLine.h"
#include "app/EditorModel.h"
#include "core/Diagnostic.h"
#include "core/StaffStrings.h"
#include "media/ImageDecoder.h"
#include "platform/EditorWindow.h"
#include "ui/ImGuiSfml.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct ImFontAtlas;
struct ImFont;

namespace kiosk::app {

// Runs the editor on `options.contentDir`; returns the exit status.
int runEditor(const Options& options, const std::filesystem::path& assets, const char* argv0);

// The display shapes the preview offers.
struct PreviewShape {
  const char* name;
  unsigned width, height;
};
inline constexpr PreviewShape kPreviewShapes[] = {
    {"1920 x 1080 (landscape)", 1920, 1080},
    {"1080 x 1920 (portrait)", 1080, 1920},
    {"1280 x 1024 (5:4)", 1280, 1024},
    {"3840 x 2160 (4K)", 3840, 2160},
};

class Editor {
public:
  Editor(const Options& options, std::filesystem::path assets, std::string program);
  ~Editor();
  int run();

  // The editor's words in the staff language (assets/staff-strings.toml's editor_* keys),
  // else `english`.
  const char* tr(const char* key, const char* english) const;
  std::string trf(const char* key, const char* english, const StaffArgs& args) const;

  // --- drawing (EditorView.cpp) ---
  void drawUi();
  void drawToolbar();
  void drawTree();
  void drawForm();
  void drawKioskForm();
  void drawSectionForm(const EditorSection& s);
  void drawItemForm(const EditorItem& item);
  void drawPictures(const std::string& file);
  void drawMap(const std::string& file);
  void drawProblems();
  void drawFileDialog();
  void drawResizeOffer();
  // A text in every shown language, side by side; edits go to the model at once.
  void textRow(const std::string& file, const tomledit::Path& path, const char* label, bool multiline);
  bool datePicker(const char* id, std::string& iso);

  // --- actions (shared by buttons and scripts) ---
  void select(const std::string& relative);
  void changed(); // the model's text changed: preview and checks follow
  void say(std::string message, bool error = false);
  void dropFiles(const std::vector<std::string>& files);
  void addPictures(const std::vector<std::string>& files, bool smaller);
  // The selected item's file, or "" when no item is selected.
  std::string selectedItemFile() const;
  // The place the preview shows for the selection: "home", "investment", "investment/x".
  std::string previewPlace() const;

private:
  friend struct EditorScript;
  void startPreview();
  void stopPreview();
  void sendPreview(const std::string& line);
  void schedulePreviewWork();
  void collectPreviewWork();
  void buildFonts(const std::set<char32_t>& extra);
  void collectFonts();
  void loadStrings();
  void frame();
  bool runScriptStep();
  bool screenshot(const std::string& file, std::string& error);
  sf::Texture* thumbnail(const std::filesystem::path& file, int width, int height);

  Options m_options;
  std::filesystem::path m_assets;
  std::string m_program;
  std::string m_staffLanguage;
  StaffStrings m_staff;
  std::string m_editingText; // the multi-line text being edited (the others are shown wrapped)
  bool m_focusEditing = false;
  mutable std::map<std::string, std::string> m_words; // tr()'s strings, kept for ImGui's pointers
  std::vector<std::string> allWords() const;          // every editor_* string, for the font atlas

  EditorModel m_model;
  sf::RenderWindow m_window;
  std::unique_ptr<ui::ImGuiSfml> m_imgui;
  std::unique_ptr<platform::DropTarget> m_drops;

  // Fonts: built on a worker from the characters the content and words use, rebuilt when staff
  // type one that is not in the atlas yet.
  std::unique_ptr<ImFontAtlas> m_atlas;
  std::future<std::unique_ptr<ImFontAtlas>> m_fontJob;
  std::set<char32_t> m_glyphs;
  std::set<char32_t> m_missing;

 public:
  // --- view state ---
  std::string m_selected = "kiosk.toml";
  std::string m_sourceLanguage, m_targetLanguage;
  bool m_allLanguages = false;
  std::string m_previewLanguage;
  int m_previewShape = 0;
  std::string m_status;
  bool m_statusError = false;
  std::vector<Diagnostic> m_problems;
  bool m_checking = false;
  std::map<std::string, std::string> m_buffers; // text boxes being edited: id -> text
  std::string m_newName;
  bool m_fileDialog = false;
  std::filesystem::path m_dialogFolder;
  std::set<std::string> m_dialogChosen;
  std::vector<std::string> m_resizeOffer; // files waiting for "make smaller?"
  std::string m_resizeQuestion;
  float m_previewX = 0, m_previewY = 0, m_previewW = 0, m_previewH = 0; // the preview's box
  bool m_dropHover = false;
  bool m_confirmQuit = false;
  bool m_quit = false;

 private:
  // The preview: a kiosk process inside this window, on the editor's mirror of the content.
  int m_previewPid = -1;
  bool m_previewStopped = false; // it exited by itself: not started again until the shape or size changes
  std::filesystem::path m_previewLog; // its own messages (the editor's terminal stays for the editor's)
  void watchPreview();
  int m_previewInput = -1; // its standard input
  unsigned m_previewBoxW = 0, m_previewBoxH = 0, m_previewShapeRunning = 0;
  std::string m_previewLanguageRunning;
  std::chrono::steady_clock::time_point m_lastChange{};
  bool m_previewDirty = true;
  std::future<std::vector<Diagnostic>> m_previewJob;
  std::chrono::steady_clock::time_point m_lastDiskCheck{};
  std::string m_previewPlaceSent;

  struct Thumb {
    std::future<media::DecodeResult> job;
    std::unique_ptr<sf::Texture> texture;
    std::string error;
    std::filesystem::file_time_type time{};
  };
  std::map<std::string, Thumb> m_thumbs;

  // Scripts (--script): one command a step, after the window has settled.
  std::vector<std::string> m_script;
  size_t m_scriptLine = 0;
  std::chrono::steady_clock::time_point m_waitUntil{};
  int m_scriptFailures = 0;
};

} // namespace kiosk::app
