#!/usr/bin/env bash
# Render the language-neutral illustration images for the bundled
# "International Shenyang" sample content (content/sections/*/images/*.jpg), and
# its two maps (*-map.png: a city map and a free trade zone site plan).
#
# Every image is an abstract poster drawn with ImageMagick 6 primitives:
# gradients in the section colour plus simple geometric motifs. The images
# contain no text. Output is deterministic: no randomness is used except a
# fixed pseudo-random sequence computed below.
#
# Usage: platform/scripts/render-sample-images.sh [GROUP...]
#   with no GROUP every picture; else only the groups named, e.g. `city_map ftz_map`.
# Requires: ImageMagick 6 (`convert`), awk.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SECTIONS="$REPO_ROOT/content/sections"

W=1920
H=1080
SIZE="${W}x${H}"
QUALITY=82

if ! command -v convert >/dev/null 2>&1; then
    echo "error: ImageMagick 'convert' not found in PATH" >&2
    exit 1
fi
if [[ ! -d "$SECTIONS" ]]; then
    echo "error: content directory not found: $SECTIONS" >&2
    exit 1
fi

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

# save OUTPUT convert-args...  -- run convert and write a 1920x1080 JPEG.
save() {
    local out="$1"
    shift
    mkdir -p "$(dirname "$out")"
    convert "$@" -gravity center -extent "$SIZE" +repage \
        -strip -interlace none -sampling-factor 4:2:0 -quality "$QUALITY" \
        "$out"
    echo "  $(realpath --relative-to="$REPO_ROOT" "$out")"
}

# save_png OUTPUT convert-args...  -- the same as a 1920x1080 PNG: the maps are flat colours and
# fine lines, which JPEG blurs. 256 colours (a sixth of the size, no visible difference) and no
# time chunks, so the file is the same on every run.
save_png() {
    local out="$1"
    shift
    mkdir -p "$(dirname "$out")"
    convert "$@" -gravity center -extent "$SIZE" +repage \
        -dither None -colors 256 -strip -define png:exclude-chunks=date,time \
        "PNG8:$out"
    echo "  $(realpath --relative-to="$REPO_ROOT" "$out")"
}

# Awk prelude shared by the shape generators: a Park-Miller PRNG (exact in
# double precision, so results are identical in mawk, gawk and busybox awk).
AWK_LIB='
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
function rint(a, b) { return a + int(rnd() * (b - a + 1)) }
'

# skyline X0 X1 BASE_Y MIN_H MAX_H FILL SEED [WINDOW_FILL]
# Row of rectangular towers (some with spires / stepped tops) from X0 to X1.
skyline() {
    awk -v x0="$1" -v x1="$2" -v by="$3" -v hmin="$4" -v hmax="$5" \
        -v f="$6" -v seed="$7" -v wf="${8:-}" "$AWK_LIB"'
    BEGIN {
        x = x0; out = "fill " f " stroke none "
        while (x < x1) {
            bw = rint(50, 130); bh = rint(hmin, hmax)
            if (x + bw > x1) bw = x1 - x
            out = out sprintf("rectangle %d,%d %d,%d ", x, by - bh, x + bw, by)
            k = rnd()
            if (k < 0.22) {          # stepped top
                out = out sprintf("rectangle %d,%d %d,%d ", x + bw * 0.2, by - bh - bh * 0.12, x + bw * 0.8, by - bh)
            } else if (k < 0.34) {   # spire
                out = out sprintf("polygon %d,%d %d,%d %d,%d ", x + bw * 0.35, by - bh, x + bw * 0.5, by - bh - bh * 0.35, x + bw * 0.65, by - bh)
            }
            if (wf != "") {
                win = win sprintf("%d %d %d %d\n", x, by - bh, bw, bh)
            }
            x += bw + rint(4, 18)
        }
        printf "%s", out
        if (wf != "") {
            # lit windows: small squares on a regular grid, about 40% lit
            printf " fill %s ", wf
            n = split(win, rows, "\n")
            for (i = 1; i <= n; i++) {
                if (split(rows[i], v, " ") < 4) continue
                for (wy = v[2] + 18; wy < by - 20; wy += 26)
                    for (wx = v[1] + 12; wx < v[1] + v[3] - 18; wx += 20)
                        if (rnd() < 0.4) printf "rectangle %d,%d %d,%d ", wx, wy, wx + 8, wy + 12
            }
        }
    }'
}

# gear CX CY R TEETH FILL HOLE_FILL ROT_DEG
gear() {
    awk -v cx="$1" -v cy="$2" -v r="$3" -v n="$4" -v f="$5" -v hf="$6" -v rot="$7" '
    BEGIN {
        pi = atan2(0, -1); step = 2 * pi / n; ri = r * 0.82; a0 = rot * pi / 180
        printf "fill %s stroke none polygon", f
        for (i = 0; i < n; i++) {
            a = a0 + i * step
            printf " %.1f,%.1f", cx + ri * cos(a - step * 0.32), cy + ri * sin(a - step * 0.32)
            printf " %.1f,%.1f", cx + r  * cos(a - step * 0.17), cy + r  * sin(a - step * 0.17)
            printf " %.1f,%.1f", cx + r  * cos(a + step * 0.17), cy + r  * sin(a + step * 0.17)
            printf " %.1f,%.1f", cx + ri * cos(a + step * 0.32), cy + ri * sin(a + step * 0.32)
        }
        printf " fill %s circle %.1f,%.1f %.1f,%.1f ", hf, cx, cy, cx + r * 0.32, cy
    }'
}

# snowflake CX CY R STROKE WIDTH ROT_DEG
snowflake() {
    awk -v cx="$1" -v cy="$2" -v r="$3" -v s="$4" -v sw="$5" -v rot="$6" '
    BEGIN {
        pi = atan2(0, -1); a0 = rot * pi / 180
        printf "fill none stroke %s stroke-width %s stroke-linecap round ", s, sw
        for (i = 0; i < 6; i++) {
            a = a0 + i * pi / 3
            printf "line %.1f,%.1f %.1f,%.1f ", cx, cy, cx + r * cos(a), cy + r * sin(a)
            for (j = 1; j <= 2; j++) {
                d = r * (0.35 + 0.25 * j); b = r * (0.38 - 0.1 * j)
                px = cx + d * cos(a); py = cy + d * sin(a)
                printf "line %.1f,%.1f %.1f,%.1f ", px, py, px + b * cos(a + pi / 4), py + b * sin(a + pi / 4)
                printf "line %.1f,%.1f %.1f,%.1f ", px, py, px + b * cos(a - pi / 4), py + b * sin(a - pi / 4)
            }
        }
        printf "stroke none "
    }'
}

# roof CX EAVE_Y WIDTH HEIGHT FILL
# A Chinese hip roof seen from the front: concave slopes, upturned eaves.
roof() {
    awk -v cx="$1" -v y="$2" -v w="$3" -v h="$4" -v f="$5" '
    BEGIN {
        x0 = cx - w / 2; x1 = cx + w / 2; lift = h * 0.22
        printf "fill %s stroke none path \"", f
        printf "M %.1f,%.1f ", x0, y - lift
        printf "Q %.1f,%.1f %.1f,%.1f ", x0 + w * 0.07, y, x0 + w * 0.15, y
        printf "L %.1f,%.1f ", x1 - w * 0.15, y
        printf "Q %.1f,%.1f %.1f,%.1f ", x1 - w * 0.07, y, x1, y - lift
        printf "Q %.1f,%.1f %.1f,%.1f ", cx + w * 0.30, y - h * 0.40, cx + w * 0.27, y - h
        printf "L %.1f,%.1f ", cx - w * 0.27, y - h
        printf "Q %.1f,%.1f %.1f,%.1f Z\" ", cx - w * 0.30, y - h * 0.40, x0, y - lift
    }'
}

