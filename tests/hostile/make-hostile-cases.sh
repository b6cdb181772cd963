#!/usr/bin/env bash
# Makes the hostile content cases: each case is a copy of one small, valid content folder (the
# base: two sections, three items, tiny pictures) with ONE hostile change, the kind an attacker
# or a careless staff member makes first. run-hostile.sh runs `kiosk validate` and the kiosk on
# every case; this script only writes the folders and the manifest.
#   make-hostile-cases.sh OUTDIR
#
# OUTDIR/base/             the valid content every case starts from (validate: 0 errors, 0 warnings)
# OUTDIR/cases/ID/         one folder per case
# OUTDIR/manifest.tsv      one line per case, tab-separated:
#   id  description  expect  pattern  file  line  flags
# expect   what a polished `kiosk validate` does: ok (exit 0, warnings allowed), clean (exit 0,
#          no warning either), warn (exit 0 with a warning), error (exit status not 0, an error)
# pattern  an extended regex that the warning or error line must match (often just the file name)
# file     the path (from the case folder) that the warning or error must name; - for none
# line     the line it must name: a number, "any" (some line), or - (the problem has no line)
# flags    comma-separated: nonroot (the case needs a user that file permissions apply to),
#          maxerrors=N (at most N error lines: a limit is said once, with a count, not once per
#          file), absent=REGEX (the output must not match, e.g. a PIN's digits)
#
# The expectations describe the correct behaviour, not today's: many cases fail on purpose
# until the loader is fixed.
set -euo pipefail
out=${1:?usage: make-hostile-cases.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
photo="$here/../e2e/tall-picture.jpg" # the project's own small JPEG (600x900, baseline)
films="$here/../unit/data/films"      # the unit tests' small films (tests/unit/data/films/make.sh)

# Folders a case made unreadable (chmod 000) must be readable again to be removed by a non-root user.
[ -d "$out" ] && chmod -R u+rwX "$out" 2>/dev/null || true
rm -rf "$out"
mkdir -p "$out/cases"
out=$(cd "$out" && pwd)
manifest="$out/manifest.tsv"
printf '#id\tdescription\texpect\tpattern\tfile\tline\tflags\n' >"$manifest"

# png FILE W H [R G B]: a solid 8-bit RGB picture, as small as PNG makes it.
png() {
  perl -MCompress::Zlib -e '
    my ($f, $w, $h, $r, $g, $b) = @ARGV;
    my $raw = ("\0" . (pack("C3", $r, $g, $b) x $w)) x $h;
    sub chunk { my ($t, $d) = @_; pack("N", length $d) . $t . $d . pack("N", crc32($t . $d)) }
    open my $o, ">:raw", $f or die "$f: $!";
    print $o "\x89PNG\r\n\x1a\n", chunk("IHDR", pack("NNC5", $w, $h, 8, 2, 0, 0, 0)),
             chunk("IDAT", compress($raw, 9)), chunk("IEND", "");
  ' "$1" "$2" "$3" "${4:-40}" "${5:-90}" "${6:-160}"
}

# png_header FILE W H: a PNG whose header (with a correct checksum) claims W x H pixels while
# its pixel data is one tiny row: a decoder that believes the header allocates W*H*3 bytes.
png_header() {
  perl -MCompress::Zlib -e '
    my ($f, $w, $h) = @ARGV;
    sub chunk { my ($t, $d) = @_; pack("N", length $d) . $t . $d . pack("N", crc32($t . $d)) }
    open my $o, ">:raw", $f or die "$f: $!";
    print $o "\x89PNG\r\n\x1a\n", chunk("IHDR", pack("NNC5", $w, $h, 8, 2, 0, 0, 0)),
             chunk("IDAT", compress("\0\0\0\0", 9)), chunk("IEND", "");
  ' "$1" "$2" "$3"
}

# png_gray1 FILE W H: a valid black 1-bit greyscale PNG: W x H pixels in a few kilobytes.
png_gray1() {
  perl -MCompress::Zlib -e '
    my ($f, $w, $h) = @ARGV;
    my $raw = ("\0" . ("\0" x int(($w + 7) / 8))) x $h;
    sub chunk { my ($t, $d) = @_; pack("N", length $d) . $t . $d . pack("N", crc32($t . $d)) }
    open my $o, ">:raw", $f or die "$f: $!";
    print $o "\x89PNG\r\n\x1a\n", chunk("IHDR", pack("NNC5", $w, $h, 1, 0, 0, 0, 0)),
             chunk("IDAT", compress($raw, 9)), chunk("IEND", "");
  ' "$1" "$2" "$3"
}

# rep STRING N: STRING N times (perl: bash loops are too slow for 100,000).
rep() { perl -e 'print $ARGV[0] x $ARGV[1]' "$1" "$2"; }

# ---------------------------------------------------------------------------------------------
# The base content. Line numbers below are relied on by the cases (F:20 is the first item's
# picture line), so change them together.
base="$out/base"
mkdir -p "$base/sections/01-alpha/images" "$base/sections/02-beta/images"
png "$base/logo.png" 48 48 212 162 76
png "$base/sections/01-alpha/images/cover.png" 64 36 31 78 140
png "$base/sections/01-alpha/images/pic.png" 64 36 200 60 60
png "$base/sections/02-beta/images/cover.png" 64 36 60 140 80
cat >"$base/kiosk.toml" <<'EOF'
[kiosk]
default_language = "zh-Hans"
languages = ["zh-Hans", "en"]
idle_timeout_seconds = 90
logo = "logo.png"

[kiosk.name]
zh-Hans = "测试展台"
en = "Test kiosk"
EOF
cat >"$base/sections/01-alpha/section.toml" <<'EOF'
colour = "#1F4E8C"
cover = "images/cover.png"
cover_alt = { zh-Hans = "蓝色的封面", en = "A blue cover" }
[title]
zh-Hans = "第一部分"
en = "Alpha"
EOF
cat >"$base/sections/01-alpha/01-first.toml" <<'EOF'
link = "https://example.org/alpha/first.html"
tags = ["alpha"]

[title]
zh-Hans = "第一项"
en = "First item"

[summary]
zh-Hans = "一句话简介。"
en = "A one-line summary."

[body]
zh-Hans = """
第一段。

**粗体**文字。
"""

[[images]]
file = "images/pic.png"
caption = { zh-Hans = "图片", en = "A picture" }
alt = { zh-Hans = "一块纯红色的长方形", en = "A plain red rectangle" }
# (the picture described for visitors who cannot see it: a clean base has no warning)
EOF
printf 'First paragraph.\n\n**Bold** words and a list:\n\n- one\n- two\n' >"$base/sections/01-alpha/01-first.en.md"
cat >"$base/sections/01-alpha/02-second.toml" <<'EOF'
[title]
zh-Hans = "第二项"
en = "Second item"

[[images]]
file = "images/cover.png"
alt = { zh-Hans = "蓝色的封面", en = "A blue cover" }
EOF
cat >"$base/sections/02-beta/section.toml" <<'EOF'
colour = "#2E7D4F"
cover = "images/cover.png"
cover_alt = { zh-Hans = "绿色的封面", en = "A green cover" }
[title]
zh-Hans = "第二部分"
en = "Beta"
EOF
cat >"$base/sections/02-beta/01-only.toml" <<'EOF'
[title]
zh-Hans = "唯一项"
en = "The only item"

[summary]
zh-Hans = "简介。"
en = "A summary."
EOF

# Shorthands for the files cases change most.
K=kiosk.toml
S=sections/01-alpha/section.toml
F=sections/01-alpha/01-first.toml
MD=sections/01-alpha/01-first.en.md
A=sections/01-alpha
IMG=sections/01-alpha/images

# new ID EXPECT FILE LINE PATTERN DESCRIPTION [FLAGS]: starts a case as a copy of the base; the
# commands after it change "$c". PATTERN "" means the file's name.
new() {
  local id=$1 expect=$2 file=$3 line=$4 pattern=$5 desc=$6 flags=${7:--}
  if [ -z "$pattern" ]; then
    pattern=$(basename "$file" | sed 's/[.[\*^$()+?{|]/\\&/g')
  fi
  c="$out/cases/$id"
  [ ! -e "$c" ] || { echo "make-hostile-cases: case $id made twice" >&2; exit 1; }
  cp -a "$base" "$c"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$desc" "$expect" "$pattern" "$file" "$line" "$flags" >>"$manifest"
}
# setline FILE N TEXT: replaces line N of the case's FILE (TEXT may hold any bytes but newline, and
# be longer than one command-line argument may be, so it goes through a file).
setline() { printf '%s\n' "$3" >"$out/.line"; perl -i -pe 'BEGIN { open my $l, "<:raw", shift; local $/; $L = <$l> } $_ = $L if $. == '"$2" "$out/.line" "$c/$1"; }
# insert FILE N TEXT: TEXT becomes line N (the old line N moves down).
insert() { printf '%s\n' "$3" >"$out/.line"; perl -i -pe 'BEGIN { open my $l, "<:raw", shift; local $/; $L = <$l> } $_ = $L . $_ if $. == '"$2" "$out/.line" "$c/$1"; }
# append FILE TEXT: TEXT becomes the file's last line.
append() { printf '%s\n' "$2" >>"$c/$1"; }
# item DIR NAME: a small valid item file in DIR of the case.
item() { printf '[title]\nzh-Hans = "另一项"\nen = "Another item"\n' >"$c/$1/$2"; }
# section DIR: a small valid section folder with one item.
section() {
  mkdir -p "$c/$1"
  printf '[title]\nzh-Hans = "另一部分"\nen = "Another section"\n' >"$c/$1/section.toml"
  item "$1" 01-one.toml
}

# ---------------------------------------------------------------------------------------------
# TOML built to exhaust a parser: deep nesting, long dotted names, characters where keys go.
new toml-dotted-header-100k error $F 24 "" "a table header of 100,000 dotted parts [a.a.a...]"
append $F "[$(rep a. 99999)a]"
new toml-dotted-key-100k error $F 1 "" "a dotted key of 100,000 parts a.a.a...=1"
insert $F 1 "$(rep a. 99999)a = 1"
new toml-array-header-100k error $F 24 "" "an array-of-tables header of 100,000 dotted parts [[a.a.a...]]"
append $F "[[$(rep a. 99999)a]]"
new toml-inline-arrays-10k error $F 1 "" "10,000 nested inline arrays x = [[[[...]]]]"
insert $F 1 "x = $(rep [ 10000)1$(rep ] 10000)"
new toml-inline-tables-10k error $F 1 "" "10,000 nested inline tables x = {a={a={...}}}"
insert $F 1 "x = $(rep '{a=' 10000)1$(rep '}' 10000)"
new toml-unclosed-arrays-10k error $F 1 "" "10,000 opening brackets never closed x = [[[[..."
insert $F 1 "x = $(rep [ 10000)"
new toml-nonascii-line-start error $F 7 "" "a Chinese line with its key forgotten (a title under [title] without 'en =')"
insert $F 7 "第一项的英文标题"
new toml-cyrillic-line-start error $F 7 "" "a Russian title line with its key forgotten (Cyrillic at the start of a line)"
insert $F 7 "Первый пункт"
new toml-kana-line-start error $F 7 "" "a Japanese title line with its key forgotten (kana at the start of a line)"
insert $F 7 "タイトル"
new toml-latin1-line-start error $F 7 "" "a line starting with an accented Latin letter (été = ...)"
insert $F 7 "été = \"summer\""
new toml-nonascii-after-backslash error $F 7 "" "a line-ending backslash inside a string, then a Cyrillic line"
insert $F 7 'ru = "Первый \'; insert $F 8 'пункт"'
new toml-nonascii-indented-line error $F 7 "" "an indented Chinese line with its key forgotten"
insert $F 7 "  沈阳故宫"
new toml-nonascii-quoted-key warn $F 1 "名前" "a quoted Japanese key \"名前\" = 1 (valid TOML, an unknown key)"
insert $F 1 '"名前" = 1'
new toml-nonascii-continued-line warn $F 1 "" "a \"\"\" text whose line-ending backslash joins a Russian line (valid TOML, an unknown key)"
insert $F 1 'x = """a \'; insert $F 2 'Дворец"""'
new toml-nonascii-line-start-kiosk error $K 10 "" "kiosk.toml: a Chinese tagline line without its key"
append $K "古都新韵，开放沈阳"
new toml-nonascii-line-start-section error $S 7 "" "section.toml: a line starting with a full-width bracket"
append $S "［subtitle］"
new toml-duplicate-key error $F 7 "" "the same key twice in a table (en = twice)"
insert $F 7 'en = "First item, again"'
new toml-duplicate-table error $F 24 "" "the same table twice ([title] again at the end)"
append $F '[title]'
new toml-unclosed-string error $F 6 "" "a string without its closing quote"
setline $F 6 'en = "First item'
new toml-unclosed-multiline error $F any "" "a multi-line body whose closing \"\"\" is missing"
setline $F 17 ''
new toml-raw-esc-bare-key error $F 7 "" "a key with a raw ESC sequence (ESC[2J clears a terminal)"
insert $F 7 $'\e[2J\e[31mkey = 1'
new toml-esc-quoted-lang error $F 7 "" "a language key with escaped ESC sequences under [title]: must be refused, not echoed raw"
insert $F 7 '"\u001b[2J\u001b[31mzh" = "x"'
new toml-esc-quoted-key warn $F 1 "" "an unknown quoted key holding an OSC sequence (sets a terminal's title): warned, escaped"
insert $F 1 '"\u001b]0;pwned\u0007" = 1'
new toml-esc-in-title error $F 6 "" "a title holding ESC and BEL (as TOML escapes): refused, never echoed raw"
setline $F 6 'en = "First\u001b[2J item\u0007"'
new toml-nul-escape-title error $F 6 "" "a title holding U+0000 (a TOML escape)"
setline $F 6 'en = "First\u0000item"'
new toml-surrogate-escape error $F 6 "" "a title with the escape of a lone surrogate \\uD800"
setline $F 6 'en = "\uD800"'

# Values of the wrong kind, and numbers and dates no one can mean.
new date-feb-30 error $F 2 "" "show_from = 2026-02-30 (no such day)"
setline $F 2 'show_from = 2026-02-30'
new date-month-13 error $F 2 "" "show_until = 2026-13-01"
setline $F 2 'show_until = 2026-13-01'
new date-with-time error $F 2 "" "show_from with a time of day (2026-12-01T10:00:00)"
setline $F 2 'show_from = 2026-12-01T10:00:00'
new date-in-quotes error $F 2 "" "show_from = \"2026-12-01\" (a date in quotes is text)"
setline $F 2 'show_from = "2026-12-01"'
new int-overflow error $F 2 "" "order = 99999999999999999999 (more than 64 bits)"
setline $F 2 'order = 99999999999999999999'
new int64-max error $F 2 "" "order = 9223372036854775807"
setline $F 2 'order = 9223372036854775807'
new order-negative error $F 2 "" "order = -1"
setline $F 2 'order = -1'
new nan-timeout error $K 4 "" "idle_timeout_seconds = nan"
setline $K 4 'idle_timeout_seconds = nan'
new inf-slide error $K 4 "" "attract_slide_seconds = inf"
setline $K 4 'attract_slide_seconds = inf'
new type-title-int error $F 4 "" "title = 5"
setline $F 4 'title = 5'; setline $F 5 ''; setline $F 6 ''
new type-images-string error $F 19 "" "images = \"images/pic.png\" instead of [[images]]"
setline $F 19 'images = "images/pic.png"'; setline $F 20 ''; setline $F 21 ''; setline $F 22 ''; setline $F 23 ''
new type-order-string error $F 2 "" "order = \"first\""
setline $F 2 'order = "first"'
new type-attract-string error $F 2 "" "attract = \"yes\""
setline $F 2 'attract = "yes"'
new type-tags-string error $F 2 "" "tags = \"alpha\" (a word, not a list)"
setline $F 2 'tags = "alpha"'
new type-link-int error $F 1 "" "link = 42"
setline $F 1 'link = 42'
new type-colour-int error $S 1 "" "colour = 0x1F4E8C (a number, not text)"
setline $S 1 'colour = 0x1F4E8C'
new type-cover-bool error $S 2 "" "cover = true"
setline $S 2 'cover = true'
new type-languages-string error $K 3 "" "languages = \"zh-Hans, en\" (text, not a list)"
setline $K 3 'languages = "zh-Hans, en"'
new type-default-language-array error $K 2 "" "default_language = [\"zh-Hans\"]"
setline $K 2 'default_language = ["zh-Hans"]'
new type-kiosk-string error $K 1 "" "kiosk = \"yes\" instead of a [kiosk] table"
printf 'kiosk = "yes"\n' >"$c/$K"
new type-caption-array error $F 21 "" "caption = [\"a\"] (a list, not a text)"
setline $F 21 'caption = ["a"]'; setline $F 22 ''; setline $F 23 ''
new colour-not-hex error $S 1 "" "colour = \"#GGGGGG\""
setline $S 1 'colour = "#GGGGGG"'
new map-point-nan error $F 27 "" "a map point at x = nan"
printf '[map]\nimage = "images/pic.png"\n[[map.points]]\nx = nan\ny = 10\ntext = { zh-Hans = "点", en = "Point" }\nlabel = { zh-Hans = "点", en = "P" }\n' >>"$c/$F"
new map-1000-points error $F any "1 ?000|1,000" "a map with 1,000 points (the limit is 40): one error with the count" maxerrors=5
{ printf '[map]\nimage = "images/pic.png"\n'
  # Every point at a place of its own (40 across, 25 down the 64 x 36 picture).
  perl -e 'for my $i (0 .. 999) { printf "[[map.points]]\nx = %d\ny = %d\nlabel = { zh-Hans = \"点\", en = \"P\" }\ntext = { zh-Hans = \"点\", en = \"P\" }\n", 1 + $i % 40, 1 + int($i / 40) }'
} >>"$c/$F"

# Sizes and counts: every limit is said once, with the count, and nothing is cut silently.
new title-1mb error $F 6 "" "an English title of 1,000,000 characters"
setline $F 6 "en = \"$(rep 'Title ' 166666)Tail\""
new title-combining-10k error $F 6 "" "a title of one letter with 10,000 combining marks (Zalgo text)"
setline $F 6 "en = \"Z$(rep $'\u0301' 10000)\""
new languages-10k error $K 3 "10 ?000|10,000" "kiosk.toml offers 10,000 languages" maxerrors=5
setline $K 3 "languages = [\"zh-Hans\", \"en\", $(perl -e 'my @t; for my $l (qw(fr de es it pt nl sv ru ja ko vi mn th ar tr)) { for my $r ("AA" .. "ZZ") { push @t, "\"$l-$r\"" } } print join(", ", @t[0 .. 9997])')]"
new items-50k error sections/03-huge - "50 ?000|50,000" "a section with 50,000 items (the limit is 256): an error with the count, not a silent cut" maxerrors=5
mkdir -p "$c/sections/03-huge"
printf '[title]\nzh-Hans = "很多"\nen = "Huge"\n' >"$c/sections/03-huge/section.toml"
printf '[title]\nzh-Hans = "项"\nen = "Item"\n' >"$c/sections/03-huge/.proto"
# Hard links: 50,000 names, one file's blocks on disk.
perl -e 'for my $i (1 .. 50000) { link("$ARGV[0]/.proto", sprintf("%s/%05d-i%05d.toml", $ARGV[0], $i, $i)) or die $! } unlink "$ARGV[0]/.proto"' "$c/sections/03-huge"
new sections-1000 error sections - "1 ?000|1,000" "1,000 section folders (the limit is 64): an error with the count, not a silent cut" maxerrors=5
printf '[title]\nzh-Hans = "部分"\nen = "Section"\n' >"$c/sections/.proto-section"
printf '[title]\nzh-Hans = "项"\nen = "Item"\n' >"$c/sections/.proto-item"
perl -e 'for my $i (3 .. 1000) { my $d = sprintf("%s/09-s%04d", $ARGV[0], $i); mkdir $d or die $!;
           link("$ARGV[0]/.proto-section", "$d/section.toml") or die $!; link("$ARGV[0]/.proto-item", "$d/01-i.toml") or die $! }
         unlink "$ARGV[0]/.proto-section", "$ARGV[0]/.proto-item"' "$c/sections"
new body-10mb error $MD - "" "a 10 MB Markdown body"
rep 'word word word word word word word word word word word word.\n\n' 160000 | perl -pe 's/\\n/\n/g' >"$c/$MD"
new item-sparse-4g error $A/03-sparse.toml - "" "a 4 GB item file (sparse, all zero bytes)"
truncate -s 4G "$c/$A/03-sparse.toml"
new picture-sparse-100g error $F 20 "" "a 100 GB picture (sparse)"
rm "$c/$IMG/pic.png"; truncate -s 100G "$c/$IMG/pic.png"
new unknown-keys-10k warn $F any "unknown" "10,000 unknown keys in an item"
{ perl -e 'print "k$_ = 1\n" for 1 .. 10000'; cat "$base/$F"; } >"$c/$F"
new md-quotes-10k ok $MD - "" "a Markdown body of 10,000 nested block quotes"
{ rep '> ' 10000; printf 'deep\n'; } >"$c/$MD"
new md-lists-10k ok $MD - "" "a Markdown body of 10,000 nested list items on one line"
{ rep '- ' 10000; printf 'deep\n'; } >"$c/$MD"
new md-emphasis-10k ok $MD - "" "a Markdown body with 10,000 nested emphasis markers"
{ rep '*' 10000; printf 'x'; rep '*' 10000; printf '\n'; } >"$c/$MD"
new md-brackets-10k ok $MD - "" "a Markdown body with 10,000 nested link brackets"
{ rep '[' 10000; printf 'x'; rep ']' 10000; printf '\n'; } >"$c/$MD"
new md-html-script ok $MD - "" "a Markdown body with raw HTML <script> and <img onerror>"
printf '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nText.\n' >"$c/$MD"
new md-link-javascript warn $MD - "" "a Markdown link to javascript: in a body (links are not shown)"
printf 'Click [here](javascript:alert(1)) now.\n' >"$c/$MD"
new body-word-40k ok $MD - "" "a body of one 40,000-letter word, no space to break at"
{ rep 'x' 40000; printf '\n'; } >"$c/$MD"

# Text encodings and line ends.
new utf8-invalid error $F 6 "" "a byte that is not UTF-8 (0xFF) in a title"
setline $F 6 $'en = "First \xff item"'
new utf8-overlong error $F 6 "" "an overlong UTF-8 encoding of '/' (C0 AF)"
setline $F 6 $'en = "First \xc0\xaf item"'
new utf8-surrogate-bytes error $F 6 "" "a UTF-8-encoded surrogate (ED A0 80)"
setline $F 6 $'en = "First \xed\xa0\x80 item"'
new utf8-latin1 error $F 6 "" "a title saved as Latin-1 (Café as 43 61 66 E9)"
setline $F 6 $'en = "Caf\xe9"'
new utf16-bom error $F 1 "UTF-16|UTF-8" "an item file saved as UTF-16 with a byte-order mark"
iconv -f UTF-8 -t UTF-16 "$base/$F" >"$c/$F"
new utf16-bom-kiosk error $K 1 "UTF-16|UTF-8" "kiosk.toml saved as UTF-16 with a byte-order mark"
iconv -f UTF-8 -t UTF-16 "$base/$K" >"$c/$K"
new utf8-bom ok $F - "" "an item file with a UTF-8 byte-order mark"
{ printf '\xef\xbb\xbf'; cat "$base/$F"; } >"$c/$F"
new utf8-bom-md ok $MD - "" "a Markdown body with a UTF-8 byte-order mark"
{ printf '\xef\xbb\xbf'; cat "$base/$MD"; } >"$c/$MD"
new utf8-bom-kiosk ok $K - "" "kiosk.toml with a UTF-8 byte-order mark"
{ printf '\xef\xbb\xbf'; cat "$base/$K"; } >"$c/$K"
new nul-byte error $F 6 "" "a NUL byte inside a title"
setline $F 6 'en = "First XNULX item"'; perl -i -pe 's/XNULX/\0/' "$c/$F"
new nul-byte-md error $MD 1 "" "NUL bytes in a Markdown body"
printf 'First\0paragraph.\n' >"$c/$MD"
new crlf ok $F - "" "an item file with Windows line ends (CRLF)"
perl -pe 's/\n/\r\n/' "$base/$F" >"$c/$F"
new crlf-md ok $MD - "" "a Markdown body with Windows line ends (CRLF)"
perl -pe 's/\n/\r\n/' "$base/$MD" >"$c/$MD"
new lone-cr error $F 5 "" "a lone CR (old Mac line end) ending line 5 of an item file"
perl -pe 's/\n/\r/ if $. == 5' "$base/$F" >"$c/$F"
new empty-item error $F - "" "an empty (0-byte) item file"
: >"$c/$F"
new empty-section error $S - "" "an empty (0-byte) section.toml"
: >"$c/$S"
new empty-kiosk error $K - "" "an empty (0-byte) kiosk.toml"
: >"$c/$K"
new empty-md warn $MD - "" "an empty (0-byte) Markdown body file"
: >"$c/$MD"
new whitespace-item error $F - "" "an item file of spaces and blank lines only"
printf '   \n\n\t\n' >"$c/$F"

# Files and folders: permissions, what a Mac, an editor or a zip leaves behind, links, odd names.
new unreadable-section-folder error $A - "" "a section folder no one may read (chmod 000)" nonroot
chmod 000 "$c/$A"
new unreadable-item error $F - "" "an item file no one may read (chmod 000)" nonroot
chmod 000 "$c/$F"
new unreadable-picture error $F 20 "pic\.png" "a picture no one may read (chmod 000)" nonroot
chmod 000 "$c/$IMG/pic.png"
new unreadable-kiosk error $K - "" "kiosk.toml no one may read (chmod 000)" nonroot
chmod 000 "$c/$K"
new unreadable-sections error sections - "" "the sections folder no one may read (chmod 000)" nonroot
chmod 000 "$c/sections"
new unreadable-md error $MD - "" "a Markdown body no one may read (chmod 000)" nonroot
chmod 000 "$c/$MD"
# What macOS writes next to every file on a FAT or network disk: "._name" (AppleDouble: a binary
# header, never UTF-8) and .DS_Store. They are not content, whatever their names end with.
appledouble() { printf '\0\5\26\7\0\2\0\0Mac OS X        \0\2\0\0\0\11\0\0\0\62\0\0\16\260\0\0\0\2\0\0\16\342\0\0\1\36\0\0\0\0\0\0\0\0ATTR\0\0\0\0' >"$1"; }
new appledouble ok - - "." "macOS ._ files next to every item, section, picture and kiosk.toml"
appledouble "$c/$A/._01-first.toml"; appledouble "$c/$A/._section.toml"; appledouble "$c/$A/._01-first.en.md"
appledouble "$c/$IMG/._pic.png"; appledouble "$c/._kiosk.toml"; appledouble "$c/sections/._01-alpha"
new ds-store ok - - "." ".DS_Store files in every folder"
for d in "$c" "$c/sections" "$c/$A" "$c/$IMG"; do printf '\0\0\0\1Bud1\0\0\20\0\0\0\10\0' >"$d/.DS_Store"; done
new macosx-zip-folder ok - - "." "a __MACOSX folder from a zip, with ._ copies of a section inside"
mkdir -p "$c/sections/__MACOSX/01-alpha"; appledouble "$c/sections/__MACOSX/01-alpha/._section.toml"
appledouble "$c/sections/__MACOSX/._01-alpha"
new windows-junk ok - - "." "Thumbs.db and desktop.ini next to pictures and sections"
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' >"$c/$IMG/Thumbs.db"; printf '[.ShellClassInfo]\r\n' >"$c/$A/desktop.ini"
# Editor backups hold a broken older copy: loaded as items, they would be errors.
new backup-tilde ok - - "." "an editor backup 01-first.toml~ (a broken older copy)"
printf '[title\nen = "old\n' >"$c/$A/01-first.toml~"
new backup-vim-swap ok - - "." "a vim swap file .01-first.toml.swp"
printf 'b0VIM 9.0\0\0\0\0' >"$c/$A/.01-first.toml.swp"
new backup-emacs ok - - "." "an Emacs autosave #01-first.toml# and lock link .#01-first.toml"
printf '[title\nen = "old\n' >"$c/$A/#01-first.toml#"; ln -s 'staff@kiosk.4242:1700000000' "$c/$A/.#01-first.toml"
new hidden-toml ok - - "." "a hidden .notes.toml (not UTF-8) in a section: dot-files are not content"
printf '\xff\xfe garbage' >"$c/$A/.notes.toml"
new hidden-section ok - - "." "a hidden .git folder in sections/ with a broken section.toml"
mkdir -p "$c/sections/.git"; printf '[title\n' >"$c/sections/.git/section.toml"
new symlink-item-passwd error $A/03-passwd.toml - "" "an item file that is a link to /etc/passwd"
ln -s /etc/passwd "$c/$A/03-passwd.toml"
new symlink-picture-passwd error $F 20 "pic\.png" "a picture that is a link to /etc/passwd"
ln -sf /etc/passwd "$c/$IMG/pic.png"
new symlink-picture-devzero error $F 20 "pic\.png" "a picture that is a link to /dev/zero (endless)"
ln -sf /dev/zero "$c/$IMG/pic.png"
new symlink-md-passwd error $MD - "" "a Markdown body that is a link to /etc/passwd"
ln -sf /etc/passwd "$c/$MD"
new symlink-section-etc error sections/03-etc - "" "a section folder that is a link to /etc"
ln -s /etc "$c/sections/03-etc"
new symlink-kiosk-passwd error $K - "" "kiosk.toml a link to /etc/passwd"
ln -sf /etc/passwd "$c/$K"
new symlink-loop-section error sections/03-loop - "" "a section folder that is a link to itself (a loop)"
ln -s 03-loop "$c/sections/03-loop"
new symlink-loop-item error $A/03-loop.toml - "" "an item file that is a link to itself (a loop)"
ln -s 03-loop.toml "$c/$A/03-loop.toml"
new symlink-loop-picture error $F 20 "pic\.png" "a picture that is one of two links pointing at each other"
rm "$c/$IMG/pic.png"; ln -s other.png "$c/$IMG/pic.png"; ln -s pic.png "$c/$IMG/other.png"
new symlink-parent-loop ok - - "." "a link inside images/ pointing back to the section folder (a loop for a recursive walk)"
ln -s .. "$c/$IMG/up"
new symlink-inside ok - - "." "a picture that is a link to another picture inside the folder"
rm "$c/$IMG/pic.png"; ln -s ../../02-beta/images/cover.png "$c/$IMG/pic.png"
new symlink-dangling-picture error $F 20 "pic\.png" "a picture that is a link to a missing file"
rm "$c/$IMG/pic.png"; ln -s missing.png "$c/$IMG/pic.png"
new fifo-picture error $F 20 "pipe|not a (regular )?file" "a picture that is a named pipe (reading it waits forever)"
rm "$c/$IMG/pic.png"; mkfifo "$c/$IMG/pic.png"
new fifo-kiosk error $K - "pipe|not a (regular )?file" "kiosk.toml is a named pipe"
rm "$c/$K"; mkfifo "$c/$K"
new fifo-item ok - - "." "a named pipe named like an item file, 03-pipe.toml"
mkfifo "$c/$A/03-pipe.toml"
new fifo-md ok - - "." "a Markdown body that is a named pipe"
rm "$c/$MD"; mkfifo "$c/$MD"
new dir-named-toml ok - - "." "a folder named like an item file, 03-folder.toml/"
mkdir "$c/$A/03-folder.toml"
new dir-as-picture error $F 20 "folder|directory" "a folder where the picture should be"
rm "$c/$IMG/pic.png"; mkdir "$c/$IMG/pic.png"
new kiosk-is-folder error $K - "" "kiosk.toml is a folder"
rm "$c/$K"; mkdir "$c/$K"
new kiosk-missing error $K - "" "no kiosk.toml"
rm "$c/$K"
new sections-missing error sections - "" "no sections folder"
rm -r "$c/sections"
new sections-is-file error sections - "" "sections is a file, not a folder"
rm -r "$c/sections"; printf 'x\n' >"$c/sections"
new sections-empty error sections - "" "an empty sections folder"
rm -r "$c/sections"; mkdir "$c/sections"
new section-no-toml warn sections/03-extra - "" "a section folder without section.toml"
mkdir "$c/sections/03-extra"; item sections/03-extra 01-one.toml
new filename-newline error "$A/03-bad" - "" "an item file whose name holds a newline" 
item "$A" $'03-bad\nname.toml'
new filename-esc error "$A/03-" - "" "an item file whose name holds an ESC sequence"
item "$A" $'03-\e[2Jclear.toml'
new filename-bidi error "$A/03-" - "" "an item file whose name holds U+202E (right-to-left override)"
item "$A" $'03-\u202Elmth.toml'
new folder-newline error "sections/03-new" - "" "a section folder whose name holds a newline"
section $'sections/03-new\nline'
new filename-255 ok - - "." "an item file name of 255 bytes"
item "$A" "03-$(rep x 246).toml"
new picture-name-255 ok - - "." "a picture whose file name is 255 bytes"
mv "$c/$IMG/pic.png" "$c/$IMG/$(rep p 251).png"; setline $F 20 "file = \"images/$(rep p 251).png\""
new deep-nesting-100 ok - - "." "a picture 100 folders deep"
p=$(rep d/ 100); mkdir -p "$c/$IMG/$p"; mv "$c/$IMG/pic.png" "$c/$IMG/${p}pic.png"; setline $F 20 "file = \"images/${p}pic.png\""

# Picture paths and pictures.
new path-dotdot-escape error $F 20 "" "a picture path ../../../../../../etc/passwd"
setline $F 20 'file = "../../../../../../etc/passwd"'
new path-dotdot-inside ok - - "." "a picture path ../02-beta/images/cover.png (leaves the section, stays in the content)"
setline $F 20 'file = "../02-beta/images/cover.png"'
new path-absolute error $F 20 "" "a picture path /etc/passwd"
setline $F 20 'file = "/etc/passwd"'
new path-absolute-inside error $F 20 "" "an absolute picture path to a picture inside the content folder"
setline $F 20 "file = \"$c/$IMG/pic.png\""
new path-windows-absolute error $F 20 "" "a picture path C:\\Users\\staff\\Pictures\\pic.png"
setline $F 20 'file = "C:\\Users\\staff\\Pictures\\pic.png"'
new path-backslash error $F 20 "" "a picture path with Windows backslashes images\\pic.png"
setline $F 20 'file = "images\\pic.png"'
new path-file-url error $F 20 "" "a picture path file:///etc/passwd"
setline $F 20 'file = "file:///etc/passwd"'
new path-empty error $F 20 "" "a picture path \"\""
setline $F 20 'file = ""'
new path-nul error $F 20 "" "a picture path with an escaped NUL: images/pic.png\\u0000.jpg"
setline $F 20 'file = "images/pic.png\u0000.jpg"'
new path-case-mismatch error $F 20 "pic\.png" "a picture path images/PIC.png for images/pic.png (works on Windows and macOS only)"
setline $F 20 'file = "images/PIC.png"'
new path-is-folder error $S 2 "" "a cover that is the images folder"
setline $S 2 'cover = "images"'
new logo-missing error $K 5 "" "a logo that does not exist"
setline $K 5 'logo = "nope.png"'
new picture-zero-byte error $F 20 "pic\.png" "a 0-byte picture"
: >"$c/$IMG/pic.png"
new picture-text-as-jpg error $F 20 "pic\.jpg" "a text file named .jpg"
printf 'Hello, this is not a picture.\n' >"$c/$IMG/pic.jpg"; setline $F 20 'file = "images/pic.jpg"'
new picture-jpeg-60000 error $F 20 "pic\.jpg" "a JPEG whose header claims 60000 x 60000 pixels"
perl -0777 -pe 's/\xFF\xC0(..)\x08..../\xFF\xC0$1\x08\xEA\x60\xEA\x60/s' "$photo" >"$c/$IMG/pic.jpg"; setline $F 20 'file = "images/pic.jpg"'
new picture-png-60000 error $F 20 "pic\.png" "a PNG whose header (valid checksum) claims 60000 x 60000 pixels"
png_header "$c/$IMG/pic.png" 60000 60000
new picture-png-0x0 error $F 20 "pic\.png" "a PNG whose header claims 0 x 0 pixels"
png_header "$c/$IMG/pic.png" 0 0
new picture-truncated error $F 20 "pic\.jpg" "a JPEG cut off after half its bytes"
head -c 4000 "$photo" >"$c/$IMG/pic.jpg"; setline $F 20 'file = "images/pic.jpg"'
new picture-heic error $F 20 "pic\.heic" "an iPhone HEIC photo"
printf '\0\0\0\030ftypheic\0\0\0\0mif1heic' >"$c/$IMG/pic.heic"; setline $F 20 'file = "images/pic.heic"'
new picture-svg error $F 20 "pic\.svg" "an SVG drawing"
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n' >"$c/$IMG/pic.svg"; setline $F 20 'file = "images/pic.svg"'
new picture-49mp ok - - "." "a valid PNG of 7000 x 7000 pixels, just under the 50-megapixel limit"
png_gray1 "$c/$IMG/pic.png" 7000 7000
new picture-51mp error $F 20 "pic\.png" "a valid PNG of 7200 x 7200 pixels, just over the 50-megapixel limit"
png_gray1 "$c/$IMG/pic.png" 7200 7200
new picture-1x60000 ok - - "." "a valid PNG 1 pixel wide and 60,000 high"
png "$c/$IMG/pic.png" 1 60000

# Links shown as QR codes: what a phone would open must be what staff meant.
new link-rlo error $F 1 "" "a link holding U+202E (right-to-left override): shown reversed"
setline $F 1 $'link = "https://example.org/\u202Egpj.exe"'
new link-zero-width error $F 1 "" "a link holding a zero-width space U+200B"
setline $F 1 $'link = "https://exa\u200Bmple.org/page.html"'
new link-zwj-bom error $F 1 "" "a link holding U+200D (zero-width joiner) and U+FEFF"
setline $F 1 $'link = "https://example.org/\u200Dpa\uFEFFge.html"'
new link-bidi-isolate error $F 1 "" "a link holding U+2066/U+2069 (bidi isolates)"
setline $F 1 $'link = "https://example.org/\u2066page\u2069.html"'
new link-javascript error $F 1 "" "link = \"javascript:alert(1)\""
setline $F 1 'link = "javascript:alert(1)"'
new link-file error $F 1 "" "link = \"file:///etc/passwd\""
setline $F 1 'link = "file:///etc/passwd"'
new link-data error $F 1 "" "link = \"data:text/html,<script>...\""
setline $F 1 'link = "data:text/html,<script>alert(1)</script>"'
new link-control-escape error $F 1 "" "a link holding an escaped newline and ESC"
setline $F 1 'link = "https://example.org/\npage\u001b[2J"'
new link-userinfo error $F 1 "" "a link that shows one site and opens another: https://www.gov.cn@evil.example/"
setline $F 1 'link = "https://www.gov.cn@evil.example/page.html"'
new link-10k error $F 1 "" "a link of 10,000 characters (more than a QR code holds)"
setline $F 1 "link = \"https://example.org/$(rep a 10000)\""
new link-http warn $F 1 "" "an http:// link (phones mark it Not secure)"
setline $F 1 'link = "http://example.org/page.html"'
new link-uppercase-scheme ok - - "." "HTTPS://EXAMPLE.ORG/PAGE.HTML (schemes are case-insensitive)"
setline $F 1 'link = "HTTPS://EXAMPLE.ORG/PAGE.HTML"'
new link-lang-rlo error $F 26 "" "a per-language link table whose en address holds U+202E"
setline $F 1 ''; append $F '[link]'; append $F 'zh-Hans = "https://example.org/zh.html"'; append $F $'en = "https://example.org/\u202Efdp.exe"'

# Ids: two names a person cannot tell apart are the same name.
new id-nfc-nfd-sections error sections/04-caf - "" "two section folders café (NFC) and café (NFD)"
section $'sections/03-caf\u00e9'; section $'sections/04-cafe\u0301'
new id-case-sections error sections/04-gamma - "" "two section folders Gamma and gamma"
section sections/03-Gamma; section sections/04-gamma
new id-nfc-nfd-items error "$A/04-caf" - "" "two items café.toml (NFC) and café.toml (NFD) in one section"
item "$A" $'03-caf\u00e9.toml'; item "$A" $'04-cafe\u0301.toml'
new id-case-items error "$A/04-third" - "" "two items Third.toml and third.toml in one section"
item "$A" 03-Third.toml; item "$A" 04-third.toml
new id-same-prefix error "$A/03-first" - "" "two items 01-first.toml and 03-first.toml (the same id)"
item "$A" 03-first.toml

# Languages.
new lang-zh-hans-lower clean - - "." "zh-hans in lower case in kiosk.toml (valid BCP 47: the same as zh-Hans)"
setline $K 2 'default_language = "zh-hans"'; setline $K 3 'languages = ["zh-hans", "en"]'
new lang-zh-hans-lower-item clean - - "." "an item's title in zh-hans while kiosk.toml offers zh-Hans"
setline $F 5 'zh-hans = "第一项"'
new lang-upper-en clean - - "." "EN and ZH-HANS in capitals in kiosk.toml"
setline $K 2 'default_language = "ZH-HANS"'; setline $K 3 'languages = ["ZH-HANS", "EN"]'
new lang-dup-case warn $K 3 "" "languages = [\"zh-Hans\", \"en\", \"EN\"] (en twice)"
setline $K 3 'languages = ["zh-Hans", "en", "EN"]'
new lang-not-a-tag error $K 3 "" "languages = [\"zh_CN\", \"english\"]"
setline $K 3 'languages = ["zh-Hans", "zh_CN", "english"]'
new lang-default-missing error $K 2 "" "default_language = \"fr\", not in languages"
setline $K 2 'default_language = "fr"'

# Other texts and settings.
new admin-pin-plain error $K 6 "" "admin_pin = \"731952\": the PIN itself; its digits are never repeated" absent=731952
insert $K 6 'admin_pin = "731952"'
new title-missing error $F - "" "an item without a title"
setline $F 4 ''; setline $F 5 ''; setline $F 6 ''
new title-empty error $F any "" "an item whose title is empty in every language"
setline $F 5 'zh-Hans = ""'; setline $F 6 'en = ""'
new title-rlo ok - - "." "a title starting with U+202E (right-to-left override)"
setline $F 6 $'en = "\u202EFirst item"'
# (Font coverage is checked per text after loading, which keeps no line: the file is named, the line is not.)
new title-private-use warn $F - "U\+E000" "a title with a private-use character no installed font draws"
setline $F 6 $'en = "First item \uE000"'
new show-until-before-from error $F any "" "show_until before show_from"
setline $F 2 'show_from = 2026-12-10'; insert $F 3 'show_until = 2026-12-01'
new event-ended warn $F any "" "an event that ended in 2000"
setline $F 2 'show_until = 2000-01-01'

# Films (issue 15) where the item's picture was: each is probed by validate (and at every load)
# and shown by its poster frame or a placeholder; nothing may crash, hang or grow.
# film CASE-FILE: the item's picture becomes images/pic.mp4 (or .mkv), a copy of CASE-FILE.
film() {
  local name=pic.${2:-mp4}
  rm "$c/$IMG/pic.png"
  if [ -n "$1" ]; then cp "$films/$1" "$c/$IMG/$name"; fi
  setline $F 20 "file = \"images/$name\""
}
new film-ok clean - - "." "a valid 1 s H.264 film with sound as an item's picture"
film ok.mp4
new film-vp9-webm clean - - "." "a valid VP9 WebM film as an item's picture"
film vp9.webm webm
new film-zero-byte error $F 20 "pic\.mp4.*empty" "a 0-byte film (pic.mp4)"
film empty.mp4
new film-text-as-mp4 error $F 20 "pic\.mp4.* is not a film" "a text file named pic.mp4"
film text.mp4
new film-truncated error $F 20 "pic\.mp4.* is not a film" "an MP4 film cut off after half its bytes (its index at the end is lost)"
film truncated.mp4
new film-truncated-faststart ok - - "." "an MP4 film with its index first, cut off after half its bytes: it opens, the rest is missing"
film ok.mp4; head -c 5000 "$films/ok.mp4" >"$c/$IMG/pic.mp4"
new film-8k error $F 20 "pic\.mp4.*8K" "an 8K (7680x4320) H.264 film: beyond the 4K limit"
film 8k.mp4
new film-240fps error $F 20 "pic\.mp4.*240 frames" "a film of 240 frames a second: beyond the 120 limit"
film 240fps.mp4
new film-mpeg2 error $F 20 "pic\.mkv.*MPEG-2" "an MPEG-2 film in Matroska: a codec the kiosk does not play"
film mpeg2.mkv mkv
new film-audio-only error $F 20 "pic\.mp4.*no picture" "an .mp4 of sound alone"
film audio-only.mp4
new film-raw-stream warn $F 20 "pic\.mp4.*does not say how long" "an endless-looking stream: raw H.264 without a container or a length, named .mp4"
film raw-h264.mp4
new film-2-hours warn $F 20 "pic\.mp4.*longer than an hour" "a film 2 hours long (one frame every 10 minutes)"
film long.mp4
new film-header-10h warn $F 20 "pic\.mp4.*longer than an hour" "a 1 s film whose header claims 10 hours"
film ok.mp4; perl -0777 -pe 's/(mvhd\x00\x00\x00\x00.{8})(.{4})(.{4})/$1.$2.pack("N", unpack("N", $2) * 36000)/se' "$films/ok.mp4" >"$c/$IMG/pic.mp4"
new film-devzero error $F 20 "pic\.mp4" "a film that is a link to /dev/zero (an endless stream)"
film ""; ln -s /dev/zero "$c/$IMG/pic.mp4"
new film-fifo error $F 20 "pic\.mp4" "a film that is a named pipe (reading it waits forever)"
film ""; mkfifo "$c/$IMG/pic.mp4"
new film-playlist error $F 20 "pic\.mp4.* is not a film" "a playlist naming a web address and /etc/passwd, saved as pic.mp4"
film ""; printf '#EXTM3U\n#EXTINF:1,x\nhttp://127.0.0.1:9/film.mp4\n#EXTINF:1,y\n/etc/passwd\n' >"$c/$IMG/pic.mp4"
new film-captions-bad-time error $IMG/pic.en.vtt 3 "is not a time" "a film's English captions with a time written 00:01.5"
film ok.mp4; printf 'WEBVTT\n\n00:01.5 --> 00:02.000\nHello\n' >"$c/$IMG/pic.en.vtt"
new film-captions-no-header error $IMG/pic.en.vtt 1 "WEBVTT" "a film's captions without the WEBVTT line (an SRT file renamed .vtt)"
film ok.mp4; printf '1\n00:00:01,000 --> 00:00:02,000\nHello\n' >"$c/$IMG/pic.en.vtt"
new film-captions-latin1 error $IMG/pic.en.vtt 4 "UTF-8" "a film's captions saved as Latin-1 (Caf\xe9)"
film ok.mp4; printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nCaf\xe9\n' >"$c/$IMG/pic.en.vtt"
new film-captions-fifo error $IMG/pic.en.vtt - "not a regular file" "a film's captions file that is a named pipe"
film ok.mp4; mkfifo "$c/$IMG/pic.en.vtt"
new film-captions-2mb error $IMG/pic.en.vtt - "KiB" "a film's captions file of 2 MB"
film ok.mp4; { printf 'WEBVTT\n\n'; rep '00:00.000 --> 00:01.000\nx\n\n' 70000 | perl -pe 's/\\n/\n/g'; } >"$c/$IMG/pic.en.vtt"
new film-captions-20k-cues error $IMG/pic.en.vtt any "10000" "a film's captions of 20,000 cues (the limit is 10,000): said once" maxerrors=3
film ok.mp4; { printf 'WEBVTT\n\n'; rep '00:00.000 --> 00:01.000\nx\n\n' 20000 | perl -pe 's/\\n/\n/g'; } >"$c/$IMG/pic.en.vtt"
new film-captions-other-language warn $IMG/pic.fr.vtt - "not one of the kiosk's languages" "a film's French captions where the kiosk offers zh-Hans and en"
film ok.mp4; printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n' >"$c/$IMG/pic.fr.vtt"

rm -f "$out/.line"
echo "make-hostile-cases: $(($(wc -l <"$manifest") - 1)) cases in $out/cases"
