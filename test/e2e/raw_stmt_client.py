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

  COM_STMT_SEND_LONG_DATA 0x18 | statement_id int<4> | param_id int<2> | data  (no response)
  COM_STMT_FETCH     0x1c | statement_id int<4> | num_rows int<4>  → rows + EOF
                     (an EXECUTE with flags = CURSOR_TYPE_READ_ONLY answers columns + EOF
                     with SERVER_STATUS_CURSOR_EXISTS; the last FETCH's EOF has
                     SERVER_STATUS_LAST_ROW_SENT)

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
CURSOR_TYPE_READ_ONLY = 0x01
SERVER_STATUS_CURSOR_EXISTS = 0x0040
SERVER_STATUS_LAST_ROW_SENT = 0x0080

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


# Value of a parameter whose data went ahead with COM_STMT_SEND_LONG_DATA: the
# EXECUTE packet carries its type but no value.
LONG_DATA = object()


def encode_execute(statement_id, params, send_types=True, flags=0):
    """COM_STMT_EXECUTE arguments; params: [(type_code, value or None or LONG_DATA)]."""
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
        if value is not None and value is not LONG_DATA:
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

    def read_binary_row(self, payload, columns):
        r = Reader(payload)
        check(r.int(1) == 0x00, "binary row header")
        bitmap = r.take((len(columns) + 9) // 8)
        row = []
        for i, column in enumerate(columns):
            if bitmap[(i + 2) // 8] & (1 << ((i + 2) % 8)):
                row.append(None)
            else:
                row.append(decode_binary_value(r, column))
        check(r.remaining() == 0, "trailing bytes in binary row")
        return row

    def execute_cursor(self, statement_id, params):
        """EXECUTE with CURSOR_TYPE_READ_ONLY: returns (columns, status of the EOF after
        them), or the OK dict when the statement returned no rows."""
        self.command(COM_STMT_EXECUTE, encode_execute(statement_id, params,
                                                      flags=CURSOR_TYPE_READ_ONLY))
        first = self.read_packet()
        if first[0] == 0xFF:
            raise parse_err(first)
        if first[0] == 0x00:
            r = Reader(first[1:])
            return {"affected_rows": r.lenenc_int(), "last_insert_id": r.lenenc_int()}
        count = Reader(first).lenenc_int()
        columns = [self.read_column_definition(self.read_packet()) for _ in range(count)]
        eof = self.read_packet()
        check(self.is_eof(eof), "no EOF after the cursor's column definitions")
        return columns, struct.unpack("<H", eof[3:5])[0]

    def fetch(self, statement_id, num_rows, columns):
        """COM_STMT_FETCH: returns (rows, status flags of the closing EOF)."""
        self.command(COM_STMT_FETCH, struct.pack("<II", statement_id, num_rows))
        rows = []
        while True:
            payload = self.read_packet()
            if payload[0] == 0xFF:
                raise parse_err(payload)
            if self.is_eof(payload):
                return rows, struct.unpack("<H", payload[3:5])[0]
            rows.append(self.read_binary_row(payload, columns))

    def send_long_data(self, statement_id, param_id, data):
        """COM_STMT_SEND_LONG_DATA: no response."""
        self.command(COM_STMT_SEND_LONG_DATA, struct.pack("<IH", statement_id, param_id) + data)

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


def check_long_data(conn, select_param):
    """COM_STMT_SEND_LONG_DATA against `SELECT ?` (select_param) and an INSERT."""
    sid = select_param["id"]
    # Chunks add up; the EXECUTE packet carries no value for the parameter.
    conn.send_long_data(sid, 0, b"abc")
    conn.send_long_data(sid, 0, b"def")
    _, rows = conn.execute(sid, [(MYSQL_TYPE_VAR_STRING, LONG_DATA)])
    check(rows == [[b"abcdef"]], "long data in two chunks: %r" % rows)
    # Used by one execution only.
    _, rows = conn.execute(sid, [(MYSQL_TYPE_VAR_STRING, "x")])
    check(rows == [[b"x"]], "the execution after long data: %r" % rows)
    # COM_STMT_RESET drops long data not yet used.
    conn.send_long_data(sid, 0, b"dropped")
    conn.reset_statement(sid)
    _, rows = conn.execute(sid, [(MYSQL_TYPE_VAR_STRING, "y")])
    check(rows == [[b"y"]], "long data survived COM_STMT_RESET: %r" % rows)
    # A parameter index out of range: EXECUTE answers 1210 until the reset.
    conn.send_long_data(sid, 7, b"abc")
    expect_server_error(lambda: conn.execute(sid, [(MYSQL_TYPE_VAR_STRING, "z")]), 1210)
    conn.reset_statement(sid)
    _, rows = conn.execute(sid, [(MYSQL_TYPE_VAR_STRING, "z")])
    check(rows == [[b"z"]], "execution after the reset: %r" % rows)
    # 200 KB in four chunks into a LONGBLOB.
    conn.query("CREATE TABLE blobs (id INT PRIMARY KEY, b LONGBLOB)")
    insert = conn.prepare("INSERT INTO blobs VALUES (?, ?)")
    for chunk in (b"x" * 50000, b"y" * 50000, b"z" * 50000, b"w" * 50000):
        conn.send_long_data(insert["id"], 1, chunk)
    ok = conn.execute(insert["id"], [(MYSQL_TYPE_LONGLONG, 1), (MYSQL_TYPE_BLOB, LONG_DATA)])
    check(ok["affected_rows"] == 1, "INSERT with long data: %r" % ok)
    _, rows = conn.query("SELECT LENGTH(b), LEFT(b, 2), RIGHT(b, 2) FROM blobs")
    check(rows == [[b"200000", b"xx", b"ww"]], "the long blob: %r" % rows)
    conn.close_statement(insert["id"])


def check_cursors(conn, still_works):
    """EXECUTE with CURSOR_TYPE_READ_ONLY and COM_STMT_FETCH over t (ids 1, 2, 3)."""
    stmt = conn.prepare("SELECT id FROM t WHERE id >= ? ORDER BY id")
    sid = stmt["id"]
    columns, status = conn.execute_cursor(sid, [(MYSQL_TYPE_LONGLONG, 1)])
    check(status & SERVER_STATUS_CURSOR_EXISTS, "EXECUTE status 0x%x: no cursor" % status)
    rows, status = conn.fetch(sid, 2, columns)
    check(rows == [[1], [2]], "first FETCH of 2: %r" % rows)
    check(status & SERVER_STATUS_CURSOR_EXISTS and not status & SERVER_STATUS_LAST_ROW_SENT,
          "status after the first FETCH: 0x%x" % status)
    rows, status = conn.fetch(sid, 2, columns)
    check(rows == [[3]], "second FETCH of 2: %r" % rows)
    check(status & SERVER_STATUS_LAST_ROW_SENT, "no LAST_ROW_SENT at the end: 0x%x" % status)
    # The last row closed the cursor.
    expect_server_error(lambda: conn.fetch(sid, 1, columns), 1421)
    # Re-executing closes the old cursor and opens a new one, from its first row.
    columns, _ = conn.execute_cursor(sid, [(MYSQL_TYPE_LONGLONG, 1)])
    check(conn.fetch(sid, 1, columns)[0] == [[1]], "FETCH 1 of the first cursor")
    columns, _ = conn.execute_cursor(sid, [(MYSQL_TYPE_LONGLONG, 2)])
    rows, _ = conn.fetch(sid, 5, columns)
    check(rows == [[2], [3]], "the re-executed cursor: %r" % rows)
    # COM_STMT_RESET closes it.
    columns, _ = conn.execute_cursor(sid, [(MYSQL_TYPE_LONGLONG, 1)])
    conn.reset_statement(sid)
    expect_server_error(lambda: conn.fetch(sid, 1, columns), 1421)
    # No rows: the cursor opens and the first FETCH ends it.
    columns, status = conn.execute_cursor(sid, [(MYSQL_TYPE_LONGLONG, 99)])
    rows, status = conn.fetch(sid, 5, columns)
    check(rows == [] and status & SERVER_STATUS_LAST_ROW_SENT, "empty cursor: %r" % rows)
    # Other queries run while a cursor is open.
    columns, _ = conn.execute_cursor(sid, [(MYSQL_TYPE_LONGLONG, 1)])
    still_works()
    check(conn.fetch(sid, 1, columns)[0] == [[1]], "FETCH after another query")
    # COM_STMT_CLOSE closes it with the statement.
    conn.close_statement(sid)
    expect_server_error(lambda: conn.fetch(sid, 1, columns), 1243)
    # A statement without rows opens no cursor: a plain OK.
    insert = conn.prepare("INSERT INTO t (id) VALUES (?)")
    ok = conn.execute_cursor(insert["id"], [(MYSQL_TYPE_LONGLONG, 50)])
    check(ok == {"affected_rows": 1, "last_insert_id": 0}, "INSERT with the cursor flag: %r" % ok)
    conn.query("DELETE FROM t WHERE id = 50")
    conn.close_statement(insert["id"])
    still_works()


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
    conn.command(COM_STMT_FETCH, struct.pack("<II", 4242, 10))
    expect_server_error(conn.read_ok, 1243)
    conn.command(COM_STMT_FETCH, struct.pack("<II", select["id"], 10))  # no cursor open
    expect_server_error(conn.read_ok, 1421)
    still_works()
    step("bad statement ids and parameter blocks -> ERR, connection still usable")

    check_long_data(conn, fresh)
    check(conn.reset_statement(fresh["id"])["affected_rows"] == 0, "COM_STMT_RESET")
    _, rows = conn.execute(fresh["id"], [(MYSQL_TYPE_VAR_STRING, "x")])
    check(rows == [[b"x"]], "long data dropped by COM_STMT_RESET: %r" % rows)
    conn.command(COM_STMT_RESET, struct.pack("<I", 4242))
    expect_server_error(conn.read_ok, 1243)
    step("COM_STMT_SEND_LONG_DATA: accumulated, used once, cleared by RESET; COM_STMT_RESET")

    check_cursors(conn, still_works)
    step("cursors: EXECUTE opens, FETCH n at a time, LAST_ROW_SENT; closed by reset/re-execute")

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

    # max_prepared_stmt_count = 0: nothing more can be prepared, by either protocol;
    # statements already open still run.
    conn.query("SET GLOBAL max_prepared_stmt_count = 0")
    try:
        expect_server_error(lambda: conn.prepare("SELECT 1"), 1461)
        expect_server_error(lambda: conn.query("PREPARE p FROM 'SELECT 1'"), 1461)
        _, rows = conn.execute(ids[7], [(MYSQL_TYPE_LONGLONG, 1)])
        check(rows == [[8]], "an open statement under the limit 0: %r" % rows)
    finally:
        conn.query("SET GLOBAL max_prepared_stmt_count = 16382")
    conn.prepare("SELECT 1")
    step("max_prepared_stmt_count: 1461 for COM_STMT_PREPARE and PREPARE")

    conn.query("DROP DATABASE psdb")
    conn.close()


def main():
    import argparse
    import sys
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--reference", action="store_true",
                        help="the server is MariaDB (every check applies to both today)")
    args = parser.parse_args()
    try:
        run_checks(args.port, args.reference)
    except (CheckFailed, ServerError, EOFError, OSError) as e:
        print("FAIL %s: %s" % (type(e).__name__, e), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
