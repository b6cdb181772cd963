#include "app/Editor.h"

#include "core/ContentLoader.h"
#include "core/Utf8.h"
#include "platform/FontFinder.h"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Window/Event.hpp>
#include <imgui.h>
#include <imgui_internal.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace kiosk::app {

namespace {

using SteadyClock = std::chrono::steady_clock;

fs::path previewFolder() {
  const char* cache = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  fs::path base = cache && *cache == '/' ? fs::path(cache) / "kiosk" : fs::path(home && *home == '/' ? home : "/tmp") / ".cache/kiosk";
  return base / "editor" / std::to_string(::getpid());
}

void addText(std::set<char32_t>& out, std::string_view text) {
  std::vector<char32_t> points;
  utf8::decode(text, points);
  for (char32_t c : points)
    if (c >= 0x80 && c <= 0xFFFF) out.insert(c);
}

// The editor's font atlas: Noto Sans for Latin, Cyrillic, Greek and Vietnamese, the CJK face for
// Chinese, Japanese and Korean, then the face of every other language kiosk.toml offers, each
// adding only what the ones before lack. Worker thread: no ImGui context is touched.
std::unique_ptr<ImFontAtlas> makeAtlas(std::set<char32_t> glyphs, std::vector<std::string> languages, float px) {
  auto atlas = std::make_unique<ImFontAtlas>();
  atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
  atlas->TexDesiredWidth = 4096;
  for (char32_t c = 0x20; c < 0x250; ++c) glyphs.insert(c);
  for (auto [a, b] : {std::pair<char32_t, char32_t>{0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x1E00, 0x1EFF},
                      {0x2000, 0x206F}, {0x20A0, 0x20BF}, {0x2190, 0x21FF}, {0x2600, 0x2603}, {0x25A0, 0x25FF},
                      {0x3000, 0x303F}, {0x3040, 0x30FF}, {0xFF00, 0xFFEF}})
    for (char32_t c = a; c <= b; ++c) glyphs.insert(c);
  // Common Chinese characters (ImGui's list), so typing Chinese seldom needs a rebuild.
  for (const ImWchar* r = atlas->GetGlyphRangesChineseSimplifiedCommon(); r[0]; r += 2)
    for (unsigned c = r[0]; c <= r[1]; ++c) glyphs.insert(static_cast<char32_t>(c));
  ImFontGlyphRangesBuilder builder;
  for (char32_t c : glyphs)
    if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
  static ImVector<ImWchar> ranges; // ImGui keeps a pointer to the ranges until the atlas is built
  ranges.clear();
  builder.BuildRanges(&ranges);
  std::vector<std::string> order{"en", "zh-Hans"};
  for (const auto& l : languages)
    if (std::find(order.begin(), order.end(), l) == order.end()) order.push_back(l);
  std::set<std::string> files;
  bool first = true;
  for (const auto& lang : order) {
    const auto face = platform::findFontForLanguage(lang);
    if (!face || !files.insert(face->file + "#" + std::to_string(face->index)).second) continue;
    ImFontConfig cfg;
    cfg.FontNo = face->index;
    cfg.MergeMode = !first;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s", face->family.c_str());
    if (atlas->AddFontFromFileTTF(face->file.c_str(), px, &cfg, ranges.Data)) first = false;
  }
  if (first) atlas->AddFontDefault();
  if (!atlas->Build()) {
    atlas = std::make_unique<ImFontAtlas>();
    atlas->AddFontDefault();
    atlas->Build();
  }
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &w, &h); // converted here, not in the frame that uploads it
  return atlas;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

tomledit::Path dotted(const std::string& keys) {
  tomledit::Path p;
  std::string part;
  for (char c : keys) {
    if (c == '.') {
      p.push_back(part);
      part.clear();
    } else part += c;
  }
  p.push_back(part);
  return p;
}

} // namespace

