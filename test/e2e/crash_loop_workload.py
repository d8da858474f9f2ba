#!/usr/bin/env python3
"""crash_loop_workload.py — the client side of crash_loop_test.sh.

Several clients run a transactional workload against one minisqld until the test
kills the server with kill -9; after the restart, `verify` checks that the recovered
database holds exactly what the server acknowledged.

  crash_loop_workload.py setup  PORT                  create the schema (once)
  crash_loop_workload.py run    PORT LOGDIR SEED SECS  clients work until SECS pass or
                                                      the server goes away; LOGDIR/running
                                                      appears once they are all connected
  crash_loop_workload.py verify PORT LOGDIR           compare the database with the logs

Tables (database cl):

  items     (id PK, client, txn, payload, crc, KEY (client))   crc = CRC-32 of the
            row's other columns, so a torn or mixed-up row is recognisable on its own
  transfers (id PK, client, src, dst, amount)                  one row per transfer
  accounts  (id PK, balance)                                   shared by all clients

What a client does, at random, one transaction at a time:
  * an autocommit INSERT of one item;
  * BEGIN; several INSERT / UPDATE / DELETE of its own items; COMMIT;
  * BEGIN; SELECT .. FOR UPDATE both accounts; move money; INSERT the transfer row;
    COMMIT (lock waits and deadlocks are rolled back and simply not logged).

The client log. Each client owns its own keys (id = client * 10^7 + n), so the rows of
client k are determined by k's transactions alone. Every client appends to
LOGDIR/client<k>.log, one JSON object per line, flushed at once (this process is
not killed, so the lines survive the server's crash):

  {"txn": n, "ops": [...]}    written just before COMMIT is sent (the intent)
  {"ack": n}                  written after the server answered COMMIT with OK
  {"abort": n}                the server answered COMMIT with an error
  {"resolved": n, "applied": b}  written by `verify` for the one transaction whose
                              COMMIT was in flight when the server died

A client has at most one transaction in flight, so after a crash its rows must be
exactly the replay of its acknowledged transactions (state S0), or S0 plus the one
in-flight transaction as a whole (S1). Anything else — an acknowledged commit
missing, half of a transaction, a row whose crc does not match — fails. The accounts
must hold the initial balance plus the transfers actually present (a transfer and
its balance changes are one transaction), and the total never changes.
"""
import json
import os
import random
import sys
import threading
import time
import zlib

import pymysql

CLIENTS = 4
ACCOUNTS = 8
INITIAL_BALANCE = 1000
KEY_SPACE = 10_000_000
# The server went away (or, 1053, is shutting down): the outcome of a COMMIT in flight
# is unknown. Any other error is a failure of the test.
CONNECTION_ERRORS = (2003, 2006, 2013, 2014, 1053, 0)


def connect(port, autocommit=True):
    return pymysql.connect(host="127.0.0.1", port=port, user="root", database="cl",
                           autocommit=autocommit, connect_timeout=5, read_timeout=30,
                           write_timeout=30)


def item_crc(item_id, client, txn, payload):
    return zlib.crc32(f"{item_id}|{client}|{txn}|{payload}".encode())


def setup(port):
    conn = pymysql.connect(host="127.0.0.1", port=port, user="root", autocommit=True)
    with conn.cursor() as cur:
        cur.execute("CREATE DATABASE cl")
        cur.execute("CREATE TABLE cl.items (id BIGINT PRIMARY KEY, client INT, txn INT, "
                    "payload VARCHAR(400), crc BIGINT, KEY (client))")
        cur.execute("CREATE TABLE cl.transfers (id BIGINT PRIMARY KEY, client INT, src INT, "
                    "dst INT, amount INT)")
        cur.execute("CREATE TABLE cl.accounts (id INT PRIMARY KEY, balance INT)")
        values = ",".join(f"({a}, {INITIAL_BALANCE})" for a in range(ACCOUNTS))
        cur.execute(f"INSERT INTO cl.accounts VALUES {values}")
    conn.close()


# --- The model: a client's rows, replayed from its log ------------------------------------

class ClientLog:
    """A client's log, read back: its acknowledged state and its in-flight transaction."""

    def __init__(self, path):
        self.path = path
        self.items = {}      # id -> (txn, payload), acknowledged state S0
        self.transfers = {}  # id -> (src, dst, amount)
        self.pending = None  # (txn, ops) whose COMMIT got no answer
        self.last_txn = 0
        self.last_key = 0
        self.acked = 0
        if not os.path.exists(path):
            return
        intents = {}
        with open(path) as f:
            for line in f:
                record = json.loads(line)
                if "txn" in record:
                    if self.pending is not None:
                        raise SystemExit(f"{path}: txn {self.pending[0]} never resolved")
                    intents[record["txn"]] = record["ops"]
                    self.pending = (record["txn"], record["ops"])
                    self.last_txn = record["txn"]
                    for op in record["ops"]:
                        self.last_key = max(self.last_key, op[1] % KEY_SPACE)
                elif "ack" in record or record.get("applied"):
                    n = record.get("ack", record.get("resolved"))
                    apply_ops(self.items, self.transfers, intents.pop(n), n)
                    self.pending = None
                    self.acked += "ack" in record
                else:  # abort, or resolved as not applied
                    intents.pop(record.get("abort", record.get("resolved")))
                    self.pending = None


