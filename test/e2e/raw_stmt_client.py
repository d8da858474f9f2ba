#!/usr/bin/env python3
"""raw_stmt_client.py — prepared statements over the binary protocol, for the e2e tests.

Extends raw_client.Connection with COM_STMT_PREPARE / EXECUTE / CLOSE / RESET and a
decoder for binary result rows, written from the protocol documentation (Python
standard library only). The byte layouts it speaks:

  COM_STMT_PREPARE   0x16 | query string<EOF>
  PREPARE_OK         0x00 | statement_id int<4> | num_columns int<2> | num_params int<2> |
                     0x00 | warning_count int<2>, then num_params parameter definitions
                     (+EOF) and num_columns column definitions (+EOF)
  COM_STMT_EXECUTE   0x17 | statement_id int<4> | flags int<1> | iteration_count int<4> |
                     null_bitmap[(n+7)/8] | new_params_bound int<1> |
                     [type int<2> × n if new_params_bound] | value × (non-NULL params)
  binary row         0x00 | null_bitmap[(columns+9)/8] (bit i+2 = column i) | values
  COM_STMT_CLOSE     0x19 | statement_id int<4>        (no response)
  COM_STMT_RESET     0x1a | statement_id int<4>        → OK / ERR

Usage: raw_stmt_client.py --port PORT [--reference]   (prepared_statements_test.sh runs it)
Runs every check in order, prints one line per check, exits 1 on the first failure.
"""

import struct

from raw_client import (MYSQL_TYPE_DOUBLE, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG,
                        MYSQL_TYPE_VAR_STRING, CheckFailed, Connection, Reader, ServerError,
                        check, parse_err)

COM_STMT_PREPARE = 0x16
COM_STMT_EXECUTE = 0x17
COM_STMT_SEND_LONG_DATA = 0x18
COM_STMT_CLOSE = 0x19
COM_STMT_RESET = 0x1A
COM_STMT_FETCH = 0x1C

MYSQL_TYPE_TINY = 1
MYSQL_TYPE_SHORT = 2
MYSQL_TYPE_FLOAT = 4
MYSQL_TYPE_NULL = 6
MYSQL_TYPE_DATE = 10
MYSQL_TYPE_DATETIME = 12
MYSQL_TYPE_NEWDECIMAL = 246
MYSQL_TYPE_BLOB = 252


def encode_lenenc(data):
    n = len(data)
    if n < 0xFB:
        return bytes([n]) + data
    if n < 1 << 16:
        return b"\xfc" + struct.pack("<H", n) + data
    return b"\xfd" + struct.pack("<I", n)[:3] + data


def encode_param(type_code, value):
    """The binary encoding of one non-NULL parameter value."""
    if type_code == MYSQL_TYPE_TINY:
        return struct.pack("<b", value)
    if type_code == MYSQL_TYPE_SHORT:
        return struct.pack("<h", value)
    if type_code == MYSQL_TYPE_LONG:
        return struct.pack("<i", value)
    if type_code == MYSQL_TYPE_LONGLONG:
        return struct.pack("<q", value)
    if type_code == MYSQL_TYPE_FLOAT:
        return struct.pack("<f", value)
    if type_code == MYSQL_TYPE_DOUBLE:
        return struct.pack("<d", value)
    if type_code == MYSQL_TYPE_DATETIME:  # (year, month, day, hour, minute, second)
        return bytes([7]) + struct.pack("<HBBBBB", *value)
    return encode_lenenc(value if isinstance(value, bytes) else str(value).encode())


