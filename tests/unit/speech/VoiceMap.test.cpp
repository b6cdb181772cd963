#include "speech/VoiceMap.h"
#include "TempFolder.h"
#include "speech/EspeakEngine.h"
#include "speech/RecordingSpeaker.h"

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <string>

using namespace kiosk;
using namespace kiosk::speech;

TEST_CASE("[VoiceMap] BCP 47 tags map to espeak-ng voice names") {
  const std::set<std::string> available = {"cmn", "yue", "en", "en-us", "en-gb", "ja",     "ko", "ru",
                                           "vi",  "th",  "ar", "pt",    "pt-br", "es-419", "es"};
  struct Row {
    const char* tag;
    const char* voice;
  };
  const Row rows[] = {
      {"zh-Hans", "cmn"},   {"zh-Hant", "cmn"},
      {"zh", "cmn"},        {"zh-CN", "cmn"},
      {"zh-TW", "cmn"},     {"zh-Hant-TW", "cmn"},
      {"zh-HK", "yue"},     {"zh-Hant-HK", "yue"},
      {"zh-MO", "yue"},     {"yue", "yue"},
      {"en", "en"},         {"en-US", "en-us"},
      {"en-GB", "en-gb"},   {"en-AU", "en"},
      {"ja", "ja"},         {"ko-KR", "ko"},
      {"ru", "ru"},         {"vi", "vi"},
      {"th", "th"},         {"ar", "ar"},
      {"ar-EG", "ar"},      {"pt-BR", "pt-br"},
      {"es-419", "es-419"}, {"mn", ""},
      {"mn-Cyrl-MN", ""},   {"", ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.tag);
    CHECK(voiceFor(r.tag, available) == r.voice);
  }
  CHECK(standInVoiceFor("mn", available) == "ru");
  CHECK(standInVoiceFor("bo", available) == "en");
}

TEST_CASE("[VoiceMap] every sample language but Mongolian has an installed espeak-ng voice") {
  auto& engine = EspeakEngine::instance();
  REQUIRE_MESSAGE(engine.usable(), engine.problem());
  const auto config = toml::parse_file((test::sampleContent() / "kiosk.toml").string());
  const auto* languages = config["kiosk"]["languages"].as_array();
  REQUIRE(languages);
  REQUIRE(languages->size() >= 8);
  for (const auto& node : *languages) {
    const std::string tag = node.value_or(std::string());
    CAPTURE(tag);
    if (tag == "mn")
      CHECK(voiceFor(tag, engine.languages()).empty());
    else
      CHECK_FALSE(voiceFor(tag, engine.languages()).empty());
  }
  for (const char* tag : {"th", "ar", "zh-HK"}) {
    CAPTURE(tag);
    CHECK_FALSE(voiceFor(tag, engine.languages()).empty());
  }
  CHECK(voiceFor("zh-Hant-HK", engine.languages()) == "yue");
}

TEST_CASE("[RecordingSpeaker] records what it was asked, in order") {
  RecordingSpeaker s;
  s.say({{"首页", "zh-Hans"}, {"Home", "en"}});
  CHECK(s.speaking());
  s.stop();
  s.repeat();
  CHECK(s.changeVolume(+2) == 7);
  CHECK(s.changeRate(-7) == 0);
  s.endVisit();
  CHECK(s.volume() == 5);
  CHECK(s.rate() == 5);
  REQUIRE(s.calls().size() == 6);
  CHECK(s.calls()[0].what == "say");
  CHECK(s.calls()[2].what == "repeat");
  CHECK(s.spoken() == std::vector<std::string>{"首页 | Home", "首页 | Home"});
  CHECK_FALSE(s.hasVoice("mn"));
  CHECK(s.hasVoice("ru"));
}
