#!/usr/bin/env python3
"""kill_client.py — KILL at the protocol level, for kill_test.sh.

Uses raw_client.Connection (standard library only). Checks, in order:
  1. COM_PROCESS_KILL (0x0c, int<4> id) on an idle connection answers OK, and the
     killed connection is closed by the server (its socket reaches EOF).
  2. KILL CONNECTION of a session with an open transaction rolls the transaction back:
     its row becomes visible to nobody and its row lock is free again.
  3. A user without SUPER may not kill root's session (1095) but may kill its own.
Usage: kill_client.py --port PORT
"""

import argparse
import socket
import struct
import sys
import time

from raw_client import CheckFailed, Connection, ServerError, check

COM_PROCESS_KILL = 0x0C


def connect(port, user="root", password=""):
    conn = Connection(port)
    greeting = conn.login(user, password)
    return conn, greeting["connection_id"]


def expect_closed(conn, what):
    """The server must close `conn` within a few seconds (EOF or reset)."""
    conn.sock.settimeout(5)
    try:
        data = conn.sock.recv(1)
    except (ConnectionResetError, socket.timeout) as error:
        check(not isinstance(error, socket.timeout), what + ": still open after 5 s")
        return
    check(data == b"", what + ": server sent data instead of closing")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port

    # 1. COM_PROCESS_KILL of an idle connection.
    victim, victim_id = connect(port)
    killer, _ = connect(port)
    killer.command(COM_PROCESS_KILL, struct.pack("<I", victim_id))
    killer.read_ok()
    expect_closed(victim, "COM_PROCESS_KILL victim")
    try:
        killer.command(COM_PROCESS_KILL, struct.pack("<I", victim_id))
        killer.read_ok()
        check(False, "killing a closed connection succeeded")
    except ServerError as error:
        check(error.code == 1094, "second kill: %d %s" % (error.code, error.message))
    print("ok: COM_PROCESS_KILL closes an idle connection; then 1094")

    # 2. KILL CONNECTION rolls back the victim's open transaction.
    killer.query("CREATE DATABASE k")
    killer.query("CREATE TABLE k.t (id INT PRIMARY KEY)")
    victim, victim_id = connect(port)
    victim.query("BEGIN")
    victim.query("INSERT INTO k.t VALUES (1)")
    killer.query("KILL CONNECTION %d" % victim_id)
    expect_closed(victim, "KILL CONNECTION victim")
    # The row lock is released: this insert must not wait (or fail with a duplicate).
    start = time.monotonic()
    killer.query("INSERT INTO k.t VALUES (1)")
    check(time.monotonic() - start < 5, "insert waited for the killed transaction's lock")
    _, rows = killer.query("SELECT COUNT(*) FROM k.t")
    check(rows == [[b"1"]], "rows after kill: %r" % rows)
    print("ok: KILL CONNECTION rolls the victim's transaction back")

    # 3. Privileges.
    killer.query("CREATE USER 'app'@'%' IDENTIFIED WITH mysql_native_password BY 'pw'")
    app, app_id = connect(port, "app", "pw")
    _, rows = killer.query("SELECT CONNECTION_ID()")
    killer_id = int(rows[0][0])
    try:
        app.query("KILL QUERY %d" % killer_id)
        check(False, "app killed root's query")
    except ServerError as error:
        check(error.code == 1095 and error.message == "You are not owner of thread %d" % killer_id,
              "app kill: %d %s" % (error.code, error.message))
    app2, app2_id = connect(port, "app", "pw")
    app.query("KILL %d" % app2_id)
    expect_closed(app2, "app's own second session")
    _, rows = app.query("SHOW PROCESSLIST")
    check([int(r[0]) for r in rows] == [app_id], "app sees %r" % rows)
    print("ok: 1095 for another user's thread; own threads may be killed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (CheckFailed, ServerError, EOFError, OSError) as error:
        print("FAIL:", error)
        sys.exit(1)
