#!/usr/bin/env bash
# The kiosk under a real systemd: the project's kiosk.service, installed in a throwaway system
# whose PID 1 is systemd, must restart the kiosk when it is killed (Restart=always) and when its
# frame loop hangs (SIGSTOP: no more WATCHDOG=1, so WatchdogSec=10 kills and restarts it) and
# when its X server stops (the kiosk exits with status 69; started again once X is back), and
# the kiosk's lines must be structured journal entries (PRIORITY, KIOSK_EVENT).
#   service-restart.sh KIOSK_BINARY REPO_ROOT OUT_DIR
# Needs root and unshare; exits 77 (skipped) without them.
#
# systemd boots as PID 1 of private pid, mount, network, UTS, IPC and cgroup namespaces, inside
# a private root (a tmpfs): the host's /usr read-only, a copy of the host's /etc with the test's
# units, and fresh /tmp /run /var /dev, so nothing it creates or cleans is the host's. Nothing of
# the host is writable in there; /proc/sys and /sys are read-only, so it cannot tune the kernel.
# The unit is installed as it ships, except ExecStart's binary path (the built kiosk, mounted at
# /opt/kiosk/bin/kiosk with the repo's assets at /opt/kiosk/share/kiosk/assets, the packaged
# layout under another prefix). The repo's content/ is mounted read-only at the unit's own
# /var/lib/kiosk/content, and the user kiosk exists in the private /etc, as the package's
# postinst makes it. A small Xvfb unit provides DISPLAY=:0; kiosk-test.target wants both.
set -euo pipefail

# ---- Inside the namespaces (PID 1): build the private root and become systemd. -------------
if [ "${1:-}" = --inside ]; then
  if [ "$$" -ne 1 ]; then # run by hand on the host, the mounts below would be the host's
    echo "service-restart: --inside is for the script itself, as PID 1 of its namespaces" >&2
    exit 2
  fi
  kiosk=$2 repo=$3 root=$4 units=$5 uid=$6
  ro_bind() { mount --bind "$1" "$2"; mount -o remount,bind,ro "$2"; }
  mount --make-rprivate / # nothing below may reach the host's mount table
  mount -t tmpfs -o mode=0755 kiosk-test-root "$root"
  mkdir -p "$root"/{usr,etc,proc,sys,dev,run,tmp,var,oldroot}
  ro_bind /usr "$root/usr"
  for d in bin sbin lib lib32 lib64 libx32; do # merged /usr: symlinks; else read-only binds
    if [ -L "/$d" ]; then
      ln -s "$(readlink "/$d")" "$root/$d"
    elif [ -d "/$d" ]; then
      mkdir "$root/$d"
      ro_bind "/$d" "$root/$d"
    fi
  done
  cp -a /etc/. "$root/etc/"
  # Only the test's units: none of the host's enabled services, timers or mounts.
  rm -rf "$root/etc/systemd/system" "$root/etc/systemd/system-generators"
  cp -a "$units/." "$root/etc/"
  printf '# the kiosk restart test: no file systems of its own\n' >"$root/etc/fstab"
  echo kiosk-restart-test >"$root/etc/hostname"
  hostname kiosk-restart-test
  if ! grep -q '^kiosk:' "$root/etc/passwd"; then # as the package's postinst: adduser --system --group
    echo "kiosk:x:$uid:$uid:Exhibition kiosk:/var/lib/kiosk:/usr/sbin/nologin" >>"$root/etc/passwd"
    echo "kiosk:x:$uid:" >>"$root/etc/group"
    [ -f "$root/etc/shadow" ] && echo "kiosk:*:19000:0:99999:7:::" >>"$root/etc/shadow"
    [ -f "$root/etc/gshadow" ] && echo "kiosk:!::" >>"$root/etc/gshadow"
  fi
  kuid=$(awk -F: '$1 == "kiosk" { print $3 ":" $4 }' "$root/etc/passwd")

  mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
  for p in sys sysrq-trigger; do # the kernel's settings are the host's: read-only
    if [ -e "$root/proc/$p" ]; then ro_bind "$root/proc/$p" "$root/proc/$p"; fi
  done
  mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
  mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$root/sys/fs/cgroup"
  mount -t tmpfs -o mode=0755,nosuid dev "$root/dev"
  for n in null zero full random urandom tty; do
    touch "$root/dev/$n"
    mount --bind "/dev/$n" "$root/dev/$n"
  done
  mkdir -p "$root/dev/pts" "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
  ln -s pts/ptmx "$root/dev/ptmx"
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
  ln -s /proc/self/fd "$root/dev/fd"
  ln -s /proc/self/fd/0 "$root/dev/stdin"; ln -s /proc/self/fd/1 "$root/dev/stdout"; ln -s /proc/self/fd/2 "$root/dev/stderr"
  mount -t tmpfs -o mode=0755,nosuid,nodev run "$root/run"
  mount -t tmpfs -o mode=1777,nosuid,nodev tmp "$root/tmp"
  mount -t tmpfs -o mode=0755 var "$root/var"
  mkdir -p "$root/var"/{tmp,log,cache,lib/kiosk/content}
  chmod 1777 "$root/var/tmp"
  ln -s ../run "$root/var/run"; ln -s ../run/lock "$root/var/lock"
  ro_bind "$repo/content" "$root/var/lib/kiosk/content"
  chown "$kuid" "$root/var/lib/kiosk"
  mkdir -p "$root/opt/kiosk/bin" "$root/opt/kiosk/share/kiosk/assets"
  touch "$root/opt/kiosk/bin/kiosk"
  ro_bind "$kiosk" "$root/opt/kiosk/bin/kiosk"
  ro_bind "$repo/assets" "$root/opt/kiosk/share/kiosk/assets"

  cd "$root"
  pivot_root . oldroot
  cd /
  umount -l /oldroot # the host's tree, detached from this namespace only (private propagation)
  rmdir /oldroot
  # container=: systemd's container mode (no kernel set-up, no udev). It logs to its journal.
  exec env -i container=kiosk-restart-test PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /usr/lib/systemd/systemd --unit=kiosk-test.target --log-target=journal --show-status=no
