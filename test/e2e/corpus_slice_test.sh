#!/usr/bin/env bash
# corpus_slice_test.sh — the fast slice of SQLite's sqllogictest corpus that CI runs on
# every change (the full corpus is tools/sqllogictest/run_corpus.sh, docs/conformance.md).
#
# The files and the number of records each passed last are listed in
# corpus_slice_baseline.txt: selects with many-way joins and compound queries, the
# `evidence/` language files, the `index/` families (indexes, views, deletes, IN,
# ORDER BY) and random expressions and GROUP BY — about 100,000 records, ~15 s. The test
# fails when any file passes fewer records than its baseline (a regression), and prints
# the figures so that improvements can be written back into the baseline.
#
# The corpus is not part of this repository: it lives in ../shared/sqllogictest beside
# the checkout (or MINISQL_CORPUS). Without it the test reports itself skipped (exit 77),
# which ctest shows as "Skipped", never as passed.
source "$(dirname "$0")/lib.sh"

MINISQL_SLT="${MINISQL_SLT:-$(dirname "$MINISQLD")/../../tools/sqllogictest/minisql-sqllogictest}"
[ -x "$MINISQL_SLT" ] ||
  fail "sqllogictest runner not found at '$MINISQL_SLT' (needs libmariadb-dev; set MINISQL_SLT)"
corpus="${MINISQL_CORPUS:-$MINISQL_SOURCE_DIR/../shared/sqllogictest}"
if [ ! -d "$corpus" ]; then
  echo "SKIP: no sqllogictest corpus at '$corpus' (set MINISQL_CORPUS)"
  exit 77
fi
baseline="$(dirname "$0")/corpus_slice_baseline.txt"

files=()
while read -r path passed; do
  [[ -z "$path" || "$path" == \#* ]] && continue
  [ -f "$corpus/$path" ] || fail "corpus file missing: $corpus/$path"
  files+=("$corpus/$path")
done <"$baseline"

minisqld_start
"$MINISQL_SLT" -h 127.0.0.1 -P "$MYSQL_PORT" -u root --timeout 60 --json --no-fail \
  "${files[@]}" >"$E2E_TMP/slice.json" || fail "the runner failed (see above)"

# Compare each file's passed count with its baseline.
/usr/bin/python3 - "$corpus" "$baseline" "$E2E_TMP/slice.json" <<'PY' || fail "corpus slice regressed"
import json, sys
corpus, baseline_path, result_path = sys.argv[1:]
baseline = {}
for line in open(baseline_path):
    line = line.strip()
    if line and not line.startswith("#"):
        path, passed = line.split()
        baseline[path] = int(passed)
results = {f["file"][len(corpus):].lstrip("/"): f for f in json.load(open(result_path))["files"]}
regressed = False
for path, expected in baseline.items():
    got = results.get(path)
    passed = got["passed"] if got else 0
    mark = "ok" if passed >= expected else "REGRESSED"
    if passed > expected:
        mark = "better: raise the baseline"
    regressed |= passed < expected
    seconds = got["seconds"] if got else 0.0
    print(f"{path:50} {passed:6} passed (baseline {expected:6}) {seconds:7.2f} s  {mark}")
sys.exit(1 if regressed else 0)
PY
echo "PASS"
