#include "core/LayoutRules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk {
namespace {

std::string px(float v) { return std::to_string(static_cast<int>(std::lround(v))); }

std::string describe(const LayoutBox& b) { return px(b.w) + "x" + px(b.h) + " at " + px(b.x) + "," + px(b.y); }

// The span [lo, hi] of scroll positions at which [top, bottom] (content coordinates, at scroll
// 0) lies inside [viewTop, viewBottom]; empty (lo > hi) when none does.
std::pair<float, float> scrollsShowing(float top, float bottom, float viewTop, float viewBottom) {
  return {bottom - viewBottom, top - viewTop};
}

bool matches(const std::string& name, const std::string& pattern) {
  if (!pattern.empty() && pattern.back() == '*') return name.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return name == pattern;
}

constexpr float kSlack = 0.5f; // rounding to whole pixels

} // namespace

std::vector<std::string> unreachableTargets(const LayoutReport& report, const ReachBand* reach) {
  std::vector<std::string> problems;
  for (const PlacedTarget& t : report.targets) {
    const LayoutBox& b = t.box;
    // Across: every target stands inside the window (nothing scrolls sideways).
    if (b.x < -kSlack || b.right() > report.width + kSlack) {
      problems.push_back("@" + t.name + " (" + describe(b) + ") runs past the " + (b.x < 0 ? "left" : "right") +
                         " edge of the " + px(report.width) + " px wide window");
      continue;
    }
    float viewTop = 0, viewBottom = report.height, lo = 0, hi = 0;
    std::string where = "the window";
    if (t.area >= 0 && t.area < static_cast<int>(report.areas.size())) {
      const ScrollArea& a = report.areas[static_cast<size_t>(t.area)];
      viewTop = a.view.y;
      viewBottom = a.view.bottom();
      hi = std::max(0.0f, a.maxScroll);
      where = "the scroll area '" + a.name + "' (" + describe(a.view) + ", scrolls " + px(hi) + " px)";
      // Content coordinates: where the target is at scroll 0.
      const float top = b.y + a.scroll, bottom = b.bottom() + a.scroll;
      auto [need0, need1] = scrollsShowing(top, bottom, viewTop, viewBottom);
      if (need0 > need1 + kSlack) {
        problems.push_back("@" + t.name + " (" + describe(b) + ") is taller than " + where);
        continue;
      }
      if (need0 > hi + kSlack || need1 < lo - kSlack) {
        problems.push_back("@" + t.name + " (" + describe(b) + ") cannot be scrolled into view in " + where + ": it needs a scroll of " +
                           px(need0) + " to " + px(need1) + " px");
        continue;
      }
      if (reach) {
        const float v0 = std::max(viewTop, reach->top), v1 = std::min(viewBottom, reach->bottom);
        auto [r0, r1] = scrollsShowing(top, bottom, v0, v1);
        if (v1 <= v0 || r0 > r1 + kSlack || r0 > hi + kSlack || r1 < lo - kSlack)
          problems.push_back("@" + t.name + " (" + describe(b) + ") cannot be scrolled within reach (rows " + px(reach->top) + " to " +
                             px(reach->bottom) + ") in " + where);
      }
      continue;
    }
    if (b.y < viewTop - kSlack || b.bottom() > viewBottom + kSlack) {
      problems.push_back("@" + t.name + " (" + describe(b) + ") runs past the " + (b.y < 0 ? "top" : "bottom") + " of " + where);
      continue;
    }
    // An area more than a quarter of the screen tall (a column the finger drags, the whole
    // screen a tap anywhere answers) is within reach when a tenth of the screen's height of it
    // is: the hand uses that part. A button must be in reach whole.
    const bool area = b.h > report.height / 4;
    const float inBand = std::min(b.bottom(), reach ? reach->bottom : 0.0f) - std::max(b.y, reach ? reach->top : 0.0f);
    if (reach && area && inBand < report.height / 10)
      problems.push_back("@" + t.name + " (" + describe(b) + ") has too little of it within reach (rows " + px(reach->top) + " to " +
                         px(reach->bottom) + ")");
    else if (reach && !area && (b.y < reach->top - kSlack || b.bottom() > reach->bottom + kSlack))
      problems.push_back("@" + t.name + " (" + describe(b) + ") is out of reach (rows " + px(reach->top) + " to " + px(reach->bottom) + ")");
  }
  // Two controls fixed on screen that partly cover each other: one is drawn over the other and
  // a finger meant for one presses the other. (One inside another is a button on a picture; an
  // area a tap anywhere on answers, like a map that closes its bubble, is a background.)
  const auto inside = [](const LayoutBox& a, const LayoutBox& b) {
    return a.x >= b.x - kSlack && a.y >= b.y - kSlack && a.right() <= b.right() + kSlack && a.bottom() <= b.bottom() + kSlack;
  };
  const auto background = [&](const LayoutBox& b) {
    return b.h > report.height / 4 || b.w * b.h > report.width * report.height / 16;
  };
  for (size_t i = 0; i < report.targets.size(); ++i) {
    const PlacedTarget& t = report.targets[i];
    if (t.area >= 0 || background(t.box)) continue;
    for (size_t j = i + 1; j < report.targets.size(); ++j) {
      const PlacedTarget& u = report.targets[j];
      if (u.area >= 0 || u.name == t.name || background(u.box)) continue;
      const float w = std::min(t.box.right(), u.box.right()) - std::max(t.box.x, u.box.x);
      const float h = std::min(t.box.bottom(), u.box.bottom()) - std::max(t.box.y, u.box.y);
      if (w > kSlack && h > kSlack && !inside(t.box, u.box) && !inside(u.box, t.box))
        problems.push_back("@" + t.name + " (" + describe(t.box) + ") and @" + u.name + " (" + describe(u.box) + ") overlap by " + px(w) +
                           "x" + px(h) + " px");
    }
  }
  return problems;
}

