#!/usr/bin/env bash
# Writes a content folder at the loader's generous end: 20 sections, one of them with 30 items,
# to check that grids scroll instead of squeezing tiles to slivers.
#   make-many-content.sh SAMPLE_CONTENT DEST
set -euo pipefail
src=$1 dest=$2
rm -rf "$dest"
mkdir -p "$dest/sections"
cp "$src/kiosk.toml" "$dest/kiosk.toml"
cover="$src/sections/01-city-promotion/images/cover.jpg"
for s in $(seq -w 1 20); do
  dir="$dest/sections/$s-topic-$s"
  mkdir -p "$dir/images"
  cp "$cover" "$dir/images/cover.jpg"
  printf 'title = { zh-Hans = "主题 %s", en = "Topic %s" }\nsubtitle = { zh-Hans = "副标题", en = "Subtitle" }\ncolour = "#1F4E8C"\ncover = "images/cover.jpg"\n' "$s" "$s" >"$dir/section.toml"
  items=2
  [ "$s" = "01" ] && items=30
  for i in $(seq -w 1 "$items"); do
    printf 'title = { zh-Hans = "条目 %s", en = "Item %s" }\nsummary = { zh-Hans = "摘要", en = "Summary" }\nbody = { zh-Hans = "正文。", en = "Body." }\n[[images]]\nfile = "images/cover.jpg"\n' "$i" "$i" >"$dir/$i-item-$i.toml"
  done
done
