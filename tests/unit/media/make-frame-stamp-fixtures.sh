#!/usr/bin/env bash
# Makes the fixtures of tests/unit/media/FrameStamp.test.cpp: rows of pixels through the middle of
# real encoded frames of the counter films (tests/video/make-test-films.sh), as the kiosk's screen
# would show them: at the film's size, scaled down to 640 pixels wide, scaled up to 3840, cropped
# to cover a 4:3 and a 5:4 screen, two frames blended; and rows of sample pictures with no stamp.
# Each PNG stacks one row per frame (row i = frame FIRST + i), a few KiB each. Run it again only
# when the stamp's layout changes (then the test's expectations change with it).
#   tests/unit/media/make-frame-stamp-fixtures.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out=$here/frame-stamp
films=$(mktemp -d)
trap 'rm -rf "$films"' EXIT
"$root/tests/video/make-test-films.sh" "$films"
mkdir -p "$out"

# rows NAME FILM FIRST COUNT FILTER_BEFORE_CROP CROP_WIDTH CROP_X ROW
rows() {
  local name=$1 film=$2 first=$3 count=$4 pre=$5 cw=$6 cx=$7 row=$8
  nice -n 19 ffmpeg -hide_banner -loglevel error -y -i "$films/$film" \
    -vf "${pre}select='between(n,$first,$((first + count - 1)))',format=rgb24,crop=$cw:1:$cx:$row,tile=1x$count" \
    -frames:v 1 "$out/$name.png"
}
# clip 3, frames 0-59, at 1280x720
rows native-1280 seam-c.mp4 0 60 "" 1280 0 360
# clip 3 on a 640x360 screen (bilinear)
rows scaled-640 seam-c.mp4 0 60 "scale=640:360:flags=bilinear," 640 0 180
# clip 1 on a 3840x2160 screen, frames 0-9
rows scaled-3840 seam-a.mp4 0 10 "scale=3840:2160:flags=bilinear," 3840 0 1080
# clip 0, frames 100-129, covering a 1024x768 (4:3) screen: 1365x768, 170 pixels cut each side
rows cover-4x3-1024 counter-1080p.mp4 100 30 "scale=1365:768:flags=bicubic," 1024 170 384
# clip 0, frames 270-299, covering a 1280x1024 (5:4) screen: 1820x1024, 270 cut each side
rows cover-5x4-1280 counter-1080p.mp4 270 30 "scale=1820:1024:flags=bicubic," 1280 270 512
# clip 1, each frame averaged with the next (a crossfade's middle, a torn frame): 20 of them
rows blended-1280 seam-a.mp4 1 20 "tblend=all_mode=average," 1280 0 360
# pictures without a stamp: the middle rows of four sample pictures
pics=()
for p in 01-city-promotion/images/cover.jpg 03-culture-tourism/images/mukden-palace-1.jpg \
  03-culture-tourism/images/ice-and-snow-1.jpg 03-culture-tourism/images/shenyang-map.png; do
  pics+=(-i "$root/content/sections/$p")
done
nice -n 19 ffmpeg -hide_banner -loglevel error -y "${pics[@]}" \
  -filter_complex "[0]format=rgb24,crop=1920:1:0:540[a];[1]format=rgb24,crop=1920:1:0:540[b];[2]format=rgb24,crop=1920:1:0:540[c];[3]format=rgb24,crop=1920:1:0:540[d];[a][b][c][d]vstack=inputs=4,format=rgb24" \
  -frames:v 1 "$out/no-stamp-1920.png"
ls -l "$out"
