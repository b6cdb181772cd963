#!/usr/bin/env bash
# systemd-analyze verify on kiosk-publish.service and kiosk-publish.timer (ExecStart pointed at
# the built binary, which verify requires to exist); any output fails, as in verify-unit.sh.
#   verify-publish-units.sh SYSTEMD_DIR KIOSK_BINARY
set -euo pipefail
dir=$1 kiosk=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "verify-publish-units: systemd-analyze is missing; run platform/scripts/setup-debian.sh test" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s#^ExecStart=/usr/bin/kiosk#ExecStart=$kiosk#" "$dir/kiosk-publish.service" >"$tmp/kiosk-publish.service"
cp "$dir/kiosk-publish.timer" "$tmp/"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify "$tmp/kiosk-publish.service" "$tmp/kiosk-publish.timer" 2>&1) || {
  echo "$out" >&2
  exit 1
}
if [ -n "$out" ]; then
  echo "verify-publish-units: systemd-analyze had something to say:" >&2
  echo "$out" >&2
  exit 1
fi
# Exit 3 (still changing) must not mark the unit failed, and publish must run as the kiosk user,
# who owns the versions and the content link.
grep -q '^SuccessExitStatus=3$' "$dir/kiosk-publish.service" && grep -q '^User=kiosk$' "$dir/kiosk-publish.service" &&
  grep -q '^Type=oneshot$' "$dir/kiosk-publish.service" || {
  echo "verify-publish-units: kiosk-publish.service must be Type=oneshot, User=kiosk, SuccessExitStatus=3" >&2
  exit 1
}
echo "verify-publish-units: kiosk-publish.service and kiosk-publish.timer verify cleanly"
