#include "ui/FontSet.h"

#include "core/Utf8.h"
#include "platform/FontFinder.h"
#include "text/LanguageNames.h"
#include "text/TextLayout.h"
#include "ui/ImGuiSfml.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <stb_truetype.h>

#include <chrono>
#include <fstream>

namespace kiosk::ui {

BuiltFonts::BuiltFonts() = default;
BuiltFonts::~BuiltFonts() = default;
BuiltFonts::BuiltFonts(BuiltFonts&&) noexcept = default;
BuiltFonts& BuiltFonts::operator=(BuiltFonts&&) noexcept = default;

void GlyphNeeds::add(const std::string& language, TextRole role, std::string_view text) {
  std::vector<char32_t> cps;
  utf8::decode(text, cps); // invalid UTF-8 never reaches here: the loader rejects it
  auto& set = byLanguage[language][static_cast<size_t>(role)];
  for (char32_t c : cps)
    if (c >= 0x20) set.insert(c); // every plane: the text engine draws what a font has
}

std::string eventDates(const UiStrings& strings, const std::string& language, const Item& item) {
  if (!item.showFrom || !item.showUntil) return {};
  UiStrings::Args args;
  args.dates = {{"from", *item.showFrom}, {"until", *item.showUntil}};
  return strings.format(language, "event_dates", args);
}

std::string openingToday(const UiStrings& strings, const std::string& language, const KioskSettings& settings,
                         CivilDate today) {
  if (!settings.openingHoursGiven) return {};
  using namespace std::chrono;
  const sys_days day{year_month_day{year{today.year}, month{static_cast<unsigned>(today.month)},
                                    std::chrono::day{static_cast<unsigned>(today.day)}}};
  const auto& hours = settings.openingHours[weekday{day}.iso_encoding() - 1]; // Monday first
  if (!hours) return strings.get(language, "closed_today");
  UiStrings::Args args;
  args.times = {{"open", hours->open}, {"close", hours->close}};
  return strings.format(language, "open_today", args);
}

GlyphNeeds collectGlyphNeeds(const Content& content, const UiStrings& strings, const std::string& staffLanguage,
                             const std::vector<std::string>& staffTexts) {
  // Every role except Headline can draw every text of its language: a screen may show a title
  // in a breadcrumb or a UI string on a card, and must never meet a missing glyph. The headline
  // size is large, so it holds only the kiosk name.
  GlyphNeeds needs;
  const auto& settings = content.settings;
  const std::string& fallback = settings.defaultLanguage;
  std::string basics;
  for (char32_t c = 0x20; c < 0x7F; ++c) basics += static_cast<char>(c);
  basics += "\u2026\u2022"; // the ellipsis of text cut short; the bullet of lists
  for (const std::string& lang : settings.languages) {
    std::vector<std::string_view> texts{basics};
    auto add = [&](const LocalizedText& t) { texts.push_back(t.get(lang, fallback)); };
    for (const auto& place : content.texts()) add(*place.text);
    const std::string native = text::nativeLanguageName(lang);
    texts.push_back(native);
    const auto ui = strings.all(lang);
    for (const std::string& s : ui) texts.push_back(s);
    std::vector<std::string> formatted; // messages the screens format (dates, counts), kept alive here
    // A QR code whose page is in another language names that language in the visitor's.
    std::set<std::string> linkLanguages;
    auto addLink = [&](const PhoneLink& link) {
      for (const auto& [l, url] : link.byLanguage)
        if (l != PhoneLink::kAnyLanguage && l != lang) linkLanguages.insert(l);
    };
    addLink(settings.phoneLink);
    for (const auto& section : content.sections) {
      addLink(section.phoneLink);
      for (const auto& item : section.items) {
        addLink(item.phoneLink);
        if (const std::string dates = eventDates(strings, lang, item); !dates.empty()) formatted.push_back(dates);
        if (item.images.size() > 1)
          formatted.push_back(strings.format(lang, "photos", UiStrings::Args::number("count", static_cast<double>(item.images.size()))));
      }
    }
    for (const auto& l : linkLanguages) formatted.push_back(text::languageNameIn(l, lang));
    for (int d = 0; d < 7; ++d) // whichever day it is, its opening hours
      if (const std::string hours = openingToday(strings, lang, settings, CivilDate{2026, 1, 5}.plusDays(d)); !hours.empty())
        formatted.push_back(hours);
    for (const auto& f : formatted) texts.push_back(f);
    // 10 MB of text in 8 languages is common enough: mark code points in a 64 Ki bit table
    // first (one pass, no allocation), then build the three identical sets from it.
    std::vector<bool> seen(0x10000, false);
    std::set<char32_t> beyond; // the rare characters past U+FFFF
    std::vector<char32_t> cps;
    for (std::string_view t : texts) {
      cps.clear();
      utf8::decode(t, cps);
      for (char32_t c : cps)
        if (c >= 0x20 && c <= 0xFFFF) seen[c] = true;
        else if (c > 0xFFFF) beyond.insert(c);
    }
    std::set<char32_t> all;
    for (char32_t c = 0x20; c <= 0xFFFF; ++c)
      if (seen[c]) all.insert(all.end(), c);
    all.insert(beyond.begin(), beyond.end());
    auto& roles = needs.byLanguage[lang];
    for (TextRole role : {TextRole::Caption, TextRole::Body, TextRole::Title}) roles[static_cast<size_t>(role)] = all;
    needs.add(lang, TextRole::Headline, basics);
    needs.add(lang, TextRole::Headline, settings.name.get(lang, fallback));
  }
  addStaffNeeds(needs, staffLanguage, staffTexts);
  return needs;
}

std::set<std::string> firstScreenLanguages(const KioskSettings& settings) {
  std::set<std::string> first{settings.defaultLanguage};
  if (!settings.languages.empty()) first.insert(settings.languages.front()); // Navigator::attract: slide 0, prompt 0
  return first;
}

std::pair<GlyphNeeds, GlyphNeeds> splitGlyphNeeds(const GlyphNeeds& needs, const std::set<std::string>& first) {
  std::pair<GlyphNeeds, GlyphNeeds> out;
  for (const auto& [lang, roles] : needs.byLanguage) (first.count(lang) ? out.first : out.second).byLanguage[lang] = roles;
  return out;
}

void addStaffNeeds(GlyphNeeds& needs, const std::string& staffLanguage, const std::vector<std::string>& staffTexts) {
  if (staffLanguage.empty()) return;
  std::string basics;
  for (char32_t c = 0x20; c < 0x7F; ++c) basics += static_cast<char>(c);
  basics += "\u2026\u2022";
  for (TextRole role : {TextRole::Caption, TextRole::Body, TextRole::Title}) {
    needs.add(staffLanguage, role, basics);
    for (const std::string& t : staffTexts) needs.add(staffLanguage, role, t);
  }
}

namespace {

struct LoadedFace {
  platform::FontFace face;
  std::shared_ptr<std::vector<unsigned char>> data;
  stbtt_fontinfo info{};
  bool has(char32_t c) const { return stbtt_FindGlyphIndex(&info, static_cast<int>(c)) != 0; }
};

// Reads each font file once: Noto Sans CJK is a 20 MB collection shared by several faces.
class FaceLoader {
public:
  std::shared_ptr<LoadedFace> load(const platform::FontFace& face) {
    const std::string key = face.file + "#" + std::to_string(face.index);
    if (auto it = m_faces.find(key); it != m_faces.end()) return it->second;
    auto& bytes = m_files[face.file];
    if (!bytes) {
      std::ifstream in(face.file, std::ios::binary);
      if (!in) return nullptr;
      bytes = std::make_shared<std::vector<unsigned char>>((std::istreambuf_iterator<char>(in)),
                                                            std::istreambuf_iterator<char>());
    }
    auto loaded = std::make_shared<LoadedFace>();
    loaded->face = face;
    loaded->data = bytes;
    const int offset = stbtt_GetFontOffsetForIndex(bytes->data(), face.index);
    if (offset < 0 || !stbtt_InitFont(&loaded->info, bytes->data(), offset)) return nullptr;
    m_faces[key] = loaded;
    return loaded;
  }

private:
  std::map<std::string, std::shared_ptr<std::vector<unsigned char>>> m_files;
  std::map<std::string, std::shared_ptr<LoadedFace>> m_faces;
};

std::string describe(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  std::string s = std::string(hex) + " '";
  utf8::append(s, c);
  return s + "'";
}

} // namespace

namespace {

// Which faces draw each language: its own face first, then faces for what that one lacks.
struct LanguagePlan {
  std::string language;
  std::vector<std::shared_ptr<LoadedFace>> chain;
};

// Packs the atlas from a plan. `oversample` 2 gives smoother subpixel placement; 1 halves the width.
// `latinOnly` is the last resort when nothing else fits the graphics card's texture size.
void rasterize(BuiltFonts& out, const GlyphNeeds& needs, const std::vector<LanguagePlan>& plans,
               const std::shared_ptr<LoadedFace>& staffFace, float shortSide, int oversample, bool latinOnly,
               int maxTextureSize) {
  out.atlas = std::make_unique<ImFontAtlas>();
  out.fonts.clear();
  ImFontAtlas& atlas = *out.atlas;
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
  atlas.TexDesiredWidth = std::min(4096, maxTextureSize);
  std::vector<std::shared_ptr<ImVector<ImWchar>>> ranges; // must outlive Build()

  auto addFace = [&](const LoadedFace& face, float px, const std::set<char32_t>& wanted, bool merge) -> ImFont* {
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : wanted)
      if (c <= 0xFFFF && (!latinOnly || c < 0x250) && face.has(c)) builder.AddChar(static_cast<ImWchar>(c));
    auto r = std::make_shared<ImVector<ImWchar>>();
    builder.BuildRanges(r.get());
    if (r->Size <= 1) return nullptr;
    ranges.push_back(r);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.FontNo = face.face.index;
    cfg.MergeMode = merge;
    cfg.OversampleH = oversample;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s %.0fpx", face.face.family.c_str(), px);
    return atlas.AddFontFromMemoryTTF(face.data->data(), static_cast<int>(face.data->size()), px, &cfg, r->Data);
  };