# hall CX GROUND_Y WIDTH ROOF_FILL WALL_FILL BASE_FILL [double]
# A palace hall: stepped platform, wall with columns, one or two eaves.
hall() {
    awk -v cx="$1" -v gy="$2" -v w="$3" -v rf="$4" -v wf="$5" -v bf="$6" \
        -v dbl="${7:-}" '
    BEGIN {
        bh = w * 0.07; wh = w * 0.28; ww = w * 0.72
        printf "fill %s rectangle %.1f,%.1f %.1f,%.1f ", bf, cx - w * 0.5, gy - bh, cx + w * 0.5, gy
        printf "rectangle %.1f,%.1f %.1f,%.1f ", cx - w * 0.44, gy - bh * 1.6, cx + w * 0.44, gy - bh
        top = gy - bh * 1.6 - wh
        printf "fill %s rectangle %.1f,%.1f %.1f,%.1f ", wf, cx - ww / 2, top, cx + ww / 2, gy - bh * 1.6
        # columns / doors as darker vertical bands
        printf "fill #00000033 "
        for (i = 0; i < 6; i++) {
            x = cx - ww / 2 + ww * (i + 0.5) / 6
            printf "rectangle %.1f,%.1f %.1f,%.1f ", x - ww * 0.035, top + wh * 0.2, x + ww * 0.035, gy - bh * 1.6
        }
        print ""
    }'
    local w="$3" gy="$2" cx="$1"
    local top eave
    top=$(awk -v gy="$gy" -v w="$w" 'BEGIN { printf "%.1f", gy - w * 0.07 * 1.6 - w * 0.28 }')
    if [[ -n "${7:-}" ]]; then
        roof "$cx" "$(awk -v t="$top" -v w="$w" 'BEGIN { printf "%.1f", t + w * 0.03 }')" \
            "$(awk -v w="$w" 'BEGIN { print w * 1.08 }')" "$(awk -v w="$w" 'BEGIN { print w * 0.16 }')" "$4"
        eave=$(awk -v t="$top" -v w="$w" 'BEGIN { printf "%.1f", t - w * 0.15 }')
        printf ' fill %s rectangle %s %s ' "$5" \
            "$(awk -v cx="$cx" -v w="$w" -v e="$eave" 'BEGIN { printf "%.1f,%.1f", cx - w * 0.3, e - w * 0.02 }')" \
            "$(awk -v cx="$cx" -v w="$w" -v e="$eave" 'BEGIN { printf "%.1f,%.1f", cx + w * 0.3, e + w * 0.06 }')"
        roof "$cx" "$eave" "$(awk -v w="$w" 'BEGIN { print w * 0.82 }')" "$(awk -v w="$w" 'BEGIN { print w * 0.2 }')" "$4"
    else
        roof "$cx" "$(awk -v t="$top" -v w="$w" 'BEGIN { printf "%.1f", t + w * 0.03 }')" \
            "$(awk -v w="$w" 'BEGIN { print w * 1.1 }')" "$(awk -v w="$w" 'BEGIN { print w * 0.3 }')" "$4"
    fi
}

# pine CX GROUND_Y HEIGHT FILL  -- stylised pine: three stacked triangles.
pine() {
    awk -v cx="$1" -v gy="$2" -v h="$3" -v f="$4" '
    BEGIN {
        printf "fill %s rectangle %.1f,%.1f %.1f,%.1f ", f, cx - h * 0.03, gy - h * 0.2, cx + h * 0.03, gy
        for (i = 0; i < 3; i++) {
            b = gy - h * 0.15 - i * h * 0.25; tw = h * (0.32 - i * 0.07)
            printf "polygon %.1f,%.1f %.1f,%.1f %.1f,%.1f ", cx - tw, b, cx, b - h * 0.42, cx + tw, b
        }
    }'
}

# dots N X0 Y0 X1 Y1 RMIN RMAX FILL SEED  -- scattered round dots (snow, stars).
dots() {
    awk -v n="$1" -v x0="$2" -v y0="$3" -v x1="$4" -v y1="$5" -v rmin="$6" \
        -v rmax="$7" -v f="$8" -v seed="$9" "$AWK_LIB"'
    BEGIN {
        printf "fill %s stroke none ", f
        for (i = 0; i < n; i++) {
            x = x0 + rnd() * (x1 - x0); y = y0 + rnd() * (y1 - y0); r = rmin + rnd() * (rmax - rmin)
            printf "circle %.1f,%.1f %.1f,%.1f ", x, y, x + r, y
        }
    }'
}

# airplane CX CY SCALE ROT_DEG FILL  -- top-view aircraft silhouette.
airplane() {
    printf 'push graphic-context translate %s,%s rotate %s scale %s,%s fill %s stroke none ' \
        "$1" "$2" "$4" "$3" "$3" "$5"
    # fuselage, wings, tailplane (pointing to +x)
    printf 'roundrectangle -100,-9 110,9 9,9 '
    printf 'polygon 20,-8 -25,-95 -42,-95 -10,-8 '
    printf 'polygon 20,8 -25,95 -42,95 -10,8 '
    printf 'polygon -75,-6 -95,-38 -104,-38 -96,-6 '
    printf 'polygon -75,6 -95,38 -104,38 -96,6 '
    printf 'pop graphic-context '
}

# globe CX CY R STROKE WIDTH  -- wireframe globe (meridians and parallels).
globe() {
    awk -v cx="$1" -v cy="$2" -v r="$3" -v s="$4" -v sw="$5" '
    BEGIN {
        printf "fill none stroke %s stroke-width %s ", s, sw
        printf "circle %.1f,%.1f %.1f,%.1f ", cx, cy, cx + r, cy
        for (k = 1; k <= 3; k++)
            printf "ellipse %.1f,%.1f %.1f,%.1f 0,360 ", cx, cy, r * k / 4, r
        printf "line %.1f,%.1f %.1f,%.1f ", cx, cy - r, cx, cy + r
        for (k = -2; k <= 2; k++) {
            yy = cy + r * k / 3; hw = sqrt(r * r - (r * k / 3) ^ 2)
            printf "line %.1f,%.1f %.1f,%.1f ", cx - hw, yy, cx + hw, yy
        }
        printf "stroke none "
    }'
}

