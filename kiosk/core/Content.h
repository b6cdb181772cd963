#pragma once
// The content model: an immutable snapshot of the content folder, shared between threads as
// shared_ptr<const Content>. Nothing here is ever modified after the loader hands it over.
#include "core/PinHash.h"
#include "core/Clock.h"
#include "core/LanguageTag.h"
#include "core/RichText.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

// A human-facing text given per language (BCP 47 tag -> UTF-8 text).
// The languages to try, in order, for a visitor reading `language`: the language itself, its
// sibling script for Chinese (zh-Hant <-> zh-Hans), English, then the kiosk's default language.
std::vector<std::string> languageFallbacks(const std::string& language, const std::string& defaultLanguage);

struct LocalizedText {
  std::map<std::string, std::string> byLanguage;
  std::set<std::string> machineConverted; // languages made by conversion (zh-Hant from zh-Hans)

  bool empty() const { return byLanguage.empty(); }
  // The text for a visitor reading `language`, field by field along languageFallbacks(),
  // else any text, else "".
  const std::string& get(const std::string& language, const std::string& defaultLanguage = {}) const;
  // The language of the text get() returns: `language` itself, or the fallback's (so the text
  // is shaped, broken into lines and given faces as what it is, not as the visitor's language).
  // `language` when there is no text at all.
  const std::string& languageOf(const std::string& language, const std::string& defaultLanguage = {}) const;
  bool has(const std::string& language) const { return byLanguage.count(language) != 0; }
};

struct ImageRef {
  std::filesystem::path file; // absolute, inside the content folder
  std::string displayPath;    // as staff wrote it relative to the content folder, for messages
  LocalizedText caption;
  // What the picture or film shows, per language, for visitors who cannot see it: speech reads
  // it aloud (`alt` in [[images]] and [map], `cover_alt` in section.toml). Empty: none given.
  LocalizedText alt;
  bool exists = false;        // false: the loader reported it missing; the UI shows a placeholder
  // The file's size and time of change when loaded: a picture replaced under the same name is
  // decoded again on the next reload, an unchanged one is not.
  std::uintmax_t bytes = 0;
  std::filesystem::file_time_type modified{};
  // Where staff named it: the TOML file (as displayed), line and column.
  std::string namedIn;
  int line = 0;
  int column = 0;

  // A film (issue 15): .mp4, .m4v, .mov, .mkv or .webm, which may stand wherever a picture
  // stands. Where a film plays (the attract loop, an item, the gallery) it plays; where a
  // picture is only a thumbnail (a card, a tile) its poster is shown.
  bool video = false;
  // The poster: a picture staff gave (`poster` in [[images]], or NAME.poster.jpg / .png beside
  // the film); empty: the kiosk takes a frame of the film and keeps it in its cache.
  std::filesystem::path poster;
  std::string posterDisplay; // as staff see it, for messages
  // Captions per language (tag -> WebVTT file): NAME.LANG.vtt beside the film, or `captions`
  // in [[images]]. Shown in the visitor's language along the usual fallbacks.
  struct CaptionFile {
    std::filesystem::path file;
    std::string displayPath;
    int line = 0; // where `captions` names it (0: found beside the film)
    int column = 0;
  };
  std::map<std::string, CaptionFile> captions;
};

// Whether a path names a film by its extension (any case): .mp4 .m4v .mov .mkv .webm.
bool isVideoPath(const std::filesystem::path& file);

// A web address visitors take to their phone as a QR code: `link` in an item, section.toml or
// kiosk.toml, one address for everyone or one per language, and `link_title`, what the phone
// will open. Every address is a checked http(s) address without spaces.
struct PhoneLink {
  // Language tag -> address. A link written as one string is kept under kAnyLanguage.
  std::map<std::string, std::string> byLanguage;
  LocalizedText title; // "Official site of the Shenyang Marathon"; empty: the UI's own caption
  // Where staff wrote `link`: the TOML file (as displayed), line and column.
  std::string namedIn;
  int line = 0;
  int column = 0;

  static inline const std::string kAnyLanguage{}; // the key of a link written for every language

  struct Target {
    std::string url;
    // The language of the page it opens; kAnyLanguage ("") when the link was written for every
    // language, so the UI says nothing about the page's language.
    std::string language;
    bool operator==(const Target&) const = default;
  };

