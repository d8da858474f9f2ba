#!/usr/bin/env bash
# sqllogictest_prepared_test.sh — every record of test/sql/**/*.test through the binary
# protocol (issue 5): text and binary results must agree.
#
#   1. --prepared: each statement and query is COM_STMT_PREPARE + EXECUTE + binary rows
#      (libmariadb's mysql_stmt_* API) and must give the file's expected results.
#   2. --compare-protocols: statements prepared, each query run as text AND prepared;
#      any difference between the two result sets (raw values, before sqllogictest's
#      formatting) fails the record. Queries reading the previous statement's state
#      (ROW_COUNT(), FOUND_ROWS(), LAST_INSERT_ID()) or assigning `:=` run once.
#   3. The comparison can fail: SYSDATE(6) differs between two runs of the same query.
#
# Statements a server cannot prepare (it answers 1295 ER_UNSUPPORTED_PS) run as text on
# both servers; `-v` lists them per file. MariaDB 10.11 prepares every statement of
# test/sql; minisqld answers 1295 only for PREPARE / EXECUTE / DEALLOCATE PREPARE, as
# MariaDB does. To run this against MariaDB:
#   E2E_REFERENCE=mariadb MINISQL_SLT=build/tools/sqllogictest/minisql-sqllogictest \
#     bash test/e2e/sqllogictest_prepared_test.sh
source "$(dirname "$0")/lib.sh"

MINISQL_SLT="${MINISQL_SLT:-$(dirname "$MINISQLD")/../../tools/sqllogictest/minisql-sqllogictest}"
[ -x "$MINISQL_SLT" ] ||
  fail "sqllogictest runner not found at '$MINISQL_SLT' (needs libmariadb-dev; set MINISQL_SLT)"

minisqld_start
slt() { "$MINISQL_SLT" -h 127.0.0.1 -P "$MYSQL_PORT" -u root --timeout 20 "$@"; }

# test/sql/explain/ expects minisql's own EXPLAIN tree, so the MariaDB run skips it.
sql_paths=("$MINISQL_SOURCE_DIR/test/sql")
if [ "${E2E_REFERENCE:-}" = mariadb ]; then
  mapfile -t sql_paths < <(find "$MINISQL_SOURCE_DIR/test/sql" -mindepth 1 -maxdepth 1 -type d \
    ! -name explain | sort)
fi

# 1. and 2.
slt -v --prepared "${sql_paths[@]}" ||
  fail "test/sql records failed as prepared statements (output above)"
slt -v --compare-protocols "${sql_paths[@]}" ||
  fail "text and binary results differ (output above)"

# 3. A difference between the protocols is reported as a failure.
cat >"$E2E_TMP/differs.test" <<'SLT'
query T nosort
SELECT SYSDATE(6)
----
0
SLT
status=0
output="$(slt -v --compare-protocols "$E2E_TMP/differs.test")" || status=$?
expect_eq "exit status for differing protocols" 1 "$status"
[[ "$output" == *"text and binary protocol results differ"* ]] ||
  fail "no 'text and binary protocol results differ' in: $output"
echo "PASS"
