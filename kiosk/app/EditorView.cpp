// The editor's window contents: toolbar, tree, forms, pictures and map, problems, dialogs.
// Every change goes through EditorModel; nothing here writes files itself.
#include "app/Editor.h"

#include "core/Content.h"
#include "media/ImageDecoder.h"

#include <imgui.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

namespace fs = std::filesystem;

namespace kiosk::app {

namespace {

// ImGui 1.86's InputText over a std::string (the library's imgui_stdlib is not built in Debian's).
int resizeCallback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
bool inputString(const char* id, std::string& s, bool multiline, float width, float height = 0) {
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
  if (s.capacity() < 16) s.reserve(16);
  if (multiline)
    return ImGui::InputTextMultiline(id, s.data(), s.capacity() + 1, ImVec2(width, height), flags, resizeCallback, &s);
  ImGui::SetNextItemWidth(width);
  return ImGui::InputText(id, s.data(), s.capacity() + 1, flags, resizeCallback, &s);
}

// The parsed form of a document's text, parsed again only when the text changed.
struct Parsed {
  std::string text;
  std::shared_ptr<toml::table> table;
};
std::map<std::string, Parsed>& parseCache() {
  static std::map<std::string, Parsed> cache;
  return cache;
}
const toml::table* parsed(EditorModel& model, const std::string& file) {
  const EditorDocument* d = model.open(file);
  if (!d) return nullptr;
  auto& entry = parseCache()[file];
  if (!entry.table || entry.text != d->text) {
    entry.text = d->text;
    try {
      entry.table = std::make_shared<toml::table>(toml::parse(d->text));
    } catch (const toml::parse_error&) {
      entry.table.reset();
    }
  }
  return entry.table.get();
}
const toml::node* at(const toml::table* t, const tomledit::Path& path) {
  const toml::node* n = t;
  for (const auto& part : path) {
    if (!n) return nullptr;
    if (const auto* tt = n->as_table()) n = tt->get(part);
    else if (const auto* a = n->as_array()) {
      const size_t i = static_cast<size_t>(std::atoi(part.c_str()));
      n = i < a->size() ? a->get(i) : nullptr;
    } else return nullptr;
  }
  return n;
}
std::string stringAt(const toml::table* t, const tomledit::Path& path) {
  const toml::node* n = at(t, path);
  if (const auto* s = n ? n->as_string() : nullptr) return s->get();
  return {};
}
std::string idOf(const std::string& file, const tomledit::Path& path, const std::string& extra = {}) {
  std::string id = file;
  for (const auto& p : path) id += "/" + p;
  return id + extra;
}
ImU32 colourOf(const std::string& hex) {
  unsigned r = 0x2F, g = 0x4F, b = 0x6F;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  return IM_COL32(r, g, b, 255);
}

} // namespace

void Editor::drawUi() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("editor", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings);
  drawToolbar();
  const float statusH = ImGui::GetFrameHeightWithSpacing() + 4;
  const float bodyH = ImGui::GetContentRegionAvail().y - statusH;
  const float treeW = std::max(240.0f, io.DisplaySize.x * 0.17f);
  const float rightW = std::max(360.0f, io.DisplaySize.x * 0.36f);
  ImGui::BeginChild("tree", ImVec2(treeW, bodyH), true);
  drawTree();
  ImGui::EndChild();
  ImGui::SameLine();
  const float formW = ImGui::GetContentRegionAvail().x - rightW - ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginChild("form", ImVec2(formW, bodyH), true);
  drawForm();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(rightW, bodyH), true);
  ImGui::TextUnformatted(tr("editor_preview", "Preview"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(rightW * 0.42f);
  if (ImGui::BeginCombo("##shape", kPreviewShapes[m_previewShape].name)) {
    for (int i = 0; i < 4; ++i)
      if (ImGui::Selectable(kPreviewShapes[i].name, i == m_previewShape)) m_previewShape = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##previewlang", m_previewLanguage.c_str())) {
    for (const auto& l : m_model.languages())
      if (ImGui::Selectable(l.c_str(), l == m_previewLanguage)) m_previewLanguage = l;
    ImGui::EndCombo();
  }
  // The preview's box: the preview kiosk's window is placed over it.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float boxW = ImGui::GetContentRegionAvail().x;
  // A portrait screen gets more of the column's height (the problems list is shorter then), so
  // its preview is still wide enough to read.
  const PreviewShape& shape = kPreviewShapes[m_previewShape];
  const float aspect = static_cast<float>(shape.height) / static_cast<float>(shape.width);
  const float boxH = std::min(ImGui::GetContentRegionAvail().y * (aspect > 1 ? 0.8f : 0.62f), boxW * aspect);
  m_previewX = origin.x;
  m_previewY = origin.y;
  m_previewW = boxW;
  m_previewH = boxH;
  ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + boxW, origin.y + boxH), IM_COL32(40, 40, 48, 255));
  ImGui::Dummy(ImVec2(boxW, boxH));
  drawProblems();
  ImGui::EndChild();
  // Status line.
  if (m_dropHover) ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.1f, 1), "%s", tr("editor_drop_here", "Drop the pictures to add them to the item"));
  else if (!m_status.empty())
    ImGui::TextColored(m_statusError ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.35f, 0.1f, 1), "%s", m_status.c_str());
  else ImGui::TextDisabled("%s", fs::absolute(m_model.contentDir()).string().c_str());
  drawFileDialog();
  drawResizeOffer();
  if (m_confirmQuit) ImGui::OpenPopup("quit?");
  if (ImGui::BeginPopupModal("quit?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    const auto n = m_model.dirtyFiles().size();
    ImGui::Text("%zu %s", n, n == 1 ? "file has unsaved changes." : "files have unsaved changes.");
    if (ImGui::Button(tr("editor_save_close", "Save and close"))) {
      for (const auto& p : m_model.save()) say(p, true);
      if (m_model.dirtyFiles().empty()) m_quit = true;
      m_confirmQuit = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("editor_discard_close", "Close without saving"))) m_quit = true;
    ImGui::SameLine();
    if (ImGui::Button(tr("editor_cancel", "Cancel"))) {
      m_confirmQuit = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::End();
}

void Editor::drawToolbar() {
  const auto dirty = m_model.dirtyFiles();
  ImGui::BeginDisabled(dirty.empty());
  if (ImGui::Button(tr("editor_save", "Save (Ctrl+S)"))) {
    for (const auto& p : m_model.save()) say(p, true);
    if (m_model.dirtyFiles().empty()) say(tr("editor_saved", "saved"));
    changed();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (dirty.empty()) ImGui::TextDisabled("%s", tr("editor_all_saved", "All changes saved"));
  else ImGui::TextColored(ImVec4(0.7f, 0.35f, 0, 1), "%s", trf("editor_unsaved", "{count} files not saved", {{"count", std::to_string(dirty.size())}}).c_str());
  ImGui::SameLine(0, 30);
  const auto langs = m_model.languages();
  ImGui::TextUnformatted(tr("editor_language", "Languages:"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  if (ImGui::BeginCombo("##source", m_sourceLanguage.c_str())) {
    for (const auto& l : langs)
      if (ImGui::Selectable(l.c_str(), l == m_sourceLanguage)) m_sourceLanguage = l;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("->");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  if (ImGui::BeginCombo("##target", m_targetLanguage.c_str())) {
    for (const auto& l : langs)
      if (ImGui::Selectable(l.c_str(), l == m_targetLanguage)) m_targetLanguage = l;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Checkbox(tr("editor_all_languages", "all languages"), &m_allLanguages);
  ImGui::SameLine(0, 30);
  if (m_checking) ImGui::TextDisabled("%s", tr("editor_checking", "checking..."));
  else {
    size_t errors = 0;
    for (const auto& d : m_problems) errors += d.severity == Diagnostic::Severity::Error;
    if (errors)
      ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s",
                         trf("editor_error_count", "{count} errors", {{"count", std::to_string(errors)}}).c_str());
    else if (!m_problems.empty())
      ImGui::TextColored(ImVec4(0.6f, 0.4f, 0, 1), "%s",
                         trf("editor_warning_count", "{count} warnings", {{"count", std::to_string(m_problems.size())}}).c_str());
    else ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.1f, 1), "%s", tr("editor_no_problems", "No problems"));
  }
  ImGui::Separator();
}

void Editor::drawTree() {
  const std::string def = m_model.defaultLanguage();
  auto titleOf = [&](const std::map<std::string, std::string>& t, const std::string& id) {
    auto it = t.find(m_sourceLanguage);
    if (it == t.end() || it->second.empty()) it = t.find(def);
    return it == t.end() || it->second.empty() ? id : it->second;
  };
  if (ImGui::Selectable(tr("editor_kiosk", "Kiosk: name, languages, hours"), m_selected == "kiosk.toml")) select("kiosk.toml");
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr("editor_sections", "Sections and items"));
  for (const auto& s : m_model.tree()) {
    ImGui::PushID(s.relative.c_str());
    const bool open = m_selected.rfind(s.relative, 0) == 0;
    ImGui::SetNextItemOpen(open, ImGuiCond_Always);
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (m_selected == s.relative) flags |= ImGuiTreeNodeFlags_Selected;
    if (s.hidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const std::string label = titleOf(s.title, s.id) + (s.hidden ? std::string(" (") + tr("editor_hidden", "hidden") + ")" : "");
    const bool expanded = ImGui::TreeNodeEx(label.c_str(), flags);
    if (s.hidden) ImGui::PopStyleColor();
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) select(s.relative);
    if (expanded) {
      for (const auto& i : s.items) {
        if (i.hidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        const std::string il = titleOf(i.title, i.id) + (i.hidden ? std::string(" (") + tr("editor_hidden", "hidden") + ")" : "");
        ImGui::PushID(i.relative.c_str());
        if (ImGui::Selectable(il.c_str(), m_selected == i.relative)) select(i.relative);
        ImGui::PopID();
        if (i.hidden) ImGui::PopStyleColor();
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  // What can be done to the selection.
  const EditorSection* sec = m_model.section(m_selected);
  const EditorItem* item = m_model.item(m_selected);
  std::string sectionRel = sec ? sec->relative : item ? fs::path(item->relative).parent_path().generic_string() : "";
  if (ImGui::Button(tr("editor_add_section", "+ Section"))) {
    m_newName.clear();
    ImGui::OpenPopup("new-section");
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(sectionRel.empty());
  if (ImGui::Button(tr("editor_add_item", "+ Item"))) {
    m_newName.clear();
    ImGui::OpenPopup("new-item");
  }
  ImGui::EndDisabled();
  for (const char* which : {"new-section", "new-item"}) {
    if (ImGui::BeginPopup(which)) {
      ImGui::TextUnformatted(tr("editor_name_prompt", "Name (Latin letters, for the file):"));
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      const bool enter = ImGui::InputText("##name", m_newName.data(), m_newName.capacity() + 1,
                                          ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue,
                                          [](ImGuiInputTextCallbackData* d) {
                                            auto* s = static_cast<std::string*>(d->UserData);
                                            if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
                                              s->resize(static_cast<size_t>(d->BufTextLen));
                                              d->Buf = s->data();
                                            }
                                            return 0;
                                          },
                                          &m_newName);
      if (enter || ImGui::Button("OK")) {
        std::string created, e;
        if (std::string(which) == "new-section") e = m_model.addSection(m_newName, m_newName, created);
        else e = m_model.addItem(sectionRel, m_newName, m_newName, created);
        if (e.empty()) {
          select(created);
          say(trf("editor_made", "{name} made", {{"name", created}}));
          changed();
        } else say(e, true);
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
  }
  const std::string target = item ? item->relative : sec ? sec->relative : "";
  ImGui::BeginDisabled(target.empty());
  if (ImGui::Button(tr("editor_move_up", "Up"))) {
    std::string to;
    if (auto e = m_model.move(target, -1, to); !e.empty()) say(e, true);
    else select(to), changed();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("editor_move_down", "Down"))) {
    std::string to;
    if (auto e = m_model.move(target, +1, to); !e.empty()) say(e, true);
    else select(to), changed();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!item);
  if (ImGui::Button(tr("editor_duplicate", "Duplicate"))) {
    std::string to;
    if (auto e = m_model.duplicateItem(target, to); !e.empty()) say(e, true);
    else select(to), changed();
  }
  ImGui::EndDisabled();
  const bool hidden = item ? item->hidden : sec ? sec->hidden : false;
  if (ImGui::Button(hidden ? tr("editor_show", "Show") : tr("editor_hide", "Hide"))) {
    if (auto e = m_model.setHidden(target, !hidden); !e.empty()) say(e, true);
    else say(hidden ? tr("editor_will_show", "It will show again when you save") : tr("editor_will_hide", "It will be hidden from visitors when you save")), changed();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("editor_delete", "Delete"))) ImGui::OpenPopup("delete?");
  if (ImGui::BeginPopup("delete?")) {
    ImGui::Text("%s %s?", tr("editor_delete_ask", "Move to the trash:"), target.c_str());
    if (ImGui::Button(tr("editor_delete", "Delete"))) {
      if (auto e = m_model.trash(target); !e.empty()) say(e, true);
      else say(trf("editor_trashed", "{name} moved to .trash/ (Trash below puts it back)", {{"name", target}})), select("kiosk.toml"), changed();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::EndDisabled();
  const auto trash = m_model.trashed();
  if (!trash.empty() && ImGui::CollapsingHeader(tr("editor_trash", "Trash"))) {
    for (const auto& t : trash) {
      ImGui::PushID(t.relative.c_str());
      ImGui::TextWrapped("%s (%s)", t.original.c_str(), t.when.c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton(tr("editor_restore", "Put back"))) {
        if (auto e = m_model.restore(t); !e.empty()) say(e, true);
        else say(trf("editor_restored", "{name} is back", {{"name", t.original}})), changed();
      }
      ImGui::PopID();
    }
  }
}

void Editor::textRow(const std::string& file, const tomledit::Path& path, const char* label, bool multiline) {
  const toml::table* t = parsed(m_model, file);
  std::vector<std::string> langs;
  if (m_allLanguages) langs = m_model.languages();
  else {
    langs.push_back(m_sourceLanguage);
    if (m_targetLanguage != m_sourceLanguage) langs.push_back(m_targetLanguage);
  }
  ImGui::TextUnformatted(label);
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool sideBySide = !m_allLanguages && langs.size() == 2;
  const float width = sideBySide ? (avail - ImGui::GetStyle().ItemSpacing.x) / 2 : avail - 70;
  // A body may live in its own Markdown file per language: 01-x.ru.md beside 01-x.toml.
  const bool body = path.size() == 1 && path[0] == "body";
  for (size_t i = 0; i < langs.size(); ++i) {
    const std::string& lang = langs[i];
    tomledit::Path p = path;
    p.push_back(lang);
    std::string mdFile;
    if (body) {
      const fs::path md = fs::path(file).parent_path() / (fs::path(file).stem().string() + "." + lang + ".md");
      std::error_code ec;
      if (fs::exists(m_model.contentDir() / md, ec)) mdFile = md.generic_string();
    }
    const std::string id = idOf(file, p);
    auto it = m_buffers.find(id);
    if (it == m_buffers.end()) {
      std::string value;
      if (!mdFile.empty()) {
        if (const auto* d = m_model.open(mdFile)) value = d->text;
      } else value = stringAt(t, p);
      it = m_buffers.emplace(id, value).first;
    }
    if (sideBySide && i == 1) ImGui::SameLine();
    ImGui::BeginGroup();
    const bool missing = it->second.empty();
    if (missing) ImGui::TextColored(ImVec4(0.7f, 0.35f, 0, 1), "%s  (%s)", lang.c_str(), tr("editor_missing", "no text yet"));
    else ImGui::TextDisabled("%s%s", lang.c_str(), mdFile.empty() ? "" : ("  " + fs::path(mdFile).filename().string()).c_str());
    ImGui::PushID(id.c_str());
    const float h = multiline ? (body ? 200.0f : 64.0f) : 0;
    // ImGui 1.86's multi-line box does not wrap: a long sentence ran off its right edge. Until it
    // is clicked, a text is shown wrapped in a box that looks the same; the click edits it.
    bool edited = false;
    if (multiline && m_editingText != id) {
      ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
      ImGui::BeginChild("##view", ImVec2(width, h), false);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(it->second.c_str());
      ImGui::PopTextWrapPos();
      const bool clicked = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0);
      ImGui::EndChild();
      ImGui::PopStyleColor();
      if (clicked || ImGui::IsItemClicked()) m_editingText = id, m_focusEditing = true;
    } else {
      if (multiline && m_focusEditing) ImGui::SetKeyboardFocusHere(), m_focusEditing = false;
      edited = inputString("##t", it->second, multiline, width, h);
      if (multiline && ImGui::IsItemDeactivated()) m_editingText.clear();
    }
    if (edited) {
      std::string e;
      if (!mdFile.empty()) e = m_model.setSource(mdFile, it->second);
      else if (it->second.empty()) {
        // An emptied text is taken out rather than left as "" (the loader warns about empty texts).
        e = stringAt(t, p).empty() ? std::string() : m_model.removeKey(file, p);
        if (!e.empty()) e = m_model.setString(file, p, it->second);
      } else e = m_model.setString(file, p, it->second);
      if (!e.empty()) say(e, true);
      changed();
    }
    ImGui::PopID();
    ImGui::EndGroup();
  }
  ImGui::Spacing();
}

bool Editor::datePicker(const char* id, std::string& iso) {
  bool picked = false;
  ImGui::PushID(id);
  if (ImGui::Button(iso.empty() ? tr("editor_no_date", "(no date)") : iso.c_str())) ImGui::OpenPopup("calendar");
  if (ImGui::BeginPopup("calendar")) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) {
      const std::time_t now = std::time(nullptr);
      std::tm tm{};
      localtime_r(&now, &tm);
      y = tm.tm_year + 1900;
      m = tm.tm_mon + 1;
      d = tm.tm_mday;
    }
    static int shownY = 0, shownM = 0;
    if (ImGui::IsWindowAppearing()) shownY = y, shownM = m;
    if (ImGui::ArrowButton("prev", ImGuiDir_Left)) {
      if (--shownM < 1) shownM = 12, --shownY;
    }
    ImGui::SameLine();
    ImGui::Text("%04d-%02d", shownY, shownM);
    ImGui::SameLine();
    if (ImGui::ArrowButton("next", ImGuiDir_Right)) {
      if (++shownM > 12) shownM = 1, ++shownY;
    }
    const CivilDate first{shownY, shownM, 1};
    const int startDow = first.isoWeekday() - 1; // 0: Monday
    int days = 28;
    while (days < 31 && CivilDate{shownY, shownM, days + 1}.valid()) ++days;
    const char* names[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    if (ImGui::BeginTable("days", 7, ImGuiTableFlags_SizingFixedSame)) {
      for (const char* n : names) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", n);
      }
      for (int i = 0; i < startDow; ++i) ImGui::TableNextColumn();
      for (int day = 1; day <= days; ++day) {
        ImGui::TableNextColumn();
        char label[8];
        std::snprintf(label, sizeof label, "%d", day);
        const bool chosen = shownY == y && shownM == m && day == d && !iso.empty();
        if (ImGui::Selectable(label, chosen, 0, ImVec2(26, 0))) {
          char out[16];
          std::snprintf(out, sizeof out, "%04d-%02d-%02d", shownY, shownM, day);
          iso = out;
          picked = true;
          ImGui::CloseCurrentPopup();
        }
      }
      ImGui::EndTable();
    }
    if (!iso.empty() && ImGui::Button(tr("editor_clear_date", "No date"))) {
      iso.clear();
      picked = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopID();
  return picked;
}

void Editor::drawForm() {
  if (m_selected == "kiosk.toml") drawKioskForm();
  else if (const auto* s = m_model.section(m_selected)) drawSectionForm(*s);
  else if (const auto* i = m_model.item(m_selected)) drawItemForm(*i);
  else ImGui::TextDisabled("%s", tr("editor_choose", "Choose a section or item on the left."));
  // The file's own text, for what the form has no box for.
  const std::string file = m_model.section(m_selected) ? m_selected + "/section.toml" : m_selected;
  if (const auto* d = m_model.open(file); d && ImGui::CollapsingHeader(tr("editor_file_text", "The file's text (advanced)"))) {
    std::string& buffer = m_buffers[file + "#source"];
    if (buffer.empty()) buffer = d->text;
    inputString("##source", buffer, true, -1, 320);
    if (ImGui::Button(tr("editor_apply", "Use this text"))) {
      if (auto e = m_model.setSource(file, buffer); !e.empty()) say(e, true);
      else say(trf("editor_source_changed", "{file} changed; save to keep it", {{"file", file}})), m_buffers.clear(), changed();
    }
  }
}

void Editor::drawKioskForm() {
  const std::string file = "kiosk.toml";
  const EditorDocument* d = m_model.open(file);
  if (!d) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "kiosk.toml cannot be read");
    return;
  }
  if (!d->parses) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "kiosk.toml: %s", d->parseError.c_str());
    return;
  }
  ImGui::TextUnformatted("kiosk.toml");
  ImGui::Separator();
  textRow(file, {"kiosk", "name"}, tr("editor_field_name", "Name of the kiosk"), false);
  textRow(file, {"kiosk", "tagline"}, tr("editor_field_tagline", "Tagline"), false);
  ImGui::Separator();
  ImGui::TextUnformatted(tr("editor_hours", "Opening hours (days not set are open all day)"));
  const toml::table* t = parsed(m_model, file);
  const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (const char* day : days) {
    ImGui::PushID(day);
    const std::string value = stringAt(t, {"kiosk", "opening_hours", day});
    int mode = value.empty() ? 0 : value == "closed" ? 1 : 2;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s", day);
    ImGui::SameLine(60);
    ImGui::SetNextItemWidth(150);
    const char* modes[] = {"open all day", "closed", "hours"};
    if (ImGui::Combo("##mode", &mode, modes, 3)) {
      std::string e;
      if (mode == 0) e = m_model.removeKey(file, {"kiosk", "opening_hours", day});
      else e = m_model.setString(file, {"kiosk", "opening_hours", day}, mode == 1 ? "closed" : "09:00-17:00");
      if (!e.empty()) say(e, true);
      changed();
    }
    if (mode == 2) {
      int h1 = 9, m1 = 0, h2 = 17, m2 = 0;
      std::sscanf(value.c_str(), "%d:%d-%d:%d", &h1, &m1, &h2, &m2);
      int from = h1 * 4 + m1 / 15, to = h2 * 4 + m2 / 15;
      auto timeCombo = [&](const char* id, int& slot) {
        char label[8];
        std::snprintf(label, sizeof label, "%02d:%02d", slot / 4, slot % 4 * 15);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        bool picked = false;
        if (ImGui::BeginCombo(id, label)) {
          for (int s = 0; s <= 96; ++s) {
            char l[8];
            std::snprintf(l, sizeof l, "%02d:%02d", s / 4 % 25, s % 4 * 15);
            if (s == 96) std::snprintf(l, sizeof l, "24:00");
            if (ImGui::Selectable(l, s == slot)) slot = s, picked = true;
          }
          ImGui::EndCombo();
        }
        return picked;
      };
      bool picked = timeCombo("##from", from);
      ImGui::SameLine();
      ImGui::TextUnformatted("-");
      picked |= timeCombo("##to", to);
      if (picked) {
        char v[16];
        std::snprintf(v, sizeof v, "%02d:%02d-%02d:%02d", from / 4, from % 4 * 15, to / 4, to % 4 * 15);
        if (auto e = m_model.setString(file, {"kiosk", "opening_hours", day}, v); !e.empty()) say(e, true);
        changed();
      }
    }
    ImGui::PopID();
  }
}

void Editor::drawSectionForm(const EditorSection& s) {
  const std::string file = s.relative + "/section.toml";
  const EditorDocument* d = m_model.open(file);
  if (!d || !d->parses) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: %s", file.c_str(), d ? d->parseError.c_str() : "cannot be read");
    return;
  }
  ImGui::TextUnformatted(file.c_str());
  ImGui::Separator();
  textRow(file, {"title"}, tr("editor_field_title", "Title"), false);
  textRow(file, {"subtitle"}, tr("editor_field_subtitle", "Subtitle"), false);
  const toml::table* t = parsed(m_model, file);
  const std::string colour = stringAt(t, {"colour"});
  float rgb[3] = {0.18f, 0.31f, 0.44f};
  if (colour.size() == 7) {
    const ImU32 c = colourOf(colour);
    rgb[0] = static_cast<float>(c & 0xFF) / 255.f;
    rgb[1] = static_cast<float>((c >> 8) & 0xFF) / 255.f;
    rgb[2] = static_cast<float>((c >> 16) & 0xFF) / 255.f;
  }
  if (ImGui::ColorEdit3(tr("editor_field_colour", "Colour"), rgb, ImGuiColorEditFlags_DisplayHex)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02X%02X%02X", static_cast<int>(rgb[0] * 255 + 0.5f), static_cast<int>(rgb[1] * 255 + 0.5f),
                  static_cast<int>(rgb[2] * 255 + 0.5f));
    if (auto e = m_model.setString(file, {"colour"}, hex); !e.empty()) say(e, true);
    changed();
  }
  const std::string cover = stringAt(t, {"cover"});
  ImGui::Text("%s: %s", tr("editor_field_cover", "Cover picture"), cover.empty() ? "-" : cover.c_str());
  if (!cover.empty()) textRow(file, {"cover_alt"}, tr("editor_field_alt", "Description (read aloud)"), true);
  if (!cover.empty())
    if (sf::Texture* tex = thumbnail(m_model.contentDir() / s.relative / cover, 240, 135))
      ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex->getNativeHandle())),
                   ImVec2(static_cast<float>(tex->getSize().x), static_cast<float>(tex->getSize().y)));
}

