#!/usr/bin/env bash
# prepared_statements_test.sh — the binary protocol: COM_STMT_PREPARE / EXECUTE / CLOSE /
# RESET / SEND_LONG_DATA / FETCH, driven by raw_stmt_client.py (a from-scratch client,
# Python standard library only). Prepared INSERT and SELECT with LONGLONG, DOUBLE (into
# an INT column, as mysql2 sends numbers), VAR_STRING and NULL parameters, re-execution
# with new_params_bound = 0, binary rows decoded and compared, bad statement ids and
# malformed parameter blocks answered with ERR on a connection that keeps working,
# COM_STMT_SEND_LONG_DATA (chunks, once, RESET), read-only cursors with COM_STMT_FETCH
# and max_prepared_stmt_count. Every check also passes against MariaDB (E2E_REFERENCE).
source "$(dirname "$0")/lib.sh"

minisqld_start
reference_flag=()
if [ "${E2E_REFERENCE:-}" = mariadb ]; then reference_flag=(--reference); fi
python3 "$E2E_DIR/raw_stmt_client.py" --port "$MYSQL_PORT" "${reference_flag[@]}" ||
  fail "prepared statement checks failed"
expect_eq "query after the checks" "2" "$(sql -N -B -e 'SELECT 1+1')"
minisqld_stop
echo "ok  prepared statements"
