#!/usr/bin/env bash
# transactions_concurrency_test.sh — several clients at once against one minisqld:
#   1. two clients each run `UPDATE c SET n = n + 1 WHERE id = 1` 10,000 times in
#      autocommit: the counter ends at exactly 20000 (no lost update);
#   2. four clients transfer money between accounts in explicit transactions (locking
#      reads, retries on deadlock) while a REPEATABLE READ reader checks that the sum
#      is the same in every snapshot: the final sum is unchanged;
#   3. a REPEATABLE READ reader sees one stable snapshot while another client commits;
#   4. lock_wait_timeout=1 gives 1205 and rolls back only the statement;
#   5. a forced deadlock gives 1213 to one client, whose whole transaction is gone;
#   6. a client that disconnects inside a transaction is rolled back.
source "$(dirname "$0")/lib.sh"
# A python3 with PyMySQL (Debian's python3-pymysql, tools/deps.sh), even when another
# python3 comes first in PATH.
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import pymysql" 2>/dev/null; then PYTHON="$candidate"; break; fi
done
[ -n "$PYTHON" ] || fail "no python3 with PyMySQL (install python3-pymysql)"
minisqld_start
sql -e "CREATE DATABASE tx; CREATE TABLE tx.c (id INT PRIMARY KEY, n INT);
        INSERT INTO tx.c VALUES (1, 0);
        CREATE TABLE tx.acct (id INT PRIMARY KEY, balance INT);
        INSERT INTO tx.acct VALUES (1,1000),(2,1000),(3,1000),(4,1000),(5,1000),(6,1000);
        CREATE TABLE tx.kv (k INT PRIMARY KEY, v INT); INSERT INTO tx.kv VALUES (1,1),(2,2);"

"$PYTHON" - "$MYSQL_PORT" <<'PY' || fail "concurrency checks failed (see above)"
import random, sys, threading, time
import pymysql

PORT = int(sys.argv[1])
failures = []

def connect(autocommit=True):
    return pymysql.connect(host="127.0.0.1", port=PORT, user="root", database="tx",
                           autocommit=autocommit)

def check(what, expected, actual):
    if expected != actual:
        failures.append(f"{what}: expected {expected!r}, got {actual!r}")
        print("FAIL", failures[-1], flush=True)

def scalar(conn, query):
    with conn.cursor() as cur:
        cur.execute(query)
        return cur.fetchone()[0]

# --- 1. the counter -------------------------------------------------------------------
def bump(times):
    conn = connect()
    with conn.cursor() as cur:
        for _ in range(times):
            cur.execute("UPDATE c SET n = n + 1 WHERE id = 1")
    conn.close()

