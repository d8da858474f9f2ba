// index_ddl_executor.h — CREATE [UNIQUE] INDEX and DROP INDEX (ALTER TABLE's
// ADD/DROP INDEX: alter_table_executor.h).
//
// Each is one StorageEngine call (CreateIndex fills the new index from the rows
// already there, DropIndex frees its pages) after index_binding.h named and checked
// the definition.
#pragma once

#include "common/status.h"
#include "sql/executor/ddl_executor.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

/// Each returns the OK packet's affected-rows count (0, as MariaDB reports).
Result<uint64_t> ExecuteCreateIndex(const DdlContext& ctx, const ast::CreateIndexStmt& stmt);
Result<uint64_t> ExecuteDropIndex(const DdlContext& ctx, const ast::DropIndexStmt& stmt);

}  // namespace minisql::sql
