#!/usr/bin/env bash
# sysbench_smoke_test.sh — sysbench's OLTP read/write workload runs cleanly against minisqld.
#
# sysbench (Debian's, with its bundled oltp_*.lua) creates a table with an
# AUTO_INCREMENT key and a secondary index, fills it with multi-row INSERTs, then for
# two seconds runs transactions of point and range SELECTs (ORDER BY, DISTINCT, SUM),
# UPDATEs, a DELETE and an INSERT over the text protocol (--db-ps-mode=disable).
# Any error sysbench reports fails the test, including the deadlocks and lock
# timeouts it would otherwise retry silently (--mysql-ignore-errors=none), so the
# run uses one thread. Skipped (exit 77) when sysbench is not installed.
source "$(dirname "$0")/lib.sh"

if ! command -v sysbench >/dev/null; then
  echo "SKIP: sysbench is not installed"
  exit 77
fi

minisqld_start
sql -e 'CREATE DATABASE sbtest'
run_sysbench() {
  sysbench oltp_read_write --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$MYSQL_PORT" \
    --mysql-user=root --mysql-password= --mysql-db=sbtest --db-ps-mode=disable \
    --mysql-ignore-errors=none --tables=1 --table-size=500 --threads=1 "$@"
}

out="$E2E_TMP/sysbench.out"
status=0
run_sysbench prepare >"$out" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE 'FATAL|ERROR' "$out"; then
  cat "$out" >&2
  fail "sysbench prepare failed (exit $status)"
fi
expect_eq "rows after prepare" "500" "$(sql -N -B -e 'SELECT COUNT(*) FROM sbtest.sbtest1')"

run_sysbench --time=2 run >"$out" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE 'FATAL|ERROR' "$out"; then
  cat "$out" >&2
  fail "sysbench run failed (exit $status)"
fi
grep -qE 'transactions: +[1-9]' "$out" || { cat "$out" >&2; fail "no transaction completed"; }
grep -qE 'ignored errors: +0 ' "$out" || { cat "$out" >&2; fail "sysbench ignored errors"; }
# oltp_read_write deletes one row and inserts it again per transaction: the count stays.
expect_eq "rows after run" "500" "$(sql -N -B -e 'SELECT COUNT(*) FROM sbtest.sbtest1')"

minisqld_stop
echo "PASS sysbench smoke"
