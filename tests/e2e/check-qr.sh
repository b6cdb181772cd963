#!/usr/bin/env bash
# Reads the QR code in a screenshot with zbarimg, as a visitor's phone would, and compares it
# with the link the content gives.
#   check-qr.sh SCREENSHOT EXPECTED_TEXT
set -euo pipefail
shot=$1 expected=$2
if ! command -v zbarimg >/dev/null; then
  echo "check-qr: zbarimg is missing; run platform/scripts/setup-debian.sh test" >&2
  exit 1
fi
# zbarimg may complain on stderr about D-Bus; only the decoded text matters.
got=$(zbarimg --raw -q "$shot" 2>/dev/null || true)
if [ "$got" != "$expected" ]; then
  echo "check-qr: $shot reads as '$got', expected '$expected'" >&2
  exit 1
fi
echo "check-qr: $shot reads $got"
