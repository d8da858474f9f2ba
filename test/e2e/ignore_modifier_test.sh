#!/usr/bin/env bash
# ignore_modifier_test.sh — what the stock mysql client shows for INSERT/UPDATE IGNORE,
# REPLACE / ON DUPLICATE KEY UPDATE with SELECT and a non-strict sql_mode: the OK
# packet's affected rows, warning count and info string ("Records: 3  Duplicates: 1
# Warnings: 2", "Rows matched: ..."), which sqllogictest files cannot see. The expected
# lines are MariaDB 10.11's (E2E_REFERENCE=mariadb checks them there). Last, the forms
# minisql answers 1235 for (MariaDB runs them, so that part is minisql's only).
source "$(dirname "$0")/lib.sh"

minisqld_start
sql -e "CREATE DATABASE ign"

# The client's summary of one statement: its "Query OK" line and the info line after
# it (if any), joined by " | ", without the timing. More arguments go to the client.
summary() {
  local statement="$1"
  shift
  sql -vvv "$@" ign -e "$statement" 2>&1 | grep -E '^(Query OK|Records:|Rows matched:|ERROR)' |
    sed -E 's/ \([0-9.]+ sec\)//' | paste -sd'|' | sed 's/|/ | /g'
}
non_strict=(--init-command="SET sql_mode = ''")

sql ign -e "CREATE TABLE t (id INT PRIMARY KEY, n TINYINT NOT NULL)
            ; CREATE TABLE src (sid INT, m INT)
            ; INSERT INTO src VALUES (1, 100), (3, 300), (3, 301)
            ; INSERT INTO t VALUES (1, 10), (2, 20)"

expect_eq "INSERT IGNORE, one row clamped" \
  "Query OK, 1 row affected, 1 warning" \
  "$(summary "INSERT IGNORE INTO t VALUES (5, 1000)")"
expect_eq "INSERT IGNORE, a duplicate skipped" \
  "Query OK, 0 rows affected, 1 warning" \
  "$(summary "INSERT IGNORE INTO t VALUES (5, 1)")"
expect_eq "INSERT IGNORE, several rows" \
  "Query OK, 1 row affected, 3 warnings | Records: 3  Duplicates: 2  Warnings: 3" \
  "$(summary "INSERT IGNORE INTO t VALUES (1, 1), (6, 'x'), (2, 2)")"
expect_eq "INSERT IGNORE ... SELECT" \
  "Query OK, 1 row affected, 4 warnings | Records: 3  Duplicates: 2  Warnings: 4" \
  "$(summary "INSERT IGNORE INTO t SELECT sid, m FROM src")"
expect_eq "REPLACE ... SELECT" \
  "Query OK, 6 rows affected | Records: 3  Duplicates: 3  Warnings: 0" \
  "$(summary "REPLACE INTO t SELECT sid, m MOD 100 FROM src")"
expect_eq "INSERT ... SELECT ... ON DUPLICATE KEY UPDATE" \
  "Query OK, 6 rows affected | Records: 3  Duplicates: 3  Warnings: 0" \
  "$(summary "INSERT INTO t SELECT sid, 7 FROM src ON DUPLICATE KEY UPDATE n = n + VALUES(n)")"
expect_eq "UPDATE IGNORE: collisions skipped without a warning, conversions warned" \
  "Query OK, 2 rows affected, 5 warnings | Rows matched: 5  Changed: 2  Warnings: 5" \
  "$(summary "UPDATE IGNORE t SET id = id + 1, n = 999")"
expect_eq "strict UPDATE" \
  "ERROR 1264 (22003) at line 1: Out of range value for column 'n' at row 1" \
  "$(summary "UPDATE t SET n = 999")"
expect_eq "non-strict UPDATE" \
  "Query OK, 5 rows affected, 5 warnings | Rows matched: 5  Changed: 5  Warnings: 5" \
  "$(summary "UPDATE t SET n = -999" "${non_strict[@]}")"
expect_eq "INSERT IGNORE ... ON DUPLICATE KEY UPDATE, the update collides" \
  "Query OK, 0 rows affected, 1 warning" \
  "$(summary "INSERT IGNORE INTO t VALUES (1, 1) ON DUPLICATE KEY UPDATE id = 2")"
expect_eq "INSERT IGNORE ... ON DUPLICATE KEY UPDATE: Duplicates counts skipped rows only" \
  "Query OK, 3 rows affected, 2 warnings | Records: 3  Duplicates: 1  Warnings: 2" \
  "$(summary "INSERT IGNORE INTO t VALUES (2, 1), (4, 1), (60, 1000) ON DUPLICATE KEY UPDATE id = id + 1, n = 9")"
expect_eq "non-strict single-row INSERT of NULL into NOT NULL" \
  "ERROR 1048 (23000) at line 1: Column 'n' cannot be null" \
  "$(summary "INSERT INTO t VALUES (50, NULL)" "${non_strict[@]}")"
expect_eq "non-strict multi-row INSERT of NULL into NOT NULL" \
  "Query OK, 2 rows affected, 2 warnings | Records: 2  Duplicates: 0  Warnings: 2" \
  "$(summary "INSERT INTO t VALUES (50, NULL), (51, NULL)" "${non_strict[@]}")"

# Many warnings: all are counted, SHOW WARNINGS lists the first 64 (max_error_count).
sql ign -e "CREATE TABLE big (v TINYINT)"
expect_eq "100 clamped rows" \
  "Query OK, 100 rows affected, 100 warnings | Records: 100  Duplicates: 0  Warnings: 100" \
  "$(summary "INSERT IGNORE INTO big SELECT 1000 FROM src a, src b, src c, src d, (SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4) e LIMIT 100")"
expect_eq "SHOW WARNINGS after 100" "64" \
  "$(sql ign -N -e "INSERT IGNORE INTO big SELECT 1000 FROM src a, src b, src c, src d, (SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4) e LIMIT 100; SHOW WARNINGS" | wc -l)"

if [ "${E2E_REFERENCE:-}" != mariadb ]; then
  # ON DUPLICATE KEY UPDATE reading the query's columns: MySQL allows it, minisql not yet.
  expect_eq "ODKU reading the query's columns" \
    "ERROR 1235 (42000) at line 1: This version of MySQL doesn't yet support 'ON DUPLICATE KEY UPDATE reading a column of INSERT ... SELECT's query (m)'" \
    "$(summary "INSERT INTO t SELECT sid, m FROM src ON DUPLICATE KEY UPDATE n = m")"
  expect_eq "ODKU reading a qualified query column" \
    "ERROR 1235 (42000) at line 1: This version of MySQL doesn't yet support 'ON DUPLICATE KEY UPDATE reading a column of INSERT ... SELECT's query (src.m)'" \
    "$(summary "INSERT INTO t SELECT sid, m FROM src ON DUPLICATE KEY UPDATE n = src.m")"
fi
minisqld_stop
echo "PASS"
