// show_index.cc — SHOW INDEX|KEYS FROM t and the Key column of SHOW COLUMNS, as
// MariaDB prints them for an InnoDB table.
//
//   Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part
//   Packed Null Index_type Comment Index_comment Ignored
//
// One row per key column: PRIMARY first, then the secondary indexes in the table's
// display order (storage_engine.h). Cardinality is InnoDB's estimate in MariaDB;
// minisql reports the table's row count, which is what InnoDB shows for small,
// freshly written tables.
#include "sql/binder/binder.h"
#include "sql/executor/show_executor.h"

namespace minisql::sql {
namespace {

OutputColumn IntegerColumn(const std::string& name, bool nullable) {
  OutputColumn column;
  column.name = name;
  column.type = ColumnType{TypeId::kBigInt, false, 21, 0};
  column.nullable = nullable;
  return column;
}

Result<int64_t> CountRows(const ShowContext& ctx, const storage::TableSchema& table) {
  Result<std::unique_ptr<storage::RowCursor>> cursor =
      ctx.storage->Scan(ctx.txn, table, storage::KeyRange::All());
  if (!cursor.ok()) return cursor.status();
  int64_t count = 0;
  Row row;
  while (true) {
    Result<bool> more = (*cursor)->Next(&row, nullptr);
    if (!more.ok()) return more.status();
    if (!*more) return count;
    ++count;
  }
}

bool IsPrimaryKeyColumn(const storage::TableSchema& table, size_t column) {
  for (uint32_t c : table.primary_key) {
    if (c == column) return true;
  }
  return false;
}

}  // namespace

std::string ColumnKeyFlag(const storage::TableSchema& table, size_t column) {
  if (IsPrimaryKeyColumn(table, column)) return "PRI";
  if (table.primary_key.empty()) {
    // MySQL shows a table's first UNIQUE NOT NULL key as its primary key.
    for (const storage::IndexDef& index : table.indexes) {
      if (!index.unique) continue;
      bool not_null = true;
      for (uint32_t c : index.columns) not_null = not_null && !table.columns[c].nullable;
      if (!not_null) continue;
      if (index.columns.size() == 1 && index.columns[0] == column) return "PRI";
      break;
    }
  }
  for (const storage::IndexDef& index : table.indexes) {
    if (index.unique && index.columns.size() == 1 && index.columns[0] == column) return "UNI";
  }
  for (const storage::IndexDef& index : table.indexes) {
    if (index.columns[0] == column) return "MUL";
  }
  return "";
}

Result<ShowResult> ShowIndex(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> found =
      binder.LookupTable(stmt.database, stmt.table);
  if (!found.ok()) return found.status();
  const storage::TableSchema& table = **found;
  Result<int64_t> rows = CountRows(ctx, table);
  if (!rows.ok()) return rows.status();

  ShowResult result;
  result.columns = {ShowColumn("Table"),
                    IntegerColumn("Non_unique", false),
                    ShowColumn("Key_name"),
                    IntegerColumn("Seq_in_index", false),
                    ShowColumn("Column_name"),
                    ShowColumn("Collation", true),
                    IntegerColumn("Cardinality", true),
                    IntegerColumn("Sub_part", true),
                    ShowColumn("Packed", true),
                    ShowColumn("Null"),
                    ShowColumn("Index_type"),
                    ShowColumn("Comment", true),
                    ShowColumn("Index_comment"),
                    ShowColumn("Ignored")};
  auto add_key = [&](const std::string& name, bool unique, const std::vector<uint32_t>& columns,
                     const std::vector<bool>& descending) {
    for (size_t i = 0; i < columns.size(); ++i) {
      bool desc = i < descending.size() && descending[i];
      const storage::ColumnDef& column = table.columns[columns[i]];
      result.rows.push_back(Row{Value::String(table.name), Value::Int(unique ? 0 : 1),
                                Value::String(name), Value::Int(static_cast<int64_t>(i + 1)),
                                Value::String(column.name), Value::String(desc ? "D" : "A"),
                                Value::Int(*rows), Value::Null(), Value::Null(),
                                Value::String(column.nullable ? "YES" : ""), Value::String("BTREE"),
                                Value::String(""), Value::String(""), Value::String("NO")});
    }
  };
  if (!table.primary_key.empty()) add_key("PRIMARY", true, table.primary_key, {});
  for (const storage::IndexDef& index : table.indexes) {
    add_key(index.name, index.unique, index.columns, index.descending);
  }
  return result;
}

}  // namespace minisql::sql