void Editor::drawItemForm(const EditorItem& item) {
  const std::string& file = item.relative;
  const EditorDocument* d = m_model.open(file);
  if (!d || !d->parses) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s: %s", file.c_str(), d ? d->parseError.c_str() : "cannot be read");
    ImGui::TextWrapped("%s", tr("editor_fix_source", "Fix the file's text below (or in a text editor); the form returns when it reads correctly."));
    return;
  }
  ImGui::TextUnformatted(file.c_str());
  ImGui::Separator();
  textRow(file, {"title"}, tr("editor_field_title", "Title"), false);
  textRow(file, {"summary"}, tr("editor_field_summary", "Summary (one sentence on the card)"), true);
  textRow(file, {"body"}, tr("editor_field_body", "Text (Markdown: **bold**, lists, ## headings)"), true);
  const toml::table* t = parsed(m_model, file);
  // Event dates.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("editor_date", "Shown from"));
  ImGui::SameLine();
  for (const char* key : {"show_from", "show_until"}) {
    const toml::node* n = at(t, {key});
    std::string iso;
    if (const auto* dt = n ? n->as_date() : nullptr) {
      char b[16];
      std::snprintf(b, sizeof b, "%04d-%02d-%02d", dt->get().year, dt->get().month, dt->get().day);
      iso = b;
    }
    if (datePicker(key, iso)) {
      const std::string e = iso.empty() ? m_model.removeKey(file, {key}) : m_model.setValue(file, {key}, iso);
      if (!e.empty()) say(e, true);
      changed();
    }
    if (std::string(key) == "show_from") {
      ImGui::SameLine();
      ImGui::TextUnformatted(tr("editor_date_until", "until"));
      ImGui::SameLine();
    }
  }
  // Link.
  {
    const std::string id = idOf(file, {"link"});
    auto it = m_buffers.find(id);
    if (it == m_buffers.end()) it = m_buffers.emplace(id, stringAt(t, {"link"})).first;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("editor_field_link", "Web address (QR code)"));
    ImGui::SameLine();
    ImGui::PushID(id.c_str());
    if (inputString("##link", it->second, false, -1)) {
      std::string e = it->second.empty() ? m_model.removeKey(file, {"link"}) : m_model.setString(file, {"link"}, it->second);
      if (!e.empty() && !it->second.empty()) say(e, true);
      changed();
    }
    ImGui::PopID();
  }
  bool attract = at(t, {"attract"}) && at(t, {"attract"})->value_or(false);
  if (ImGui::Checkbox(tr("editor_field_attract", "Its pictures are in the attract loop"), &attract)) {
    if (auto e = m_model.setValue(file, {"attract"}, attract ? "true" : "false"); !e.empty()) say(e, true);
    changed();
  }
  ImGui::Separator();
  drawPictures(file);
  ImGui::Separator();
  drawMap(file);
}

