#!/usr/bin/env bash
# protocol_errors_test.sh — login failures, hostile bytes and protocol edge cases.
#
# With the stock mysql client: a wrong password, an unknown database at connect time,
# the client's `status` command. With raw sockets: garbage instead of a handshake
# response must cost only that connection. With raw_client.py (a from-scratch
# protocol client): handshake fields, COM_PING, result-set metadata, COM_INIT_DB,
# COM_FIELD_LIST, COM_STATISTICS, an unknown command (1047) and a packet over
# max_allowed_packet (1153). Requests pipelined just before the client closes still run.
source "$(dirname "$0")/lib.sh"

max_packet=1048576
minisqld_start "" --max-allowed-packet=$max_packet

# Runs the mysql client expecting failure; prints its stderr.
sql_error() {
  if sql "$@" 2>"$E2E_TMP/err" >/dev/null; then fail "expected mysql $* to fail"; fi
  cat "$E2E_TMP/err"
}

expect_eq "wrong password" \
  "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)" \
  "$(sql_error -pwrong -e 'SELECT 1')"
expect_eq "unknown database at connect" "ERROR 1049 (42000): Unknown database 'nosuch'" \
  "$(sql_error nosuch -e 'SELECT 1')"

# The client's status command needs SELECT DATABASE(), USER() (it aborts otherwise).
status_out="$(sql -e status)" || fail "mysql status failed"
grep -q $'^Current user:\t\troot@localhost$' <<<"$status_out" ||
  fail "status shows no 'Current user: root@localhost': $status_out"
grep -q $'^TCP port:\t\t'"$MYSQL_PORT"'$' <<<"$status_out" || fail "status shows no TCP port"
grep -q $'^Protocol version:\t10$' <<<"$status_out" || fail "status shows no protocol version"
echo "ok  wrong password, unknown database, status"

# Garbage bytes on fresh connections: before reading the greeting, after it, and a
# packet header that promises more bytes than ever arrive.
python3 - "$MYSQL_PORT" <<'PY' || fail "sending garbage failed"
import os, socket, sys
port = int(sys.argv[1])
for payload in (b"GET / HTTP/1.0\r\n\r\n", os.urandom(4096), b"\xff\xff\xff\x01" + b"x" * 10,
                b"\x05\x00\x00\x01\x00", b"\x00\x00\x00\x00"):
    for read_greeting_first in (False, True):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        if read_greeting_first:
            s.recv(4096)
        try:
            s.sendall(payload)
            s.shutdown(socket.SHUT_WR)
            while s.recv(4096):
                pass
        except OSError:
            pass  # the server may reset the connection: fine
        s.close()
PY
expect_eq "query after garbage" "2" "$(sql -N -B -e 'SELECT 1+1')"
echo "ok  garbage bytes do not hurt the server"

# Requests a client sends just before it closes its socket still run, as in mysqld: the
# client pipelines three INSERTs and COM_QUIT, reads nothing and closes at once.
sql -e 'CREATE DATABASE pipe; CREATE TABLE pipe.t (id INT PRIMARY KEY)'
python3 - "$MYSQL_PORT" "$E2E_DIR" <<'PY' || fail "pipelining client failed"
import sys
sys.path.insert(0, sys.argv[2])
from raw_client import Connection
for round in range(20):
    c = Connection(int(sys.argv[1]))
    c.login(database="pipe")
    c.sock.sendall(b"".join(
        len(p).to_bytes(3, "little") + b"\x00" + p
        for p in [b"\x03INSERT INTO t VALUES (%d)" % (round * 3 + i) for i in range(3)] + [b"\x01"]))
    c.close()
PY
for _ in $(seq 50); do
  rows="$(sql -N -B -e 'SELECT COUNT(*) FROM pipe.t')"
  [[ "$rows" == 60 ]] && break
  sleep 0.1
done
expect_eq "INSERTs sent just before the client closed" "60" "$rows"
echo "ok  requests sent before a close still run"

python3 "$E2E_DIR/raw_client.py" --port "$MYSQL_PORT" --max-allowed-packet $max_packet ||
  fail "raw protocol checks failed"

expect_eq "query at the end" "3" "$(sql -N -B -e 'SELECT 1+2')"
minisqld_stop
echo "PASS protocol_errors"
