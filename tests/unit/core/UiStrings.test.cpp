#include "core/ContentLoader.h"
#include "core/UiStrings.h"
#include "core/Utf8.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk;

TEST_CASE("[UiStrings] every language the sample content offers has every UI string") {
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  CHECK(diags.empty());
  const auto content = loadContent(kiosk::test::sampleContent());
  REQUIRE(content.content);
  for (const std::string key :
       {"home", "back", "touch_to_explore", "choose_section", "loading", "no_content", "staff_errors", "photos", "event_dates",
        "open_today", "closed_today"}) {
    for (const auto& lang : content.content->settings.languages) {
      CAPTURE(key);
      CAPTURE(lang);
      CHECK(strings.has(lang, key));
    }
  }
}

TEST_CASE("[UiStrings] every language of the catalog has every string English has, and no other") {
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  CHECK(diags.empty());
  const auto english = strings.keys("en");
  CHECK(std::count(english.begin(), english.end(), "qr_opens_in") == 1);
  CHECK(std::count(english.begin(), english.end(), "qr_caption_in") == 1);
  for (const auto& lang : strings.languages()) {
    CAPTURE(lang);
    CHECK(strings.keys(lang) == english);
  }
  CHECK(strings.languages().size() == 10);
  for (const char* lang : {"th", "ar"}) {
    CAPTURE(lang);
    CHECK(strings.keys(lang) == english);
  }
}

TEST_CASE("[UiStrings] a QR code's caption names the language of the page it opens, in every language") {
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  UiStrings::Args args;
  args.texts = {{"title", "Official site of the Shenyang Marathon"}, {"language", "Russian"}};
  CHECK(strings.format("en", "qr_opens_in", args) == "Official site of the Shenyang Marathon (in Russian)");
  args.texts = {{"title", "沈阳马拉松官网"}, {"language", "英语"}};
  CHECK(strings.format("zh-Hans", "qr_opens_in", args) == "沈阳马拉松官网（英语页面）");
  args.texts = {{"language", "английский"}};
  CHECK(strings.format("ru", "qr_caption_in", args) ==
        "Отсканируйте, чтобы взять страницу с собой (страница на языке: английский)");
  // Every language's patterns take both arguments and leave no brace unfilled.
  args.texts = {{"title", "T"}, {"language", "L"}};
  for (const auto& lang : strings.languages())
    for (const char* key : {"qr_opens_in", "qr_caption_in"}) {
      CAPTURE(lang);
      CAPTURE(key);
      const std::string out = strings.format(lang, key, args);
      CHECK(out.find('{') == std::string::npos);
      CHECK(out.find('L') != std::string::npos);
      if (std::string(key) == "qr_opens_in") CHECK(out.rfind("T", 0) == 0);
    }
}

TEST_CASE("[UiStrings] counts take the plural form of the visitor's language (ICU MessageFormat)") {
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  auto photos = [&](const char* lang, double n) { return strings.format(lang, "photos", UiStrings::Args::number("count", n)); };
  CHECK(photos("en", 1) == "1 photo");
  CHECK(photos("en", 3) == "3 photos");
  CHECK(photos("ru", 1) == "1 фотография");
  CHECK(photos("ru", 3) == "3 фотографии");
  CHECK(photos("ru", 5) == "5 фотографий");
  CHECK(photos("ru", 21) == "21 фотография");
  CHECK(photos("zh-Hans", 3) == "3 张图片");
}

TEST_CASE("[UiStrings] dates are written the way each language writes them") {
  std::vector<Diagnostic> diags;
  const auto strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  UiStrings::Args args;
  args.dates = {{"from", {2026, 11, 15}}, {"until", {2027, 2, 28}}};
  CHECK(strings.format("zh-Hans", "event_dates", args) == "2026年11月15日 – 2027年2月28日");
  CHECK(strings.format("en", "event_dates", args) == "Nov 15, 2026 – Feb 28, 2027");
  CHECK(strings.format("ja", "event_dates", args) == "2026/11/15 – 2027/02/28");
  UiStrings::Args hours;
  hours.times = {{"open", 9 * 60}, {"close", 17 * 60 + 30}};
  CHECK(strings.format("en", "open_today", hours) == "Open today 9:00\u202FAM – 5:30\u202FPM");
  CHECK(strings.format("zh-Hans", "open_today", hours) == "今日开放 09:00 – 17:30");
  // A pattern ICU cannot parse is shown as written, never blank.
  UiStrings broken;
  broken.set("en", "x", "{count, plural, one {# photo}");
  CHECK(broken.format("en", "x", UiStrings::Args::number("count", 2)) == "{count, plural, one {# photo}");
}

