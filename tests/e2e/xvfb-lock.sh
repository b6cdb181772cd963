# Sourced by the scripts that start their own Xvfb with -displayfd (run-kiosk-script.sh,
# run-editor.sh): starting and stopping a server take turns across the machine, running does not.
#   xvfb_lock      waits for the turn (one lock file in /tmp, where the X sockets are)
#   xvfb_unlock    gives it back
# Two servers starting at once can unlink each other's socket ("Failed to open X11 display" a few
# milliseconds after it opened, seen with ctest -j2), and a dying server removes its socket by
# name, so a server starting on the number it is giving up loses its socket. Starting with the
# other servers up is safe (each picks a free number), so the runs themselves go side by side.
xvfb_lock_file=/tmp/kiosk-xvfb.lock
xvfb_lock() {
  [ -e "$xvfb_lock_file" ] || (umask 0 && : >>"$xvfb_lock_file") 2>/dev/null
  exec {xvfb_lock_fd}<"$xvfb_lock_file"
  flock -w 120 "$xvfb_lock_fd" || echo "xvfb-lock: no turn after 120 s; going on" >&2
}
xvfb_unlock() {
  [ -n "${xvfb_lock_fd:-}" ] || return 0
  # Unlock before closing: the server started meanwhile holds a copy of the descriptor.
  flock -u "$xvfb_lock_fd"
  exec {xvfb_lock_fd}<&-
  xvfb_lock_fd=
}
