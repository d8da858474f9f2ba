#!/usr/bin/env bash
# tools/deps.sh — installs the Debian/Ubuntu packages minisql needs, if missing.
#
# Used by tools/run.sh and tools/test.sh (and the benchmarks in tools/bench/, which
# also need mariadb-server). sysbench is a client the end-to-end tests drive
# (test/e2e/sysbench_smoke_test.sh), as are mariadb-client's mysql and mysqldump, the
# JDBC driver libmariadb-java with a JDK to compile its test program
# (test/e2e/connector_j_test.sh) and Node.js's mysql2 (test/e2e/node_mysql2_test.sh).
# Usage: tools/deps.sh [extra-package ...]
# Only packages that `dpkg -s` reports as not installed are installed, so on a
# machine that has everything this is fast, needs no network and no root.
#
# mysql2 is not packaged by Debian: it comes from the npm registry, pinned (version and
# integrity hash of every file) by test/e2e/node/package-lock.json, and `npm ci`
# installs exactly that into test/e2e/node/node_modules. This script is the only place
# that downloads it; cmake and the tests never do.
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config libuv1-dev lemon libssl-dev
  libgtest-dev libreadline-dev libmariadb-dev mariadb-client python3 python3-pymysql
  python3-cryptography sysbench libmariadb-java openjdk-17-jdk-headless "$@")
# Node.js: Debian's nodejs and npm, unless an npm is already there (NodeSource's
# nodejs package bundles npm and conflicts with Debian's).
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$package")
  fi
done
install_packages() {
  echo "deps: installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "${missing[@]}"
}
if [ ${#missing[@]} -ne 0 ]; then
  install_packages
fi

# The npm packages of test/e2e/node, reinstalled whenever package-lock.json changed
# (node_modules/.minisql-lock is a copy of the lock it was installed from).
node_dir="$(cd "$(dirname "$0")/../test/e2e/node" && pwd)"
if ! cmp -s "$node_dir/package-lock.json" "$node_dir/node_modules/.minisql-lock"; then
  echo "deps: npm ci in $node_dir"
  (cd "$node_dir" && npm ci --ignore-scripts --no-audit --no-fund)
  cp "$node_dir/package-lock.json" "$node_dir/node_modules/.minisql-lock"
fi
