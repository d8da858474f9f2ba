#!/usr/bin/env bash
# alter_persistence_test.sh — ALTER TABLE, RENAME TABLE and TRUNCATE survive restarts,
# and a crash in the middle of an ALTER TABLE leaves the old table or the new one,
# never a mix.
#
#   1. a populated table with secondary keys gets columns added, modified and dropped,
#      a key added, and is renamed; SIGTERM; restart: SHOW CREATE TABLE and the rows
#      (read by scan and through each key) are as before.
#   2. after kill -9 the acknowledged ALTER / TRUNCATE are still there.
#   3. kill -9 while a rewrite of a larger table runs: after restart the table has
#      all its rows and exactly the old or the new definition, and its keys agree with
#      a full scan.
source "$(dirname "$0")/lib.sh"

# INSERTs of rows id = 1..n: (id, 'name<id>', id % 10, id * 2), 1000 rows each.
insert_rows() {
  seq 1 "$2" | awk -v table="$1" '
    { row = sprintf("(%d,\047name%d\047,%d,%d)", $1, $1, $1 % 10, $1 * 2) }
    NR % 1000 == 1 { printf "INSERT INTO %s VALUES %s", table, row; next }
    { printf ",%s", row }
    NR % 1000 == 0 { print ";" }
    END { if (NR % 1000 != 0) print ";" }' | sql
}
checksum() { sql -N -B -e "SELECT COUNT(*), SUM(id), SUM(LENGTH($2)) FROM $1"; }

minisqld_start
sql -e "CREATE DATABASE p"
sql -e "CREATE TABLE p.t (id INT PRIMARY KEY, name VARCHAR(20), g INT, v INT, KEY kg (g),
        UNIQUE KEY uv (v)) DEFAULT CHARSET=utf8mb4"
insert_rows p.t 500
sql -e "ALTER TABLE p.t ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'n' AFTER id,
        MODIFY g BIGINT, DROP COLUMN v, ADD KEY kname (name), RENAME TO p.t2"
create_before="$(sql -N -B -e 'SHOW CREATE TABLE p.t2')"
rows_before="$(checksum p.t2 'name')"
minisqld_stop
minisqld_start "$DATADIR"
expect_eq "SHOW CREATE TABLE after restart" "$create_before" \
  "$(sql -N -B -e 'SHOW CREATE TABLE p.t2')"
expect_eq "rows after restart" "$rows_before" "$(checksum p.t2 'name')"
expect_eq "read through kname" "250" \
  "$(sql -N -B -e "SELECT id FROM p.t2 WHERE name = 'name250'")"
expect_eq "read through kg" "50" "$(sql -N -B -e 'SELECT COUNT(*) FROM p.t2 WHERE g = 3')"
status=0
sql -e "SELECT * FROM p.t" 2>/dev/null || status=$?
[ "$status" -ne 0 ] || fail "the old name still answers after RENAME"

# 2. acknowledged DDL survives kill -9
sql -e "ALTER TABLE p.t2 CHANGE note remark VARCHAR(12) NOT NULL"
sql -e "CREATE TABLE p.ai (id INT AUTO_INCREMENT PRIMARY KEY, x INT)"
sql -e "INSERT INTO p.ai (x) VALUES (1), (2), (3)"
sql -e "TRUNCATE TABLE p.ai"
create_before="$(sql -N -B -e 'SHOW CREATE TABLE p.t2')"
minisqld_kill9
minisqld_start "$DATADIR"
expect_eq "SHOW CREATE TABLE after kill -9" "$create_before" \
  "$(sql -N -B -e 'SHOW CREATE TABLE p.t2')"
expect_eq "rows after kill -9" "$rows_before" "$(checksum p.t2 'name')"
sql -e "INSERT INTO p.ai (x) VALUES (9)"
expect_eq "AUTO_INCREMENT restarted by TRUNCATE" $'1\t9' "$(sql -N -B -e 'SELECT * FROM p.ai')"

# 3. kill -9 during a rewrite
sql -e "CREATE TABLE p.big (id INT PRIMARY KEY, name VARCHAR(20), g INT, v INT, KEY kg (g))"
insert_rows p.big 10000
old_create="$(sql -N -B -e 'SHOW CREATE TABLE p.big')"
sql -e "ALTER TABLE p.big ADD COLUMN extra INT DEFAULT 1, MODIFY name VARCHAR(30), ADD KEY kv (v)" \
  >/dev/null 2>&1 &
alter_pid=$!
sleep 0.3
minisqld_kill9
wait "$alter_pid" 2>/dev/null || true
minisqld_start "$DATADIR"
new_create="$(sql -N -B -e 'SHOW CREATE TABLE p.big')"
if [ "$new_create" != "$old_create" ]; then
  echo "$new_create" | grep -q '`extra` int(11) DEFAULT 1' || fail "mixed definition: $new_create"
  echo "$new_create" | grep -q 'KEY `kv` (`v`)' || fail "mixed definition: $new_create"
  expect_eq "rows via kv" "2500" "$(sql -N -B -e 'SELECT COUNT(*) FROM p.big WHERE v > 15000')"
fi
expect_eq "rows after a crash mid-ALTER" $'10000\t50005000' \
  "$(sql -N -B -e 'SELECT COUNT(*), SUM(id) FROM p.big')"
expect_eq "index kg after a crash mid-ALTER" "1000" \
  "$(sql -N -B -e 'SELECT COUNT(*) FROM p.big WHERE g = 7')"
# The table still takes DDL and writes.
sql -e "ALTER TABLE p.big DROP COLUMN g"
sql -e "INSERT INTO p.big (id, name, v) VALUES (10001, 'last', 1)"
expect_eq "rows after a later ALTER" "10001" "$(sql -N -B -e 'SELECT COUNT(*) FROM p.big')"
echo "PASS"