threads = [threading.Thread(target=bump, args=(10000,)) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
check("counter after 2 x 10000 increments", 20000, scalar(connect(), "SELECT n FROM c WHERE id = 1"))

# --- 2. transfers keep the sum ----------------------------------------------------------
stop = threading.Event()
deadlocks = [0]

def transfer(seed):
    rng = random.Random(seed)
    conn = connect(autocommit=False)
    for _ in range(300):
        a, b = rng.sample(range(1, 7), 2)
        amount = rng.randint(1, 50)
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT balance FROM acct WHERE id = %s FOR UPDATE", (a,))
                cur.execute("UPDATE acct SET balance = balance - %s WHERE id = %s", (amount, a))
                cur.execute("UPDATE acct SET balance = balance + %s WHERE id = %s", (amount, b))
            conn.commit()
        except pymysql.err.OperationalError as e:
            if e.args[0] not in (1213, 1205):
                failures.append(f"transfer: unexpected error {e}")
            if e.args[0] == 1213:
                deadlocks[0] += 1
            conn.rollback()
    conn.close()

def audit():
    conn = connect(autocommit=False)
    while not stop.is_set():
        with conn.cursor() as cur:
            cur.execute("START TRANSACTION")
            cur.execute("SELECT SUM(balance) FROM acct")
            first = int(cur.fetchone()[0])
            time.sleep(0.01)
            cur.execute("SELECT SUM(balance) FROM acct")
            second = int(cur.fetchone()[0])
            cur.execute("COMMIT")
        check("sum seen by a snapshot", 6000, first)
        check("sum seen twice by one snapshot", first, second)
    conn.close()

auditor = threading.Thread(target=audit)
auditor.start()
workers = [threading.Thread(target=transfer, args=(i,)) for i in range(4)]
for t in workers: t.start()
for t in workers: t.join()
stop.set()
auditor.join()
check("sum after transfers", 6000, int(scalar(connect(), "SELECT SUM(balance) FROM acct")))
print(f"transfers done ({deadlocks[0]} deadlocks retried)", flush=True)

# --- 3. a stable snapshot while another client commits ---------------------------------
reader, writer = connect(autocommit=False), connect()
with reader.cursor() as r, writer.cursor() as w:
    r.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT")
    w.execute("UPDATE kv SET v = 10 WHERE k = 1")
    w.execute("INSERT INTO kv VALUES (3, 3)")
    w.execute("DELETE FROM kv WHERE k = 2")
    r.execute("SELECT k, v FROM kv ORDER BY k")
    check("snapshot rows", ((1, 1), (2, 2)), r.fetchall())
    r.execute("COMMIT")
    r.execute("SELECT k, v FROM kv ORDER BY k")
    check("rows after the snapshot ended", ((1, 10), (3, 3)), r.fetchall())

# --- 4. lock wait timeout -------------------------------------------------------------
holder, waiter = connect(autocommit=False), connect(autocommit=False)
with holder.cursor() as h, waiter.cursor() as w:
    h.execute("UPDATE kv SET v = 100 WHERE k = 1")
    w.execute("SET SESSION innodb_lock_wait_timeout = 1")
    w.execute("INSERT INTO kv VALUES (4, 4)")  # an earlier statement of the same transaction
    start = time.time()
    try:
        w.execute("UPDATE kv SET v = 200 WHERE k = 1")
        check("lock wait", "error 1205", "no error")
    except pymysql.err.OperationalError as e:
        check("lock wait error", 1205, e.args[0])
    elapsed = time.time() - start
    if not 0.9 <= elapsed < 5:
        failures.append(f"lock wait took {elapsed:.2f}s, expected about 1s")
    w.execute("SELECT @@in_transaction")
    check("waiter still in its transaction", 1, int(w.fetchone()[0]))
    w.execute("COMMIT")  # keeps the INSERT: only the statement was rolled back
    h.execute("ROLLBACK")
check("row inserted before the timeout", 4, scalar(connect(), "SELECT v FROM kv WHERE k = 4"))
check("row the holder rolled back", 10, scalar(connect(), "SELECT v FROM kv WHERE k = 1"))

# --- 5. deadlock ------------------------------------------------------------------------
a, b = connect(autocommit=False), connect(autocommit=False)
result = {}
with a.cursor() as ca, b.cursor() as cb:
    ca.execute("UPDATE kv SET v = 11 WHERE k = 1")
    cb.execute("UPDATE kv SET v = 33 WHERE k = 3")
    def b_waits():
        try:
            cb.execute("UPDATE kv SET v = 12 WHERE k = 1")
            result["b"] = "ok"
        except pymysql.err.OperationalError as e:
            result["b"] = e.args[0]
    t = threading.Thread(target=b_waits)
    t.start()
    time.sleep(0.3)
    try:
        ca.execute("UPDATE kv SET v = 31 WHERE k = 3")
        result["a"] = "ok"
    except pymysql.err.OperationalError as e:
        result["a"] = e.args[0]
    if result["a"] == "ok":  # b was the victim
        t.join()
        a.commit()
    else:
        t.join()
        b.commit()
    check("one deadlock victim", ["1213", "ok"], sorted(str(r) for r in (result["a"], result.get("b"))))
with connect().cursor() as cur:
    cur.execute("SELECT k, v FROM kv WHERE k IN (1, 3) ORDER BY k")
    got = cur.fetchall()
    expected = ((1, 12), (3, 33)) if result["a"] == 1213 else ((1, 11), (3, 31))
    check("rows after the deadlock", expected, got)

# --- 6. disconnect inside a transaction -------------------------------------------------
gone = connect(autocommit=False)
with gone.cursor() as g:
    g.execute("INSERT INTO kv VALUES (99, 99)")
    g.execute("UPDATE kv SET v = -1 WHERE k = 1")
gone.close()
time.sleep(0.2)
other = connect()
check("disconnected insert rolled back", 0, scalar(other, "SELECT COUNT(*) FROM kv WHERE k = 99"))
with other.cursor() as cur:
    cur.execute("SET SESSION innodb_lock_wait_timeout = 2")
    cur.execute("UPDATE kv SET v = 5 WHERE k = 1")  # its lock was released
check("row updated after the disconnect", 5, scalar(other, "SELECT v FROM kv WHERE k = 1"))

sys.exit(1 if failures else 0)
PY
minisqld_stop
echo "PASS"
