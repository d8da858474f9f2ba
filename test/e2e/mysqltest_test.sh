#!/usr/bin/env bash
# mysqltest_test.sh — MariaDB's regression-test client (mariadb-test / mysqltest) runs
# the small suite in test/mysqltest/ against a fresh minisqld, once over the text
# protocol and once with --ps-protocol (every statement prepared and executed through
# the binary protocol). mysqltest compares its output textually with the .result files,
# which were recorded against MariaDB 10.11 (test/mysqltest/README.md), so column names,
# NULLs, error lines (SQLSTATE and message) and SHOW WARNINGS notes must all match.
# Skips (77) when mysqltest is not installed (tools/deps.sh installs mariadb-test).
source "$(dirname "$0")/lib.sh"
MYSQLTEST="$(command -v mariadb-test || command -v mysqltest || true)"
if [ -z "$MYSQLTEST" ]; then
  echo "SKIP: mariadb-test (mysqltest) not installed"
  exit 77
fi
SUITE="$MINISQL_SOURCE_DIR/test/mysqltest"

minisqld_start ""
run_suite() {  # run_suite [mysqltest flags...]
  local test name
  for test in "$SUITE"/t/*.test; do
    name="$(basename "$test" .test)"
    sql -e "DROP DATABASE IF EXISTS mtr_suite; CREATE DATABASE mtr_suite"
    # The result file is copied: on a mismatch mysqltest writes a .reject next to it.
    cp "$SUITE/r/$name.result" "$E2E_TMP/$name.result"
    MTR_DB=mtr_suite MASTER_MYPORT="$MYSQL_PORT" timeout 20 "$MYSQLTEST" --no-defaults \
      --host=127.0.0.1 --port="$MYSQL_PORT" --user=root --database=mtr_suite \
      --tmpdir="$E2E_TMP" --logdir="$E2E_TMP" --test-file="$test" --result-file="$E2E_TMP/$name.result" \
      --silent "$@" >"$E2E_TMP/$name.out" 2>&1 ||
      { cat "$E2E_TMP/$name.out" >&2; fail "mysqltest $name $* differs from MariaDB's result"; }
    echo "ok  $name $*"
  done
}
run_suite
run_suite --ps-protocol

# The comparison can fail: a result file that does not match is reported.
sed 's/^1\tapple\t4$/1\tapple\t5/' "$SUITE/r/dml.result" >"$E2E_TMP/wrong.result"
grep -q $'^1\tapple\t5$' "$E2E_TMP/wrong.result" || fail "the wrong result was not made"
sql -e "DROP DATABASE IF EXISTS mtr_suite; CREATE DATABASE mtr_suite"
if MTR_DB=mtr_suite "$MYSQLTEST" --no-defaults --host=127.0.0.1 --port="$MYSQL_PORT" \
  --user=root --database=mtr_suite --tmpdir="$E2E_TMP" --logdir="$E2E_TMP" --test-file="$SUITE/t/dml.test" \
  --result-file="$E2E_TMP/wrong.result" --silent >/dev/null 2>&1; then
  fail "mysqltest accepted a wrong result file"
fi
echo "ok  a wrong result file is rejected"
minisqld_stop
