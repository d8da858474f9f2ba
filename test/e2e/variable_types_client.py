#!/usr/bin/env python3
"""variable_types_client.py — the wire types of @user and @@system variables.

MySQL types `SELECT @v` by the value @v holds when the statement starts and `SELECT @@x`
by the variable's definition; drivers convert by those types. Checked here:
  * text protocol, through PyMySQL: @a = 1 comes back as the int 1, 1.5 as a Decimal,
    1e0 as a float, 'x' as str, NULL as None, @@max_allowed_packet as an int,
    @@version as str; and the column types / UNSIGNED flag behind them;
  * binary protocol, with raw_stmt_client: COM_STMT_PREPARE already reports the types,
    and the binary row carries an 8-byte integer, an 8-byte double, decimal text;
  * an assignment inside the statement does not change the column's type: the value
    is converted (`SELECT @x, @x := 'abc', @x` ends with the integer 0).

Usage: variable_types_client.py --port PORT   (variable_types_test.sh runs it)
Exits 1 on the first failed check.
"""

import argparse
import decimal
import sys

try:
    import pymysql  # Debian's python3-pymysql (/usr/bin/python3)
except ImportError:
    pymysql = None

from raw_client import (MYSQL_TYPE_BLOB, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_LONGLONG,
                        MYSQL_TYPE_NEWDECIMAL, MYSQL_TYPE_VAR_STRING, CheckFailed, ServerError,
                        check)
from raw_stmt_client import StmtConnection

UNSIGNED_FLAG = 0x20
BINARY_CHARSET = 63
SETUP = "SET @a = 1, @b = 1.5, @c = 'x', @d = NULL, @e = 1e0"
SELECT = "SELECT @a, @b, @c, @d, @e, @@max_allowed_packet, @@autocommit, @@version"
MYSQL_TYPE_LONG_BLOB = 251
# The string cases: minisql sends BLOB, MySQL and MariaDB LONG_BLOB (variable_reader.h);
# drivers treat both alike, so either passes (the script also runs against MariaDB).
STRING = (MYSQL_TYPE_BLOB, MYSQL_TYPE_LONG_BLOB)
#               @a                     @b                     @c      @d
EXPECTED_TYPES = [(MYSQL_TYPE_LONGLONG,), (MYSQL_TYPE_NEWDECIMAL,), STRING, STRING,
                  # @e                 @@max_allowed_packet    @@autocommit
                  (MYSQL_TYPE_DOUBLE,), (MYSQL_TYPE_LONGLONG,), (MYSQL_TYPE_LONGLONG,),
                  # @@version
                  (MYSQL_TYPE_VAR_STRING,)]


def types_match(types):
    return len(types) == len(EXPECTED_TYPES) and all(
        t in allowed for t, allowed in zip(types, EXPECTED_TYPES))


def check_text_protocol(port, step):
    conn = pymysql.connect(host="127.0.0.1", port=port, user="root", password="",
                           autocommit=True)
    cur = conn.cursor()
    cur.execute(SETUP)
    cur.execute(SELECT)
    row = cur.fetchone()
    fields = cur._result.fields  # pymysql's ColumnDefinition41 (type_code, flags, charsetnr)
    types = [f.type_code for f in fields]
    check(types_match(types), "text protocol column types %r" % types)
    check(fields[5].flags & UNSIGNED_FLAG, "@@max_allowed_packet is not UNSIGNED")
    check(not fields[0].flags & UNSIGNED_FLAG, "@a is UNSIGNED")
    check(fields[6].length == 1, "@@autocommit length %d" % fields[6].length)
    check(fields[2].charsetnr != BINARY_CHARSET, "@c has the binary charset")
    check(fields[3].charsetnr == BINARY_CHARSET, "NULL @d is not binary")
    a, b, c, d, e, packet, autocommit, version = row
    check(a == 1 and type(a) is int, "@a via PyMySQL: %r" % (a,))
    check(b == decimal.Decimal("1.5"), "@b via PyMySQL: %r" % (b,))
    check(type(e) is float and e == 1.0, "@e via PyMySQL: %r" % (e,))
    check(c == "x" and d is None, "@c, @d via PyMySQL: %r %r" % (c, d))
    check(type(packet) is int and packet > 0, "@@max_allowed_packet: %r" % (packet,))
    check(autocommit == 1 and type(autocommit) is int, "@@autocommit: %r" % (autocommit,))
    check(type(version) is str and version, "@@version: %r" % (version,))
    step("text protocol: PyMySQL gets int/Decimal/str/None/float, sysvars int and str")

    cur.execute("SELECT @a + 1, @b * 2, @a / 4")
    plus, times, divided = cur.fetchone()
    types = [f.type_code for f in cur._result.fields]
    check(types == [MYSQL_TYPE_LONGLONG, MYSQL_TYPE_NEWDECIMAL, MYSQL_TYPE_NEWDECIMAL],
          "arithmetic types %r" % types)
    check(plus == 2 and times == decimal.Decimal("3.0") and divided == decimal.Decimal("0.25"),
          "arithmetic values %r %r %r" % (plus, times, divided))
    step("text protocol: arithmetic on variables keeps integer and decimal types")

    cur.execute("SET @x = 1")
    cur.execute("SELECT @x, @x := 'abc', @x")
    row = cur.fetchone()
    check(row == (1, "abc", 0), "reassigned in the statement: %r" % (row,))
    check(cur._result.fields[2].type_code == MYSQL_TYPE_LONGLONG, "third @x not LONGLONG")
    cur.execute("SELECT @x")
    check(cur.fetchone() == ("abc",), "@x after the statement")
    step("text protocol: the type is fixed when the statement starts")
    conn.close()


def check_binary_protocol(port, step):
    conn = StmtConnection(port)
    conn.login()
    conn.query(SETUP)
    stmt = conn.prepare(SELECT)
    types = [c["type"] for c in stmt["columns"]]
    check(types_match(types), "COM_STMT_PREPARE column types %r" % types)
    columns, rows = conn.execute(stmt["id"], [])
    types = [c["type"] for c in columns]
    check(types_match(types), "COM_STMT_EXECUTE column types %r" % types)
    a, b, c, d, e, packet, autocommit, _ = rows[0]
    check(a == 1 and type(a) is int, "binary @a %r" % (a,))
    check(b == b"1.5", "binary @b %r" % (b,))
    check(c == b"x" and d is None, "binary @c, @d %r %r" % (c, d))
    check(e == 1.0 and type(e) is float, "binary @e %r" % (e,))
    check(type(packet) is int and packet > 0 and autocommit == 1,
          "binary sysvars %r %r" % (packet, autocommit))
    step("binary protocol: PREPARE and EXECUTE report the types, rows carry them")

    reassign = conn.prepare("SELECT @n, @n := 'abc', @n")
    conn.query("SET @n = 7")
    columns, rows = conn.execute(reassign["id"], [])
    check(rows == [[7, b"abc", 0]], "binary reassignment %r" % rows)
    step("binary protocol: a value assigned in the statement is converted, not refused")
    conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    def step(name):
        print("ok  " + name, flush=True)

    driver_errors = (pymysql.MySQLError,) if pymysql else ()
    try:
        if pymysql is None:
            print("SKIP text protocol through PyMySQL: python3-pymysql not installed")
        else:
            check_text_protocol(args.port, step)
        check_binary_protocol(args.port, step)
    except (CheckFailed, ServerError, EOFError, OSError) + driver_errors as e:
        print("FAIL %s: %s" % (type(e).__name__, e), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
