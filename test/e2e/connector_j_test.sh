#!/usr/bin/env bash
# connector_j_test.sh — MariaDB Connector/J (the JDBC driver, Debian's libmariadb-java)
# does real work against minisqld, with and without server-side prepared statements.
#
# ConnectorJCheck.java is compiled with javac into this test's temporary directory (never
# into the source tree) and checks three driver configurations, each on a fresh database:
#   useServerPrepStmts=false  PreparedStatement emulated by the driver: COM_QUERY text
#   useServerPrepStmts=true   COM_STMT_PREPARE / COM_STMT_EXECUTE, binary rows
#   rewriteBatchedStatements=true  emulated, batches sent as one multi-row INSERT
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
# The JIT's first tier only: these are short runs, where start-up time is what counts.
jvm_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
javac -J-XX:TieredStopAtLevel=1 -d "$classes" "$E2E_DIR/ConnectorJCheck.java" ||
  fail "javac failed"

minisqld_start
java "${jvm_flags[@]}" -cp "$classes:$driver_jar" ConnectorJCheck "$MYSQL_PORT" ||
  fail "Connector/J checks failed"
# What the driver wrote in each run, read back through another client.
for run in 1 2 3; do
  expect_eq "rows written in run $run" \
    "$(printf '1\t8\tfirst\n2\t-3\tNULL\n3\t100\tNULL\n4\t101\tNULL\n5\t102\tNULL\n7\t2\tNULL')" \
    "$(sql -N -B -e "SELECT id, qty, note FROM jdbc_run_$run.items ORDER BY id")"
done
# minisql reports no session-state changes: it may track only variables that cannot
# change (what Connector/J asks for); tracking a settable one is refused, not ignored.
if [ "${E2E_REFERENCE:-}" != mariadb ]; then
  out="$(sql -e "SET session_track_system_variables = 'autocommit'" 2>&1 || true)"
  [[ "$out" == *"ERROR 1235"* ]] || fail "tracking autocommit was not refused: $out"
fi
minisqld_stop
echo "ok  Connector/J"
