#!/usr/bin/env bash
# The layout matrix for one display shape: writes the script (make-layout-matrix.sh), runs the
# kiosk on it, and checks that every layout rule was checked and none failed. The contact sheet
# (sheet.png, with sheet.png.txt saying what each thumbnail shows) is left in OUT_DIR.
#   run-layout-matrix.sh KIOSK CONTENT_DIR OUT_DIR WxH [MODES] [ITEMS]
set -euo pipefail
kiosk=$1 content=$2 out=$3 size=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
script="$out.kscript"
"$here/make-layout-matrix.sh" "$content" "${5:-}" "${6:-all}" >"$script"
[ -n "${5:-}" ] || "$here/make-layout-matrix.sh" "$content" >"$script"
expected=$(grep -c '^expect \(reachable\|keypad-reachable\|no-truncation\|stable-bar\)' "$script")
screens=$(grep -c '^open ' "$script")
status=0
"$here/run-kiosk-script.sh" "$kiosk" "$script" "$content" "$out" --size "$size" >"$out.log" 2>&1 || status=$?
grep -a 'error\|layout checks' "$out.log" | head -n 60 || true
line=$(grep -a 'layout checks:' "$out.log" | tail -n 1 || true)
passed=$(echo "$line" | sed -n 's/.*checks: \([0-9]*\) passed.*/\1/p')
echo "layout matrix $size: $screens screens opened, $expected checks expected: ${line#kiosk: }"
if [ "$status" -ne 0 ] || [ "${passed:-0}" != "$expected" ]; then
  echo "run-layout-matrix: not every layout check passed (see $out.log)" >&2
  exit 1
fi
