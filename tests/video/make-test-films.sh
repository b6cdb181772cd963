#!/usr/bin/env bash
# Makes the counter films of the video benches and soaks (issue 15) in OUTDIR, once: a film is
# made again only when it is missing or this script or the stamp's filter changed (a stamp file
# beside the films records their version).
#   make-test-films.sh OUTDIR
# Every frame carries the frame stamp (kiosk/media/FrameStamp.h; drawn by frame-stamp-filter.sh)
# with the film's clip id and the frame number, which the kiosk reads back from the screen with
# --frame-stamps, and, for people, the clip's letter and the frame number in big digits above it.
# The backgrounds are bright moving gradients (never near black, so a black frame on screen is the
# player's, not the film's), a different pair of colours for each clip.
#   counter-1080p.mp4  clip 0   1920x1080 30 fps, 10 s (300 frames): CPU and memory, loop seams
#   seam-a.mp4         clip 1   1280x720 30 fps, 2 s (60 frames)     A/B seams between clips
#   seam-b.mp4         clip 2   1280x720 30 fps, 2 s (60 frames)
#   seam-c.mp4         clip 3   1280x720 30 fps, 2 s (60 frames)
#   films.txt          one line per film: FILE CLIP FRAMES WIDTH HEIGHT
# Each film has a quiet AAC tone (real films have sound; a muted player still decodes it).
# H.264 (High profile's tools off: ultrafast), yuv420p, constant 30 fps, +faststart; about 10 s
# of work on two cores in all.
set -euo pipefail
out=${1:?usage: make-test-films.sh OUTDIR}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
version=$(cat "$here/make-test-films.sh" "$here/frame-stamp-filter.sh" | md5sum | cut -c1-16)
if [[ -f $out/films.txt && $(cat "$out/.version" 2>/dev/null) == "$version" ]]; then
  exit 0
fi
rm -f "$out/films.txt" "$out/.version"
font=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
[[ -f $font ]] || font=$(fc-match -f '%{file}' 'sans:bold')

# film FILE CLIP LETTER WIDTH HEIGHT SECONDS COLOUR0 COLOUR1 TONE_HZ
film() {
  local file=$1 clip=$2 letter=$3 w=$4 h=$5 seconds=$6 c0=$7 c1=$8 tone=$9
  local frames=$((seconds * 30)) size=$((h / 6))
  local vf
  vf="$("$here/frame-stamp-filter.sh" "$clip" "$w" "$h")"
  # The human-readable counter in the upper third, clear of the stamp's band; the clip's letter
  # at the left. drawtext's frame_num is its input frame count, like the stamp's n.
  vf+=",drawtext=fontfile=$font:text='$letter':fontsize=$size:fontcolor=black:x=w/20:y=h/8"
  vf+=",drawtext=fontfile=$font:text='%{frame_num}':fontsize=$size:fontcolor=black:x=(w-tw)/2:y=h/8"
  vf+=",format=yuv420p"
  nice -n 19 ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "gradients=s=${w}x${h}:r=30:c0=$c0:c1=$c1:speed=0.02:d=$seconds" \
    -f lavfi -i "sine=f=$tone:r=48000:d=$seconds" \
    -vf "$vf" -af "volume=0.05,afade=t=in:d=0.05,afade=t=out:st=$(awk -v s="$seconds" 'BEGIN { print s - 0.05 }'):d=0.05" \
    -frames:v "$frames" -c:v libx264 -preset ultrafast -crf 20 -pix_fmt yuv420p -r 30 \
    -c:a aac -b:a 64k -ac 2 -shortest -movflags +faststart "$out/$file.tmp.mp4"
  mv "$out/$file.tmp.mp4" "$out/$file"
  echo "$file $clip $frames $w $h" >>"$out/films.txt.tmp"
}

rm -f "$out/films.txt.tmp"
film counter-1080p.mp4 0 C 1920 1080 10 0xF4D35E 0x7FD8BE 330
film seam-a.mp4 1 A 1280 720 2 0xFFB5A7 0xFCD5CE 440
film seam-b.mp4 2 B 1280 720 2 0xA8DADC 0xF1FAEE 494
film seam-c.mp4 3 D 1280 720 2 0xCDB4DB 0xFFC8DD 554
mv "$out/films.txt.tmp" "$out/films.txt"
echo "$version" >"$out/.version"
