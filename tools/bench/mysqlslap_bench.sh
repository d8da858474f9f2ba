#!/usr/bin/env bash
# tools/bench/mysqlslap_bench.sh — minisqld versus MariaDB under mysqlslap.
#
# Starts a fresh minisqld (temporary datadir, free port) and a fresh MariaDB
# (Debian's mariadb-server, temporary datadir, --no-defaults, 127.0.0.1 only, redo log
# flushed at every commit like minisql's WAL), then runs
#
#   mysqlslap -a --number-of-queries=1000 --concurrency=C
#
# for C in 1, 20, 100 against each, several times, and prints the median of
# mysqlslap's "Average number of seconds to run all queries" and the ratio
# minisql/MariaDB (below 1 = minisql faster). The method and results are in
# docs/benchmarks.md.
#
# Usage: tools/bench/mysqlslap_bench.sh [--iterations N] [--concurrency "1 20 100"]
#                                       [--queries 1000]
# Builds build/ (RelWithDebInfo) if minisqld is missing; MINISQLD overrides the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

iterations=3
concurrency_levels="1 20 100"
queries=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations=*) iterations="${1#*=}" ;;
    --iterations) iterations="$2"; shift ;;
    --concurrency=*) concurrency_levels="${1#*=}" ;;
    --concurrency) concurrency_levels="$2"; shift ;;
    --queries=*) queries="${1#*=}" ;;
    --queries) queries="$2"; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "mysqlslap_bench: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
[[ "$iterations" =~ ^[1-9][0-9]*$ ]] || { echo "bad --iterations" >&2; exit 2; }

"$root/tools/deps.sh" mariadb-server
if [ -z "${MINISQLD:-}" ]; then
  build_dir="$root/${MINISQL_BUILD_DIR:-build}"
  export MINISQLD="$build_dir/src/server/minisqld"
  if [ ! -x "$MINISQLD" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    ninja -C "$build_dir" minisqld
  fi
fi

source "$root/test/e2e/lib.sh"
source "$root/tools/test/mariadb_lib.sh"
trap 'status=$?; mariadb_stop; (exit $status); e2e_cleanup' EXIT

# Seconds for one mysqlslap run (its average over its single iteration), or FAIL.
slap_seconds() {
  local port="$1" concurrency="$2" out err
  out="$E2E_TMP/slap.out"
  err="$E2E_TMP/slap.err"
  if ! mysqlslap --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" -uroot -a \
      --concurrency="$concurrency" --number-of-queries="$queries" >"$out" 2>"$err" ||
      [ -s "$err" ]; then
    echo "mysqlslap against port $port failed: $(head -3 "$err")" >&2
    echo FAIL
    return
  fi
  sed -n 's/.*Average number of seconds to run all queries: \([0-9.]*\) seconds.*/\1/p' "$out"
}

median() {
  tr ' ' '\n' | grep -v '^$' | sort -g | awk '
    { v[NR] = $1 } /FAIL/ { failed = 1 }
    END { if (failed || NR == 0) print "FAIL";
          else if (NR % 2) print v[(NR + 1) / 2];
          else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

minisqld_start
mariadb_start "$E2E_TMP/mariadb"
echo "minisqld: $("$MINISQLD" --version | head -1)"
mariadb_version="$(mysql --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uroot -N -e 'SELECT VERSION()')"
echo "MariaDB:  $mariadb_version"
echo "mysqlslap -a --number-of-queries=$queries, median of $iterations runs, $(nproc) cores"
echo
printf '%-12s %12s %12s %16s\n' concurrency "minisql (s)" "MariaDB (s)" "minisql/MariaDB"
for concurrency in $concurrency_levels; do
  minisql_runs=""
  mariadb_runs=""
  for _ in $(seq 1 "$iterations"); do
    minisql_runs+=" $(slap_seconds "$MYSQL_PORT" "$concurrency")"
    mariadb_runs+=" $(slap_seconds "$MARIADB_PORT" "$concurrency")"
  done
  minisql_median="$(median <<<"$minisql_runs")"
  mariadb_median="$(median <<<"$mariadb_runs")"
  ratio="n/a"
  if [ "$minisql_median" != FAIL ] && [ "$mariadb_median" != FAIL ]; then
    ratio="$(awk -v a="$minisql_median" -v b="$mariadb_median" \
      'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
  fi
  printf '%-12s %12s %12s %16s\n' "$concurrency" "$minisql_median" "$mariadb_median" "$ratio"
done

minisqld_stop
mariadb_stop
