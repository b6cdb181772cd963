#!/usr/bin/env bash
# translations.files.readers: the files `kiosk translations export` writes, read by the tools
# translators use, and the round trip through the real binary.
#   check-exchange-files.sh KIOSK WORKDIR
# For every language of the sample: the XLIFF validates against the XLIFF 2.0 subset schema
# (tests/unit/data/xliff; xmllint), the PO is read by Python's polib (Debian python3-polib) with
# every unit there and the texts as exported, passes `msgfmt --check` (gettext) and is read by
# Translate Toolkit's pofilter; importing both unchanged leaves the content folder byte for byte
# as it was. A file outside the subset must fail the schema check (the check checks something).
set -euo pipefail
kiosk=$1
work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
schema=$root/tests/unit/data/xliff/xliff-core-2.0-subset.xsd
py=/usr/bin/python3 # Debian's, which has polib (not a pyenv or venv one)
rm -rf "$work"
mkdir -p "$work"
cp -r "$root/content" "$work/content"
cp -r "$root/content" "$work/original"
fail=0
for lang in zh-Hans zh-Hant en ja ko ru mn vi; do
  "$kiosk" translations export --format xliff --output "$work/$lang.xlf" "$work/content" "$lang" 2>/dev/null
  "$kiosk" translations export --format po --output "$work/$lang.po" "$work/content" "$lang" 2>/dev/null
  xmllint --noout --schema "$schema" "$work/$lang.xlf" 2>"$work/xmllint.log" || {
    echo "FAIL: $lang.xlf does not validate:"; cat "$work/xmllint.log"; fail=1; }
  if ! msgfmt --check -o /dev/null "$work/$lang.po" 2>"$work/msgfmt.log" || [ -s "$work/msgfmt.log" ]; then
    echo "FAIL: msgfmt --check $lang.po (errors or warnings):"; cat "$work/msgfmt.log"; fail=1
  fi
  /usr/bin/pofilter --progress=none -i "$work/$lang.po" -o "$work/$lang.pofilter.po" 2>"$work/pofilter.log" || {
    echo "FAIL: pofilter cannot read $lang.po:"; cat "$work/pofilter.log"; fail=1; }
  # polib: every XLIFF unit is a PO entry with the same context, source and translation.
  "$py" - "$work/$lang.po" "$work/$lang.xlf" "$lang" <<'PY' || fail=1
import sys, polib
import xml.etree.ElementTree as ET
po = polib.pofile(sys.argv[1])
ns = {'x': 'urn:oasis:names:tc:xliff:document:2.0'}
root = ET.parse(sys.argv[2]).getroot()
assert root.get('trgLang') == sys.argv[3], root.get('trgLang')
assert po.metadata['X-Kiosk-Language'] == sys.argv[3]
units = {}
for f in root.findall('x:file', ns):
    for u in f.findall('x:unit', ns):
        seg = u.find('x:segment', ns)
        tgt = seg.find('x:target', ns)
        units[f.get('original') + '#' + u.get('id')] = (seg.find('x:source', ns).text or '', '' if tgt is None else (tgt.text or ''))
entries = {e.msgctxt: e for e in po}
if set(entries) != set(units):
    sys.exit('FAIL: %s: PO and XLIFF units differ: %s' % (sys.argv[3], sorted(set(entries) ^ set(units))[:5]))
multiline = 0
for k, (src, tgt) in units.items():
    e = entries[k]
    if e.msgid != src or e.msgstr != tgt:
        sys.exit('FAIL: %s: %s reads differently in PO and XLIFF' % (sys.argv[3], k))
    multiline += '\n\n' in src
if len(units) < 100 or multiline < 10:
    sys.exit('FAIL: %s: only %d units, %d with paragraphs' % (sys.argv[3], len(units), multiline))
print('%s: %d units (%d with paragraphs) read alike by polib and ElementTree' % (sys.argv[3], len(units), multiline))
PY
  "$kiosk" translations import "$work/$lang.xlf" "$work/content" >/dev/null || { echo "FAIL: import $lang.xlf"; fail=1; }
  "$kiosk" translations import "$work/$lang.po" "$work/content" >/dev/null || { echo "FAIL: import $lang.po"; fail=1; }
done
diff -r "$work/original" "$work/content" || { echo "FAIL: an unchanged import changed the content folder"; fail=1; }
# The schema is a real check: an element the subset does not have fails it.
sed 's|<notes>|<notes><foo/>|' "$work/ja.xlf" >"$work/bad.xlf"
if xmllint --noout --schema "$schema" "$work/bad.xlf" 2>/dev/null; then echo "FAIL: the schema took an unknown element"; fail=1; fi
[ $fail = 0 ] && echo "translations.files.readers: 8 languages, XLIFF and PO read by xmllint, polib, msgfmt, pofilter; round trip unchanged"
exit $fail