TEST_CASE("[UiStrings] a missing string falls back to English, then to the key") {
  UiStrings s;
  s.set("en", "home", "Home");
  s.set("zh-Hans", "back", "返回");
  CHECK(s.get("zh-Hans", "back") == "返回");
  CHECK(s.get("zh-Hans", "home") == "Home");
  CHECK(s.get("zh-Hans", "nothing") == "nothing");
}

TEST_CASE("[UiStrings] a broken catalog is reported with its line") {
  kiosk::test::TempFolder t;
  t.write("ui.toml", "[en]\nhome = \"Home\nback = \"Back\"\n");
  std::vector<Diagnostic> diags;
  (void)UiStrings::load(t.path() / "ui.toml", diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].line == 2);
}

namespace {

const UiStrings& catalog() {
  static std::vector<Diagnostic> diags;
  static const UiStrings strings = UiStrings::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/ui-strings.toml", diags);
  REQUIRE(diags.empty());
  return strings;
}

UiStrings::Args eventDates() {
  UiStrings::Args args;
  args.dates = {{"from", {2026, 11, 15}}, {"until", {2027, 2, 28}}};
  return args;
}

bool hasCodePointIn(const std::string& text, char32_t first, char32_t last) {
  std::vector<char32_t> cps;
  utf8::decode(text, cps);
  return std::any_of(cps.begin(), cps.end(), [&](char32_t c) { return c >= first && c <= last; });
}
bool hasLatinDigit(const std::string& text) { return text.find_first_of("0123456789") != std::string::npos; }
bool hasArabicIndicDigit(const std::string& text) { return hasCodePointIn(text, 0x0660, 0x0669); }
bool hasThaiDigit(const std::string& text) { return hasCodePointIn(text, 0x0E50, 0x0E59); }

} // namespace

TEST_CASE("[UiStrings] no visitor reads 1 photos: Thai and Arabic have their own count words") {
  const UiStrings& strings = catalog();
  auto photos = [&](const std::string& lang, double n) { return strings.format(lang, "photos", UiStrings::Args::number("count", n)); };
  for (const auto& lang : strings.languages()) {
    CAPTURE(lang);
    CHECK(strings.languageOf(lang, "photos") == lang);
    if (lang == "en") continue;
    for (double n : {1.0, 2.0, 3.0, 11.0, 100.0}) {
      CAPTURE(n);
      CHECK(photos(lang, n).find("photo") == std::string::npos);
    }
  }
  CHECK(photos("th", 1) == "1 ภาพ");
  CHECK(photos("th", 12) == "12 ภาพ");
  CHECK(photos("ar", 1) == "صورة واحدة");
}

TEST_CASE("[UiStrings] Arabic counts take all six of its plural forms, two being the dual") {
  const UiStrings& strings = catalog();
  auto photos = [&](double n) { return strings.format("ar", "photos", UiStrings::Args::number("count", n)); };
  CHECK(photos(0) == "لا توجد صور");
  CHECK(photos(1) == "صورة واحدة");
  CHECK(photos(2) == "صورتان"); // the dual, never "٢ صور"
  CHECK(photos(3) == "٣ صور");
  CHECK(photos(10) == "١٠ صور");
  CHECK(photos(11) == "١١ صورة");
  CHECK(photos(99) == "٩٩ صورة");
  CHECK(photos(100) == "١٠٠ صورة");
  auto seconds = [&](double n) { return strings.format("ar", "starting_over", UiStrings::Args::number("seconds", n)); };
  CHECK(seconds(1) == "البدء من جديد بعد ثانية واحدة");
  CHECK(seconds(2) == "البدء من جديد بعد ثانيتين");
  CHECK(seconds(9) == "البدء من جديد بعد ٩ ثوانٍ");
  CHECK(seconds(20) == "البدء من جديد بعد ٢٠ ثانية");
  // Every Arabic pattern that counts names every category, so no count meets a missing form.
  for (const auto& key : strings.keys("ar")) {
    const std::string& pattern = strings.get("ar", key);
    if (pattern.find(", plural,") == std::string::npos) continue;
    CAPTURE(key);
    for (const char* category : {"zero {", "one {", "two {", "few {", "many {", "other {"}) CHECK(pattern.find(category) != std::string::npos);
  }
}

