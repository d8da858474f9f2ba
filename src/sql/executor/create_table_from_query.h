// create_table_from_query.h — CREATE TABLE ... [AS] SELECT and CREATE TABLE ... LIKE.
//
// Both build the new table's schema from something that already exists instead of a
// column list: the query's result columns (name, type, nullability; no key, as in
// MariaDB) or another table's definition (columns, primary key, options). CREATE
// TABLE ... SELECT then inserts the query's rows, converting each value to its column
// as INSERT does; the query runs entirely before the first insert.
#pragma once

#include "sql/executor/ddl_executor.h"
#include "sql/expression/expression.h"

namespace minisql::sql {

/// Returns the rows inserted (0 for LIKE).
Result<uint64_t> ExecuteCreateTableFromQuery(const DdlContext& ctx, const EvalContext& eval,
                                             const ast::CreateTableStmt& stmt);

}  // namespace minisql::sql