  bool empty() const { return byLanguage.empty(); }
  // The address for a visitor reading `language`, in the order texts fall back
  // (languageFallbacks: the language, its sibling Chinese script, English, the default), else a
  // link for every language, else any address; nullopt when there is no link.
  std::optional<Target> forVisitor(const std::string& language, const std::string& defaultLanguage) const;
};

// One marker on a map. Points are valid when the loader hands them over: inside the picture, a
// label, and either a linked item that exists or a text.
struct MapPoint {
  int number = 0;       // 1..n in file order, the number on the marker (a point left out for an error takes none)
  float x = 0, y = 0;   // fractions (0 to 1) of the picture's width and height, from its top left
  LocalizedText label;  // short: "Mukden Palace"
  LocalizedText text;   // a short text shown in a bubble; empty when the point opens an item
  std::string sectionId; // the item it opens; both empty when it has a text
  std::string itemId;
  // Where staff wrote the point ([[map.points]]): the TOML file (as displayed), line and column.
  std::string namedIn;
  int line = 0;
  int column = 0;

  bool opensItem() const { return !itemId.empty(); }
};

// A picture with numbered points a visitor taps: a city map, a site plan, a floor plan.
struct HotspotMap {
  ImageRef image;     // the picture; its caption is [map.caption]
  int width = 0;      // the picture's size in pixels as staff see it in an image viewer;
  int height = 0;     // 0 (and no points) when its header could not be read
  std::vector<MapPoint> points;
};

struct Item {
  std::string id;         // file name without order prefix and extension: "shenyang-at-a-glance"
  std::string sourceFile; // relative to the content folder, for messages
  int order = 0;
  LocalizedText title;
  LocalizedText summary;
  LocalizedText body;                      // Markdown source, per language
  std::map<std::string, RichText> bodyRich; // the same, parsed, per language
  std::vector<ImageRef> images;
  std::optional<HotspotMap> map; // [map]: a picture with points to tap
  PhoneLink phoneLink;           // link and link_title
  // The address of phoneLink for the default language ("" = no link): what the item screen
  // showed before links had languages. New code uses phoneLink.forVisitor().
  std::string link;
  std::vector<std::string> tags;
  bool attract = false; // its pictures are chosen for the attract loop
  bool hidden = false;  // `hidden = true`: read and checked, never shown (the loader leaves it out)
  std::optional<CivilDate> showFrom; // an event item appears only on these days (inclusive)
  std::optional<CivilDate> showUntil;
  int showUntilLine = 0, showUntilColumn = 0; // where show_until is written, for "this event ended"

  bool visibleOn(CivilDate date) const {
    return (!showFrom || date >= *showFrom) && (!showUntil || date <= *showUntil);
  }
  // The parsed body in `language`, else in `fallback`, else any; null when there is no body.
  // `bodyLanguage`, when given, is set to the language of the body returned.
  const RichText* richBody(const std::string& language, const std::string& fallback,
                           const std::string** bodyLanguage = nullptr) const;
  // The picture for the item's card: its first image, else its map's picture; null for neither.
  const ImageRef* cardImage() const;
};

struct Section {
  std::string id; // folder name without order prefix: "investment"
  std::string sourceFile;
  int order = 0;
  LocalizedText title;
  LocalizedText subtitle;
  std::uint32_t colour = 0x2F4F6FFF; // RGBA
  ImageRef cover;
  bool hasCover = false;
  PhoneLink phoneLink; // link and link_title in section.toml
  std::vector<Item> items;
  int hiddenItems = 0;  // items with `hidden = true`, left out of `items`
  bool hidden = false;  // `hidden = true` in section.toml: the loader leaves the section out
};

