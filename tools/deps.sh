#!/usr/bin/env bash
# tools/deps.sh — installs the Debian/Ubuntu packages minisql needs, if missing.
#
# Used by tools/run.sh and tools/test.sh (and the benchmarks in tools/bench/, which
# also need mariadb-server). clang-14 builds the fuzz targets (tools/fuzz.sh). sysbench is a client the end-to-end tests drive
# (test/e2e/sysbench_smoke_test.sh), as are mariadb-client's mysql and mysqldump. Usage: tools/deps.sh [extra-package ...]
# Only packages that `dpkg -s` reports as not installed are installed, so on a
# machine that has everything this is fast, needs no network and no root.
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config libuv1-dev lemon libssl-dev
  libgtest-dev libreadline-dev libmariadb-dev mariadb-client python3 python3-pymysql
  python3-cryptography sysbench clang-14 libclang-rt-14-dev "$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "${missing[@]}"
