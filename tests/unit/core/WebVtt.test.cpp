#include "core/WebVtt.h"

#include "TempFolder.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

using namespace kiosk;
using namespace std::string_literals;
using kiosk::test::TempFolder;

namespace {

Captions parse(std::string_view text, std::vector<Diagnostic>& out) { return parseWebVtt(text, "films/a.en.vtt", out); }

size_t errorsIn(const std::vector<Diagnostic>& ds) {
  size_t n = 0;
  for (const auto& d : ds) n += d.severity == Diagnostic::Severity::Error;
  return n;
}

} // namespace

TEST_CASE("[WebVtt] a plain file gives its cues with times and text") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:01.000 --> 00:04.000\nHello\n\n00:05.500 --> 00:07.250\nSecond\nline\n", out);
  CHECK(out.empty());
  REQUIRE(c.cues.size() == 2);
  CHECK(c.cues[0].start == doctest::Approx(1.0));
  CHECK(c.cues[0].end == doctest::Approx(4.0));
  CHECK(c.cues[0].text == "Hello");
  CHECK(c.cues[0].line == 3);
  CHECK(c.cues[1].start == doctest::Approx(5.5));
  CHECK(c.cues[1].end == doctest::Approx(7.25));
  CHECK(c.cues[1].text == "Second\nline");
  CHECK(c.cues[1].line == 6);
}

TEST_CASE("[WebVtt] header text, BOM, CRLF and CR line ends are accepted") {
  for (const std::string& text : {std::string("\xEF\xBB\xBFWEBVTT - a title\r\nKind: captions\r\n\r\n01:02:03.004 --> 01:02:04.000 align:start line:0\r\nA\r\n"),
                                 std::string("WEBVTT\tx\rLanguage: en\r\r01:02:03.004 --> 01:02:04.000\rA\r")}) {
    std::vector<Diagnostic> out;
    const Captions c = parse(text, out);
    CHECK(out.empty());
    REQUIRE(c.cues.size() == 1);
    CHECK(c.cues[0].start == doctest::Approx(3723.004));
    CHECK(c.cues[0].text == "A");
  }
}

TEST_CASE("[WebVtt] identifiers are optional and NOTE STYLE and REGION blocks are skipped") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1 width:40%\n\nNOTE a note\nstill the note\n\n"
                           "intro\n00:00.000 --> 00:01.000\nFirst\n\nNOTE\n\n2\n00:01.000 --> 00:02.000 region:r1\nSecond\n",
                           out);
  CHECK(out.empty());
  REQUIRE(c.cues.size() == 2);
  CHECK(c.cues[0].text == "First");
  CHECK(c.cues[1].text == "Second");
}

TEST_CASE("[WebVtt] a time line without a blank line before it starts a new cue") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n00:00.000 --> 00:01.000\nOne\n00:01.000 --> 00:02.000\nTwo\n", out);
  CHECK(out.empty());
  REQUIRE(c.cues.size() == 2);
  CHECK(c.cues[0].text == "One");
  CHECK(c.cues[1].text == "Two");
}

TEST_CASE("[WebVtt] tags are removed and their text kept") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Roger Bingham>We are <b>in</b> <i>New</i> <c.yellow.big>York</c> "
                           "<lang zh-Hans>沈阳</lang><00:00.500> <u>now</u></v>\n",
                           out);
  CHECK(out.empty());
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text == "We are in New York 沈阳 now");
}

TEST_CASE("[WebVtt] a ruby shows its base text and leaves out the reading") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>です\n<ruby>東京<rt>とうきょう</ruby>へ\n", out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text == "漢字です\n東京へ");
}

TEST_CASE("[WebVtt] character references are decoded") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 --> 00:01.000\nA &amp; B &lt;tag&gt;&nbsp;&lrm;x&rlm; &#233;&#x4E2D; &unknown; & alone\n", out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text == "A & B <tag>\u00A0\u200Ex\u200F \u00E9\u4E2D &unknown; & alone");
}

TEST_CASE("[WebVtt] control characters are left out of cue text") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 --> 00:01.000\na\x1b[2Jb\tc\x7f\xc2\x85" "d&#27;e\0f"s, out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text == "a[2Jb cd\uFFFDef");
}

TEST_CASE("[WebVtt] a missing WEBVTT header is an error at line 1 and no cue is kept") {
  std::vector<Diagnostic> out;
  const Captions c = parse("00:00.000 --> 00:01.000\nHello\n", out);
  CHECK(c.cues.empty());
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Diagnostic::Severity::Error);
  CHECK(out[0].file == "films/a.en.vtt");
  CHECK(out[0].line == 1);
  CHECK(out[0].column == 1);
  CHECK(out[0].message.find("the first line must be WEBVTT") != std::string::npos);
}

