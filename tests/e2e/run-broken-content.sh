#!/usr/bin/env bash
# The broken-content run: break a copy of the sample content, run the kiosk on it, and check
# that the kiosk did not modify a single byte of what staff wrote.
#   run-broken-content.sh KIOSK SOURCE_DIR OUT_DIR [KIOSK_OPTION...]
set -euo pipefail
kiosk=$1 src=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
work="$out.content"
"$here/break-content.sh" "$src/content" "$work"
sums() { (cd "$work" && find . -type f -print0 | sort -z | xargs -0 sha256sum; find . | sort); }
before=$(sums)
"$here/run-kiosk-script.sh" "$kiosk" "$here/broken-content.kscript" "$work" "$out" "$@"
after=$(sums)
if [ "$before" != "$after" ]; then
  echo "run-broken-content: the kiosk changed the content folder" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
