#!/usr/bin/env bash
# The kiosk's text engine against a reference renderer: each paragraph in tests/text/cases/ is
# set by the engine (text_lines) and by Chromium in the same font, size and width, and their
# lines are compared word for word; Chromium's rendering is also saved as a PNG for a person to
# put beside the kiosk's screenshots. Run by hand (Chromium is large; not part of CI):
#   apt-get install chromium; tests/text/compare-browser.sh [BUILD_DIR] [OUT_DIR]
# A case file's first line is "LANG WIDTH PIXELS", the rest is the paragraph. Exit status 1
# when a case sets differently (each difference is printed: both sets of lines).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
out=${2:-$build/text-vs-browser}
mkdir -p "$out" && out=$(cd "$out" && pwd)
lines=$build/tests/bench/text_lines
chromium=$(command -v chromium || true)
[ -x "$lines" ] || { echo "compare-browser: build text_lines first (cmake --build $build --target text_lines)" >&2; exit 2; }
[ -n "$chromium" ] || { echo "compare-browser: Chromium is missing; apt-get install chromium" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$profile")
escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
status=0
printf '%-20s %-26s %6s %6s  %s\n' case face kiosk chrome verdict
for case in "$here"/cases/*.txt; do
  name=$(basename "$case" .txt)
  read -r lang width px < <(head -1 "$case")
  tail -n +2 "$case" >"$out/$name.txt"
  "$lines" "$lang" "$width" "$px" <"$out/$name.txt" >"$out/$name.kiosk"
  face=$(sed -n 's/^face //p' "$out/$name.kiosk")
  dir=$(sed -n 's/^direction //p' "$out/$name.kiosk")
  # Chromium sets the text in a box of the same width, in the face the engine chose (so the
  # comparison is of line breaking, bidi and shaping, not of font choice), and reports its own
  # lines: the characters whose boxes share a top.
  {
    printf '<!doctype html><html><head><meta charset="utf-8"><style>'
    printf 'body{margin:20px;background:#0f1a2b;color:#e8ecf2}'
    printf '#t{font-family:"%s","Noto Sans",sans-serif;font-size:%spx;line-height:1.4;width:%spx;white-space:pre-wrap;outline:1px dashed #445}' "$face" "$px" "$width"
    printf '#out{display:none}</style></head><body>'
    printf '<div id="t" lang="%s" dir="%s">' "$lang" "$dir"
    escape <"$out/$name.txt" | tr -d '\n'
    printf '</div><pre id="out"></pre><script>'
    cat <<'JS'
const node = document.getElementById('t').firstChild, s = node.data, range = document.createRange();
const lines = []; let current = '', lineTop = null;
for (let i = 0; i < s.length;) {
  const n = s.codePointAt(i) > 0xffff ? 2 : 1;
  range.setStart(node, i); range.setEnd(node, i + n);
  const rects = range.getClientRects();
  if (rects.length && rects[0].width > 0) {
    const y = Math.round(rects[0].top);
    if (lineTop !== null && y > lineTop + 2) { lines.push(current); current = ''; }
    if (lineTop === null || y > lineTop + 2) lineTop = y;
  }
  current += s.substr(i, n); i += n;
}
lines.push(current);
document.getElementById('out').textContent = lines.map(l => 'line ' + l.replace(/\s+$/, '')).join('\n');
JS
    printf '</script></body></html>\n'
  } >"$out/$name.html"
  "$chromium" "${flags[@]}" --dump-dom "file://$out/$name.html" 2>/dev/null |
    sed -n '/<pre id="out">/,/<\/pre>/p' | sed -e 's/.*<pre id="out">//' -e 's/<\/pre>.*//' |
    sed -e 's/&amp;/\&/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' | grep '^line ' >"$out/$name.chrome" || true
  "$chromium" "${flags[@]}" --window-size=$((width + 40)),$((px * 12)) --screenshot="$out/$name-chromium.png" \
    "file://$out/$name.html" >/dev/null 2>&1 || true
  sed -n 's/^line [0-9.]* /line /p' "$out/$name.kiosk" | sed 's/[[:space:]]*$//' >"$out/$name.kiosk-lines"
  # Drawn by the engine as the page draws it, and each line's ink compared with Chromium's.
  ink="same ink"
  "$lines" "$lang" "$width" "$px" "$out/$name-kiosk.png" "$out/$name-chromium.png" <"$out/$name.txt" >"$out/$name.ink" ||
    { ink="INK DIFFERS ($(sed -n 's/^ink worst //p' "$out/$name.ink"))"; status=1; }
  k=$(wc -l <"$out/$name.kiosk-lines") c=$(wc -l <"$out/$name.chrome")
  if cmp -s "$out/$name.kiosk-lines" "$out/$name.chrome"; then
    verdict="same lines"
  else
    verdict="DIFFERENT (diff $out/$name.kiosk-lines $out/$name.chrome)"
    status=1
  fi
  printf '%-20s %-26s %6s %6s  %s, %s (worst %s)\n' "$name" "$face" "$k" "$c" "$verdict" "$ink" "$(sed -n 's/^ink worst //p' "$out/$name.ink")"
done
exit $status
