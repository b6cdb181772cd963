#!/usr/bin/env bash
# Make the two short films of the "International Shenyang" sample content (issue 15), with their
# captions in every language of content/kiosk.toml, from the sample's own illustrations: each
# film is a slow Ken Burns (zoom and pan) over three or four of the section pictures, joined by
# crossfades, with a soft generated chord as its sound track.
#
#   content/sections/01-city-promotion/images/shenyang-promo.mp4      12.0 s, the promotional film
#   content/sections/01-city-promotion/images/mukden-palace-film.mp4 10.4 s, second in the promotional film item
#   ...NAME.LANG.vtt beside each: captions in zh-Hans zh-Hant en ja ko ru mn vi
#
# Like the pictures (render-sample-images.sh), the films carry no burnt-in text: every word is in
# the captions, which the kiosk draws in the visitor's language with its own text engine.
# What the films are made to be:
#   - 1920x1080, 30 fps, H.264 Main profile, yuv420p, the index at the front (+faststart), so
#     every decoder a kiosk has plays them and a player can start before reading the whole file;
#   - an AAC stereo track, a quiet chord (peaks about -18 dBFS) with short fades, so a visitor
#     who opens the film hears something calm, and the attract loop (muted) loses nothing;
#   - no fade to or from black: the first and last frames are pictures, so a film that loops or
#     follows another in the attract loop never blinks black;
#   - small: both together well under 5 MB, so the sample stays light in the repository.
#     Flat illustrations compress very well; CRF 24 with the slow preset keeps edges clean.
# The output is the same on every run with the same ffmpeg (no randomness, -bitexact flags);
# another ffmpeg version may differ in bytes but not in what the films show.
#
# Usage: platform/scripts/make-sample-films.sh [OUTDIR]
#   without OUTDIR the films and captions are written into content/sections/*/images/;
#   with it, into OUTDIR (to look at them before replacing the sample's).
# Requires: ffmpeg with libx264 and the native AAC encoder (Debian's ffmpeg). Takes about a
# minute on two cores (it runs under nice).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SECTIONS="$REPO_ROOT/content/sections"
OUTDIR="${1:-}"

command -v ffmpeg >/dev/null || { echo "make-sample-films: ffmpeg not found (apt-get install ffmpeg)" >&2; exit 1; }

W=1920 H=1080 FPS=30
XFADE=0.8 # seconds of each crossfade between two scenes

# One scene: a picture shown for SECONDS with a slow camera MOVE, as the filter graph's input
# number INPUT. The picture is scaled to twice the film's size first, so zoompan's whole-pixel
# steps are half a pixel on screen (no visible wobble).
#   in:  zoom in towards the centre        out: zoom out from the centre
#   left / right: a pan across, slightly zoomed
scene_filter() {
  local input=$1 seconds=$2 move=$3 label=$4
  local frames; frames=$(awk -v s="$seconds" -v f="$FPS" 'BEGIN { printf "%d", s * f + 0.5 }')
  local z x y
  case $move in
    in)    z="1.02+0.10*on/$frames"; x="(iw-iw/zoom)/2"; y="(ih-ih/zoom)/2" ;;
    out)   z="1.12-0.10*on/$frames"; x="(iw-iw/zoom)/2"; y="(ih-ih/zoom)/2" ;;
    left)  z="1.12"; x="(iw-iw/zoom)*(1-on/$frames)"; y="(ih-ih/zoom)/2" ;;
    right) z="1.12"; x="(iw-iw/zoom)*on/$frames"; y="(ih-ih/zoom)/2" ;;
    *) echo "scene_filter: unknown move $move" >&2; exit 1 ;;
  esac
  printf "[%s:v]scale=%d:%d:flags=lanczos,zoompan=z='%s':x='%s':y='%s':d=1:s=%dx%d:fps=%d,setsar=1,format=yuv420p[%s];" \
    "$input" $((2 * W)) $((2 * H)) "$z" "$x" "$y" "$W" "$H" "$FPS" "$label"
}

