// index_ddl_executor.cc — see index_ddl_executor.h.
#include "sql/executor/index_ddl_executor.h"

#include "sql/binder/binder.h"
#include "sql/binder/index_binding.h"

namespace minisql::sql {
namespace {

Status AddIndex(const DdlContext& ctx, const storage::TableSchema& table,
                const ast::IndexDefinition& definition) {
  if (definition.kind == ast::IndexDefinition::Kind::kPrimary) {
    return Status::Error(ErrorCode::kNotSupportedYet, "adding a PRIMARY KEY to an existing table");
  }
  Result<storage::IndexDef> index = BindIndexDefinition(table, definition, IndexNames(table));
  if (!index.ok()) return index.status();
  return ctx.storage->CreateIndex(ctx.txn, table.database, table.name, *index);
}

}  // namespace

Result<uint64_t> ExecuteCreateIndex(const DdlContext& ctx, const ast::CreateIndexStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> table =
      binder.LookupTable(stmt.database, stmt.table);
  if (!table.ok()) return table.status();
  MINISQL_RETURN_IF_ERROR(AddIndex(ctx, **table, stmt.index));
  return 0;
}

Result<uint64_t> ExecuteDropIndex(const DdlContext& ctx, const ast::DropIndexStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> table =
      binder.LookupTable(stmt.database, stmt.table);
  if (!table.ok()) return table.status();
  if (EqualsIgnoreCase(stmt.name, "PRIMARY")) {
    return Status::Error(ErrorCode::kNotSupportedYet, "dropping the PRIMARY KEY");
  }
  MINISQL_RETURN_IF_ERROR(
      ctx.storage->DropIndex(ctx.txn, (*table)->database, (*table)->name, stmt.name));
  return 0;
}

Result<uint64_t> ExecuteAlterTable(const DdlContext& ctx, const ast::AlterTableStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  for (const ast::AlterTableStmt::Action& action : stmt.actions) {
    // Re-read the definition: the previous action may have changed it.
    Result<std::shared_ptr<const storage::TableSchema>> table =
        binder.LookupTable(stmt.database, stmt.table);
    if (!table.ok()) return table.status();
    if (action.kind == ast::AlterTableStmt::Action::Kind::kKeys) {
      // DISABLE/ENABLE KEYS: secondary indexes are always maintained (InnoDB also
      // ignores the request), so there is nothing to switch.
      continue;
    }
    if (action.kind == ast::AlterTableStmt::Action::Kind::kAddIndex) {
      MINISQL_RETURN_IF_ERROR(AddIndex(ctx, **table, action.index));
    } else if (EqualsIgnoreCase(action.name, "PRIMARY")) {
      return Status::Error(ErrorCode::kNotSupportedYet, "dropping the PRIMARY KEY");
    } else {
      MINISQL_RETURN_IF_ERROR(
          ctx.storage->DropIndex(ctx.txn, (*table)->database, (*table)->name, action.name));
    }
  }
  return 0;
}

}  // namespace minisql::sql
