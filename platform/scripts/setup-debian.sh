#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs, and only those that are missing.
# Idempotent: a second run installs nothing and does not touch the network.
#   setup-debian.sh run     packages to build and run the kiosk
#   setup-debian.sh test    the above, plus what the tests need (Xvfb for end-to-end runs, clang for fuzzing)
set -euo pipefail

run_packages=(
  build-essential cmake pkg-config          # toolchain
  libsfml-dev libimgui-dev                  # window, input, OpenGL context; widgets
  libicu-dev libtomlplusplus-dev libstb-dev # text rules; content files; image decoding
  libmd4c-dev                               # light formatting (Markdown) in body text
  libturbojpeg0-dev                         # JPEG decoding at a reduced scale (camera photos)
  libqrencode-dev                           # QR codes for item links
  libharfbuzz-dev libfreetype-dev           # shaping (Thai, Arabic, kerning) and glyph rasterizing
  libfontconfig-dev libx11-dev              # finding fonts per language; checking for a display
  libxi-dev                                 # multi-touch (XInput 2.2): pinch and two-finger gestures
  libxext-dev                               # display power (DPMS) outside opening hours
  libxrandr-dev                             # the display's refresh rate, for frame pacing
  libsystemd-dev                            # the service's readiness and watchdog (sd_notify)
  libsodium-dev                             # the staff PIN's hash (Argon2id); publish's content hash (SHA-256)
  nlohmann-json3-dev                        # JSON: the visit log's lines, validate --json (headers)
  fonts-noto-core fonts-noto-cjk            # Latin, Cyrillic, Thai...; Chinese, Japanese, Korean
  fonts-noto-color-emoji                    # emoji, in colour (Noto Color Emoji)
  doctest-dev                               # the test framework (headers; the build always has tests)
  libcli11-dev                              # the command line's verbs and options (CLI11, headers)
  libmpv-dev                                # films: probing, poster frames, playback through mpv's render API
  libxml2-dev                               # reading XLIFF 2.0 files back from translators (translations import)
  libespeak-ng-dev espeak-ng-data           # speech output for visitors who cannot see the screen (its voices)
)
test_packages=(
  xvfb xauth                                # end-to-end runs of the real kiosk on a virtual display
  clang libclang-rt-14-dev                  # the sanitizer build and its libFuzzer targets
  zbar-tools                                # reads the QR codes back from screenshots
  systemd                                   # systemd-analyze verify for the service unit
  rsync                                     # the sync end-to-end test delivers content with it
  python3                                   # rrsync (in rsync) is Python: the push gate test runs it
  unicode-data                              # BidiCharacterTest.txt, LineBreakTest.txt: the text conformance tests
  time                                      # /usr/bin/time: the hostile content test measures each run's memory
  ffmpeg mpv                                # test films (frame counter burnt in) and bench_video's reference player
  python3-polib translate-toolkit gettext   # the exported PO files read by polib, pofilter and msgfmt
  libxml2-utils                             # xmllint: the exported XLIFF checked against its schema
  sox espeak-ng                             # the keypad visit: its speech WAV files measured, a paragraph read whole
  chromium                                  # bench_vs_browser: the browser kiosk the kiosk is measured against
)

case "${1:-run}" in
  run) wanted=("${run_packages[@]}") ;;
  test) wanted=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup-debian: these packages are missing and I am not root and there is no sudo:" >&2
  echo "  ${missing[*]}" >&2
  echo "Install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "setup-debian: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
