#!/usr/bin/env bash
# auth_connect_timeout_test.sh — --connect-timeout: a client that does not finish logging
# in within the limit is disconnected (silent after the greeting, or stalled in the
# middle of a TLS handshake); a logged-in connection may stay idle much longer.
source "$(dirname "$0")/lib.sh"
skip_on_reference "minisqld's --connect-timeout"
minisqld_start "" --connect-timeout=1

python3 - "$MYSQL_PORT" <<'PY' || fail "connect-timeout checks failed"
import socket, struct, sys, time
port = int(sys.argv[1])

def closed_within(sock, seconds):
    sock.settimeout(seconds)
    start = time.time()
    try:
        while sock.recv(4096):
            pass
    except socket.timeout:
        return None
    except ConnectionResetError:
        pass
    return time.time() - start

silent = socket.create_connection(("127.0.0.1", port))
silent.recv(4096)  # the greeting
elapsed = closed_within(silent, 5)
assert elapsed is not None, "silent client not disconnected within 5 s"
# Half a TLS handshake: SSLRequest, then nothing.
stalled = socket.create_connection(("127.0.0.1", port))
stalled.recv(4096)
payload = struct.pack("<IIB", 0x200 | 0x800 | 0x8000, 1 << 24, 45) + b"\0" * 23
stalled.sendall(struct.pack("<I", len(payload))[:3] + b"\x01" + payload)
assert closed_within(stalled, 5) is not None, "stalled TLS client not disconnected"
print("ok  unauthenticated connections closed after --connect-timeout")
PY

# A logged-in client idle for longer than the timeout keeps its connection.
python3 - "$MYSQL_PORT" "$E2E_DIR" <<'PY' || fail "idle logged-in connection was closed"
import sys, time
sys.path.insert(0, sys.argv[2])
from raw_client import Connection, COM_PING
conn = Connection(int(sys.argv[1]))
conn.login()
time.sleep(2.5)
conn.command(COM_PING)
assert conn.read_ok() is not None
print("ok  a logged-in connection outlives --connect-timeout")
PY
expect_eq "server still serves" "1" "$(sql -N -e 'SELECT 1')"
