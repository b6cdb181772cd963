#!/usr/bin/env bash
# The video soak's growth verdict (run-video-soak.sh --judge) must pass a flat quick run and fail
# each kind of growth, or e2e.video-soak.quick could not catch a leak. Synthetic samples like the
# quick run's: one a second for 42 s, anonymous memory swinging by up to 24 MiB between samples
# (one to three mpv players alive), threads 32 to 38 and files 14 to 15 coming and going.
#   check-video-soak-selftest.sh RUN_VIDEO_SOAK
set -euo pipefail
soak=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # $1: awk expression that may change the fields for time t (seconds)
  awk -v OFS=, 'BEGIN {
    print "seconds,anon_kib,fds,threads"
    for (t = 0; t <= 42; t += 1.05) {
      k = int(t + 0.5)
      a = 170 * 1024 + ((k * 37) % 25) * 1024; f = 14 + (k % 3 == 0); h = 32 + (k * 5) % 7
      '"$1"'
      print t, a, f, h
    }
  }' >"$tmp/soak.csv"
}
expect() { # $1: pass|fail, $2: what, $3: change
  run "$3"
  if "$soak" --judge "$tmp/soak.csv" >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
  if [ "$got" != "$1" ]; then
    echo "check-video-soak-selftest: $2: expected $1, got $got:" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  echo "check-video-soak-selftest: $2: $got, as it should"
}
expect pass "a flat run" ""
expect pass "memory filling while the first players open (warm-up)" "if (t < 15) a -= (15 - t) * 4 * 1024"
# 0.6 MiB a second is about 400 KiB a seam at speed 4 (1.5 seams a second).
expect fail "memory growing 0.6 MiB a second" "a += t * 0.6 * 1024"
expect fail "a thread left behind every 3 s" "h += int(t / 3)"
expect fail "a file left open every 4 s" "f += int(t / 4)"
expect fail "too few samples" "if (t > 25) break"
