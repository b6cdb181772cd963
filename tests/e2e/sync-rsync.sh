#!/usr/bin/env bash
# Many kiosks, end to end: content goes out with rsync into a kiosk's staging folder and
# `kiosk publish` switches the kiosk's content link to it, while the kiosk runs on that link.
# A version with a TOML syntax error is refused by publish and never reaches the kiosk; the next
# good one is on screen within seconds. The "kiosk root" is a temp folder laid out like
# /var/lib/kiosk on a real kiosk (staging/, versions/, content -> versions/...).
#   sync-rsync.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/live-edit.sh"
if ! command -v rsync >/dev/null; then
  echo "sync-rsync: rsync is missing; run platform/scripts/setup-debian.sh test" >&2
  exit 1
fi
editor="$out.editor" root="$out.root"
rm -rf "$editor" "$root" "$out"
mkdir -p "$out" "$root/staging"
cp -r "$src/content" "$editor" # the editors' copy (a checkout of the content repository)
item=sections/02-investment/01-industrial-base.toml
fail() { echo "sync-rsync: $*" >&2; exit 1; }
# What a CI job runs per kiosk, with a local folder for kiosk@host:/var/lib/kiosk/staging/.
push() { rsync -a --delete --delay-updates "$editor/" "$root/staging/"; }
publish() { "$kiosk" publish "$@" "$root/staging" "$root/content"; }

# 1. The first version goes out before the kiosk starts.
push
set +e
msg=$(publish) # default quiet period: rsync has just written, so not yet
status=$?
set -e
echo "$msg"
[ "$status" -eq 3 ] && [[ "$msg" == "not yet: "* ]] || fail "publish right after a sync should wait (status 3), got $status"
msg=$(publish --quiet-seconds 0) || fail "the first publish failed: $msg"
echo "$msg"
[[ "$msg" == *"published: "* ]] && [ -L "$root/content" ] || fail "the first publish did not make the content link"
first=$(readlink "$root/content")

live_start "$kiosk" "$here/sync-rsync.kscript" "$root/content" "$out"
live_waitfor before.png

# 2. A broken version: refused, the link stays, the kiosk sees nothing.
cp "$editor/$item" "$out/item.good"
printf 'title = { zh-Hans = "坏了"\n' >"$editor/$item"
push
set +e
msg=$(publish --quiet-seconds 0)
status=$?
set -e
echo "$msg"
[ "$status" -eq 1 ] || fail "publish of a broken version should exit 1, got $status"
[[ "$msg" == *"01-industrial-base.toml:"*"error"* ]] || fail "publish did not name the broken file with its line"
[ "$(readlink "$root/content")" = "$first" ] || fail "a refused version changed the content link"
# A re-sync of the same files is "nothing new" for rsync and publish alike.
push
publish --quiet-seconds 0 >/dev/null && fail "an unchanged broken staging was published"

# 3. Fixed, with a new title: published, and on screen.
sed 's/A Strong Industrial Base/A Renewed Industrial Base/; s/雄厚的产业基础/焕新的产业基础/' "$out/item.good" >"$editor/$item"
push
msg=$(publish --quiet-seconds 0) || fail "publish of the fixed version failed: $msg"
echo "$msg"
[ "$(readlink "$root/content")" != "$first" ] || fail "the content link did not move"
msg=$(publish --quiet-seconds 0)
[[ "$msg" == "already published: "* ]] || fail "a second publish of the same staging should do nothing, said: $msg"
live_finish

log="$out/kiosk.log"
[ "$(grep -c 'content reloaded' "$log")" -eq 1 ] || fail "the kiosk should reload exactly once (the good version)"
echo "sync-rsync: $(grep 'content reloaded' "$log")" # how long from the switch to the screen
grep -q 'has errors' "$log" && fail "the broken version reached the kiosk"
cmp -s "$out/before.png" "$out/after.png" && fail "the screen did not change after the new version was published"
[ "$(ls "$root/versions" | grep -c '^[0-9]\{8\}T')" -eq 2 ] || fail "expected two versions in $root/versions"
"$kiosk" validate "$root/content" | tail -n 1
grep -q 'A Renewed Industrial Base' "$root/content/$item" || fail "the content link does not show the new version"
echo "sync-rsync: a broken version was refused, the fixed one reached the screen"
