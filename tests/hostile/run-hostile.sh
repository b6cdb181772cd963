#!/usr/bin/env bash
# Runs `kiosk validate` and the kiosk itself on every hostile content case (make-hostile-cases.sh)
# and prints a Markdown table: what each did, and whether that is what a polished product does.
# Exits non-zero when any case crashed, hung, drew a sanitizer report or missed its expectation.
#   run-hostile.sh [--validate-only] [--only REGEX] KIOSK OUTDIR
# --validate-only  only `kiosk validate` (quick; for sanitizer builds)
# --only REGEX     only the cases whose id matches (grep -E)
# Environment: HOSTILE_JOBS (default 2: the kiosk runs at most two at a time), HOSTILE_TIMEOUT
# (seconds, default 60, for each validate and each kiosk run), HOSTILE_MAX_RSS_MIB (default
# 1024, for each), HOSTILE_UID (default 61234: the throwaway user that runs the cases needing
# file permissions to apply, when this runs as root).
# Writes OUTDIR/hostile.md (the table), OUTDIR/results/ID.* (each run's output) and
# OUTDIR/runs/ID/ (each kiosk run's screenshots and log).
set -euo pipefail
validate_only=0 only=
while [ $# -gt 0 ]; do
  case $1 in
    --validate-only) validate_only=1; shift ;;
    --only) only=$2; shift 2 ;;
    -*) echo "run-hostile: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: run-hostile.sh [--validate-only] [--only REGEX] KIOSK OUTDIR" >&2; exit 2; }
kiosk=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
jobs=${HOSTILE_JOBS:-2}
limit=${HOSTILE_TIMEOUT:-60}
max_rss_mib=${HOSTILE_MAX_RSS_MIB:-1024}
throwaway_uid=${HOSTILE_UID:-61234}
[ -x "$kiosk" ] || { echo "run-hostile: $kiosk is not an executable" >&2; exit 2; }
start=$(date +%s)

"$here/make-hostile-cases.sh" "$out" >/dev/null
out=$(cd "$out" && pwd)
cases="$out/cases"
mkdir -p "$out/results" "$out/runs"

# A sanitizer build reserves terabytes of address space: no ulimit -v for it.
vm_limit_kib=$((8 * 1024 * 1024))
if grep -qaE '__asan_init|__tsan_init|__msan_init' "$kiosk"; then vm_limit_kib=unlimited; fi

# Cases whose point is a file the runner may not read: as root, chmod 000 stops nothing, so they
# run as a throwaway user (no home, no groups, no capabilities) where the folder lets it in.
runas=()
nonroot_note=
if [ "$(id -u)" -eq 0 ]; then
  runas=(setpriv --reuid="$throwaway_uid" --regid="$throwaway_uid" --clear-groups --inh-caps=-all)
  if ! "${runas[@]}" test -r "$out/base/kiosk.toml" 2>/dev/null; then
    nonroot_note="skipped: root (user $throwaway_uid cannot reach $out)"
  fi
fi
have_time=1
[ -x /usr/bin/time ] || have_time=0

# The visitor's path: home -> English (most hostile texts are the English ones) -> the first
# section -> its first item -> back. Taps by position (top left of the grid), not by name, so a
# case whose first section or item is left out still opens whatever comes first.
cat >"$out/nav.kscript" <<'EOF'
wait 1s
tap @attract
expect screen home
screenshot home.png
tap @lang:en
expect language en
tap 8% 40%
expect screen section
tap 8% 45%
expect screen item
screenshot item.png
tap @back
expect screen section
EOF

