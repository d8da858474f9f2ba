# test/e2e/lib.sh — shared helpers for the end-to-end tests (sourced, not run).
#
# Each test starts its own minisqld with a fresh temporary data directory on
# ephemeral ports (--port=0 --text-port=0, bound to 127.0.0.1 only) and reads the
# ports the kernel picked from the server's log line
#
#   ready for connections. port: <P>  text port: <T>  socket: '<S>'
#
# ctest sets MINISQLD, MINISQL_CLI and MINISQL_SOURCE_DIR (test/CMakeLists.txt). To
# run a test by hand:  MINISQLD=build/src/server/minisqld bash test/e2e/x_test.sh
#
# E2E_REFERENCE=mariadb runs the MySQL-protocol parts against a private MariaDB
# instead (to check a test's expectations against the reference server; tests that
# need the text port skip themselves).
#
#   minisqld_start [DATADIR] [FLAGS...]  start (DATADIR "" = a new temporary one);
#                                        sets MINISQLD_PID, MYSQL_PORT, TEXT_PORT, DATADIR
#   minisqld_stop                        SIGTERM, wait, fail unless it exited with 0
#   minisqld_kill9                       SIGKILL (simulated crash), wait
#   sql ARGS...                          mysql client on the server: sql -e "SELECT 1"
#   fail MESSAGE                         print MESSAGE and the server log, exit 1
#   expect_eq WHAT EXPECTED ACTUAL       fail with a diff unless equal
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MINISQL_SOURCE_DIR="${MINISQL_SOURCE_DIR:-$(cd "$E2E_DIR/../.." && pwd)}"
MINISQLD="${MINISQLD:-$MINISQL_SOURCE_DIR/build/src/server/minisqld}"
MINISQL_CLI="${MINISQL_CLI:-$MINISQL_SOURCE_DIR/build/tools/minisql/minisql}"
# Sanitizer builds start slower; allow plenty of time before declaring a hang.
STARTUP_TIMEOUT_SECONDS="${STARTUP_TIMEOUT_SECONDS:-60}"

E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/minisql-e2e.XXXXXX")"
MINISQLD_PID=""
MINISQLD_LOG=""
MYSQL_PORT=""
TEXT_PORT=""
DATADIR=""
server_count=0

e2e_cleanup() {
  local status=$?
  if [ -n "$MINISQLD_PID" ] && kill -0 "$MINISQLD_PID" 2>/dev/null; then
    kill -9 "$MINISQLD_PID" 2>/dev/null || true
    wait "$MINISQLD_PID" 2>/dev/null || true
  fi
  if [ "$status" -eq 0 ] || [ "$status" -eq 77 ]; then  # 77: skipped (ctest SKIP_RETURN_CODE)
    rm -rf "$E2E_TMP"
  else
    echo "e2e: FAILED (exit $status); files kept in $E2E_TMP" >&2
  fi
}
trap e2e_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if [ -n "$MINISQLD_LOG" ] && [ -f "$MINISQLD_LOG" ]; then
    echo "--- last lines of $MINISQLD_LOG:" >&2
    tail -30 "$MINISQLD_LOG" >&2
  fi
  exit 1
}

expect_eq() {
  local what="$1" expected="$2" actual="$3"
  if [ "$expected" != "$actual" ]; then
    diff -u <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") \
      --label "expected $what" --label "actual $what" >&2 || true
    fail "$what differs"
  fi
}

minisqld_start() {
  local datadir="${1:-}"
  shift || true
  if [ -z "$datadir" ]; then datadir="$(mktemp -d "$E2E_TMP/data.XXXXXX")"; fi
  if [ "${E2E_REFERENCE:-}" != mariadb ] && [ ! -x "$MINISQLD" ]; then
    fail "minisqld not found at $MINISQLD (set MINISQLD)"
  fi
  DATADIR="$datadir"
  server_count=$((server_count + 1))
  MINISQLD_LOG="$E2E_TMP/minisqld.$server_count.log"
  if [ "${E2E_REFERENCE:-}" = mariadb ]; then
    source "$MINISQL_SOURCE_DIR/tools/test/mariadb_lib.sh"
    mariadb_start "$E2E_TMP/mariadb.$server_count" "$datadir" "$@" || fail "MariaDB did not start"
    MINISQLD_PID="$MARIADB_PID"
    MINISQLD_LOG="$E2E_TMP/mariadb.$server_count/mariadbd.log"
    MYSQL_PORT="$MARIADB_PORT"
    TEXT_PORT=""
    return 0
  fi
  : >"$MINISQLD_LOG"  # exists before the loop below reads it
  "$MINISQLD" --datadir="$datadir" --bind-address=127.0.0.1 --port=0 --text-port=0 "$@" \
    >"$MINISQLD_LOG" 2>&1 </dev/null &
  MINISQLD_PID=$!
  local line="" waited=0
  while [ $waited -lt $((STARTUP_TIMEOUT_SECONDS * 10)) ]; do
    line="$(grep -m1 'ready for connections' "$MINISQLD_LOG" || true)"
    if [ -n "$line" ]; then break; fi
    kill -0 "$MINISQLD_PID" 2>/dev/null || fail "minisqld exited during startup"
    sleep 0.1
    waited=$((waited + 1))
  done
  [ -n "$line" ] || fail "minisqld not ready after ${STARTUP_TIMEOUT_SECONDS}s"
  # "port: N" not preceded by "text" is the MySQL port.
  MYSQL_PORT=""
  TEXT_PORT=""
  if [[ "$line" =~ (^|[^t])\ port:\ ([0-9]+) ]]; then MYSQL_PORT="${BASH_REMATCH[2]}"; fi
  if [[ "$line" =~ text\ port:\ ([0-9]+) ]]; then TEXT_PORT="${BASH_REMATCH[1]}"; fi
  [ -n "$MYSQL_PORT" ] && [ "$MYSQL_PORT" != 0 ] || fail "no MySQL port in: $line"
  [ -n "$TEXT_PORT" ] && [ "$TEXT_PORT" != 0 ] || fail "no text port in: $line"
}

minisqld_stop() {
  [ -n "$MINISQLD_PID" ] || fail "minisqld_stop: no server running"
  kill -TERM "$MINISQLD_PID"
  local status=0
  wait "$MINISQLD_PID" || status=$?
  MINISQLD_PID=""
  [ "$status" -eq 0 ] || fail "minisqld exited with status $status after SIGTERM"
}

minisqld_kill9() {
  [ -n "$MINISQLD_PID" ] || fail "minisqld_kill9: no server running"
  kill -9 "$MINISQLD_PID"
  wait "$MINISQLD_PID" 2>/dev/null || true
  MINISQLD_PID=""
}

# For tests that need minisql-only features (the text port): exit 0 with a note.
skip_on_reference() {
  if [ "${E2E_REFERENCE:-}" = mariadb ]; then
    echo "SKIP (E2E_REFERENCE=mariadb: $*)"
    exit 0
  fi
}

# The stock mysql client, over TCP to the running server as root (no password).
sql() {
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -uroot "$@"
}

# Runs reference_session.sql the way its expected output was recorded: stdout, then a
# separator, then stderr (kept apart because the client buffers stdout, so
# interleaving them would depend on timing). Used with MariaDB by regen_expected.sh.
run_reference_session() {
  local port="$1" out_file="$E2E_TMP/session.stdout" err_file="$E2E_TMP/session.stderr"
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" -uroot -vv --table --force \
    <"$E2E_DIR/reference_session.sql" >"$out_file" 2>"$err_file" || true
  cat "$out_file"
  echo "==== stderr ===="
  cat "$err_file"
}
