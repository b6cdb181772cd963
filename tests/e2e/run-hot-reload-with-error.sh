#!/usr/bin/env bash
# The kiosk starts with a damaged picture in the folder; a title edited elsewhere must still show.
#   run-hot-reload-with-error.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/live-edit.sh"
work="$out.content"
rm -rf "$work" "$out"
mkdir -p "$out"
cp -r "$src/content" "$work"
printf 'not a picture' >"$work/sections/06-entry-exit/images/work-permits-1.jpg"
live_start "$kiosk" "$here/hot-reload-with-error.kscript" "$work" "$out"
live_waitfor before.png
sed -i 's/A Strong Industrial Base/A Renewed Industrial Base/; s/雄厚的产业基础/焕新的产业基础/' \
  "$work/sections/02-investment/01-industrial-base.toml"
live_finish
