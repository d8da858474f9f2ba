#!/usr/bin/env bash
# text_protocol_test.sh — minisqld's text protocol, through the minisql CLI and raw.
#
# The text port answers each NUL-terminated statement with its outcome rendered the
# way `mysql --table` shows it, NUL-terminated (src/net/text/text_protocol.h). The
# CLI (tools/minisql) is checked in batch mode: -e, a script on stdin, the exit status
# and mysql-style "ERROR ... at line N" messages, stopping at the first error unless
# --force. Then a raw socket checks the framing itself, with pipelined requests.
source "$(dirname "$0")/lib.sh"
skip_on_reference "the text protocol is minisql's own"

[ -x "$MINISQL_CLI" ] || fail "minisql CLI not found at $MINISQL_CLI (set MINISQL_CLI)"
minisqld_start
cli() { "$MINISQL_CLI" -h127.0.0.1 -P"$TEXT_PORT" "$@"; }

# 1. -e with several statements: OK lines, info lines, tables, the empty set.
actual="$(cli -e "CREATE DATABASE tp; USE tp;
  CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(10), price DOUBLE);
  INSERT INTO t VALUES (1, 'a', 2.5), (22, NULL, NULL), (3, 'it''s', -1);
  SELECT * FROM t ORDER BY id; SELECT id FROM t WHERE id > 100;
  UPDATE t SET name = 'c' WHERE id = 22; SELECT COUNT(*) FROM t")"
expected="Query OK, 1 row affected
Query OK, 0 rows affected
Query OK, 0 rows affected
Query OK, 3 rows affected
Records: 3  Duplicates: 0  Warnings: 0
+----+------+-------+
| id | name | price |
+----+------+-------+
|  1 | a    |   2.5 |
|  3 | it's |    -1 |
| 22 | NULL |  NULL |
+----+------+-------+
3 rows in set
Empty set
Query OK, 1 row affected
Rows matched: 1  Changed: 1  Warnings: 0
+----------+
| COUNT(*) |
+----------+
|        3 |
+----------+
1 row in set"
expect_eq "minisql -e session" "$expected" "$actual"
echo "ok  minisql -e"

# 2. A script on stdin: multi-line statements, comments, ';' inside strings; the first
#    error stops the script (exit 1, error on stderr with its line number).
script="-- a comment; not a statement
SELECT name
  FROM t WHERE name = 'x;y';
SELECT * FROM nosuch;
SELECT 'not reached';"
status=0
actual="$(cli tp <<<"$script" 2>"$E2E_TMP/stderr")" || status=$?
expect_eq "exit status after an error" "1" "$status"
expect_eq "stdout before the error" "Empty set" "$actual"
expect_eq "stderr" "ERROR 1146 (42S02) at line 4: Table 'tp.nosuch' doesn't exist" \
  "$(cat "$E2E_TMP/stderr")"

# --force keeps going; the exit status still reports the failure.
status=0
actual="$(cli --force tp <<<"$script" 2>"$E2E_TMP/stderr")" || status=$?
expect_eq "exit status with --force" "1" "$status"
expect_eq "stdout with --force" "Empty set
+-------------+
| not reached |
+-------------+
| not reached |
+-------------+
1 row in set" "$actual"

# A script without errors exits 0, even when its last statement lacks the ';'.
expect_eq "last statement without ';'" "+---+
| 1 |
+---+
| 1 |
+---+
1 row in set" "$(printf 'SELECT 1' | cli)"
echo "ok  minisql with a script on stdin, errors, --force"

# 3. Raw socket: NUL framing, pipelining, session state, error replies, empty request.
python3 - "$TEXT_PORT" <<'PY' || fail "raw text protocol check failed"
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
requests = [b"USE tp", b"SELECT id, name FROM t WHERE id = 1", b"SELECT * FROM nope", b""]
s.sendall(b"".join(r + b"\0" for r in requests))  # all at once: pipelined
expected = [
    b"Query OK, 0 rows affected",
    b"+----+------+\n| id | name |\n+----+------+\n|  1 | a    |\n+----+------+\n1 row in set",
    b"ERROR 1146 (42S02): Table 'tp.nope' doesn't exist",
    b"ERROR 1065 (42000): Query was empty",
]
data = b""
while data.count(b"\0") < len(expected):
    chunk = s.recv(65536)
    if not chunk:
        sys.exit("connection closed after %r" % data)
    data += chunk
replies = data.split(b"\0")[:len(expected)]
for want, got in zip(expected, replies):
    # Replies may end with a newline; the text before it must match exactly.
    if got.rstrip(b"\n") != want:
        sys.exit("expected %r\n     got %r" % (want, got))
s.close()
# A request cut off by a closed connection must not hurt the server.
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
s.sendall(b"SELECT 'never termin")
s.close()
PY
# DROP DATABASE reports the number of tables it dropped, like MariaDB.
expect_eq "CLI after raw requests" "Query OK, 1 row affected" "$(cli -e 'DROP DATABASE tp')"
echo "ok  raw framing, pipelining, errors"

minisqld_stop
echo "PASS text_protocol"