TEST_CASE("[UiStrings] a language without strings reads English, with English plurals, dates and digits") {
  const UiStrings& strings = catalog();
  auto seconds = [&](const std::string& lang, double n) {
    return strings.format(lang, "starting_over", UiStrings::Args::number("seconds", n));
  };
  CHECK(seconds("xx-unknown-with-no-strings", 9) == "Starting over in 9 seconds");
  CHECK(seconds("fa", 9) == "Starting over in 9 seconds"); // not "in ۹ seconds": Persian writes ۰۱۲
  CHECK(seconds("fr", 1) == "Starting over in 1 second");
  // French counts 0 as singular ("0 photo"); English does not.
  CHECK(strings.format("fr", "photos", UiStrings::Args::number("count", 0)) == "0 photos");
  CHECK(strings.format("fa", "event_dates", eventDates()) == "Nov 15, 2026 – Feb 28, 2027");
  for (const char* key : {"photos", "starting_over", "home"}) {
    CAPTURE(key);
    CHECK(strings.languageOf("fa", key) == "en");
    CHECK(strings.get("fa", key) == strings.get("en", key));
  }
  // A venue's choice of digits is the venue's: English standing in still writes 0-9.
  UiStrings native = strings;
  native.setDigits(Digits::Native);
  CHECK(native.format("fa", "starting_over", UiStrings::Args::number("seconds", 9)) == "Starting over in 9 seconds");
}

TEST_CASE("[UiStrings] a string missing in one language falls back to English for that string only") {
  UiStrings s;
  s.set("en", "home", "Home");
  s.set("en", "photos", "{count, plural, one {# photo} other {# photos}}");
  s.set("ar", "home", "الرئيسية");
  CHECK(s.languageOf("ar", "home") == "ar");
  CHECK(s.get("ar", "home") == "الرئيسية");
  CHECK(s.languageOf("ar", "photos") == "en");
  // English words, English plural (ICU's Arabic rules would pick "few" for 3) and English digits.
  CHECK(s.format("ar", "photos", UiStrings::Args::number("count", 3)) == "3 photos");
  CHECK(s.format("ar", "photos", UiStrings::Args::number("count", 1)) == "1 photo");
  CHECK(s.languageOf("ar", "nothing") == "en"); // the key itself, shown as English would be
  CHECK(s.get("ar", "nothing") == "nothing");
  CHECK(s.languageOf("", "home") == "en");
}

TEST_CASE("[UiStrings] a tag with a region reads its language's strings, written its region's way") {
  const UiStrings& strings = catalog();
  auto photos = [&](const std::string& lang, double n) { return strings.format(lang, "photos", UiStrings::Args::number("count", n)); };
  CHECK(strings.languageOf("ar-EG", "photos") == "ar");
  CHECK(strings.languageOf("th-TH", "home") == "th");
  CHECK(strings.languageOf("zh-Hant-TW", "home") == "zh-Hant");
  CHECK(strings.languageOf("en-GB", "home") == "en");
  CHECK(photos("ar-EG", 3) == "٣ صور");
  CHECK(photos("ar-AE", 3) == "3 صور"); // the Emirates write 0-9 (CLDR)
  CHECK(photos("ar-EG", 2) == "صورتان");
  // A script is never dropped: Serbian in Latin letters is not Serbian in Cyrillic.
  UiStrings s;
  s.set("sr", "home", "Почетна");
  s.set("en", "home", "Home");
  CHECK(s.languageOf("sr-Latn-RS", "home") == "en");
  CHECK(s.languageOf("sr-RS", "home") == "sr");
}

TEST_CASE("[UiStrings] the venue's digits: latin writes 0-9 in Arabic, native writes Thai digits in Thai") {
  UiStrings strings = catalog();
  auto seconds = [&](const std::string& lang, double n) {
    return strings.format(lang, "starting_over", UiStrings::Args::number("seconds", n));
  };
  UiStrings::Args hours;
  hours.times = {{"open", 9 * 60}, {"close", 17 * 60 + 30}};
  CHECK(strings.digits() == Digits::Locale);
  CHECK(seconds("ar", 9) == "البدء من جديد بعد ٩ ثوانٍ");
  CHECK(seconds("th", 9) == "จะเริ่มต้นใหม่ใน 9 วินาที");
  CHECK(strings.format("ar", "event_dates", eventDates()) == "١٥\u200F/١١\u200F/٢٠٢٦ – ٢٨\u200F/٠٢\u200F/٢٠٢٧");

  strings.setDigits(Digits::Latin);
  CHECK(seconds("ar", 9) == "البدء من جديد بعد 9 ثوانٍ");
  CHECK(seconds("ar-EG", 9) == "البدء من جديد بعد 9 ثوانٍ");
  CHECK(strings.format("ar", "photos", UiStrings::Args::number("count", 12)) == "12 صورة");
  CHECK(strings.format("ar", "event_dates", eventDates()) == "15\u200F/11\u200F/2026 – 28\u200F/02\u200F/2027");
  const std::string arHours = strings.format("ar", "open_today", hours);
  CHECK(arHours.find("9:00") != std::string::npos);
  CHECK_FALSE(hasArabicIndicDigit(arHours));
  CHECK(seconds("th", 9) == "จะเริ่มต้นใหม่ใน 9 วินาที");
  CHECK(strings.format("zh-Hans", "event_dates", eventDates()) == "2026年11月15日 – 2027年2月28日");

  strings.setDigits(Digits::Native);
  CHECK(seconds("ar-AE", 9) == "البدء من جديد بعد ٩ ثوانٍ");
  CHECK(seconds("th", 9) == "จะเริ่มต้นใหม่ใน ๙ วินาที");
  CHECK(strings.format("th", "open_today", hours) == "วันนี้เปิด ๐๙:๐๐ – ๑๗:๓๐ น.");
  // Chinese keeps 0-9: its CLDR "native" digits (〇一二) are not how signs write dates.
  CHECK(strings.format("zh-Hans", "event_dates", eventDates()) == "2026年11月15日 – 2027年2月28日");
  CHECK(strings.format("en", "photos", UiStrings::Args::number("count", 3)) == "3 photos");
  for (const auto& lang : strings.languages()) {
    CAPTURE(lang);
    const std::string out = strings.format(lang, "event_dates", eventDates());
    CHECK((lang == "ar" ? hasArabicIndicDigit(out) : lang == "th" ? hasThaiDigit(out) : hasLatinDigit(out)));
  }
}

