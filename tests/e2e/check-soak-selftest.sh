#!/usr/bin/env bash
# check-soak.sh must pass a flat week and fail each kind of growth, or the soak test could not
# catch a leak. Synthetic samples: every two hours for 7 days.
#   check-soak-selftest.sh CHECK_SOAK
set -euo pipefail
check=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
week() { # $1: awk expression that may change the fields for time t (seconds)
  awk -v OFS=, 'BEGIN {
    print "virtual_seconds,resident_bytes,texture_bytes,glyph_bytes,open_files,threads"
    for (t = 0; t <= 7 * 86400; t += 7200) {
      r = 300 * 1048576 + (t % 14400 ? 2097152 : 0); x = 72 * 1048576; g = 4194304; f = 13; h = 9
      '"$1"'
      print t, r, x, g, f, h
    }
  }' >"$tmp/week.csv"
}
expect() { # $1: pass|fail, $2: what, $3: change
  week "$3"
  if "$check" "$tmp/week.csv" 7 >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
  if [ "$got" != "$1" ]; then
    echo "check-soak-selftest: $2: expected $1, got $got:" >&2
    cat "$tmp/out" >&2
    exit 1
  fi
  echo "check-soak-selftest: $2: $got, as it should"
}
expect pass "a flat week" ""
expect pass "a first day that fills caches" "if (t < 86400) r -= 100 * 1048576"
expect fail "memory leaking 1.5 MiB a day" "r += int(t / 86400 * 1.5 * 1048576)"
expect fail "a jump in memory on day 5" "if (t > 4 * 86400) r += 40 * 1048576"
expect fail "textures growing" "x += int(t / 86400) * 4 * 1048576"
expect fail "a file descriptor leaked each day" "f += int(t / 86400)"
expect fail "a thread left behind on day 6" "if (t > 5 * 86400) h += 1"
expect pass "a thread still closing at one sample" "if (t == 3 * 86400 + 7200) h += 1"
expect fail "glyph pages growing" "if (t > 3 * 86400) g += 1048576"
expect fail "a run cut short at day 3" "if (t > 3 * 86400) exit"
