#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run every test through CTest.
# .ci/run calls exactly this.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/platform/scripts/setup-debian.sh" test
"$root/platform/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j "$(nproc)"
