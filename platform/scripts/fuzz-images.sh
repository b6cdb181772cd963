#!/usr/bin/env bash
# Builds the image decoders' libFuzzer target with clang and runs it for a bounded time.
#   fuzz-images.sh [SECONDS]     default 60; crashes are saved under build/fuzz/crashes
#                                ($KIOSK_FUZZ_BUILD overrides build/fuzz)
# Exit status 0 when no input crashed the decoders, 1 when one did (its file is named), 2 when
# the fuzzer could not be built (clang or libclang-rt-14-dev missing: platform/scripts/setup-debian.sh test).
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${KIOSK_FUZZ_BUILD:-$root/build/fuzz}
if ! command -v clang++ >/dev/null; then
  echo "fuzz-images: clang++ is not installed; run platform/scripts/setup-debian.sh test" >&2
  exit 2
fi
cmake -S "$root/tests/fuzz" -B "$out" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 2
cmake --build "$out" -j"$(nproc)" >/dev/null || exit 2
mkdir -p "$out/corpus" "$out/crashes"
KIOSK_FUZZ_WRITE_SEEDS="$out/seeds" "$out/fuzz_images"
# The sample content's pictures are seeds too (real JPEG and PNG files from the field).
find "$root/content" -type f \( -name '*.jpg' -o -name '*.png' \) -size -40k -exec cp {} "$out/seeds/" \;
echo "fuzz-images: fuzzing the decoders for $seconds s"
if "$out/fuzz_images" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$out/corpus" "$out/seeds" 2>"$out/fuzz.log"; then
  grep -E "^stat::number_of_executed_units|^Done" "$out/fuzz.log" | sed 's/^/fuzz-images: /' || true
  echo "fuzz-images: no input crashed the decoders"
else
  tail -40 "$out/fuzz.log" >&2
  echo "fuzz-images: an input crashed the decoders; it is in $out/crashes/" >&2
  exit 1
fi
