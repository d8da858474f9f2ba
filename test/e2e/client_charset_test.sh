#!/usr/bin/env bash
# client_charset_test.sh — clients connected with latin1 or ascii rather than UTF-8
# (session/client_charset.h, net/mysql/result_charset.h): the handshake's character set
# byte, query text and string parameters converted to UTF-8, results, column names and
# error messages converted back, SET NAMES both ways, column definitions' charset id,
# prepared statements. The checks are in client_charset_check.py (PyMySQL and
# raw_stmt_client.py); all but the ascii one also pass against MariaDB (E2E_REFERENCE).
# Then the stock mysql client with --default-character-set=latin1.
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's python3-pymysql lives there

minisqld_start
reference_flag=()
if [ "${E2E_REFERENCE:-}" = mariadb ]; then reference_flag=(--reference); fi
"$PY" "$E2E_DIR/client_charset_check.py" --port "$MYSQL_PORT" "${reference_flag[@]}" ||
  fail "client character set checks failed"

# The mysql client sends its --default-character-set in the handshake; its input here is
# latin1 bytes (printf '\xe9' is é in latin1).
printf "CREATE DATABASE cs_cli; CREATE TABLE cs_cli.t (s VARCHAR(5)) DEFAULT CHARSET=utf8mb4;
INSERT INTO cs_cli.t VALUES ('\xe9'); SELECT HEX(s), s, @@character_set_client FROM cs_cli.t;
DROP DATABASE cs_cli;\n" |
  sql -N -B --default-character-set=latin1 >"$E2E_TMP/latin1_out"
expect_eq "mysql --default-character-set=latin1" "$(printf 'C3A9\t\xe9\tlatin1')" \
  "$(cat "$E2E_TMP/latin1_out")"
minisqld_stop
echo "ok  client character sets"
