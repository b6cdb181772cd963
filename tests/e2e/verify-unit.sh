#!/usr/bin/env bash
# systemd-analyze verify on the kiosk's unit file (with ExecStart pointing at the built binary,
# which verify requires to exist). It exits 0 even for lines it ignores, so any output fails too.
#   verify-unit.sh UNIT KIOSK_BINARY
set -euo pipefail
unit=$1 kiosk=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "verify-unit: systemd-analyze is missing; run platform/scripts/setup-debian.sh test" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s#^ExecStart=/usr/bin/kiosk#ExecStart=$kiosk#" "$unit" >"$tmp/kiosk.service"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify "$tmp/kiosk.service" 2>&1) || { echo "$out" >&2; exit 1; }
if [ -n "$out" ]; then
  echo "verify-unit: systemd-analyze had something to say:" >&2
  echo "$out" >&2
  exit 1
fi
grep -q '^Type=notify' "$unit" && grep -q '^WatchdogSec=' "$unit" && grep -q '^Restart=always' "$unit" || {
  echo "verify-unit: the unit must be Type=notify with WatchdogSec and Restart=always" >&2
  exit 1
}
echo "verify-unit: $unit verifies cleanly"