Editor::Editor(const Options& options, fs::path assets, std::string program)
    : m_options(options), m_assets(std::move(assets)), m_program(std::move(program)),
      m_model(options.contentDir, previewFolder()) {
  loadStrings();
  const auto langs = m_model.languages();
  m_sourceLanguage = langs.front();
  m_targetLanguage = langs.size() > 1 ? langs[1] : langs.front();
  // A translator reading zh-Hans staff words most likely translates from Chinese; others from English.
  if (std::find(langs.begin(), langs.end(), "en") != langs.end() && m_sourceLanguage != "en") m_targetLanguage = "en";
  m_previewLanguage = langs.front();
  const unsigned w = options.width ? options.width : 1600, h = options.height ? options.height : 1000;
  sf::ContextSettings gl;
  m_window.create(sf::VideoMode(w, h), std::string("Kiosk editor - ") + fs::absolute(options.contentDir).string(),
                  sf::Style::Default, gl);
  // Scripted runs put the window in the screen's corner, so a screenshot of the screen holds all
  // of it (centring left it partly below the edge of a virtual screen).
  if (!options.script.empty()) m_window.setPosition(sf::Vector2i(0, 0));
  m_window.setVerticalSyncEnabled(true);
  m_window.setFramerateLimit(60);
  m_window.setActive(true);
  m_imgui = std::make_unique<ui::ImGuiSfml>();
  if (!m_imgui->rendererOk()) // nothing can be drawn; say why, where an operator looks
    std::cerr << "kiosk: the screen cannot be drawn: " << m_imgui->rendererError()
              << "; update the graphics driver (OpenGL 3.0 with GLSL 1.30 is needed)\n";
  m_imgui->enableKeyboard();
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.FrameRounding = 4;
  style.WindowRounding = 0;
  style.ItemSpacing = ImVec2(8, 6);
  style.FramePadding = ImVec2(6, 4);
  m_drops = platform::createDropTarget();
  if (std::string why; !m_drops->start(static_cast<unsigned long>(m_window.getSystemHandle()), why))
    std::cerr << "kiosk edit: " << why << "\n";
  std::set<char32_t> glyphs;
  for (const auto& w : allWords()) addText(glyphs, w);
  buildFonts(glyphs);
  if (!options.script.empty()) {
    std::ifstream f(options.script);
    if (!f) {
      std::cerr << "kiosk edit: cannot read the script " << options.script << "\n";
      m_scriptFailures = 1;
      m_quit = true;
    }
    for (std::string line; std::getline(f, line);) m_script.push_back(line);
  }
  m_dialogFolder = fs::current_path();
  m_model.writePreview();
  m_previewDirty = true;
}

Editor::~Editor() {
  stopPreview();
  if (m_fontJob.valid()) m_fontJob.wait();
  if (m_previewJob.valid()) m_previewJob.wait();
  std::error_code ec;
  if (!m_model.previewDir().empty()) fs::remove_all(m_model.previewDir(), ec);
  // The OpenGL backend's shutdown clears the font texture through io.Fonts, so the atlas must still
  // be there; ImGui does not delete it (FontAtlasOwnedByContext is false) and m_atlas frees it after.
  m_window.setActive(true);
  m_imgui.reset();
}

void Editor::loadStrings() {
  // The editor's words are the staff catalogue's (assets/staff-strings.toml, editor_* keys, ICU
  // MessageFormat) in the staff's language: --language, else kiosk.toml's staff_language, else
  // the locale. A word the catalogue lacks in that language is English's, then the code's own.
  std::string chosen = m_options.language;
  if (chosen.empty()) {
    try {
      const toml::table t = toml::parse_file((m_model.contentDir() / "kiosk.toml").string());
      chosen = t["kiosk"]["staff_language"].value_or(std::string());
    } catch (const std::exception&) {
    }
  }
  if (chosen.empty()) chosen = staffLanguage(m_options);
  std::vector<Diagnostic> problems;
  m_staff = StaffStrings::load(m_assets, chosen, problems);
  m_staffLanguage = m_staff.language();
  for (const auto& p : problems) std::cerr << "kiosk edit: " << p.format() << "\n";
  m_words.clear();
}