# Xvfb servers, one per job, started one after another (two starting at once can unlink each
# other's socket; xvfb-lock.sh: in turn with other tests' servers too) and stopped at the end.
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/xvfb-lock.sh"
xvfb_pids=()
displays=()
cleanup() {
  [ ${#xvfb_pids[@]} -gt 0 ] && xvfb_lock
  for p in "${xvfb_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${xvfb_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  xvfb_unlock
}
trap cleanup EXIT
if [ "$validate_only" -eq 0 ]; then
  xvfb_lock
  for ((j = 0; j < jobs; j++)); do
    dfile="$out/xvfb-$j.display"
    : >"$dfile"
    Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp -noreset 3>"$dfile" 2>"$out/xvfb-$j.log" &
    xvfb_pids+=($!)
    for _ in $(seq 200); do
      [ -s "$dfile" ] && break
      kill -0 "${xvfb_pids[$j]}" 2>/dev/null || break
      sleep 0.05
    done
    [ -s "$dfile" ] || { echo "run-hostile: Xvfb did not start:" >&2; cat "$out/xvfb-$j.log" >&2; exit 1; }
    displays+=(":$(head -n 1 "$dfile")")
  done
  xvfb_unlock
fi

# run_timed NAME CMD...: runs CMD (in the cases folder) with the time limit and memory limit;
# writes NAME.out (stdout and stderr) and NAME.res: "status seconds maxrss_kib", where status
# is "exit N", "signal N" or "hung".
run_timed() {
  local name=$1
  shift
  local t0 t1 rc=0 secs rss=0 status
  t0=$(date +%s.%N)
  if [ "$have_time" -eq 1 ]; then
    (cd "$cases" && ulimit -v "$vm_limit_kib" && exec timeout -k 5 "$limit" /usr/bin/time -f 'time: %M' -o "$name.time" "$@") >"$name.out" 2>&1 </dev/null || rc=$?
  else
    (cd "$cases" && ulimit -v "$vm_limit_kib" && exec timeout -k 5 "$limit" "$@") >"$name.out" 2>&1 </dev/null || rc=$?
  fi
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  if [ "$have_time" -eq 1 ] && [ -s "$name.time" ]; then
    rss=$(sed -n 's/^time: \([0-9]*\)$/\1/p' "$name.time" | tail -n 1)
  fi
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    status=hung
  elif [ "$have_time" -eq 1 ] && grep -q '^Command terminated by signal' "$name.time" 2>/dev/null; then
    status="signal $(sed -n 's/^Command terminated by signal \([0-9]*\).*/\1/p' "$name.time")"
  elif [ "$rc" -gt 128 ]; then
    status="signal $((rc - 128))"
  else
    status="exit $rc"
  fi
  echo "$status|$secs|${rss:-0}" >"$name.res"
}

# One case: validate, then the kiosk. Results land in results/ID.*.
run_case() {
  local id=$1 flags=$2 display=$3
  local prefix=()
  if [[ ",$flags," == *,nonroot,* ]]; then
    if [ -n "$nonroot_note" ]; then
      echo "$nonroot_note" >"$out/results/$id.skipped"
      return
    fi
    prefix=("${runas[@]}")
  fi
  run_timed "$out/results/$id.validate" "${prefix[@]}" "$kiosk" validate "$id"
  [ "$validate_only" -eq 1 ] && return
  local run="$out/runs/$id"
  rm -rf "$run"
  mkdir -p "$run"
  chmod 777 "$run"
  DISPLAY=$display run_timed "$out/results/$id.kiosk" "${prefix[@]}" "$kiosk" --script "$out/nav.kscript" \
    --screenshots "$run" --date 2026-12-15 --image-cache "$run/cache" --state-dir "$run/state" --size 1024x576 "$id"
  cp "$out/results/$id.kiosk.out" "$run/kiosk.log"
  rm -rf "$run/cache" "$run/state"
}

# The cases to run, in manifest order.
ids=() flagsof=()
while IFS=$'\t' read -r id _ _ _ _ _ flags; do
  [[ $id == \#* ]] && continue
  if [ -n "$only" ] && ! grep -qE -- "$only" <<<"$id"; then continue; fi
  ids+=("$id")
  flagsof+=("$flags")
done <"$out/manifest.tsv"

# Workers take the next case from a shared counter.
counter="$out/.next"
echo 0 >"$counter"
worker() {
  local j=$1 n
  while :; do
    {
      flock 9
      n=$(cat "$counter")
      echo $((n + 1)) >"$counter"
    } 9>"$counter.lock"
    [ "$n" -lt "${#ids[@]}" ] || break
    run_case "${ids[$n]}" "${flagsof[$n]}" "${displays[$j]:-}"
  done
}
pids=()
for ((j = 0; j < jobs; j++)); do
  worker "$j" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done

# The table, and the verdict.
VALIDATE_ONLY=$validate_only MAX_RSS_MIB=$max_rss_mib ELAPSED=$(($(date +%s) - start)) \
  perl "$here/hostile-table.pl" "$out" "${ids[@]}" | tee "$out/hostile.md" >/dev/null
cat "$out/hostile.md"
echo "run-hostile: the table is in $out/hostile.md ($(($(date +%s) - start)) s)" >&2
tail -n 1 "$out/hostile.md" | grep -q ' 0 not as expected' || exit 1
