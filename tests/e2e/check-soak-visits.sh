#!/usr/bin/env bash
# After the soak week: the visit log has one file per day, `kiosk report visits` reads it all
# back with nothing damaged, and it counts exactly the visits the script made (soak.kscript:
# two every two hours for 7 days, each ended by the idle timeout), with the CSV written.
#   check-soak-visits.sh KIOSK STATE_DIR OUT_DIR [SESSIONS_EXPECTED]
set -euo pipefail
kiosk=$1 state=$2 out=$3 expected=${4:-168}
report=$("$kiosk" report visits --state-dir "$state" --csv "$out/visits.csv")
echo "$report"
fail() { echo "check-soak-visits: $*" >&2; exit 1; }
days=$(find "$state/analytics" -name 'visits-*.jsonl' | wc -l)
[ "$days" -ge 7 ] && [ "$days" -le 8 ] || fail "expected a file for each of the 7 days, found $days"
grep -q "^Sessions: $expected," <<<"$report" || fail "expected $expected sessions"
grep -q "^Idle resets: $expected$" <<<"$report" || fail "expected $expected idle resets"
grep -q "^Damaged lines skipped: 0$" <<<"$report" || fail "damaged lines in the log"
# Both languages the visitors ended in, and the items they read, are there.
grep -q "shenyang-marathon" <<<"$report" || fail "the marathon item is missing from the report"
[ "$(head -n 1 "$out/visits.csv" | tr -d '\r')" = "language,section,item,views,total_dwell_seconds,median_dwell_seconds,qr_shown" ] ||
  fail "the CSV header is not as documented"
[ "$(wc -l <"$out/visits.csv")" -ge 5 ] || fail "the CSV has too few rows"
du -sh "$state/analytics"
echo "check-soak-visits: $expected sessions over $days day files, read back whole"
