#!/usr/bin/env bash
# The kiosk starts with no content folder; once its screens are captured, the folder is copied
# in while it runs.
#   run-missing-folder.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
folder="$(dirname "$out")/no-such-folder"
rm -rf "$folder" "$out"
mkdir -p "$out"
"$here/run-kiosk-script.sh" "$kiosk" "$here/missing-folder.kscript" "$folder" "$out" &
runner=$!
for _ in $(seq 600); do
  [ -s "$out/home.png" ] && break
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.05
done
sleep 0.2
cp -r "$src/content" "$folder"
wait "$runner"
