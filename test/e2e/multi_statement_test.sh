#!/usr/bin/env bash
# multi_statement_test.sh — CLIENT_MULTI_STATEMENTS, COM_SET_OPTION, COM_RESET_CONNECTION
# and COM_CHANGE_USER: the stock mysql client (which asks for multi-statements) and a
# raw-protocol client (multi_statement_client.py) that checks the packets themselves.
source "$(dirname "$0")/lib.sh"
skip_on_reference "uses minisql's account defaults"
minisqld_start ""

expect_eq "mysql -e with two statements" $'1\n2' "$(sql -N -e 'SELECT 1; SELECT 2')"
sql -e "CREATE USER nat IDENTIFIED WITH mysql_native_password BY 'natpw';
        CREATE USER sha IDENTIFIED WITH caching_sha2_password BY 'shapw'"
# One TLS login fills caching_sha2_password's cache, so COM_CHANGE_USER takes the fast path.
mysql --no-defaults -h127.0.0.1 -P"$MYSQL_PORT" -usha -pshapw --ssl -e 'SELECT 1' >/dev/null
python3 "$E2E_DIR/multi_statement_client.py" --port "$MYSQL_PORT" ||
  fail "raw multi-statement checks failed"
