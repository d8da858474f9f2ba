#!/usr/bin/env bash
# inspect_test.sh — minisql-inspect reads a real data directory offline and prints its
# tables, a table's B+ tree, single pages and the write-ahead log; it never writes.
#
#   1. minisqld creates shop.items (2000 rows, so its tree has two levels) and is
#      stopped cleanly: tables / tree / page / wal show what docs/storage.md describes.
#   2. after kill -9 the log still holds the last commits: `wal` lists PAGE_IMAGE and
#      COMMIT records, and every command notes that the data file may lag behind.
#   3. bad arguments: a clear error and a non-zero exit, never a crash.
#   4. the files are byte for byte unchanged by all of the above.
source "$(dirname "$0")/lib.sh"

INSPECT="${MINISQL_INSPECT:-$(dirname "$MINISQLD")/../../tools/inspect/minisql-inspect}"
[ -x "$INSPECT" ] || fail "minisql-inspect not found at $INSPECT"
inspect() { "$INSPECT" --datadir "$DATADIR" "$@"; }
expect_contains() {  # WHAT NEEDLE HAYSTACK
  grep -qF -- "$2" <<<"$3" || { echo "$3" >&2; fail "$1: output lacks '$2'"; }
}

# 1. A cleanly stopped server.
minisqld_start
sql -e "CREATE DATABASE shop"
sql -e "CREATE TABLE shop.items (id INT NOT NULL PRIMARY KEY, name VARCHAR(40))"
values=""
for i in $(seq 1 2000); do values+="${values:+,}($i, 'item number $i')"; done
sql -e "INSERT INTO shop.items VALUES $values"
sql -e "DELETE FROM shop.items WHERE id > 1900"
minisqld_stop

tables="$(inspect tables)"
expect_contains "tables" "catalog" "$tables"
items_line="$(grep '^shop.items ' <<<"$tables")" || fail "tables: no shop.items line in: $tables"
read -r _ root levels pages entries <<<"$items_line"
expect_eq "shop.items levels" "2" "$levels"
expect_eq "shop.items entries" "1900" "$entries"
[ "$pages" -gt 10 ] || fail "shop.items should have more than 10 pages, has $pages"

tree="$(inspect tree shop.items)"
expect_contains "tree" "tree shop.items: root page $root, 2 levels, $pages pages, 1900 entries" "$tree"
expect_contains "tree" "level 0 (root)" "$tree"
expect_contains "tree" "level 1 (leaves)" "$tree"
expect_contains "tree: first leaf starts at key 1" "keys (1) .. (" "$tree"
expect_contains "tree: last leaf ends at key 1900" ".. (1900)  next none" "$tree"

page="$(inspect page "$root")"
expect_contains "page root" "page $root of" "$page"
expect_contains "page root" "(valid)" "$page"
expect_contains "page root" "3 (B+ tree internal)" "$page"
expect_contains "page root" "cell count" "$page"
expect_contains "page root: a separator key decoded" "keys of tree shop.items" "$page"
first_leaf="$(grep -m1 'leftmost child' <<<"$page" | awk '{print $NF}')"
leaf="$(inspect page "$first_leaf")"
expect_contains "leaf page" "2 (B+ tree leaf)" "$leaf"
expect_contains "leaf page: slot 0 holds key 1" "[0] cell at" "$leaf"
expect_contains "leaf page: key 1 decoded" "key (1)  (8 bytes: 80 00 00 00 00 00 00 01)" "$leaf"

header="$(inspect page 0)"
expect_contains "page 0" "1 (file header)" "$header"
expect_contains "page 0" "\"minisql\\x00\"" "$header"
expect_contains "page 0: clean shutdown" "clean shutdown  1" "$header"

wal="$(inspect wal)"
expect_contains "wal after a clean stop (checkpointed: empty)" "0 records; end of log after 0 bytes (clean)" "$wal"

# 2. A crash leaves committed records in the log.
minisqld_start "$DATADIR"
sql -e "INSERT INTO shop.items VALUES (5000, 'after restart')"
minisqld_kill9
wal="$(inspect wal)"
expect_contains "wal after kill -9" "PAGE_IMAGE" "$wal"
expect_contains "wal after kill -9" "COMMIT" "$wal"
expect_contains "wal after kill -9: a page image is 8204 payload bytes" " 8204" "$wal"
expect_contains "note about the log" "note: the log holds" "$(inspect tables)"

# 3. Errors.
set +e
out="$(inspect tree shop.nothing 2>&1)"; code=$?
set -e
expect_eq "unknown table exit code" "1" "$code"
expect_contains "unknown table" "no table 'shop.nothing'" "$out"
set +e
out="$(inspect page 999999 2>&1)"; code=$?
set -e
expect_eq "page past the end exit code" "1" "$code"
expect_contains "page past the end" "does not exist" "$out"
set +e
"$INSPECT" --datadir "$DATADIR" page abc >/dev/null 2>&1; code1=$?
"$INSPECT" --datadir "$DATADIR" frobnicate >/dev/null 2>&1; code2=$?
"$INSPECT" tables >/dev/null 2>&1; code3=$?
out="$("$INSPECT" --datadir "$E2E_TMP/no-such-dir" tables 2>&1)"; code4=$?
set -e
expect_eq "usage errors" "2 2 2 1" "$code1 $code2 $code3 $code4"
expect_contains "missing datadir" "Can't open file" "$out"

# 4. Read-only: nothing changed, and the server still recovers the crashed commit.
before="$(md5sum "$DATADIR"/minisql.db "$DATADIR"/minisql.wal)"
inspect tables >/dev/null
inspect tree shop.items >/dev/null
inspect page "$root" >/dev/null
inspect wal >/dev/null
expect_eq "files unchanged by the inspector" "$before" \
  "$(md5sum "$DATADIR"/minisql.db "$DATADIR"/minisql.wal)"
minisqld_start "$DATADIR"
expect_eq "recovered row" "after restart" "$(sql -N -B -e 'SELECT name FROM shop.items WHERE id = 5000')"
minisqld_stop
echo "inspect_test: OK"