const char* Editor::tr(const char* key, const char* english) const {
  auto it = m_words.find(key);
  if (it == m_words.end()) {
    const bool known = !m_staff.pattern(m_staffLanguage, key).empty() || !m_staff.pattern("en", key).empty();
    it = m_words.emplace(key, known ? m_staff.get(key) : std::string(english)).first;
  }
  return it->second.c_str();
}

std::string Editor::trf(const char* key, const char* english, const StaffArgs& args) const {
  const bool known = !m_staff.pattern(m_staffLanguage, key).empty() || !m_staff.pattern("en", key).empty();
  if (known) return m_staff.get(key, args);
  std::string out = english; // the code's English, {name} filled in
  for (const auto& [name, value] : args)
    for (size_t at; (at = out.find("{" + name + "}")) != std::string::npos;) out.replace(at, name.size() + 2, value);
  return out;
}

std::vector<std::string> Editor::allWords() const {
  std::vector<std::string> out;
  for (const auto& k : m_staff.keys(m_staffLanguage))
    if (k.rfind("editor_", 0) == 0) out.push_back(m_staff.get(k, {{"count", "0"}}));
  return out;
}

void Editor::buildFonts(const std::set<char32_t>& extra) {
  if (m_fontJob.valid()) return;
  const fs::path root = m_model.contentDir();
  auto languages = m_model.languages();
  std::set<char32_t> glyphs = extra;
  glyphs.insert(m_glyphs.begin(), m_glyphs.end());
  m_fontJob = std::async(std::launch::async, [root, languages, glyphs]() mutable {
    std::error_code ec;
    size_t read = 0;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      const auto ext = it->path().extension();
      if ((ext != ".toml" && ext != ".md") || read > (32u << 20)) continue;
      std::ifstream f(it->path(), std::ios::binary);
      std::ostringstream s;
      s << f.rdbuf();
      read += s.str().size();
      addText(glyphs, s.str());
    }
    auto atlas = makeAtlas(glyphs, languages, 18.0f);
    return atlas;
  });
  m_glyphs = glyphs;
}

void Editor::collectFonts() {
  if (!m_fontJob.valid() || m_fontJob.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  auto atlas = m_fontJob.get();
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.FontAtlasOwnedByContext) {
    IM_DELETE(g.IO.Fonts);
    g.FontAtlasOwnedByContext = false;
  }
  m_atlas = std::move(atlas);
  g.IO.Fonts = m_atlas.get();
  g.IO.FontDefault = m_atlas->Fonts.empty() ? nullptr : m_atlas->Fonts[0];
  m_imgui->fontsChanged();
  // Characters found in the atlas now; any typed since are built next.
  std::set<char32_t> still;
  for (char32_t c : m_missing)
    if (!m_atlas->Fonts.empty() && !m_atlas->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c))) still.insert(c);
  m_missing.clear();
  for (char32_t c : still) m_glyphs.insert(c);
}

// --- the preview -----------------------------------------------------------------------------

