#!/usr/bin/env bash
# index_persistence_test.sh — secondary indexes survive restarts and crashes, in step
# with their table.
#
#   1. a table with a UNIQUE and a two-column KEY, rows, an index added and one dropped
#      on the populated table; SIGTERM; restart: SHOW CREATE TABLE, index reads and
#      UNIQUE checks are as before.
#   2. acknowledged inserts, updates and deletes, then kill -9; restart: reads through
#      each index agree with a full scan, and the UNIQUE index still refuses duplicates.
source "$(dirname "$0")/lib.sh"

by_index() { sql -N -B -e "SELECT id FROM p.t WHERE $1 ORDER BY id" | tr '\n' ' '; }
# `(...) IS TRUE` is a form the planner does not match to an index: a full scan.
by_scan() { sql -N -B -e "SELECT id FROM p.t WHERE ($1) IS TRUE ORDER BY id" | tr '\n' ' '; }

minisqld_start
sql -e "CREATE DATABASE p"
sql -e "CREATE TABLE p.t (id INT PRIMARY KEY, email VARCHAR(20) UNIQUE, a INT, b INT,
        KEY ab (a, b)) DEFAULT CHARSET=utf8mb4"
sql -e "INSERT INTO p.t VALUES (1, 'x@a', 1, 10), (2, 'y@a', 1, 20), (3, NULL, 2, 10)"
sql -e "CREATE INDEX bx ON p.t (b)"
sql -e "ALTER TABLE p.t DROP INDEX ab, ADD KEY a2 (a)"
create_before="$(sql -N -B -e 'SHOW CREATE TABLE p.t')"
minisqld_stop
minisqld_start "$DATADIR"
expect_eq "SHOW CREATE TABLE after restart" "$create_before" \
  "$(sql -N -B -e 'SHOW CREATE TABLE p.t')"
expect_eq "read through bx" "1 3 " "$(by_index 'b = 10')"
expect_eq "read through a2" "1 2 " "$(by_index 'a = 1')"
status=0
sql -e "INSERT INTO p.t VALUES (4, 'X@A', 5, 5)" 2>"$E2E_TMP/dup.err" || status=$?
[ "$status" -ne 0 ] || fail "duplicate email accepted after restart"
grep -q "Duplicate entry 'X@A' for key 'email'" "$E2E_TMP/dup.err" ||
  fail "unexpected error: $(cat "$E2E_TMP/dup.err")"

for i in $(seq 100 139); do
  sql -e "INSERT INTO p.t VALUES ($i, 'u$i@a', $((i % 7)), $((i % 5)))"
done
sql -e "UPDATE p.t SET a = 9, email = 'moved@a' WHERE id = 105"
sql -e "DELETE FROM p.t WHERE id BETWEEN 120 AND 124"
sql -e "REPLACE INTO p.t VALUES (130, 'u131@a', 8, 8)"
minisqld_kill9
minisqld_start "$DATADIR"
for predicate in "a = 3" "a = 9" "b = 4" "b >= 2 AND b < 4" "email = 'moved@a'" \
  "email = 'u131@a'" "email IS NULL"; do
  expect_eq "index vs scan for $predicate" "$(by_scan "$predicate")" "$(by_index "$predicate")"
done
expect_eq "rows after kill -9" "37" "$(sql -N -B -e 'SELECT COUNT(*) FROM p.t')"
status=0
sql -e "INSERT INTO p.t VALUES (200, 'u110@a', 0, 0)" 2>/dev/null || status=$?
[ "$status" -ne 0 ] || fail "duplicate email accepted after kill -9"
echo "PASS"
