#!/usr/bin/env bash
# Runs the libFuzzer targets of the sanitizer build (tests/fuzz) for a bounded time each.
#   fuzz.sh [SECONDS] [TARGET...]    default 60 s each, every target: fuzz_content fuzz_markdown
#                                    fuzz_text_layout fuzz_visit_log fuzz_images fuzz_webvtt
#                                    fuzz_toml_edit fuzz_translation_files
# Builds build/asan first when needed (clang, KIOSK_SANITIZE=ON; $KIOSK_ASAN_BUILD overrides the
# folder, KIOSK_FUZZ_NO_BUILD=1 skips the build). Each target starts from its seed corpus in
# tests/fuzz/corpus/<target>/ and keeps what it finds in build/asan/fuzz-out/<target>/: corpus/
# (new inputs, reused by the next run) and crashes/ (inputs that crashed, leaked or hung).
# First, every input kept in tests/fuzz/crashes/<target>/ is run once: those crashed before
# and must not any more. KIOSK_FUZZ_JOBS targets run side by side (default: the number of cores).
# Exit status 0 when nothing crashed, 1 when something did (the report and the input are named),
# 2 when the targets could not be built.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${KIOSK_ASAN_BUILD:-$root/build/asan}
seconds=${1:-60}
[ $# -gt 0 ] && shift
all=(fuzz_content fuzz_markdown fuzz_text_layout fuzz_visit_log fuzz_images fuzz_webvtt fuzz_toml_edit fuzz_translation_files)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
jobs=${KIOSK_FUZZ_JOBS:-$(nproc)}
source "$root/platform/sanitizers/env.sh"

# The largest input each target makes: a content folder and a picture are larger than a line.
max_len() {
  case $1 in
    fuzz_content) echo 65536 ;;
    fuzz_markdown) echo 16384 ;;
    fuzz_webvtt) echo 16384 ;;
    fuzz_images) echo 262144 ;;
    fuzz_visit_log) echo 8192 ;;
    fuzz_translation_files) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

if [ -z "${KIOSK_FUZZ_NO_BUILD:-}" ]; then
  if ! command -v clang++ >/dev/null; then
    echo "fuzz: clang++ is not installed; run platform/scripts/setup-debian.sh test" >&2
    exit 2
  fi
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DKIOSK_SANITIZE=ON "${launcher[@]}" >/dev/null || exit 2
  cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >"$build/fuzz-build.log" 2>&1 || {
    tail -40 "$build/fuzz-build.log" >&2
    exit 2
  }
fi

# One target: the known crashes once, then fuzzing; writes $out/fuzz.log and $out/status.
fuzz_one() {
  local t=$1 bin=$build/tests/fuzz/$1 out=$build/fuzz-out/$1
  mkdir -p "$out/corpus" "$out/crashes"
  local seeds=$root/tests/fuzz/corpus/$t dict=() known=()
  [ -f "$root/tests/fuzz/$t.dict" ] && dict=(-dict="$root/tests/fuzz/$t.dict")
  mapfile -t known < <(find "$root/tests/fuzz/crashes/$t" -type f 2>/dev/null | sort)
  : >"$out/fuzz.log"
  local f
  for f in "${known[@]}"; do
    if ! "$bin" -timeout=30 "$f" >>"$out/fuzz.log" 2>&1; then
      echo "known-crash ${f#"$root"/}" >"$out/status"
      return
    fi
  done
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" "${dict[@]}" \
      -artifact_prefix="$out/crashes/" -print_final_stats=1 -close_fd_mask=1 "$out/corpus" "$seeds" >>"$out/fuzz.log" 2>&1; then
    echo "ok" >"$out/status"
  else
    echo "crash" >"$out/status"
  fi
}

for t in "${targets[@]}"; do
  if [ ! -x "$build/tests/fuzz/$t" ]; then
    echo "fuzz: no target $t in $build/tests/fuzz (targets: ${all[*]})" >&2
    exit 2
  fi
done
# fuzz_content writes each input out as a folder: on a tmpfs, removed even after a crash.
KIOSK_FUZZ_SCRATCH=$(mktemp -d /dev/shm/kiosk-fuzz.XXXXXX 2>/dev/null || mktemp -d)
export KIOSK_FUZZ_SCRATCH
trap 'rm -rf "$KIOSK_FUZZ_SCRATCH"' EXIT
echo "fuzz: ${#targets[@]} targets, $seconds s each, $jobs at a time; output in $build/fuzz-out/"
running=0
for t in "${targets[@]}"; do
  rm -f "$build/fuzz-out/$t/status"
  fuzz_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

# A target's log without libFuzzer's progress lines, a recursion's repeated frames folded.
show_report() {
  grep -vE '^#[0-9]+|^INFO:|^Running:|^Executed ' "$1" | awk '
    /^ +#[0-9]+ / { k = $0; sub(/^ +#[0-9]+ /, "", k); if (k == prev) { n++; next } }
    { if (n) printf "    ... the frame above %d more times\n", n; n = 0; prev = k; k = ""; print }' | tail -100 >&2
}

failed=0
for t in "${targets[@]}"; do
  out=$build/fuzz-out/$t
  status=$(cat "$out/status" 2>/dev/null || echo "did not finish")
  stats=$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$out/fuzz.log" | awk '{print $2}' | paste -sd' ')
  read -r runs rate <<<"${stats:-? ?}"
  corpus=$(find "$out/corpus" -type f | wc -l)
  kib=$(du -sk --apparent-size "$out/corpus" | cut -f1)
  case ${status%% *} in
    ok) printf 'fuzz: %-17s ok: %s runs, %s exec/s, corpus %s files (%s KiB)\n' "$t" "$runs" "$rate" "$corpus" "$kib" ;;
    known-crash)
      failed=1
      show_report "$out/fuzz.log"
      echo "fuzz: $t: ${status#* } still crashes (above); tests/fuzz/crashes/README.md says what awaits a fix" >&2 ;;
    *)
      failed=1
      show_report "$out/fuzz.log"
      echo "fuzz: $t: $status; the input is in $out/crashes/:" >&2
      ls -1 "$out/crashes" | sed 's/^/  /' >&2
      echo "  reproduce: $build/tests/fuzz/$t $out/crashes/<file>" >&2 ;;
  esac
done
exit $failed
