// index_ddl_executor.h — CREATE [UNIQUE] INDEX, DROP INDEX and the index actions of
// ALTER TABLE (ADD [UNIQUE] INDEX|KEY, DROP INDEX|KEY).
//
// Each action is one StorageEngine call (CreateIndex fills the new index from the
// rows already there, DropIndex frees its pages) after index_binding.h named and
// checked the definition. All actions of a statement run in its transaction, so an
// ALTER TABLE whose second action fails (say, a UNIQUE index over duplicates: 1062)
// leaves the table exactly as it was.
#pragma once

#include "common/status.h"
#include "sql/executor/ddl_executor.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

/// Each returns the OK packet's affected-rows count (0, as MariaDB reports).
Result<uint64_t> ExecuteCreateIndex(const DdlContext& ctx, const ast::CreateIndexStmt& stmt);
Result<uint64_t> ExecuteDropIndex(const DdlContext& ctx, const ast::DropIndexStmt& stmt);
Result<uint64_t> ExecuteAlterTable(const DdlContext& ctx, const ast::AlterTableStmt& stmt);

}  // namespace minisql::sql
