#!/usr/bin/env bash
# The kiosk starts with no content folder; once its screens are captured, the folder is copied
# in while it runs.
#   run-missing-folder.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/live-edit.sh"
folder="$(dirname "$out")/no-such-folder"
rm -rf "$folder" "$out"
mkdir -p "$out"
live_start "$kiosk" "$here/missing-folder.kscript" "$folder" "$out"
live_waitfor home.png
cp -r "$src/content" "$folder"
live_finish
