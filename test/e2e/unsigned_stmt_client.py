#!/usr/bin/env python3
"""unsigned_stmt_client.py — BIGINT UNSIGNED over the binary protocol, for the e2e tests.

Checks, with raw_stmt_client's from-scratch protocol client:
  * column definitions of UNSIGNED columns carry the UNSIGNED flag (0x20);
  * binary rows carry their 8 bytes as an unsigned integer (2^64 - 1 is ff..ff, not -1);
  * a COM_STMT_EXECUTE parameter whose type has the unsigned bit (0x8000: the second
    type byte is 0x80) is read as unsigned, so ff..ff is 18446744073709551615.

Usage: unsigned_stmt_client.py --port PORT   (unsigned_protocol_test.sh runs it)
Exits 1 on the first failed check.
"""

import argparse
import struct
import sys

from raw_client import MYSQL_TYPE_LONGLONG, CheckFailed, ServerError, check
from raw_stmt_client import StmtConnection

UNSIGNED_FLAG = 0x20
PARAM_UNSIGNED = 0x80  # high byte of the parameter type


def execute_unsigned(conn, statement_id, value):
    """COM_STMT_EXECUTE with one LONGLONG parameter flagged unsigned."""
    payload = struct.pack("<IBI", statement_id, 0, 1) + bytes([0, 1])
    payload += struct.pack("<BB", MYSQL_TYPE_LONGLONG, PARAM_UNSIGNED)
    payload += struct.pack("<Q", value)
    return conn.execute(statement_id, None, raw=payload)


def run_checks(port):
    def step(name):
        print("ok  " + name, flush=True)

    conn = StmtConnection(port)
    conn.login()
    conn.query("DROP DATABASE IF EXISTS unsdb")
    conn.query("CREATE DATABASE unsdb")
    conn.query("USE unsdb")
    conn.query("CREATE TABLE t (id INT PRIMARY KEY, u BIGINT UNSIGNED, s BIGINT)")
    conn.query("INSERT INTO t VALUES (1, 18446744073709551615, -1), (2, 9223372036854775808, 0)")

    select = conn.prepare("SELECT u, s FROM t ORDER BY id")
    columns, rows = conn.execute(select["id"], [])
    check(columns[0]["flags"] & UNSIGNED_FLAG, "u column without UNSIGNED flag")
    check(not columns[1]["flags"] & UNSIGNED_FLAG, "s column with UNSIGNED flag")
    check(rows == [[2**64 - 1, -1], [2**63, 0]], "binary rows %r" % rows)
    step("binary rows: UNSIGNED flag and 8-byte unsigned values")

    arith = conn.prepare("SELECT u - 1, CAST(-1 AS UNSIGNED) FROM t WHERE id = 1")
    columns, rows = conn.execute(arith["id"], [])
    check(all(c["flags"] & UNSIGNED_FLAG for c in columns), "unsigned expressions flagged")
    check(rows == [[2**64 - 2, 2**64 - 1]], "unsigned expressions %r" % rows)
    step("unsigned expressions over the binary protocol")

    lookup = conn.prepare("SELECT id FROM t WHERE u = ?")
    _, rows = execute_unsigned(conn, lookup["id"], 2**64 - 1)
    check(rows == [[1]], "unsigned parameter 2^64-1 found %r" % rows)
    _, rows = execute_unsigned(conn, lookup["id"], 2**63)
    check(rows == [[2]], "unsigned parameter 2^63 found %r" % rows)
    step("COM_STMT_EXECUTE: unsigned LONGLONG parameters")

    insert = conn.prepare("INSERT INTO t (id, u) VALUES (3, ?)")
    execute_unsigned(conn, insert["id"], 2**64 - 2)
    _, rows = conn.query("SELECT u FROM t WHERE id = 3")
    check(rows == [[b"18446744073709551614"]], "inserted unsigned parameter %r" % rows)
    step("unsigned parameter stored in a BIGINT UNSIGNED column")

    conn.query("DROP DATABASE unsdb")
    conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    try:
        run_checks(args.port)
    except (CheckFailed, ServerError, EOFError, OSError) as e:
        print("FAIL %s: %s" % (type(e).__name__, e), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
