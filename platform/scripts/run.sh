#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and launch the kiosk fullscreen on
# content/. Extra arguments go to the kiosk (e.g. --windowed --size 1280x720).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/platform/scripts/setup-debian.sh" run
"$root/platform/scripts/build.sh"
if [ -z "${DISPLAY:-}" ]; then
  echo "run: there is no display (DISPLAY is not set). Run this from the kiosk's desktop session." >&2
  echo "     To preview the screens without one: platform/scripts/test.sh installs Xvfb, then" >&2
  echo "     xvfb-run -a -s '-screen 0 1920x1080x24' build/kiosk --script tests/e2e/walkthrough.kscript --screenshots shots content" >&2
  exit 1
fi
exec "$root/build/kiosk" "$@" "$root/content"
