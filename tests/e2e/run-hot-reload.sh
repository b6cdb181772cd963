#!/usr/bin/env bash
# Hot reload end to end: the kiosk runs a script on a copy of the sample content while this
# script edits the copy the way staff do, each edit made when the kiosk has shown the last one.
#   run-hot-reload.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/live-edit.sh"
work="$out.content"
rm -rf "$work" "$out"
mkdir -p "$out"
cp -r "$src/content" "$work"
item="$work/sections/02-investment/01-industrial-base.toml"
live_start "$kiosk" "$here/hot-reload.kscript" "$work" "$out"
# 1. Change the title: an editor that saves by writing a new file and renaming it over the old.
live_waitfor before.png
sed 's/A Strong Industrial Base/A Renewed Industrial Base/; s/雄厚的产业基础/焕新的产业基础/' "$item" >"$item.tmp"
mv "$item.tmp" "$item"
# 2. Break it: an unclosed table, as a hurried edit leaves it.
live_waitfor edited.png
cp "$item" "$out/item.good"
printf 'title = { zh-Hans = "坏了"\n' >"$item"
# 3. Fix it.
live_waitfor broken.png
cp "$out/item.good" "$item"
# 4. The whole folder goes away (renamed, as when staff swap in a new version)...
live_waitfor fixed.png
mv "$work" "$work.away"
# 5. ...and comes back.
live_waitfor folder-gone.png
mv "$work.away" "$work"
live_finish