std::vector<std::string> truncatedTexts(const LayoutReport& report) {
  std::vector<std::string> problems;
  for (const PlacedText& t : report.texts)
    if (t.truncated && !t.mayTruncate) problems.push_back("\"" + t.text + "\" is cut short" + (t.near.empty() ? "" : " on @" + t.near));
  return problems;
}

std::vector<std::string> overlongLines(const LayoutReport& report, int characters) {
  std::vector<std::string> problems;
  for (const PlacedText& t : report.texts)
    if (t.longestLine > characters)
      problems.push_back("a line of " + std::to_string(t.longestLine) + " characters in \"" + t.text.substr(0, 60) + "...\"" +
                         (t.near.empty() ? "" : " on @" + t.near));
  return problems;
}

std::vector<std::string> smallPicture(const LayoutReport& report, const std::string& name, float minHeight, float maxTop) {
  const auto percent = [](float f) { return std::to_string(static_cast<int>(std::lround(f * 100))) + "%"; };
  for (const PlacedPicture& p : report.pictures) {
    if (p.name != name) continue;
    if (report.height <= 0) return {"the window's height is unknown"};
    const float height = p.box.h / report.height, top = p.box.y / report.height;
    std::vector<std::string> problems;
    if (height + 1e-4f < minHeight)
      problems.push_back("the " + name + " picture is " + percent(height) + " of the screen's height (" + std::to_string(std::lround(p.box.h)) +
                         " px), less than " + percent(minHeight));
    if (top > maxTop + 1e-4f)
      problems.push_back("the " + name + " picture starts " + percent(top) + " down the screen (" + std::to_string(std::lround(p.box.y)) +
                         " px), below " + percent(maxTop));
    return problems;
  }
  return {"no " + name + " picture is drawn"};
}

bool hasText(const LayoutReport& report, const std::string& needle) {
  for (const PlacedText& t : report.texts)
    if (t.text.find(needle) != std::string::npos) return true;
  return false;
}

std::vector<std::string> textLanguages(const LayoutReport& report, const std::string& needle) {
  std::vector<std::string> out;
  for (const PlacedText& t : report.texts)
    if (t.text.find(needle) != std::string::npos) out.push_back(t.language);
  return out;
}

std::vector<std::string> movedTargets(const LayoutReport& before, const LayoutReport& after, const std::string& names,
                                      float tolerance) {
  std::vector<std::string> problems;
  auto find = [](const LayoutReport& r, const std::string& name) -> const PlacedTarget* {
    for (const PlacedTarget& t : r.targets)
      if (t.name == name) return &t;
    return nullptr;
  };
  for (const PlacedTarget& t : before.targets) {
    if (!matches(t.name, names)) continue;
    const PlacedTarget* u = find(after, t.name);
    if (!u) {
      problems.push_back("@" + t.name + " is gone");
      continue;
    }
    const float d = std::max({std::abs(u->box.x - t.box.x), std::abs(u->box.y - t.box.y), std::abs(u->box.w - t.box.w),
                              std::abs(u->box.h - t.box.h)});
    if (d > tolerance) problems.push_back("@" + t.name + " moved from " + describe(t.box) + " to " + describe(u->box));
  }
  for (const PlacedTarget& u : after.targets)
    if (matches(u.name, names) && !find(before, u.name)) problems.push_back("@" + u.name + " appeared");
  return problems;
}

LayoutReport mirrored(const LayoutReport& report) {
  LayoutReport m = report;
  auto flip = [&](LayoutBox& b) { b.x = report.width - b.x - b.w; };
  for (ScrollArea& a : m.areas) flip(a.view);
  for (PlacedTarget& t : m.targets) flip(t.box);
  for (PlacedPicture& p : m.pictures) flip(p.box);
  return m;
}

ReachBand reachBand(const Mounting& mounting, float heightPx) {
  if (mounting.screenHeightMm <= 0 || heightPx <= 0) return {0, heightPx};
  const float pxPerMm = heightPx / mounting.screenHeightMm;
  // Row of a height above the floor: the bottom row is the screen's bottom edge.
  auto row = [&](float mm) { return std::clamp(heightPx - (mm - mounting.bottomAboveFloorMm) * pxPerMm, 0.0f, heightPx); };
  return {std::round(row(kReachHighMm)), std::round(row(kReachLowMm))};
}

} // namespace kiosk
