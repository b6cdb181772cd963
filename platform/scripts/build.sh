#!/usr/bin/env bash
# Configures (once) and builds the kiosk and its tests in build/, Release. With ccache installed
# (not required), a rebuild of unchanged sources takes seconds; test-sanitizers.sh does the same.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build "$root/build" -j "$(nproc)"
