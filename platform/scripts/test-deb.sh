#!/usr/bin/env bash
# Builds the .deb and installs it on a clean Debian 12 made with debootstrap, then checks the
# installed kiosk: the kiosk user and /var/lib/kiosk/content exist, `kiosk validate` passes on
# them, and the kiosk draws its screens under Xvfb. Needs root, debootstrap and the network.
#   test-deb.sh [ROOT_DIR]      (default /tmp/kiosk-deb-test; removed first)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
root=${1:-/tmp/kiosk-deb-test}
"$here/platform/scripts/build.sh" >/dev/null
(cd "$here/build" && cpack -G DEB >/dev/null)
deb=$(ls "$here"/build/kiosk_*.deb | head -n 1)
echo "test-deb: $deb"
rm -rf "$root"
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/kiosk.deb"
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"
trap 'umount -l "$root/dev" 2>/dev/null; umount -l "$root/proc" 2>/dev/null; true' EXIT
chroot "$root" /bin/bash -euo pipefail -c '
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq /tmp/kiosk.deb xvfb xauth >/dev/null
  getent passwd kiosk >/dev/null
  test -f /var/lib/kiosk/content/kiosk.toml
  test -f /usr/lib/systemd/system/kiosk.service
  kiosk --version
  kiosk validate /var/lib/kiosk/content
  printf "wait 1s\nscreenshot attract.png\ntap @attract\nscreenshot home.png\n" >/tmp/look.kscript
  mkdir -p /tmp/shots
  xvfb-run -a -s "-screen 0 1920x1080x24" kiosk --script /tmp/look.kscript --screenshots /tmp/shots \
    --image-cache /tmp/cache /var/lib/kiosk/content 2>/tmp/kiosk.log || { cat /tmp/kiosk.log; exit 1; }
  test -s /tmp/shots/home.png
  # Everything else the package installs for operations, and the sync flow as a venue runs it:
  # content into staging, published by the kiosk user, the content folder becoming a link.
  test -f /usr/lib/systemd/system/kiosk-publish.service
  test -f /usr/lib/systemd/system/kiosk-publish.timer
  test -x /usr/share/kiosk/session/xinitrc
  test -d /var/lib/kiosk/staging && test -d /var/lib/kiosk/versions
  cp -r /usr/share/kiosk/content/. /var/lib/kiosk/staging/
  chown -R kiosk:kiosk /var/lib/kiosk/staging
  su -s /bin/sh kiosk -c "kiosk publish --quiet-seconds 0 /var/lib/kiosk/staging /var/lib/kiosk/content"
  test -L /var/lib/kiosk/content
  kiosk validate /var/lib/kiosk/content >/dev/null
  echo 246813 | kiosk hash-pin | grep -q "^admin_pin = \"\\\$argon2id\\\$v=19\\\$"
'
cp "$root/tmp/shots/home.png" "$here/build/deb-home.png"
echo "test-deb: installed on a clean Debian 12, validated, drew its screens (build/deb-home.png), and published synced content as the kiosk user"