sf::Texture* Editor::thumbnail(const fs::path& file, int width, int height) {
  const std::string key = file.string() + "@" + std::to_string(width);
  std::error_code ec;
  const auto time = fs::last_write_time(file, ec);
  auto& t = m_thumbs[key];
  if (t.time != time) { // new, or the file was replaced
    t = Thumb{};
    t.time = time;
    if (isVideoPath(file)) {
      t.error = "film";
      return nullptr;
    }
    t.job = std::async(std::launch::async, [file, width, height] {
      return media::decodeImageFile(file, media::DisplaySize{width, height});
    });
  }
  if (t.job.valid() && t.job.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    auto r = t.job.get();
    if (r.ok()) {
      t.texture = std::make_unique<sf::Texture>();
      t.texture->create(static_cast<unsigned>(r.image.width), static_cast<unsigned>(r.image.height));
      t.texture->update(r.image.rgba.data());
      t.texture->setSmooth(true);
    } else t.error = r.error;
  }
  return t.texture.get();
}

void Editor::drawPictures(const std::string& file) {
  const toml::table* t = parsed(m_model, file);
  const auto* images = at(t, {"images"}) ? at(t, {"images"})->as_array() : nullptr;
  ImGui::Text("%s (%zu)", tr("editor_pictures", "Pictures and films"), images ? images->size() : size_t{0});
  ImGui::SameLine();
  if (ImGui::Button(tr("editor_add_picture", "Add picture..."))) {
    m_fileDialog = true;
    m_dialogChosen.clear();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("editor_drop_hint", "or drop files on the window"));
  if (!images) return;
  const fs::path folder = (m_model.contentDir() / file).parent_path();
  for (size_t i = 0; i < images->size(); ++i) {
    const std::string picture = stringAt(t, {"images", std::to_string(i), "file"});
    ImGui::PushID(static_cast<int>(i));
    if (sf::Texture* tex = thumbnail(folder / picture, 192, 108))
      ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex->getNativeHandle())),
                   ImVec2(static_cast<float>(tex->getSize().x), static_cast<float>(tex->getSize().y)));
    else {
      ImGui::Dummy(ImVec2(192, 108));
      ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), IM_COL32(160, 160, 160, 255));
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(picture.c_str());
    if (!isVideoPath(picture) && ImGui::SmallButton(tr("editor_use_as_map", "Use as map (points to tap)"))) {
      if (auto e = m_model.setMapPicture(file, picture); !e.empty()) say(e, true);
      else say(tr("editor_hotspot_hint", "Click the map below to place a point")), changed();
    }
    ImGui::EndGroup();
    textRow(file, {"images", std::to_string(i), "caption"}, tr("editor_field_caption", "Caption"), false);
    textRow(file, {"images", std::to_string(i), "alt"}, tr("editor_field_alt", "Description (read aloud)"), true);
    ImGui::PopID();
  }
}