# containers X0 BASE_Y COLS ROWS CW CH SEED  -- stack of shipping containers.
containers() {
    awk -v x0="$1" -v by="$2" -v cols="$3" -v rows="$4" -v cw="$5" -v ch="$6" \
        -v seed="$7" "$AWK_LIB"'
    BEGIN {
        pal[0] = "#D9692B"; pal[1] = "#2F86B8"; pal[2] = "#C23B3B"
        pal[3] = "#E8B83E"; pal[4] = "#4E9A5A"; pal[5] = "#E6E9EC"
        for (c = 0; c < cols; c++) {
            h = rint(1, rows)
            for (r = 0; r < h; r++) {
                x = x0 + c * (cw + 6); y = by - (r + 1) * (ch + 5)
                printf "fill %s rectangle %.1f,%.1f %.1f,%.1f ", pal[rint(0, 5)], x, y, x + cw, y + ch
                printf "fill #00000030 "
                for (k = 1; k < 8; k++)
                    printf "rectangle %.1f,%.1f %.1f,%.1f ", x + cw * k / 8 - 2, y + 6, x + cw * k / 8 + 2, y + ch - 6
            }
        }
    }'
}

# crane X GROUND_Y HEIGHT FILL  -- ship-to-shore gantry crane silhouette.
crane() {
    awk -v x="$1" -v gy="$2" -v h="$3" -v f="$4" '
    BEGIN {
        s = h / 600
        printf "fill none stroke %s stroke-width %.1f stroke-linecap square ", f, 14 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x, gy, x, gy - 420 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x + 160 * s, gy, x + 160 * s, gy - 420 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x, gy - 200 * s, x + 160 * s, gy - 200 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x, gy - 200 * s, x + 160 * s, gy - 420 * s
        printf "stroke-width %.1f ", 18 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x - 260 * s, gy - 420 * s, x + 420 * s, gy - 420 * s
        printf "stroke-width %.1f ", 8 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x + 80 * s, gy - 600 * s, x - 260 * s, gy - 420 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x + 80 * s, gy - 600 * s, x + 420 * s, gy - 420 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x + 80 * s, gy - 600 * s, x + 80 * s, gy - 420 * s
        printf "line %.1f,%.1f %.1f,%.1f ", x - 150 * s, gy - 420 * s, x - 150 * s, gy - 300 * s
        printf "stroke none fill %s rectangle %.1f,%.1f %.1f,%.1f ", f, x - 185 * s, gy - 300 * s, x - 115 * s, gy - 270 * s
    }'
}

# Background layers ----------------------------------------------------------

# linear ANGLE C1 C2  -> convert args producing a gradient canvas
linear() { printf '%s\n' -size "$SIZE" -define "gradient:angle=$1" "gradient:$2-$3"; }

# Glow: composite a soft radial highlight centred at X,Y with radius R.
# Usage inside a convert command: $(glow X Y R COLOUR)
glow_args() {
    local x="$1" y="$2" r="$3" c="$4"
    printf '%s\n' "(" -size "$((2 * r))x$((2 * r))" "radial-gradient:${c}-none" ")" \
        -geometry "$(printf '%+d%+d' "$((x - r))" "$((y - r))")" -compose screen -composite -compose over
}

# Read newline-separated args into an array (bash 3 compatible).
args() {
    local __name="$1"
    shift
    local __line __list=()
    while IFS= read -r __line; do __list+=("$__line"); done < <("$@")
    eval "$__name=(\"\${__list[@]}\")"
}

# ---------------------------------------------------------------------------
# 01 City promotion  (#9B1B30)
# ---------------------------------------------------------------------------
render_city() {
    local d="$SECTIONS/01-city-promotion/images" bg g

    # Cover: sunset skyline over the river, reflection below.
    args bg linear 180 "#E0703F" "#5E0E1E"
    args g glow_args 1290 560 420 "#FFD9A0"
    save "$d/cover.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill #F6C35A circle 1290,560 1290,390" \
        -draw "fill #9B1B30 rectangle 0,780 1920,1080" \
        -draw "$(skyline 0 1920 790 120 360 '#3A0A14' 11)" \
        -draw "fill #3A0A14 rectangle 1575,280 1589,790 polygon 1560,420 1582,380 1604,420 circle 1582,460 1582,430 polygon 1578,280 1582,200 1586,280" \
        -draw "fill #FFFFFF22 rectangle 1040,830 1540,838 rectangle 1110,875 1470,881 rectangle 1180,920 1400,925 rectangle 1230,965 1350,969" \
        -draw "fill #FFFFFF14 rectangle 0,1000 1920,1004 rectangle 0,1040 1920,1042"

    # At a glance: hub map - city at centre, river, routes to the region.
    args bg linear 135 "#B52A3F" "#3A0A14"
    save "$d/shenyang-at-a-glance-1.jpg" "${bg[@]}" \
        -draw "fill none stroke #FFFFFF18 stroke-width 2 circle 960,540 960,300 circle 960,540 960,140 circle 960,540 960,-20" \
        -draw "fill none stroke #7FB7E6AA stroke-width 34 stroke-linecap round path 'M -40,760 C 400,640 640,820 960,600 S 1500,420 1980,500'" \
        -draw "fill none stroke #F6C35A stroke-width 5 stroke-dasharray 18,14 line 960,540 320,210 line 960,540 1650,230 line 960,540 1720,700 line 960,540 420,880 line 960,540 1180,960 line 960,540 880,110" \
        -draw "fill #F6C35A circle 320,210 320,190 circle 1650,230 1650,210 circle 1720,700 1720,680 circle 420,880 420,860 circle 1180,960 1180,940 circle 880,110 880,90" \
        -draw "fill #FFFFFF circle 960,540 960,478 fill #9B1B30 circle 960,540 960,505 fill #FFFFFF circle 960,540 960,522"

    # History: palace silhouette, burial mound, pines, moon.
    args bg linear 180 "#2A0710" "#8E2A2E"
    args g glow_args 1460 300 260 "#F3D9A4"
    save "$d/history-and-heritage-1.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill #F3E2BC circle 1460,300 1460,200" \
        -draw "fill #4A1018 ellipse 1380,900 420,200 180,360" \
        -draw "fill #4A1018 rectangle 1300,760 1460,900" \
        -draw "$(hall 620 900 760 '#1E0509' '#3A0A14' '#1E0509' double)" \
        -draw "$(pine 120 960 330 '#14040A') $(pine 230 980 260 '#14040A') $(pine 1780 980 360 '#14040A') $(pine 1660 1000 260 '#14040A')" \
        -draw "fill #14040A rectangle 0,940 1920,1080" \
        -draw "$(dots 40 0 0 1920 500 1.5 3.5 '#FFFFFF55' 7)"

    # Modern Shenyang: night skyline with lit windows and metro lines.
    args bg linear 180 "#12081E" "#7A1A34"
    save "$d/modern-shenyang-1.jpg" "${bg[@]}" \
        -draw "$(dots 70 0 0 1920 450 1 2.5 '#FFFFFF66' 3)" \
        -draw "$(skyline 40 1880 840 220 620 '#22091A' 5 '#F6C35A')" \
        -draw "fill #22091A rectangle 0,840 1920,1080" \
        -draw "fill none stroke-width 12 stroke-linecap round stroke #E8504A path 'M 0,900 L 700,900 Q 760,900 800,950 L 860,1030 Q 890,1060 940,1060 L 1920,1060'" \
        -draw "fill none stroke-width 12 stroke-linecap round stroke #3FA7D6 path 'M 0,1000 L 600,1000 Q 660,1000 700,950 L 760,880 Q 800,860 860,860 L 1920,860'" \
        -draw "fill none stroke-width 12 stroke-linecap round stroke #F6C35A path 'M 0,960 L 1920,960'" \
        -draw "fill #FFFFFF stroke #22091A stroke-width 5 circle 780,925 780,909 circle 730,960 730,944 circle 1300,960 1300,944 circle 1300,860 1300,844 circle 520,1000 520,984 circle 1500,1060 1500,1044"
}

