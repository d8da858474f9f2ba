#!/usr/bin/env python3
"""client_charset_check.py — clients that speak latin1 (or ascii) rather than UTF-8.

The checks client_charset_test.sh runs, with PyMySQL and raw_stmt_client.py (for the
binary protocol): the handshake's character set byte, text converted from latin1
(cp1252) to UTF-8 on the way in and back on the way out, SET NAMES switching both ways
on one connection, column definitions' character set id and length, error messages
and column names holding non-ASCII text, and prepared statement parameters (text
converted, BLOB bytes kept). Every check but the ascii one also passes against MariaDB
(--reference).

Usage: client_charset_check.py --port PORT [--reference]
"""

import argparse
import sys

import pymysql

from raw_client import CheckFailed, ServerError, check
from raw_stmt_client import MYSQL_TYPE_BLOB, MYSQL_TYPE_LONG, StmtConnection

MYSQL_TYPE_VAR_STRING = 253
DB = "cs_e2e"


def connect(port, charset, **kwargs):
    return pymysql.connect(host="127.0.0.1", port=port, user="root", charset=charset,
                           autocommit=True, **kwargs)


def one_row(conn, sql):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()


def run_checks(port, reference):
    def step(name):
        print("ok  " + name)

    utf8 = connect(port, "utf8mb4")
    with utf8.cursor() as cur:
        cur.execute("DROP DATABASE IF EXISTS " + DB)
        cur.execute("CREATE DATABASE " + DB)
        cur.execute("CREATE TABLE %s.t (id INT PRIMARY KEY, s VARCHAR(10), b VARBINARY(10))"
                    " DEFAULT CHARSET=utf8mb4" % DB)

    latin1 = connect(port, "latin1")
    variables = one_row(latin1, "SELECT @@character_set_client, @@character_set_results, "
                        "@@character_set_connection, @@collation_connection")
    check(variables == ("latin1", "latin1", "latin1", "latin1_swedish_ci"),
          "handshake latin1_swedish_ci: %r" % (variables,))
    variables = one_row(utf8, "SELECT @@character_set_client, @@character_set_results")
    check(variables == ("utf8mb4", "utf8mb4"), "handshake utf8mb4: %r" % (variables,))
    step("the handshake's character set byte sets character_set_client/results/connection")

    # PyMySQL encodes 'é€' as cp1252 bytes E9 80; stored as UTF-8, read back both ways.
    with latin1.cursor() as cur:
        cur.execute("INSERT INTO %s.t VALUES (1, 'é€', _binary'é')" % DB)
    row = one_row(utf8, "SELECT s, HEX(s), HEX(b) FROM %s.t WHERE id = 1" % DB)
    check(row == ("é€", "C3A9E282AC", "E9"), "stored from latin1, read as utf8mb4: %r" % (row,))
    row = one_row(latin1, "SELECT s, HEX(s), CONCAT(s, '!') FROM %s.t WHERE id = 1" % DB)
    check(row == ("é€", "C3A9E282AC", "é€!"), "read back as latin1: %r" % (row,))
    step("latin1 'é€' is stored as UTF-8 C3A9E282AC and reads back on both connections")

    with utf8.cursor() as cur:
        cur.execute("INSERT INTO %s.t VALUES (2, 'a中b', NULL)" % DB)
    row = one_row(latin1, "SELECT s FROM %s.t WHERE id = 2" % DB)
    check(row == ("a?b",), "unmappable character: %r" % (row,))
    step("a character latin1 cannot hold reads as '?'")

    with latin1.cursor() as cur:
        cur.execute("SELECT s, b, id FROM %s.t WHERE id = 1" % DB)
        fields = cur._result.fields  # PyMySQL keeps the column definitions here
        got = [(f.charsetnr, f.length) for f in fields]
        check(got[0] == (8, 10), "latin1 VARCHAR(10) definition: %r" % (got,))
        check(got[1][0] == 63 and got[2][0] == 63, "binary/number definitions: %r" % (got,))
        cur.execute("SELECT 1 AS `café`")
        check(cur.description[0][0] == "café", "column name: %r" % (cur.description,))
    with utf8.cursor() as cur:
        cur.execute("SELECT s FROM %s.t WHERE id = 1" % DB)
        length = cur._result.fields[0].length
        check(length == 40, "utf8mb4 VARCHAR(10) length: %r" % length)
    step("column definitions: charset 8 and length 10 on latin1, 63 for binary and numbers")

    try:
        one_row(latin1, "SELECT * FROM %s.tablé" % DB)
        raise CheckFailed("missing table answered")
    except pymysql.err.ProgrammingError as e:
        # PyMySQL decodes messages as UTF-8 whatever the charset: latin1 E9 shows as U+FFFD
        # (a UTF-8 é, C3 A9, would have decoded).
        check(e.args[0] == 1146 and e.args[1] == "Table '%s.tabl\ufffd' doesn't exist" % DB,
              "error message: %r" % (e.args,))
    step("error messages come in latin1")

    # One connection, raw bytes both ways: SET NAMES latin1, then back to utf8mb4.
    raw = connect(port, "utf8mb4", use_unicode=False)
    with raw.cursor() as cur:
        cur.execute(b"SET NAMES latin1")
        cur.execute(b"SELECT @@character_set_client, @@character_set_results")
        check(cur.fetchone() == (b"latin1", b"latin1"), "after SET NAMES latin1")
        cur.execute(("SELECT s FROM %s.t WHERE id = 1" % DB).encode())
        check(cur.fetchone() == (b"\xe9\x80",), "latin1 bytes after SET NAMES")
        cur.execute(("INSERT INTO %s.t VALUES (3, '\xe9', NULL)" % DB).encode("latin1"))
        cur.execute(b"SET NAMES utf8mb4")
        cur.execute(("SELECT s, HEX(s) FROM %s.t WHERE id = 3" % DB).encode())
        check(cur.fetchone() == ("é".encode(), b"C3A9"), "utf8mb4 again after SET NAMES")
        cur.execute(b"SET character_set_results = latin1")
        cur.execute(("SELECT s FROM %s.t WHERE id = 3" % DB).encode())
        check(cur.fetchone() == (b"\xe9",), "SET character_set_results = latin1")
    step("SET NAMES latin1 then utf8mb4 on one connection")

    # Prepared statements: a VAR_STRING parameter is latin1 text, a BLOB one bytes.
    stmt_conn = StmtConnection(port)
    stmt_conn.login(charset=8)
    insert = stmt_conn.prepare("INSERT INTO %s.t VALUES (?, ?, ?)" % DB)
    stmt_conn.execute(insert["id"], [(MYSQL_TYPE_LONG, 4), (MYSQL_TYPE_VAR_STRING, b"\xe9\x80"),
                                     (MYSQL_TYPE_BLOB, b"\xe9\x80")])
    row = one_row(utf8, "SELECT HEX(s), HEX(b) FROM %s.t WHERE id = 4" % DB)
    check(row == ("C3A9E282AC", "E980"), "prepared INSERT from latin1: %r" % (row,))
    select = stmt_conn.prepare("SELECT s, b FROM %s.t WHERE id = ?" % DB)
    check(select["columns"][0]["charset"] == 8, "prepared column charset")
    columns, rows = stmt_conn.execute(select["id"], [(MYSQL_TYPE_LONG, 4)])
    check([c["charset"] for c in columns] == [8, 63], "executed column charsets")
    check(rows == [[b"\xe9\x80", b"\xe9\x80"]], "binary row values: %r" % (rows,))
    stmt_conn.close()
    step("prepared statements: text parameters and values converted, BLOB bytes kept")

    if not reference:
        # minisql refuses a byte ascii does not have (MariaDB keeps it, shows '?').
        ascii_conn = connect(port, "ascii")
        check(one_row(ascii_conn, "SELECT @@character_set_client") == ("ascii",), "ascii")
        try:
            one_row(ascii_conn, b"SELECT 'a\xe9b'")
            raise CheckFailed("ascii accepted byte E9")
        except pymysql.err.Error as e:
            check(e.args[0] == 1300 and "Invalid ascii character string: 'E962" in e.args[1],
                  "ascii error: %r" % (e.args,))
        check(one_row(ascii_conn, "SELECT 1") == (1,), "connection still works")
        step("ascii: a byte >= 0x80 is ERR 1300")

    # A utf8mb4 client that sends bytes that are not UTF-8: a text column refuses them
    # (1366, MySQL's message), INSERT IGNORE stores '?' for each; a VARBINARY keeps them.
    try:
        one_row(utf8, b"INSERT INTO " + DB.encode() + b".t (id, s) VALUES (20, 'ab\xe9cdefghij')")
        raise CheckFailed("a text column accepted byte E9")
    except pymysql.err.Error as e:
        check(e.args[0] == 1366 and e.args[1] == "Incorrect string value: '\\xE9cdefg...' for "
              "column `%s`.`t`.`s` at row 1" % DB, "invalid UTF-8: %r" % (e.args,))
    with utf8.cursor() as cur:
        cur.execute(b"INSERT IGNORE INTO " + DB.encode() + b".t (id, s, b) VALUES (21, 'a\xe9', '\xe9')")
        cur.execute("SHOW WARNINGS")
        check([r[1] for r in cur.fetchall()] == [1366], "INSERT IGNORE warning")
    check(one_row(utf8, "SELECT HEX(s), HEX(b) FROM %s.t WHERE id = 21" % DB) == ("613F", "E9"),
          "INSERT IGNORE stored '?'")
    step("invalid UTF-8 from a utf8mb4 client: 1366, '?' under IGNORE")

    with utf8.cursor() as cur:
        cur.execute("DROP DATABASE " + DB)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--reference", action="store_true")
    args = parser.parse_args()
    try:
        run_checks(args.port, args.reference)
    except (CheckFailed, ServerError, pymysql.err.Error) as e:
        print("FAIL " + str(e))
        sys.exit(1)


if __name__ == "__main__":
    main()
