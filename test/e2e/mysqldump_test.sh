#!/usr/bin/env bash
# mysqldump_test.sh — a database dumped by the stock mysqldump restores identically.
#
# A database with every column type minisql supports, indexes, NULLs, quotes,
# backslashes and unicode in strings, an AUTO_INCREMENT table and a view is dumped
# with mysqldump (default options: LOCK TABLES, information_schema queries, SHOW
# CREATE TABLE, versioned comments), restored into a second database with the mysql
# client, and compared table by table: SHOW CREATE TABLE text and every row. Then
# `mysqldump --databases` is restored over a dropped database. Also checks LOCK
# TABLES between two sessions.
source "$(dirname "$0")/lib.sh"

minisqld_start
dump() {
  mysqldump --no-defaults --skip-ssl --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -uroot "$@"
}

sql -e "
CREATE DATABASE src;
USE src;
CREATE TABLE kinds (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ti TINYINT, si SMALLINT UNSIGNED, mi MEDIUMINT, bi BIGINT NOT NULL DEFAULT 7,
  fl FLOAT, db DOUBLE, de DECIMAL(10,3) DEFAULT 1.500,
  ch CHAR(4), vc VARCHAR(40) NOT NULL DEFAULT 'it''s', tx TEXT,
  d DATE, t TIME, dt DATETIME, ts TIMESTAMP NULL,
  UNIQUE KEY uq (vc), KEY both_cols (bi, d)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO kinds (ti, si, mi, bi, fl, db, de, ch, vc, tx, d, t, dt, ts) VALUES
  (-1, 65535, 8388607, -9223372036854775808, 1.5, -2.25e100, -1234567.125, 'ab',
   'quote '' and \"double\"', 'back\\\\slash\\nnewline\\ttab', '2024-02-29',
   '-838:59:59', '1999-12-31 23:59:59', '2038-01-19 03:14:07'),
  (NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, 'ünïcödé ☃ 日本', NULL, NULL,
   NULL, NULL, NULL),
  (127, 0, 0, 9223372036854775807, 0, 0, 0, '', '', '', '1000-01-01', '00:00:00',
   '9999-12-31 23:59:59', NULL);
DELETE FROM kinds WHERE id = 3;
INSERT INTO kinds (vc) VALUES ('after delete');
CREATE TABLE no_pk (a INT, b VARCHAR(10), KEY ka (a));
INSERT INTO no_pk VALUES (1, 'one'), (1, 'one'), (NULL, NULL);
CREATE TABLE empty_table (k INT PRIMARY KEY);
CREATE VIEW named AS SELECT id, vc FROM kinds WHERE id < 3;
"

# One text snapshot of a database: each table's SHOW CREATE TABLE and rows.
snapshot() {
  local db="$1" table
  for table in $(sql -N -B -e "SHOW FULL TABLES FROM $db WHERE Table_type = 'BASE TABLE'"  |
    cut -f1); do
    echo "== $table"
    sql -N -B "$db" -e "SHOW CREATE TABLE \`$table\`" | cut -f2-
    sql -N -B "$db" -e "SELECT * FROM \`$table\` ORDER BY 1"
  done
  echo "== views"
  sql -N -B "$db" -e "SELECT * FROM named ORDER BY id"
}
before="$(snapshot src)"
grep -q 'AUTO_INCREMENT=5' <<<"$before" || fail "SHOW CREATE TABLE lacks AUTO_INCREMENT=5"

dump_err="$E2E_TMP/dump.err"
dump src >"$E2E_TMP/src.sql" 2>"$dump_err" || { cat "$dump_err" >&2; fail "mysqldump failed"; }
# Only the tablespace query (INFORMATION_SCHEMA.FILES) may complain... and it must not.
[ ! -s "$dump_err" ] || { cat "$dump_err" >&2; fail "mysqldump wrote to stderr"; }
grep -q 'LOCK TABLES `kinds` WRITE' "$E2E_TMP/src.sql" || fail "dump has no LOCK TABLES"

sql -e "CREATE DATABASE dst"
sql dst <"$E2E_TMP/src.sql" || fail "restoring the dump failed"
after="$(snapshot dst)"
expect_eq "restored database" "$before" "$after"
# The restored AUTO_INCREMENT counter continues where the original was.
sql dst -e "INSERT INTO kinds (vc) VALUES ('next')"
expect_eq "next id after restore" "5" "$(sql -N -B dst -e "SELECT id FROM kinds WHERE vc = 'next'")"

# --databases: CREATE DATABASE + USE in the dump; restore over a dropped database.
dump --databases src >"$E2E_TMP/databases.sql" 2>"$dump_err" || {
  cat "$dump_err" >&2
  fail "mysqldump --databases failed"
}
sql -e "DROP DATABASE src"
sql <"$E2E_TMP/databases.sql" || fail "restoring the --databases dump failed"
expect_eq "database restored from --databases" "$before" "$(snapshot src)"

# LOCK TABLES: a WRITE lock keeps other sessions out until UNLOCK TABLES.
expect_eq "unlocked table while holding locks" \
  "ERROR 1100 (HY000) at line 1: Table 'no_pk' was not locked with LOCK TABLES" \
  "$(sql src -e "LOCK TABLES kinds READ; SELECT * FROM no_pk" 2>&1 >/dev/null | tail -1)"
expect_eq "write under a READ lock" \
  "ERROR 1099 (HY000) at line 1: Table 'kinds' was locked with a READ lock and can't be updated" \
  "$(sql src -e "LOCK TABLES kinds READ; DELETE FROM kinds" 2>&1 >/dev/null | tail -1)"
fifo="$E2E_TMP/holder.fifo"
mkfifo "$fifo"
sql src <"$fifo" >/dev/null &
holder=$!
exec 3>"$fifo"
echo "LOCK TABLES empty_table WRITE; INSERT INTO empty_table VALUES (1);" >&3
sleep 0.5
sql -N -B src -e "SELECT COUNT(*) FROM empty_table" >"$E2E_TMP/reader.out" &
reader=$!
sleep 0.5
kill -0 "$reader" 2>/dev/null || fail "a read did not wait for another session's WRITE lock"
echo "INSERT INTO empty_table VALUES (2); UNLOCK TABLES;" >&3
exec 3>&-
wait "$reader" || fail "the waiting reader failed"
wait "$holder" || fail "the lock holder failed"
# The read waited for the holder's UNLOCK TABLES, so it saw both rows.
expect_eq "read after the WRITE lock is released" "2" "$(cat "$E2E_TMP/reader.out")"

# information_schema is read-only.
expect_eq "write into information_schema" \
  "ERROR 1044 (42000) at line 1: Access denied for user 'root'@'localhost' to database 'information_schema'" \
  "$(sql -e "DELETE FROM information_schema.tables" 2>&1 >/dev/null | tail -1)"

minisqld_stop
echo "PASS mysqldump"