void Editor::startPreview() {
  stopPreview();
  const auto& shape = kPreviewShapes[m_previewShape];
  if (m_previewW < 50 || m_previewH < 50) return;
  // The kiosk draws at least 320x240: a smaller box is scaled up to that (and overhangs its box).
  const float fit = std::min(m_previewW / static_cast<float>(shape.width), m_previewH / static_cast<float>(shape.height));
  const float scale = std::max({fit, 320.0f / static_cast<float>(shape.width), 240.0f / static_cast<float>(shape.height)});
  m_previewBoxW = static_cast<unsigned>(std::ceil(shape.width * scale));
  m_previewBoxH = static_cast<unsigned>(std::ceil(shape.height * scale));
  int fds[2];
  if (::pipe(fds) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  const fs::path state = m_model.previewDir().parent_path() / (m_model.previewDir().filename().string() + "-state");
  std::error_code ec;
  fs::create_directories(state, ec);
  // The preview's messages name the mirror folder and repeat what the problems list says: they go
  // to a file, read back only when the preview stops by itself.
  m_previewLog = state / "preview.log";
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, m_previewLog.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> args{m_program,
                                "--windowed",
                                "--embed-into",
                                std::to_string(static_cast<unsigned long>(m_window.getSystemHandle())),
                                "--control-stdin",
                                "--size",
                                std::to_string(m_previewBoxW) + "x" + std::to_string(m_previewBoxH),
                                "--log-file",
                                "none",
                                "--state-dir",
                                state.string(),
                                "--assets",
                                m_assets.string(),
                                m_model.previewDir().string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, m_program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (rc != 0) {
    ::close(fds[1]);
    say(trf("editor_preview_failed", "The preview could not start: {reason}", {{"reason", std::strerror(rc)}}), true);
    return;
  }
  m_previewPid = pid;
  m_previewStopped = false;
  m_previewInput = fds[1];
  m_previewShapeRunning = static_cast<unsigned>(m_previewShape);
  m_previewLanguageRunning.clear();
  m_previewPlaceSent.clear();
}

void Editor::stopPreview() {
  if (m_previewInput >= 0) {
    ::close(m_previewInput); // the end of its input closes it
    m_previewInput = -1;
  }
  if (m_previewPid > 0) {
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(m_previewPid, nullptr, WNOHANG) == m_previewPid) {
        m_previewPid = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (m_previewPid > 0) {
      ::kill(m_previewPid, SIGTERM);
      ::waitpid(m_previewPid, nullptr, 0);
      m_previewPid = -1;
    }
  }
}

void Editor::watchPreview() {
  if (m_previewPid <= 0) return;
  int status = 0;
  if (::waitpid(m_previewPid, &status, WNOHANG) != m_previewPid) return;
  m_previewPid = -1;
  m_previewStopped = true;
  if (m_previewInput >= 0) ::close(m_previewInput), m_previewInput = -1;
  std::ifstream f(m_previewLog);
  std::string line, last;
  while (std::getline(f, line))
    if (!line.empty()) last = line;
  const std::string mirror = m_model.previewDir().string() + "/";
  for (size_t at; !mirror.empty() && (at = last.find(mirror)) != std::string::npos;) last.erase(at, mirror.size());
  say(std::string(tr("editor_preview_stopped", "The preview stopped")) + (last.empty() ? "" : ": " + last), true);
}

void Editor::sendPreview(const std::string& line) {
  if (m_previewInput < 0) return;
  const std::string l = line + "\n";
  if (::write(m_previewInput, l.data(), l.size()) < 0) {
    ::close(m_previewInput);
    m_previewInput = -1;
  }
}

std::string Editor::selectedItemFile() const { return m_model.item(m_selected) ? m_selected : std::string(); }

std::string Editor::previewPlace() const {
  for (const auto& s : m_model.tree()) {
    if (s.relative == m_selected || m_selected == s.relative + "/section.toml") return s.id;
    for (const auto& i : s.items)
      if (i.relative == m_selected) return s.id + "/" + i.id;
  }
  return "home";
}

void Editor::changed() {
  m_previewDirty = true;
  m_lastChange = SteadyClock::now();
}

void Editor::schedulePreviewWork() {
  if (!m_previewDirty || m_previewJob.valid()) return;
  if (SteadyClock::now() - m_lastChange < std::chrono::milliseconds(250)) return; // a pause in typing
  m_previewDirty = false;
  m_model.writePreview(); // small text files; pictures are linked once
  const fs::path dir = m_model.previewDir();
  m_checking = true;
  m_previewJob = std::async(std::launch::async, [dir] {
    auto diagnostics = loadContent(dir).diagnostics;
    // The mirror's files are the staff's files: name them as in the content folder.
    const std::string prefix = dir.filename().string() + "/";
    for (auto& d : diagnostics)
      if (d.file.rfind(prefix, 0) == 0) d.file = d.file.substr(prefix.size());
    return diagnostics;
  });
}

void Editor::collectPreviewWork() {
  if (!m_previewJob.valid() || m_previewJob.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  m_problems = m_previewJob.get();
  m_checking = false;
  m_previewPlaceSent.clear(); // the preview reloads: show the place again
}

// --- frames ----------------------------------------------------------------------------------

void Editor::say(std::string message, bool error) {
  m_status = std::move(message);
  m_statusError = error;
  if (!m_options.script.empty()) std::cerr << "kiosk edit: " << (error ? "error: " : "") << m_status << "\n";
}

void Editor::select(const std::string& relative) {
  m_selected = relative;
  m_buffers.clear();
  m_previewPlaceSent.clear();
}

void Editor::dropFiles(const std::vector<std::string>& files) {
  if (selectedItemFile().empty()) {
    say(tr("editor_drop_needs_item", "choose an item on the left first, then drop its pictures on the window"), true);
    return;
  }
  std::vector<std::string> fine, large;
  for (const auto& f : files) {
    const auto check = m_model.checkPicture(f);
    if (!check.ok) say(check.problem, true);
    else if (check.tooLarge) large.push_back(f);
    else fine.push_back(f);
  }
  addPictures(fine, false);
  if (!large.empty()) {
    m_resizeOffer = large;
    const auto check = m_model.checkPicture(large.front());
    m_resizeQuestion = fs::path(large.front()).filename().string() + ": " + std::to_string(check.width) + " x " +
                       std::to_string(check.height) + ", " + std::to_string(check.bytes / (1024 * 1024)) + " MB";
  }
}

void Editor::addPictures(const std::vector<std::string>& files, bool smaller) {
  const std::string item = selectedItemFile();
  int added = 0;
  for (const auto& f : files) {
    std::string stored;
    if (auto e = m_model.addPicture(item, f, smaller, stored); !e.empty()) say(e, true);
    else ++added;
  }
  if (added > 0) {
    say(trf("editor_pictures_added", "{count} pictures added; save to keep them in the item", {{"count", std::to_string(added)}}));
    changed();
  }
}

bool Editor::screenshot(const std::string& file, std::string& error) {
  unsigned w = 0, h = 0;
  std::vector<std::uint8_t> rgba;
  if (!platform::grabWindow(static_cast<unsigned long>(m_window.getSystemHandle()), w, h, rgba, error)) return false;
  sf::Image image;
  image.create(w, h, rgba.data());
  fs::create_directories(fs::path(file).parent_path());
  if (!image.saveToFile(file)) {
    error = "cannot write " + file;
    return false;
  }
  return true;
}

void Editor::frame() {
  sf::Event event;
  while (m_window.pollEvent(event)) {
    if (event.type == sf::Event::Closed) {
      if (m_model.dirtyFiles().empty()) m_quit = true;
      else m_confirmQuit = true;
    } else if (event.type == sf::Event::Resized) {
      m_window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width), static_cast<float>(event.size.height))));
    } else if (event.type == sf::Event::TextEntered && m_atlas && !m_atlas->Fonts.empty() && event.text.unicode >= 0x80 &&
               event.text.unicode <= 0xFFFF && !m_atlas->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(event.text.unicode))) {
      m_missing.insert(event.text.unicode);
    }
    if (event.type == sf::Event::KeyPressed && event.key.control && event.key.code == sf::Keyboard::S) {
      for (const auto& p : m_model.save()) say(p, true);
      if (m_model.dirtyFiles().empty()) say(tr("editor_saved", "saved"));
      changed();
    }
    m_imgui->processEvent(event);
  }
  for (const auto& drop : m_drops->poll()) dropFiles(drop.files);
  int hx = 0, hy = 0;
  m_dropHover = m_drops->hovering(hx, hy);
  collectFonts();
  if (!m_missing.empty()) buildFonts(m_missing);
  collectPreviewWork();
  if (SteadyClock::now() - m_lastDiskCheck > std::chrono::seconds(1)) {
    m_lastDiskCheck = SteadyClock::now();
    for (const auto& note : m_model.reloadChangedOnDisk()) {
      say(note);
      changed();
    }
  }
  schedulePreviewWork();

  const auto size = m_window.getSize();
  static auto last = SteadyClock::now();
  const auto now = SteadyClock::now();
  m_imgui->newFrame(static_cast<float>(size.x), static_cast<float>(size.y),
                    std::chrono::duration<float>(now - last).count());
  last = now;
  drawUi();
  // The preview follows the box the view laid out, the shape and the language chosen.
  watchPreview();
  if ((m_previewPid < 0 && !m_previewStopped) || m_previewShapeRunning != static_cast<unsigned>(m_previewShape)) startPreview();
  if (m_previewPid > 0) {
    const auto& shape = kPreviewShapes[m_previewShape];
    const float fit = std::min(m_previewW / static_cast<float>(shape.width), m_previewH / static_cast<float>(shape.height));
    const float scale = std::max({fit, 320.0f / static_cast<float>(shape.width), 240.0f / static_cast<float>(shape.height)});
    const unsigned bw = static_cast<unsigned>(std::ceil(shape.width * scale));
    if (bw > m_previewBoxW + 8 || bw + 8 < m_previewBoxW) startPreview(); // the window was resized
    // Centred in its box (a portrait screen is narrower than the column).
    const float left = m_previewX + std::max(0.0f, (m_previewW - static_cast<float>(m_previewBoxW)) / 2);
    platform::placeEmbedded(static_cast<unsigned long>(m_window.getSystemHandle()), static_cast<int>(left),
                            static_cast<int>(m_previewY), m_previewBoxW, m_previewBoxH);
    if (m_previewLanguageRunning != m_previewLanguage) {
      sendPreview("language " + m_previewLanguage);
      m_previewLanguageRunning = m_previewLanguage;
      m_previewPlaceSent.clear();
    }
    const std::string place = previewPlace();
    if (place != m_previewPlaceSent) {
      sendPreview("open " + place);
      m_previewPlaceSent = place;
    }
  }
  m_window.clear(sf::Color(240, 240, 240));
  m_imgui->render();
  m_window.display();
}

