#!/usr/bin/env bash
# tools/fuzz.sh — builds the libFuzzer targets (test/fuzz/) with clang and fuzzes them.
#
#   tools/fuzz.sh                 every target for 10 minutes (the long run; do this
#                                 after changing a decoder or the grammar)
#   tools/fuzz.sh 30              every target for 30 seconds (what CI runs)
#   tools/fuzz.sh 600 sql_parser  one target
#
# Targets: packet, packet_trace, handshake, stmt_execute, sql_parser (test/fuzz/<target>_fuzzer.cc).
# The build lives in build-fuzz/ (clang, -fsanitize=fuzzer,address,undefined; only what
# the targets reach is compiled). Each target starts from its checked-in seeds
# (test/fuzz/corpus/<target>/) plus what earlier runs found (build-fuzz/corpus/<target>/,
# not checked in). A crash, sanitizer report, leak, timeout (> 10 s for one input) or
# out-of-memory writes the input to build-fuzz/artifacts/ and fails the script.
#
# When a crash is found: reproduce it with `build-fuzz/test/fuzz/fuzz_<target> FILE`,
# fix the bug, and copy FILE into test/fuzz/corpus/<target>/ as a regression seed
# named regress-<what it was>: the replay tests (fuzz_replay_<target>) then run it in
# every normal and ASan build.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(packet packet_trace handshake stmt_execute sql_parser); fi
build_dir="${MINISQL_FUZZ_BUILD_DIR:-build-fuzz}"
start_seconds=$SECONDS

clang_cxx="$(command -v clang++-14 || command -v clang++ || true)"
clang_c="$(command -v clang-14 || command -v clang || true)"
if [ -z "$clang_cxx" ] || [ -z "$clang_c" ]; then
  echo "fuzz.sh: clang not found (Debian: apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi

# -O1: libFuzzer's usual optimisation level, fast enough to fuzz, quick to compile.
cmake -S . -B "$build_dir" -G Ninja -DMINISQL_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1" -DCMAKE_C_FLAGS_DEBUG="-O1" \
  -DCMAKE_CXX_COMPILER="$clang_cxx" -DCMAKE_C_COMPILER="$clang_c" >/dev/null
ninja -C "$build_dir" $(printf 'fuzz_%s ' "${targets[@]}")
echo "=== fuzz.sh: built in $((SECONDS - start_seconds))s"

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p "$build_dir/artifacts"
failed=()
for target in "${targets[@]}"; do
  corpus="$build_dir/corpus/$target"
  mkdir -p "$corpus"
  echo "=== fuzz.sh: fuzzing $target for ${seconds}s"
  # New inputs go to the first directory ($corpus); the seeds are read only.
  if ! "$build_dir/test/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build_dir/artifacts/$target-" \
      "$corpus" "test/fuzz/corpus/$target" >"$build_dir/fuzz_$target.log" 2>&1; then
    tail -60 "$build_dir/fuzz_$target.log"
    failed+=("$target")
  fi
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units)' "$build_dir/fuzz_$target.log" || true
done

echo "=== fuzz.sh: $((SECONDS - start_seconds))s in all"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]} (inputs in $build_dir/artifacts/)"
  exit 1
fi
echo "fuzz.sh: no crashes"
