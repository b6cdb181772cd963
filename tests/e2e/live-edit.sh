# Sourced by the end-to-end runs that edit a content folder while the kiosk runs a script.
#   live_start KIOSK SCRIPT CONTENT OUT [KIOSK_OPTION...]   starts the kiosk script in the background
#   live_waitfor NAME.png                 waits until that screenshot exists (fails if the run ended)
#   live_finish                           waits for the kiosk script and returns its status
live_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

live_start() {
  "$live_here/run-kiosk-script.sh" "$@" &
  live_runner=$!
  live_out=$4
}

live_waitfor() {
  for _ in $(seq 600); do
    # A moment after the file appears, so the kiosk is already waiting for the next change.
    [ -s "$live_out/$1" ] && { sleep 0.2; return 0; }
    kill -0 "$live_runner" 2>/dev/null || break
    sleep 0.05
  done
  echo "live-edit: $1 never appeared" >&2
  return 1
}

live_finish() { wait "$live_runner"; }