fi

# ---- Outside: check, set up, boot, kill, stall, report. --------------------------------------
if [ "$#" -ne 3 ]; then
  echo "usage: service-restart.sh KIOSK_BINARY REPO_ROOT OUT_DIR" >&2
  exit 2
fi
kiosk=$(realpath -m "$1") repo=$(realpath -m "$2") out=$3
self=$(realpath "$0")
say() { printf '%s service-restart: %s\n' "$(date +%T)" "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "service-restart: SKIP: needs root (to boot systemd as PID 1 of its own namespaces)" >&2
  exit 77
fi
if ! why=$(unshare --pid --fork --mount --net --uts --ipc --cgroup true 2>&1); then
  echo "service-restart: SKIP: unshare is not permitted here: $why" >&2
  exit 77
fi
for tool in /usr/lib/systemd/systemd systemctl journalctl Xvfb nsenter pivot_root findmnt setpriv; do
  if ! command -v "$tool" >/dev/null; then
    echo "service-restart: $tool is missing; run platform/scripts/setup-debian.sh test" >&2
    exit 1
  fi
done
for f in "$kiosk" "$repo/platform/linux/systemd/kiosk.service" "$repo/content" "$repo/assets/ui-strings.toml"; do
  [ -e "$f" ] || { echo "service-restart: $f is missing" >&2; exit 1; }
done
# systemd needs a cgroup v2 tree of its own: a child of ours, the root of its cgroup namespace.
cgroot=$(findmnt -n -t cgroup2 -o TARGET | head -n 1)
if [ -z "$cgroot" ]; then
  echo "service-restart: SKIP: no cgroup2 file system is mounted" >&2
  exit 77
fi

rm -rf "$out" # with what a run killed outright left in it
mkdir -p "$out"
work="$out/work" # the units, and the (host-side, empty) mount point of the private root
mkdir "$work"
own=$(sed -n 's/^0:://p' /proc/self/cgroup)
cg="$cgroot${own%/}/kiosk-restart-test.$$"
# A run killed outright (ctest's timeout) leaves its empty cgroups: remove those of runs that are
# gone, never those of a run still going (another build tree's).
for stale in "$cgroot${own%/}"/kiosk-restart-test.*; do
  [ -d "$stale" ] && ! kill -0 "${stale##*.}" 2>/dev/null && find "$stale" -depth -type d -exec rmdir {} + 2>/dev/null  || true
done
unshare_pid='' pid1=''
cleanup() {
  local status=$?
  set +e
  if [ -n "$pid1" ] && kill -0 "$pid1" 2>/dev/null; then
    kill -9 "$pid1" # the pid namespace's init: the kernel kills everything in it
  fi
  [ -n "$unshare_pid" ] && wait "$unshare_pid" 2>/dev/null
  # The namespace is gone with its last process, and its mounts with it; its cgroups remain.
  if [ -d "$cg" ]; then
    for _ in $(seq 50); do
      [ -z "$(find "$cg" -name cgroup.procs -exec cat {} + 2>/dev/null)" ] && break
      sleep 0.1
    done
    find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null
    [ -d "$cg" ] && echo "service-restart: could not remove the cgroup $cg" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
mkdir "$cg"

# The units: the project's kiosk.service, with only ExecStart's binary path rewritten.
units="$work/units"
mkdir -p "$units/systemd/system" "$units/systemd/system.conf.d"
sed 's#^ExecStart=/usr/bin/kiosk #ExecStart=/opt/kiosk/bin/kiosk #' \
  "$repo/platform/linux/systemd/kiosk.service" >"$units/systemd/system/kiosk.service"
if ! grep -q '^ExecStart=/opt/kiosk/bin/kiosk /var/lib/kiosk/content$' "$units/systemd/system/kiosk.service"; then
  echo "service-restart: kiosk.service no longer starts '/usr/bin/kiosk /var/lib/kiosk/content'; update this test" >&2
  exit 1
fi
cat >"$units/systemd/system/xvfb.service" <<'EOF'
[Unit]
Description=Virtual X display :0 for the kiosk
Before=kiosk.service

[Service]
ExecStart=/usr/bin/Xvfb :0 -screen 0 1280x720x24 -nolisten tcp -noreset
# Started once the display takes connections.
ExecStartPost=/bin/sh -c 'for i in $(seq 300); do [ -S /tmp/.X11-unix/X0 ] && exit 0; sleep 0.1; done; exit 1'
EOF
cat >"$units/systemd/system/kiosk-test.target" <<'EOF'
[Unit]
Description=The kiosk restart test: a display and the kiosk
Wants=xvfb.service kiosk.service
EOF
# Units that would touch the kernel or hardware, or only slow the boot: masked.
for u in systemd-modules-load.service systemd-sysctl.service systemd-binfmt.service \
    proc-sys-fs-binfmt_misc.automount systemd-firstboot.service systemd-machine-id-commit.service \
    systemd-repart.service systemd-pcrphase-sysinit.service systemd-pcrphase.service \
    kmod-static-nodes.service systemd-udevd.service systemd-udev-trigger.service \
    systemd-udev-settle.service systemd-hwdb-update.service sys-kernel-debug.mount \
    sys-kernel-tracing.mount sys-kernel-config.mount sys-fs-fuse-connections.mount \
    dev-hugepages.mount systemd-remount-fs.service systemd-pstore.service \
    systemd-timesyncd.service systemd-random-seed.service ldconfig.service \
    systemd-sysusers.service systemd-journal-catalog-update.service systemd-update-done.service; do
  ln -s /dev/null "$units/systemd/system/$u"
done
# A killed kiosk leaves no core file behind.
printf '[Manager]\nDefaultLimitCORE=0\n' >"$units/systemd/system.conf.d/kiosk-test.conf"
# The kiosk user's id, if the private /etc must add it: a free system id.
uid=''
for i in $(seq 999 -1 900); do
  if ! getent passwd "$i" >/dev/null && ! getent group "$i" >/dev/null; then uid=$i; break; fi
done
mkdir "$work/root"

say "booting systemd (log: $out/systemd.log)"
started=$(date +%s.%N)
# Should this script be killed outright, unshare dies with it (--pdeathsig), and systemd with
# unshare (--kill-child): the namespace never outlives the test.
(
  echo "$BASHPID" >"$cg/cgroup.procs"
  exec setpriv --pdeathsig KILL unshare --kill-child --pid --mount --propagation private --net --uts --ipc --cgroup -- \
    "$self" --inside "$kiosk" "$repo" "$work/root" "$units" "$uid"
) </dev/null >"$out/systemd.log" 2>&1 &
unshare_pid=$!
for _ in $(seq 100); do
  pid1=$(cat "/proc/$unshare_pid/task/$unshare_pid/children" 2>/dev/null | awk '{ print $1 }') || true
  [ -n "$pid1" ] && break
  sleep 0.05
done
if [ -z "$pid1" ]; then
  echo "service-restart: the namespace did not start:" >&2
  cat "$out/systemd.log" >&2
  exit 1
fi

# --root and --wd: into the namespace's own root (its pivoted tmpfs), not the mount namespace's
# real root, which is the host's / when this test itself runs in a chroot.
inns() { nsenter --target "$pid1" --mount --pid --root --wd -- "$@"; }
signal() { inns /bin/sh -c 'kill "$1" "$2"' sh "$@"; } # the shell's kill: procps may be absent
declare -A unit
query() { # fills unit[MainPID] unit[ActiveState] unit[SubState] unit[NRestarts]
  local line
  unit=()
  while IFS= read -r line; do unit[${line%%=*}]=${line#*=}; done < <(
    inns systemctl show -p MainPID,ActiveState,SubState,NRestarts,Result kiosk.service 2>/dev/null)
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
fail() {
  echo "service-restart: FAIL: $*" >&2
  inns systemctl status --no-pager -l kiosk.service xvfb.service >"$out/status.txt" 2>&1 || true
  inns journalctl --no-pager -o short-monotonic >"$out/journal.txt" 2>&1 || true
  echo "--- systemctl status (also in $out/status.txt)" >&2
  cat "$out/status.txt" >&2
  echo "--- the journal's last lines (all in $out/journal.txt)" >&2
  tail -n 40 "$out/journal.txt" >&2
  exit 1
}
# wait_active SECONDS NOT_PID...: until kiosk.service is active with a main pid none of these.
wait_active() {
  local limit=$1 t0
  shift
  t0=$(now)
  while :; do
    kill -0 "$pid1" 2>/dev/null || { cat "$out/systemd.log" >&2; fail "systemd (PID 1 of the namespace) exited"; }
    query
    if [ "${unit[ActiveState]:-}" = active ] && [ "${unit[MainPID]:-0}" != 0 ]; then
      local p fresh=1
      for p in "$@"; do [ "${unit[MainPID]}" = "$p" ] && fresh=0; done
      [ "$fresh" = 1 ] && return 0
    fi
    if awk -v a="$t0" -v b="$(now)" -v l="$limit" 'BEGIN { exit !(b - a > l) }'; then return 1; fi
    sleep 0.25
  done
}

# 1. Booted, the display up, the kiosk READY=1 after its first frame: active.
wait_active 90 || fail "kiosk.service was not active within 90 s of boot (state ${unit[ActiveState]:-unknown}/${unit[SubState]:-})"
boot_s=$(since "$started")
pid_a=${unit[MainPID]} restarts0=${unit[NRestarts]}
say "kiosk.service active ${boot_s} s after boot: MainPID $pid_a, NRestarts $restarts0"

# 2. A crash: SIGKILL. Restart=always, RestartSec=2.
t=$(now)
signal -KILL "$pid_a"
say "killed MainPID $pid_a with SIGKILL"
wait_active 15 "$pid_a" || fail "kiosk.service was not restarted within 15 s of SIGKILL (state ${unit[ActiveState]:-}/${unit[SubState]:-}, MainPID ${unit[MainPID]:-})"
kill_s=$(since "$t")
pid_b=${unit[MainPID]}
say "restarted after SIGKILL: active again in ${kill_s} s, MainPID $pid_b, NRestarts ${unit[NRestarts]}"

# 3. A hung frame loop: SIGSTOP. No more WATCHDOG=1; WatchdogSec=10 kills and restarts it.
t=$(now)
signal -STOP "$pid_b"
say "stopped MainPID $pid_b with SIGSTOP (a hung frame loop)"
wait_active 30 "$pid_b" || fail "kiosk.service was not restarted within 30 s of SIGSTOP (state ${unit[ActiveState]:-}/${unit[SubState]:-}, MainPID ${unit[MainPID]:-})"
stop_s=$(since "$t")
pid_c=${unit[MainPID]} restarts=${unit[NRestarts]}
say "restarted after the stall: active again in ${stop_s} s, MainPID $pid_c, NRestarts $restarts"

# 4. The X server gone: the kiosk exits with its own status 69 at once; Restart=always restarts
# it and ExecStartPre waits until the display is back.
t=$(now)
inns systemctl stop xvfb.service
say "stopped xvfb.service (the X server gone under MainPID $pid_c)"
for _ in $(seq 50); do
  inns journalctl --no-pager -o cat -u kiosk.service 2>/dev/null | grep -q 'status=69/' && break
  sleep 0.1
done
inns journalctl --no-pager -o cat -u kiosk.service 2>/dev/null | grep -q 'Main process exited, code=exited, status=69/' ||
  fail "the kiosk did not exit with status 69 within 5 s of the X server's stop"
lost_s=$(since "$t")
inns systemctl start xvfb.service
wait_active 30 "$pid_c" || fail "kiosk.service was not active again within 30 s of the display's return (state ${unit[ActiveState]:-}/${unit[SubState]:-})"
back_s=$(since "$t")
pid_d=${unit[MainPID]} restarts=${unit[NRestarts]}
say "the display gone: status 69 in ${lost_s} s; active again ${back_s} s after the stop, MainPID $pid_d, NRestarts $restarts"

inns journalctl --no-pager -o short-monotonic >"$out/journal.txt" 2>&1 || true
inns systemctl status --no-pager -l kiosk.service >"$out/status.txt" 2>&1 || true
grep -q 'kiosk.service: Watchdog timeout' "$out/journal.txt" && grep -q "kiosk.service: Failed with result 'watchdog'" "$out/journal.txt" ||
  fail "the second restart was not the watchdog's: no 'Watchdog timeout' in the journal"
[ "$restarts" -eq $((restarts0 + 3)) ] ||
  fail "NRestarts went from $restarts0 to $restarts, not up by the 3 restarts caused here"
grep -q ' kiosk\[[0-9]*\]: kiosk: lost the X display' "$out/journal.txt" ||
  fail "the kiosk did not say in the journal that it lost the X display"
if signal -0 "$pid_b" 2>/dev/null; then fail "the stalled kiosk (pid $pid_b) still exists"; fi
# The unit's environment must let the kiosk (and its libraries) write where they cache.
if grep -E ' kiosk\[[0-9]+\]: .*(Permission denied|Read-only file system)' "$out/journal.txt"; then
  fail "the kiosk, run by kiosk.service, could not write somewhere (above)"
fi
# The kiosk's own lines are structured entries it sends itself (sd_journal_send, because its
# stderr is the journal stream): a priority from what the line says and its KIOSK_EVENT, never
# the same line again as plain stderr text.
inns journalctl --no-pager -o verbose SYSLOG_IDENTIFIER=kiosk KIOSK_EVENT=ready >"$out/journal-ready.txt" 2>&1 || true
for field in _TRANSPORT=journal PRIORITY=6 KIOSK_EVENT=ready 'MESSAGE=kiosk: ready '; do
  grep -q "^    $field" "$out/journal-ready.txt" ||
    fail "the kiosk's 'ready' line has no $field in the journal (journalctl -o verbose in $out/journal-ready.txt)"
done
if inns journalctl --no-pager -o cat _TRANSPORT=stdout SYSLOG_IDENTIFIER=kiosk 2>/dev/null | grep '^kiosk: '; then
  fail "the kiosk's lines (above) reached the journal as plain stderr too"
fi
mode="in opening hours"
grep -q ' kiosk\[[0-9]*\]: kiosk: display asleep' "$out/journal.txt" && mode="outside opening hours (slow frame loop, still beating)"

echo
echo "service-restart: PASS in $(since "$started") s"
echo "  active after boot        ${boot_s} s   MainPID $pid_a"
echo "  SIGKILL -> active again  ${kill_s} s   MainPID $pid_b   (RestartSec=2)"
echo "  SIGSTOP -> active again  ${stop_s} s   MainPID $pid_c   (WatchdogSec=10, RestartSec=2)"
echo "  X server stopped         exit status 69 in ${lost_s} s; active again ${back_s} s after   MainPID $pid_d"
echo "  NRestarts                $restarts0 -> $restarts"
echo "  the kiosk ran            $mode"
echo "  the kiosk's 'ready' entry, structured ($out/journal-ready.txt):"
grep -E '^    (_TRANSPORT|PRIORITY|SYSLOG_IDENTIFIER|KIOSK_EVENT|MESSAGE)=' "$out/journal-ready.txt" | head -n 5 | sed 's/^    /    /'
echo "  systemd's lines about it ($out/journal.txt):"
grep -E 'kiosk.service: (Main process exited|Watchdog timeout|Killing process|Failed with result|Scheduled restart)|Started kiosk.service|lost the X display' \
  "$out/journal.txt" | sed 's/^/    /'
