// The staff admin view: PIN pad, panel and test pattern (see AdminView.h). Staff-facing text is
// English; content text inside messages (titles in any script) is set by the same text engine
// as the visitor's screens, so nothing shows as boxes here either.
#include "ui/AdminView.h"
#include "ui/ScreensDraw.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui {
namespace {


ImU32 levelColour(int level) {
  if (level >= 2) return toImColor(0xFF8A7AFF);
  if (level == 1) return toImColor(0xF2C94CFF);
  return toImColor(pal().text);
}

// A square key of the PIN pad with a centred label; true when tapped.
bool padKey(Screens::Ctx& c, FontRef kStaff, const std::string& name, ImVec2 a, float side, const std::string& label, float size, bool enabled) {
  bool held = false;
  const bool tapped = touchTarget(c.f.targets, name, a, ImVec2(a.x + side, a.y + side), &held) && enabled;
  const ImVec2 b(a.x + side, a.y + side);
  c.dl->AddRectFilled(a, b, toImColor(held && enabled ? pal().buttonPressed : pal().button), c.u(Theme::kRounding));
  if (pal().outlines) c.dl->AddRect(a, b, toImColor(pal().text, 0.8f), c.u(Theme::kRounding), 0, 2);
  const float w = textWidth(c, kStaff, size, label);
  putText(c, kStaff, size, ImVec2(std::round(a.x + (side - w) / 2), std::round(a.y + (side - size) / 2 - size * 0.06f)),
          toImColor(pal().text, enabled ? 1.0f : 0.4f), label);
  return tapped;
}

} // namespace

void Screens::drawPinPad(Ctx& c, AdminModel& admin) {
  const FontRef kStaff = &admin.language; // staff words are set as their language is
  // The screen beneath is dimmed; the pad stands in the middle, keys at least 9 mm.
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), IM_COL32(0, 0, 0, 190));
  const float key = std::max(c.u(0.105f), c.minTarget), gap = c.u(0.018f), pad = c.u(0.035f);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body);
  const float cardW = key * 3 + gap * 2 + pad * 2;
  const float cardH = pad + title * 1.4f + key * 0.55f + body * 1.5f + (key + gap) * 4 + key * 0.7f + pad;
  const ImVec2 a(std::round((c.W - cardW) / 2), std::round(std::max(0.0f, (c.H - cardH) / 2)));
  c.dl->AddRectFilled(a, ImVec2(a.x + cardW, a.y + cardH), toImColor(pal().card), c.u(Theme::kRounding) * 2);
  float y = a.y + pad;
  const std::string heading = admin.word("admin_pin_title", "Staff PIN");
  putText(c, kStaff, title, ImVec2(std::round(a.x + (cardW - textWidth(c, kStaff, title, heading)) / 2), y), toImColor(pal().text), heading);
  y += std::round(title * 1.4f);
  // One dot per digit typed (never the digits), empty rings up to four.
  const float r = std::round(key * 0.09f);
  const size_t shown = std::max<size_t>(4, admin.digits.size());
  const float dotsW = static_cast<float>(shown) * r * 3;
  for (size_t i = 0; i < shown; ++i) {
    const ImVec2 centre(a.x + (cardW - dotsW) / 2 + r * 1.5f + static_cast<float>(i) * r * 3, y + key * 0.25f);
    if (i < admin.digits.size()) c.dl->AddCircleFilled(centre, r, toImColor(c.accent()), 24);
    else c.dl->AddCircle(centre, r, toImColor(pal().textMuted), 24, std::max(1.5f, r * 0.2f));
  }
  y += std::round(key * 0.55f);
  const std::string message = admin.checking ? admin.word("admin_checking", "Checking...") : admin.pinMessage;
  if (!message.empty())
    putText(c, kStaff, body, ImVec2(std::round(a.x + (cardW - textWidth(c, kStaff, body, message)) / 2), y),
            toImColor(admin.checking ? pal().textMuted : 0xFFB4A8FF), message);
  y += std::round(body * 1.5f);
  const bool enabled = !admin.checking;
  const std::string labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", admin.word("admin_delete", "Del"), "0",
                                  admin.word("admin_ok", "OK")};
  for (int i = 0; i < 12; ++i) {
    const ImVec2 k(a.x + pad + static_cast<float>(i % 3) * (key + gap), y + static_cast<float>(i / 3) * (key + gap));
    const std::string label = labels[i];
    const std::string name = i == 9 ? std::string("pin:del") : i == 11 ? std::string("pin:ok") : "pin:" + label;
    if (!padKey(c, kStaff, name, k, key, label, label.size() == 1 ? title : body, enabled)) continue;
    if (i == 9) admin.action = AdminModel::Action::Delete;
    else if (i == 11) admin.action = AdminModel::Action::SubmitPin;
    else {
      admin.action = AdminModel::Action::Digit;
      admin.digit = label[0];
    }
  }
  y += (key + gap) * 4;
  const float bh = c.target(Theme::kButtonHeight) * 0.85f;
  const std::string cancel = admin.word("admin_cancel", "Cancel");
  const float cw = pillWidth(c, bh, Icon::None, cancel, kStaff, body);
  if (pillButton(c, "pin:cancel", ImVec2(std::round(a.x + (cardW - cw) / 2), std::round(y)), bh, Icon::None, cancel, kStaff, body, false, nullptr))
    admin.action = AdminModel::Action::Cancel;
}

