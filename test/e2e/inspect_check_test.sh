#!/usr/bin/env bash
# inspect_check_test.sh — `minisql-inspect check`: crash recovery on an in-memory copy of
# the data directory, then BTree::CheckIntegrity on every tree (tools/inspect/check_trees.cc).
#
#   1. after a clean stop: the catalog, the table and its secondary index are ok, with
#      their entry counts;
#   2. after kill -9 (the last commits only in the log): recovery runs on the copy, the
#      counts include the logged commits, and the files on disk are byte for byte unchanged;
#   3. a damaged leaf page: exit 1, the tree is named DAMAGED.
source "$(dirname "$0")/lib.sh"
skip_on_reference "minisql-inspect reads minisql's files"
INSPECT="${MINISQL_INSPECT:-$(dirname "$MINISQLD")/../../tools/inspect/minisql-inspect}"
[ -x "$INSPECT" ] || fail "minisql-inspect not found at $INSPECT"
check() { "$INSPECT" --datadir "$DATADIR" check; }
expect_contains() {  # WHAT NEEDLE HAYSTACK
  grep -qF -- "$2" <<<"$3" || { echo "$3" >&2; fail "$1: output lacks '$2'"; }
}

# 1. A cleanly stopped server.
minisqld_start
sql -e "CREATE DATABASE shop"
sql -e "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(40), KEY by_name (name))"
values=""
for i in $(seq 1 1500); do values+="${values:+,}($i, 'item number $i')"; done
sql -e "INSERT INTO shop.items VALUES $values"
minisqld_stop
out="$(check)" || { echo "$out" >&2; fail "check after a clean stop"; }
expect_contains "clean: table" "shop.items                  ok  1500 entries" "$out"
expect_contains "clean: index" "shop.items index by_name    ok  1500 entries" "$out"
expect_contains "clean: summary" "check: 3 trees, all consistent" "$out"

# 2. A crash: the last commit is only in the log.
minisqld_start "$DATADIR"
sql -e "INSERT INTO shop.items VALUES (5000, 'after restart'), (5001, 'and another')"
minisqld_kill9
before="$(md5sum "$DATADIR"/minisql.db "$DATADIR"/minisql.wal)"
out="$(check)" || { echo "$out" >&2; fail "check after kill -9"; }
expect_contains "crash: recovery on the copy" "crash recovery ran on an in-memory copy" "$out"
expect_contains "crash: the logged rows count" "shop.items                  ok  1502 entries" "$out"
expect_eq "files after check" "$before" "$(md5sum "$DATADIR"/minisql.db "$DATADIR"/minisql.wal)"

# 3. Damage: recover for real, stop, then overwrite the middle of the table's first leaf.
minisqld_start "$DATADIR"
minisqld_stop
leaf="$("$INSPECT" --datadir "$DATADIR" tree shop.items | awk '/ leaf /{print $2; exit}')"
[ -n "$leaf" ] || fail "no leaf page found"
printf 'garbage garbage garbage' |
  dd of="$DATADIR/minisql.db" bs=1 seek=$((leaf * 8192 + 4000)) conv=notrunc status=none
set +e
out="$(check 2>&1)"
code=$?
set -e
expect_eq "damaged: exit code" "1" "$code"
expect_contains "damaged: tree named" "shop.items  DAMAGED" "$out"
expect_contains "damaged: the error" "minisql-inspect: ERROR" "$out"
echo "PASS"
