#!/usr/bin/env bash
# half_open_flood_test.sh — sockets that never log in cannot lock real users out.
#
# With --max-connections=5, a client opens 40 TCP connections to the MySQL port and
# never answers the greeting. Only logged-in connections count against
# --max-connections; those still logging in have their own cap (the oldest is closed
# when it is full, net/server.h), so the stock mysql client must still log in at once.
# Then five idle logged-in sessions fill --max-connections and the sixth gets ERR 1040.
source "$(dirname "$0")/lib.sh"
skip_on_reference "minisqld's own admission policy"

minisqld_start "" --max-connections=5 --connect-timeout=60

python3 - "$MYSQL_PORT" >"$E2E_TMP/flood.out" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(40)]
print("opened", len(held), flush=True)
time.sleep(30)
PY
flood_pid=$!
for _ in $(seq 100); do grep -q opened "$E2E_TMP/flood.out" && break; sleep 0.1; done
grep -q "opened 40" "$E2E_TMP/flood.out" || fail "flood client: $(cat "$E2E_TMP/flood.out")"

expect_eq "login during a half-open flood" "1" "$(sql -N -B -e "SELECT 1")"
expect_eq "and again" "ok" "$(sql -N -B -e "SELECT 'ok'")"

# Five logged-in sessions fill --max-connections: then a login is refused with 1040.
pids=()
for i in 1 2 3 4 5; do
  # A sleeper may lose its slot to a probe below: it retries.
  (for _ in $(seq 20); do sql -e "SELECT SLEEP(6)" >/dev/null 2>&1 && exit 0; sleep 0.2; done
   exit 1) &
  pids+=($!)
done
refused=""
for _ in $(seq 50); do
  out="$(sql -N -B -e "SELECT 1" 2>&1 || true)"
  if [[ "$out" == *"1040"*"Too many connections"* ]]; then refused=yes; break; fi
  sleep 0.1
done
[ -n "$refused" ] || fail "no ERR 1040 with five sessions logged in (last answer: $out)"
for pid in "${pids[@]}"; do wait "$pid" || fail "a sleeper failed"; done
expect_eq "login after the sleepers left" "1" "$(sql -N -B -e "SELECT 1")"
kill "$flood_pid" 2>/dev/null || true
wait "$flood_pid" 2>/dev/null || true
minisqld_stop
echo "PASS half-open flood"