void Editor::drawMap(const std::string& file) {
  const toml::table* t = parsed(m_model, file);
  const std::string picture = stringAt(t, {"map", "image"});
  if (picture.empty()) {
    ImGui::TextDisabled("%s", tr("editor_no_map", "No map: choose \"Use as map\" on a picture to place points on it."));
    return;
  }
  ImGui::Text("%s: %s", tr("editor_map", "Map"), picture.c_str());
  textRow(file, {"map", "alt"}, tr("editor_field_alt", "Description (read aloud)"), true);
  ImGui::TextDisabled("%s", tr("editor_map_hint", "Click the map to place a point"));
  const auto [pw, ph] = m_model.pictureSize(file, picture);
  const float w = std::min(ImGui::GetContentRegionAvail().x, 720.0f);
  sf::Texture* tex = thumbnail((m_model.contentDir() / file).parent_path() / picture, 720, 720);
  if (!tex || pw == 0) {
    ImGui::TextDisabled("...");
    return;
  }
  const float h = w * static_cast<float>(ph) / static_cast<float>(pw);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex->getNativeHandle())), ImVec2(w, h));
  if (ImGui::IsItemClicked()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int x = static_cast<int>((m.x - origin.x) / w * static_cast<float>(pw));
    const int y = static_cast<int>((m.y - origin.y) / h * static_cast<float>(ph));
    const auto* points = at(t, {"map", "points"}) ? at(t, {"map", "points"})->as_array() : nullptr;
    const std::string label = "Point " + std::to_string((points ? points->size() : 0) + 1);
    if (auto e = m_model.addMapPoint(file, x, y, label); !e.empty()) say(e, true);
    else say(tr("editor_point_added", "Point added: give it a name and a text below")), changed();
  }
  const auto* points = at(t, {"map", "points"}) ? at(t, {"map", "points"})->as_array() : nullptr;
  if (!points) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < points->size(); ++i) {
    const toml::node* xn = at(t, {"map", "points", std::to_string(i), "x"});
    const toml::node* yn = at(t, {"map", "points", std::to_string(i), "y"});
    const double x = xn ? xn->value_or(0.0) : 0, y = yn ? yn->value_or(0.0) : 0;
    const ImVec2 c(origin.x + static_cast<float>(x / pw) * w, origin.y + static_cast<float>(y / ph) * h);
    dl->AddCircleFilled(c, 11, IM_COL32(200, 40, 40, 255));
    dl->AddCircle(c, 11, IM_COL32(255, 255, 255, 255), 0, 2);
    const std::string n = std::to_string(i + 1);
    dl->AddText(ImVec2(c.x - ImGui::CalcTextSize(n.c_str()).x / 2, c.y - ImGui::GetFontSize() / 2), IM_COL32(255, 255, 255, 255), n.c_str());
  }
  for (size_t i = 0; i < points->size(); ++i) {
    ImGui::PushID(static_cast<int>(1000 + i));
    ImGui::Text("%s %zu", tr("editor_point", "Point"), i + 1);
    textRow(file, {"map", "points", std::to_string(i), "label"}, tr("editor_field_label", "Name on the map"), false);
    textRow(file, {"map", "points", std::to_string(i), "text"}, tr("editor_field_point_text", "Text in its bubble"), true);
    ImGui::PopID();
  }
}

