#!/usr/bin/env bash
# tools/test/regen_expected.sh — records MariaDB's answers as the expected outputs of
# the end-to-end tests (test/e2e/expected/). Run it after changing a session script:
# it starts a private MariaDB (needs mariadb-server), runs the script exactly as the
# test does, and overwrites the expected file. Review the diff before committing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/test/e2e/lib.sh"
source "$root/tools/test/mariadb_lib.sh"
trap 'status=$?; mariadb_stop; (exit $status); e2e_cleanup' EXIT

mariadb_start "$E2E_TMP/mariadb"
run_reference_session "$MARIADB_PORT" >"$root/test/e2e/expected/reference_session.out"
echo "wrote test/e2e/expected/reference_session.out (MariaDB $(mysql --no-defaults \
  -h127.0.0.1 -P"$MARIADB_PORT" -uroot -N -e 'SELECT VERSION()'))"
