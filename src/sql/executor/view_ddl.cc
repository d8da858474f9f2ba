// view_ddl.cc — see view_ddl.h.
#include "sql/executor/view_ddl.h"

#include "sql/binder/binder.h"

namespace minisql::sql {

Result<uint64_t> ExecuteCreateView(const DdlContext& ctx, const ast::CreateViewStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::string> db = binder.ResolveDatabase(stmt.database);
  if (!db.ok()) return db.status();
  // The query must bind now (unknown tables and columns are errors at CREATE time).
  Result<BoundSelect> bound = binder.BindSelect(*stmt.select);
  if (!bound.ok()) return bound.status();
  if (!stmt.columns.empty() && stmt.columns.size() != bound->columns.size()) {
    return Status::Error(ErrorCode::kViewWrongList);
  }
  storage::TableSchema schema;
  schema.database = *db;
  schema.name = stmt.name;
  schema.view_definition = stmt.select_text;
  for (size_t i = 0; i < bound->columns.size(); ++i) {
    storage::ColumnDef column;
    column.name = stmt.columns.empty() ? bound->columns[i].name : stmt.columns[i];
    column.type = bound->columns[i].type;
    column.nullable = bound->columns[i].nullable;
    if (schema.FindColumn(column.name) >= 0) {
      return Status::Error(ErrorCode::kDupFieldname, column.name);
    }
    schema.columns.push_back(std::move(column));
  }

  Result<std::shared_ptr<const storage::TableSchema>> existing =
      ctx.storage->GetTable(ctx.txn, *db, stmt.name);
  if (existing.ok()) {
    if (!stmt.or_replace) return Status::Error(ErrorCode::kTableExists, stmt.name);
    if ((*existing)->view_definition.empty()) {
      return Status::Error(ErrorCode::kWrongObject, *db, stmt.name, "VIEW");
    }
    MINISQL_RETURN_IF_ERROR(ctx.storage->DropTable(ctx.txn, *db, stmt.name));
  } else if (existing.status().error_code() != ErrorCode::kNoSuchTable) {
    return existing.status();
  }
  MINISQL_RETURN_IF_ERROR(ctx.storage->CreateTable(ctx.txn, schema));
  return 0;
}

Result<uint64_t> ExecuteDropView(const DdlContext& ctx, const ast::DropViewStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  std::vector<std::pair<std::string, std::string>> views;
  std::string missing;
  for (const ast::TableName& name : stmt.views) {
    Result<std::string> db = binder.ResolveDatabase(name.database);
    if (!db.ok()) return db.status();
    Result<std::shared_ptr<const storage::TableSchema>> table =
        ctx.storage->GetTable(ctx.txn, *db, name.table);
    if (table.ok() && !(*table)->view_definition.empty()) {
      views.emplace_back(*db, name.table);
    } else if (table.ok() || table.status().error_code() == ErrorCode::kNoSuchTable ||
               table.status().error_code() == ErrorCode::kBadDb) {  // a base table: unknown VIEW
      if (!missing.empty()) missing += ",";
      missing += *db + "." + name.table;
    } else {
      return table.status();
    }
  }
  // Like MariaDB, the views that exist are dropped even when others are unknown.
  for (const auto& [db, view] : views) {
    MINISQL_RETURN_IF_ERROR(ctx.storage->DropTable(ctx.txn, db, view));
  }
  if (!missing.empty() && !stmt.if_exists) return Status::Error(ErrorCode::kUnknownView, missing);
  return 0;
}

Result<ShowResult> ShowCreateView(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> view =
      binder.LookupTable(stmt.database, stmt.table);
  if (!view.ok()) return view.status();
  if ((*view)->view_definition.empty()) {
    return Status::Error(ErrorCode::kWrongObject, (*view)->database, (*view)->name, "VIEW");
  }
  ShowResult result;
  result.columns = {ShowColumn("View"), ShowColumn("Create View", false, 1024),
                    ShowColumn("character_set_client", false, 32),
                    ShowColumn("collation_connection", false, 32)};
  std::string text =
      "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER "
      "VIEW `" +
      (*view)->name + "` AS " + (*view)->view_definition;
  result.rows.push_back(Row{Value::String((*view)->name), Value::String(text),
                            Value::String("utf8mb4"), Value::String("utf8mb4_general_ci")});
  return result;
}

}  // namespace minisql::sql
