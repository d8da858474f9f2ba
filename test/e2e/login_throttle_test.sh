#!/usr/bin/env bash
# login_throttle_test.sh — failed logins from one address are throttled (net/login_throttle.h).
#
# Unknown user and wrong password both answer the same 1045 and both count. A
# successful login clears the count; after 10 consecutive failures the address (here
# localhost) gets ERR 1129 instead of the greeting, even with the right password.
source "$(dirname "$0")/lib.sh"
skip_on_reference "minisqld's own throttle (MariaDB counts handshake errors only)"

minisqld_start
sql -e "CREATE USER 'u'@'%' IDENTIFIED BY 'right'"

login() {  # user password -> the client's stderr (empty on success)
  mysql --no-defaults --protocol=TCP -h127.0.0.1 -P"$MYSQL_PORT" -u"$1" -p"$2" \
    -N -B -e "SELECT 'in'" 2>&1 >/dev/null || true
}

expect_eq "wrong password" \
  "ERROR 1045 (28000): Access denied for user 'u'@'localhost' (using password: YES)" \
  "$(login u wrong)"
expect_eq "unknown user (same error)" \
  "ERROR 1045 (28000): Access denied for user 'ghost'@'localhost' (using password: YES)" \
  "$(login ghost wrong)"
for i in $(seq 7); do login u wrong >/dev/null; done  # 9 failures so far
expect_eq "a success after 9 failures" "" "$(login u right)"
for i in $(seq 9); do login ghost x >/dev/null; done  # counting again from zero: 9
expect_eq "still admitted after 9 new failures" "" "$(login u right)"
for i in $(seq 10); do
  out="$(login u wrong)"
  [[ "$out" == *"1045"* ]] || fail "failure $i: $out"
done
out="$(login u right)"
[[ "$out" == *"1129"*"Host 'localhost' is blocked because of many connection errors"* ]] ||
  fail "after 10 failures: '$out'"
echo "ok: blocked after 10 consecutive failures: $out"
minisqld_stop
echo "PASS login throttle"
