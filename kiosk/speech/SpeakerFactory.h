#pragma once
// The Speaker the kiosk runs with: espeak-ng on the sound device; on a virtual clock (scripted
// runs) or without a sound device, espeak-ng played silently by the clock (still logged, and
// written to WAV files when asked); without espeak-ng, a speaker that says nothing.
#include "core/Clock.h"
#include "speech/EspeakSpeaker.h"
#include "speech/Speaker.h"

#include <memory>
#include <string>

namespace kiosk::speech {

struct SpeakerOptions {
  const Clock* clock = nullptr; // the app's clock: silent playback follows it
  bool virtualClock = false;    // scripted runs: never open the sound device
  std::string wavDir;           // --speech-wav DIR (virtual clock only)
  NoVoiceNotice notice;         // the "no voice for ..." words in the visitor's language
};

// Never null. What it chose is logged in one line ("kiosk: speech: ...").
std::unique_ptr<Speaker> makeSpeaker(const SpeakerOptions& options);

// Whether SFML can open the sound device (OpenAL); `why` holds SFML's message when not.
bool soundDeviceAvailable(std::string& why);

} // namespace kiosk::speech