  // The staff overlay's font comes first: ImGui's default font for its own widgets.
  out.staff = nullptr;
  if (staffFace) {
    std::set<char32_t> latin;
    for (char32_t c = 0x20; c < 0x17F; ++c) latin.insert(c);
    for (char32_t c : {U'\u2014', U'\u2018', U'\u2019', U'\u201C', U'\u201D', U'\u2026'}) latin.insert(c);
    out.staff = addFace(*staffFace, std::round(22 * shortSide / 1080), latin, false);
  }
  if (!out.staff) out.staff = atlas.AddFontDefault();

  for (const auto& plan : plans) {
    const auto& roles = needs.byLanguage.at(plan.language);
    for (size_t r = 0; r < roles.size(); ++r) {
      const float px = Theme::textSize(static_cast<TextRole>(r), shortSide);
      ImFont* font = nullptr;
      for (const auto& face : plan.chain) {
        ImFont* added = addFace(*face, px, roles[r], font != nullptr);
        if (!font) font = added;
      }
      if (font) out.fonts[{plan.language, static_cast<TextRole>(r)}] = font;
    }
  }
  if (!atlas.Build()) {
    out.atlas = std::make_unique<ImFontAtlas>();
    out.staff = out.atlas->AddFontDefault();
    out.fonts.clear();
    out.atlas->Build();
  }
}

} // namespace

