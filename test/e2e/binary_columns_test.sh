#!/usr/bin/env bash
# binary_columns_test.sh — BINARY, VARBINARY and the BLOB family on the wire: column
# metadata (type byte, charset 63, length, BINARY/BLOB flags) and row bytes over the text
# and binary protocols, driven by binary_columns_client.py (Python standard library only).
source "$(dirname "$0")/lib.sh"

minisqld_start
python3 "$E2E_DIR/binary_columns_client.py" --port "$MYSQL_PORT" ||
  fail "binary column wire checks failed"
minisqld_stop
echo "ok  binary columns on the wire"
