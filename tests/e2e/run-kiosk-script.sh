#!/usr/bin/env bash
# Runs the real kiosk binary on a content folder with an input script, under Xvfb when there is
# no display, and fails when the kiosk fails, or logs a bug (a missing glyph, a crash).
#   run-kiosk-script.sh KIOSK SCRIPT CONTENT_DIR OUT_DIR [KIOSK_OPTION...]
# KIOSK_RUN_AS=UID (root only): the kiosk runs as that user and group (setpriv), OUT_DIR made
# theirs, for runs where file permissions must hold (root reads any file whatever its mode).
set -euo pipefail
kiosk=$1 script=$2 content=$3 out=$4
shift 4
rm -rf "$out"
mkdir -p "$out"
log="$out/kiosk.log"
# A fixed date keeps event items (shown only on their days) the same on every run.
# Each run has its own (empty) picture cache, never the user's ~/.cache.
cmd=()
if [ -n "${KIOSK_RUN_AS:-}" ]; then
  chown "$KIOSK_RUN_AS:$KIOSK_RUN_AS" "$out"
  cmd=(setpriv --reuid="$KIOSK_RUN_AS" --regid="$KIOSK_RUN_AS" --clear-groups --)
fi
# KIOSK_PRELOAD: libraries preloaded into the kiosk alone. The sanitizer stage preloads the GL
# driver so that it stays mapped until the leak check at exit (see platform/sanitizers/lsan.supp).
if [ -n "${KIOSK_PRELOAD:-}" ]; then
  cmd+=(env "LD_PRELOAD=$KIOSK_PRELOAD")
fi
cmd+=("$kiosk" --script "$script" --screenshots "$out" --date 2026-12-15 --image-cache "$out/image-cache" "$@" "$content")
status=0
if [ -n "${DISPLAY:-}" ] && [ -z "${KIOSK_FORCE_XVFB:-}" ]; then
  "${cmd[@]}" >"$log" 2>&1 || status=$?
else
  # Our own Xvfb, as large as the window (Xvfb readback is exact: see shared DESIGN.md).
  # -displayfd lets the server pick a free display number itself, so runs in parallel (ctest -j)
  # never share or steal each other's server, as `xvfb-run -a` can.
  # Starting and stopping take turns with every other run's server (xvfb-lock.sh); the runs
  # themselves go side by side.
  source "$(dirname "${BASH_SOURCE[0]}")/xvfb-lock.sh"
  displayfile=$(mktemp)
  xvfb_lock
  Xvfb -displayfd 3 -screen 0 3840x2160x24 -nolisten tcp -noreset 3>"$displayfile" 2>"$out/xvfb.log" &
  xvfb=$!
  # Wait for the server to be gone before returning: a dying Xvfb removes its socket by name,
  # and would remove the socket of the next run's server if that one took the same number.
  trap 'xvfb_lock; kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; xvfb_unlock; rm -f "$displayfile"' EXIT
  for _ in $(seq 200); do
    [ -s "$displayfile" ] && break
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.05
  done
  xvfb_unlock
  if [ ! -s "$displayfile" ]; then
    echo "run-kiosk-script: Xvfb did not start:" >&2
    cat "$out/xvfb.log" >&2
    exit 1
  fi
  DISPLAY=":$(head -n 1 "$displayfile")" "${cmd[@]}" >"$log" 2>&1 || status=$?
fi
cat "$log"
# EXPECT_STATUS: a run that must end the kiosk with that status (the admin view's Exit: 4).
if [ "$status" -ne "${EXPECT_STATUS:-0}" ]; then
  echo "run-kiosk-script: the kiosk exited with status $status, expected ${EXPECT_STATUS:-0}" >&2
  exit 1
fi
# A sanitizer build (platform/scripts/test-sanitizers.sh) reports memory errors, leaks and
# undefined behaviour in the log; any report fails the run, whatever the exit status was.
if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer" "$log"; then
  echo "run-kiosk-script: the kiosk made a sanitizer report (see above)" >&2
  exit 1
fi
if grep -q "this is a bug" "$log"; then
  echo "run-kiosk-script: the kiosk reported a bug (see above)" >&2
  exit 1
fi