TEST_CASE("[WebVtt] WEBVTTX and a leading blank line are not the header") {
  for (const char* text : {"WEBVTTX\n\n00:00.000 --> 00:01.000\nA\n", "\nWEBVTT\n\n00:00.000 --> 00:01.000\nA\n", ""}) {
    std::vector<Diagnostic> out;
    CHECK(parse(text, out).cues.empty());
    REQUIRE(out.size() == 1);
    CHECK(out[0].message.find("WEBVTT") != std::string::npos);
  }
}

TEST_CASE("[WebVtt] an SRT file is recognised in the message") {
  std::vector<Diagnostic> out;
  (void)parse("1\n00:00:01,000 --> 00:00:02,000\nHello\n", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message.find("SRT") != std::string::npos);
}

TEST_CASE("[WebVtt] a malformed timestamp is an error at its column and only that cue is left out") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:01.5 --> 00:02.000\nBad\n\n00:03.000 --> 00:04.000\nGood\n", out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text == "Good");
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Diagnostic::Severity::Error);
  CHECK(out[0].line == 3);
  CHECK(out[0].column == 1);
  CHECK(out[0].message.find("'00:01.5' is not a time; write minutes:seconds.milliseconds like 00:01.500") == 0);
}

TEST_CASE("[WebVtt] malformed end times and other timestamp forms") {
  struct Case {
    const char* line;
    int column;
  };
  for (const Case& k : {Case{"00:00.000 --> 00:01,000", 15}, Case{"00:00.000 --> 1:00.000", 15}, Case{"00:00.000 --> 00:60.000", 15},
                        Case{"00:00.000 --> 00:00:00:00.000", 15}, Case{"00:00.000 -->", 14}, Case{"00:61:00.000 --> 01:00:00.000", 1},
                        Case{"00:00.0000 --> 00:01.000", 1}, Case{"  00:00.000 x --> 00:01.000", 13}}) {
    CAPTURE(k.line);
    std::vector<Diagnostic> out;
    const Captions c = parse(std::string("WEBVTT\n\n") + k.line + "\nText\n", out);
    CHECK(c.cues.empty());
    REQUIRE(out.size() == 1);
    CHECK(out[0].line == 3);
    CHECK(out[0].column == k.column);
  }
}

TEST_CASE("[WebVtt] hours may have more than two digits and minutes above 59 need hours") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nA\n\n75:00.000 --> 76:00.000\nB\n", out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].start == doctest::Approx(360000.0));
  REQUIRE(out.size() == 1);
  CHECK(out[0].line == 6);
}

TEST_CASE("[WebVtt] a cue that ends before it starts is an error at the end time") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:05.000 --> 00:02.000\nBackwards\n", out);
  CHECK(c.cues.empty());
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Diagnostic::Severity::Error);
  CHECK(out[0].line == 3);
  CHECK(out[0].column == 15);
  CHECK(out[0].message.find("ends (00:02.000) before it starts (00:05.000)") != std::string::npos);
}

TEST_CASE("[WebVtt] a cue that ends when it starts is a warning") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:05.000 --> 00:05.000\nNever\n", out);
  CHECK(c.cues.empty());
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Diagnostic::Severity::Warning);
}

TEST_CASE("[WebVtt] text that is not UTF-8 is an error at the bad byte") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 --> 00:01.000\nCaf\xE9\n", out);
  CHECK(c.cues.empty());
  REQUIRE(out.size() == 1);
  CHECK(out[0].line == 4);
  CHECK(out[0].column == 4);
  CHECK(out[0].message.find("not UTF-8") != std::string::npos);
}

TEST_CASE("[WebVtt] a block without a time line is an error and the next cue is kept") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 - 00:01.000\nA\n\n00:01.000 --> 00:02.000\nB\n", out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text == "B");
  REQUIRE(out.size() == 1);
  CHECK(out[0].line == 3);
}

TEST_CASE("[WebVtt] at most 10000 cues are kept and the limit is said once") {
  std::string text = "WEBVTT\n\n";
  for (int i = 0; i < 10'050; ++i) text += "00:00.000 --> 00:01.000\nx\n\n";
  std::vector<Diagnostic> out;
  const Captions c = parse(text, out);
  CHECK(c.cues.size() == kMaxCaptionCues);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message.find("10000") != std::string::npos);
}