def encode_execute(statement_id, params, send_types=True, flags=0):
    """COM_STMT_EXECUTE arguments; params: [(type_code, value or None)]."""
    out = struct.pack("<IBI", statement_id, flags, 1)
    if not params:
        return out
    bitmap = bytearray((len(params) + 7) // 8)
    for i, (_, value) in enumerate(params):
        if value is None:
            bitmap[i // 8] |= 1 << (i % 8)
    out += bytes(bitmap) + bytes([1 if send_types else 0])
    if send_types:
        for type_code, _ in params:
            out += struct.pack("<BB", type_code, 0)
    for type_code, value in params:
        if value is not None:
            out += encode_param(type_code, value)
    return out


def decode_binary_value(r, column):
    t = column["type"]
    unsigned = column["flags"] & 32
    if t == MYSQL_TYPE_TINY:
        return struct.unpack("<B" if unsigned else "<b", r.take(1))[0]
    if t in (MYSQL_TYPE_SHORT, 13):  # SHORT, YEAR
        return struct.unpack("<H" if unsigned else "<h", r.take(2))[0]
    if t in (MYSQL_TYPE_LONG, 9):  # LONG, INT24
        return struct.unpack("<I" if unsigned else "<i", r.take(4))[0]
    if t == MYSQL_TYPE_LONGLONG:
        return struct.unpack("<Q" if unsigned else "<q", r.take(8))[0]
    if t == MYSQL_TYPE_FLOAT:
        return struct.unpack("<f", r.take(4))[0]
    if t == MYSQL_TYPE_DOUBLE:
        return struct.unpack("<d", r.take(8))[0]
    check(t not in (MYSQL_TYPE_NULL, 7, MYSQL_TYPE_DATE, 11, MYSQL_TYPE_DATETIME),
          "column type %d not decoded by this client" % t)
    return r.lenenc_str()


class StmtConnection(Connection):
    def read_until_eof(self):
        items = []
        while True:
            payload = self.read_packet()
            if self.is_eof(payload):
                return items
            items.append(payload)

    def prepare(self, sql):
        """Returns {"id", "params": [defs], "columns": [defs]}; raises ServerError."""
        self.command(COM_STMT_PREPARE, sql.encode())
        reply = self.read_packet()
        if reply[0] == 0xFF:
            raise parse_err(reply)
        check(reply[0] == 0x00 and len(reply) == 12, "bad PREPARE_OK %r" % reply)
        statement_id, num_columns, num_params = struct.unpack("<IHH", reply[1:9])
        stmt = {"id": statement_id, "params": [], "columns": []}
        if num_params:
            stmt["params"] = [self.read_column_definition(p) for p in self.read_until_eof()]
            check(len(stmt["params"]) == num_params, "parameter definition count")
        if num_columns:
            stmt["columns"] = [self.read_column_definition(p) for p in self.read_until_eof()]
            check(len(stmt["columns"]) == num_columns, "column definition count")
        return stmt

    def execute(self, statement_id, params, send_types=True, raw=None):
        """Returns the OK dict, or (columns, rows) with decoded binary rows."""
        self.command(COM_STMT_EXECUTE, raw if raw is not None else
                     encode_execute(statement_id, params, send_types))
        first = self.read_packet()
        if first[0] == 0xFF:
            raise parse_err(first)
        if first[0] == 0x00:
            r = Reader(first[1:])
            return {"affected_rows": r.lenenc_int(), "last_insert_id": r.lenenc_int()}
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
            check(r.int(1) == 0x00, "binary row header")
            bitmap = r.take((count + 9) // 8)
            row = []
            for i, column in enumerate(columns):
                if bitmap[(i + 2) // 8] & (1 << ((i + 2) % 8)):
                    row.append(None)
                else:
                    row.append(decode_binary_value(r, column))
            check(r.remaining() == 0, "trailing bytes in binary row")
            rows.append(row)
        return columns, rows

    def close_statement(self, statement_id):
        self.command(COM_STMT_CLOSE, struct.pack("<I", statement_id))

    def reset_statement(self, statement_id):
        self.command(COM_STMT_RESET, struct.pack("<I", statement_id))
        return self.read_ok()


def expect_server_error(action, code):
    try:
        action()
    except ServerError as e:
        check(e.code == code, "expected error %d, got %s" % (code, e))
        return e
    raise CheckFailed("expected error %d, but the command succeeded" % code)


def run_checks(port, reference=False):
    """The checks of prepared_statements_test.sh; raises CheckFailed on the first failure."""
    def step(name):
        print("ok  " + name, flush=True)

    conn = StmtConnection(port)
    conn.login()
    conn.query("CREATE DATABASE psdb")
    conn.query("USE psdb")
    conn.query("CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20), price DOUBLE)")

    insert = conn.prepare("INSERT INTO t VALUES (?, ?, ?)")
    check(len(insert["params"]) == 3 and not insert["columns"], "PREPARE_OK of the INSERT")
    check(all(p["name"] == "?" for p in insert["params"]), "parameter definitions are named ?")
    ok = conn.execute(insert["id"], [(MYSQL_TYPE_LONGLONG, 1), (MYSQL_TYPE_VAR_STRING, "one"),
                                     (MYSQL_TYPE_DOUBLE, 1.5)])
    check(ok["affected_rows"] == 1, "INSERT affected %r" % ok)
    # As mysql2 sends JavaScript numbers: DOUBLE 2.0 into the INT column.
    conn.execute(insert["id"], [(MYSQL_TYPE_DOUBLE, 2.0), (MYSQL_TYPE_NULL, None),
                                (MYSQL_TYPE_LONGLONG, 3)])
    # new_params_bound = 0: the types of the previous execution are reused.
    conn.execute(insert["id"], [(MYSQL_TYPE_DOUBLE, 3.0), (MYSQL_TYPE_NULL, None),
                                (MYSQL_TYPE_LONGLONG, 4)], send_types=False)
    step("prepared INSERT with LONGLONG, DOUBLE, VAR_STRING, NULL; types reused")

    select = conn.prepare("SELECT id, name, price FROM t WHERE id = ?")
    check([c["name"] for c in select["columns"]] == ["id", "name", "price"],
          "prepared SELECT columns %r" % select["columns"])
    columns, rows = conn.execute(select["id"], [(MYSQL_TYPE_LONGLONG, 1)])
    check([c["type"] for c in columns] == [MYSQL_TYPE_LONG, MYSQL_TYPE_VAR_STRING,
                                           MYSQL_TYPE_DOUBLE], "column types")
    check(rows == [[1, b"one", 1.5]], "row 1 decoded as %r" % rows)
    columns, rows = conn.execute(select["id"], [(MYSQL_TYPE_DOUBLE, 2.0)])
    check(rows == [[2, None, 3.0]], "row 2 decoded as %r" % rows)
    columns, rows = conn.execute(select["id"], [(MYSQL_TYPE_DOUBLE, 3.0)], send_types=False)
    check(rows == [[3, None, 4.0]], "row 3 (types reused) decoded as %r" % rows)
    columns, rows = conn.execute(select["id"], [(MYSQL_TYPE_VAR_STRING, "99")])
    check(rows == [], "no row expected, got %r" % rows)
    _, rows = conn.query("SELECT id, name, price FROM t ORDER BY id")
    check(rows == [[b"1", b"one", b"1.5"], [b"2", None, b"3"], [b"3", None, b"4"]],
          "table contents %r" % rows)
    step("prepared SELECT: binary rows with INT, VARCHAR, DOUBLE and NULL")

    expr = conn.prepare("SELECT ? AS a, ? + 1, CONCAT(?, '!')")
    columns, rows = conn.execute(expr["id"], [(MYSQL_TYPE_LONGLONG, -7), (MYSQL_TYPE_LONG, 41),
                                              (MYSQL_TYPE_VAR_STRING, "hi")])
    check(rows == [[-7, 42, b"hi!"]], "expressions over parameters: %r" % rows)
    step("parameters in the select list")

    # Errors, each followed by proof that the connection still works.
    def still_works():
        _, rows = conn.query("SELECT 1")
        check(rows == [[b"1"]], "connection unusable after an error")

    expect_server_error(lambda: conn.prepare("SELECT * FROM nosuch WHERE id = ?"), 1146)
    expect_server_error(lambda: conn.prepare("SELEC ?"), 1064)
    still_works()
    e = expect_server_error(lambda: conn.execute(4242, []), 1243)
    check(e.message == "Unknown prepared statement handler (4242) given to mysqld_stmt_execute",
          "1243 message %r" % e.message)
    still_works()
    header = struct.pack("<IBI", select["id"], 0, 1)
    for raw, code in ((b"\x01\x02", 1835),                           # truncated header
                      (header, 1210),                                # no parameter block
                      (header + b"\x00\x01\x08", 1835),              # truncated types
                      (header + b"\x00\x01\x08\x00\x01\x02", 1210),  # truncated value
                      (header + b"\x00\x01\xee\x00\x00", 1210)):     # unknown type
        expect_server_error(lambda: conn.execute(0, [], raw=raw), code)
        still_works()
    fresh = conn.prepare("SELECT ?")
    expect_server_error(lambda: conn.execute(fresh["id"], [(MYSQL_TYPE_LONGLONG, 1)],
                                             send_types=False), 1210)
    if not reference:  # cursors are not implemented: refused with 1235
        cursor = struct.pack("<IBI", select["id"], 1, 1) + b"\x00\x01\x08\x00" + b"\0" * 8
        expect_server_error(lambda: conn.execute(0, [], raw=cursor), 1235)
        conn.command(COM_STMT_FETCH, struct.pack("<II", select["id"], 10))
        expect_server_error(conn.read_ok, 1235)
        still_works()
    step("bad statement ids and parameter blocks -> ERR, connection still usable")

    # Long data: chunks appended per parameter, the parameter then absent from EXECUTE.
    def send_long_data(statement_id, param, data):
        conn.command(COM_STMT_SEND_LONG_DATA, struct.pack("<IH", statement_id, param) + data)
    send_long_data(fresh["id"], 0, b"ab\x00")
    send_long_data(fresh["id"], 0, b"\xffc")
    without_value = struct.pack("<IBI", fresh["id"], 0, 1) + b"\x00\x01\xfd\x00"
    _, rows = conn.execute(0, [], raw=without_value)
    check(rows == [[b"ab\x00\xffc"]], "long data in two chunks: %r" % rows)
    _, rows = conn.execute(fresh["id"], [(MYSQL_TYPE_VAR_STRING, "x")])
    check(rows == [[b"x"]], "long data lasts one execution: %r" % rows)
    send_long_data(fresh["id"], 3, b"abc")  # no parameter 3: the next EXECUTE says so
    expect_server_error(lambda: conn.execute(fresh["id"], [(MYSQL_TYPE_VAR_STRING, "x")]),
                        1210)
    send_long_data(fresh["id"], 0, b"dropped by COM_STMT_RESET")
    check(conn.reset_statement(fresh["id"])["affected_rows"] == 0, "COM_STMT_RESET")
    _, rows = conn.execute(fresh["id"], [(MYSQL_TYPE_VAR_STRING, "x")])
    check(rows == [[b"x"]], "long data dropped by COM_STMT_RESET: %r" % rows)
    conn.command(COM_STMT_RESET, struct.pack("<I", 4242))
    expect_server_error(conn.read_ok, 1243)
    step("COM_STMT_SEND_LONG_DATA (chunks, one execution, bad parameter), COM_STMT_RESET")

    conn.close_statement(select["id"])
    conn.close_statement(4242)  # unknown: still no response
    expect_server_error(lambda: conn.execute(select["id"], [(MYSQL_TYPE_LONGLONG, 1)]), 1243)
    # Many open statements, never closed (as mysql2 does).
    ids = [conn.prepare("SELECT ? + %d" % i)["id"] for i in range(200)]
    check(len(set(ids)) == 200, "statement ids are unique")
    _, rows = conn.execute(ids[150], [(MYSQL_TYPE_LONGLONG, 1)])
    check(rows == [[151]], "statement 150 of 200: %r" % rows)
    conn.command(0x0E)  # COM_PING
    conn.read_ok()
    step("COM_STMT_CLOSE (no response), 200 open statements")

    conn.query("DROP DATABASE psdb")
    conn.close()


def main():
    import argparse
    import sys
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--reference", action="store_true",
                        help="the server is MariaDB: skip checks of what minisql refuses")
    args = parser.parse_args()
    try:
        run_checks(args.port, args.reference)
    except (CheckFailed, ServerError, EOFError, OSError) as e:
        print("FAIL %s: %s" % (type(e).__name__, e), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
