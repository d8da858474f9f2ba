// show_table_status.cc — SHOW TABLE STATUS [FROM db] [LIKE p | WHERE e].
//
// MariaDB answers it from the same data as information_schema.TABLES, with the
// columns renamed (Name, Engine, Version, Row_format, Rows, ... Temporary) and
// TABLE_CATALOG, TABLE_SCHEMA and TABLE_TYPE left out; so does minisql, from the
// information_schema generator of that table.
#include "sql/binder/binder.h"
#include "sql/executor/show_executor.h"
#include "sql/information_schema/information_schema.h"

namespace minisql::sql {

Result<ShowResult> ShowTableStatus(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::string> db = binder.ResolveDatabase(stmt.database);
  if (!db.ok()) return db.status();
  if (IsInformationSchema(*db)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "SHOW TABLE STATUS of information_schema");
  }
  Result<bool> exists = ctx.storage->DatabaseExists(ctx.txn, *db);
  if (!exists.ok()) return exists.status();
  if (!*exists) return Status::Error(ErrorCode::kBadDb, *db);
  Result<const InformationSchemaTable*> tables = FindInformationSchemaTable("TABLES");
  if (!tables.ok()) return tables.status();
  static constexpr const char* kNames[] = {
      "Name",           "Engine",         "Version",         "Row_format",       "Rows",
      "Avg_row_length", "Data_length",    "Max_data_length", "Index_length",     "Data_free",
      "Auto_increment", "Create_time",    "Update_time",     "Check_time",       "Collation",
      "Checksum",       "Create_options", "Comment",         "Max_index_length", "Temporary"};
  // information_schema.TABLES column of each SHOW column: TABLE_NAME, then ENGINE...
  constexpr size_t kTableName = 2;
  constexpr size_t kFirstAfterType = 4;
  const storage::TableSchema& schema = *(*tables)->schema;
  ShowResult result;
  auto add_column = [&](const char* name, size_t source) {
    OutputColumn column;
    column.name = name;
    column.type = schema.columns[source].type;
    column.nullable = schema.columns[source].nullable || source >= kFirstAfterType;
    result.columns.push_back(column);
  };
  add_column(kNames[0], kTableName);
  for (size_t i = 1; i < std::size(kNames); ++i) add_column(kNames[i], kFirstAfterType + i - 1);
  Result<std::vector<Row>> rows = (*tables)->generate(ctx.storage, ctx.txn);
  if (!rows.ok()) return rows.status();
  for (const Row& row : *rows) {
    if (row[1].string_value() != *db) continue;
    Row shown{row[kTableName]};
    shown.insert(shown.end(), row.begin() + kFirstAfterType, row.end());
    result.rows.push_back(std::move(shown));
  }
  return result;
}

}  // namespace minisql::sql
