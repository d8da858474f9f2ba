#!/usr/bin/env bash
# tools/bench/sysbench_bench.sh — minisqld versus MariaDB under sysbench's OLTP workloads.
#
# Starts a fresh minisqld (temporary datadir, free port) and a fresh MariaDB (Debian's
# mariadb-server, temporary datadir, --no-defaults, 127.0.0.1 only, binary log off, redo
# log flushed at every commit like minisql's WAL), prepares the same sysbench tables in
# a database `sbtest` on both, then runs each workload
#
#   sysbench WORKLOAD --db-ps-mode=disable --threads=T --time=S run
#
# for every thread count, alternating between the two servers, N times, and prints
# the medians of transactions/s, queries/s, average and 95th-percentile latency, and
# the ratio minisql/MariaDB of the median transactions/s (above 1 = minisql faster).
# A run fails (FAIL in the table) if sysbench exits non-zero or reports an error.
# The method and results are in docs/benchmarks.md. Nothing is downloaded: sysbench
# and its bundled oltp_*.lua scripts come from the machine's packages.
#
# Usage: tools/bench/sysbench_bench.sh [--iterations 3] [--time 10] [--threads "1 4"]
#          [--tables 1] [--table-size 10000]
#          [--workloads "oltp_point_select oltp_read_only oltp_write_only oltp_insert"]
# Builds build/ (RelWithDebInfo) if minisqld is missing; MINISQLD overrides the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

iterations=3
seconds=10
thread_counts="1 4"
tables=1
table_size=10000
workloads="oltp_point_select oltp_read_only oltp_write_only oltp_insert"
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations=* | --time=* | --threads=* | --tables=* | --table-size=* | --workloads=*)
      set -- "${1%%=*}" "${1#*=}" "${@:2}"
      continue ;;
    --iterations) iterations="$2"; shift ;;
    --time) seconds="$2"; shift ;;
    --threads) thread_counts="$2"; shift ;;
    --tables) tables="$2"; shift ;;
    --table-size) table_size="$2"; shift ;;
    --workloads) workloads="$2"; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "sysbench_bench: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
for number in "$iterations" "$seconds" "$tables" "$table_size" $thread_counts; do
  [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "sysbench_bench: bad number '$number'" >&2; exit 2; }
done
command -v sysbench >/dev/null || { echo "sysbench_bench: sysbench is not installed" >&2; exit 2; }

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

# sysbench against the server on port $1, remaining arguments passed through.
run_sysbench() {
  local port="$1"
  shift
  sysbench "$@" --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$port" \
    --mysql-user=root --mysql-password= --mysql-db=sbtest --db-ps-mode=disable \
    --tables="$tables" --table-size="$table_size"
}

prepare() {
  local port="$1" log="$E2E_TMP/prepare.$1.log"
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$port" -uroot -e 'CREATE DATABASE sbtest'
  if ! run_sysbench "$port" oltp_read_write prepare >"$log" 2>&1 || grep -q 'FATAL' "$log"; then
    cat "$log" >&2
    fail "sysbench prepare against port $port failed"
  fi
}

# One run: prints "tps qps avg_ms p95_ms" or "FAIL FAIL FAIL FAIL".
measure() {
  local port="$1" workload="$2" threads="$3" out="$E2E_TMP/run.out"
  if ! run_sysbench "$port" "$workload" --threads="$threads" --time="$seconds" \
      --report-interval=0 --percentile=95 run >"$out" 2>&1 ||
      grep -qE 'FATAL|ERROR' "$out"; then
    echo "sysbench $workload against port $port failed: $(grep -m3 -E 'FATAL|ERROR' "$out")" >&2
    echo "FAIL FAIL FAIL FAIL"
    return
  fi
  awk '/transactions:/ { tps = substr($3, 2) }
       /queries:/ && !/performed/ { qps = substr($3, 2) }
       /avg:/ { avg = $2 } /95th percentile:/ { p95 = $3 }
       END { print tps, qps, avg, p95 }' "$out"
}

median() {
  tr ' ' '\n' | grep -v '^$' | sort -g | awk '
    { v[NR] = $1 } /FAIL/ { failed = 1 }
    END { if (failed || NR == 0) print "FAIL";
          else if (NR % 2) print v[(NR + 1) / 2];
          else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Median of column $1 (1 = tps, 2 = qps, 3 = avg ms, 4 = p95 ms) of the runs in $2.
column_median() { awk -v c="$1" '{ print $c }' <<<"$2" | median; }

minisqld_start
mariadb_start "$E2E_TMP/mariadb"
echo "minisqld: $("$MINISQLD" --version | head -1)"
mariadb_version="$(mysql --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uroot -N -e 'SELECT VERSION()')"
echo "MariaDB:  $mariadb_version"
echo "$(sysbench --version), --db-ps-mode=disable, $tables table(s) x $table_size rows," \
  "${seconds}s per run, median of $iterations runs, $(nproc) cores"
prepare "$MYSQL_PORT"
prepare "$MARIADB_PORT"
echo
printf '%-18s %3s | %9s %9s %9s | %9s %9s | %7s %7s | %7s %7s\n' workload thr \
  "mini tps" "Maria tps" "ratio" "mini qps" "Maria qps" "mini av" "Maria av" \
  "mini 95" "Maria 95"
for workload in $workloads; do
  for threads in $thread_counts; do
    minisql_runs=""
    mariadb_runs=""
    for _ in $(seq 1 "$iterations"); do
      minisql_runs+="$(measure "$MYSQL_PORT" "$workload" "$threads")"$'\n'
      mariadb_runs+="$(measure "$MARIADB_PORT" "$workload" "$threads")"$'\n'
    done
    minisql_runs="$(grep -v '^$' <<<"$minisql_runs")"
    mariadb_runs="$(grep -v '^$' <<<"$mariadb_runs")"
    minisql_tps="$(column_median 1 "$minisql_runs")"
    mariadb_tps="$(column_median 1 "$mariadb_runs")"
    ratio="n/a"
    if [ "$minisql_tps" != FAIL ] && [ "$mariadb_tps" != FAIL ]; then
      ratio="$(awk -v a="$minisql_tps" -v b="$mariadb_tps" \
        'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
    fi
    printf '%-18s %3s | %9s %9s %9s | %9s %9s | %7s %7s | %7s %7s\n' "$workload" "$threads" \
      "$minisql_tps" "$mariadb_tps" "$ratio" \
      "$(column_median 2 "$minisql_runs")" "$(column_median 2 "$mariadb_runs")" \
      "$(column_median 3 "$minisql_runs")" "$(column_median 3 "$mariadb_runs")" \
      "$(column_median 4 "$minisql_runs")" "$(column_median 4 "$mariadb_runs")"
  done
done
echo "(tps, qps: per second; av, 95: latency in ms; ratio: minisql tps / MariaDB tps)"

minisqld_stop
mariadb_stop
