#!/usr/bin/env python3
"""Raw-protocol checks of multi-statements, COM_SET_OPTION, COM_RESET_CONNECTION and
COM_CHANGE_USER (with an AuthSwitchRequest to caching_sha2_password's fast path).

Usage: multi_statement_client.py --port N   (the server must have users 'nat'@'%'
(mysql_native_password, password 'natpw') and 'sha'@'%' (caching_sha2_password,
password 'shapw') that has logged in once, so its fast path is cached)."""
import argparse
import hashlib
import struct
import sys

from raw_client import (CLIENT_LONG_PASSWORD, CLIENT_PLUGIN_AUTH, CLIENT_PROTOCOL_41,
                        CLIENT_SECURE_CONNECTION, CLIENT_TRANSACTIONS, COM_PING, COM_QUERY,
                        CheckFailed, Connection, Reader, ServerError, check, native_password,
                        parse_err)

CLIENT_MULTI_STATEMENTS = 0x10000
CLIENT_MULTI_RESULTS = 0x20000
COM_CHANGE_USER = 0x11
COM_SET_OPTION = 0x1B
COM_RESET_CONNECTION = 0x1F
SERVER_MORE_RESULTS_EXISTS = 0x08


def sha2_token(password, scramble):
    stage1 = hashlib.sha256(password.encode()).digest()
    stage2 = hashlib.sha256(stage1).digest()
    mask = hashlib.sha256(stage2 + scramble).digest()
    return bytes(a ^ b for a, b in zip(stage1, mask))


def login(port, multi):
    conn = Connection(port)
    greeting = conn.read_greeting()
    caps = (CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS
            | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | CLIENT_MULTI_RESULTS)
    if multi:
        caps |= CLIENT_MULTI_STATEMENTS
    payload = struct.pack("<IIB", caps, 1 << 24, 33) + b"\0" * 23 + b"root\0\0"
    conn.write_packet(payload + b"mysql_native_password\0")
    check(conn.read_packet()[0] == 0, "root login failed")
    conn.scramble = greeting["scramble"]
    return conn


def read_result(conn):
    """One result of a COM_QUERY: ('ok', status) or ('rows', rows, status); raises ServerError."""
    first = conn.read_packet()
    if first[0] == 0xFF:
        raise parse_err(first)
    if first[0] == 0x00:
        r = Reader(first[1:])
        r.lenenc_int()
        r.lenenc_int()
        return ("ok", r.int(2))
    count = Reader(first).lenenc_int()
    for _ in range(count + 1):  # column definitions + EOF
        conn.read_packet()
    rows = []
    while True:
        payload = conn.read_packet()
        if payload[0] == 0xFE and len(payload) < 9:
            return ("rows", rows, struct.unpack("<H", payload[3:5])[0])
        r = Reader(payload)
        rows.append([None if r.data[r.pos] == 0xFB and r.take(1) else r.lenenc_str()
                     for _ in range(count)])


def query_all(conn, sql):
    """All results of one COM_QUERY, following SERVER_MORE_RESULTS_EXISTS."""
    conn.command(COM_QUERY, sql.encode())
    results = []
    while True:
        result = read_result(conn)
        results.append(result)
        if not result[-1] & SERVER_MORE_RESULTS_EXISTS:
            return results  # (the sequence id simply continues across results)


def expect_server_error(action, code):
    try:
        action()
    except ServerError as e:
        check(e.code == code, "expected error %d, got %d %s" % (code, e.code, e))
        return
    raise CheckFailed("expected error %d" % code)


def change_user(conn, user, token, plugin):
    conn.command(COM_CHANGE_USER, user.encode() + b"\0" + bytes([len(token)]) + token +
                 b"\0" + struct.pack("<H", 33) + plugin.encode() + b"\0")
    return conn.read_packet()