# make_film OUT SECONDS_PER_SCENE AUDIO_EXPRESSION PICTURE:MOVE...
make_film() {
  local out=$1 per=$2 audio=$3
  shift 3
  local inputs=() graph="" n=0 prev="" offset total
  for spec in "$@"; do
    local picture=${spec%%:*} move=${spec##*:}
    inputs+=(-loop 1 -framerate "$FPS" -t "$per" -i "$SECTIONS/$picture")
    graph+=$(scene_filter "$n" "$per" "$move" "s$n")
    n=$((n + 1))
  done
  # Crossfades: scene k starts XFADE before scene k-1 ends.
  prev="s0"
  for ((k = 1; k < n; k++)); do
    offset=$(awk -v k="$k" -v p="$per" -v x="$XFADE" 'BEGIN { printf "%.3f", k * (p - x) }')
    graph+="[$prev][s$k]xfade=transition=fade:duration=$XFADE:offset=$offset[x$k];"
    prev="x$k"
  done
  total=$(awk -v n="$n" -v p="$per" -v x="$XFADE" 'BEGIN { printf "%.3f", n * p - (n - 1) * x }')
  # The sound: the chord, faded in and out over a third and a half of a second (no click where
  # the film loops or stops).
  local fadeOut; fadeOut=$(awk -v t="$total" 'BEGIN { printf "%.3f", t - 0.5 }')
  graph+="aevalsrc=exprs='$audio':s=48000:d=$total,afade=t=in:d=0.3,afade=t=out:st=$fadeOut:d=0.5[a]"
  nice -n 19 ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -filter_complex "$graph" \
    -map "[$prev]" -map "[a]" -t "$total" \
    -c:v libx264 -profile:v main -preset slow -crf 24 -pix_fmt yuv420p -g $((2 * FPS)) -x264-params threads=2 \
    -c:a aac -b:a 64k -ac 2 \
    -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    "$out"
  echo "make-sample-films: $(basename "$out"): ${total} s, $(stat -c %s "$out") bytes"
}

# A soft chord: sines at FREQUENCIES (Hz) with falling loudness, breathing slowly (0.2 Hz), the
# right channel a quarter turn behind the left so it sounds wide. Amplitude 0.035 per voice.
chord() {
  local left="" right="" gain=1.0
  for f in "$@"; do
    left+="+$gain*sin(2*PI*$f*t)"
    right+="+$gain*sin(2*PI*$f*t+PI/2)"
    gain=$(awk -v g="$gain" 'BEGIN { printf "%.2f", g * 0.8 }')
  done
  local swell="(0.8+0.2*sin(2*PI*0.2*t))"
  printf "0.035*%s*(%s)|0.035*%s*(%s)" "$swell" "${left#+}" "$swell" "${right#+}"
}

# write_vtt FILE CUE... where each CUE is "START END TEXT" (times as mm:ss.mmm).
write_vtt() {
  local file=$1
  shift
  {
    printf 'WEBVTT\n'
    for cue in "$@"; do
      local start=${cue%% *} rest=${cue#* }
      local end=${rest%% *} text=${rest#* }
      printf '\n00:%s --> 00:%s\n%s\n' "$start" "$end" "$text"
    done
  } >"$file"
}

promoDir="$SECTIONS/01-city-promotion/images"
palaceDir="$SECTIONS/01-city-promotion/images"
if [[ -n $OUTDIR ]]; then
  mkdir -p "$OUTDIR"
  promoDir=$OUTDIR palaceDir=$OUTDIR
fi

# The promotional film: the city at sunset, its palaces and tombs, the modern city at night, the
# hub city; A major with an added ninth.
make_film "$promoDir/shenyang-promo.mp4" 3.6 "$(chord 220 277.18 329.63 493.88)" \
  01-city-promotion/images/cover.jpg:in \
  01-city-promotion/images/history-and-heritage-1.jpg:right \
  01-city-promotion/images/modern-shenyang-1.jpg:out \
  01-city-promotion/images/shenyang-at-a-glance-1.jpg:in

# The Mukden Palace: roofs in the morning light, the octagonal hall and its pavilions, eaves at
# night; D major with an added sixth.
make_film "$palaceDir/mukden-palace-film.mp4" 4.0 "$(chord 146.83 220 293.66 369.99 493.88)" \
  03-culture-tourism/images/cover.jpg:left \
  03-culture-tourism/images/mukden-palace-1.jpg:in \
  01-city-promotion/images/history-and-heritage-1.jpg:out

# Captions: one cue per scene, shown while it is on screen (the promo's scenes change at 3.2,
# 6.0 and 8.8 s, the palace film's at 3.6 and 6.8 s, halfway through each crossfade).
p=$promoDir/shenyang-promo
write_vtt "$p.zh-Hans.vtt" \
  "00.300 03.000 沈阳，拥有两千多年历史的文化名城" \
  "03.300 05.800 清初宫殿与皇家陵寝，古韵犹存" \
  "06.100 08.600 东北亚的现代化枢纽城市" \
  "08.900 11.800 投资沈阳，欢迎来到国际沈阳"
write_vtt "$p.zh-Hant.vtt" \
  "00.300 03.000 瀋陽，擁有兩千多年歷史的文化名城" \
  "03.300 05.800 清初宮殿與皇家陵寢，古韻猶存" \
  "06.100 08.600 東北亞的現代化樞紐城市" \
  "08.900 11.800 投資瀋陽，歡迎來到國際瀋陽"
write_vtt "$p.en.vtt" \
  "00.300 03.000 Shenyang: over two thousand years of history" \
  "03.300 05.800 The palaces and imperial tombs of the early Qing" \
  "06.100 08.600 A modern hub of Northeast Asia" \
  "08.900 11.800 Invest in Shenyang. Welcome to International Shenyang"
write_vtt "$p.ja.vtt" \
  "00.300 03.000 瀋陽：二千年を超える歴史の街" \
  "03.300 05.800 清朝初期の宮殿と皇帝陵が今に残る" \
  "06.100 08.600 北東アジアの現代的なハブ都市" \
  "08.900 11.800 瀋陽に投資しませんか。国際瀋陽へようこそ"
write_vtt "$p.ko.vtt" \
  "00.300 03.000 선양, 2천 년이 넘는 역사의 도시" \
  "03.300 05.800 청나라 초기의 궁전과 황릉이 남아 있는 곳" \
  "06.100 08.600 동북아시아의 현대적인 허브 도시" \
  "08.900 11.800 선양에 투자하세요. 국제 선양에 오신 것을 환영합니다"
write_vtt "$p.ru.vtt" \
  "00.300 03.000 Шэньян: более двух тысяч лет истории" \
  "03.300 05.800 Дворцы и императорские гробницы ранней Цин" \
  "06.100 08.600 Современный центр Северо-Восточной Азии" \
  "08.900 11.800 Инвестируйте в Шэньян. Добро пожаловать в Международный Шэньян"
write_vtt "$p.mn.vtt" \
  "00.300 03.000 Шэньян: хоёр мянга гаруй жилийн түүхтэй хот" \
  "03.300 05.800 Чин улсын эхэн үеийн ордон, эзэн хааны бунхнууд" \
  "06.100 08.600 Зүүн хойд Азийн орчин үеийн зангилаа хот" \
  "08.900 11.800 Шэньян хотод хөрөнгө оруулаарай. Олон улсын Шэньян хотод тавтай морилно уу"
write_vtt "$p.vi.vtt" \
  "00.300 03.000 Thẩm Dương: hơn hai nghìn năm lịch sử" \
  "03.300 05.800 Cung điện và lăng tẩm hoàng gia thời đầu nhà Thanh" \
  "06.100 08.600 Trung tâm hiện đại của Đông Bắc Á" \
  "08.900 11.800 Hãy đầu tư vào Thẩm Dương. Chào mừng bạn đến Thẩm Dương Quốc tế"

p=$palaceDir/mukden-palace-film
write_vtt "$p.zh-Hans.vtt" \
  "00.300 03.400 沈阳故宫，始建于1625年" \
  "03.700 06.600 八角重檐的大政殿与十王亭" \
  "06.900 10.100 如今作为沈阳故宫博物院对外开放"
write_vtt "$p.zh-Hant.vtt" \
  "00.300 03.400 瀋陽故宮，始建於1625年" \
  "03.700 06.600 八角重簷的大政殿與十王亭" \
  "06.900 10.100 如今作為瀋陽故宮博物院對外開放"
write_vtt "$p.en.vtt" \
  "00.300 03.400 The Mukden Palace, begun in 1625" \
  "03.700 06.600 The octagonal Dazheng Hall and the Ten Kings' Pavilions" \
  "06.900 10.100 Open to visitors today as the Shenyang Palace Museum"
write_vtt "$p.ja.vtt" \
  "00.300 03.400 1625年に造営が始まった瀋陽故宮" \
  "03.700 06.600 八角形・二重屋根の大政殿と十王亭" \
  "06.900 10.100 現在は瀋陽故宮博物院として公開されています"
write_vtt "$p.ko.vtt" \
  "00.300 03.400 1625년에 짓기 시작한 선양 고궁" \
  "03.700 06.600 팔각형 겹처마의 대정전과 십왕정" \
  "06.900 10.100 지금은 선양 고궁 박물원으로 공개되고 있습니다"
write_vtt "$p.ru.vtt" \
  "00.300 03.400 Мукденский дворец, основан в 1625 году" \
  "03.700 06.600 Восьмиугольный зал Дачжэн и павильоны Десяти князей" \
  "06.900 10.100 Сегодня он открыт для посетителей как Шэньянский музей Гугун"
write_vtt "$p.mn.vtt" \
  "00.300 03.400 1625 онд барьж эхэлсэн Мүгдэний ордон" \
  "03.700 06.600 Найман өнцөгт Дажэн танхим ба Арван вангийн асар" \
  "06.900 10.100 Өдгөө Шэньяны Ордон музей нэрээр олон нийтэд нээлттэй"
write_vtt "$p.vi.vtt" \
  "00.300 03.400 Cố cung Thẩm Dương, khởi công năm 1625" \
  "03.700 06.600 Điện Đại Chính bát giác và Thập Vương Đình" \
  "06.900 10.100 Nay mở cửa đón khách với tên gọi Bảo tàng Cố cung Thẩm Dương"

echo "make-sample-films: done"