TEST_CASE("[WebVtt] a long cue text is cut at a character with a warning") {
  std::string text = "WEBVTT\n\n00:00.000 --> 00:01.000\n";
  for (int i = 0; i < 600; ++i) text += "沈";
  std::vector<Diagnostic> out;
  const Captions c = parse(text, out);
  REQUIRE(c.cues.size() == 1);
  CHECK(c.cues[0].text.size() <= kMaxCueTextBytes);
  CHECK(c.cues[0].text.size() % 3 == 0);
  REQUIRE(out.size() == 1);
  CHECK(out[0].severity == Diagnostic::Severity::Warning);
}

TEST_CASE("[WebVtt] many bad cues give a bounded number of diagnostics") {
  std::string text = "WEBVTT\n\n";
  for (int i = 0; i < 500; ++i) text += "0:00 --> 0:01\nx\n\n";
  std::vector<Diagnostic> out;
  (void)parse(text, out);
  CHECK(out.size() == kMaxCaptionDiagnostics + 1);
  CHECK(out.back().message.find("480 more") != std::string::npos);
  CHECK(errorsIn(out) == out.size());
}

TEST_CASE("[WebVtt] at() gives the cue showing and the latest starting where cues overlap") {
  std::vector<Diagnostic> out;
  const Captions c = parse("WEBVTT\n\n00:00.000 --> 00:10.000\nLong\n\n00:02.000 --> 00:03.000\nShort\n\n"
                           "00:01.000 --> 00:02.500\nOut of order\n\n00:20.000 --> 00:21.000\nLater\n",
                           out);
  REQUIRE(c.cues.size() == 4);
  auto textAt = [&](double t) {
    const CaptionCue* cue = c.at(t);
    return cue ? cue->text : std::string("-");
  };
  CHECK(textAt(-1) == "-");
  CHECK(textAt(0) == "Long");
  CHECK(textAt(1.5) == "Out of order");
  CHECK(textAt(2.2) == "Short");
  CHECK(textAt(3.0) == "Long");
  CHECK(textAt(10.0) == "-");
  CHECK(textAt(15) == "-");
  CHECK(textAt(20.5) == "Later");
  CHECK(textAt(21) == "-");
  Captions unindexed;
  unindexed.cues = c.cues;
  unindexed.cues.push_back({2.1, 2.2, "Added", 0});
  CHECK(unindexed.at(2.15)->text == "Added");
  CHECK(unindexed.at(3.0)->text == "Long");
}

TEST_CASE("[WebVtt] a captions file is read from disk and its problems name it") {
  TempFolder t;
  t.write("a.en.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
  std::vector<Diagnostic> out;
  CHECK(readWebVttFile(t.path() / "a.en.vtt", "a.en.vtt", out).cues.size() == 1);
  CHECK(out.empty());

  (void)readWebVttFile(t.path() / "missing.vtt", "missing.vtt", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "missing.vtt");
  CHECK(out[0].message.find("does not exist") != std::string::npos);

  out.clear();
  t.write("big.vtt", "WEBVTT\n\n" + std::string(kMaxCaptionFileBytes, 'x'));
  (void)readWebVttFile(t.path() / "big.vtt", "big.vtt", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message.find("KiB") != std::string::npos);

  out.clear();
  REQUIRE(::mkfifo((t.path() / "pipe.vtt").c_str(), 0600) == 0);
  (void)readWebVttFile(t.path() / "pipe.vtt", "pipe.vtt", out); // returns at once, never waits for a writer
  REQUIRE(out.size() == 1);
  CHECK(out[0].message.find("not a regular file") != std::string::npos);
}

TEST_CASE("[WebVtt] loadFilmCaptions reads each language of a film") {
  TempFolder t;
  t.write("f.en.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
  t.write("f.zh-Hans.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n");
  t.write("f.fr.vtt", "not captions\n");
  ImageRef film;
  film.video = true;
  film.captions["en"] = {t.path() / "f.en.vtt", "f.en.vtt"};
  film.captions["zh-Hans"] = {t.path() / "f.zh-Hans.vtt", "f.zh-Hans.vtt"};
  film.captions["fr"] = {t.path() / "f.fr.vtt", "f.fr.vtt"};
  std::vector<Diagnostic> out;
  const auto all = loadFilmCaptions(film, out);
  CHECK(all.size() == 2);
  CHECK(all.at("zh-Hans").at(0.5)->text == "你好");
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "f.fr.vtt");
}
