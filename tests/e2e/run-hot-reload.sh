#!/usr/bin/env bash
# Hot reload end to end: the kiosk runs a script on a copy of the sample content while this
# script edits the copy the way staff do, each edit made when the kiosk has shown the last one.
#   run-hot-reload.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
work="$out.content"
rm -rf "$work" "$out"
mkdir -p "$out"
cp -r "$src/content" "$work"
item="$work/sections/02-investment/01-industrial-base.toml"
"$here/run-kiosk-script.sh" "$kiosk" "$here/hot-reload.kscript" "$work" "$out" &
runner=$!
waitfor() { # a screenshot, or the runner ending (then fail)
  for _ in $(seq 600); do
    [ -s "$out/$1" ] && { sleep 0.2; return 0; }
    kill -0 "$runner" 2>/dev/null || break
    sleep 0.05
  done
  echo "run-hot-reload: $1 never appeared" >&2
  return 1
}
# 1. Change the title: an editor that saves by writing a new file and renaming it over the old.
waitfor before.png
sed 's/A Strong Industrial Base/A Renewed Industrial Base/; s/雄厚的产业基础/焕新的产业基础/' "$item" >"$item.tmp"
mv "$item.tmp" "$item"
# 2. Break it: an unclosed table, as a hurried edit leaves it.
waitfor edited.png
cp "$item" "$out/item.good"
printf 'title = { zh-Hans = "坏了"\n' >"$item"
# 3. Fix it.
waitfor broken.png
cp "$out/item.good" "$item"
# 4. The whole folder goes away (renamed, as when staff swap in a new version)...
waitfor fixed.png
mv "$work" "$work.away"
# 5. ...and comes back.
waitfor folder-gone.png
mv "$work.away" "$work"
wait "$runner"
