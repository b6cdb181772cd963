#!/usr/bin/env bash
# Prints the ffmpeg filter chain that burns the frame stamp (kiosk/media/FrameStamp.h: clip id and
# frame number as black and white blocks across the frame's vertical middle) into a film of
# WIDTH x HEIGHT, for use in -vf or a filter graph: drawbox filters, one per module, the data
# modules switched on per frame by timeline `enable` expressions of the frame number n. The check
# bits are a CRC, which is linear: each is the parity of a fixed set of frame-number bits (and a
# constant from the clip id), so each too is an expression of n.
#   frame-stamp-filter.sh CLIP WIDTH HEIGHT      CLIP 0-15; WIDTH a multiple of 80
# The frame number is the filter's input frame count: put the chain right after the source,
# before anything that drops or repeats frames.
set -euo pipefail
clip=$1 width=$2 height=$3
((clip >= 0 && clip <= 15)) || { echo "frame-stamp-filter: clip $clip is not 0-15" >&2; exit 1; }
((width % 80 == 0)) || { echo "frame-stamp-filter: width $width is not a multiple of 80" >&2; exit 1; }
m=$((width / 80))
bandH=$(((height / 10) / 2 * 2))
bandY=$(((height - bandH) / 2 / 2 * 2))
left=$(((width - 35 * m) / 2))

# CRC-8 (polynomial 0x07, initial 0, MSB first) of a 20-bit value, as in FrameStamp.cpp.
crc8() {
  local value=$1 crc=0 i in top
  for ((i = 19; i >= 0; i--)); do
    in=$(((value >> i) & 1)) top=$(((crc >> 7) & 1))
    crc=$(((crc << 1) & 0xFF))
    ((in != top)) && crc=$((crc ^ 0x07))
  done
  echo $crc
}

box() { # box X W COLOUR [ENABLE]
  local f="drawbox=x=$1:y=$bandY:w=$2:h=$bandH:color=$3:t=fill"
  [[ -n ${4:-} ]] && f+=":enable='$4'"
  printf '%s' "$f"
}

constCheck=$(($(crc8 $((clip << 16))) ^ 0x5A))
filters=()
filters+=("$(box $((left - 2 * m)) $((39 * m)) 0x808080)") # the quiet zone
filters+=("$(box "$left" $((35 * m)) white)")              # every module white, then the blacks
for g in 0 16 18 34; do filters+=("$(box $((left + g * m)) "$m" black)"); done
bit=27
for ((k = 0; k < 35; k++)); do
  case $k in 0 | 1 | 16 | 17 | 18 | 33 | 34) continue ;; esac
  x=$((left + k * m))
  if ((bit >= 24)); then # a clip id bit: fixed for the whole film
    (((clip >> (bit - 24)) & 1)) || filters+=("$(box "$x" "$m" black)")
  elif ((bit >= 8)); then # a frame number bit: black while it is 0
    f=$((bit - 8))
    filters+=("$(box "$x" "$m" black "eq(mod(floor(n/$((1 << f))),2),0)")")
  else # a check bit: the parity of the frame bits whose CRC has it, and the clip's constant
    sum=$(((constCheck >> bit) & 1))
    for ((f = 0; f < 16; f++)); do
      (((($(crc8 $((1 << f))) >> bit) & 1))) && sum+="+mod(floor(n/$((1 << f))),2)"
    done
    filters+=("$(box "$x" "$m" black "eq(mod($sum,2),0)")")
  fi
  bit=$((bit - 1))
done
(IFS=,; printf '%s\n' "${filters[*]}")
