# tools/test/mariadb_lib.sh — start and stop a private MariaDB (sourced, not run).
#
# The reference for minisql's behaviour is MariaDB 10.11 (Debian's mariadb-server).
# tools/test/regen_expected.sh uses it to produce the expected outputs of the
# end-to-end tests and tools/bench/mysqlslap_bench.sh to measure against it. Each
# gets its own throw-away instance: a fresh data directory, a free port on
# 127.0.0.1, a socket inside that directory, no config files read (--no-defaults),
# so results do not depend on whatever else runs on the machine.
#
#   mariadb_start DIR [DATADIR [FLAGS...]]  logs/socket in DIR, data in DATADIR (default DIR/data,
#                                initialised unless it already holds a database);
#                                sets MARIADB_PORT and MARIADB_PID
#   mariadb_stop

# A TCP port on 127.0.0.1 that nobody listens on right now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

mariadb_start() {
  local dir="$1" datadir="${2:-$1/data}"
  shift
  shift || true
  mkdir -p "$dir"
  if [ ! -d "$datadir/mysql" ] && ! mariadb-install-db --no-defaults \
      --auth-root-authentication-method=normal --datadir="$datadir" --user="$(id -un)" \
      >"$dir/install.log" 2>&1; then
    echo "mariadb-install-db failed:" >&2
    cat "$dir/install.log" >&2
    return 1
  fi
  MARIADB_PORT="$(free_port)"
  # Durability equal to minisql's: the redo log is flushed at every commit.
  mariadbd --no-defaults --datadir="$datadir" --port="$MARIADB_PORT" \
    --bind-address=127.0.0.1 --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" \
    --user="$(id -un)" --skip-log-bin --innodb-flush-log-at-trx-commit=1 \
    --max-connections=500 "$@" >"$dir/mariadbd.log" 2>&1 &
  MARIADB_PID=$!
  local i
  for i in $(seq 1 300); do
    if mysql -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$MARIADB_PID" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "mariadbd did not start:" >&2
  tail -20 "$dir/mariadbd.log" >&2
  return 1
}

mariadb_stop() {
  if [ -n "${MARIADB_PID:-}" ] && kill -0 "$MARIADB_PID" 2>/dev/null; then
    kill -TERM "$MARIADB_PID"
    wait "$MARIADB_PID" 2>/dev/null || true
  fi
  MARIADB_PID=
}
