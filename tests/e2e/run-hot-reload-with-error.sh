#!/usr/bin/env bash
#   run-hot-reload-with-error.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
work="$out.content"
rm -rf "$work" "$out"
mkdir -p "$out"
cp -r "$src/content" "$work"
printf 'not a picture' >"$work/sections/06-entry-exit/images/work-permits-1.jpg"
item="$work/sections/02-investment/01-industrial-base.toml"
"$here/run-kiosk-script.sh" "$kiosk" "$here/hot-reload-with-error.kscript" "$work" "$out" &
runner=$!
for _ in $(seq 600); do
  [ -s "$out/before.png" ] && break
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.05
done
sleep 0.2
sed -i 's/A Strong Industrial Base/A Renewed Industrial Base/; s/雄厚的产业基础/焕新的产业基础/' "$item"
wait "$runner"
