// alter_table_executor.h — ALTER TABLE, RENAME TABLE and TRUNCATE TABLE.
//
// Each runs inside the DDL transaction StatementRunner::RunDdl opens (after committing
// the session's open transaction, as MySQL does); the storage engine takes its latch
// exclusively at the first change, so nothing else runs until the statement commits.
//
//   ALTER TABLE t <actions>   only ADD/DROP of secondary keys: StorageEngine::CreateIndex /
//                             DropIndex, the rows stay; anything else: PlanAlterTable
//                             (alter_table_plan.h) builds the new definition, then
//                             StorageEngine::RebuildTable copies every row converted to
//                             it; RENAME TO comes last (StorageEngine::RenameTable)
//   RENAME TABLE a TO b, ...  RenameTable per pair, in order, all or nothing
//   TRUNCATE [TABLE] t        StorageEngine::TruncateTable (AUTO_INCREMENT restarts at 1)
//
// A failure anywhere rolls the whole DDL transaction back: the table is as before.
#pragma once

#include "common/status.h"
#include "sql/executor/ddl_executor.h"
#include "sql/parser/ast.h"

namespace minisql::sql {

Result<uint64_t> ExecuteAlterTable(const DdlContext& ctx, const ast::AlterTableStmt& stmt);
Result<uint64_t> ExecuteRenameTable(const DdlContext& ctx, const ast::RenameTableStmt& stmt);
Result<uint64_t> ExecuteTruncateTable(const DdlContext& ctx, const ast::TruncateTableStmt& stmt);

}  // namespace minisql::sql
