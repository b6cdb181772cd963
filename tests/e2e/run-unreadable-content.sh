#!/usr/bin/env bash
# The content folder becomes unreadable while the kiosk runs, three ways: the whole folder
# chmod 000, one section's folder chmod 000, the folder moved away; each time it comes back.
# The kiosk must keep the last good content on screen, say why, and when the folder is readable
# again show what changed meanwhile (the title is edited while the folder is locked).
#   run-unreadable-content.sh KIOSK FAULT_PICTURES SOURCE_DIR OUT_DIR
# As root a chmod stops nobody reading, so then the kiosk runs as the user nobody (65534).
set -euo pipefail
kiosk=$1 pictures=$2 src=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/live-edit.sh"
work="$out.content"
rm -rf "$work" "$work.away" "$out"
mkdir -p "$out"
cp -r "$src/content" "$work"
chmod -R a+rX "$work"
if [ "$(id -u)" -eq 0 ]; then
  export KIOSK_RUN_AS=65534
  # That user must reach the copy: every folder above it searchable.
  d=$(dirname "$(realpath "$work")")
  while [ "$d" != / ]; do
    if ! setpriv --reuid=65534 --regid=65534 --clear-groups -- test -x "$d"; then
      echo "run-unreadable-content: SKIP: the user nobody cannot reach $d, so the kiosk cannot run as nobody here" >&2
      exit 77
    fi
    d=$(dirname "$d")
  done
fi
section="$work/sections/02-investment"
item="$section/01-industrial-base.toml"
# While it cannot be read the title is edited (root may; the kiosk must not see it yet), so the
# screen after each return shows the kiosk read the folder again.
retitle() { sed -i "s/A [A-Z][a-z]* Industrial Base/A $2 Industrial Base/" "$1"; }
live_start "$kiosk" "$here/unreadable-content.kscript" "$work" "$out"
live_waitfor before.png
chmod 000 "$work"
retitle "$item" Renewed
live_waitfor folder-locked.png
chmod 755 "$work"
live_waitfor folder-back.png
chmod 000 "$section"
retitle "$item" Revised
live_waitfor section-locked.png
chmod 755 "$section"
live_waitfor section-back.png
mv "$work" "$work.away"
retitle "$work.away/sections/02-investment/01-industrial-base.toml" Restored
live_waitfor moved-away.png
mv "$work.away" "$work"
live_finish

# What visitors saw: while unreadable, the screen as before it (the staff's red dot in the
# corner aside); once readable, the title edited meanwhile.
log="$out/kiosk.log"
fail() { echo "unreadable-content: FAIL: $*" >&2; exit 1; }
diff_of() { "$pictures" diff "$out/$1" "$out/$2" "${@:3}"; }
visitors='0 0 0.9 0.9' title='0.57 0.09 0.99 0.17'
for pair in "before folder-locked" "folder-back section-locked" "section-back moved-away"; do
  read -r shown locked <<<"$pair"
  d=$(diff_of "$shown.png" "$locked.png" $visitors)
  echo "unreadable-content: $locked.png differs from $shown.png by $d (of 255) where visitors look"
  awk -v d="$d" 'BEGIN { exit !(d < 0.5) }' || fail "$locked.png is not the content shown before ($shown.png)"
done
for pair in "before folder-back" "folder-back section-back" "section-back moved-back"; do
  read -r old back <<<"$pair"
  d=$(diff_of "$old.png" "$back.png" $title)
  echo "unreadable-content: the title in $back.png differs from $old.png by $d"
  awk -v d="$d" 'BEGIN { exit !(d > 1) }' || fail "$back.png does not show the title edited while the folder was unreadable"
done
# What staff read: why, once each time; never a wrong reason.
held=$(grep -c 'the previous content stays on screen' "$log" || true)
denied=$(grep -c 'Permission denied' "$log" || true)
reloaded=$(grep -c '^kiosk: content reloaded' "$log" || true)
echo "unreadable-content: $held 'previous content stays' lines, $denied 'Permission denied', $reloaded reloads shown"
[ "$held" -eq 3 ] || fail "$held lines say the previous content stays, expected 3 (one per time the folder was unreadable)"
[ "$denied" -ge 2 ] || fail "the log does not say the folder and the section could not be read (Permission denied)"
[ "$reloaded" -eq 3 ] || fail "$reloaded reloads were shown, expected 3 (one per return)"
if grep -n 'kiosk.toml is missing' "$log"; then fail "the log blames a missing kiosk.toml for a folder it could not read"; fi
echo "unreadable-content: PASS"
