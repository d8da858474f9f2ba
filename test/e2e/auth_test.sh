#!/usr/bin/env bash
# auth_test.sh — accounts (CREATE/ALTER/DROP USER, SET PASSWORD) and logins with
# caching_sha2_password and mysql_native_password, by the stock mysql client
# (libmariadb's caching_sha2_password plugin) and by PyMySQL.
#
# caching_sha2_password paths exercised: full authentication over TLS (password in the
# clear inside TLS), fast path from the cache over plain TCP, full authentication over
# plain TCP with the RSA public key (a fresh account's first plain login), the cache
# noticing a changed password, AuthSwitchRequest both ways (client starts with native,
# account is caching_sha2 and vice versa). Unknown user and wrong password answer alike.
source "$(dirname "$0")/lib.sh"
skip_on_reference "minisql's account statements and default plugin"
PY=/usr/bin/python3  # Debian's python3-pymysql lives there

minisqld_start ""
as_user() {  # as_user USER PASSWORD [mysql args...]
  local user="$1" password="$2"
  shift 2
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -u"$user" -p"$password" "$@"
}
sql_error() {
  if sql "$@" 2>"$E2E_TMP/err" >/dev/null; then fail "expected mysql $* to fail"; fi
  grep '^ERROR' "$E2E_TMP/err"
}
login_error() {
  if as_user "$@" -e 'SELECT 1' 2>"$E2E_TMP/err" >/dev/null; then fail "login $1/$2 succeeded"; fi
  grep '^ERROR' "$E2E_TMP/err"
}

# --- Statements and their errors -------------------------------------------------------
sql -e "CREATE USER 'alice'@'%' IDENTIFIED BY 'sekret'"
sql -e "CREATE USER bob@localhost IDENTIFIED WITH mysql_native_password BY 'bobpw'"
sql -e "CREATE USER IF NOT EXISTS 'alice'@'%' IDENTIFIED BY 'other'"  # no-op
expect_eq "duplicate user" "ERROR 1396 (HY000) at line 1: Operation CREATE USER failed for 'alice'@'%'" \
  "$(sql_error -e "CREATE USER alice IDENTIFIED BY 'x'")"
expect_eq "one bad account fails the statement" \
  "ERROR 1396 (HY000) at line 1: Operation CREATE USER failed for 'alice'@'%'" \
  "$(sql_error -e "CREATE USER zed, alice")"
expect_eq "nothing created by the failed statement" "" \
  "$(login_error zed '' 2>/dev/null | grep -v 1045 || true)"
expect_eq "unknown plugin" "ERROR 1524 (HY000) at line 1: Plugin 'nosuch' is not loaded" \
  "$(sql_error -e "CREATE USER carl IDENTIFIED WITH nosuch BY 'x'")"
expect_eq "ALTER missing user" "ERROR 1396 (HY000) at line 1: Operation ALTER USER failed for 'ghost'@'%'" \
  "$(sql_error -e "ALTER USER ghost IDENTIFIED BY 'x'")"
expect_eq "DROP missing user" "ERROR 1396 (HY000) at line 1: Operation DROP USER failed for 'ghost'@'%'" \
  "$(sql_error -e "DROP USER ghost")"
sql -e "DROP USER IF EXISTS ghost; ALTER USER IF EXISTS ghost IDENTIFIED BY 'x'"
expect_eq "syntax" "1064" "$(sql_error -e "CREATE USER" | grep -o 1064)"
echo "ok  CREATE/ALTER/DROP USER and their errors"

# --- Logins with the mysql client ------------------------------------------------------
expect_eq "sha2 full path over TLS" "1" "$(as_user alice sekret --ssl -N -e 'SELECT 1')"
expect_eq "sha2 fast path, plain" "2" "$(as_user alice sekret --skip-ssl -N -e 'SELECT 2')"
sql -e "CREATE USER carol IDENTIFIED BY 'c4r0l'"
expect_eq "sha2 RSA path, plain" "3" "$(as_user carol c4r0l --skip-ssl -N -e 'SELECT 3')"
expect_eq "native account" "4" "$(as_user bob bobpw -N -e 'SELECT 4')"
denied="ERROR 1045 (28000): Access denied for user 'alice'@'localhost' (using password: YES)"
expect_eq "wrong password" "$denied" "$(login_error alice wrong)"
expect_eq "unknown user" "ERROR 1045 (28000): Access denied for user 'nobody'@'localhost' (using password: YES)" \
  "$(login_error nobody sekret)"
expect_eq "wrong password, native" \
  "ERROR 1045 (28000): Access denied for user 'bob'@'localhost' (using password: YES)" \
  "$(login_error bob wrong)"
echo "ok  caching_sha2_password over TLS, fast path, RSA path; native; 1045"

# --- Changing passwords ----------------------------------------------------------------
sql -e "ALTER USER alice IDENTIFIED BY 'new1'"
expect_eq "old password after ALTER" "$denied" "$(login_error alice sekret --skip-ssl)"
expect_eq "new password after ALTER" "5" "$(as_user alice new1 --skip-ssl -N -e 'SELECT 5')"
sql -e "SET PASSWORD FOR 'alice'@'%' = 'new2'"
expect_eq "SET PASSWORD FOR" "6" "$(as_user alice new2 -N -e 'SELECT 6')"
as_user alice new2 -e "SET PASSWORD = 'mine'"
expect_eq "SET PASSWORD (own)" "7" "$(as_user alice mine -N -e 'SELECT 7')"
sql -e "ALTER USER bob@localhost IDENTIFIED WITH caching_sha2_password BY 'b2'"
expect_eq "plugin changed by ALTER" "8" "$(as_user bob b2 -N -e 'SELECT 8')"
sql -e "DROP USER carol, bob@localhost"
login_error carol c4r0l >/dev/null
echo "ok  ALTER USER, SET PASSWORD [FOR], DROP USER"

# --- PyMySQL: native greeting, switch to caching_sha2; RSA, fast, TLS ------------------
sql -e "CREATE USER dave IDENTIFIED BY 'd4ve'; CREATE USER erin IDENTIFIED WITH mysql_native_password BY 'e'"
"$PY" - "$MYSQL_PORT" <<'PY' || fail "PyMySQL checks failed"
import sys, pymysql
kw = dict(host="127.0.0.1", port=int(sys.argv[1]), autocommit=True)
def one(**extra):
    c = pymysql.connect(**kw, **extra)
    cur = c.cursor()
    cur.execute("SHOW STATUS LIKE 'Ssl_cipher'")
    cipher = cur.fetchall()[0][1]
    c.close()
    return cipher
assert one(user="dave", password="d4ve") == "", "RSA path"       # first login: full, RSA
assert one(user="dave", password="d4ve") == "", "fast path"
assert one(user="dave", password="d4ve", ssl={"check_hostname": False}) != "", "TLS"
assert one(user="erin", password="e") == "", "native"
for user, password in (("dave", "bad"), ("nobody", "x"), ("erin", "bad")):
    try:
        one(user=user, password=password)
        raise SystemExit("login %s/%s succeeded" % (user, password))
    except pymysql.err.OperationalError as e:
        assert e.args[0] == 1045, e
print("ok  PyMySQL: RSA path, fast path, TLS, native, 1045")
PY

# --- Accounts survive a restart; the cache does not (full path again) ------------------
minisqld_stop
minisqld_start "$DATADIR"
expect_eq "after restart, RSA path again" "9" "$(as_user dave d4ve --skip-ssl -N -e 'SELECT 9')"
echo "ok  accounts persist"
