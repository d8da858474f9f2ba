#!/usr/bin/env bash
# persistence_test.sh — committed data survives a clean restart and a crash.
#
#   1. create, insert, update, delete; SIGTERM; restart on the same datadir: all there.
#   2. single-row inserts, each acknowledged to the client; kill -9 right after the
#      last acknowledgement; restart: every acknowledged row is there.
#   3. a client streams inserts while the server is killed mid-stream; restart: every
#      row whose "Query OK" the client printed is there (the one in flight may or
#      may not be), and the table still works (new rows, duplicate-key errors).
source "$(dirname "$0")/lib.sh"

rows() { sql -N -B -e "SELECT id, v FROM p.t ORDER BY id"; }
count_where() { sql -N -B -e "SELECT COUNT(*) FROM p.t WHERE $1"; }

# 1. Clean restart.
minisqld_start
sql -e "CREATE DATABASE p"
sql -e "CREATE TABLE p.t (id INT NOT NULL PRIMARY KEY, v VARCHAR(20))"
sql -e "INSERT INTO p.t VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, NULL)"
sql -e "UPDATE p.t SET v = 'TWO' WHERE id = 2"
sql -e "DELETE FROM p.t WHERE id = 3"
expected_rows=$'1\tone\n2\tTWO\n4\tNULL'
expect_eq "rows before restart" "$expected_rows" "$(rows)"
minisqld_stop
minisqld_start "$DATADIR"
expect_eq "rows after clean restart" "$expected_rows" "$(rows)"

# 2. Acknowledged single-row inserts, then a crash.
for i in $(seq 100 129); do
  sql -e "INSERT INTO p.t VALUES ($i, 'acked $i')"
done
minisqld_kill9
minisqld_start "$DATADIR"
expect_eq "acknowledged rows after kill -9" "30" "$(count_where 'id BETWEEN 100 AND 129')"
expect_eq "earlier rows after kill -9" "$expected_rows" \
  "$(sql -N -B -e 'SELECT id, v FROM p.t WHERE id < 100 ORDER BY id')"

# 3. Crash in the middle of a stream of inserts (one connection, -n: flush per statement).
writer_out="$E2E_TMP/writer.out"
for i in $(seq 1000 20999); do echo "INSERT INTO t VALUES ($i, 'stream $i');"; done |
  sql -n -vv p >"$writer_out" 2>&1 &
writer_pid=$!
# Wait until at least 50 inserts were acknowledged, then crash the server.
for _ in $(seq 1 300); do
  if [ "$(grep -c '^Query OK' "$writer_out" || true)" -ge 50 ]; then break; fi
  sleep 0.1
done
minisqld_kill9
wait "$writer_pid" || true
acked="$(grep -c '^Query OK' "$writer_out" || true)"
[ "$acked" -ge 50 ] || fail "the writer got only $acked acknowledgements before the crash"

minisqld_start "$DATADIR"
last_acked=$((1000 + acked - 1))
expect_eq "acknowledged streamed rows after kill -9" "$acked" \
  "$(count_where "id BETWEEN 1000 AND $last_acked")"
# At most the one statement in flight may have committed without its acknowledgement.
beyond="$(count_where "id > $last_acked")"
[ "$beyond" -le 1 ] || fail "$beyond rows beyond the last acknowledged id $last_acked"
expect_eq "rows after kill -9" "$expected_rows" \
  "$(sql -N -B -e 'SELECT id, v FROM p.t WHERE id < 100 ORDER BY id')"

# The recovered table still behaves.
sql -e "INSERT INTO p.t VALUES (5, 'after recovery')"
expect_eq "new row" $'5\tafter recovery' "$(sql -N -B -e 'SELECT id, v FROM p.t WHERE id = 5')"
if sql -e "INSERT INTO p.t VALUES (100, 'dup')" 2>"$E2E_TMP/dup.err"; then
  fail "duplicate key accepted after recovery"
fi
expect_eq "duplicate error" \
  "ERROR 1062 (23000) at line 1: Duplicate entry '100' for key 'PRIMARY'" \
  "$(tail -1 "$E2E_TMP/dup.err")"
minisqld_stop

# A second clean restart after recovery keeps everything.
minisqld_start "$DATADIR"
expect_eq "total rows" "$((3 + 1 + 30 + acked + beyond))" \
  "$(sql -N -B -e 'SELECT COUNT(*) FROM p.t')"
minisqld_stop
echo "PASS persistence (streamed rows acknowledged before the crash: $acked)"