TEST_CASE("[UiStrings] Thai dates are in the Buddhist Era, as Thai visitors read them, in the venue's digits") {
  UiStrings strings = catalog();
  // 2026 is 2569 BE. Plain "th" and "th-TH" alike: the year must not depend on whether staff wrote the region.
  CHECK(strings.format("th", "event_dates", eventDates()) == "15 พ.ย. 2569 – 28 ก.พ. 2570");
  CHECK(strings.format("th-TH", "event_dates", eventDates()) == "15 พ.ย. 2569 – 28 ก.พ. 2570");
  // A tag that asks for the Gregorian calendar gets it.
  CHECK(strings.format("th-u-ca-gregory", "event_dates", eventDates()) == "15 พ.ย. 2026 – 28 ก.พ. 2027");
  strings.setDigits(Digits::Native);
  CHECK(strings.format("th", "event_dates", eventDates()) == "๑๕ พ.ย. ๒๕๖๙ – ๒๘ ก.พ. ๒๕๗๐");
  strings.setDigits(Digits::Latin);
  CHECK(strings.format("th", "event_dates", eventDates()) == "15 พ.ย. 2569 – 28 ก.พ. 2570");
  // English standing in for a missing Thai string keeps the Gregorian year.
  UiStrings partial;
  partial.set("en", "event_dates", "{from, date, medium} – {until, date, medium}");
  partial.set("th", "home", "หน้าหลัก");
  CHECK(partial.format("th", "event_dates", eventDates()) == "Nov 15, 2026 – Feb 28, 2027");
}

TEST_CASE("[UiStrings] an offered language without the kiosk's words is named to staff at its place in kiosk.toml") {
  UiStrings strings = catalog();
  KioskSettings settings;
  settings.file = "content/kiosk.toml";
  settings.languages = {"zh-Hans", "en", "th", "ar-EG", "en-GB", "fr"};
  settings.languagePlaces = {{"zh-Hans", {3, 14}}, {"en", {3, 25}}, {"th", {3, 31}}, {"ar-EG", {3, 37}}, {"en-GB", {3, 46}}, {"fr", {3, 55}}};
  auto warnings = strings.checkOffered(settings);
  REQUIRE(warnings.size() == 1); // only French: Thai and Arabic have every string, en-GB is English
  CHECK(warnings[0].severity == Diagnostic::Severity::Warning);
  CHECK(warnings[0].file == "content/kiosk.toml");
  CHECK(warnings[0].line == 3);
  CHECK(warnings[0].column == 55);
  const std::string& m = warnings[0].message;
  CHECK(m.rfind("visitors who choose 'fr' (French) will see the kiosk's own words", 0) == 0);
  CHECK(m.find("in English, the fallback language") != std::string::npos);
  CHECK(m.find("assets/ui-strings.toml has no strings for 'fr'; add a [fr] section there") != std::string::npos);

  // A language with most strings: the missing ones are named, once for the language.
  strings.set("fr", "home", "Accueil");
  for (const auto& key : strings.keys("en"))
    if (key != "photos" && key != "starting_over") strings.set("fr", key, "x");
  warnings = strings.checkOffered(settings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message.find("will see 2 of the kiosk's own words in English") != std::string::npos);
  CHECK(warnings[0].message.find("lacks photos, starting_over in its [fr] section; add them there") != std::string::npos);
  strings.set("fr", "photos", "x");
  strings.set("fr", "starting_over", "x");
  CHECK(strings.checkOffered(settings).empty());
}