void Editor::drawProblems() {
  ImGui::Separator();
  ImGui::TextUnformatted(tr("editor_problems", "Problems (checked as you type)"));
  ImGui::BeginChild("problems");
  if (m_problems.empty()) ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.1f, 1), "%s", tr("editor_no_problems", "No problems"));
  for (size_t i = 0; i < m_problems.size(); ++i) {
    const auto& d = m_problems[i];
    ImGui::PushID(static_cast<int>(i));
    const bool error = d.severity == Diagnostic::Severity::Error;
    ImGui::PushStyleColor(ImGuiCol_Text, error ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.55f, 0.35f, 0, 1));
    std::string where = d.file + (d.line ? ":" + std::to_string(d.line) : "");
    if (ImGui::Selectable(where.c_str())) {
      if (m_model.item(d.file)) select(d.file);
      else if (d.file.size() > 13 && d.file.substr(d.file.size() - 13) == "/section.toml") select(d.file.substr(0, d.file.size() - 13));
      else if (d.file == "kiosk.toml") select("kiosk.toml");
    }
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", m_staff.message(d).c_str()); // the staff's language where the problem has a code
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void Editor::drawFileDialog() {
  if (m_fileDialog) {
    ImGui::OpenPopup("add-picture");
    m_fileDialog = false;
  }
  ImGui::SetNextWindowSize(ImVec2(640, 480), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("add-picture")) return;
  ImGui::TextUnformatted(m_dialogFolder.string().c_str());
  if (ImGui::Button(tr("editor_folder_up", "Up one folder"))) m_dialogFolder = m_dialogFolder.parent_path();
  ImGui::SameLine();
  if (const char* home = std::getenv("HOME"); home && ImGui::Button(tr("editor_home_folder", "Home folder"))) m_dialogFolder = home;
  ImGui::BeginChild("files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(m_dialogFolder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string()[0] != '.') entries.push_back(*it);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    std::error_code e;
    if (a.is_directory(e) != b.is_directory(e)) return a.is_directory(e);
    return a.path().filename() < b.path().filename();
  });
  for (const auto& e : entries) {
    const std::string name = e.path().filename().string();
    if (e.is_directory(ec)) {
      if (ImGui::Selectable((name + "/").c_str())) m_dialogFolder = e.path();
      continue;
    }
    const auto check = m_model.checkPicture(e.path());
    const bool chosen = m_dialogChosen.count(e.path().string()) != 0;
    ImGui::BeginDisabled(!check.ok);
    if (ImGui::Selectable(name.c_str(), chosen, ImGuiSelectableFlags_DontClosePopups)) {
      if (chosen) m_dialogChosen.erase(e.path().string());
      else m_dialogChosen.insert(e.path().string());
    }
    ImGui::EndDisabled();
    if (!check.ok && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", check.problem.c_str());
  }
  ImGui::EndChild();
  ImGui::BeginDisabled(m_dialogChosen.empty());
  if (ImGui::Button(tr("editor_add", "Add"))) {
    dropFiles(std::vector<std::string>(m_dialogChosen.begin(), m_dialogChosen.end()));
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("editor_cancel", "Cancel"))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Editor::drawResizeOffer() {
  if (m_resizeOffer.empty()) return;
  ImGui::OpenPopup("resize?");
  if (!ImGui::BeginPopupModal("resize?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted(m_resizeQuestion.c_str());
  ImGui::TextWrapped("%s", tr("editor_resize_offer",
                              "This photo is larger than any kiosk screen shows (at most 3840 x 2160). A smaller copy "
                              "starts faster and takes less space; your original is not changed."));
  if (ImGui::Button(tr("editor_resize_yes", "Add a smaller copy"))) {
    addPictures(m_resizeOffer, true);
    m_resizeOffer.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("editor_resize_no", "Add it as it is"))) {
    addPictures(m_resizeOffer, false);
    m_resizeOffer.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

} // namespace kiosk::app
