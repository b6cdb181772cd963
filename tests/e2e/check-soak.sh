#!/usr/bin/env bash
# Reads the samples of a soak run (soak.kscript) and fails when anything a kiosk must keep flat
# for weeks grows: resident memory, picture texture bytes, glyph pages, open files, threads.
# The first day is warm-up (caches fill, every picture and glyph is met once); after it, every
# later day's peak must stay within a small allowance of the second day's, and resident memory
# must not trend upward (least-squares slope over the days after the first). Threads are judged
# by each day's fewest: a thread can still be ending at a sample (13 against 12 at two samples
# of a week, on days 1 and 4, which failed the run), while a thread left behind raises the floor.
#   check-soak.sh SOAK_CSV [DAYS_EXPECTED]
set -euo pipefail
csv=$1 days=${2:-7}
[ -s "$csv" ] || { echo "check-soak: no samples in $csv (did the soak run?)" >&2; exit 1; }
awk -F, -v days="$days" '
  NR == 1 { next }
  {
    d = int($1 / 86400)
    n++; t[n] = $1; rss[n] = $2
    for (i = 2; i <= 5; i++) if (!((d, i) in peak) || $i > peak[d, i]) peak[d, i] = $i
    if (!((d, 6) in peak) || $6 < peak[d, 6]) peak[d, 6] = $6 # the fewest threads that day
    if (d > last) last = d
  }
  END {
    name[2] = "resident memory"; name[3] = "texture bytes"; name[4] = "glyph bytes"; name[5] = "open files"; name[6] = "threads (fewest)"
    # Allowances: the allocator breathes by a few MiB; counts of files and threads must not move.
    allow[2] = 16 * 1048576; allow[3] = 8 * 1048576; allow[4] = 0; allow[5] = 0; allow[6] = 0
    if (last + 1 < days) { printf "check-soak: the samples cover %d days, %d expected\n", last + 1, days; exit 1 }
    bad = 0
    printf "%-16s", "day"; for (i = 2; i <= 6; i++) printf "%18s", name[i]; printf "\n"
    for (d = 0; d <= last; d++) {
      printf "%-16d", d + 1
      for (i = 2; i <= 6; i++) printf "%18s", (i <= 4 ? sprintf("%.1f MiB", peak[d, i] / 1048576) : peak[d, i])
      printf "\n"
      if (d < 2) continue
      for (i = 2; i <= 6; i++)
        if (peak[d, i] > peak[1, i] + allow[i]) {
          printf "check-soak: day %d: %s %s %s, day 2 %s: it grows\n", d + 1, name[i], (i == 6 ? "at least" : "peaked at"), peak[d, i], peak[1, i]
          bad = 1
        }
    }
    # Slope of resident memory over every sample after the first day, in bytes per day.
    for (k = 1; k <= n; k++) if (t[k] >= 86400) { m++; sx += t[k]; sy += rss[k]; sxx += t[k] * t[k]; sxy += t[k] * rss[k] }
    slope = (m * sxy - sx * sy) / (m * sxx - sx * sx) * 86400
    printf "resident memory trend after day 1: %+.2f MiB per day over %d samples\n", slope / 1048576, m
    if (slope > 1048576) { print "check-soak: resident memory trends upward by more than 1 MiB a day"; bad = 1 }
    exit bad
  }' "$csv"
