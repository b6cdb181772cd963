#!/usr/bin/env bash
# The admin view's runs: the sample ships without a PIN (an installed kiosk must not have a known
# one), so this copies it, makes a PIN hash for 246813 with `kiosk hash-pin` (the verb staff use)
# and puts the line into the copy's kiosk.toml, then runs the script on the copy.
#   run-admin.sh KIOSK SCRIPT SOURCE_CONTENT OUT_DIR [KIOSK_OPTION...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kiosk=$1 script=$2 src=$3 out=$4
shift 4
work="$out.content"
rm -rf "$work"
mkdir -p "$(dirname "$work")" # run alone (ctest -R admin), no earlier run has made build/e2e
cp -r "$src" "$work"
line=$(echo 246813 | "$kiosk" hash-pin 2>/dev/null)
case "$line" in
  'admin_pin = "$argon2id$v=19$'*) ;;
  *) echo "run-admin: kiosk hash-pin printed '$line', not an admin_pin line" >&2; exit 1 ;;
esac
# Under [kiosk], after the logo line (before any [kiosk.xxx] table).
# STAFF_LANGUAGE=zh-Hans: the admin view in that language (kiosk.toml's staff_language).
extra=""
[ -z "${STAFF_LANGUAGE:-}" ] || extra="staff_language = \"$STAFF_LANGUAGE\""
awk -v line="$line" -v extra="$extra" '{ print } /^logo = / { print line; if (extra != "") print extra }' "$src/kiosk.toml" >"$work/kiosk.toml"
# VISITOR_LANGUAGES='["en", "ru"]': visitors offered only those (the first is the default).
if [ -n "${VISITOR_LANGUAGES:-}" ]; then
  first=$(printf '%s' "$VISITOR_LANGUAGES" | sed 's/^\[ *"\([^"]*\)".*/\1/')
  sed -i -e "s/^languages = .*/languages = $VISITOR_LANGUAGES/" -e "s/^default_language = .*/default_language = \"$first\"/" "$work/kiosk.toml"
fi
grep -q '^admin_pin = ' "$work/kiosk.toml" || { echo "run-admin: no logo line to put admin_pin after" >&2; exit 1; }
exec "$here/run-kiosk-script.sh" "$kiosk" "$script" "$work" "$out" "$@"
