#!/usr/bin/env bash
# A script whose expectation is wrong must fail the run, with the script's file:line in the log.
#   expect-script-failure.sh KIOSK SCRIPT CONTENT OUT EXPECTED_LOG_TEXT
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if "$here/run-kiosk-script.sh" "$1" "$2" "$3" "$4" >/dev/null 2>&1; then
  echo "expect-script-failure: the kiosk exited 0 although $2 expects the wrong screen" >&2
  exit 1
fi
# It must fail for the script's reason, not for a sanitizer's (platform/scripts/test-sanitizers.sh).
if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer" "$4/kiosk.log"; then
  cat "$4/kiosk.log" >&2
  echo "expect-script-failure: the kiosk made a sanitizer report" >&2
  exit 1
fi
if ! grep -qF -- "$5" "$4/kiosk.log"; then
  echo "expect-script-failure: the log does not say: $5" >&2
  cat "$4/kiosk.log" >&2
  exit 1
fi
echo "failed as it should: $5"
