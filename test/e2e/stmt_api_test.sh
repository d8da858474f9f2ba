#!/usr/bin/env bash
# stmt_api_test.sh — prepared-statement long data and cursors through libmariadb's C API
# (mysql_stmt_send_long_data, STMT_ATTR_CURSOR_TYPE + STMT_ATTR_PREFETCH_ROWS), driven by
# tools/sqllogictest/stmt_api_check.cc. raw_stmt_client.py checks the same features byte
# by byte; this checks that the real client library accepts our answers.
source "$(dirname "$0")/lib.sh"

# ctest passes MINISQL_SLT; the checker is built next to it.
MINISQL_SLT="${MINISQL_SLT:-$(dirname "$MINISQLD")/../../tools/sqllogictest/minisql-sqllogictest}"
checker="$(dirname "$MINISQL_SLT")/minisql-stmt-api-check"
[ -x "$checker" ] || fail "minisql-stmt-api-check not found at '$checker' (needs libmariadb-dev)"

minisqld_start
"$checker" "$MYSQL_PORT" || fail "C API prepared-statement checks failed"
expect_eq "query after the checks" "2" "$(sql -N -B -e 'SELECT 1+1')"
echo "PASS"
