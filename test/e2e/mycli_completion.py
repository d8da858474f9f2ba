"""mycli's completion refresh against minisqld, through mycli's own classes.

Usage: mycli_completion.py PORT DATABASE

At startup (and after `use`) mycli opens a second connection and runs every
"refresher" of mycli.completion_refresher: SHOW DATABASES, SHOW TABLES, the
information_schema.columns query, the INFORMATION_SCHEMA.ROUTINES query (with
double-quoted string literals), mysql.user and mysql.help_topic. Interactively those
run in a background thread, so a failure is only a traceback on the terminal; here
they run in the foreground with the same SQLExecute and SQLCompleter objects, and the
completions they produce are checked. mycli itself swallows errors from the last two
queries (minisql has no mysql.user / mysql.help_topic tables), so only the others
must succeed. Exits non-zero at the first difference.
"""

import sys

from prompt_toolkit.document import Document
from mycli.completion_refresher import CompletionRefresher
from mycli.sqlcompleter import SQLCompleter
from mycli.sqlexecute import SQLExecute

PORT, DATABASE = int(sys.argv[1]), sys.argv[2]


def expect(what, expected, actual):
    if expected != actual:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


executor = SQLExecute(DATABASE, "root", "", "127.0.0.1", PORT, None, "utf8mb4", False, None,
                      None, None, None, None, None)
completer = SQLCompleter(smart_completion=True)
for name, refresh in CompletionRefresher.refreshers.items():
    refresh(completer, executor)  # raises on a server error, except users/show_commands

expect("databases", True, {"information_schema", DATABASE} <= set(executor.databases()))
expect("tables", [("customers",), ("orders",)], sorted(executor.tables()))
expect("table columns", [("customers", "id"), ("customers", "name"), ("orders", "id"),
                         ("orders", "customer_id"), ("orders", "total")],
       list(executor.table_columns()))
expect("functions", [], list(executor.functions()))


def complete(text):
    document = Document(text=text, cursor_position=len(text))
    return [c.text for c in completer.get_completions(document, None)]


expect("tables after FROM", True, {"customers", "orders"} <= set(complete("SELECT * FROM ")))
expect("column of orders", ["customer_id"],
       [c for c in complete("SELECT * FROM orders WHERE cust") if c.startswith("cust")])
expect("database after USE", True, DATABASE in complete("USE "))

# Special commands run through the same executor: \dt is SHOW TABLES, \l SHOW DATABASES.
(_, rows, headers, _), = executor.run("\\dt")
expect("\\dt", [("customers",), ("orders",)], sorted(rows))
print("mycli completion: all checks passed")
