#!/usr/bin/env bash
# The video soak (issue 15): the kiosk's attract loop of counter films (A B C, 2 s each; tests/
# video/make-test-films.sh) played fast with --video-speed, for a number of seams between films,
# while anonymous resident memory, open file descriptors and threads are sampled from /proc; it fails when
# any of them grows, or when the kiosk shows a black frame or counts too few seams.
#   run-video-soak.sh KIOSK BENCH_VIDEO OUTDIR [--seams N] [--speed X] [--every S] [--films DIR]
#   run-video-soak.sh --judge CSV   (the growth verdict alone, on samples taken before)
# Defaults: 2,000 seams at speed 8 (about 9 minutes: every film lasts 2 s / 8); ctest's
# e2e.video-soak.quick runs 60 seams at speed 4 (about 40 s).
# The seams are counted from the kiosk's --frame-stamps file (bench_video --analyse). At a raised
# speed the display (60 Hz) cannot show every film frame, so frames skipped are reported, not
# judged (bench_video judges them at normal speed); black frames are judged at any speed.
# Growth: samples every S seconds (default 2); the first 10% of the run, and at least its first 20 s,
# is warm-up: every seam opens a new mpv player and closes the last, and the allocator takes some
# tens of them to settle (in a 300-seam run anonymous memory went 165 MiB at 2 s, then 176-198 MiB
# to the end, 160 s, with no trend). The lowest of the last quarter of the samples after warm-up
# against the lowest of the first quarter, for all three: a sample catches one to three players
# alive, so memory swings by 20 MiB from one second to the next, and the quarters' medians of the
# quick run (five samples each) differed by up to 12 MiB in runs that the 300-seam run shows flat;
# a leak raises the floor, a player opening does not:
#   anonymous resident memory (RssAnon: what a leak grows; font files and libraries are mapped,
#                    and their pages come in as glyphs and codecs are first used, bounded by the
#                    files' sizes: a CJK face's pages for new captions looked like 21 MB of growth)
#                    lowest at most 8 MiB or 5% more (whichever is larger: the allocator breathes)
#   open files       lowest at most 2 more (a leak of one per seam shows as hundreds)
#   threads          lowest at most 4 more (mpv's decoder threads come and go with each file, so a
#                    sample sees 30 to 39)
#   the kiosk's log  at most 60 lines in all: a week of attract loop must not flood the journal
#                    with the same lines at every seam
# The samples are OUTDIR/video-soak.csv (seconds,anon_kib,fds,threads); the stamps
# OUTDIR/stamps.txt. Exit status 77 (ctest's skip) when this kiosk has no --frame-stamps or
# --video-speed yet.
set -euo pipefail
# Growth: the last quarter's lowest against the first quarter's, after the warm-up (above).
judge_growth() {
  awk -F, '
  NR == 1 { next }
  { m++; t[m] = $1; for (i = 2; i <= 4; i++) r[i, m] = $i }
  function low(i, from, to,   k, x) {
    x = v[i, from]
    for (k = from + 1; k <= to; k++) if (v[i, k] < x) x = v[i, k]
    return x
  }
  END {
    warm = t[m] * 0.1 > 20 ? t[m] * 0.1 : 20
    for (k = 1; k <= m; k++) if (t[k] >= warm) { n++; for (i = 2; i <= 4; i++) v[i, n] = r[i, k] }
    if (n < 8) { printf "run-video-soak: %d samples after warm-up, at least 8 needed\n", n; exit 1 }
    q = int(n / 4)
    name[2] = "anonymous resident (KiB)"; name[3] = "open files"; name[4] = "threads"
    bad = 0
    printf "%-24s %14s %14s %10s\n", "", "first quarter", "last quarter", "allowed"
    for (i = 2; i <= 4; i++) {
      a = low(i, 1, q); b = low(i, n - q + 1, n)
      allow = i == 2 ? (a * 0.05 > 8192 ? a * 0.05 : 8192) : (i == 3 ? 2 : 4)
      printf "%-24s %14.0f %14.0f %10s\n", name[i], a, b, "+" allow
      if (b > a + allow) { printf "run-video-soak: %s grows: %.0f, then %.0f\n", name[i], a, b; bad = 1 }
    }
    exit bad
  }' "$1"
}
# --judge CSV: only the growth verdict on samples already taken (check-video-soak-selftest.sh).
if [ "${1:-}" = --judge ]; then
  judge_growth "$2"
  exit
fi
kiosk=$1 bench=$2 out=$3
shift 3
seams=2000 speed=8 every=2 films=""
while [ $# -gt 0 ]; do
  case $1 in
    --seams) seams=$2; shift 2 ;;
    --speed) speed=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --films) films=$2; shift 2 ;;
    *) echo "run-video-soak: unknown option $1" >&2; exit 2 ;;
  esac
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rm -rf "$out/content" "$out/stamps.txt" "$out/video-soak.csv"
mkdir -p "$out"
films=${films:-$out/films}
"$here/../video/make-test-films.sh" "$films"

if ! "$kiosk" --help 2>&1 | grep -q -- '--frame-stamps' || ! "$kiosk" --help 2>&1 | grep -q -- '--video-speed'; then
  echo "run-video-soak: this kiosk has no --frame-stamps or --video-speed yet (the player is not in this build): skipped"
  exit 77
