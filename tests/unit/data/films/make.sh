#!/usr/bin/env bash
# Makes the small films the unit tests probe and take posters from (media/VideoProbe.test.cpp),
# with ffmpeg from Debian: each one a case the kiosk must tell staff about, or play. Run by hand
# when a case is added (tests/unit/data/films/make.sh), then commit the files: the tests never
# run ffmpeg. All of them together stay well under 1 MB.
#   ok.mp4          1 s, 160x90, H.264 + AAC: a film as staff should give it
#   vp9.webm        1 s, 160x90, VP9 + Opus
#   audio-only.mp4  1 s of AAC, no picture
#   text.mp4        a text file named .mp4
#   empty.mp4       0 bytes
#   truncated.mp4   the first half of an H.264 MP4 whose index (moov) is at its end: a copy cut short
#   mpeg2.mkv       1 s, MPEG-2 video: a codec the kiosk does not play
#   8k.mp4          one 7680x4320 H.264 frame: beyond the 4K limit
#   raw-h264.mp4    an H.264 elementary stream named .mp4: no container, no duration
#   240fps.mp4      0.25 s at 240 frames a second: above the 120 limit
#   long.mp4        2 hours of 160x90 H.264, one frame every 10 minutes: longer than an hour
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
bitexact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)
x264=(-c:v libx264 -preset veryslow -crf 38 -pix_fmt yuv420p -x264-params threads=1)
scene=testsrc2=size=160x90:rate=25:duration=1

ff -f lavfi -i "$scene" -f lavfi -i sine=frequency=440:duration=1 "${x264[@]}" -c:a aac -b:a 24k -shortest \
  -movflags +faststart "${bitexact[@]}" ok.mp4
ff -f lavfi -i "$scene" -f lavfi -i sine=frequency=440:duration=1 -c:v libvpx-vp9 -b:v 40k -deadline good -cpu-used 4 \
  -row-mt 0 -threads 1 -c:a libopus -b:a 16k -shortest "${bitexact[@]}" vp9.webm
ff -f lavfi -i sine=frequency=440:duration=1 -c:a aac -b:a 24k "${bitexact[@]}" audio-only.mp4
printf 'This is not a film. It is a note someone saved with the wrong name.\n' >text.mp4
: >empty.mp4
tmp=$(mktemp --suffix=.mp4)
trap 'rm -f "$tmp"' EXIT
ff -f lavfi -i "$scene" "${x264[@]}" "${bitexact[@]}" "$tmp"
head -c $(($(stat -c %s "$tmp") / 2)) "$tmp" >truncated.mp4
ff -f lavfi -i "$scene" -c:v mpeg2video -q:v 20 "${bitexact[@]}" mpeg2.mkv
ff -f lavfi -i color=c=0x336699:size=7680x4320:rate=1 -frames:v 1 "${x264[@]}" "${bitexact[@]}" 8k.mp4
ff -f lavfi -i "$scene" "${x264[@]}" "${bitexact[@]}" -f h264 raw-h264.mp4
ff -f lavfi -i testsrc2=size=160x90:rate=240:duration=0.25 "${x264[@]}" "${bitexact[@]}" 240fps.mp4
ff -f lavfi -i color=c=gray:size=160x90:rate=1/600:duration=7200 "${x264[@]}" "${bitexact[@]}" long.mp4
ls -l
du -cb -- *.mp4 *.webm *.mkv | tail -n 1
