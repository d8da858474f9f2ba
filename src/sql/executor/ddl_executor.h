// ddl_executor.h — CREATE/DROP DATABASE and CREATE/DROP TABLE.
//
// DDL does not go through plan nodes: each statement is one catalog call (after the
// binder validated CREATE TABLE). They run inside the statement's transaction like
// everything else, so a failing DROP TABLE a, b drops neither.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

struct DdlContext {
  storage::StorageEngine* storage = nullptr;
  storage::Transaction* txn = nullptr;
  std::string current_database;
  /// Where IF [NOT] EXISTS records what it skipped, as MySQL's Note-level diagnostics
  /// (1007, 1008, 1050, 1051) for SHOW WARNINGS; null: not recorded.
  std::vector<Status>* notes = nullptr;
};

/// Each returns the OK packet's affected-rows count (DROP DATABASE: tables dropped).
Result<uint64_t> ExecuteCreateDatabase(const DdlContext& ctx, const ast::CreateDatabaseStmt& stmt);
Result<uint64_t> ExecuteDropDatabase(const DdlContext& ctx, const ast::DropDatabaseStmt& stmt);
Result<uint64_t> ExecuteCreateTable(const DdlContext& ctx, const ast::CreateTableStmt& stmt);
Result<uint64_t> ExecuteDropTable(const DdlContext& ctx, const ast::DropTableStmt& stmt);

/// Database names MySQL would reject (empty, too long, trailing space): 1102.
Status CheckDatabaseName(const std::string& name);

}  // namespace minisql::sql
