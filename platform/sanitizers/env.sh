# The sanitizers' run-time options for the sanitizer build (build/asan), sourced by
# platform/scripts/test-sanitizers.sh and fuzz.sh; source it too before running build/asan/kiosk
# by hand:  . platform/sanitizers/env.sh
# Any report ends the process with a non-zero status (halt_on_error, and the build's
# -fno-sanitize-recover=all for UBSan), with the stack printed; leaks are checked at exit.
kiosk_sanitizers_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:exitcode=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=0:print_summary=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:print_summary=1"
export LSAN_OPTIONS="suppressions=$kiosk_sanitizers_dir/lsan.supp:print_suppressions=0"
# Mesa unloads its GL driver (swrast_dri.so: llvmpipe) when the kiosk closes its window, before
# the leak check at exit; memory the driver still held then has no module left to name, and no
# suppression can match it. Preloaded into the kiosk (by tests/e2e/run-kiosk-script.sh), the
# driver stays mapped, its globals stay roots, and that memory is not reported as leaked.
KIOSK_PRELOAD=$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -n 1 || true)
export KIOSK_PRELOAD
unset kiosk_sanitizers_dir
