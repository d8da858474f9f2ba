// view_ddl.h — CREATE [OR REPLACE] VIEW, DROP VIEW, SHOW CREATE VIEW.
//
// A view is stored in the catalog as a TableSchema whose `view_definition` holds the
// SELECT text and whose columns are the query's result columns (renamed by the
// optional column list). Its B+ tree stays empty: the binder expands the view into
// its query wherever FROM names it (binder/bind_view.cc).
//
// Errors follow MariaDB: 1050 the name is taken (by a table, or by a view without
// OR REPLACE), 1347 'db.t' is not of type 'VIEW' (OR REPLACE / DROP VIEW naming a
// table), 4092 Unknown VIEW, 1353 column list of the wrong length.
#pragma once

#include "sql/executor/ddl_executor.h"
#include "sql/executor/show_executor.h"

namespace minisql::sql {

Result<uint64_t> ExecuteCreateView(const DdlContext& ctx, const ast::CreateViewStmt& stmt);
Result<uint64_t> ExecuteDropView(const DdlContext& ctx, const ast::DropViewStmt& stmt);
/// View | Create View | character_set_client | collation_connection
Result<ShowResult> ShowCreateView(const ShowContext& ctx, const ast::ShowStmt& stmt);

}  // namespace minisql::sql
