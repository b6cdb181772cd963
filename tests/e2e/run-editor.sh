#!/usr/bin/env bash
# The staff editor end to end: `kiosk edit` on a copy of the sample, driven by editor.kscript
# under its own Xvfb; then the folder must validate clean, and the diff must show only what the
# script did (new files, and one line of kiosk.toml with its comments kept).
#   run-editor.sh KIOSK SCRIPT CONTENT_DIR OUT_DIR [STAFF_LANGUAGE]   (en when not given)
set -euo pipefail
kiosk=$(realpath "$1") script=$(realpath "$2") content=$(realpath "$3") out=$4 language=${5:-en}
rm -rf "$out"
mkdir -p "$out"
work="$out/work"
mkdir -p "$work"
cp -a "$content" "$work/before"
cp -a "$content" "$work/content"
# Two pictures as staff get them: upper-case extension, spaces, underscores.
mkdir -p "$work/incoming"
cp "$content/sections/03-culture-tourism/images/mukden-palace-1.jpg" "$work/incoming/Museum Hall.JPG"
cp "$content/sections/03-culture-tourism/images/shenyang-map.png" "$work/incoming/city_map.png"
log="$out/editor.log"
displayfile=$(mktemp)
source "$(dirname "${BASH_SOURCE[0]}")/xvfb-lock.sh" # starting and stopping take turns
xvfb_lock
Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp -noreset 3>"$displayfile" 2>"$out/xvfb.log" &
xvfb=$!
trap 'xvfb_lock; kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; xvfb_unlock; rm -f "$displayfile"' EXIT
for _ in $(seq 200); do
  [ -s "$displayfile" ] && break
  kill -0 "$xvfb" 2>/dev/null || break
  sleep 0.05
done
xvfb_unlock
export DISPLAY=":$(head -n 1 "$displayfile")"
status=0
(cd "$work" && XDG_CACHE_HOME="$out/cache" timeout 300 "$kiosk" edit --script "$script" \
   --screenshots "$out" --size 1600x1000 --language "$language" content) >"$log" 2>&1 || status=$?
cat "$log"
fail() { echo "run-editor: $*" >&2; exit 1; }
[ "$status" -eq 0 ] || fail "the editor exited with status $status"
for shot in 01-opened 02-item-en 03-item-ru-portrait; do
  [ -s "$out/$shot.png" ] || fail "no screenshot $shot.png"
done
# The result validates clean: no errors, and no warnings but the missing translations of the
# languages the script did not write (ja, ko, mn, vi, zh-Hant: one line per section and language)
# and the one line for its new pictures, which it does not describe (alt).
"$kiosk" validate --language en "$work/content" >"$out/validate.txt" 2>&1 || { cat "$out/validate.txt"; fail "validate failed"; }
cat "$out/validate.txt"
grep -q ", 0 errors, " "$out/validate.txt" || fail "validate found errors"
if grep ': warning: ' "$out/validate.txt" | grep -v ' texts in 07-museums have no translation;' |
  grep -v ' pictures in 07-museums have no description for visitors who cannot see them;' | grep -q .; then
  fail "validate warns about something else than the translations the script left out"
fi
# The diff: kiosk.toml changed in one line only, its comments kept; the new section's files; the
# rest untouched.
diff -ru "$work/before" "$work/content" >"$out/content.diff" || true
head -80 "$out/content.diff"
changed=$( (diff -rq "$work/before" "$work/content" || true) | sort)
echo "$changed"
expected="Files $work/before/kiosk.toml and $work/content/kiosk.toml differ
Only in $work/content/sections: 07-museums"
[ "$changed" = "$expected" ] || fail "other files changed than the script's"
[ "$(diff "$work/before/kiosk.toml" "$work/content/kiosk.toml" | grep -c '^[<>]')" -eq 2 ] || fail "kiosk.toml changed in more than one line"
grep -q '^# The staff admin view' "$work/content/kiosk.toml" || fail "kiosk.toml lost its comments"
ls "$work/content/sections/07-museums" "$work/content/sections/07-museums/images"
[ -f "$work/content/sections/07-museums/images/museum-hall.jpg" ] || fail "the dropped photo was not copied under a safe name"
[ -f "$work/content/sections/07-museums/images/city-map.png" ] || fail "the dropped map was not copied under a safe name"
grep -q '^\[\[map.points\]\]' "$work/content/sections/07-museums/01-liaoning-museum.toml" || fail "no map point"
# No editor files left behind, nothing in the staff's folder but content.
[ -z "$(find "$work/content" -name '*.kiosk-edit' -o -name '*.part')" ] || fail "temporary files left in the content folder"
echo "run-editor: passed"
