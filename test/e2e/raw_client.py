#!/usr/bin/env python3
"""raw_client.py — a MySQL protocol client written from scratch, for the e2e tests.

The stock mysql client hides the wire: it never sends an unknown command or an
oversized packet, and it does not show column types. This client speaks the
protocol directly (Python standard library only) so protocol_errors_test.sh can
check minisqld at the packet level. Every packet on the wire is framed as

    +-------------------+----------+-----------------------+
    | payload length    | sequence | payload               |
    | 3 bytes, LE       | 1 byte   | `length` bytes        |
    +-------------------+----------+-----------------------+

Usage: raw_client.py --port PORT [--max-allowed-packet BYTES]
Runs every check in order, prints one line per check, exits 1 on the first failure.
"""

import argparse
import hashlib
import socket
import struct
import sys

# Capability flags (protocol documentation names).
CLIENT_LONG_PASSWORD = 0x1
CLIENT_CONNECT_WITH_DB = 0x8
CLIENT_PROTOCOL_41 = 0x200
CLIENT_SSL = 0x800
CLIENT_TRANSACTIONS = 0x2000
CLIENT_SECURE_CONNECTION = 0x8000
CLIENT_PLUGIN_AUTH = 0x80000

COM_QUIT = 0x01
COM_INIT_DB = 0x02
COM_QUERY = 0x03
COM_FIELD_LIST = 0x04
COM_STATISTICS = 0x09
COM_PING = 0x0E

# Column types used below.
MYSQL_TYPE_LONG = 3
MYSQL_TYPE_DOUBLE = 5
MYSQL_TYPE_LONGLONG = 8
MYSQL_TYPE_VAR_STRING = 253
MYSQL_TYPE_BLOB = 252
MYSQL_TYPE_NEWDECIMAL = 246


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def native_password(password, scramble):
    """mysql_native_password: SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw)))."""
    if not password:
        return b""
    stage1 = hashlib.sha1(password.encode()).digest()
    stage2 = hashlib.sha1(stage1).digest()
    mask = hashlib.sha1(scramble + stage2).digest()
    return bytes(a ^ b for a, b in zip(stage1, mask))


