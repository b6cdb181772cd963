#!/usr/bin/env bash
# The example kiosk PC session (platform/linux/session) against the unit it serves: the shell
# files parse, the getty autologin drop-in verifies on Debian's getty@.service, and the session
# starts X on the display and with the cookie file kiosk.service expects.
#   verify-session.sh REPO_ROOT
set -euo pipefail
repo=$1 session=$1/platform/linux/session unit=$1/platform/linux/systemd/kiosk.service
sh -n "$session/xinitrc"
bash -n "$session/bash_profile"
[ -x "$session/xinitrc" ] || { echo "verify-session: xinitrc must be executable (xinit runs it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f /lib/systemd/system/getty@.service ] && command -v systemd-analyze >/dev/null; then
  mkdir -p "$tmp/getty@tty1.service.d"
  cp /lib/systemd/system/getty@.service "$tmp/"
  cp "$session/autologin.conf" "$tmp/getty@tty1.service.d/"
  out=$(cd "$tmp" && SYSTEMD_UNIT_PATH="$tmp:" SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no getty@tty1.service 2>&1) ||
    { echo "verify-session: the autologin drop-in does not verify:" >&2; echo "$out" >&2; exit 1; }
  [ -z "$out" ] || { echo "verify-session: systemd-analyze had something to say:" >&2; echo "$out" >&2; exit 1; }
fi
display=$(sed -n 's/^Environment=DISPLAY=//p' "$unit")
grep -q -- "-- $display " "$session/bash_profile" ||
  { echo "verify-session: bash_profile does not start X on $display, the unit's DISPLAY" >&2; exit 1; }
home=$(sed -n 's/^Environment=XAUTHORITY=//p' "$unit")
[ "$home" = /var/lib/kiosk/.Xauthority ] ||
  { echo "verify-session: kiosk.service must read the cookie startx writes: XAUTHORITY=/var/lib/kiosk/.Xauthority (the kiosk user's home)" >&2; exit 1; }
grep -q "^ExecStartPre=.*-S /tmp/.X11-unix/X${display#:} " "$unit" ||
  { echo "verify-session: kiosk.service does not wait for the X socket of $display" >&2; exit 1; }
grep -q 'exec startx /usr/share/kiosk/session/xinitrc' "$session/bash_profile" &&
  grep -q 'DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/session' "$repo/CMakeLists.txt" ||
  { echo "verify-session: bash_profile runs an xinitrc the package does not install at /usr/share/kiosk/session" >&2; exit 1; }
echo "verify-session: the session files parse, the autologin drop-in verifies, X is $display for kiosk.service"
