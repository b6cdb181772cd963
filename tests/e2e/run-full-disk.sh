#!/usr/bin/env bash
# The kiosk on a full disk: its state dir (start count, visit analytics), log file, image cache
# and metrics file all on a 128 KiB tmpfs filled to the last page, with the state a previous run
# left there. The kiosk must keep drawing (the script completes, the screenshots change), say
# why once per kind of file (never once per frame or per write), and leave the last good state
# as it was. Then --log-file /dev/full: one line about it, and the run completes.
#   run-full-disk.sh KIOSK CONTENT_DIR OUT_DIR
# The tmpfs is mounted in a private mount namespace (unshare -m as root, unshare -rm as another
# user), so it is gone with the test; without either the test is skipped (77).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
self="$here/$(basename "$0")"

if [ "${1:-}" != --inside ]; then
  kiosk=$1 content=$2 out=$3
  rm -rf "$out"
  mkdir -p "$out"
  how=(unshare --mount --propagation private)
  [ "$(id -u)" -eq 0 ] || how=(unshare --map-root-user --mount --propagation private)
  if ! why=$("${how[@]}" sh -c 'mount -t tmpfs -o size=128k probe "$1" && umount "$1"' sh "$out" 2>&1); then
    echo "full-disk: SKIP: cannot mount a small tmpfs in a private mount namespace (${how[*]}): $why" >&2
    exit 77
  fi
  exec "${how[@]}" "$self" --inside "$kiosk" "$content" "$out"
fi

# ---- In the private mount namespace. ----------------------------------------------------------
kiosk=$2 content=$3 out=$4
fail() { echo "full-disk: FAIL: $*" >&2; exit 1; }
disk="$out/disk" before="$out/before"
mkdir -p "$disk" "$before"
mount -t tmpfs -o size=128k,mode=0755 full-disk "$disk"
# What an earlier run left: the start count, yesterday's visits, a log file of exactly one page
# (its next line needs a new one), the metrics file, an image cache entry.
mkdir -p "$disk/state/analytics" "$disk/logs" "$disk/image-cache"
echo 41 >"$disk/state/starts"
printf '{"v":1,"type":"session_start","date":"2026-12-14","time":"10:00","session":1,"lang":"en"}\n' \
  >"$disk/state/analytics/visits-2026-12-14.jsonl"
for i in $(seq 100); do printf '2026-12-14T10:00:00.000+00:00 info kiosk: an earlier line %03d\n' "$i"; done >"$disk/logs/kiosk.log"
truncate -s 4096 "$disk/logs/kiosk.log"
printf '# HELP kiosk_starts_total Starts.\n# TYPE kiosk_starts_total counter\nkiosk_starts_total 41\n' >"$disk/kiosk.prom"
head -c 3000 /dev/urandom >"$disk/image-cache/0123456789abcdef0123456789abcdef-1000-1920x1080f-p1.kimg"
cp -a "$disk/." "$before/"
# Filled to the last page.
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null || true
free=$(df --output=avail -k "$disk" | tail -n 1 | tr -d ' ')
[ "$free" -eq 0 ] || fail "the tmpfs still has $free KiB free after filling it"
echo "full-disk: $disk: 128 KiB, $free KiB free; the state of an earlier run on it"

run="$out/run"
status=0
"$here/run-kiosk-script.sh" "$kiosk" "$here/full-disk.kscript" "$content" "$run" --size 1280x720 \
  --state-dir "$disk/state" --log-file "$disk/logs/kiosk.log" --image-cache "$disk/image-cache" \
  --metrics-file "$disk/kiosk.prom" >"$out/run.txt" 2>&1 || status=$?
log="$run/kiosk.log"
[ "$status" -eq 0 ] || { cat "$out/run.txt" >&2; fail "the scripted run failed on the full disk (status $status)"; }

# 1. It kept drawing: every screenshot taken, each screen different from the one before.
prev=''
for shot in attract item section home; do
  [ -s "$run/$shot.png" ] || fail "no $shot.png: the kiosk stopped drawing"
  [ -z "$prev" ] || ! cmp -s "$run/$prev.png" "$run/$shot.png" || fail "$shot.png is the same as $prev.png"
  prev=$shot
done

# 2. Why, once per kind of file: count the lines.
count() { grep -c -- "$1" "$log" || true; }
problems=0
for kind in "log file|cannot write the log file" "visit log|cannot write the visit log" \
            "image cache|cannot write to the image cache" "metrics file|cannot write the metrics file" \
            "start count|cannot keep the start count"; do
  name=${kind%%|*} text=${kind#*|}
  n=$(count "$text")
  echo "full-disk: $name: $n line(s) with '$text'"
  [ "$n" -eq 1 ] || problems=$((problems + 1))
done
echo "full-disk: $(grep -c . "$log") lines on stderr in all"
[ "$problems" -eq 0 ] || { cat "$log" >&2; fail "$problems kinds of file were not told exactly once (above)"; }

# 3. The last good state is as it was.
[ "$(cat "$disk/state/starts")" = 41 ] || fail "the start count is now '$(cat "$disk/state/starts")', was 41"
cmp "$before/state/analytics/visits-2026-12-14.jsonl" "$disk/state/analytics/visits-2026-12-14.jsonl" ||
  fail "yesterday's visits changed"
cmp -n 4096 "$before/logs/kiosk.log" "$disk/logs/kiosk.log" || fail "the log file's earlier lines changed"
cmp "$before/kiosk.prom" "$disk/kiosk.prom" || fail "the last good metrics file was replaced"
cmp "$before/image-cache/"*.kimg "$disk/image-cache/"*.kimg || fail "the image cache entry changed"
leftovers=$(find "$disk" -name '*.tmp' -o -name '.tmp-*' -o -name 'starts.??????' -o -name 'kiosk.prom.??????')
[ -z "$leftovers" ] || fail "temporary files left on the full disk: $leftovers"
echo "full-disk: the start count, yesterday's visits, the log's earlier lines, the metrics file and the cache entry are unchanged"
umount "$disk"

# 4. --log-file /dev/full: every write fails at once.
devfull="$out/dev-full"
status=0
"$here/run-kiosk-script.sh" "$kiosk" "$here/log-file.kscript" "$content" "$devfull" --size 1280x720 \
  --log-file /dev/full >"$out/dev-full.txt" 2>&1 || status=$?
[ "$status" -eq 0 ] || { cat "$out/dev-full.txt" >&2; fail "the run with --log-file /dev/full failed (status $status)"; }
[ -s "$devfull/home.png" ] || fail "no home.png with --log-file /dev/full"
n=$(grep -c 'cannot write the log file /dev/full' "$devfull/kiosk.log" || true)
echo "full-disk: --log-file /dev/full: $n line(s) about it, of $(grep -c . "$devfull/kiosk.log") on stderr"
[ "$n" -eq 1 ] || { cat "$devfull/kiosk.log" >&2; fail "$n lines about /dev/full, expected 1"; }
echo "full-disk: PASS"
