#!/usr/bin/env bash
# systemd-analyze verify on the kiosk's unit files (ExecStart pointed at the built binary, which
# verify requires to exist). It exits 0 even for lines it ignores, so any output fails too. Then
# what each unit must say for the kiosk to recover and for publish to work.
#   verify-unit.sh KIOSK_BINARY UNIT_FILE...
set -euo pipefail
kiosk=$1
shift
if ! command -v systemd-analyze >/dev/null; then
  echo "verify-unit: systemd-analyze is missing; run platform/scripts/setup-debian.sh test" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
copies=()
for unit in "$@"; do
  sed "s#^ExecStart=/usr/bin/kiosk#ExecStart=$kiosk#" "$unit" >"$tmp/$(basename "$unit")"
  copies+=("$tmp/$(basename "$unit")")
done
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "${copies[@]}" 2>&1) || { echo "$out" >&2; exit 1; }
if [ -n "$out" ]; then
  echo "verify-unit: systemd-analyze had something to say:" >&2
  echo "$out" >&2
  exit 1
fi
need() { # UNIT LINE...: the unit has every line, or the test fails naming them
  local unit=$1
  shift
  for line in "$@"; do
    grep -qx "$line" "$unit" || { echo "verify-unit: $(basename "$unit") must have $line" >&2; exit 1; }
  done
}
for unit in "$@"; do
  case "$(basename "$unit")" in
    # Restarted when it fails or hangs; not when staff closed it from the admin view (status 4).
    kiosk.service) need "$unit" Type=notify WatchdogSec=10 Restart=always RestartPreventExitStatus=4 ;;
    # Exit 3 (still changing) is no failure; publish runs as the kiosk user, who owns the versions.
    kiosk-publish.service) need "$unit" Type=oneshot User=kiosk SuccessExitStatus=3 ;;
  esac
done
echo "verify-unit: $(for u in "$@"; do basename "$u"; done | tr '\n' ' ')verify cleanly"
