#!/usr/bin/env bash
# sqlalchemy_test.sh — SQLAlchemy Core (Debian python3-sqlalchemy 1.4, mysql+pymysql)
# against a fresh minisqld: MetaData DDL, executemany, joins, GROUP BY, UPDATE/DELETE
# row counts, commit/rollback, and reflection (MetaData.reflect, inspect()), all checked
# by sqlalchemy_client.py. Skips (77) when SQLAlchemy or PyMySQL is not installed
# (tools/deps.sh installs both).
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's python3-sqlalchemy / python3-pymysql live there
if ! "$PY" -c 'import sqlalchemy, pymysql' 2>/dev/null; then
  echo "SKIP: python3-sqlalchemy or python3-pymysql not installed"
  exit 77
fi

minisqld_start ""
sql -e "CREATE DATABASE shop"
timeout 50 "$PY" "$E2E_DIR/sqlalchemy_client.py" "$MYSQL_PORT" shop ||
  fail "SQLAlchemy checks failed"
# The tables drop_all removed are really gone, and the server still answers.
expect_eq "tables left" "" "$(sql -N -e 'SHOW TABLES FROM shop')"
minisqld_stop
echo "ok  SQLAlchemy Core: DDL, DML, joins, transactions, reflection"
