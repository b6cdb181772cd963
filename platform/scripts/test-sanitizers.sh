#!/usr/bin/env bash
# The sanitizer stage: the kiosk, its unit tests and the fuzz targets built once with clang,
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage (KIOSK_SANITIZE=ON, in
# build/asan), then
#   1. the unit tests (kiosk_tests, one process),
#   2. `kiosk validate` on the sample content,
#   3. the end-to-end runs labelled "sanitize" (tests/e2e/CMakeLists.txt) on the real kiosk,
#   4. each fuzz target for KIOSK_FUZZ_SECONDS (default 12) from its seed corpus (fuzz.sh).
# 3 runs beside 1 and 2 (two cores: the end-to-end runs one after another), then 4 runs two
# targets at a time (a target is timed in wall-clock seconds, so each gets a whole core).
# Any sanitizer report (memory error, leak, undefined behaviour) fails the stage, with the report
# printed; the run-time options are in platform/sanitizers/env.sh, the few leak suppressions (all
# in system libraries) in platform/sanitizers/lsan.supp.
#   test-sanitizers.sh          test.sh runs it after CTest; it also runs on its own
# Environment: KIOSK_ASAN_BUILD (default build/asan), KIOSK_FUZZ_SECONDS (default 12).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export KIOSK_ASAN_BUILD=${KIOSK_ASAN_BUILD:-$root/build/asan}
build=$KIOSK_ASAN_BUILD
seconds=${KIOSK_FUZZ_SECONDS:-12}
jobs=$(nproc)
logs=$build/sanitizer-logs
source "$root/platform/sanitizers/env.sh"
start=$(date +%s)
elapsed() { echo "$(($(date +%s) - start)) s"; }

if ! command -v clang++ >/dev/null; then
  echo "test-sanitizers: clang++ is not installed; run platform/scripts/setup-debian.sh test" >&2
  exit 2
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mkdir -p "$build"
rm -rf "$logs"
mkdir -p "$logs"
echo "test-sanitizers: building kiosk, kiosk_tests and the fuzz targets in $build (clang, ASan + UBSan)"
if ! { cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DKIOSK_SANITIZE=ON -DCMAKE_UNITY_BUILD="${KIOSK_UNITY:-ON}" \
         -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 "${launcher[@]}" &&
       cmake --build "$build" -j "$jobs" --target kiosk kiosk_tests fuzz_targets; } >"$logs/build.log" 2>&1; then
  tail -60 "$logs/build.log" >&2
  echo "test-sanitizers: the sanitizer build failed (log: $logs/build.log)" >&2
  exit 1
fi
times >"$logs/build.times" # in this shell: a subshell would count only its own children
echo "test-sanitizers: built in $(elapsed) (CPU time, user and system: $(tail -n 1 "$logs/build.times"))"

# Unit tests, then validate: one after another, beside the end-to-end runs.
unit_validate() {
  local failed=0
  if (cd "$build/tests/unit" && ./kiosk_tests --no-version=true) >"$logs/unit.log" 2>&1; then
    echo "test-sanitizers: unit tests passed ($(grep -E '^\[doctest\] test cases' "$logs/unit.log" | tr -s ' '))"
  else
    cat "$logs/unit.log" >&2
    echo "test-sanitizers: the unit tests failed or made a sanitizer report (above)" >&2
    failed=1
  fi
  local status=0
  "$build/kiosk" validate "$root/content" >"$logs/validate.log" 2>&1 || status=$?
  # The summary line is on stdout, written before the leak check at exit (kiosk/app/main.cpp).
  if [ "$status" -eq 0 ] && grep -q "sections,.* items, 0 errors" "$logs/validate.log"; then
    echo "test-sanitizers: kiosk validate content: $(tail -n 1 "$logs/validate.log")"
  else
    cat "$logs/validate.log" >&2
    echo "test-sanitizers: kiosk validate on the sample failed (status $status) or its output was lost" >&2
    failed=1
  fi
  return $failed
}

unit_validate >"$logs/side.out" 2>&1 &
side=$!
e2e=0
ctest --test-dir "$build" -L sanitize --output-on-failure --timeout 600 >"$logs/e2e.log" 2>&1 || e2e=1
side_status=0
wait "$side" || side_status=1
cat "$logs/side.out"
echo "test-sanitizers: unit tests and end-to-end runs done after $(elapsed); fuzzing"
# The fuzzers once both are done, as many at a time as there are cores.
if KIOSK_FUZZ_NO_BUILD=1 KIOSK_FUZZ_JOBS=$jobs "$root/platform/scripts/fuzz.sh" "$seconds" >"$logs/fuzz.log" 2>&1; then
  grep '^fuzz: ' "$logs/fuzz.log"
else
  cat "$logs/fuzz.log" >&2
  echo "test-sanitizers: a fuzz target crashed (above)" >&2
  side_status=1
fi
if [ "$e2e" -eq 0 ]; then
  echo "test-sanitizers: end-to-end runs passed: $(grep -E 'tests passed' "$logs/e2e.log")"
else
  cat "$logs/e2e.log" >&2
  echo "test-sanitizers: an end-to-end run failed or made a sanitizer report (above)" >&2
fi
if [ "$e2e" -ne 0 ] || [ "$side_status" -ne 0 ]; then
  echo "test-sanitizers: FAILED after $(elapsed) (logs: $logs)" >&2
  exit 1
fi
echo "test-sanitizers: passed in $(elapsed)"