# ---------------------------------------------------------------------------
# 02 Investment  (#1F4E8C)
# ---------------------------------------------------------------------------
render_investment() {
    local d="$SECTIONS/02-investment/images" bg g

    # Cover: large gear with rising bars and an upward arrow.
    args bg linear 135 "#2E6DB8" "#0B1D3A"
    args g glow_args 520 520 520 "#5A8FD0"
    save "$d/cover.jpg" "${bg[@]}" "${g[@]}" \
        -draw "$(gear 520 540 330 16 '#FFFFFF26' '#1F4E8C' 8)" \
        -draw "fill #FFFFFF33 rectangle 1000,760 1110,960 rectangle 1160,640 1270,960 rectangle 1320,500 1430,960 fill #8EC3FF rectangle 1480,340 1590,960" \
        -draw "fill none stroke #FFFFFF stroke-width 14 stroke-linecap round stroke-linejoin round polyline 980,700 1215,560 1375,430 1640,230" \
        -draw "fill #FFFFFF polygon 1690,190 1600,210 1660,270" \
        -draw "fill #FFFFFF55 rectangle 940,960 1700,966"

    # Industrial base: interlocking gears, robot arm, aircraft.
    args bg linear 180 "#1F4E8C" "#081426"
    save "$d/industrial-base-1.jpg" "${bg[@]}" \
        -draw "fill none stroke #FFFFFF10 stroke-width 2 line 0,270 1920,270 line 0,540 1920,540 line 0,810 1920,810 line 480,0 480,1080 line 960,0 960,1080 line 1440,0 1440,1080" \
        -draw "$(gear 420 640 250 14 '#6FA8E8' '#0E2747' 0) $(gear 740 380 165 10 '#BFD9F7' '#0E2747' 9) $(gear 720 860 120 9 '#3C78C0' '#0E2747' 4)" \
        -draw "fill #E8EEF6 rectangle 1180,930 1420,980 circle 1300,900 1300,840" \
        -draw "fill none stroke #E8EEF6 stroke-width 46 stroke-linecap round line 1300,900 1410,640 line 1410,640 1640,560" \
        -draw "fill #F2A541 circle 1300,900 1300,876 circle 1410,640 1410,612 circle 1640,560 1640,536" \
        -draw "fill none stroke #E8EEF6 stroke-width 16 stroke-linecap round line 1640,560 1700,520 line 1640,560 1700,610" \
        -draw "$(airplane 1420 240 1.5 -18 '#FFFFFFCC')" \
        -draw "fill none stroke #FFFFFF44 stroke-width 4 stroke-dasharray 24,18 path 'M 900,420 Q 1100,200 1260,290'"

    # Investor services: connected nodes and concentric rings.
    args bg linear 45 "#0B1D3A" "#2A64AA"
    save "$d/investor-services-1.jpg" "${bg[@]}" \
        -draw "fill none stroke #FFFFFF22 stroke-width 3 circle 960,540 960,380 circle 960,540 960,240 circle 960,540 960,80" \
        -draw "fill none stroke #8EC3FF stroke-width 6 line 960,540 620,300 line 960,540 1330,280 line 960,540 1420,720 line 960,540 560,780 line 960,540 960,930 line 620,300 330,380 line 1330,280 1650,200 line 1420,720 1700,860 line 560,780 260,700 line 620,300 1330,280 line 1420,720 960,930 line 560,780 960,930" \
        -draw "fill #8EC3FF circle 620,300 620,262 circle 1330,280 1330,242 circle 1420,720 1420,682 circle 560,780 560,742 circle 960,930 960,892" \
        -draw "fill #FFFFFF circle 330,380 330,358 circle 1650,200 1650,178 circle 1700,860 1700,838 circle 260,700 260,678" \
        -draw "fill #FFFFFF circle 960,540 960,430 fill #1F4E8C circle 960,540 960,470" \
        -draw "fill none stroke #FFFFFF stroke-width 16 stroke-linecap round stroke-linejoin round polyline 905,545 945,585 1020,500"
}

# ---------------------------------------------------------------------------
# 03 Culture & tourism  (#8B5A1B)
# ---------------------------------------------------------------------------
render_culture() {
    local d="$SECTIONS/03-culture-tourism/images" bg g

    # Cover: close-up of a double-eaved golden roof over red walls.
    args bg linear 180 "#F0CD7A" "#8B5A1B"
    args g glow_args 960 260 760 "#FFF1C9"
    save "$d/cover.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill #FFFFFF40 ellipse 300,150 200,34 0,360 ellipse 420,125 120,30 0,360 ellipse 1640,190 210,36 0,360" \
        -draw "$(hall 960 1200 1500 '#D9A13A' '#A8322D' '#6B4414' double)" \
        -draw "fill none stroke #8C5A12 stroke-width 6 line 540,318 1380,318 line 430,575 1490,575" \
        -draw "fill #6B4414 roundrectangle 850,780 1070,1080 16,16 fill #E8B94A circle 925,930 925,916 circle 995,930 995,916"

    # Mukden Palace: octagonal double-eaved hall with pavilions either side.
    args bg linear 180 "#F3D9A4" "#B8863C"
    args g glow_args 960 380 520 "#FFF6DD"
    save "$d/mukden-palace-1.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill #D9B77A rectangle 0,860 1920,1080" \
        -draw "fill none stroke #C59A55 stroke-width 3 line 960,860 0,1080 line 960,860 1920,1080 line 960,860 560,1080 line 960,860 1360,1080" \
        -draw "$(hall 960 860 520 '#C0882A' '#A8322D' '#8C6A3A' double)" \
        -draw "$(hall 580 900 150 '#C0882A' '#A8322D' '#8C6A3A') $(hall 1340 900 150 '#C0882A' '#A8322D' '#8C6A3A')" \
        -draw "$(hall 360 965 200 '#C0882A' '#A8322D' '#8C6A3A') $(hall 1560 965 200 '#C0882A' '#A8322D' '#8C6A3A')" \
        -draw "$(hall 110 1050 260 '#C0882A' '#A8322D' '#8C6A3A') $(hall 1810 1050 260 '#C0882A' '#A8322D' '#8C6A3A')" \
        -draw "fill #FFFFFF66 ellipse 360,170 170,34 0,360 ellipse 470,150 110,30 0,360 ellipse 1500,230 190,36 0,360"

    # Ice and snow: icy gradient, snowflakes of several sizes, ice blocks.
    args bg linear 180 "#0F3556" "#8FC8E8"
    args g glow_args 1500 260 420 "#CFEAF8"
    save "$d/ice-and-snow-1.jpg" "${bg[@]}" "${g[@]}" \
        -draw "$(dots 160 0 0 1920 1080 2 6 '#FFFFFF88' 17)" \
        -draw "$(snowflake 520 420 250 '#FFFFFF' 18 0)" \
        -draw "$(snowflake 1380 300 140 '#FFFFFFCC' 12 15)" \
        -draw "$(snowflake 1580 720 95 '#FFFFFFAA' 9 8)" \
        -draw "$(snowflake 1060 760 70 '#FFFFFF99' 7 22)" \
        -draw "$(snowflake 200 880 60 '#FFFFFF88' 6 5)" \
        -draw "fill #D8F0FBCC polygon 0,1080 0,960 260,900 520,980 820,920 1100,990 1400,930 1700,985 1920,940 1920,1080" \
        -draw "fill #A9DCF2DD polygon 760,1080 820,900 900,880 960,1080 polygon 960,1080 1000,940 1080,930 1120,1080 fill #FFFFFF55 polygon 830,905 890,890 860,1000"

    # Northeast cuisine: bowl with steam, dumplings, chopsticks.
    args bg linear 135 "#C7782E" "#4A2A0A"
    args g glow_args 760 560 520 "#E8A862"
    save "$d/northeast-cuisine-1.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill none stroke #FFFFFF66 stroke-width 16 stroke-linecap round path 'M 640,440 C 600,370 700,330 660,250' path 'M 760,430 C 720,350 820,310 780,220' path 'M 880,440 C 840,370 940,330 900,250'" \
        -draw "fill #F5EBDD path 'M 460,520 L 1060,520 Q 1050,820 760,840 Q 470,820 460,520 Z'" \
        -draw "fill #A8322D rectangle 460,520 1060,548 fill #6B3A12 ellipse 760,520 300,24 0,360" \
        -draw "fill #A8322D rectangle 620,840 900,860" \
        -draw "fill #FFF6E6 path 'M 1180,780 Q 1180,640 1320,640 Q 1460,640 1460,780 Z' path 'M 1420,900 Q 1420,760 1560,760 Q 1700,760 1700,900 Z' path 'M 1240,980 Q 1240,850 1370,850 Q 1500,850 1500,980 Z'" \
        -draw "fill none stroke #D9C3A0 stroke-width 5 stroke-linecap round line 1250,660 1270,700 line 1300,645 1310,690 line 1345,645 1340,690 line 1390,660 1375,700 line 1490,780 1510,820 line 1540,765 1550,810 line 1590,765 1585,810 line 1630,780 1615,820 line 1305,870 1320,910 line 1350,855 1360,900 line 1395,855 1390,900 line 1440,870 1425,910" \
        -draw "fill #3B1F08 polygon 1120,300 1134,292 1700,600 1692,612 polygon 1100,340 1112,330 1680,650 1672,662"
}

