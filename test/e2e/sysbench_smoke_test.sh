#!/usr/bin/env bash
# sysbench_smoke_test.sh — sysbench's OLTP read/write workload runs cleanly against
# minisqld, over the text protocol and with server-side prepared statements.
#
# sysbench (Debian's, with its bundled oltp_*.lua) creates a table with an
# AUTO_INCREMENT key and a secondary index, fills it with multi-row INSERTs, then runs
# transactions of point and range SELECTs (ORDER BY, DISTINCT, SUM), UPDATEs of the
# indexed and unindexed columns, a DELETE and an INSERT of the same id, twice for two
# seconds:
#   --db-ps-mode=disable  every statement a COM_QUERY;
#   --db-ps-mode=auto     every statement (BEGIN and COMMIT too) prepared once with
#                         COM_STMT_PREPARE and run with COM_STMT_EXECUTE: INT and
#                         CHAR parameters, binary result rows.
# Any error sysbench reports fails the test, including the deadlocks and lock timeouts
# it would otherwise retry silently (--mysql-ignore-errors=none), so the runs use one
# thread. After each run the table must be consistent: the same 500 ids, rows of the
# shapes sysbench writes, and the secondary index agreeing with the table; after the
# server stops, `minisql-inspect check` verifies every B+ tree. Skipped (exit 77)
# when sysbench is not installed.
source "$(dirname "$0")/lib.sh"

if ! command -v sysbench >/dev/null; then
  echo "SKIP: sysbench is not installed"
  exit 77
fi

minisqld_start
sql -e 'CREATE DATABASE sbtest'
run_sysbench() {
  sysbench oltp_read_write --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$MYSQL_PORT" \
    --mysql-user=root --mysql-password= --mysql-db=sbtest --mysql-ignore-errors=none \
    --tables=1 --table-size=500 --threads=1 "$@"
}

out="$E2E_TMP/sysbench.out"
status=0
run_sysbench --db-ps-mode=disable prepare >"$out" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE 'FATAL|ERROR' "$out"; then
  cat "$out" >&2
  fail "sysbench prepare failed (exit $status)"
fi

# The table after each phase. oltp_read_write deletes one row and inserts it again per
# transaction, and its c/pad values always have the same lengths: the ids and shapes
# stay. The k_1 index must hold exactly the rows the table holds: COUNT and SUM through
# an index range scan (k BETWEEN ...) equal those of a full scan (k + 0 defeats the
# index), and both equal the row count.
expect_consistent() {
  local phase="$1"
  expect_eq "ids and row shapes after $phase" "$(printf '500\t500\t1\t500\t500')" \
    "$(sql -N -B -e 'SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id),
      SUM(LENGTH(c) = 119 AND LENGTH(pad) = 59) FROM sbtest.sbtest1')"
  local by_index by_scan
  by_index="$(sql -N -B -e 'SELECT COUNT(*), SUM(k) FROM sbtest.sbtest1
    WHERE k BETWEEN -2147483648 AND 2147483647')"
  by_scan="$(sql -N -B -e 'SELECT COUNT(*), SUM(k) FROM sbtest.sbtest1
    WHERE k + 0 BETWEEN -2147483648 AND 2147483647')"
  expect_eq "index k_1 against the table after $phase" "$by_scan" "$by_index"
  expect_eq "index k_1 row count after $phase" "500" "${by_index%%$'\t'*}"
}
expect_consistent "prepare"

for ps_mode in disable auto; do
  status=0
  run_sysbench --db-ps-mode="$ps_mode" --time=2 run >"$out" 2>&1 || status=$?
  if [ "$status" -ne 0 ] || grep -qE 'FATAL|ERROR' "$out"; then
    cat "$out" >&2
    fail "sysbench run --db-ps-mode=$ps_mode failed (exit $status)"
  fi
  grep -qE 'transactions: +[1-9]' "$out" || { cat "$out" >&2; fail "no transaction ($ps_mode)"; }
  grep -qE 'ignored errors: +0 ' "$out" || { cat "$out" >&2; fail "errors ($ps_mode)"; }
  grep -qE 'reconnects: +0 ' "$out" || { cat "$out" >&2; fail "reconnects ($ps_mode)"; }
  expect_consistent "run --db-ps-mode=$ps_mode"
done

minisqld_stop
if [ "${E2E_REFERENCE:-}" != mariadb ]; then
  INSPECT="${MINISQL_INSPECT:-$(dirname "$MINISQLD")/../../tools/inspect/minisql-inspect}"
  [ -x "$INSPECT" ] || fail "minisql-inspect not found at $INSPECT"
  "$INSPECT" --datadir "$DATADIR" check >"$out" 2>&1 ||
    { cat "$out" >&2; fail "minisql-inspect check"; }
  grep -qF "sbtest.sbtest1 index k_1" "$out" || { cat "$out" >&2; fail "k_1 not checked"; }
fi
echo "PASS sysbench smoke (text protocol and prepared statements)"
