#pragma once
// libespeak-ng, process-wide, on its one worker thread: espeak-ng keeps global state and is not
// thread-safe, and in this version initializing it a second time in one process hangs at exit,
// so it is started once (on first use) and every call to it runs on that thread.
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::speech {

class EspeakEngine {
public:
  // The engine, started on first use (blocks until espeak-ng is initialized: tens of ms).
  static EspeakEngine& instance();

  // False when espeak-ng could not start (no data files); `problem()` says why.
  bool usable() const { return m_sampleRate > 0; }
  const std::string& problem() const { return m_problem; }
  int sampleRate() const { return m_sampleRate; } // 22050 Hz with espeak-ng 1.51
  // Lower-case language names of the installed voices ("cmn", "en", "en-us", "yue").
  const std::set<std::string>& languages() const { return m_languages; }

  // Receives each chunk of 16-bit mono PCM as it is synthesized (on the worker); returns false
  // to abandon the rest of the text.
  using ChunkSink = std::function<bool(const std::int16_t* samples, int count)>;
  // Runs `job` on the worker, after the jobs posted before it.
  void post(std::function<void()> job);
  // On the worker only: speaks `text` (UTF-8) with `voice` at `wordsPerMinute` into `sink`;
  // false when the voice is unknown or the synthesis failed.
  static bool synthesize(const std::string& voice, int wordsPerMinute, const std::string& text, const ChunkSink& sink);
  // From any thread but the worker: the whole of `text` at once, waiting (tests, benchmarks).
  std::vector<std::int16_t> synthesizeNow(const std::string& voice, int wordsPerMinute, const std::string& text);

  // Milliseconds of audio per chunk handed to a ChunkSink (espeak-ng's buffer length).
  static constexpr int kChunkMs = 40;

private:
  EspeakEngine();
  struct Worker;
  Worker* m_worker = nullptr; // never freed: the thread lives as long as the process
  int m_sampleRate = 0;
  std::string m_problem;
  std::set<std::string> m_languages;
};

} // namespace kiosk::speech
