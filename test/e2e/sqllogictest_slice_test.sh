#!/usr/bin/env bash
# sqllogictest_slice_test.sh — runs the project's own SQL test files (test/sql/**/*.test,
# sqllogictest format) against a fresh minisqld with tools/sqllogictest's runner, and
# fails on any failed record. Also checks that the runner itself can fail: a file
# with a wrong expectation, and a server that went away, must both give exit 1.
#
# The files' expected results were verified against MariaDB; to re-check them:
#   E2E_REFERENCE=mariadb MINISQL_SLT=build/tools/sqllogictest/minisql-sqllogictest \
#     bash test/e2e/sqllogictest_slice_test.sh
source "$(dirname "$0")/lib.sh"

# ctest passes MINISQL_SLT; by hand, look next to minisqld's build tree.
MINISQL_SLT="${MINISQL_SLT:-$(dirname "$MINISQLD")/../../tools/sqllogictest/minisql-sqllogictest}"
[ -x "$MINISQL_SLT" ] ||
  fail "sqllogictest runner not found at '$MINISQL_SLT' (needs libmariadb-dev; set MINISQL_SLT)"

minisqld_start
slt() { "$MINISQL_SLT" -h 127.0.0.1 -P "$MYSQL_PORT" -u root --timeout 20 "$@"; }

# 1. Our SQL test files: every record must pass. test/sql/explain/ expects minisql's
#    own EXPLAIN tree (MariaDB prints a different table), so the MariaDB run skips it.
sql_paths=("$MINISQL_SOURCE_DIR/test/sql")
if [ "${E2E_REFERENCE:-}" = mariadb ]; then
  mapfile -t sql_paths < <(find "$MINISQL_SOURCE_DIR/test/sql" -mindepth 1 -maxdepth 1 -type d \
    ! -name explain | sort)
fi
slt -v "${sql_paths[@]}" || fail "test/sql records failed (output above)"

# 2. A wrong expectation is reported as a failure, with the mismatch shown.
cat >"$E2E_TMP/wrong.test" <<'SLT'
query I nosort
SELECT 1 + 1
----
3
SLT
status=0
output="$(slt -v "$E2E_TMP/wrong.test")" || status=$?
expect_eq "exit status for a wrong result" 1 "$status"
[[ "$output" == *"wrong result"* ]] || fail "no 'wrong result' in: $output"

# 3. With the server gone, records fail (no hang, no crash) and the exit status says so.
minisqld_kill9
status=0
output="$(slt --reconnect-wait 1 "$MINISQL_SOURCE_DIR/test/sql/basic/select.test")" || status=$?
expect_eq "exit status with the server down" 1 "$status"
[[ "$output" == *"0 passed"* ]] || fail "records passed with no server: $output"
echo "PASS"