# ---------------------------------------------------------------------------
# 04 Sports events  (#1B6E45)
# ---------------------------------------------------------------------------
render_sports() {
    local d="$SECTIONS/04-sports-events/images" bg

    # Cover: sweeping curved running lanes.
    args bg linear 135 "#2A9A63" "#08301D"
    save "$d/cover.jpg" "${bg[@]}" \
        -draw "fill #C8553D ellipse 1200,1180 1300,760 0,360 fill #2A9A63 ellipse 1200,1180 980,520 0,360" \
        -draw "fill none stroke #FFFFFFCC stroke-width 6 ellipse 1200,1180 1250,720 180,360 ellipse 1200,1180 1190,680 180,360 ellipse 1200,1180 1130,640 180,360 ellipse 1200,1180 1070,600 180,360 ellipse 1200,1180 1020,560 180,360" \
        -draw "fill #1B6E45 ellipse 1200,1180 960,500 0,360" \
        -draw "fill #F6D45A circle 360,260 360,150" \
        -draw "fill #FFFFFF rectangle 960,420 990,620"

    # Marathon: road lanes converging towards a sunrise, finish ribbon.
    args bg linear 180 "#F2A65A" "#1B6E45"
    save "$d/shenyang-marathon-1.jpg" "${bg[@]}" \
        -draw "fill #FFE3A3 circle 960,470 960,330" \
        -draw "fill #0F4D2F rectangle 0,470 1920,1080" \
        -draw "$(skyline 0 1920 470 40 150 '#145A38' 29)" \
        -draw "fill #C8553D polygon 900,470 1020,470 1760,1080 160,1080" \
        -draw "fill none stroke #FFFFFFDD stroke-width 6 line 930,470 420,1080 line 960,470 960,1080 line 990,470 1500,1080" \
        -draw "fill none stroke #FFFFFF stroke-width 10 stroke-dasharray 60,50 line 945,470 690,1080 line 975,470 1230,1080" \
        -draw "fill #FFFFFF rectangle 250,620 270,1000 rectangle 1650,620 1670,1000 fill #F6D45A rectangle 270,640 1650,668"

    # Winter sports: snowy slope with ski trails, flags, pines.
    args bg linear 180 "#0E3B2A" "#5FAF8A"
    save "$d/winter-sports-1.jpg" "${bg[@]}" \
        -draw "$(dots 90 0 0 1920 700 2 5 '#FFFFFF77' 23)" \
        -draw "fill #EAF6F1 polygon 0,260 1920,900 1920,1080 0,1080" \
        -draw "fill #CFE6DC polygon 0,520 1920,1000 1920,1080 0,1080" \
        -draw "fill none stroke #1B6E45 stroke-width 6 stroke-linecap round path 'M 120,340 C 420,380 380,520 640,520 S 900,600 1120,680 S 1500,760 1800,880'" \
        -draw "fill none stroke #1B6E45 stroke-width 6 stroke-linecap round path 'M 150,350 C 450,390 410,530 670,535 S 930,615 1150,695 S 1530,775 1830,895'" \
        -draw "fill #C8553D polygon 520,420 520,380 570,400 polygon 1000,560 1000,520 1050,540 polygon 1420,690 1420,650 1470,670 fill #1B6E45 rectangle 516,380 522,470 rectangle 996,520 1002,610 rectangle 1416,650 1422,740" \
        -draw "$(pine 1500 560 220 '#0B2E20') $(pine 1640 610 260 '#0B2E20') $(pine 1790 640 200 '#0B2E20') $(pine 1300 520 160 '#0B2E20')" \
        -draw "fill none stroke #FFFFFF stroke-width 4 path 'M 200,960 C 400,860 600,1060 800,960 S 1200,860 1400,960'"

    # Events calendar: 4x3 grid of seasonal tiles with simple motifs.
    args bg linear 180 "#1B6E45" "#0B2E20"
    local cal="" r c x y col
    local -a seasons=("#7CC47F" "#F2B33D" "#D9703C" "#8FC8E8")
    for r in 0 1 2; do
        for c in 0 1 2 3; do
            x=$((330 + c * 330)); y=$((170 + r * 270))
            col="${seasons[$c]}"
            cal+="fill ${col} roundrectangle $x,$y $((x + 300)),$((y + 240)) 26,26 "
            cal+="fill #FFFFFF40 circle $((x + 150)),$((y + 120)) $((x + 150 + 30 + 18 * r)),$((y + 120)) "
        done
    done
    save "$d/events-calendar-1.jpg" "${bg[@]}" \
        -draw "fill #FFFFFF18 roundrectangle 290,100 1670,1000 40,40" \
        -draw "fill #FFFFFF rectangle 290,100 1670,140" \
        -draw "$cal" \
        -draw "fill none stroke #FFFFFF stroke-width 12 circle 510,560 510,480 line 440,520 580,520 line 440,600 580,600" \
        -draw "$(snowflake 1470 830 75 '#FFFFFF' 8 0)"
}

