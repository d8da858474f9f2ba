"""SQLAlchemy Core workload for sqlalchemy_test.sh: tables, DML, transactions, reflection.

Usage: sqlalchemy_client.py PORT DATABASE

SQLAlchemy 1.4's mysql+pymysql dialect is one of the stock clients minisql must serve
(docs/protocol.md). At its first connect the dialect reads VERSION(), DATABASE(),
@@tx_isolation, @@sql_mode and @@lower_case_table_names; create_all asks
information_schema.tables whether each table exists; reflection (MetaData.reflect and
inspect()) runs SHOW FULL TABLES and parses SHOW CREATE TABLE with regular expressions.
So this script checks the server end to end through one real ORM toolkit: every result
is compared with the value the workload implies, and the process exits non-zero (an
AssertionError or a driver exception) at the first difference.
"""

import datetime
import decimal
import sys

import sqlalchemy as sa
from sqlalchemy import inspect

PORT, DATABASE = int(sys.argv[1]), sys.argv[2]
URL = f"mysql+pymysql://root@127.0.0.1:{PORT}/{DATABASE}?charset=utf8mb4"


def expect(what, expected, actual):
    if expected != actual:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


engine = sa.create_engine(URL, future=True)
metadata = sa.MetaData()
customers = sa.Table(
    "customers", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(80), nullable=False),
    sa.Column("name", sa.String(40), nullable=False),
    sa.Column("city", sa.String(30), nullable=True),
    sa.Index("ux_customers_email", "email", unique=True),
    sa.Index("ix_customers_city", "city"),
)
orders = sa.Table(
    "orders", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("customer_id", sa.Integer, nullable=False),
    sa.Column("amount", sa.Numeric(10, 2), nullable=False),
    sa.Column("placed_at", sa.DateTime, nullable=False),
    sa.Column("note", sa.String(100), nullable=True, server_default="none"),
    sa.Index("ix_orders_customer", "customer_id"),
)

# --- DDL through MetaData --------------------------------------------------------------
metadata.drop_all(engine)
metadata.create_all(engine)
with engine.connect() as conn:
    expect("has_table customers", True, inspect(conn).has_table("customers"))
    expect("has_table missing", False, inspect(conn).has_table("no_such_table"))
metadata.create_all(engine)  # checkfirst: a second create_all must find both tables

# --- executemany, then reads with WHERE / JOIN / GROUP BY / ORDER BY -------------------
cities = ["Oslo", "Lima", None, "Kyiv"]
with engine.begin() as conn:
    result = conn.execute(customers.insert(), [
        {"email": f"c{i}@example.org", "name": f"customer {i}", "city": cities[i % 4]}
        for i in range(1, 41)
    ])
    expect("customers inserted", 40, result.rowcount)
    base = datetime.datetime(2024, 1, 1, 12, 0, 0)
    order_rows = [{
        "customer_id": 1 + (i % 10),
        "amount": decimal.Decimal(i) + decimal.Decimal("0.25"),
        "placed_at": base + datetime.timedelta(days=i, seconds=i),
    } for i in range(200)]
    expect("orders inserted", 200, conn.execute(orders.insert(), order_rows).rowcount)
    single = conn.execute(orders.insert().values(customer_id=11, amount=decimal.Decimal("9.99"),
                                                 placed_at=base, note="single"))
    expect("autoincrement primary key", (201,), tuple(single.inserted_primary_key))

with engine.connect() as conn:
    expect("count customers", 40, conn.execute(sa.select(sa.func.count()).select_from(customers))
           .scalar_one())
    row = conn.execute(sa.select(customers).where(customers.c.email == "c7@example.org")).one()
    expect("row by unique email", (7, "c7@example.org", "customer 7", "Kyiv"), tuple(row))
    null_cities = conn.execute(sa.select(sa.func.count()).select_from(customers)
                               .where(customers.c.city.is_(None))).scalar_one()
    expect("NULL cities", 10, null_cities)
    order = conn.execute(sa.select(orders).where(orders.c.id == 6)).one()
    expect("decimal amount", decimal.Decimal("5.25"), order.amount)
    expect("datetime", datetime.datetime(2024, 1, 6, 12, 0, 5), order.placed_at)
    expect("server default", "none", order.note)

    # Per-customer totals through a join, grouped, filtered and ordered.
    total = sa.func.sum(orders.c.amount).label("total")
    query = (sa.select(customers.c.name, sa.func.count(orders.c.id).label("n"), total)
             .select_from(customers.join(orders, orders.c.customer_id == customers.c.id))
             .where(customers.c.city.is_not(None))
             .group_by(customers.c.id, customers.c.name)
             .having(sa.func.count(orders.c.id) > 5)
             .order_by(total.desc(), customers.c.name))
    expected = []
    for cid in range(1, 11):
        if cities[cid % 4] is None:
            continue
        amounts = [decimal.Decimal(i) + decimal.Decimal("0.25") for i in range(200)
                   if 1 + (i % 10) == cid]
        expected.append((f"customer {cid}", len(amounts), sum(amounts)))
    expected.sort(key=lambda r: (-r[2], r[0]))
    expect("join/group/order", expected, [tuple(r) for r in conn.execute(query)])

    # LEFT OUTER JOIN: customers without orders.
    lonely = conn.execute(
        sa.select(sa.func.count()).select_from(
            customers.outerjoin(orders, orders.c.customer_id == customers.c.id))
        .where(orders.c.id.is_(None))).scalar_one()
    expect("customers without orders", 29, lonely)

