#!/usr/bin/env bash
# trace_protocol_test.sh — minisqld --trace-protocol and SET SESSION trace_protocol:
# the server log must hold every packet of a session, decoded (net/mysql/packet_trace.h):
# the greeting and login of the stock mysql client, a query with its column definitions
# and rows, an error, and a prepared statement with its parameter (raw protocol client);
# and a server started without the flag must trace exactly the statements a session
# asked for, and nothing after it switched tracing off.
source "$(dirname "$0")/lib.sh"
skip_on_reference "trace_protocol is minisql's own"

# Fails unless the server log has a traced line matching the extended regex $1: a
# packet's first line (after "trace conn N "), or, if $1 starts with a space, one of the
# indented lines under it (decoded fields, hex dump).
expect_trace() {
  local pattern="trace conn [0-9]+ $1"
  if [ "${1:0:1}" = " " ]; then pattern="^$1"; fi
  # A packet with no response (COM_STMT_CLOSE, COM_QUIT) may be logged after the client
  # has already gone on: wait up to 5 s for the server to write it.
  local tries=0
  until grep -E -q -- "$pattern" "$MINISQLD_LOG"; do
    tries=$((tries + 1))
    [ "$tries" -le 50 ] || fail "no traced line matching: $1"
    sleep 0.1
  done
}

# --- 1. --trace-protocol: everything, from the greeting on ------------------------------
minisqld_start "" --trace-protocol
sql -e "CREATE DATABASE shop; CREATE TABLE shop.t (id INT PRIMARY KEY, name VARCHAR(20));
        INSERT INTO shop.t VALUES (1, 'a'), (2, NULL)"
sql shop -e "SELECT id, name FROM t ORDER BY id" >/dev/null
sql shop -e "SELECT * FROM nope" 2>/dev/null && fail "SELECT from a missing table succeeded"

expect_trace "S->C seq=0 len=87 HandshakeV10 protocol_version=10 server_version='8.0.0-minisql"
expect_trace "  capabilities=0x[0-9a-f]{8} LONG_PASSWORD\|FOUND_ROWS\|.*PROTOCOL_41"
# The client asks for TLS first (the server offers it); the rest travels encrypted,
# and the tracer sees it decrypted.
expect_trace "C->S seq=1 len=32 SSLRequest \(TLS handshake follows\)"
expect_trace "C->S seq=2 len=[0-9]+ HandshakeResponse41 user='root' database='shop'"
expect_trace "S->C seq=3 len=7 OK \(logged in\) affected_rows=0 .* status=0x0002 AUTOCOMMIT"
expect_trace "C->S seq=0 len=35 COM_QUERY sql='SELECT id, name FROM t ORDER BY id'"
expect_trace "    0000  23 00 00 00 03 53 45 4c 45 43 54 20 69 64 2c 20  #....SELECT id, "
expect_trace "S->C seq=1 len=1 result set: column_count=2"
expect_trace "S->C seq=2 len=32 column definition name='id' org_name='id' table='t' org_table='t' schema='shop'"
expect_trace "  type=LONG charset=63 length=11 flags=0x[0-9a-f]{4} decimals=0"
expect_trace "S->C seq=4 len=5 EOF warnings=0 status=0x0002 AUTOCOMMIT"
expect_trace "S->C seq=5 len=4 text row: '1' 'a'"
expect_trace "S->C seq=6 len=3 text row: '2' NULL"
expect_trace "S->C seq=1 len=[0-9]+ ERR error_code=1146 sqlstate=42S02 message='Table [\\]'shop.nope[\\]' doesn[\\]'t exist'"
expect_trace "C->S seq=0 len=1 COM_QUIT"

# A prepared statement over the binary protocol.
python3 - "$MYSQL_PORT" "$E2E_DIR" <<'PY' || fail "prepared statement client failed"
import sys
sys.path.insert(0, sys.argv[2])
from raw_stmt_client import MYSQL_TYPE_LONG, StmtConnection
c = StmtConnection(int(sys.argv[1]))
c.login(database="shop")
stmt = c.prepare("SELECT name FROM t WHERE id = ?")
columns, rows = c.execute(stmt["id"], [(MYSQL_TYPE_LONG, 1)])
assert rows == [[b"a"]] or rows == [["a"]], rows
c.close_statement(stmt["id"])
PY
expect_trace "C->S seq=0 len=32 COM_STMT_PREPARE sql='SELECT name FROM t WHERE id = \?'"
expect_trace "S->C seq=1 len=12 PREPARE_OK statement_id=1 columns=1 params=1 warnings=0"
expect_trace "S->C seq=2 len=[0-9]+ parameter definition name='\?'"
expect_trace "C->S seq=0 len=[0-9]+ COM_STMT_EXECUTE statement_id=1 params=1 flags=0 iteration_count=1"
expect_trace "  param\[0\] type=LONG value='1'"
expect_trace "S->C seq=[0-9]+ len=[0-9]+ binary row: 'a'"
expect_trace "C->S seq=0 len=5 COM_STMT_CLOSE statement_id=1"
minisqld_stop

# --- 2. SET SESSION trace_protocol: only what the session asked for -----------------------
minisqld_start ""
expect_eq "@@trace_protocol default" "0" "$(sql -N -e 'SELECT @@trace_protocol')"
sql -e "SELECT 'before'; SET SESSION trace_protocol = ON; SELECT 'traced';
        SET SESSION trace_protocol = OFF; SELECT 'after'" >/dev/null
grep -q "trace conn" "$MINISQLD_LOG" || fail "SET SESSION trace_protocol = ON traced nothing"
expect_trace "S->C seq=1 len=7 OK affected_rows=0"  # the answer to the SET itself
expect_trace "C->S seq=0 len=[0-9]+ COM_QUERY sql='SELECT [\\]'traced[\\]''"
expect_trace "S->C seq=[0-9]+ len=[0-9]+ text row: 'traced'"
expect_trace "C->S seq=0 len=[0-9]+ COM_QUERY sql='SET SESSION trace_protocol = OFF'"
if grep -E -q "sql='SELECT .*before|sql='SELECT .*after|text row: '(before|after)'" "$MINISQLD_LOG"; then
  fail "statements outside the traced stretch were traced"
fi
# Other sessions are not traced; the setting is a boolean like any other.
sql -e "SELECT 'other session'" >/dev/null
grep -q "other session" "$MINISQLD_LOG" && fail "another session was traced"
sql -e "SET SESSION trace_protocol = 'maybe'" 2>"$E2E_TMP/err" && fail "trace_protocol took 'maybe'"
grep -q "ERROR 1231" "$E2E_TMP/err" || fail "trace_protocol = 'maybe': $(cat "$E2E_TMP/err")"
minisqld_stop
echo "trace_protocol: ok"
