// Which captions a film shows (Films::caption): the visitor's language along the fallbacks, then
// the kiosk's languages in order, and never a language the kiosk does not offer (validate warns
// that those are never shown, and no face is loaded for them: a scripted run waited 20 s for
// French captions it could never draw).
#include "ui/Films.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

std::string cueFile(const std::string& text) { return "WEBVTT\n\n00:00:00.000 --> 00:00:10.000\n" + text + "\n"; }

// Captions are read on a worker: ask until they are in (at most 5 s).
std::optional<Films::Cue> captionOf(Films& films, const ImageRef& film, const std::string& language,
                                    const std::vector<std::string>& languages) {
  for (int i = 0; i < 500; ++i) {
    if (auto cue = films.caption(film, language, "en", 1.0, languages)) return cue;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

} // namespace

TEST_CASE("[FilmCaptions] the visitor's language, then the kiosk's languages in order, never one it does not offer") {
  test::TempFolder dir;
  dir.write("pic.fr.vtt", cueFile("Bonjour"));
  dir.write("pic.ja.vtt", cueFile("こんにちは"));
  dir.write("pic.ru.vtt", cueFile("Привет"));
  ImageRef film;
  film.file = dir.path() / "pic.mp4";
  film.video = true;
  for (const char* l : {"fr", "ja", "ru"}) film.captions[l] = {dir.path() / ("pic." + std::string(l) + ".vtt"), std::string("pic.") + l + ".vtt"};

  SUBCASE("the visitor's own language") {
    Films films(Films::Options{});
    const auto cue = captionOf(films, film, "ru", {"zh-Hans", "en", "ja", "ru"});
    REQUIRE(cue);
    CHECK(cue->language == "ru");
    CHECK(cue->text == "Привет");
  }
  SUBCASE("none in the visitor's language: the first of the kiosk's languages that has them") {
    Films films(Films::Options{});
    const auto cue = captionOf(films, film, "en", {"zh-Hans", "en", "ru", "ja"});
    REQUIRE(cue);
    CHECK(cue->language == "ru"); // the kiosk's order, not the alphabet's (ja)
  }
  SUBCASE("only captions the kiosk does not offer: none shown") {
    Films films(Films::Options{});
    film.captions.erase("ja");
    film.captions.erase("ru");
    REQUIRE(captionOf(films, film, "fr", {"en", "fr"})); // read, and shown where the kiosk offers French
    CHECK_FALSE(films.caption(film, "en", "en", 1.0, {"zh-Hans", "en"}));
    CHECK_FALSE(films.caption(film, "fr", "en", 1.0, {"zh-Hans", "en"})); // not even for a visitor asking for it
  }
}
