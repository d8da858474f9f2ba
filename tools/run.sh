#!/usr/bin/env bash
# tools/run.sh — from a fresh checkout to a running server in one command.
#
# Installs missing build dependencies (apt-get, via sudo when not root), builds
# minisql into build/ and runs minisqld in the foreground with its data in ./data:
#   MySQL protocol  127.0.0.1:3306   (mysql -h127.0.0.1 -uroot)
#   text protocol   127.0.0.1:6789   (build/tools/minisql/minisql)
# Extra arguments are passed to minisqld (e.g. tools/run.sh --port=3307).
# Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${MINISQL_BUILD_DIR:-build}"

tools/deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build_dir" minisqld minisql

mkdir -p data
echo "run: starting $build_dir/src/server/minisqld --datadir=./data $*"
exec "$build_dir/src/server/minisqld" --datadir=./data "$@"