# ---------------------------------------------------------------------------
# 05 Free trade zone  (#00677F)
# ---------------------------------------------------------------------------
render_ftz() {
    local d="$SECTIONS/05-free-trade-zone/images" bg g

    # Cover: gantry cranes and stacked containers at dusk.
    args bg linear 180 "#F0A868" "#00677F"
    args g glow_args 400 520 320 "#FFE0B0"
    save "$d/cover.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill #FFE9C2 circle 400,520 400,430" \
        -draw "fill #003C4A rectangle 0,900 1920,1080" \
        -draw "$(crane 700 900 600 '#002A35') $(crane 1300 900 520 '#002A35')" \
        -draw "$(containers 150 900 11 4 90 56 41)" \
        -draw "$(containers 1230 900 7 3 80 50 43)" \
        -draw "fill #FFFFFF22 rectangle 0,960 1920,964 rectangle 0,1010 1920,1013"

    # About the area: plan view of planned blocks, ring road and hub.
    args bg linear 135 "#008AA8" "#002A35"
    local blocks="" bx by k=0
    for by in 120 330 540 750; do
        for bx in 140 400 660 920 1180 1440 1700; do
            k=$((k + 1))
            if (( k % 5 == 0 )); then
                blocks+="fill #F2C14E "
            elif (( k % 3 == 0 )); then
                blocks+="fill #FFFFFF55 "
            else
                blocks+="fill #FFFFFF22 "
            fi
            blocks+="roundrectangle $bx,$by $((bx + 200)),$((by + 170)) 14,14 "
        done
    done
    save "$d/about-the-shenyang-area-1.jpg" "${bg[@]}" \
        -draw "$blocks" \
        -draw "fill none stroke #7FD3E6 stroke-width 22 ellipse 960,520 700,360 0,360" \
        -draw "fill none stroke #FFFFFF stroke-width 8 line 0,1000 1920,1000 line 960,0 960,1080" \
        -draw "fill #00677F circle 960,520 960,410 fill #FFFFFF circle 960,520 960,460 fill #00677F circle 960,520 960,492" \
        -draw "fill #FFFFFF circle 260,520 260,500 circle 1660,520 1660,500 circle 960,160 960,140 circle 960,880 960,860"

    # Streamlined procedures: documents flowing through one open window.
    args bg linear 90 "#002A35" "#00A0B8"
    local chev=""
    for x in 160 330 500 1330 1500 1670; do
        chev+="polygon $x,440 $((x + 60)),440 $((x + 140)),540 $((x + 60)),640 $x,640 $((x + 80)),540 "
    done
    save "$d/streamlined-procedures-1.jpg" "${bg[@]}" \
        -draw "fill #FFFFFF55 ${chev}" \
        -draw "fill none stroke #FFFFFF stroke-width 18 roundrectangle 740,200 1180,880 30,30" \
        -draw "fill #FFFFFF20 roundrectangle 740,200 1180,880 30,30" \
        -draw "fill #FFFFFF roundrectangle 830,320 1090,680 16,16 fill #00677F rectangle 870,380 1050,396 rectangle 870,430 1050,446 rectangle 870,480 990,496" \
        -draw "fill #F2C14E circle 1060,660 1060,580" \
        -draw "fill none stroke #00677F stroke-width 18 stroke-linecap round stroke-linejoin round polyline 1020,660 1050,692 1105,630" \
        -draw "fill #FFFFFF66 rectangle 0,930 1920,938"
}

# ---------------------------------------------------------------------------
# 06 Entry & exit  (#4B3B8F)
# ---------------------------------------------------------------------------
render_entry_exit() {
    local d="$SECTIONS/06-entry-exit/images" bg g

    # Cover: wireframe globe with orbiting flight path and passport.
    args bg linear 135 "#6D5BC0" "#1A1438"
    args g glow_args 760 540 520 "#8F7FE0"
    save "$d/cover.jpg" "${bg[@]}" "${g[@]}" \
        -draw "fill #4B3B8F circle 760,540 760,160" \
        -draw "$(globe 760 540 380 '#C9B8FF' 5)" \
        -draw "fill none stroke #E6C35C stroke-width 6 stroke-dasharray 26,18 ellipse 760,540 560,180 200,520" \
        -draw "$(airplane 1290 560 1.1 -70 '#FFFFFF')" \
        -draw "push graphic-context translate 1420,560 rotate 8 fill #2A2060 roundrectangle 0,0 360,480 24,24 fill none stroke #E6C35C stroke-width 6 circle 180,200 180,110 line 90,200 270,200 ellipse 180,200 45,90 0,360 rectangle 80,360 280,372 pop graphic-context"

    # Business visas: open passport with stamps.
    args bg linear 180 "#4B3B8F" "#1A1438"
    save "$d/business-visas-1.jpg" "${bg[@]}" \
        -draw "push graphic-context translate 960,560 rotate -6 fill #00000040 roundrectangle -650,-330 670,370 30,30 fill #F4F0FF roundrectangle -660,-350 660,350 30,30 fill #D9D0F5 rectangle -6,-350 6,350 pop graphic-context" \
        -draw "push graphic-context translate 640,520 rotate -12 fill none stroke #B8322D stroke-width 10 circle 0,0 0,-130 circle 0,0 0,-100 line -90,0 90,0 pop graphic-context" \
        -draw "push graphic-context translate 1260,420 rotate 10 fill none stroke #2E6DB8 stroke-width 10 roundrectangle -160,-90 160,90 16,16 line -120,-30 120,-30 line -120,20 60,20 pop graphic-context" \
        -draw "push graphic-context translate 1300,720 rotate -4 fill none stroke #1B6E45 stroke-width 10 polygon 0,-110 105,-34 65,90 -65,90 -105,-34 circle 0,0 0,-40 pop graphic-context" \
        -draw "push graphic-context translate 560,790 rotate 6 fill none stroke #4B3B8F stroke-width 8 rectangle -150,-60 150,60 line -110,0 110,0 pop graphic-context"

    # Port visa & transit: globe horizon, flight arcs between airports.
    args bg linear 180 "#0F0B24" "#4B3B8F"
    save "$d/port-visa-and-transit-1.jpg" "${bg[@]}" \
        -draw "$(dots 80 0 0 1920 600 1 3 '#FFFFFF77' 31)" \
        -draw "fill #6D5BC0 ellipse 960,1500 1300,760 0,360" \
        -draw "fill none stroke #C9B8FF66 stroke-width 3 ellipse 960,1500 1300,760 180,360 ellipse 960,1500 900,760 180,360 ellipse 960,1500 420,760 180,360 ellipse 960,1500 1300,640 180,360 ellipse 960,1500 1300,480 180,360" \
        -draw "fill none stroke #E6C35C stroke-width 6 stroke-dasharray 22,16 path 'M 360,900 Q 960,200 1560,880' path 'M 960,780 Q 1250,420 1560,880' path 'M 360,900 Q 560,560 960,780'" \
        -draw "fill #FFFFFF circle 360,900 360,882 circle 1560,880 1560,862 fill #E6C35C circle 960,780 960,752 fill #FFFFFF circle 960,780 960,766" \
        -draw "$(airplane 980 380 1.3 0 '#FFFFFF')"

    # Work permits: ID card with portrait, approval check, briefcase.
    args bg linear 45 "#1A1438" "#6D5BC0"
    save "$d/work-permits-1.jpg" "${bg[@]}" \
        -draw "fill #00000040 roundrectangle 380,290 1260,850 36,36" \
        -draw "fill #F4F0FF roundrectangle 360,270 1240,830 36,36 fill #4B3B8F path 'M 396,270 L 1204,270 Q 1240,270 1240,306 L 1240,360 L 360,360 L 360,306 Q 360,270 396,270 Z'" \
        -draw "fill #C9B8FF roundrectangle 420,420 700,760 20,20 fill #4B3B8F circle 560,540 560,480 path 'M 450,760 Q 450,620 560,620 Q 670,620 670,760 Z'" \
        -draw "fill #D9D0F5 roundrectangle 760,450 1160,480 15,15 roundrectangle 760,530 1100,560 15,15 roundrectangle 760,610 1140,640 15,15 roundrectangle 760,690 1000,720 15,15" \
        -draw "fill #E6C35C circle 1320,300 1320,170" \
        -draw "fill none stroke #1A1438 stroke-width 26 stroke-linecap round stroke-linejoin round polyline 1255,300 1305,350 1390,250" \
        -draw "fill none stroke #C9B8FF stroke-width 16 roundrectangle 1450,640 1570,720 20,20" \
        -draw "fill #C9B8FF roundrectangle 1360,700 1660,920 24,24 fill #4B3B8F rectangle 1360,790 1660,802"
}

