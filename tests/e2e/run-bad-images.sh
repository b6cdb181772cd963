#!/usr/bin/env bash
# The bad-pictures run: every kind of bad picture in one item; the kiosk must keep running,
# show placeholders, name each file for staff, and not modify a byte of the folder.
#   run-bad-images.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
work="$out.content"
"$here/make-bad-images.sh" "$src/content" "$work"
sums() { (cd "$work" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(sums)
"$here/run-kiosk-script.sh" "$kiosk" "$here/bad-images.kscript" "$work" "$out"
if [ "$before" != "$(sums)" ]; then
  echo "run-bad-images: the kiosk changed the content folder" >&2
  exit 1
fi
