#!/usr/bin/env bash
# A picture replaced while it is being decoded: the item's picture is a large JPEG (6 MP, about
# 7 MB, red), and while the kiosk shows it the file is rewritten in place, cut short, emptied,
# written in chunks and replaced by rename, by turns with a blue one, a few times a second. No
# crash, no garbage on screen (each screenshot is the red picture, the blue one or a
# placeholder: never part of one, nor a mix), and once the blue one stays, it is shown.
#   run-picture-replaced.sh KIOSK FAULT_PICTURES SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 pictures=$2 src=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/live-edit.sh"
work="$out.content" made="$out.pictures" # beside OUT_DIR, which the run empties as it starts
rm -rf "$work" "$made" "$out"
mkdir -p "$out" "$made"
cp -r "$src/content" "$work"
red=c83232 blue=3250c8
"$pictures" jpeg "$made/red.jpg" 3000 2000 $red 1 &
"$pictures" jpeg "$made/blue.jpg" 3000 2000 $blue 2
wait $!
item="$work/sections/02-investment/01-industrial-base.toml"
pic="$work/sections/02-investment/images/industrial-base-1.jpg"
cp "$made/red.jpg" "$pic"
echo "picture-replaced: $(stat -c %s "$made/red.jpg") and $(stat -c %s "$made/blue.jpg") bytes, 3000x2000"

# The churn: every way a picture is replaced under a reader, with pauses around the kiosk's
# 0.25 s reload quiet time so that reloads and decodes start in the middle of it.
churn() {
  local half=$(($(stat -c %s "$made/blue.jpg") / 2)) round=0
  while :; do
    round=$((round + 1))
    cat "$made/blue.jpg" >"$pic"                        # rewritten in place (truncated first)
    sleep 0.3
    truncate -s "$half" "$pic"                         # cut short, and left so for a moment
    sleep 0.35
    cp "$made/red.jpg" "$pic.new" && mv "$pic.new" "$pic" # replaced by rename, as an editor saves
    sleep 0.1
    : >"$pic"                                          # emptied, then written again
    sleep 0.05
    cat "$made/red.jpg" >"$pic"
    sleep 0.4
    dd if="$made/blue.jpg" of="$pic" bs=1M status=none  # written in 1 MiB pieces
    sleep 0.05
    head -c "$half" "$made/red.jpg" >"$pic"             # half of the other one
    sleep 0.3
  done
}

live_start "$kiosk" "$here/picture-replaced.kscript" "$work" "$out" --size 1024x576
live_waitfor red.png
churn &
churner=$!
trap 'kill "$churner" 2>/dev/null || true' EXIT
# Stopped at once (not live_waitfor's moment later): at most two loads that started before the
# blue picture stays can still end, the one under way and one more; the third reload after
# churn-4.png is the first that surely read the blue picture, and blue.png shows it.
for _ in $(seq 3000); do
  [ -s "$out/churn-4.png" ] && break
  kill -0 "$live_runner" 2>/dev/null || break
  sleep 0.01
done
kill "$churner"
wait "$churner" 2>/dev/null || true
cp "$made/blue.jpg" "$pic.new" && mv "$pic.new" "$pic"   # the new picture, to stay
for n in 1 2; do # an edit after each screenshot: each reload of the script answers one
  live_waitfor "settle-$n.png"
  echo "# settled $n" >>"$item"
done
live_finish

# Judged by colour: the share of the screen in the red picture's colour and in the blue one's.
fail() { echo "picture-replaced: FAIL: $*" >&2; exit 1; }
share() { "$pictures" share "$out/$1" "$2"; }
full=$(share red.png $red)
echo "picture-replaced: the red picture fills $full of the screen"
awk -v f="$full" 'BEGIN { exit !(f > 0.1) }' || fail "red.png does not show the red picture"
bad=0
for shot in churn-1 churn-2 churn-3 churn-4 settle-1 settle-2 blue; do
  r=$(share "$shot.png" $red) b=$(share "$shot.png" $blue)
  what=$(awk -v r="$r" -v b="$b" -v f="$full" 'BEGIN {
    whole = 0.97 * f; none = 0.01 * f
    if (r >= whole && b <= none) print "the red picture"
    else if (b >= whole && r <= none) print "the blue picture"
    else if (r <= none && b <= none) print "a placeholder"
    else print "GARBAGE" }')
  echo "picture-replaced: $shot.png: red $r, blue $b: $what"
  [ "$what" != GARBAGE ] || bad=$((bad + 1))
done
[ "$bad" -eq 0 ] || fail "$bad screenshots show part of a picture or a mix (above)"
case $(share blue.png $blue) in
  *) awk -v b="$(share blue.png $blue)" -v f="$full" 'BEGIN { exit !(b >= 0.97 * f) }' ||
       fail "blue.png, after the picture was left alone, does not show the new (blue) picture" ;;
esac
# How many loads noticed the picture changing under them depends on timing; none is fine (grep -c
# exits 1 on a count of 0, which pipefail would take for a failure).
echo "picture-replaced: log lines naming the picture: $(grep -c 'industrial-base-1.jpg' "$out/kiosk.log" || true)"
echo "picture-replaced: PASS"
