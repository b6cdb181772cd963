#!/usr/bin/env bash
# The X server goes away under a running kiosk (killed, crashed, the session ended): the kiosk
# must end promptly, never hang or spin, say why in one line (on stderr, so in the journal, and
# in its log file), and exit with its own status, 69, which kiosk.service restarts.
#   run-display-gone.sh KIOSK CONTENT_DIR UNIT_FILE OUT_DIR
# Several rounds, the server ended by SIGTERM (it closes its clients) and by SIGKILL (the
# connection just breaks), at different moments: while the content and fonts still load (worker
# threads busy), just after the first picture, and later. Xlib's own handler ended the kiosk with
# exit(1) here, whose destructors ran under those threads (once SIGABRT, "malloc(): unaligned
# fastbin chunk detected"), after a line of Xlib's own instead of the kiosk's.
set -euo pipefail
kiosk=$1 content=$2 unit=$3 out=$4
expected=69 # App::kExitDisplayLost
rm -rf "$out"
mkdir -p "$out"
say() { echo "display-gone: $*"; }
fail() { echo "display-gone: FAIL: $*" >&2; exit 1; }

# The unit must restart on that status: Restart=always (or on-failure), and 69 not among the
# statuses it treats as final or as success.
grep -qE '^Restart=(always|on-failure|on-abnormal)$' "$unit" ||
  fail "$unit has no Restart=always: a kiosk that lost its display would not be restarted"
grep -qE "^(RestartPreventExitStatus|SuccessExitStatus)=.*\\b$expected\\b" "$unit" &&
  fail "$unit does not restart on status $expected"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
xvfb='' pid=''
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  [ -n "$xvfb" ] && kill -9 "$xvfb" 2>/dev/null
  wait 2>/dev/null || true
}
trap cleanup EXIT

round=0
for plan in "TERM loading" "KILL loading" "TERM 0" "KILL 0" "TERM 2" "KILL 1"; do
  read -r signal after <<<"$plan"
  round=$((round + 1))
  dir="$out/round-$round"
  mkdir -p "$dir"
  displayfile="$dir/display"
  # Xvfb under a subshell that waits for it: the test kills the server, not a job of its own (bash
  # would report a job killed by a signal), and the subshell ends only once the server is gone.
  (
    Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp -noreset 3>"$displayfile" 2>"$dir/xvfb.log" &
    echo $! >"$dir/xvfb.pid"
    wait
  ) 2>/dev/null &
  xvfb_job=$!
  for _ in $(seq 100); do [ -s "$dir/xvfb.pid" ] && break; sleep 0.01; done
  xvfb=$(cat "$dir/xvfb.pid")
  for _ in $(seq 200); do
    [ -s "$displayfile" ] && break
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.05
  done
  [ -s "$displayfile" ] || { cat "$dir/xvfb.log" >&2; fail "Xvfb did not start"; }
  # As under systemd: the frame loop in real time (no script), its own state and log file.
  DISPLAY=":$(head -n 1 "$displayfile")" "$kiosk" --windowed --size 1280x720 --state-dir "$dir/state" \
    --log-file "$dir/file.log" --image-cache "$dir/image-cache" "$content" >"$dir/kiosk.log" 2>&1 &
  pid=$!
  # "loading": as soon as the window is open (the workers start then); else after the first picture.
  mark='^kiosk: first picture on screen' moment="$after s after the first picture"
  [ "$after" = loading ] && mark='^kiosk: pictures: texture budget' moment="while loading"
  for _ in $(seq 600); do
    grep -qs "$mark" "$dir/kiosk.log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/kiosk.log" >&2; fail "round $round: the kiosk ended before the display did"; }
    sleep 0.01
  done
  [ "$after" = loading ] || sleep "$after"
  kill -0 "$pid" 2>/dev/null || { cat "$dir/kiosk.log" >&2; fail "round $round: the kiosk ended before the display did"; }
  cpu0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  t0=$(now)
  kill "-$signal" "$xvfb"
  # Promptly: within 5 s. A hang or a busy loop would be still running then.
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$pid" 2>/dev/null; then
    cpu=$(awk -v c="$cpu0" '{ print ($14 + $15 - c) / 100 }' "/proc/$pid/stat")
    state=$(awk '{ print $3 }' "/proc/$pid/stat")
    kill -9 "$pid"
    cat "$dir/kiosk.log" >&2
    fail "round $round (Xvfb SIG$signal $moment): the kiosk still ran 5 s later (state $state, $cpu s of CPU since)"
  fi
  status=0
  wait "$pid" || status=$?
  pid=''
  secs=$(elapsed "$t0")
  wait "$xvfb_job" || true
  xvfb=''
  lines=$(grep -c 'kiosk: lost the X display' "$dir/kiosk.log" || true)
  say "round $round: Xvfb SIG$signal $moment: exit status $status after $secs s, $lines 'lost the X display' line(s)"
  if [ "$status" -ne "$expected" ]; then
    tail -n 5 "$dir/kiosk.log" >&2
    fail "round $round: exit status $status, expected $expected (a distinct status for a lost display)"
  fi
  [ "$lines" -eq 1 ] || { tail -n 5 "$dir/kiosk.log" >&2; fail "round $round: $lines lines saying the display was lost, expected 1"; }
  grep -q 'kiosk: lost the X display' "$dir/file.log" ||
    fail "round $round: the line is not in the log file $dir/file.log (written before the exit)"
done
say "PASS: $round rounds, each exit status $expected within 5 s, one line each"
