#!/bin/sh
# Regenerates tests/staff-mistakes.md: each mistake of tests/unit/core/StaffMistakes.test.cpp is
# made in a small content folder (the test leaves them in a temporary folder), and the table
# shows what `kiosk validate` prints for it that it does not print for the clean folder:
#   "Message on main before issue 16": OLD_KIOSK's lines (a kiosk built from main before this
#       work, commit 05ad9b4); without OLD_KIOSK the column is kept from the current table.
#   "Message now": BUILD_DIR/kiosk's lines. The unit test checks that column against its own run.
# Usage: tests/staff-mistakes.sh BUILD_DIR [OLD_KIOSK]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: staff-mistakes.sh BUILD_DIR [OLD_KIOSK]}" && pwd)
old=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

KIOSK_STAFF_MISTAKES_DIR="$work/cases" "$build/tests/unit/kiosk_tests" -tc='*each mistake is answered*' >"$work/test.log" 2>&1 || true
[ -d "$work/cases/_base" ] || { cat "$work/test.log"; echo "staff-mistakes: the test left no folders" >&2; exit 1; }

# validate's lines for one folder, the temporary path cut, the summary kept.
run() { # KIOSK DIR OUT
  (cd "$2" && "$1" validate content >"$3" 2>&1 || true)
}
run "$build/kiosk" "$work/cases/_base" "$work/base.now"
[ -z "$old" ] || run "$old" "$work/cases/_base" "$work/base.old"
for dir in "$work"/cases/*/; do
  id=$(basename "$dir")
  [ "$id" = _base ] && continue
  run "$build/kiosk" "$dir" "$dir/now.txt"
  [ -z "$old" ] || run "$old" "$dir" "$dir/old.txt"
done

python3 - "$work" "$here/staff-mistakes.md" "$here/unit/core/StaffMistakes.test.cpp" <<'EOF'
import html, os, re, sys
work, table, source = sys.argv[1:4]
order = re.findall(r'^\s*\{"([a-z0-9-]+)", "', open(source, encoding='utf-8').read(), re.M)

def lines(path):
    return open(path, encoding='utf-8', errors='replace').read().splitlines() if os.path.exists(path) else None

def new_lines(base, now, summary):
    before = set(base)
    return [l for l in now if l not in before and (summary or not l.startswith('content: '))]

def cell(ls, limit=None):
    if ls is None: return ''
    shown = ls if limit is None or len(ls) <= limit else ls[:limit]
    out = '<br>'.join('<code>' + html.escape(l, quote=True).replace('|', '&#124;').replace('&#x27;', "'") + '</code>' for l in shown)
    if limit is not None and len(ls) > limit: out += '<br>... and %d more lines' % (len(ls) - limit)
    if not ls: out = '(nothing)'
    return out

kept = {}
if os.path.exists(table):
    for row in open(table, encoding='utf-8'):
        m = re.match(r'^\| (\d+) \| `([a-z0-9-]+)` \| (.*?) \| (.*?) \| (.*) \|$', row.rstrip('\n'))
        if m: kept[m.group(2)] = m.group(4)

base_now, base_old = lines(os.path.join(work, 'base.now')), lines(os.path.join(work, 'base.old'))
out = ['# Staff mistakes and what the kiosk says about them', '',
       'Each row is a mistake a new staff member makes (those of issue 16, those the staff guide',
       'content/README.md warns about, and others), made in a small content folder in the sample\'s',
       'shape, and the lines `kiosk validate content` prints for it that it does not print for the clean',
       'folder. "Before" is main at 05ad9b4, before issue 16; "now" is this version. Made by',
       '`tests/staff-mistakes.sh BUILD_DIR [OLD_KIOSK]`; `tests/unit/core/StaffMistakes.test.cpp` makes the',
       'same mistakes and fails when "now" is not exactly what validate prints.', '',
       '| # | Case | Mistake | Message on main before issue 16 | Message now |', '|---|---|---|---|---|']
for n, cid in enumerate(order, 1):
    d = os.path.join(work, 'cases', cid)
    what = open(os.path.join(d, 'mistake.txt'), encoding='utf-8').read().strip().replace('|', '\\|')
    summary = open(os.path.join(d, 'summary.txt')).read().strip() == '1'
    now = new_lines(base_now, lines(os.path.join(d, 'now.txt')), summary)
    old_path = os.path.join(d, 'old.txt')
    old = cell(new_lines(base_old, lines(old_path), summary), 4) if os.path.exists(old_path) else kept.get(cid, '')
    out.append('| %d | `%s` | %s | %s | %s |' % (n, cid, what, old, cell(now)))
open(table, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('staff-mistakes: %d rows written to %s' % (len(order), table))
EOF
