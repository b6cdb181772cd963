#!/usr/bin/env bash
# A visit by keypad only, with speech (issue 17): runs keypad.kscript (which checks the focus and
# each announcement as it goes) with --speech-wav, then checks what was actually spoken:
#  - the speech log names each utterance's voice: Chinese in cmn, English in en, Russian in ru;
#  - the idle question was spoken, in Russian;
#  - one WAV file per utterance spoken, with sound in it (sox: length and RMS level);
#  - the long paragraph cut by a key after a second lasts about a second, not the several seconds
#    espeak-ng takes to read it whole.
#   run-keypad.sh KIOSK SCRIPT CONTENT_DIR OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kiosk=$1 script=$2 content=$3 out=$4
"$here/run-kiosk-script.sh" "$kiosk" "$script" "$content" "$out" --size 1920x1080 --speech-wav "$out/wav"
fail() { echo "run-keypad: $*" >&2; exit 1; }
log="$out/kiosk.log"
spoken="$out/spoken.txt"
grep -o 'speech: voice=.*' "$log" | sed 's/^speech: //' >"$spoken" || true
echo "run-keypad: $(wc -l <"$spoken") utterances spoken"
for pair in "cmn zh-Hans 请选择主题" "en en Choose a topic" "ru ru Выберите тему" "ru ru Вы ещё здесь?" "en en three interlocking blue gears"; do
  read -r voice lang text <<<"$pair"
  grep -q "^voice=$voice lang=$lang \".*$text" "$spoken" || fail "nothing like '$text' was spoken with voice=$voice lang=$lang"
done
# No Chinese text in an English or Russian voice, and the reverse.
if grep -E '^voice=(en|ru) lang=zh' "$spoken" | grep -q .; then fail "a Chinese text was read by a non-Chinese voice"; fi
if grep -E '^voice=cmn lang=(en|ru)' "$spoken" | grep -q .; then fail "an English or Russian text was read by the Chinese voice"; fi
mapfile -t wavs < <(ls "$out/wav"/*.wav 2>/dev/null | sort)
[ "${#wavs[@]}" -eq "$(wc -l <"$spoken")" ] || fail "${#wavs[@]} WAV files for $(wc -l <"$spoken") utterances"
seconds() { sox "$1" -n stat 2>&1 | awk '/^Length \(seconds\)/ {print $3}'; }
rms() { sox "$1" -n stat 2>&1 | awk '/^RMS +amplitude/ {print $3}'; }
# Every language's speech has sound in it.
for lang in zh-Hans en ru; do
  # The longest of the language's files (most were cut short by the next key, as visitors do).
  f=$(for w in "$out/wav"/*-"$lang".wav; do echo "$(seconds "$w") $w"; done | sort -rn | head -n 1 | cut -d' ' -f2-)
  [ -n "$f" ] || fail "no WAV file in $lang"
  awk -v s="$(seconds "$f")" -v r="$(rms "$f")" 'BEGIN { exit !(s > 0.2 && r > 0.01) }' ||
    fail "$f is silent or empty ($(seconds "$f") s, RMS $(rms "$f"))"
  echo "run-keypad: $(basename "$f"): $(seconds "$f") s, RMS $(rms "$f")"
done
# The interruption: the paragraph read after "абзац 2 из 5" was cut by the next key.
line=$(grep -n '^voice=ru lang=ru "Машиностроение' "$spoken" | head -n 1 | cut -d: -f1)
[ -n "$line" ] || fail "the Russian paragraph was never spoken"
cut=${wavs[$((line - 1))]}
text=$(sed -n "${line}p" "$spoken" | sed 's/^[^"]*"//; s/"$//')
full="$out/full-paragraph.wav"
espeak-ng -v ru -w "$full" "$text"
echo "run-keypad: the paragraph: $(seconds "$cut") s as played, $(seconds "$full") s read whole"
awk -v c="$(seconds "$cut")" -v f="$(seconds "$full")" 'BEGIN { exit !(c < 1.6 && f > 3 && c < f / 2) }' ||
  fail "the paragraph was not cut: $(seconds "$cut") s of $(seconds "$full") s"
echo "run-keypad: passed"
