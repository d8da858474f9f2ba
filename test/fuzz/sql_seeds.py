#!/usr/bin/env python3
"""sql_seeds.py — seed files for sql_parser_fuzzer from the SQL tests in test/sql.

Takes the statements of every test/sql/**/*.test file (sqllogictest format: the lines
after `statement ...` or `query ...` up to a blank line or `----`) and writes up to
PER_FILE of them per test file, the longest first (they cover the most grammar), one
statement per seed file named <test file>-<n>.sql.

Usage: sql_seeds.py TEST_SQL_DIR OUTDIR [PER_FILE]
"""
import os
import sys


def statements(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith(("statement ", "query ")):
            i += 1
            body = []
            while i < len(lines) and lines[i].strip() and lines[i] != "----":
                body.append(lines[i])
                i += 1
            if body:
                yield "\n".join(body)
        i += 1


def main():
    root, outdir = sys.argv[1], sys.argv[2]
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    os.makedirs(outdir, exist_ok=True)
    for directory, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".test"):
                continue
            chosen = sorted(set(statements(os.path.join(directory, name))), key=len,
                            reverse=True)[:per_file]
            stem = os.path.basename(directory) + "-" + name[:-len(".test")]
            for n, sql in enumerate(chosen):
                with open(os.path.join(outdir, "%s-%d.sql" % (stem, n)), "w") as f:
                    f.write(sql)


if __name__ == "__main__":
    main()
