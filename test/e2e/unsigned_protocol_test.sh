#!/usr/bin/env bash
# unsigned_protocol_test.sh — BIGINT UNSIGNED over the binary protocol (UNSIGNED column
# flag, 8-byte unsigned row values, parameters with the unsigned type bit), driven by
# unsigned_stmt_client.py, and over the text protocol with the stock mysql client,
# including a restart (stored UInts and their index keys read back).
source "$(dirname "$0")/lib.sh"

minisqld_start
python3 "$E2E_DIR/unsigned_stmt_client.py" --port "$MYSQL_PORT" ||
  fail "unsigned binary protocol checks failed"
sql -e "CREATE DATABASE u; CREATE TABLE u.t (k BIGINT UNSIGNED PRIMARY KEY, v INT UNSIGNED, KEY (v));
        INSERT INTO u.t VALUES (18446744073709551615, 4294967295), (9223372036854775808, 0), (1, 7)"
expect_eq "SHOW CREATE TABLE column" "  \`k\` bigint(20) unsigned NOT NULL," \
  "$(sql -N -B -r -e 'SHOW CREATE TABLE u.t' | sed -n 2p)"
minisqld_stop
minisqld_start "$DATADIR"
expect_eq "keys after restart" "1 9223372036854775808 18446744073709551615" \
  "$(sql -N -B -e 'SELECT k FROM u.t ORDER BY k' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "index lookup after restart" "18446744073709551615" \
  "$(sql -N -B -e 'SELECT k FROM u.t WHERE v = 4294967295')"
expect_eq "text protocol 1690" "ERROR 1690" \
  "$(sql -N -B -e 'SELECT v - 8 FROM u.t WHERE k = 1' 2>&1 | grep -o 'ERROR 1690')"
minisqld_stop
echo "ok  unsigned over both protocols"
