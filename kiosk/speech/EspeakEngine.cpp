#include "speech/EspeakEngine.h"

#include <espeak-ng/speak_lib.h>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

namespace kiosk::speech {

struct EspeakEngine::Worker {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::function<void()>> jobs;
  std::thread thread;

  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [&] { return !jobs.empty(); });
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      job();
    }
  }
};

namespace {
// espeak-ng's callback has no closure: the sink travels in the synthesis's user data.
int onChunk(short* wav, int count, espeak_EVENT* events) {
  const auto* sink = static_cast<const EspeakEngine::ChunkSink*>(events ? events->user_data : nullptr);
  if (!sink) return 1;
  if (wav && count > 0 && !(*sink)(wav, count)) return 1; // abandon the rest
  return 0;
}
} // namespace

EspeakEngine& EspeakEngine::instance() {
  static EspeakEngine* engine = new EspeakEngine; // never destroyed: see the header
  return *engine;
}

EspeakEngine::EspeakEngine() : m_worker(new Worker) {
  m_worker->thread = std::thread([w = m_worker] { w->run(); });
  m_worker->thread.detach();
  std::promise<void> ready;
  post([this, &ready] {
    const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, kChunkMs, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
      m_problem = "espeak-ng could not start (is espeak-ng-data installed?)";
    } else {
      espeak_SetSynthCallback(onChunk);
      for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        // `languages` is a run of (priority byte, name, NUL), ended by a zero priority.
        for (const char* p = (*v)->languages; p && *p;) {
          std::string name(p + 1);
          for (auto& c : name)
            c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
          if (!name.empty()) m_languages.insert(name);
          p += 1 + std::strlen(p + 1) + 1;
        }
      }
      m_sampleRate = rate;
    }
    ready.set_value();
  });
  ready.get_future().wait();
}

void EspeakEngine::post(std::function<void()> job) {
  {
    std::lock_guard lock(m_worker->mutex);
    m_worker->jobs.push_back(std::move(job));
  }
  m_worker->wake.notify_one();
}

bool EspeakEngine::synthesize(const std::string& voice, int wordsPerMinute, const std::string& text,
                              const ChunkSink& sink) {
  // Loading a voice reads its dictionary (cmn's is 1.6 MB): only when the voice changes.
  static std::string loaded; // the worker's alone
  if (voice != loaded) {
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
      loaded.clear();
      return false;
    }
    loaded = voice;
  }
  espeak_SetParameter(espeakRATE, wordsPerMinute, 0);
  void* user = const_cast<ChunkSink*>(&sink);
  const espeak_ERROR e =
      espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, user);
  return e == EE_OK;
}

std::vector<std::int16_t> EspeakEngine::synthesizeNow(const std::string& voice, int wordsPerMinute,
                                                      const std::string& text) {
  std::promise<std::vector<std::int16_t>> done;
  post([&] {
    std::vector<std::int16_t> pcm;
    synthesize(voice, wordsPerMinute, text, [&](const std::int16_t* s, int n) {
      pcm.insert(pcm.end(), s, s + n);
      return true;
    });
    done.set_value(std::move(pcm));
  });
  return done.get_future().get();
}

} // namespace kiosk::speech
