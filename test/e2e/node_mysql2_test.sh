#!/usr/bin/env bash
# node_mysql2_test.sh — the Node.js driver mysql2 does real work against minisqld, over
# the text protocol (query()) and server-side prepared statements (execute()).
#
# test/e2e/node/mysql2_check.js creates a table, writes and reads every common type
# both ways, runs transactions and provokes errors, checking every answer (see its top
# comment). mysql2 is pinned in test/e2e/node/package-lock.json and installed into
# test/e2e/node/node_modules by tools/deps.sh (`npm ci`); nothing is downloaded here.
# Skipped (exit 77) when node or the installed module is missing.
source "$(dirname "$0")/lib.sh"

node_dir="$E2E_DIR/node"
if ! command -v node >/dev/null; then
  echo "SKIP: node is not installed"
  exit 77
fi
if [ ! -f "$node_dir/node_modules/mysql2/package.json" ]; then
  echo "SKIP: mysql2 is not installed (tools/deps.sh runs npm ci in $node_dir)"
  exit 77
fi

minisqld_start
sql -e 'CREATE DATABASE nodetest'
node "$node_dir/mysql2_check.js" "$MYSQL_PORT" nodetest || fail "mysql2 checks failed"
# What the driver wrote, read back through another client.
expect_eq "rows written by mysql2" "$(printf '26\t400\t105.00\t0')" \
  "$(sql -N -B -e "SELECT COUNT(*), SUM(qty), SUM(price) - 12.34 - 0.50, \
    SUM(name = 'rolled back') FROM nodetest.items")"
minisqld_stop
echo "ok  node mysql2"
