#!/usr/bin/env bash
# mycli_test.sh — mycli (Debian package mycli, PyMySQL underneath) against a fresh
# minisqld: statements through `mycli -e` (split client-side by sqlparse), tab-separated,
# --csv and --table output, a failing statement's exit status, a script on stdin, a
# transaction rolled back and one committed, the special commands \dt and \s (status:
# SHOW GLOBAL STATUS/VARIABLES, DATABASE(), USER(), @@character_set_*), and the
# completion refresh mycli runs at startup (mycli_completion.py).
# Skips (77) when mycli is not installed (tools/deps.sh installs it).
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's mycli and its modules live there
if ! command -v mycli >/dev/null || ! "$PY" -c 'import mycli' 2>/dev/null; then
  echo "SKIP: mycli not installed"
  exit 77
fi
export HOME="$E2E_TMP/home"  # mycli writes ~/.myclirc and its history on first use
mkdir -p "$HOME"

minisqld_start ""
sql -e "CREATE DATABASE shop"
my() { timeout 20 mycli -h 127.0.0.1 -P "$MYSQL_PORT" -u root -D shop "$@"; }

my -e "CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL,
  price DECIMAL(6,2), added DATE);
INSERT INTO items (name, price, added) VALUES ('apple', 1.50, '2024-01-02'),
  ('pear', NULL, '2024-02-03'), ('fig', 3.25, NULL);
UPDATE items SET price = price * 2 WHERE name = 'fig';
DELETE FROM items WHERE name = 'pear'" || fail "mycli DDL/DML failed"
expect_eq "tab-separated rows" "$(printf 'id\tname\tprice\tadded\n1\tapple\t1.50\t2024-01-02\n3\tfig\t6.50\t')" \
  "$(my -e "SELECT id, name, price, added FROM items ORDER BY id")"
expect_eq "--csv" "$(printf '"name","price"\n"apple","1.50"\n"fig","6.50"')" \
  "$(my --csv -e "SELECT name, price FROM items ORDER BY id")"
expect_eq "--table" "+---+------------+
| n | SUM(price) |
+---+------------+
| 2 | 8.00       |
+---+------------+" "$(my -t -e "SELECT COUNT(*) AS n, SUM(price) FROM items")"
expect_eq "\\dt" "$(printf 'Tables_in_shop\nitems')" "$(my -e '\dt')"
if my -e "SELECT * FROM nosuch" >"$E2E_TMP/out" 2>&1; then fail "mycli: bad table succeeded"; fi
expect_eq "error message" "(1146, \"Table 'shop.nosuch' doesn't exist\")" "$(cat "$E2E_TMP/out")"
echo "ok  mycli -e: DDL, DML, tab/csv/table output, \\dt, errors"

# A script on stdin: one statement per line, double-quoted strings (as mycli users type).
expect_eq "stdin script" "$(printf 'total\n8.00\ns\nhi')" \
  "$(printf 'SELECT SUM(price) AS total FROM items;\nSELECT "hi" AS s;\n' | my)"
# Transactions: a rollback leaves nothing behind, a commit keeps its row.
my -e "BEGIN; INSERT INTO items (name) VALUES ('gone'); ROLLBACK;
START TRANSACTION; INSERT INTO items (name) VALUES ('kept'); COMMIT" ||
  fail "mycli transactions failed"
expect_eq "after rollback and commit" "$(printf 'name\napple\nfig\nkept')" \
  "$(my -e "SELECT name FROM items ORDER BY name")"
echo "ok  mycli stdin script and transactions"

# \s: mycli's status needs version, version_comment, protocol_version and the server
# counters (Threads_connected, Queries, Slow_queries, Opened_tables, Open_tables, Uptime).
status="$(my -e '\s')" || fail "mycli \\s failed"
for line in "Current database:\s*shop" "Current user:\s*root@localhost" \
  "Server version:\s*[0-9]+\.[0-9]+" "Protocol version:\s*10" "Conn. characterset:\s*utf8" \
  "TCP port:\s*$MYSQL_PORT" "Uptime:\s*[0-9]+ (sec|min)"; do
  grep -Eq "$line" <<<"$status" || fail "mycli \\s has no '$line': $status"
done
echo "ok  mycli \\s"

sql -e "CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(20));
  CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(8,2));
  DROP TABLE shop.items"
timeout 30 "$PY" "$E2E_DIR/mycli_completion.py" "$MYSQL_PORT" shop 2>"$E2E_TMP/completion.err" ||
  { cat "$E2E_TMP/completion.err" >&2; fail "mycli completion refresh failed"; }
minisqld_stop
