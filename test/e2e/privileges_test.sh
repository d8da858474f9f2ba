#!/usr/bin/env bash
# privileges_test.sh — GRANT / REVOKE / RENAME USER / SHOW GRANTS and their enforcement,
# driven by the stock mysql client as several accounts: every denial's error number,
# SQLSTATE and text; SHOW DATABASES / SHOW TABLES listing only what an account may see;
# host matching ('u'@'localhost' before 'u'@'%' for a loopback login); grants surviving
# a restart. Expected texts were checked against MariaDB 10.11.
source "$(dirname "$0")/lib.sh"
skip_on_reference "root@localhost with an empty password and minisql's default plugin"

minisqld_start ""
as_user() {  # as_user USER PASSWORD [mysql args...]
  local user="$1" password="$2"
  shift 2
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -u"$user" -p"$password" \
    --skip-ssl -N "$@"
}
user_error() {  # user_error USER PASSWORD SQL: the ERROR line the statement gives
  if as_user "$1" "$2" -e "$3" 2>"$E2E_TMP/err" >/dev/null; then fail "$1: '$3' succeeded"; fi
  grep '^ERROR' "$E2E_TMP/err"
}
sql_error() {
  if sql -e "$1" 2>"$E2E_TMP/err" >/dev/null; then fail "expected '$1' to fail"; fi
  grep '^ERROR' "$E2E_TMP/err"
}

sql -e "CREATE DATABASE shop; CREATE DATABASE secret;
  CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20));
  CREATE TABLE shop.orders (id INT PRIMARY KEY, item INT);
  CREATE TABLE shop.audit (id INT);
  CREATE TABLE secret.keys_ (k INT);
  INSERT INTO shop.items VALUES (1, 'pen'), (2, 'ink');
  CREATE VIEW shop.item_names AS SELECT name FROM shop.items;
  CREATE USER reader IDENTIFIED WITH mysql_native_password BY 'r';
  CREATE USER clerk IDENTIFIED BY 'c';
  CREATE USER admin IDENTIFIED BY 'a'"

# --- SHOW GRANTS and the errors of GRANT / REVOKE ----------------------------------------
expect_eq "root" "GRANT ALL PRIVILEGES ON *.* TO \`root\`@\`localhost\` WITH GRANT OPTION" \
  "$(sql -N -e "SHOW GRANTS")"
expect_eq "fresh user has USAGE" "GRANT USAGE ON *.* TO \`clerk\`@\`%\`" \
  "$(sql -N -e "SHOW GRANTS FOR clerk" | sed 's/ IDENTIFIED VIA.*//')"