std::vector<std::string> prepareFonts(text::FontLibrary& library, const GlyphNeeds& needs, std::vector<std::string>& faces) {
  std::vector<std::string> problems;
  for (const auto& [lang, roles] : needs.byLanguage) {
    if (!library.primary(lang)) {
      problems.push_back(lang + ": no font found for this language; install fonts-noto-core and fonts-noto-cjk");
      continue;
    }
    std::set<char32_t> all;
    for (const auto& set : roles) all.insert(set.begin(), set.end());
    std::string sample, emoji;
    for (char32_t c : all) {
      // Joiners and selectors are never drawn themselves: no face to load, never missing.
      if (text::isDefaultIgnorable(c)) continue;
      if (!library.faceFor(c, lang))
        problems.push_back(lang + ": no installed font can draw " + describe(c) + "; install a font for it or change the text");
      else if (sample.size() < 2000)
        utf8::append(sample, c);
      // A character that may be an emoji ("❄️") loads its colour face here too, not in a frame.
      if (text::hasEmojiForm(c) && library.faceFor(c, lang, text::Presentation::Emoji) && emoji.size() < 400) {
        utf8::append(emoji, c);
        emoji += "\uFE0F";
      }
    }
    // Shape a sample on this worker: HarfBuzz loads each face's tables and builds its shaping
    // plans, and ICU its break rules, on first use; a visitor's first frame should not pay for it.
    (void)text::layoutText(sample, lang, {}, 800, library);
    if (!emoji.empty()) (void)text::layoutText(emoji, lang, {}, 800, library);
    faces.push_back(library.describe(lang));
  }
  return problems;
}

