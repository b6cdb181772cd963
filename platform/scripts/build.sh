#!/usr/bin/env bash
# Configures (once) and builds the kiosk and its tests in build/, Release. With ccache installed
# (not required), a rebuild of unchanged sources takes seconds; test-sanitizers.sh does the same.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Unity batches of 8 sources (one compiler run parses the shared headers once for 8 files): a
# clean build on 2 cores takes half the compiler time. KIOSK_UNITY=OFF builds file by file.
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD="${KIOSK_UNITY:-ON}" \
  -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 "${launcher[@]}" >/dev/null
cmake --build "$root/build" -j "$(nproc)"