struct KioskSettings {
  LocalizedText name;
  LocalizedText tagline;
  std::string defaultLanguage = "en";
  std::vector<std::string> languages{"en"};
  // Where kiosk.toml is (as staff see it) and where each of `languages` is written in it, for
  // messages about a language as a whole (the kiosk's own words missing in it); line 0: not
  // written there (the default).
  std::string file;
  struct Place {
    int line = 0;
    int column = 0;
  };
  std::map<std::string, Place> languagePlaces;
  // The digits of every number, date and time the kiosk writes (`digits`: "latin", "native");
  // unset, each language's own custom.
  Digits digits = Digits::Locale;
  double idleTimeoutSeconds = 90;   // untouched this long: "are you still there?"
  // Then this long to answer before the reset: 20 to 120 s. WCAG 2.2 (SC 2.2.1) asks for at
  // least 20 s to answer a time limit with a simple action; the loader clamps into the range.
  static constexpr double kMinIdleCountdownSeconds = 20;
  static constexpr double kMaxIdleCountdownSeconds = 120;
  // More is an error (only the first are used): each language costs fonts at start, a button in
  // the bar and a warning per missing text; 10,000 of them kept the kiosk from starting.
  static constexpr std::size_t kMaxLanguages = 20;
  double idleCountdownSeconds = kMinIdleCountdownSeconds;
  double attractSlideSeconds = 7;
  // How the screen hangs, for low reach (controls between 380 and 1220 mm above the floor): the
  // picture's height and its bottom edge above the floor, in millimetres ([kiosk.display]);
  // 0 / negative: unknown, a 55-inch screen at a usual height is assumed.
  double displayHeightMm = 0;
  double displayBottomMm = -1;
  // Theme: colours (RGBA) that replace the built-in ones, and a logo for the top bar.
  std::optional<std::uint32_t> accentColour;
  std::optional<std::uint32_t> backgroundColour;
  ImageRef logo;
  bool hasLogo = false;
  PhoneLink phoneLink; // link and link_title under [kiosk]: the home screen's QR code
  // Opening hours per weekday (0 = Monday): minutes after midnight [open, close); nullopt = closed.
  // Unset days (and an unset table) mean open all day. Used by the power schedule.
  struct Hours {
    int open = 0;
    int close = 24 * 60;
  };
  std::array<std::optional<Hours>, 7> openingHours{Hours{}, Hours{}, Hours{}, Hours{}, Hours{}, Hours{}, Hours{}};
  bool openingHoursGiven = false; // kiosk.toml has [kiosk.opening_hours]: the attract loop shows today's
  // The staff PIN's hash (admin_pin). Unset, or written wrongly (an error diagnostic then), the
  // hidden gesture opens nothing: there is no admin view without a PIN, and no default PIN.
  std::optional<PinHash> adminPin;
  // The language of the admin view's PIN pad and panel (`staff_language`, a BCP 47 tag such as
  // "zh-Hans"); empty: the kiosk's --language or locale.
  std::string staffLanguage;
};

struct Content {
  std::filesystem::path root;
  KioskSettings settings;
  std::vector<Section> sections;

  const Section* findSection(const std::string& id) const;
  const Item* findItem(const std::string& sectionId, const std::string& itemId) const;
  // Every image the attract loop shows on `date`, in content order: covers of sections with
  // something to show, then the pictures of items shown that day.
  std::vector<const ImageRef*> attractImages(CivilDate date) const;
  // Items of a section shown on `date`, in order.
  static std::vector<const Item*> visibleItems(const Section& section, CivilDate date);
  // The item a map point opens; null for a point with a text. (The loader drops points whose
  // item does not exist; an event item may still be hidden on the day: check visibleOn.)
  const Item* findItem(const MapPoint& point) const;
  // Every picture the content names, once each in content order: the logo, section covers,
  // item images and map pictures. For checking, prefetching and keeping textures.
  std::vector<const ImageRef*> pictures() const;

  // A text visitors read, with where staff wrote it: for the translation report, font
  // coverage and `validate`'s check that every character can be drawn.
  struct TextPlace {
    const LocalizedText* text = nullptr;
    std::string file; // as displayed: "kiosk.toml", "content/sections/01-a/01-b.toml"
    std::string what; // "title", "caption of image 2", "label of map point 3", "link_title"
  };
  // Every text of the content in content order (empty ones included).
  std::vector<TextPlace> texts() const;

  // A picture or film visitors see, which a description (alt) belongs to, with where staff
  // wrote it: for the translation report and the check that every picture is described.
  struct PicturePlace {
    const ImageRef* image = nullptr;
    std::string file; // as displayed
    std::string what; // "cover", "image 2", "map"
  };
  // Section covers, item pictures and films, and map pictures, in content order; not the logo,
  // which shows nothing a visitor needs told.
  std::vector<PicturePlace> describablePictures() const;
};

using ContentSnapshot = std::shared_ptr<const Content>;

} // namespace kiosk