void Screens::drawAdminPanel(Ctx& c, AdminModel& admin) {
  const FontRef kStaff = &admin.language;
  c.dl->AddRectFilled(ImVec2(0, 0), ImVec2(c.W, c.H), toImColor(pal().bar));
  const float m = c.u(Theme::kMargin), gap = c.u(Theme::kGap);
  const float title = c.size(TextRole::Title), body = c.size(TextRole::Body), small = c.size(TextRole::Caption);
  float y = m;
  putText(c, kStaff, title, ImVec2(m, y), toImColor(pal().text), admin.title);
  y += std::round(title * 1.6f);
  // Actions along the bottom, in reach; Exit asks to be tapped twice.
  const float bh = c.target(Theme::kButtonHeight);
  const float barY = c.H - m - bh;
  struct Button {
    const char* name;
    std::string label;
    AdminModel::Action action;
  };
  const Button buttons[] = {
      {"admin:reload", admin.word("admin_reload", "Reload content"), AdminModel::Action::Reload},
      {"admin:attract", admin.word("admin_attract", "Start attract loop"), AdminModel::Action::Attract},
      {"admin:pattern", admin.word("admin_pattern", "Test pattern"), AdminModel::Action::TestPattern},
      {"admin:exit", admin.exitArmed ? admin.word("admin_exit_again", "Tap again to exit") : admin.word("admin_exit", "Exit kiosk"),
       AdminModel::Action::Exit},
      {"admin:close", admin.word("admin_close", "Close"), AdminModel::Action::Close},
  };
  // One size for all five: the body size when they fit in a row, else the caption size.
  float row = 0;
  for (const auto& b : buttons) row += pillWidth(c, bh, Icon::None, b.label, kStaff, body) + gap * 0.6f;
  const float size = row <= c.W - 2 * m ? body : small;
  float x = m;
  for (const auto& b : buttons) {
    float w = 0;
    if (pillButton(c, b.name, ImVec2(x, barY), bh, Icon::None, b.label, kStaff, size, b.action == AdminModel::Action::Exit && admin.exitArmed, &w))
      admin.action = b.action;
    x += w + gap * 0.6f;
  }
  // Landscape: status and translations on the left, problems on the right; portrait: stacked.
  const float top = y, bottom = barY - gap;
  const bool wide = c.W > c.H;
  const float colW = wide ? std::round((c.W - 2 * m - gap) * 0.45f) : c.W - 2 * m;
  auto section = [&](const std::string& heading, const std::vector<AdminModel::Line>& lines, ImVec2 at, float width, float height, const char* key) {
    putText(c, kStaff, body, at, toImColor(c.accent()), heading);
    const ImVec2 a(at.x, at.y + std::round(body * 1.5f)), b(at.x + width, at.y + height);
    float& contentH = m_heights[key];
    const float scroll = dragScroll(key, a, b, contentH);
    ImGui::PushClipRect(a, b, true);
    float ly = a.y - scroll;
    for (const auto& l : lines) ly = drawBlock(c, kStaff, small, l.text, ImVec2(a.x, ly), width, levelColour(l.level), 6, 1.3f) + small * 0.35f;
    if (lines.empty()) drawBlock(c, kStaff, small, admin.word("admin_nothing", "Nothing to report."), ImVec2(a.x, ly), width, toImColor(pal().textMuted), 1, 1.3f);
    ImGui::PopClipRect();
    contentH = ly + scroll - a.y;
    drawScrollHints(c, a, b, contentH, scroll);
  };
  if (wide) {
    const float statusH = std::round((bottom - top) * 0.58f);
    section(admin.word("admin_status", "Status"), admin.status, ImVec2(m, top), colW, statusH - gap, "admin:status");
    section(admin.word("admin_translations", "Translations"), admin.translations, ImVec2(m, top + statusH), colW, bottom - top - statusH, "admin:translations");
    section(admin.word("admin_problems", "Problems and recent errors"), admin.problems, ImVec2(m + colW + gap * 2, top), c.W - 2 * m - colW - gap * 2, bottom - top,
            "admin:problems");
  } else {
    const float h = std::round((bottom - top) / 3);
    section(admin.word("admin_status", "Status"), admin.status, ImVec2(m, top), colW, h - gap, "admin:status");
    section(admin.word("admin_problems", "Problems and recent errors"), admin.problems, ImVec2(m, top + h), colW, h - gap, "admin:problems");
    section(admin.word("admin_translations", "Translations"), admin.translations, ImVec2(m, top + 2 * h), colW, bottom - top - 2 * h, "admin:translations");
  }
}

