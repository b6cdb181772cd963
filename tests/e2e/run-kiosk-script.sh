#!/usr/bin/env bash
# Runs the real kiosk binary on a content folder with an input script, under Xvfb when there is
# no display, and fails when the kiosk fails, or logs a bug (a missing glyph, a crash).
#   run-kiosk-script.sh KIOSK SCRIPT CONTENT_DIR OUT_DIR
set -euo pipefail
kiosk=$1 script=$2 content=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
log="$out/kiosk.log"
cmd=("$kiosk" --script "$script" --screenshots "$out" "$content")
status=0
if [ -n "${DISPLAY:-}" ] && [ -z "${KIOSK_FORCE_XVFB:-}" ]; then
  "${cmd[@]}" >"$log" 2>&1 || status=$?
else
  # A screen as large as the window: Xvfb readback is exact (see shared DESIGN.md).
  xvfb-run -a -s "-screen 0 1920x1080x24" "${cmd[@]}" >"$log" 2>&1 || status=$?
fi
cat "$log"
if [ "$status" -ne 0 ]; then
  echo "run-kiosk-script: the kiosk exited with status $status" >&2
  exit 1
fi
if grep -q "this is a bug" "$log"; then
  echo "run-kiosk-script: the kiosk reported a bug (see above)" >&2
  exit 1
fi