# blocks X0 Y0 X1 Y1 STEP SIZE FILL SEED  -- a grid of city blocks, a few left out as squares.
blocks() {
    awk -v x0="$1" -v y0="$2" -v x1="$3" -v y1="$4" -v step="$5" -v sz="$6" \
        -v f="$7" -v seed="$8" "$AWK_LIB"'
    BEGIN {
        printf "fill %s stroke none ", f
        for (y = y0; y + sz <= y1; y += step)
            for (x = x0; x + sz <= x1; x += step)
                if (rnd() > 0.12) printf "rectangle %d,%d %d,%d ", x, y, x + sz, y + sz * (0.6 + 0.4 * rnd())
    }'
}

# curve "X0,Y0 C1 C2 P1 [C1 C2 P2]..."  -- a polyline along cubic Bezier segments. Stroke it
# with `stroke-linejoin round`: ImageMagick 6.9.11 draws a stray line across a wide polyline or
# path stroked with mitred joins.
curve() {
    awk -v pts="$1" '
    BEGIN {
        n = split(pts, p, " ")
        for (i = 1; i <= n; i++) { split(p[i], xy, ","); X[i] = xy[1]; Y[i] = xy[2] }
        printf "polyline %s,%s", X[1], Y[1]
        for (s = 1; s + 3 <= n; s += 3)
            for (k = 1; k <= 40; k++) {
                t = k / 40; u = 1 - t
                x = u*u*u*X[s] + 3*u*u*t*X[s+1] + 3*u*t*t*X[s+2] + t*t*t*X[s+3]
                y = u*u*u*Y[s] + 3*u*u*t*Y[s+1] + 3*u*t*t*Y[s+2] + t*t*t*Y[s+3]
                printf " %.1f,%.1f", x, y
            }
        printf " "
    }'
}

# railway POINTS  -- a railway along a curve (as for `curve`): a dark line with white ties.
railway() {
    local line
    line="$(curve "$1")"
    printf '%s' "fill none stroke-linejoin round stroke #5F5A55 stroke-width 9 $line stroke #FFFFFF stroke-width 3 stroke-dasharray 14,14 $line stroke-dasharray none stroke-linejoin miter stroke none"
}

# ---------------------------------------------------------------------------
# Maps: no text at all, so every label comes from the map's points, in every language. The
# coordinates of the features below are the points' x and y in the items' [[map.points]].
# ---------------------------------------------------------------------------

# A stylised city map of Shenyang: the Hun River across the south, the second and third ring
# roads, districts as pale patches, parks, railways, the airport. Points (x, y):
#   Mukden Palace 960,430  Beiling Park 860,190  North Station 900,318  Dongling Park 1560,330
#   Qipanshan 1780,160  Hunnan New District 1370,820  Taoxian Airport 1050,990
render_city_map() {
    local river
    river="$(curve '1920,470 1600,560 1400,660 1100,700 800,740 500,800 0,900')"
    save_png "$SECTIONS/03-culture-tourism/images/shenyang-map.png" -size "$SIZE" xc:'#EEE8DA' \
        -draw "fill #E3E8CC rectangle 0,0 300,240 rectangle 1600,700 1920,1080 rectangle 0,920 520,1080 rectangle 1660,0 1920,60" \
        -draw "fill none stroke #D5DBB8 stroke-width 3 line 0,80 300,80 line 0,160 300,160 line 100,0 100,240 line 200,0 200,240 line 1600,800 1920,800 line 1600,900 1920,900 line 1720,700 1720,1080 line 1820,700 1820,1080" \
        -draw "stroke #FFFFFF stroke-width 6 fill #E8DCC9 polygon 240,250 650,245 660,640 280,690 fill #E4E0CE polygon 650,110 1140,100 1150,360 660,380 fill #ECD8C4 polygon 660,380 1150,360 1170,650 660,650 fill #DEE3CF polygon 1140,190 1520,210 1540,610 1170,650 fill #E6E2D3 polygon 170,60 650,60 650,245 240,250 fill #E6DFCD polygon 290,780 900,770 910,1060 300,1060 fill #D8E5E0 polygon 1000,740 1690,680 1750,960 1080,1010" \
        -draw "$(blocks 300 300 620 620 48 34 '#DCCDB8' 11) $(blocks 690 120 1120 350 44 30 '#D8D2BE' 12) $(blocks 1180 240 1500 590 46 32 '#D0D8C2' 13) $(blocks 330 800 870 1040 52 36 '#DAD2BE' 14)" \
        -draw "$(blocks 690 400 1140 630 40 28 '#E2C9B0' 15)" \
        -draw "$(blocks 1130 760 1660 930 58 40 '#BFD5CF' 16)" \
        -draw "fill none stroke-linejoin round stroke #BFDDB0 stroke-width 80 $river" \
        -draw "fill none stroke #78B4DC stroke-width 34 stroke-linejoin round $river" \
        -draw "fill none stroke-linejoin round stroke #8FC3E4 stroke-width 9 $(curve '180,360 500,330 800,300 1150,285 1400,275 1550,245 1650,250')" \
        -draw "fill #A9CF9A stroke none roundrectangle 770,140 950,245 30,30 fill #9CCBE0 ellipse 835,205 38,16 0,360 fill #7FAF72 rectangle 880,160 930,190" \
        -draw "fill #A9CF9A ellipse 1560,330 95,62 0,360 fill #7FAF72 ellipse 1575,320 30,20 0,360" \
        -draw "fill #9CC58C ellipse 1780,150 150,105 0,360 fill #8AB97C ellipse 1730,120 70,45 0,360 fill #9CCBE0 ellipse 1815,190 62,28 0,360" \
        -draw "fill #A9CF9A circle 820,470 820,442 circle 1260,470 1260,448 ellipse 560,420 34,24 0,360" \
        -draw "fill none stroke #FFFFFF stroke-width 24 ellipse 925,455 290,190 0,360 ellipse 960,520 660,410 0,360" \
        -draw "fill none stroke #F2B84B stroke-width 14 ellipse 925,455 290,190 0,360 stroke-width 18 ellipse 960,520 660,410 0,360" \
        -draw "fill none stroke #FFFFFF stroke-width 10 line 1005,90 1035,1040 line 150,430 1780,395 line 420,120 560,900 line 1380,120 1320,1000" \
        -draw "fill none stroke-linejoin round stroke #F5D27A stroke-width 12 $(curve '1010,640 1020,760 1030,860 1050,960')" \
        -draw "$(railway '0,300 400,320 700,322 900,318 1100,314 1500,280 1920,240') $(railway '0,470 300,460 560,450 700,440') $(railway '700,440 760,620 820,820 880,1080') $(railway '700,440 780,380 850,340 900,318')" \
        -draw "fill #6E6A66 roundrectangle 862,302 940,334 8,8 roundrectangle 672,428 728,452 6,6" \
        -draw "fill none stroke #C8553D stroke-width 4 rectangle 905,375 1015,485" \
        -draw "fill #C8553D rectangle 935,405 985,455 fill #E9C46A rectangle 949,419 971,441" \
        -draw "push graphic-context translate 1050,990 rotate -12 fill #A3A3A3 rectangle -180,-12 180,12 rectangle -160,34 160,50 fill #C9C2B6 roundrectangle -45,-58 45,-24 10,10 pop graphic-context" \
        -draw "fill #F3EFE6 stroke #9A948A stroke-width 3 circle 130,150 130,90 fill #C8553D stroke none polygon 130,98 148,150 130,140 112,150 fill #9A948A polygon 130,202 148,150 130,160 112,150"
}

