// ddl_executor.cc — see ddl_executor.h.
#include "sql/executor/ddl_executor.h"

#include <algorithm>
#include <cctype>

#include "sql/binder/binder.h"

namespace minisql::sql {

Status CheckDatabaseName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.back() == ' ' ||
      name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
    return Status::Error(ErrorCode::kWrongDbName, name);
  }
  return Status::OK();
}

Result<uint64_t> ExecuteCreateDatabase(const DdlContext& ctx, const ast::CreateDatabaseStmt& stmt) {
  MINISQL_RETURN_IF_ERROR(CheckDatabaseName(stmt.name));
  for (const auto& [option, value] : stmt.options) {
    std::string lower = value;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("utf8", 0) != 0) {
      return Status::Error(ErrorCode::kNotSupportedYet, option + " " + value);
    }
  }
  if (stmt.if_not_exists) {
    Result<bool> exists = ctx.storage->DatabaseExists(ctx.txn, stmt.name);
    if (!exists.ok()) return exists.status();
    if (*exists) {
      if (ctx.notes != nullptr)
        ctx.notes->push_back(Status::Error(ErrorCode::kDbCreateExists, stmt.name));
      return 0;
    }
  }
  MINISQL_RETURN_IF_ERROR(ctx.storage->CreateDatabase(ctx.txn, stmt.name));
  return 1;
}

Result<uint64_t> ExecuteDropDatabase(const DdlContext& ctx, const ast::DropDatabaseStmt& stmt) {
  Result<bool> exists = ctx.storage->DatabaseExists(ctx.txn, stmt.name);
  if (!exists.ok()) return exists.status();
  if (!*exists) {
    Status missing = Status::Error(ErrorCode::kDbDropExists, stmt.name);
    if (!stmt.if_exists) return missing;
    if (ctx.notes != nullptr) ctx.notes->push_back(missing);
    return 0;
  }
  Result<std::vector<std::string>> tables = ctx.storage->ListTables(ctx.txn, stmt.name);
  if (!tables.ok()) return tables.status();
  MINISQL_RETURN_IF_ERROR(ctx.storage->DropDatabase(ctx.txn, stmt.name));
  return tables->size();
}

Result<uint64_t> ExecuteCreateTable(const DdlContext& ctx, const ast::CreateTableStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<BoundCreateTable> bound = binder.BindCreateTable(stmt);
  if (!bound.ok()) return bound.status();
  const storage::TableSchema& schema = bound->schema;
  if (bound->if_not_exists) {
    Result<std::shared_ptr<const storage::TableSchema>> existing =
        ctx.storage->GetTable(ctx.txn, schema.database, schema.name);
    if (existing.ok()) {
      if (ctx.notes != nullptr)
        ctx.notes->push_back(Status::Error(ErrorCode::kTableExists, schema.name));
      return 0;
    }
  }
  MINISQL_RETURN_IF_ERROR(ctx.storage->CreateTable(ctx.txn, schema));
  if (bound->auto_increment_start && *bound->auto_increment_start > 1) {
    Result<std::shared_ptr<const storage::TableSchema>> created =
        ctx.storage->GetTable(ctx.txn, schema.database, schema.name);
    if (!created.ok()) return created.status();
    MINISQL_RETURN_IF_ERROR(
        ctx.storage->NoteAutoIncrementValue(ctx.txn, **created, *bound->auto_increment_start - 1));
  }
  return 0;
}

Result<uint64_t> ExecuteDropTable(const DdlContext& ctx, const ast::DropTableStmt& stmt) {
  if (stmt.temporary) return Status::Error(ErrorCode::kNotSupportedYet, "DROP TEMPORARY TABLE");
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  // MySQL checks every name first and reports all missing ones together.
  std::vector<std::pair<std::string, std::string>> existing;
  std::string missing;
  for (const ast::TableName& name : stmt.tables) {
    Result<std::string> db = binder.ResolveDatabase(name.database);
    if (!db.ok()) return db.status();
    Result<std::shared_ptr<const storage::TableSchema>> table =
        ctx.storage->GetTable(ctx.txn, *db, name.table);
    if (table.ok() && !(*table)->view_definition.empty()) {
      return Status::Error(ErrorCode::kIsAView, *db, name.table);  // DROP VIEW drops views
    }
    if (table.ok()) {
      existing.emplace_back(*db, name.table);
    } else if (table.status().error_code() == ErrorCode::kNoSuchTable ||
               table.status().error_code() == ErrorCode::kBadDb) {
      if (!missing.empty()) missing += ",";
      missing += *db + "." + name.table;
    } else {
      return table.status();
    }
  }
  if (!missing.empty()) {
    Status unknown = Status::Error(ErrorCode::kBadTable, missing);
    if (!stmt.if_exists) return unknown;
    if (ctx.notes != nullptr) ctx.notes->push_back(unknown);
  }
  for (const auto& [db, table] : existing) {
    MINISQL_RETURN_IF_ERROR(ctx.storage->DropTable(ctx.txn, db, table));
  }
  return 0;
}

}  // namespace minisql::sql
