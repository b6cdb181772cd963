#!/usr/bin/env bash
# A machine without libmpv (it is opened when the first film needs it, kiosk/media/MpvLazy.cpp):
# validate says so once, as a warning at the first film, and blames no film; the kiosk runs the
# attract loop and a film's item with placeholders, and logs why each film cannot play.
#   run-no-libmpv.sh KIOSK CONTENT OUTDIR
set -euo pipefail
kiosk=$1 content=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
export KIOSK_LIBMPV=/nonexistent/libmpv.so.2
rm -rf "$out"
mkdir -p "$out"
status=0
"$kiosk" validate "$content" >"$out/validate.txt" 2>&1 || status=$?
cat "$out/validate.txt"
fail() { echo "run-no-libmpv: $*" >&2; exit 1; }
[ "$status" -eq 0 ] || fail "validate exited with $status: a missing libmpv is not an error in the content"
[ "$(grep -c 'warning: films cannot be checked or played on this machine: libmpv is not installed' "$out/validate.txt")" -eq 1 ] ||
  fail "expected one warning naming the missing libmpv"
grep -qE '\.toml:[0-9]+:[0-9]+: warning: films cannot be checked' "$out/validate.txt" || fail "the warning does not name a file, line and column"
! grep -q 'is not a film' "$out/validate.txt" || fail "a film was blamed for the machine's missing libmpv"
"$here/run-kiosk-script.sh" "$kiosk" "$here/no-libmpv.kscript" "$content" "$out/run" || fail "the kiosk run failed"
grep -q 'cannot be played: libmpv is not installed' "$out/run/kiosk.log" || fail "the kiosk's log does not say why the films cannot play"
! grep -q 'is not a film\|export it again' "$out/run/kiosk.log" || fail "the kiosk's log blames a film for the missing libmpv"
for shot in attract-film.png item.png; do [ -s "$out/run/$shot" ] || fail "no screenshot $shot"; done
echo "run-no-libmpv: validate warned once, the kiosk ran on with placeholders"
