#!/usr/bin/env bash
# After run-kiosk-script.sh ... --log-file OUT/logs/kiosk.log: the log file exists, each line is
# "<ISO 8601 local time> <level> <the line as on stderr>", and every "kiosk: " line the kiosk
# wrote to stderr is in it, word for word.
#   check-log-file.sh OUT_DIR
set -euo pipefail
out=$1
file="$out/logs/kiosk.log"
[ -s "$file" ] || { echo "check-log-file: $file is missing or empty; the kiosk wrote no log file" >&2; exit 1; }
stamp='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2}'
if bad=$(grep -vE "^$stamp (info|warning|error) " "$file"); then
  echo "check-log-file: lines without a time and level in $file:" >&2
  echo "$bad" >&2
  exit 1
fi
grep -qE "^$stamp info kiosk: ready [0-9]+ ms after start" "$file" ||
  { echo "check-log-file: no 'info kiosk: ready' line in $file" >&2; exit 1; }
# The log's lines without their stamps, once (a pipe into grep -q would end early, and pipefail
# would take sed's SIGPIPE for a missing line once the log outgrows the pipe's buffer).
plain=$(mktemp)
trap 'rm -f "$plain"' EXIT
sed -E "s/^$stamp (info|warning|error) //" "$file" >"$plain"
missing=0
while IFS= read -r line; do
  if ! grep -qxF -- "$line" "$plain"; then
    echo "check-log-file: on stderr but not in the log file: $line" >&2
    missing=1
  fi
done < <(grep '^kiosk: ' "$out/kiosk.log")
[ "$missing" = 0 ] || exit 1
echo "check-log-file: $(wc -l <"$file") lines in $file, each stamped, as on stderr"
