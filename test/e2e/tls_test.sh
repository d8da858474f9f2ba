#!/usr/bin/env bash
# tls_test.sh — TLS on the MySQL port (SSLRequest upgrade, generated certificates,
# --ssl-cert/--ssl-key, --skip-ssl, --require-secure-transport).
#
# With the stock mysql client (libmariadb): queries over TLS, the negotiated cipher in
# SHOW STATUS and in the client's `status` output, server-certificate verification
# against the generated ca.pem, a plain connection next to it, a 1 MB value through
# TLS both ways, the files' modes and their reuse across a restart; then a server that
# requires secure transport (plain logins get 3159) and one with TLS off.
source "$(dirname "$0")/lib.sh"
skip_on_reference "generated certificates live in minisqld's datadir"

minisqld_start ""
data="$DATADIR"
for f in ca.pem ca-key.pem server-cert.pem server-key.pem; do
  [ -f "$data/$f" ] || fail "$f was not generated"
done
expect_eq "key file mode" "600 600" "$(stat -c %a "$data/ca-key.pem" "$data/server-key.pem" | xargs)"
openssl verify -CAfile "$data/ca.pem" "$data/server-cert.pem" >/dev/null ||
  fail "server-cert.pem is not signed by ca.pem"

cipher="$(sql --ssl -N -e "SHOW SESSION STATUS LIKE 'Ssl_cipher'" | cut -f2)"
[ -n "$cipher" ] || fail "no Ssl_cipher over --ssl"
version="$(sql --ssl -N -e "SHOW STATUS LIKE 'Ssl_version'" | cut -f2)"
[[ "$version" == TLSv1.[23] ]] || fail "unexpected Ssl_version '$version'"
sql --ssl -e status | grep -q $'^SSL:\t\t\tCipher in use is '"$cipher"'$' ||
  fail "mysql status shows no 'SSL: Cipher in use is $cipher'"
expect_eq "verified TLS query" "42" \
  "$(sql --ssl-verify-server-cert --ssl-ca="$data/ca.pem" -N -e 'SELECT 6*7')"
expect_eq "plain connection has no cipher" "" \
  "$(sql --skip-ssl -N -e "SHOW STATUS LIKE 'Ssl_cipher'" | cut -f2)"
echo "ok  TLS queries, Ssl_cipher, status line, verified certificate, plain next to TLS"

# 1.2 MB through TLS both ways (many TLS records; output back-pressure).
sql --ssl -e "CREATE DATABASE t; CREATE TABLE t.big (id INT PRIMARY KEY, v TEXT)"
python3 -c "
for i in range(20):
    print(\"INSERT INTO t.big VALUES (%d, '%s');\" % (i, chr(97 + i) * 60000))" |
  sql --ssl >/dev/null 2>"$E2E_TMP/err" || fail "inserting over TLS: $(head -c 300 "$E2E_TMP/err")"
expect_eq "1.2 MB through TLS" "1200000" "$(sql --ssl -N -e "SELECT SUM(LENGTH(v)) FROM t.big")"
expect_eq "1.2 MB value bytes" "$(sql --skip-ssl -N -e 'SELECT v FROM t.big' | md5sum)" \
  "$(sql --ssl -N -e 'SELECT v FROM t.big' | md5sum)"
echo "ok  1.2 MB over TLS"

# A client that sends an SSLRequest and then garbage instead of a ClientHello costs only
# its own connection; a second SSLRequest... cannot happen before TLS, so just check
# the server still serves.
python3 - "$MYSQL_PORT" <<'PY' || fail "raw SSLRequest + garbage failed"
import socket, struct, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
greeting = s.recv(4096)
caps = struct.unpack("<H", greeting[greeting.index(b"\0", 5) + 14:][:2])[0]
assert caps & 0x800, "CLIENT_SSL not announced"
payload = struct.pack("<IIB", 0x200 | 0x800 | 0x8000, 1 << 24, 45) + b"\0" * 23
s.sendall(struct.pack("<I", len(payload))[:3] + b"\x01" + payload + b"\x16\x03\x01garbage!" * 50)
s.settimeout(10)
try:
    while s.recv(4096):
        pass
except (ConnectionResetError, socket.timeout):
    pass
PY
expect_eq "server alive after bad TLS" "1" "$(sql --ssl -N -e 'SELECT 1')"
echo "ok  garbage after SSLRequest"

# Restart: the generated files are reused, not regenerated.
before="$(md5sum "$data/ca.pem" "$data/server-cert.pem")"
minisqld_stop
minisqld_start "$data" --require-secure-transport
expect_eq "certificates reused" "$before" "$(md5sum "$data/ca.pem" "$data/server-cert.pem")"
expect_eq "TLS login with require-secure-transport" "1" "$(sql --ssl -N -e 'SELECT 1')"
if sql --skip-ssl -e 'SELECT 1' 2>"$E2E_TMP/err" >/dev/null; then
  fail "plain login accepted with --require-secure-transport"
fi
expect_eq "plain login refused" \
  "ERROR 3159 (HY000): Connections using insecure transport are prohibited while --require_secure_transport=ON." \
  "$(cat "$E2E_TMP/err")"
echo "ok  reuse across restart, --require-secure-transport"
minisqld_stop

# Explicit files (the generated ones, by name), then TLS off.
minisqld_start "" --ssl-cert="$data/server-cert.pem" --ssl-key="$data/server-key.pem" \
  --ssl-ca="$data/ca.pem"
[ ! -f "$DATADIR/ca.pem" ] || fail "certificates generated although --ssl-cert was given"
expect_eq "--ssl-cert" "42" \
  "$(sql --ssl-verify-server-cert --ssl-ca="$data/ca.pem" -N -e 'SELECT 6*7')"
minisqld_stop
minisqld_start "" --skip-ssl
[ ! -f "$DATADIR/ca.pem" ] || fail "certificates generated with --skip-ssl"
expect_eq "--skip-ssl, client default" "1" "$(sql -N -e 'SELECT 1')"
if sql --ssl-verify-server-cert -e 'SELECT 1' 2>/dev/null >/dev/null; then
  fail "TLS login succeeded with --skip-ssl"
fi
python3 - "$MYSQL_PORT" <<'PY' || fail "SSLRequest without TLS is not ERR 1043"
import socket, struct, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
greeting = s.recv(4096)
caps = struct.unpack("<H", greeting[greeting.index(b"\0", 5) + 14:][:2])[0]
assert not caps & 0x800, "CLIENT_SSL announced with --skip-ssl"
payload = struct.pack("<IIB", 0x200 | 0x800 | 0x8000, 1 << 24, 45) + b"\0" * 23
s.sendall(struct.pack("<I", len(payload))[:3] + b"\x01" + payload)
reply = s.recv(4096)
assert reply[4] == 0xFF and struct.unpack("<H", reply[5:7])[0] == 1043, reply
PY
minisqld_stop
if "$MINISQLD" --datadir="$E2E_TMP" --ssl-cert=/nonexistent --ssl-key=/nonexistent \
  --port=0 --text-port=0 >"$E2E_TMP/bad.log" 2>&1; then
  fail "minisqld started with a missing certificate"
fi
grep -q "cannot load certificate /nonexistent" "$E2E_TMP/bad.log" || fail "no clear error: $(cat "$E2E_TMP/bad.log")"
echo "ok  --ssl-cert/--ssl-key/--ssl-ca, --skip-ssl, bad certificate path"