# A stylised site plan of the free trade zone: the zone's boundary, boulevards, a manufacturing
# park, a research campus, the government service centre, a bonded logistics park and a rail
# freight terminal. Points (x, y): service centre 1105,650  manufacturing 360,415
#   research campus 1400,310  logistics 1590,625  rail terminal 520,830
render_ftz_map() {
    save_png "$SECTIONS/05-free-trade-zone/images/free-trade-zone-map.png" -size "$SIZE" xc:'#E4E9EC' \
        -draw "fill #F4F6F7 stroke #00677F stroke-width 8 stroke-dasharray 34,18 roundrectangle 130,90 1800,995 40,40 stroke-dasharray none" \
        -draw "fill none stroke #F2B84B stroke-width 30 line 0,1045 1920,1045 stroke #FFFFFF stroke-width 3 stroke-dasharray 30,24 line 0,1045 1920,1045 stroke-dasharray none" \
        -draw "fill none stroke #C9D2D8 stroke-width 46 line 130,540 1800,540 line 960,90 960,995 stroke-width 26 line 130,300 1800,300 line 130,780 1800,780 line 560,90 560,995 line 1360,90 1360,995" \
        -draw "fill none stroke #FFFFFF stroke-width 36 line 130,540 1800,540 line 960,90 960,995 stroke-width 18 line 130,300 1800,300 line 130,780 1800,780 line 560,90 560,995 line 1360,90 1360,995 stroke #C9D2D8 stroke-width 46 line 960,995 960,1045" \
        -draw "fill #A9CF9A stroke #FFFFFF stroke-width 10 circle 960,540 960,470 fill #8FBF86 stroke none circle 960,540 960,500" \
        -draw "fill #9FB3C8 rectangle 200,140 520,270 rectangle 600,140 920,270 rectangle 200,330 520,500 rectangle 600,330 920,500" \
        -draw "$(awk 'BEGIN { printf "fill #7F96AD stroke none "; for (x = 200; x < 520; x += 40) { printf "polygon %d,140 %d,118 %d,140 ", x, x + 40, x + 40; printf "polygon %d,330 %d,308 %d,330 ", x, x + 40, x + 40 } for (x = 600; x < 920; x += 40) { printf "polygon %d,140 %d,118 %d,140 ", x, x + 40, x + 40; printf "polygon %d,330 %d,308 %d,330 ", x, x + 40, x + 40 } }')" \
        -draw "fill #B9DCA8 roundrectangle 1000,130 1720,510 50,50 fill #9CCBE0 ellipse 1600,420 70,36 0,360 fill #7FB8C9 roundrectangle 1060,160 1260,240 30,30 roundrectangle 1300,270 1500,350 30,30 roundrectangle 1060,380 1260,460 30,30 fill #5E9FB2 circle 1590,230 1590,180" \
        -draw "fill none stroke-linejoin round stroke #FFFFFF stroke-width 8 $(curve '1030,320 1150,280 1250,420 1400,400 1550,380 1620,300 1700,330')" \
        -draw "fill #D5DEE3 rectangle 1000,580 1320,740 fill #00677F roundrectangle 1030,600 1180,700 16,16 fill #7FC3D3 rectangle 1070,625 1140,675 fill #A9CF9A rectangle 1200,600 1300,720" \
        -draw "fill #C9B79C rectangle 1420,600 1760,650 rectangle 1420,680 1760,730 fill #D9C9AE rectangle 1000,820 1320,960" \
        -draw "$(containers 1420 900 20 1 12 30 21) $(containers 1420 960 20 1 12 30 22) $(containers 1030 880 16 1 12 30 23) $(containers 1030 945 16 1 12 30 24)" \
        -draw "$(railway '60,0 60,360 60,720 60,1080') $(railway '60,640 140,700 200,760 260,800 500,800 700,800 900,800') $(railway '60,700 140,770 200,840 260,860 500,860 700,860 900,860') $(railway '260,920 500,920 700,920 900,920')" \
        -draw "fill #5F5A55 rectangle 300,770 312,950 rectangle 860,770 872,950 rectangle 300,770 872,784" \
        -draw "$(containers 330 850 22 1 16 34 25) $(containers 330 910 22 1 16 34 26)" \
        -draw "fill #F3EFE6 stroke #9A948A stroke-width 3 circle 1862,150 1862,100 fill #00677F stroke none polygon 1862,106 1877,150 1862,142 1847,150 fill #9A948A polygon 1862,194 1877,150 1862,158 1847,150"
}

# The kiosk's logo for the top bar: a round emblem with a palace roof over waves, no text.
render_logo() {
    convert -size 240x240 xc:none \
        -draw "fill #D4A24C circle 120,120 120,6" \
        -draw "fill #0E1A2B circle 120,120 120,22" \
        -draw "fill #D4A24C path 'M 48,112 Q 120,60 192,112 L 176,112 Q 120,80 64,112 Z'" \
        -draw "fill #D4A24C rectangle 78,112 162,152 fill #0E1A2B rectangle 106,126 134,152" \
        -draw "fill none stroke #D4A24C stroke-width 8 path 'M 50,176 Q 85,160 120,176 T 190,176'" \
        -strip "$REPO_ROOT/content/logo.png"
}

echo "Rendering sample images into $(realpath --relative-to="$PWD" "$SECTIONS" 2>/dev/null || echo "$SECTIONS")"
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(city investment culture sports ftz entry_exit logo city_map ftz_map)
fi
for target in "${targets[@]}"; do
    if ! declare -F "render_$target" >/dev/null; then
        echo "error: unknown picture group '$target' (city investment culture sports ftz entry_exit logo city_map ftz_map)" >&2
        exit 1
    fi
    "render_$target"
done
echo "Done."
