#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run every test through CTest, then
# the sanitizer stage (test-sanitizers.sh: ASan + UBSan build, unit and end-to-end runs, fuzzing).
# .ci/run calls exactly this. The stage runs even when CTest failed, so one run reports both.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/platform/scripts/setup-debian.sh" test
"$root/platform/scripts/build.sh"
status=0
ctest --test-dir "$root/build" --output-on-failure -j "$(nproc)" || status=1
"$root/platform/scripts/test-sanitizers.sh" || status=1
exit $status
