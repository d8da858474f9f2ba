#!/usr/bin/env bash
# mysqlslap_test.sh — the stock load generator runs cleanly against minisqld.
#
# mysqlslap -a creates a schema and a table, then 20 concurrent connections insert
# and select (1000 queries). mysqlslap exits 0 even when queries fail, so the test
# also requires an empty stderr. Afterwards the server must still answer.
source "$(dirname "$0")/lib.sh"

minisqld_start
slap_out="$E2E_TMP/mysqlslap.out"
slap_err="$E2E_TMP/mysqlslap.err"
status=0
mysqlslap --no-defaults --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -uroot -a \
  --concurrency=20 --number-of-queries=1000 >"$slap_out" 2>"$slap_err" || status=$?
cat "$slap_out"
if [ "$status" -ne 0 ] || [ -s "$slap_err" ]; then
  echo "--- mysqlslap stderr:" >&2
  head -20 "$slap_err" >&2
  fail "mysqlslap failed (exit $status)"
fi
grep -q 'Average number of seconds to run all queries' "$slap_out" ||
  fail "mysqlslap printed no benchmark summary"

expect_eq "query after mysqlslap" "2" "$(sql -N -B -e 'SELECT 1+1')"
minisqld_stop
echo "PASS mysqlslap"
