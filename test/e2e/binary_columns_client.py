#!/usr/bin/env python3
"""binary_columns_client.py — the wire form of BINARY, VARBINARY and BLOB columns.

Checks, over the text protocol (COM_QUERY) and the binary protocol (prepared statements),
that binary string columns are described as MariaDB 10.11 describes them and that their
bytes (0x00 padding and bytes above 0x7F included) come back unchanged:

  column          type byte        charset      length        flags
  VARBINARY(5)    VAR_STRING 253   63 binary    5             BINARY
  BINARY(4)       STRING 254       63 binary    4             BINARY
  TINYBLOB        BLOB 252         63 binary    255           BLOB BINARY
  BLOB            BLOB 252         63 binary    65535         BLOB BINARY
  MEDIUMBLOB      BLOB 252         63 binary    16777215      BLOB BINARY
  LONGBLOB        BLOB 252         63 binary    4294967295    BLOB BINARY

Usage: binary_columns_client.py --port PORT   (binary_columns_test.sh runs it)
"""
import argparse
import sys

from raw_client import CheckFailed, check
from raw_stmt_client import StmtConnection

BINARY_FLAG = 128
BLOB_FLAG = 16
CHARSET_BINARY = 63

EXPECTED = [  # (name, type byte, length, flags that must be set)
    ("v", 253, 5, BINARY_FLAG),
    ("f", 254, 4, BINARY_FLAG),
    ("t", 252, 255, BLOB_FLAG | BINARY_FLAG),
    ("b", 252, 65535, BLOB_FLAG | BINARY_FLAG),
    ("m", 252, 16777215, BLOB_FLAG | BINARY_FLAG),
    ("l", 252, 4294967295, BLOB_FLAG | BINARY_FLAG),
]
ROW = [b"a\xffZ", b"ab\x00\x00", b"t", b"\x00b", b"m", b"l"]


def check_columns(columns, protocol):
    check(len(columns) == len(EXPECTED), "%s: column count %d" % (protocol, len(columns)))
    for column, (name, type_byte, length, flags) in zip(columns, EXPECTED):
        what = "%s: column %s" % (protocol, name)
        check(column["name"] == name, "%s: name %r" % (what, column["name"]))
        check(column["type"] == type_byte, "%s: type %d" % (what, column["type"]))
        check(column["charset"] == CHARSET_BINARY, "%s: charset %d" % (what, column["charset"]))
        check(column["length"] == length, "%s: length %d" % (what, column["length"]))
        check(column["flags"] & flags == flags, "%s: flags 0x%x" % (what, column["flags"]))


def run_checks(port):
    conn = StmtConnection(port)
    conn.login()
    conn.query("CREATE DATABASE binary_wire")
    conn.query("USE binary_wire")
    conn.query("CREATE TABLE w (v VARBINARY(5), f BINARY(4), t TINYBLOB, b BLOB, "
               "m MEDIUMBLOB, l LONGBLOB)")
    conn.query("INSERT INTO w VALUES (UNHEX('61FF5A'), 'ab', 't', UNHEX('0062'), 'm', 'l')")

    columns, rows = conn.query("SELECT v, f, t, b, m, l FROM w")
    check_columns(columns, "text protocol")
    check(rows == [ROW], "text protocol row %r" % rows)
    print("ok  text protocol: metadata and bytes")

    stmt = conn.prepare("SELECT v, f, t, b, m, l FROM w")
    check_columns(stmt["columns"], "prepare")
    columns, rows = conn.execute(stmt["id"], [])
    check_columns(columns, "binary protocol")
    check(rows == [ROW], "binary protocol row %r" % rows)
    print("ok  binary protocol: metadata and bytes")
    conn.query("DROP DATABASE binary_wire")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    try:
        run_checks(args.port)
    except CheckFailed as e:
        print("FAIL", e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
