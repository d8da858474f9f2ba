#!/usr/bin/env bash
# tools/test.sh — builds minisql and runs every test, twice.
#
#   1. build/       RelWithDebInfo build; ctest runs the unit tests (GoogleTest) and
#                   the end-to-end tests (test/e2e: a real minisqld driven by the
#                   mysql client, mysqlslap, the minisql CLI and a raw protocol client).
#   2. build-asan/  the same with AddressSanitizer + UndefinedBehaviorSanitizer
#                   (-DMINISQL_SANITIZE=ON); any sanitizer report fails the test.
#   3. build-fuzz/  the libFuzzer targets (test/fuzz/), built with clang, fuzzed
#                   MINISQL_FUZZ_SECONDS (default 20) seconds each (tools/fuzz.sh;
#                   about 2.5 minutes in all, build included). Set MINISQL_SKIP_FUZZ=1 to skip.
#
# Installs missing packages first (tools/deps.sh). Exits non-zero if anything fails.
# This is what CI runs (.ci/run). Set MINISQL_SKIP_ASAN=1 to skip step 2 locally,
# MINISQL_BUILD_DIR / MINISQL_ASAN_BUILD_DIR to use other build directories.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${MINISQL_BUILD_DIR:-build}"
asan_build_dir="${MINISQL_ASAN_BUILD_DIR:-build-asan}"
jobs="$(nproc)"
start_seconds=$SECONDS

tools/deps.sh

# Configures, builds and tests one build directory; extra arguments go to cmake.
# A compile error in one target does not hide the results of the others: ninja keeps
# going (-k 0), ctest runs what was built (a missing test binary counts as a failure).
build_and_test() {
  local dir="$1" status=0
  shift
  echo "=== test.sh: building $dir"
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null || return 1
  ninja -C "$dir" -k 0 || status=1
  echo "=== test.sh: testing $dir"
  ctest --test-dir "$dir" --output-on-failure --parallel "$jobs" || status=1
  return "$status"
}

failed=()
build_and_test "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo || failed+=("$build_dir")

if [ "${MINISQL_SKIP_ASAN:-0}" != 1 ]; then
  # halt_on_error: the first report fails the test instead of scrolling past.
  export ASAN_OPTIONS="abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  # -O1 -g1: the optimisation level ASan is designed for, with line tables for its
  # reports; compiles faster than -O2 -g, which matters on a 2-core CI machine.
  build_and_test "$asan_build_dir" -DMINISQL_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCMAKE_C_FLAGS_DEBUG="-O1 -g1" ||
    failed+=("$asan_build_dir")
fi

if [ "${MINISQL_SKIP_FUZZ:-0}" != 1 ]; then
  echo "=== test.sh: fuzzing (build-fuzz)"
  fuzz_start=$SECONDS
  tools/fuzz.sh "${MINISQL_FUZZ_SECONDS:-20}" || failed+=("build-fuzz")
  echo "=== test.sh: fuzzing took $((SECONDS - fuzz_start))s"
fi

elapsed=$((SECONDS - start_seconds))
if [ ${#failed[@]} -ne 0 ]; then
  echo "test.sh: FAILED in ${failed[*]} (${elapsed}s)"
  exit 1
fi
echo "test.sh: all tests passed (${elapsed}s)"
