#!/usr/bin/env bash
# connector_j_test.sh — MariaDB Connector/J (the JDBC driver, Debian's libmariadb-java)
# does real work against minisqld, with and without server-side prepared statements.
#
# ConnectorJCheck.java is compiled with javac into this test's temporary directory (never
# into the source tree) and run twice on a fresh database:
#   useServerPrepStmts=false  PreparedStatement emulated by the driver: COM_QUERY text
#   useServerPrepStmts=true   COM_STMT_PREPARE / COM_STMT_EXECUTE, binary rows
# Each run creates its table, inserts every common type, batches, reads metadata, runs
# transactions and provokes errors, checking every answer (see the .java file's top
# comment). Skipped (exit 77) when javac/java or the driver's jar is not installed.
source "$(dirname "$0")/lib.sh"

driver_jar="${CONNECTOR_J_JAR:-/usr/share/java/mariadb-java-client.jar}"
if ! command -v javac >/dev/null || ! command -v java >/dev/null; then
  echo "SKIP: no Java compiler (install a JDK, e.g. openjdk-17-jdk-headless)"
  exit 77
fi
if [ ! -f "$driver_jar" ]; then
  echo "SKIP: $driver_jar not found (install libmariadb-java)"
  exit 77
fi

classes="$E2E_TMP/classes"
mkdir -p "$classes"
javac -d "$classes" "$E2E_DIR/ConnectorJCheck.java" || fail "javac failed"

minisqld_start
for server_prep in false true; do
  database="jdbc_serverprep_$server_prep"
  sql -e "CREATE DATABASE $database"
  java -cp "$classes:$driver_jar" ConnectorJCheck "$MYSQL_PORT" "$database" "$server_prep" ||
    fail "Connector/J checks failed with useServerPrepStmts=$server_prep"
  # What the driver wrote, read back through another client.
  expect_eq "rows written (useServerPrepStmts=$server_prep)" \
    "$(printf '1\t8\tfirst\n2\t-3\tNULL\n3\t100\tNULL\n4\t101\tNULL\n5\t102\tNULL\n7\t2\tNULL')" \
    "$(sql -N -B -e "SELECT id, qty, note FROM $database.items ORDER BY id")"
done
minisqld_stop
echo "ok  Connector/J"
