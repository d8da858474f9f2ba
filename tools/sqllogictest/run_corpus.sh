#!/usr/bin/env bash
# tools/sqllogictest/run_corpus.sh — measures minisqld against MariaDB on the
# sqllogictest corpus and prints both figures side by side, per file and in total.
#
# Usage: tools/sqllogictest/run_corpus.sh [--build DIR] [--no-mariadb] [--timeout S]
#                                         [FILE_OR_DIRECTORY...]
#   --build DIR    build tree holding minisqld and the runner (default: build)
#   --no-mariadb   measure minisqld only
#   --timeout S    per-statement timeout (default 30)
#   FILE_OR_DIRECTORY  what to run (default: the whole corpus, ../shared/sqllogictest)
#
# Each corpus file gets a fresh minisqld (temporary data directory, ephemeral port),
# so a statement that hangs or crashes the server costs only that file's records.
# MariaDB is the reference (tools/test/mariadb_lib.sh starts a private, throw-away
# instance); it runs all files in one instance. Raw JSON from both runs is kept in
# the work directory printed at the end.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="$source_dir/build"
with_mariadb=1
timeout_seconds=30
paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build_dir="$2"; shift 2 ;;
    --no-mariadb) with_mariadb=0; shift ;;
    --timeout) timeout_seconds="$2"; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) paths+=("$1"); shift ;;
  esac
done
if [ ${#paths[@]} -eq 0 ]; then paths=("$source_dir/../shared/sqllogictest"); fi

minisqld="$build_dir/src/server/minisqld"
runner="$build_dir/tools/sqllogictest/minisql-sqllogictest"
for binary in "$minisqld" "$runner"; do
  [ -x "$binary" ] || { echo "not built: $binary (ninja -C $build_dir)" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/minisql-corpus.XXXXXX")"
minisqld_pid=""
source "$source_dir/tools/test/mariadb_lib.sh"
cleanup() {
  if [ -n "$minisqld_pid" ]; then kill -9 "$minisqld_pid" 2>/dev/null || true; fi
  mariadb_stop
}
trap cleanup EXIT

# The corpus files, in the runner's order (sorted within each directory).
files=()
for path in "${paths[@]}"; do
  if [ -d "$path" ]; then
    while IFS= read -r file; do files+=("$file"); done < <(find "$path" -name '*.test' | sort)
  else
    files+=("$path")
  fi
done

# minisqld: a fresh server per file.
echo "minisqld: ${#files[@]} files" >&2
for index in "${!files[@]}"; do
  file="${files[$index]}"
  data="$work/minisqld-data.$index"
  mkdir -p "$data"
  : >"$work/minisqld.$index.log"  # exists before the loop below reads it
  "$minisqld" --datadir="$data" --bind-address=127.0.0.1 --port=0 --text-port=0 \
    >"$work/minisqld.$index.log" 2>&1 </dev/null &
  minisqld_pid=$!
  port=""
  for _ in $(seq 1 300); do
    port="$(grep -o -m1 'ready for connections. port: [0-9]*' "$work/minisqld.$index.log" |
      grep -o '[0-9]*$' || true)"
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "minisqld did not start (see $work)" >&2; exit 1; }
  "$runner" -P "$port" --timeout "$timeout_seconds" --reconnect-wait 2 --json --no-fail \
    "$file" >"$work/minisqld.$index.json"
  kill -9 "$minisqld_pid" 2>/dev/null || true
  wait "$minisqld_pid" 2>/dev/null || true
  minisqld_pid=""
  rm -rf "$data"
  echo -n "." >&2
done
echo >&2

# MariaDB: one private instance for all files.
if [ "$with_mariadb" -eq 1 ]; then
  echo "mariadb: ${#files[@]} files" >&2
  mariadb_start "$work/mariadb" >&2
  "$runner" -P "$MARIADB_PORT" --timeout "$timeout_seconds" --json --no-fail "${files[@]}" \
    >"$work/mariadb.json"
  mariadb_stop
  rm -rf "$work/mariadb/data"
fi

python3 - "$work" "$with_mariadb" <<'PY'
import glob, json, os, sys
work, with_mariadb = sys.argv[1], sys.argv[2] == "1"
def load(paths):
    files, causes = [], {}
    for path in paths:
        doc = json.load(open(path))
        files += doc["files"]
        for cause in doc["causes"]:
            causes[cause["cause"]] = causes.get(cause["cause"], 0) + cause["records"]
    return files, causes
ours, our_causes = load(sorted(glob.glob(os.path.join(work, "minisqld.*.json")),
                               key=lambda p: int(p.split(".")[-2])))
theirs = {}
if with_mariadb:
    theirs = {f["file"]: f for f in load([os.path.join(work, "mariadb.json")])[0]}
def figure(f):
    run = f["passed"] + f["failed"]
    return "%7d/%-7d %6.2f%%" % (f["passed"], run, 100.0 * f["passed"] / run if run else 0)
print("%-48s %-24s %-24s" % ("file", "minisqld passed/run", "MariaDB passed/run"))
total = {"minisqld": [0, 0], "mariadb": [0, 0]}
for f in ours:
    other = theirs.get(f["file"])
    name = f["file"]
    if "sqllogictest/" in name:  # show paths relative to the corpus
        name = name[name.rfind("sqllogictest/") + len("sqllogictest/"):]
    print("%-48s %-24s %-24s" % (name[-48:], figure(f), figure(other) if other else "-"))
    total["minisqld"][0] += f["passed"]; total["minisqld"][1] += f["passed"] + f["failed"]
    if other:
        total["mariadb"][0] += other["passed"]
        total["mariadb"][1] += other["passed"] + other["failed"]
def total_figure(pair):
    return "%7d/%-7d %6.2f%%" % (pair[0], pair[1], 100.0 * pair[0] / pair[1] if pair[1] else 0)
print("%-48s %-24s %-24s" % ("TOTAL", total_figure(total["minisqld"]),
                             total_figure(total["mariadb"]) if with_mariadb else "-"))
print("\nminisqld's most frequent failure causes (records):")
for cause, count in sorted(our_causes.items(), key=lambda c: -c[1])[:20]:
    print("  %7d  %s" % (count, cause))
PY
echo "raw results: $work" >&2
trap - EXIT
cleanup