BuiltFonts buildFonts(const GlyphNeeds& needs, float shortSide, int maxTextureSize) {
  BuiltFonts out;
  out.displayHeight = shortSide;
  FaceLoader loader;

  std::shared_ptr<LoadedFace> staffFace;
  if (auto f = platform::findFontForLanguage("en")) staffFace = loader.load(*f);

  std::vector<LanguagePlan> plans;
  for (const auto& [lang, roles] : needs.byLanguage) {
    std::set<char32_t> all;
    for (const auto& set : roles) all.insert(set.begin(), set.end());
    LanguagePlan plan{lang, {}};
    auto& chain = plan.chain;
    if (auto f = platform::findFontForLanguage(lang))
      if (auto face = loader.load(*f)) chain.push_back(face);
    std::vector<char32_t> missing;
    for (int round = 0; round < 4; ++round) {
      missing.clear();
      for (char32_t c : all)
        if (std::none_of(chain.begin(), chain.end(), [c](auto& f) { return f->has(c); })) missing.push_back(c);
      if (missing.empty()) break;
      auto f = platform::findFontForLanguage(lang, {missing.front()});
      auto face = f ? loader.load(*f) : nullptr;
      if (!face || !face->has(missing.front()) ||
          std::any_of(chain.begin(), chain.end(), [&](auto& c) { return c->face.file == face->face.file && c->face.index == face->face.index; }))
        break;
      chain.push_back(face);
    }
    for (char32_t c : missing)
      if (std::none_of(chain.begin(), chain.end(), [c](auto& f) { return f->has(c); }))
        out.problems.push_back(lang + ": no installed font can draw " + describe(c) + "; install a font for it or change the text");
    if (chain.empty()) {
      out.problems.push_back(lang + ": no font found for this language; install fonts-noto-core and fonts-noto-cjk");
      continue;
    }
    for (const auto& f : chain) out.faces.push_back(lang + ": " + f->face.family + " (" + f->face.file + " #" + std::to_string(f->face.index) + ")");
    plans.push_back(std::move(plan));
  }

  // The atlas must fit one texture of the graphics card (GL_MAX_TEXTURE_SIZE). Content with very
  // many different characters on a large screen may not: then try narrower glyphs, and as a
  // last resort Latin only, so the screen shows '?' for what is missing rather than black boxes.
  auto fits = [&] { return out.atlas->TexWidth <= maxTextureSize && out.atlas->TexHeight <= maxTextureSize; };
  rasterize(out, needs, plans, staffFace, shortSide, 2, false, maxTextureSize);
  if (!fits()) rasterize(out, needs, plans, staffFace, shortSide, 1, false, maxTextureSize);
  if (!fits()) {
    out.problems.push_back("the content uses more different characters than one font texture of this graphics card holds (" +
                           std::to_string(maxTextureSize) + " pixels); only Latin text is drawn; shorten the texts or use fewer languages");
    rasterize(out, needs, plans, staffFace, shortSide, 1, true, maxTextureSize);
  }
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  out.atlas->GetTexDataAsRGBA32(&pixels, &w, &h); // converted here, on the worker, not in a frame
  out.atlas->ClearInputData(); // the font files are freed with `loader`
  return out;
}

BuiltFonts fallbackFonts(float shortSide) {
  BuiltFonts out;
  out.displayHeight = shortSide;
  out.atlas = std::make_unique<ImFontAtlas>();
  out.staff = out.atlas->AddFontDefault();
  out.atlas->Build();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  out.atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
  return out;
}

void FontSet::adopt(BuiltFonts&& built) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.FontAtlasOwnedByContext) {
    IM_DELETE(g.IO.Fonts);
    g.FontAtlasOwnedByContext = false;
  }
  m_built = std::move(built);
  g.IO.Fonts = m_built.atlas.get();
  g.IO.FontDefault = m_built.staff;
}


} // namespace kiosk::ui