def run(port):
    conn = login(port, multi=True)
    results = query_all(conn, "SELECT 1; SELECT 'a;b' /* ; */ ; SET @v = 7; SELECT @v")
    check([r[0] for r in results] == ["rows", "rows", "ok", "rows"], "kinds %s" % results)
    check(results[1][1] == [[b"a;b"]], "second result %s" % (results[1],))
    check(results[3][1] == [[b"7"]], "@v is %s" % (results[3],))
    check(all(r[-1] & SERVER_MORE_RESULTS_EXISTS for r in results[:-1]), "missing MORE_RESULTS")
    check(not results[-1][-1] & SERVER_MORE_RESULTS_EXISTS, "MORE_RESULTS on the last result")
    check(len(query_all(conn, "SELECT 1;  -- trailing\n")) == 1, "trailing ';' is no statement")
    print("ok  multi-statement results and SERVER_MORE_RESULTS_EXISTS")

    conn.command(COM_QUERY, b"SELECT 1; SELECT nosuch; SELECT 3")
    first = read_result(conn)
    check(first[0] == "rows" and first[-1] & SERVER_MORE_RESULTS_EXISTS, "first of failing batch")
    expect_server_error(lambda: read_result(conn), 1054)
    conn.command(COM_PING)
    check(conn.read_packet()[0] == 0, "ping after a failed batch")
    print("ok  an error stops the batch; the connection stays usable")

    conn.command(COM_SET_OPTION, struct.pack("<H", 1))  # multi-statements off
    check(conn.read_packet()[0] == 0xFE, "COM_SET_OPTION answers EOF")
    expect_server_error(lambda: query_all(conn, "SELECT 1; SELECT 2"), 1064)
    conn.command(COM_SET_OPTION, struct.pack("<H", 0))  # on again
    conn.read_packet()
    check(len(query_all(conn, "SELECT 1; SELECT 2")) == 2, "multi-statements back on")
    conn.command(COM_SET_OPTION, struct.pack("<H", 9))
    expect_server_error(lambda: parse_err_or_ok(conn), 1047)
    single = login(port, multi=False)
    expect_server_error(lambda: query_all(single, "SELECT 1; SELECT 2"), 1064)
    print("ok  COM_SET_OPTION; without CLIENT_MULTI_STATEMENTS a batch is a syntax error")

    query_all(conn, "CREATE DATABASE IF NOT EXISTS msdb; USE msdb; SET @kept = 1")
    conn.command(COM_RESET_CONNECTION)
    check(conn.read_packet()[0] == 0, "COM_RESET_CONNECTION answers OK")
    result = query_all(conn, "SELECT @kept, DATABASE()")[0]
    check(result[1] == [[None, b"msdb"]], "after reset: %s" % (result,))
    print("ok  COM_RESET_CONNECTION clears user variables, keeps the database")

    reply = change_user(conn, "nat", native_password("natpw", conn.scramble),
                        "mysql_native_password")
    check(reply[0] == 0, "change user to nat: 0x%02x" % reply[0])
    result = query_all(conn, "SELECT CURRENT_USER(), @kept")[0]
    check(result[1][0][1] is None, "user variables survive COM_CHANGE_USER")
    # Native token first; the account is caching_sha2, so the server switches plugins.
    reply = change_user(conn, "sha", native_password("shapw", conn.scramble),
                        "mysql_native_password")
    check(reply[0] == 0xFE, "expected AuthSwitchRequest, got 0x%02x" % reply[0])
    r = Reader(reply[1:])
    check(r.null_terminated() == b"caching_sha2_password", "switch target")
    conn.write_packet(sha2_token("shapw", r.data[r.pos:].rstrip(b"\0")))
    check(conn.read_packet() == b"\x01\x03", "fast auth success")
    check(conn.read_packet()[0] == 0, "OK after the fast path")
    check(query_all(conn, "SELECT 5")[0][1] == [[b"5"]], "query as sha")
    reply = change_user(conn, "nat", native_password("wrong", conn.scramble),
                        "mysql_native_password")
    check(reply[0] == 0xFF and struct.unpack("<H", reply[1:3])[0] == 1045, "wrong password")
    try:
        conn.command(COM_PING)
        check(conn.read_packet() is None, "connection still open after failed change user")
    except (EOFError, ConnectionResetError, BrokenPipeError):
        pass
    print("ok  COM_CHANGE_USER: native, switch to caching_sha2 fast path, 1045 closes")


def parse_err_or_ok(conn):
    payload = conn.read_packet()
    if payload[0] == 0xFF:
        raise parse_err(payload)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    try:
        run(args.port)
    except (CheckFailed, ServerError, EOFError, OSError) as e:
        print("FAIL %s: %s" % (type(e).__name__, e), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