# --- UPDATE / DELETE (rowcount = matched rows: SQLAlchemy sets CLIENT_FOUND_ROWS) ------
with engine.begin() as conn:
    updated = conn.execute(customers.update().where(customers.c.city == "Oslo")
                           .values(city="Bergen"))
    expect("updated rows", 10, updated.rowcount)
    same = conn.execute(customers.update().where(customers.c.id == 2).values(city="Lima"))
    expect("unchanged row still counts as matched", 1, same.rowcount)
    deleted = conn.execute(orders.delete().where(orders.c.amount < 20))
    expect("deleted rows", 21, deleted.rowcount)  # 0.25 .. 19.25 plus the 9.99 single
with engine.connect() as conn:
    expect("after update", 10, conn.execute(
        sa.select(sa.func.count()).select_from(customers).where(customers.c.city == "Bergen"))
        .scalar_one())
    expect("after delete", 180, conn.execute(sa.select(sa.func.count()).select_from(orders))
           .scalar_one())

# --- Transactions: rollback discards, commit keeps, a failure rolls back ---------------
with engine.connect() as conn:
    trans = conn.begin()
    conn.execute(customers.insert().values(email="x@example.org", name="temp"))
    conn.execute(orders.delete())
    trans.rollback()
    expect("rolled back insert", 0, conn.execute(
        sa.select(sa.func.count()).select_from(customers)
        .where(customers.c.email == "x@example.org")).scalar_one())
    expect("rolled back delete", 180, conn.execute(
        sa.select(sa.func.count()).select_from(orders)).scalar_one())
    conn.rollback()
try:
    with engine.begin() as conn:
        conn.execute(customers.insert().values(email="y@example.org", name="kept?"))
        conn.execute(customers.insert().values(email="c1@example.org", name="duplicate"))
    raise AssertionError("duplicate email was accepted")
except sa.exc.IntegrityError as error:
    expect("duplicate key errno", 1062, error.orig.args[0])
with engine.begin() as conn:
    conn.execute(customers.insert().values(email="z@example.org", name="committed"))
with engine.connect() as conn:
    emails = conn.execute(sa.select(customers.c.email).where(customers.c.id > 40)
                          .order_by(customers.c.email)).scalars().all()
    expect("only the committed row", ["z@example.org"], emails)

# --- Reflection: MetaData.reflect and the Inspector ------------------------------------
reflected = sa.MetaData()
reflected.reflect(bind=engine)
expect("reflected tables", ["customers", "orders"], sorted(reflected.tables))
rorders = reflected.tables["orders"]
expect("reflected columns", ["id", "customer_id", "amount", "placed_at", "note"],
       [c.name for c in rorders.columns])
expect("reflected pk", ["id"], [c.name for c in rorders.primary_key.columns])
expect("reflected numeric", (10, 2), (rorders.c.amount.type.precision, rorders.c.amount.type.scale))
with engine.connect() as conn:  # reflected tables are usable for queries
    expect("query through reflected table", 180,
           conn.execute(sa.select(sa.func.count()).select_from(rorders)).scalar_one())

inspector = inspect(engine)
expect("get_table_names", ["customers", "orders"], sorted(inspector.get_table_names()))
columns = {c["name"]: c for c in inspector.get_columns("orders")}
expect("orders columns", ["id", "customer_id", "amount", "placed_at", "note"],
       [c["name"] for c in inspector.get_columns("orders")])
expect("id type", "INTEGER", type(columns["id"]["type"]).__name__)
expect("id autoincrement", True, columns["id"]["autoincrement"])
expect("amount type", ("DECIMAL", 10, 2), (type(columns["amount"]["type"]).__name__,
                                            columns["amount"]["type"].precision,
                                            columns["amount"]["type"].scale))
expect("placed_at type", "DATETIME", type(columns["placed_at"]["type"]).__name__)
expect("note type", ("VARCHAR", 100), (type(columns["note"]["type"]).__name__,
                                        columns["note"]["type"].length))
expect("nullability", {"id": False, "customer_id": False, "amount": False, "placed_at": False,
                       "note": True}, {name: c["nullable"] for name, c in columns.items()})
expect("note default", "'none'", columns["note"]["default"])
expect("no default on amount", None, columns["amount"]["default"])
ccolumns = {c["name"]: c for c in inspector.get_columns("customers")}
expect("email type", ("VARCHAR", 80), (type(ccolumns["email"]["type"]).__name__,
                                        ccolumns["email"]["type"].length))
expect("city nullable", True, ccolumns["city"]["nullable"])
expect("orders pk", ["id"], inspector.get_pk_constraint("orders")["constrained_columns"])
expect("customers pk", ["id"], inspector.get_pk_constraint("customers")["constrained_columns"])
indexes = sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                 for i in inspector.get_indexes("customers"))
expect("customers indexes", [("ix_customers_city", ("city",), False),
                             ("ux_customers_email", ("email",), True)], indexes)
expect("orders indexes", [("ix_orders_customer", ("customer_id",), False)],
       [(i["name"], tuple(i["column_names"]), bool(i["unique"]))
        for i in inspector.get_indexes("orders")])
expect("foreign keys", [], inspector.get_foreign_keys("orders"))
expect("unique constraints", ["ux_customers_email"],
       [u["name"] for u in inspector.get_unique_constraints("customers")])

# --- drop_all removes everything -------------------------------------------------------
metadata.drop_all(engine)
expect("tables after drop_all", [], inspect(engine).get_table_names())
engine.dispose()
print("sqlalchemy: all checks passed")