bool Editor::runScriptStep() {
  if (m_scriptLine >= m_script.size()) return false;
  if (SteadyClock::now() < m_waitUntil) return true;
  if (m_fontJob.valid() || m_previewJob.valid() || m_previewDirty) return true; // settle first
  const std::string line = trim(m_script[m_scriptLine++]);
  if (line.empty() || line[0] == '#') return true;
  std::istringstream in(line);
  std::string verb;
  in >> verb;
  std::string rest;
  std::getline(in, rest);
  rest = trim(rest);
  auto fail = [&](const std::string& why) {
    std::cerr << "kiosk edit: script line " << m_scriptLine << ": " << why << "\n";
    ++m_scriptFailures;
  };
  auto word = [&]() {
    const auto sp = rest.find(' ');
    std::string w = rest.substr(0, sp);
    rest = sp == std::string::npos ? "" : trim(rest.substr(sp + 1));
    return w;
  };
  std::string e;
  if (verb == "new-section") {
    const std::string id = word();
    std::string created;
    e = m_model.addSection(id, rest, created);
    if (e.empty()) select(created), changed();
  } else if (verb == "new-item") {
    const std::string section = word(), id = word();
    std::string created;
    e = m_model.addItem(section, id, rest, created);
    if (e.empty()) select(created), changed();
  } else if (verb == "select") {
    select(rest);
  } else if (verb == "set") { // set title.en Text...
    const std::string key = word();
    const std::string file = m_model.section(m_selected) ? m_selected + "/section.toml" : m_selected;
    e = m_model.setString(file, dotted(key), rest);
    m_buffers.clear();
    changed();
  } else if (verb == "value") { // value show_from 2026-12-01
    const std::string key = word();
    const std::string file = m_model.section(m_selected) ? m_selected + "/section.toml" : m_selected;
    e = m_model.setValue(file, dotted(key), rest);
    m_buffers.clear();
    changed();
  } else if (verb == "drop") { // the same path as files dropped from a file manager
    // One file per line, the rest of the line its name (names from cameras and phones have spaces).
    dropFiles({fs::absolute(rest).string()});
    if (m_statusError) e = m_status;
  } else if (verb == "resize") { // answers the "make it smaller?" offer: resize yes|no
    const bool yes = word() == "yes";
    addPictures(m_resizeOffer, yes);
    m_resizeOffer.clear();
  } else if (verb == "map") {
    e = m_model.setMapPicture(selectedItemFile(), rest);
    changed();
  } else if (verb == "hotspot") { // hotspot FX FY LABEL: a click at that fraction of the map picture
    const std::string file = selectedItemFile();
    const double fx = std::atof(word().c_str()), fy = std::atof(word().c_str());
    std::string picture;
    try {
      picture = toml::parse(m_model.find(file) ? m_model.find(file)->text : "")["map"]["image"].value_or(std::string());
    } catch (const std::exception&) {
    }
    const auto [w, h] = m_model.pictureSize(file, picture);
    if (w == 0) e = "the item has no map picture to place a point on";
    else e = m_model.addMapPoint(file, static_cast<int>(fx * w), static_cast<int>(fy * h), rest);
    changed();
  } else if (verb == "hide" || verb == "show") {
    e = m_model.setHidden(m_selected, verb == "hide");
    changed();
  } else if (verb == "preview") { // preview LANG [SHAPE-INDEX]
    m_previewLanguage = word();
    if (!rest.empty()) m_previewShape = std::clamp(std::atoi(rest.c_str()), 0, 3);
  } else if (verb == "save") {
    for (const auto& p : m_model.save()) e += p + "; ";
    changed();
  } else if (verb == "wait") {
    m_waitUntil = SteadyClock::now() + std::chrono::milliseconds(static_cast<int>(std::atof(rest.c_str()) * 1000));
  } else if (verb == "screenshot") {
    std::string error;
    if (!screenshot((fs::path(m_options.screenshotDir) / (rest + ".png")).string(), error)) e = error;
  } else if (verb == "expect-errors") { // expect-errors N: errors found by the checks now
    size_t errors = 0;
    for (const auto& d : m_problems) errors += d.severity == Diagnostic::Severity::Error;
    if (std::to_string(errors) != rest) {
      e = "expected " + rest + " errors, found " + std::to_string(errors);
      for (const auto& d : m_problems) e += "\n  " + d.format();
    }
  } else if (verb == "quit") {
    m_quit = true;
  } else {
    e = "unknown command '" + verb + "'";
  }
  if (!e.empty()) fail(e);
  return true;
}

int Editor::run() {
  std::string error;
  while (m_window.isOpen() && !m_quit) {
    frame();
    if (!m_script.empty() && !runScriptStep()) m_quit = true;
  }
  if (!m_model.dirtyFiles().empty() && m_script.empty())
    std::cerr << "kiosk edit: closed with unsaved changes in " << m_model.dirtyFiles().size() << " files\n";
  return m_scriptFailures ? 1 : 0;
}

int runEditor(const Options& options, const fs::path& assets, const char* argv0) {
  std::error_code ec;
  if (!fs::is_directory(options.contentDir, ec)) {
    std::cerr << "kiosk edit: " << options.contentDir << " is not a folder; give the content folder, like kiosk edit content\n";
    return 2;
  }
  const fs::path self = fs::canonical("/proc/self/exe", ec);
  Editor editor(options, assets, ec ? std::string(argv0) : self.string());
  return editor.run();
}

} // namespace kiosk::app