void Screens::drawTestPattern(Ctx& c, AdminModel& admin) {
  static const std::string kEnglish = "en";
  const FontRef kStaff = &kEnglish; // the pattern's label is English and digits
  ImDrawList* dl = c.dl;
  const float W = c.W, H = c.H;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(W, H), IM_COL32(0, 0, 0, 255));
  // Colour bars (top third): a dead or stuck sub-pixel, a wrong colour order or a cable that
  // drops a channel shows at once.
  const ImU32 bars[] = {IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 0, 255), IM_COL32(0, 255, 255, 255), IM_COL32(0, 255, 0, 255),
                        IM_COL32(255, 0, 255, 255),   IM_COL32(255, 0, 0, 255),   IM_COL32(0, 0, 255, 255),   IM_COL32(0, 0, 0, 255)};
  for (int i = 0; i < 8; ++i)
    dl->AddRectFilled(ImVec2(std::round(W * i / 8), 0), ImVec2(std::round(W * (i + 1) / 8), std::round(H / 3)), bars[i]);
  // A grey ramp in 32 steps (middle third): banding, crushed blacks or clipped whites.
  for (int i = 0; i < 32; ++i) {
    const int v = i * 255 / 31;
    dl->AddRectFilled(ImVec2(std::round(W * i / 32), std::round(H / 3)), ImVec2(std::round(W * (i + 1) / 32), std::round(H * 0.55f)),
                      IM_COL32(v, v, v, 255));
  }
  // A one-pixel grid every 5% of the short side (lower part): geometry, scaling, focus.
  const float step = std::round(std::min(W, H) * 0.05f);
  for (float gx = 0; gx < W; gx += step) dl->AddRectFilled(ImVec2(gx, std::round(H * 0.55f)), ImVec2(gx + 1, H), IM_COL32(90, 90, 90, 255));
  for (float gy = std::round(H * 0.55f); gy < H; gy += step) dl->AddRectFilled(ImVec2(0, gy), ImVec2(W, gy + 1), IM_COL32(90, 90, 90, 255));
  // A one-pixel white frame at the very edge: overscan or a shifted picture cuts it.
  dl->AddRect(ImVec2(0.5f, 0.5f), ImVec2(W - 0.5f, H - 0.5f), IM_COL32(255, 255, 255, 255), 0, 0, 1);
  // Where the finger is: a cross, to check touch and picture line up.
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDown[0]) {
    const ImVec2 p = io.MousePos;
    const float s = c.u(0.05f);
    dl->AddLine(ImVec2(p.x - s, p.y), ImVec2(p.x + s, p.y), IM_COL32(255, 60, 60, 255), 2);
    dl->AddLine(ImVec2(p.x, p.y - s), ImVec2(p.x, p.y + s), IM_COL32(255, 60, 60, 255), 2);
  }
  char label[96];
  std::snprintf(label, sizeof label, "%d x %d  \u00B7  tap twice quickly to go back", static_cast<int>(W), static_cast<int>(H));
  const float body = c.size(TextRole::Body);
  const ImVec2 at(std::round(W * 0.03f), std::round(H * 0.6f));
  const float w = textWidth(c, kStaff, body, label);
  dl->AddRectFilled(ImVec2(at.x - body * 0.5f, at.y - body * 0.4f), ImVec2(at.x + w + body * 0.5f, at.y + body * 1.4f), IM_COL32(0, 0, 0, 255),
                    body * 0.3f);
  putText(c, kStaff, body, at, IM_COL32(255, 255, 255, 255), label);
  // The whole screen is one target, so single touches can be checked anywhere: a double tap
  // (two within 0.4 s) goes back to the panel.
  if (touchTarget(c.f.targets, "pattern", ImVec2(0, 0), ImVec2(W, H))) {
    if (c.f.now - m_patternTap < 0.4) admin.action = AdminModel::Action::Close;
    m_patternTap = c.f.now;
  }
}

} // namespace kiosk::ui
