#!/usr/bin/env bash
# Copies the sample content and adds a section whose one item names every kind of bad picture
# staff can drop in: cut short, empty, not an image, a decompression bomb, a PNG with a broken
# checksum, a format the kiosk cannot show; and one good photo among them.
#   make-bad-images.sh SOURCE_CONTENT DEST
set -euo pipefail
src=$1 dest=$2
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
cp -r "$src" "$dest"
dir="$dest/sections/99-bad-pictures"
mkdir -p "$dir/images"
photo="$src/sections/01-city-promotion/images/cover.jpg"
size=$(stat -c %s "$photo")
head -c $((size / 2)) "$photo" >"$dir/images/cut-short.jpg"
cp "$photo" "$dir/images/good.jpg"
: >"$dir/images/empty.jpg"
printf 'Hello, this is a text file saved with the wrong name.\n' >"$dir/images/not-an-image.jpg"
# The photo with its frame header claiming 60000 x 60000 pixels (3.6 gigapixels).
perl -0777 -pe 's/\xFF\xC0(..)\x08..../\xFF\xC0$1\x08\xEA\x60\xEA\x60/s' "$photo" >"$dir/images/bomb.jpg"
# The logo with one bit flipped inside its pixel data: the chunk's CRC no longer matches.
perl -0777 -pe 's/IDAT(.{8})(.)/"IDAT$1" . chr(ord($2) ^ 1)/se' "$src/logo.png" >"$dir/images/broken-checksum.png"
printf '\0\0\0\030ftypheic\0\0\0\0mif1heic' >"$dir/images/iphone-photo.heic"
cat >"$dir/section.toml" <<'TOML'
colour = "#5B3A8C"
cover = "images/good.jpg"
[title]
zh-Hans = "损坏的图片"
en = "Bad pictures"
TOML
{
  printf '[title]\nzh-Hans = "每一种坏图片"\nen = "Every bad picture"\n[summary]\nen = "Placeholders, never garbage."\n'
  printf '[body]\nen = "Each picture here is broken in its own way but one."\n'
  for f in cut-short.jpg good.jpg empty.jpg not-an-image.jpg bomb.jpg broken-checksum.png iphone-photo.heic; do
    printf '[[images]]\nfile = "images/%s"\n' "$f"
  done
} >"$dir/01-every-bad-picture.toml"