fi

# The content: one section whose cover is film A, and one item (attract = true) with B and C.
c=$out/content
mkdir -p "$c/sections/01-films/images"
cp "$films/seam-a.mp4" "$films/seam-b.mp4" "$films/seam-c.mp4" "$c/sections/01-films/images/"
printf '[kiosk]\ndefault_language = "en"\nlanguages = ["en"]\nattract_slide_seconds = 2\n[kiosk.name]\nen = "Video soak"\n' >"$c/kiosk.toml"
printf 'cover = "images/seam-a.mp4"\n[title]\nen = "Films"\n' >"$c/sections/01-films/section.toml"
printf 'attract = true\n[title]\nen = "Films"\n[summary]\nen = "Counter films"\n[[images]]\nfile = "images/seam-b.mp4"\n[[images]]\nfile = "images/seam-c.mp4"\n' \
  >"$c/sections/01-films/01-films.toml"

# How long: until the stamps show the seams asked for. Each film lasts 2 s / speed, but a loaded
# machine decodes slower than asked (at 8x on 2 cores, about 6x): the run goes on until the seams
# are counted, up to three times the time they should take.
seconds=$(awk -v n="$seams" -v s="$speed" 'BEGIN { printf "%d", n * 2 / s + 10.5 }')
limit=$((seconds * 3))
echo "run-video-soak: $seams seams at speed $speed: about $seconds s (at most $limit s), sampling every $every s"
countSeams() {
  "$bench" --films "$films" --analyse "$out/stamps.txt" 2>/dev/null |
    awk '/^seams / { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["clip"] + v["loop"] }'
}

displayfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp -noreset 3>"$displayfile" 2>"$out/xvfb.log" &
xvfb=$!
kioskPid=""
trap '[ -n "$kioskPid" ] && kill "$kioskPid" 2>/dev/null; kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -f "$displayfile"' EXIT
for _ in $(seq 200); do
  [ -s "$displayfile" ] && break
  kill -0 "$xvfb" 2>/dev/null || break
  sleep 0.05
done
[ -s "$displayfile" ] || { echo "run-video-soak: Xvfb did not start:" >&2; cat "$out/xvfb.log" >&2; exit 1; }

DISPLAY=":$(head -n 1 "$displayfile")" "$kiosk" --windowed --size 1280x720 --no-image-cache --state-dir "$out/state" \
  --frame-stamps "$out/stamps.txt" --video-speed "$speed" "$c" >"$out/kiosk.log" 2>&1 &
kioskPid=$!
echo "seconds,anon_kib,fds,threads" >"$out/video-soak.csv"
start=$(date +%s.%N)
lastCount=0
while :; do
  now=$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
  if ! kill -0 "$kioskPid" 2>/dev/null; then
    wait "$kioskPid" && status=0 || status=$?
    kioskPid=""
    echo "run-video-soak: the kiosk ended after $now s (status $status); its log:" >&2
    tail -n 40 "$out/kiosk.log" >&2
    exit 1
  fi
  rss=$(awk '/^RssAnon:/ { print $2 }' "/proc/$kioskPid/status" 2>/dev/null || echo 0)
  fds=$(ls "/proc/$kioskPid/fd" 2>/dev/null | wc -l)
  threads=$(ls "/proc/$kioskPid/task" 2>/dev/null | wc -l)
  echo "$now,$rss,$fds,$threads" >>"$out/video-soak.csv"
  if awk -v n="$now" -v s="$seconds" -v c="$lastCount" -v e="$every" 'BEGIN { exit !(n >= s && n - c >= 10 * e) }'; then
    lastCount=$now
    [ "$(countSeams)" -ge "$seams" ] && break
  fi
  awk -v n="$now" -v l="$limit" 'BEGIN { exit !(n >= l) }' && break
  sleep "$every"
done
seconds=${now%.*}
kill "$kioskPid"
wait "$kioskPid" 2>/dev/null || true
kioskPid=""

# The seams and black frames, from the stamps.
"$bench" --films "$films" --analyse "$out/stamps.txt" | tee "$out/seams.txt"
bad=0
read -r clipSeams loopSeams black < <(awk '/^seams / { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  print v["clip"], v["loop"], v["black"] }' "$out/seams.txt")
counted=$((clipSeams + loopSeams))
if [ "$counted" -lt "$seams" ]; then
  echo "run-video-soak: $counted seams counted, $seams expected" >&2
  bad=1
fi
if [ "$black" -gt 0 ]; then
  echo "run-video-soak: $black black frames" >&2
  bad=1
fi

judge_growth "$out/video-soak.csv" || bad=1
logLines=$(wc -l <"$out/kiosk.log")
echo "run-video-soak: the kiosk's log has $logLines lines after $counted seams (allowed 60)"
if [ "$logLines" -gt 60 ]; then
  echo "run-video-soak: the log grows with the seams; its most repeated lines:" >&2
  sed 's/[0-9][0-9]*/N/g' "$out/kiosk.log" | sort | uniq -c | sort -rn | head -n 5 >&2
  bad=1
fi
[ "$bad" -eq 0 ] && echo "run-video-soak: flat over $counted seams"
exit "$bad"
