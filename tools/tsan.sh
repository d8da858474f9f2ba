#!/usr/bin/env bash
# tools/tsan.sh — looks for data races: builds build-tsan/ with ThreadSanitizer
# (-DMINISQL_TSAN=ON) and runs the tests that exercise concurrency there.
#
#   unit  group_commit_test (group commit, log failures), lock_manager_test (row locks,
#         deadlock detection), txn_engine_test (MVCC, concurrent commits), buffer_pool_test
#         (pins and eviction from several threads), btree_latch_test (readers and a
#         writer on one tree: page latches, latch crabbing, cursors; docs/storage.md)
#   e2e   transactions_concurrency_test (many clients on one server) and
#         crash_loop_test with 3 rounds (kill -9 under a multi-client workload)
#
# Not part of tools/test.sh / CI: the instrumented build is slow to compile and every
# test runs 5-15x slower. Run it after changing anything threads share (page latches,
# lock manager, log writer, buffer pool, worker pool, connections).
#
# TSan writes every report to build-tsan/tsan-reports/report.<pid> (log_path), so a
# race inside a minisqld that an e2e test drives is caught too, not only in unit tests;
# the script fails if any report exists. libuv and OpenSSL are not instrumented: a
# report whose stack lies only in them is theirs (report it separately), ours
# otherwise. tools/tsan_suppressions.txt silences only lock-order reports about page
# latches (it says why); data races are never suppressed.
#
#   tools/tsan.sh               configure if needed, build the targets (-j2), run
#   TSAN_JOBS=4 tools/tsan.sh   more compile jobs
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${MINISQL_TSAN_BUILD_DIR:-build-tsan}"
reports="$PWD/$dir/tsan-reports"

if [ ! -f "$dir/build.ninja" ]; then
  # -O1 -g: fast enough to run, full line tables for the reports.
  cmake -S . -B "$dir" -G Ninja -DMINISQL_TSAN=ON -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCMAKE_C_FLAGS_DEBUG="-O1 -g" >/dev/null
fi
ninja -C "$dir" -j "${TSAN_JOBS:-2}" minisqld minisql minisql-inspect \
  group_commit_test lock_manager_test txn_engine_test buffer_pool_test btree_latch_test

rm -rf "$reports"
mkdir -p "$reports"
export TSAN_OPTIONS="log_path=$reports/report second_deadlock_stack=1 history_size=4 suppressions=$PWD/tools/tsan_suppressions.txt"
export CRASH_LOOP_ROUNDS="${CRASH_LOOP_ROUNDS:-3}"
status=0
ctest --test-dir "$dir" --output-on-failure \
  -R '^(group_commit_test|lock_manager_test|txn_engine_test|buffer_pool_test|btree_latch_test|e2e_transactions_concurrency_test|e2e_crash_loop_test)$' ||
  status=1
# A report that only says "too long mutex cycle found" comes from TSan's lock-order
# detector giving up on a cycle longer than it tracks. It has no stack, so it cannot be
# suppressed by name; the cycles it follows are the page-latch lock-order graph that
# tools/tsan_suppressions.txt explains. It is printed as a note, not counted as a failure.
for report in "$reports"/report.*; do
  [ -e "$report" ] || continue
  if ! grep -qv '^WARNING: too long mutex cycle found$' "$report"; then
    echo "tsan.sh: note: $(basename "$report"): lock-order detector gave up on a long cycle"
    rm "$report"
  fi
done
if compgen -G "$reports/report.*" >/dev/null; then
  echo "tsan.sh: ThreadSanitizer reports:"
  for report in "$reports"/report.*; do
    echo "=== $report"
    cat "$report"
  done
  status=1
fi
[ "$status" -eq 0 ] && echo "tsan.sh: no data race reported"
exit "$status"