sql -e "GRANT SELECT ON shop.items TO reader; GRANT SELECT ON shop.item_names TO reader"
sql -e "GRANT SELECT, INSERT ON shop.* TO clerk; GRANT UPDATE ON shop.orders TO clerk"
sql -e "GRANT ALL PRIVILEGES ON *.* TO admin WITH GRANT OPTION"
expect_eq "grants of clerk" "GRANT SELECT, INSERT ON \`shop\`.* TO \`clerk\`@\`%\`
GRANT UPDATE ON \`shop\`.\`orders\` TO \`clerk\`@\`%\`" \
  "$(sql -N -e "SHOW GRANTS FOR clerk@'%'" | tail -n +2)"
expect_eq "native password shown" \
  "GRANT USAGE ON *.* TO \`reader\`@\`%\` IDENTIFIED BY PASSWORD '*2E50F0B7F0D3B0D5F1A4A48F6B4A3ED7BE13BE0D'" \
  "$(sql -N -e "SHOW GRANTS FOR reader" | head -1 | sed "s/'\*[0-9A-F]*'/'*2E50F0B7F0D3B0D5F1A4A48F6B4A3ED7BE13BE0D'/")"
expect_eq "grant to missing user" "ERROR 1133 (28000) at line 1: Can't find any matching row in the user table" \
  "$(sql_error "GRANT SELECT ON *.* TO nobody")"
expect_eq "grant on missing table" "ERROR 1146 (42S02) at line 1: Table 'shop.nosuch' doesn't exist" \
  "$(sql_error "GRANT SELECT ON shop.nosuch TO clerk")"
expect_eq "revoke never granted (db)" \
  "ERROR 1141 (42000) at line 1: There is no such grant defined for user 'reader' on host '%'" \
  "$(sql_error "REVOKE SELECT ON secret.* FROM reader")"
expect_eq "revoke never granted (table)" \
  "ERROR 1147 (42000) at line 1: There is no such grant defined for user 'reader' on host '%' on table 'audit'" \
  "$(sql_error "REVOKE SELECT ON shop.audit FROM reader")"
expect_eq "global-only privilege on a db" "ERROR 1221 (HY000) at line 1: Incorrect usage of DB GRANT and GLOBAL PRIVILEGES" \
  "$(sql_error "GRANT SUPER ON shop.* TO clerk")"
expect_eq "global-only privilege on a table" \
  "ERROR 1144 (42000) at line 1: Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used" \
  "$(sql_error "GRANT CREATE USER ON shop.items TO clerk")"
expect_eq "show grants for missing" "ERROR 1141 (42000) at line 1: There is no such grant defined for user 'nobody' on host '%'" \
  "$(sql_error "SHOW GRANTS FOR nobody")"
expect_eq "revoke all from missing" "ERROR 1269 (HY000) at line 1: Can't revoke all privileges for one or more of the requested users" \
  "$(sql_error "REVOKE ALL PRIVILEGES, GRANT OPTION FROM nobody")"
echo "ok  GRANT / REVOKE / SHOW GRANTS and their errors"

# --- Enforcement ------------------------------------------------------------------------
expect_eq "reader reads" "pen
ink" "$(as_user reader r -e "SELECT name FROM shop.items ORDER BY id")"
expect_eq "reader reads the view" "2" "$(as_user reader r -e "SELECT COUNT(*) FROM shop.item_names")"
expect_eq "1142 select" \
  "ERROR 1142 (42000) at line 1: SELECT command denied to user 'reader'@'%' for table \`shop\`.\`orders\`" \
  "$(user_error reader r "SELECT * FROM shop.orders")"
expect_eq "1142 via subquery" \
  "ERROR 1142 (42000) at line 1: SELECT command denied to user 'reader'@'%' for table \`shop\`.\`orders\`" \
  "$(user_error reader r "SELECT * FROM shop.items WHERE id IN (SELECT item FROM shop.orders)")"
expect_eq "1142 via join" \
  "ERROR 1142 (42000) at line 1: SELECT command denied to user 'reader'@'%' for table \`shop\`.\`orders\`" \
  "$(user_error reader r "SELECT * FROM shop.items i JOIN shop.orders o ON o.item = i.id")"
expect_eq "1142 insert" \
  "ERROR 1142 (42000) at line 1: INSERT command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "INSERT INTO shop.items VALUES (3, 'x')")"
expect_eq "1142 update" \
  "ERROR 1142 (42000) at line 1: UPDATE command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "UPDATE shop.items SET name = 'x'")"
expect_eq "1142 delete" \
  "ERROR 1142 (42000) at line 1: DELETE command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "DELETE FROM shop.items")"
expect_eq "1142 drop" \
  "ERROR 1142 (42000) at line 1: DROP command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "DROP TABLE shop.items")"
expect_eq "1142 create" \
  "ERROR 1142 (42000) at line 1: CREATE command denied to user 'reader'@'%' for table \`shop\`.\`t2\`" \
  "$(user_error reader r "CREATE TABLE shop.t2 (a INT)")"
expect_eq "1142 index" \
  "ERROR 1142 (42000) at line 1: INDEX command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "CREATE INDEX i ON shop.items (name)")"
expect_eq "1142 alter" \
  "ERROR 1142 (42000) at line 1: ALTER command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "ALTER TABLE shop.items ADD INDEX i (name)")"
expect_eq "1044 use" "ERROR 1044 (42000) at line 1: Access denied for user 'reader'@'%' to database 'secret'" \
  "$(user_error reader r "USE secret")"
expect_eq "1044 use of a missing database" \
  "ERROR 1044 (42000) at line 1: Access denied for user 'reader'@'%' to database 'nodb'" \
  "$(user_error reader r "USE nodb")"
expect_eq "1044 create database" \
  "ERROR 1044 (42000) at line 1: Access denied for user 'reader'@'%' to database 'newdb'" \
  "$(user_error reader r "CREATE DATABASE newdb")"
expect_eq "1044 at login" "ERROR 1044 (42000): Access denied for user 'reader'@'%' to database 'secret'" \
  "$(as_user reader r secret -e "SELECT 1" 2>&1 >/dev/null | grep ^ERROR || true)"
expect_eq "1227 create user" \
  "ERROR 1227 (42000) at line 1: Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation" \
  "$(user_error reader r "CREATE USER x")"
expect_eq "1227 set global" \
  "ERROR 1227 (42000) at line 1: Access denied; you need (at least one of) the SUPER privilege(s) for this operation" \
  "$(user_error reader r "SET GLOBAL max_connections = 10")"
expect_eq "1044 show grants of another" \
  "ERROR 1044 (42000) at line 1: Access denied for user 'reader'@'%' to database 'mysql'" \
  "$(user_error reader r "SHOW GRANTS FOR clerk")"
expect_eq "1142 grant without grant option" \
  "ERROR 1142 (42000) at line 1: GRANT command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "GRANT SELECT ON shop.items TO clerk")"
expect_eq "own grants" "GRANT SELECT ON \`shop\`.\`item_names\` TO \`reader\`@\`%\`
GRANT SELECT ON \`shop\`.\`items\` TO \`reader\`@\`%\`" \
  "$(as_user reader r -e "SHOW GRANTS FOR CURRENT_USER()" | tail -n +2)"
as_user reader r -e "SET PASSWORD = 'r'"  # one's own password needs no privilege
expect_eq "show databases" "shop" "$(as_user reader r -e "SHOW DATABASES")"
expect_eq "show tables" "item_names
items" "$(as_user reader r shop -e "SHOW TABLES")"
expect_eq "clerk inserts via the db grant" "1" \
  "$(as_user clerk c shop -e "INSERT INTO orders VALUES (1, 1); SELECT COUNT(*) FROM orders")"
as_user clerk c shop -e "UPDATE orders SET item = 2; INSERT INTO audit SELECT id FROM orders"
expect_eq "1142 insert-select source" \
  "ERROR 1142 (42000) at line 1: SELECT command denied to user 'reader'@'%' for table \`shop\`.\`orders\`" \
  "$(sql -e "GRANT INSERT ON shop.audit TO reader" && user_error reader r "INSERT INTO shop.audit SELECT id FROM shop.orders")"
expect_eq "1142 update of a table with only the db grants" \
  "ERROR 1142 (42000) at line 1: UPDATE command denied to user 'clerk'@'%' for table \`shop\`.\`items\`" \
  "$(user_error clerk c "UPDATE shop.items SET name = 'x'")"
# admin holds ALL ... WITH GRANT OPTION: may create accounts and pass privileges on.
as_user admin a -e "CREATE USER temp; GRANT DELETE ON shop.audit TO temp; DROP USER temp"
echo "ok  enforcement: 1142, 1044, 1227 and filtered SHOW"

# --- Grants change open sessions and survive REVOKE / RENAME -----------------------------
sql -e "REVOKE SELECT ON shop.items FROM reader"
expect_eq "revoked" \
  "ERROR 1142 (42000) at line 1: SELECT command denied to user 'reader'@'%' for table \`shop\`.\`items\`" \
  "$(user_error reader r "SELECT * FROM shop.items")"
sql -e "RENAME USER clerk TO cashier"
expect_eq "renamed account keeps its grants" "GRANT SELECT, INSERT ON \`shop\`.* TO \`cashier\`@\`%\`" \
  "$(sql -N -e "SHOW GRANTS FOR cashier" | sed -n 2p)"
expect_eq "rename of missing" "ERROR 1396 (HY000) at line 1: Operation RENAME USER failed for 'clerk'@'%'" \
  "$(sql_error "RENAME USER clerk TO x")"
sql -e "REVOKE ALL PRIVILEGES, GRANT OPTION FROM admin"
expect_eq "revoke all" "GRANT USAGE ON *.* TO \`admin\`@\`%\`" \
  "$(sql -N -e "SHOW GRANTS FOR admin" | sed 's/ IDENTIFIED VIA.*//')"
echo "ok  REVOKE, RENAME USER, REVOKE ALL"

# --- Host matching: 'u'@'localhost' wins over 'u'@'%' for a loopback login --------------
sql -e "CREATE USER twin@'%' IDENTIFIED BY 'any'; CREATE USER twin@localhost IDENTIFIED BY 'local'"
expect_eq "localhost account chosen" "GRANT USAGE ON *.* TO \`twin\`@\`localhost\`" \
  "$(as_user twin local -e "SHOW GRANTS" | sed 's/ IDENTIFIED VIA.*//')"
expect_eq "the % account's password is not it" \
  "ERROR 1045 (28000): Access denied for user 'twin'@'localhost' (using password: YES)" \
  "$(as_user twin any -e "SELECT 1" 2>&1 >/dev/null | grep ^ERROR || true)"
echo "ok  host matching"

# --- Restart: grants are durable ----------------------------------------------------------
before="$(sql -N -e "SHOW GRANTS FOR cashier; SHOW GRANTS FOR reader")"
minisqld_stop
minisqld_start "$DATADIR"
expect_eq "grants after restart" "$before" \
  "$(sql -N -e "SHOW GRANTS FOR cashier; SHOW GRANTS FOR reader")"
expect_eq "still enforced after restart" \
  "ERROR 1142 (42000) at line 1: SELECT command denied to user 'reader'@'%' for table \`shop\`.\`orders\`" \
  "$(user_error reader r "SELECT * FROM shop.orders")"
expect_eq "root still all-powerful" "GRANT ALL PRIVILEGES ON *.* TO \`root\`@\`localhost\` WITH GRANT OPTION" \
  "$(sql -N -e "SHOW GRANTS")"
minisqld_stop
echo "ok  grants survive a restart"