def apply_ops(items, transfers, ops, txn):
    for op in ops:
        kind, key = op[0], op[1]
        if kind in ("insert", "update"):
            items[key] = (txn, op[2])
        elif kind == "delete":
            del items[key]
        elif kind == "transfer":
            transfers[key] = tuple(op[2:5])


# --- run: the clients ----------------------------------------------------------------------

class Client:
    def __init__(self, port, number, logdir, seed, seconds):
        self.port, self.number, self.seconds = port, number, seconds
        self.rng = random.Random(seed * 100 + number)
        self.log_path = os.path.join(logdir, f"client{number}.log")
        model = ClientLog(self.log_path)
        if model.pending is not None:
            raise SystemExit(f"{self.log_path}: unresolved txn {model.pending[0]}; run verify")
        self.items, self.transfers = model.items, model.transfers
        self.txn, self.key = model.last_txn, model.last_key
        self.log = open(self.log_path, "a")
        self.commits = 0
        self.error = None
        self.connected = threading.Event()

    def write_log(self, record):
        self.log.write(json.dumps(record) + "\n")
        self.log.flush()

    def next_key(self):
        self.key += 1
        return self.number * KEY_SPACE + self.key

    def payload(self):
        return "".join(self.rng.choice("abcdefghij") for _ in range(self.rng.randint(1, 300)))

    def commit(self, cur, ops, autocommit_sql=None):
        """Logs the intent, commits (or runs the autocommit statement), logs the outcome."""
        self.txn += 1
        self.write_log({"txn": self.txn, "ops": ops})
        try:
            if autocommit_sql is not None:
                cur.execute(*autocommit_sql)
            else:
                cur.execute("COMMIT")
        except pymysql.err.MySQLError as e:
            if e.args and e.args[0] in CONNECTION_ERRORS or not e.args:
                raise  # unknown outcome: left pending for verify
            self.write_log({"abort": self.txn})  # refused: nothing of it may be there
            raise  # but this workload never expects a refusal: work() reports it
        self.write_log({"ack": self.txn})
        apply_ops(self.items, self.transfers, ops, self.txn)
        self.commits += 1

    def insert_one(self, cur):
        key, payload = self.next_key(), self.payload()
        sql = ("INSERT INTO items VALUES (%s, %s, %s, %s, %s)",
               (key, self.number, self.txn + 1, payload,
                item_crc(key, self.number, self.txn + 1, payload)))
        self.commit(cur, [["insert", key, payload]], autocommit_sql=sql)

    def multi_statement(self, cur):
        txn, ops = self.txn + 1, []
        cur.execute("BEGIN")
        for _ in range(self.rng.randint(1, 4)):
            key, payload = self.next_key(), self.payload()
            cur.execute("INSERT INTO items VALUES (%s, %s, %s, %s, %s)",
                        (key, self.number, txn, payload, item_crc(key, self.number, txn, payload)))
            ops.append(["insert", key, payload])
        existing = sorted(self.items)
        for key in self.rng.sample(existing, min(len(existing), self.rng.randint(0, 3))):
            if self.rng.random() < 0.5:
                payload = self.payload()
                cur.execute("UPDATE items SET txn = %s, payload = %s, crc = %s WHERE id = %s",
                            (txn, payload, item_crc(key, self.number, txn, payload), key))
                ops.append(["update", key, payload])
            else:
                cur.execute("DELETE FROM items WHERE id = %s", (key,))
                ops.append(["delete", key])
        self.commit(cur, ops)

    def transfer(self, cur):
        src, dst = self.rng.sample(range(ACCOUNTS), 2)
        amount = self.rng.randint(1, 100)
        key = self.next_key()
        try:
            cur.execute("BEGIN")
            for account in sorted((src, dst)) if self.rng.random() < 0.8 else (src, dst):
                cur.execute("SELECT balance FROM accounts WHERE id = %s FOR UPDATE", (account,))
            cur.execute("UPDATE accounts SET balance = balance - %s WHERE id = %s", (amount, src))
            cur.execute("UPDATE accounts SET balance = balance + %s WHERE id = %s", (amount, dst))
            cur.execute("INSERT INTO transfers VALUES (%s, %s, %s, %s, %s)",
                        (key, self.number, src, dst, amount))
        except pymysql.err.OperationalError as e:
            if e.args[0] not in (1205, 1213):
                raise
            cur.execute("ROLLBACK")
            return
        self.commit(cur, [["transfer", key, src, dst, amount]])

    def work(self):
        try:
            conn = connect(self.port)
            self.connected.set()
            deadline = time.time() + self.seconds
            with conn.cursor() as cur:
                while time.time() < deadline:
                    choice = self.rng.random()
                    if choice < 0.35:
                        self.insert_one(cur)
                    elif choice < 0.7:
                        self.multi_statement(cur)
                    else:
                        self.transfer(cur)
            conn.close()
        except (pymysql.err.MySQLError, OSError) as e:
            code = e.args[0] if e.args else 0
            if code not in CONNECTION_ERRORS and not isinstance(e, OSError):
                self.error = f"client {self.number}: unexpected error {e!r}"
        finally:
            self.log.close()