class Reader:
    """Decodes the protocol's integer and string encodings from one payload."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def remaining(self):
        return len(self.data) - self.pos

    def take(self, n):
        check(self.pos + n <= len(self.data), "payload too short")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def int(self, n):
        return int.from_bytes(self.take(n), "little")

    def null_terminated(self):
        end = self.data.index(b"\0", self.pos)
        out = self.data[self.pos:end]
        self.pos = end + 1
        return out

    def lenenc_int(self):
        first = self.int(1)
        if first < 0xFB:
            return first
        if first == 0xFC:
            return self.int(2)
        if first == 0xFD:
            return self.int(3)
        if first == 0xFE:
            return self.int(8)
        raise CheckFailed("invalid length-encoded integer 0x%02x" % first)

    def lenenc_str(self):
        """A length-encoded string, or None for the NULL marker 0xFB."""
        if self.data[self.pos] == 0xFB:
            self.pos += 1
            return None
        return self.take(self.lenenc_int())


class ServerError(Exception):
    def __init__(self, code, state, message):
        super().__init__("ERROR %d (%s): %s" % (code, state, message))
        self.code, self.state, self.message = code, state, message


def parse_err(payload):
    r = Reader(payload)
    check(r.int(1) == 0xFF, "not an ERR packet")
    code = r.int(2)
    check(r.take(1) == b"#", "ERR packet without SQLSTATE marker")
    state = r.take(5).decode()
    return ServerError(code, state, r.data[r.pos:].decode())


class Connection:
    def __init__(self, port, timeout=20):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.seq = 0
        self.buffer = b""

    def close(self):
        self.sock.close()

    def recv_exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed by the server")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def read_packet(self):
        header = self.recv_exact(4)
        length = int.from_bytes(header[:3], "little")
        check(header[3] == self.seq, "sequence id %d, expected %d" % (header[3], self.seq))
        self.seq = (self.seq + 1) % 256
        return self.recv_exact(length)

    def write_packet(self, payload):
        check(len(payload) < 0xFFFFFF, "payload needs splitting")
        self.sock.sendall(struct.pack("<I", len(payload))[:3] + bytes([self.seq]) + payload)
        self.seq = (self.seq + 1) % 256

    def command(self, code, argument=b""):
        self.seq = 0
        self.write_packet(bytes([code]) + argument)

    # --- connection phase -------------------------------------------------------
    def read_greeting(self):
        r = Reader(self.read_packet())
        greeting = {"protocol": r.int(1), "version": r.null_terminated().decode()}
        greeting["connection_id"] = r.int(4)
        scramble = r.take(8)
        r.take(1)  # filler
        caps = r.int(2)
        greeting["charset"] = r.int(1)
        greeting["status"] = r.int(2)
        caps |= r.int(2) << 16
        auth_data_length = r.int(1)
        r.take(10)  # reserved
        part2_length = max(13, auth_data_length - 8)
        scramble += r.take(part2_length)[:-1]  # part 2 ends with a NUL
        greeting["caps"] = caps
        greeting["scramble"] = scramble
        greeting["plugin"] = r.null_terminated().decode() if caps & CLIENT_PLUGIN_AUTH else ""
        return greeting

    def login(self, user="root", password="", database=None, charset=33):
        """Handshake + HandshakeResponse41; returns the greeting. Raises ServerError."""
        greeting = self.read_greeting()
        caps = (CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS
                | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH)
        if database is not None:
            caps |= CLIENT_CONNECT_WITH_DB
        auth = native_password(password, greeting["scramble"])
        payload = struct.pack("<IIB", caps, 1 << 24, charset) + b"\0" * 23
        payload += user.encode() + b"\0" + bytes([len(auth)]) + auth
        if database is not None:
            payload += database.encode() + b"\0"
        payload += b"mysql_native_password\0"
        self.write_packet(payload)
        reply = self.read_packet()
        if reply[0] == 0xFE:  # AuthSwitchRequest: plugin name, then new scramble
            r = Reader(reply[1:])
            plugin = r.null_terminated().decode()
            check(plugin == "mysql_native_password", "auth switch to " + plugin)
            self.write_packet(native_password(password, r.data[r.pos:].rstrip(b"\0")))
            reply = self.read_packet()
        if reply[0] == 0xFF:
            raise parse_err(reply)
        check(reply[0] == 0x00, "login answered with 0x%02x" % reply[0])
        return greeting

    # --- commands ---------------------------------------------------------------
    def read_ok(self):
        reply = self.read_packet()
        if reply[0] == 0xFF:
            raise parse_err(reply)
        check(reply[0] == 0x00, "expected OK, got 0x%02x" % reply[0])
        r = Reader(reply[1:])
        return {"affected_rows": r.lenenc_int(), "last_insert_id": r.lenenc_int()}

    def read_column_definition(self, payload):
        r = Reader(payload)
        check(r.lenenc_str() == b"def", "column definition catalog is not 'def'")
        column = {}
        for key in ("schema", "table", "org_table", "name", "org_name"):
            column[key] = r.lenenc_str().decode()
        check(r.lenenc_int() == 0x0C, "fixed-length fields length is not 12")
        column["charset"] = r.int(2)
        column["length"] = r.int(4)
        column["type"] = r.int(1)
        column["flags"] = r.int(2)
        column["decimals"] = r.int(1)
        return column

    def is_eof(self, payload):
        return payload[0] == 0xFE and len(payload) < 9

    def query(self, sql):
        """COM_QUERY; returns (columns, rows) for a result set or the OK dict."""
        self.command(COM_QUERY, sql.encode())
        first = self.read_packet()
        if first[0] == 0xFF:
            raise parse_err(first)
        if first[0] == 0x00:
            self.seq -= 1
            self.buffer = struct.pack("<I", len(first))[:3] + bytes([self.seq]) + first + \
                self.buffer
            return self.read_ok()
        count = Reader(first).lenenc_int()
        columns = [self.read_column_definition(self.read_packet()) for _ in range(count)]
        check(self.is_eof(self.read_packet()), "no EOF after column definitions")
        rows = []
        while True:
            payload = self.read_packet()
            if self.is_eof(payload):
                break
            if payload[0] == 0xFF:
                raise parse_err(payload)
            r = Reader(payload)
            rows.append([r.lenenc_str() for _ in range(count)])
        return columns, rows


def expect_error(action, code, state, message=None):
    try:
        action()
    except ServerError as e:
        check(e.code == code and e.state == state,
              "expected error %d (%s), got %s" % (code, state, e))
        if message is not None:
            check(e.message == message, "expected message %r, got %r" % (message, e.message))
        return
    raise CheckFailed("expected error %d, but the command succeeded" % code)


def run_checks(port, max_allowed_packet):
    def step(name):
        print("ok  " + name, flush=True)

    conn = Connection(port)
    greeting = conn.login()
    check(greeting["protocol"] == 10, "protocol version %d" % greeting["protocol"])
    check(len(greeting["scramble"]) == 20, "scramble of %d bytes" % len(greeting["scramble"]))
    check(greeting["plugin"] == "mysql_native_password", "plugin " + greeting["plugin"])
    for flag, name in ((CLIENT_PROTOCOL_41, "PROTOCOL_41"),
                       (CLIENT_SECURE_CONNECTION, "SECURE_CONNECTION"),
                       (CLIENT_PLUGIN_AUTH, "PLUGIN_AUTH")):
        check(greeting["caps"] & flag, "greeting lacks " + name)
    check(greeting["caps"] & CLIENT_SSL, "greeting does not announce SSL (TLS is on by default)")
    step("handshake v10 and native password login (server %s)" % greeting["version"])

    conn.command(COM_PING)
    conn.read_ok()
    step("COM_PING")

    columns, rows = conn.query("SELECT 1, 'a', NULL, 2.5e0")
    check([c["name"] for c in columns] == ["1", "a", "NULL", "2.5e0"],
          "column names %r" % [c["name"] for c in columns])
    check(columns[0]["type"] in (MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG),
          "type of 1: %d" % columns[0]["type"])
    check(columns[1]["type"] == MYSQL_TYPE_VAR_STRING, "type of 'a': %d" % columns[1]["type"])
    check(columns[3]["type"] == MYSQL_TYPE_DOUBLE, "type of 2.5e0: %d" % columns[3]["type"])
    check(rows == [[b"1", b"a", None, b"2.5"]], "rows %r" % rows)
    step("COM_QUERY result set: names, types, NULL")

    expect_error(lambda: conn.query("SELECT * FROM nosuch.t"), 1146, "42S02",
                 "Table 'nosuch.t' doesn't exist")
    conn.query("CREATE DATABASE rawdb")
    conn.command(COM_INIT_DB, b"rawdb")
    conn.read_ok()
    conn.query("CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(10), note TEXT)")
    ok = conn.query("INSERT INTO t VALUES (1, 'x', NULL), (2, NULL, 'y')")
    check(ok["affected_rows"] == 2, "INSERT affected %d rows" % ok["affected_rows"])
    columns, rows = conn.query("SELECT id, name, note FROM t ORDER BY id")
    check([c["type"] for c in columns] == [MYSQL_TYPE_LONG, MYSQL_TYPE_VAR_STRING,
                                           MYSQL_TYPE_BLOB],
          "column types %r" % [c["type"] for c in columns])
    check([c["org_table"] for c in columns] == ["t"] * 3, "org_table of columns")
    check(rows == [[b"1", b"x", None], [b"2", None, b"y"]], "rows %r" % rows)
    step("COM_INIT_DB, DDL, INSERT OK packet, table columns, error then recovery")

    conn.command(COM_FIELD_LIST, b"t\0")
    names = []
    while True:
        payload = conn.read_packet()
        if conn.is_eof(payload):
            break
        if payload[0] == 0xFF:
            raise parse_err(payload)
        names.append(conn.read_column_definition(payload)["name"])
    check(names == ["id", "name", "note"], "COM_FIELD_LIST columns %r" % names)
    step("COM_FIELD_LIST")

    conn.command(COM_STATISTICS)
    stats = conn.read_packet().decode()
    check(stats.startswith("Uptime: ") and "Threads: " in stats and "Questions: " in stats,
          "COM_STATISTICS answered %r" % stats)
    step("COM_STATISTICS: " + stats)

    conn.command(0xEE)
    expect_error(conn.read_ok, 1047, "08S01", "Unknown command")
    conn.command(COM_PING)
    conn.read_ok()
    step("unknown command 0xEE -> 1047, connection still usable")

    conn.query("DROP DATABASE rawdb")
    conn.command(COM_QUIT)
    check(conn.sock.recv(1) == b"", "connection still open after COM_QUIT")
    conn.close()
    step("COM_QUIT closes the connection")

    conn = Connection(port)
    try:
        conn.login(password="wrong")
        raise CheckFailed("login with a wrong password succeeded")
    except ServerError as e:
        check((e.code, e.state) == (1045, "28000"), "wrong password: %s" % e)
        check(e.message == "Access denied for user 'root'@'localhost' (using password: YES)",
              "wrong password message %r" % e.message)
    conn.close()
    step("wrong password -> 1045")

    conn = Connection(port)
    expect_error(lambda: conn.login(database="nosuch"), 1049, "42000",
                 "Unknown database 'nosuch'")
    conn.close()
    step("unknown database at connect -> 1049")

    conn = Connection(port)
    conn.login()
    # Only the header and the start of the body are sent: the server must refuse on the
    # length alone, without buffering the packet (sending it all would also make the
    # server's close reset the connection and lose the ERR packet).
    too_long = max_allowed_packet + 1000
    check(too_long < 0xFFFFFF, "--max-allowed-packet must be below 16 MiB for this check")
    conn.sock.sendall(struct.pack("<I", too_long)[:3] + b"\0" + bytes([COM_QUERY]) + b"x" * 999)
    conn.seq = 1
    expect_error(conn.read_ok, 1153, "08S01",
                 "Got a packet bigger than 'max_allowed_packet' bytes")
    conn.close()
    step("packet bigger than max_allowed_packet -> 1153")

    conn = Connection(port)
    conn.login()
    conn.command(COM_PING)
    conn.read_ok()
    conn.close()
    step("server still accepts connections")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--max-allowed-packet", type=int, default=1 << 20)
    args = parser.parse_args()
    try:
        run_checks(args.port, args.max_allowed_packet)
    except (CheckFailed, ServerError, EOFError, OSError) as e:
        print("FAIL %s: %s" % (type(e).__name__, e), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
