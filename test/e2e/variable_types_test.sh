#!/usr/bin/env bash
# variable_types_test.sh — SELECT @v and SELECT @@v carry MySQL's result types on the
# wire (text and binary protocol, PyMySQL and a from-scratch client:
# variable_types_client.py), and the mysql client's column metadata agrees.
source "$(dirname "$0")/lib.sh"

minisqld_start
PY=/usr/bin/python3  # Debian's python3-pymysql lives there
"$PY" "$E2E_DIR/variable_types_client.py" --port "$MYSQL_PORT" ||
  fail "variable type checks failed"
types="$(sql -t --column-type-info -e "SET @a = 1, @c = 'x'; SELECT @a, @c, @@autocommit" |
  grep -E '^Type:' | awk '{print $2}' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "mysql --column-type-info types" "LONGLONG BLOB LONGLONG" "$types"
minisqld_stop
echo "ok  variable types over both protocols"
