#!/usr/bin/env bash
# Copies the sample content and breaks it the ways staff do in a hurry, for the broken-content test.
#   break-content.sh SOURCE_CONTENT DEST
set -euo pipefail
src=$1 dest=$2
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
cp -r "$src" "$dest"
inv="$dest/sections/02-investment"
# A TOML syntax error: the item is skipped, the section still shows its other item.
printf 'title = { zh-Hans = "全程投资服务", en = "Investor Services"\n' >"$inv/02-investor-services.toml"
# An image that is not an image: the item shows a placeholder.
printf 'this is not a JPEG' >"$inv/images/industrial-base-1.jpg"
# A section cover that is missing altogether.
rm "$dest/sections/03-culture-tourism/images/cover.jpg"