def run(port, logdir, seed, seconds):
    clients = [Client(port, n, logdir, seed, seconds) for n in range(CLIENTS)]
    threads = [threading.Thread(target=c.work) for c in clients]
    for t in threads:
        t.start()
    # Tell the test when every client is connected (it times the kill from then on).
    for c, t in zip(clients, threads):
        while not c.connected.wait(0.01) and t.is_alive():
            pass
    with open(os.path.join(logdir, "running"), "w"):
        pass
    for t in threads:
        t.join()
    errors = [c.error for c in clients if c.error]
    for error in errors:
        print("FAIL", error, flush=True)
    print(f"run: {sum(c.commits for c in clients)} commits acknowledged", flush=True)
    return 1 if errors else 0


# --- verify ----------------------------------------------------------------------------------

def verify(port, logdir):
    failures = []
    conn = connect(port)
    with conn.cursor() as cur:
        cur.execute("SELECT id, client, txn, payload, crc FROM items")
        items = cur.fetchall()
        cur.execute("SELECT id, client, src, dst, amount FROM transfers")
        transfers = cur.fetchall()
        cur.execute("SELECT id, balance FROM accounts ORDER BY id")
        accounts = dict(cur.fetchall())
        index_counts = {}
        for n in range(CLIENTS):  # through the secondary index on client
            cur.execute("SELECT COUNT(*) FROM items WHERE client = %s", (n,))
            index_counts[n] = cur.fetchone()[0]
    conn.close()

    actual_items = {n: {} for n in range(CLIENTS)}
    for item_id, client, txn, payload, crc in items:
        if crc != item_crc(item_id, client, txn, payload):
            failures.append(f"item {item_id}: crc {crc} does not match its content")
        if client not in actual_items or item_id // KEY_SPACE != client:
            failures.append(f"item {item_id}: unexpected client {client}")
            continue
        actual_items[client][item_id] = (txn, payload)
    actual_transfers = {n: {} for n in range(CLIENTS)}
    for transfer_id, client, src, dst, amount in transfers:
        if client not in actual_transfers:
            failures.append(f"transfer {transfer_id}: unexpected client {client}")
            continue
        actual_transfers[client][transfer_id] = (src, dst, amount)

    acked = 0
    for n in range(CLIENTS):
        log = ClientLog(os.path.join(logdir, f"client{n}.log"))
        acked += log.acked
        got = (actual_items[n], actual_transfers[n])
        if index_counts[n] != len(actual_items[n]):
            failures.append(f"client {n}: index on client counts {index_counts[n]} items, "
                            f"the table has {len(actual_items[n])}")
        s0 = (log.items, log.transfers)
        if got == s0:
            if log.pending is not None:
                append(logdir, n, {"resolved": log.pending[0], "applied": False})
            continue
        if log.pending is not None:
            s1 = (dict(log.items), dict(log.transfers))
            apply_ops(s1[0], s1[1], log.pending[1], log.pending[0])
            if got == s1:
                append(logdir, n, {"resolved": log.pending[0], "applied": True})
                continue
        failures.append(f"client {n}: rows differ from its acknowledged commits "
                        f"(in flight: {log.pending and log.pending[0]}): "
                        + describe_difference(s0, got))

    expected_balances = {a: INITIAL_BALANCE for a in range(ACCOUNTS)}
    for per_client in actual_transfers.values():
        for src, dst, amount in per_client.values():
            expected_balances[src] -= amount
            expected_balances[dst] += amount
    if accounts != expected_balances:
        failures.append(f"balances {accounts} do not match the transfers {expected_balances}")
    if sum(accounts.values()) != ACCOUNTS * INITIAL_BALANCE:
        failures.append(f"total balance {sum(accounts.values())} != {ACCOUNTS * INITIAL_BALANCE}")
    for failure in failures[:20]:
        print("FAIL", failure, flush=True)
    print(f"verify: {len(items)} items, {len(transfers)} transfers, {acked} acknowledged "
          f"commits checked", flush=True)
    return 1 if failures else 0


def describe_difference(expected, got):
    parts = []
    for name, want, have in (("items", expected[0], got[0]), ("transfers", expected[1], got[1])):
        missing = sorted(set(want) - set(have))
        extra = sorted(set(have) - set(want))
        changed = sorted(k for k in set(want) & set(have) if want[k] != have[k])
        if missing or extra or changed:
            parts.append(f"{name}: missing {missing[:5]} extra {extra[:5]} changed {changed[:5]}")
    return "; ".join(parts)


def append(logdir, n, record):
    with open(os.path.join(logdir, f"client{n}.log"), "a") as f:
        f.write(json.dumps(record) + "\n")


def main(argv):
    command, port = argv[1], int(argv[2])
    if command == "setup":
        setup(port)
        return 0
    if command == "run":
        return run(port, argv[3], int(argv[4]), float(argv[5]))
    if command == "verify":
        return verify(port, argv[3])
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
