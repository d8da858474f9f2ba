#!/usr/bin/env bash
# client_status_test.sh — the stock mysql client's `status` (\s) for accounts of both
# authentication plugins, over plain TCP and over TLS, and the server counters it and
# COM_STATISTICS print (Slow_queries with long_query_time, Opened_tables/Open_tables
# from the table-definition cache, Queries).
#
# auth_test.sh covers the login paths themselves; here every combination of plugin
# (mysql_native_password, caching_sha2_password) and transport (--skip-ssl, --ssl) logs
# in with the mysql client and the status output must name the account, the database,
# the server and whether TLS is in use.
source "$(dirname "$0")/lib.sh"
skip_on_reference "minisql's version string and counters"

minisqld_start ""
sql -e "CREATE DATABASE app; CREATE TABLE app.t (id INT PRIMARY KEY);
  CREATE USER nat IDENTIFIED WITH mysql_native_password BY 'n4t';
  CREATE USER sha IDENTIFIED WITH caching_sha2_password BY 's6a';
  GRANT ALL ON app.* TO nat; GRANT ALL ON app.* TO sha"
status_of() {  # status_of USER PASSWORD TRANSPORT-FLAG
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -u"$1" -p"$2" "$3" app \
    -e 'status' 2>"$E2E_TMP/err" || fail "status as $1 $3: $(cat "$E2E_TMP/err")"
}
for user in nat:n4t sha:s6a; do
  name="${user%%:*}"
  password="${user#*:}"
  for transport in --skip-ssl --ssl; do
    out="$(status_of "$name" "$password" "$transport")"
    for line in $'Current user:\t\t'"$name@localhost" $'Current database:\tapp' \
      $'Server version:\t\t8.0.0-minisql-0.1.0 minisql server' $'Protocol version:\t10' \
      $'Server characterset:\tutf8mb4' $'TCP port:\t\t'"$MYSQL_PORT"; do
      grep -qxF "$line" <<<"$out" || fail "status as $name $transport has no '$line': $out"
    done
    if [ "$transport" = --ssl ]; then
      grep -q $'^SSL:\t\t\tCipher in use is ' <<<"$out" || fail "$name over TLS: $out"
    else
      grep -qx $'SSL:\t\t\tNot in use' <<<"$out" || fail "$name over plain TCP: $out"
    fi
    grep -Eq '^Threads: [0-9]+  Questions: [0-9]+  Slow queries: 0  Opens: [0-9]+  Open tables: [0-9]+  Queries per second avg: [0-9.]+$' \
      <<<"$out" || fail "status statistics line: $out"
  done
done
echo "ok  status as native and caching_sha2 accounts, plain and TLS"

# Counters. After a restart the definition cache is empty; reading app.t decodes its
# definition into the cache: Opened_tables and Open_tables count it, a second read not.
minisqld_stop
minisqld_start "$DATADIR"
counter() { sql -N -e "SHOW GLOBAL STATUS LIKE '$1'" | cut -f2; }
expect_eq "Open_tables after restart" "0" "$(counter Open_tables)"
sql -e "SELECT COUNT(*) FROM app.t" >/dev/null
expect_eq "Opened_tables after a read" "1" "$(counter Opened_tables)"
expect_eq "Open_tables after a read" "1" "$(counter Open_tables)"
sql -e "SELECT COUNT(*) FROM app.t" >/dev/null
expect_eq "Opened_tables after a second read" "1" "$(counter Opened_tables)"
queries="$(sql -N -e "SHOW STATUS WHERE Variable_name IN ('Queries', 'Questions')" | cut -f2)"
[ "$(sed -n 1p <<<"$queries")" = "$(sed -n 2p <<<"$queries")" ] || fail "Queries: $queries"
expect_eq "no slow queries yet" "0" "$(counter Slow_queries)"
expect_eq "long_query_time default" "10.000000" "$(sql -N -e 'SELECT @@long_query_time')"
# With long_query_time 0 every statement is slow: the SET itself and the SELECT.
sql -e "SET long_query_time = 0; SELECT 1" >/dev/null
expect_eq "slow queries" "2" "$(counter Slow_queries)"
expect_eq "bad long_query_time" \
  "ERROR 1232 (42000) at line 1: Incorrect argument type to variable 'long_query_time'" \
  "$(sql -e "SET long_query_time = 'x'" 2>&1 >/dev/null | grep '^ERROR')"
# COM_STATISTICS (mysqladmin status, the client's status footer) shows the same counter.
grep -q 'Slow queries: 2  ' <<<"$(sql -e status)" || fail "status footer lacks Slow queries: 2"
echo "ok  Slow_queries, long_query_time, Opened_tables, Open_tables, Queries"
minisqld_stop
