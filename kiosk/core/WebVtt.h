#pragma once
// Captions for films (issue 15): a WebVTT reader (W3C WebVTT, the parts a captions file for a
// kiosk uses). The "WEBVTT" header (after an optional byte-order mark, with any text after a
// space or tab), blocks separated by blank lines, NOTE, STYLE and REGION blocks skipped, an
// optional cue identifier, times as mm:ss.ttt or hh:mm:ss.ttt, cue settings after the end time
// ignored (the kiosk places captions itself). Cue text keeps its line breaks ("\n"); its tags
// (<b>, <i>, <u>, <c.class>, <v Name>, <lang xx>, <ruby>, timestamps) are removed and their text
// kept, except a ruby's <rt> reading, which is left out (the base text is shown once); the
// character references &amp; &lt; &gt; &nbsp; &lrm; &rlm; and numeric ones (&#233; &#xE9;) are
// decoded. The text is drawn by the kiosk's own text engine, so every script is right.
//
// Problems are Diagnostics at the .vtt file's line and column in plain sentences; a bad cue is
// left out and the others are kept. No SFML, OpenGL or ImGui here.
#include "core/Content.h"
#include "core/Diagnostic.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CaptionCue {
  double start = 0; // seconds from the film's start
  double end = 0;   // seconds; end > start
  std::string text; // UTF-8, tags removed, lines joined by "\n"
  int line = 0;     // the line of its time line in the .vtt file
};

struct Captions {
  std::vector<CaptionCue> cues; // by start time (file order among equal starts)

  // The cue shown at `seconds` (start <= seconds < end); where cues overlap, the one that
  // started last (the later in the file among equal starts). Null when none is shown.
  // O(log n) plus the cues still showing.
  const CaptionCue* at(double seconds) const;
  bool empty() const { return cues.empty(); }

  // Sorts the cues by start and builds what at() searches with; parseWebVtt calls it. Call it
  // again after changing `cues` by hand (at() falls back to a plain search until then).
  void index();

private:
  std::vector<double> m_maxEnd; // the latest end among cues[0..i]
};

// Limits: a captions file is text for a film, not a book.
inline constexpr std::uintmax_t kMaxCaptionFileBytes = 1024 * 1024;
inline constexpr std::size_t kMaxCaptionCues = 10'000;
inline constexpr std::size_t kMaxCueTextBytes = 1000; // about 300 Chinese or 1000 Latin letters: cut with a warning
inline constexpr std::size_t kMaxCaptionDiagnostics = 20; // per file; then one line with the count left

// Parses WebVTT text. Diagnostics name `displayFile` (as staff see it) at line:column. Without
// the WEBVTT header, or when the text is not UTF-8, no cue is kept.
Captions parseWebVtt(std::string_view text, const std::string& displayFile, std::vector<Diagnostic>& out);

// Reads and parses a .vtt file: opened without waiting and only when it is a regular file (a
// pipe or a device is never read), at most kMaxCaptionFileBytes. A file that cannot be read is
// one error naming it (line 0).
Captions readWebVttFile(const std::filesystem::path& file, const std::string& displayFile, std::vector<Diagnostic>& out);

// Every captions file of a film, read and parsed: language tag -> captions, for the UI to load
// once per film on a worker thread. Files that cannot be read or hold no cue are left out
// (with their diagnostics in `out`).
std::map<std::string, Captions> loadFilmCaptions(const ImageRef& film, std::vector<Diagnostic>& out);

} // namespace kiosk
