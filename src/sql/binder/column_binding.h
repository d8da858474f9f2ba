// column_binding.h — checks one column definition (CREATE TABLE, ALTER TABLE ADD /
// MODIFY / CHANGE) and turns it into a storage::ColumnDef.
//
// The rules (types minisql stores, length limits, FLOAT(p), fractional seconds, literal
// DEFAULTs converted to the column type) live here once, so that CREATE TABLE
// (bind_create_table.cc) and ALTER TABLE (executor/alter_table_executor.cc) accept and
// refuse exactly the same definitions. Table-level rules (one PRIMARY KEY, where the
// AUTO_INCREMENT column sits, duplicate names) stay with the callers.
#pragma once

#include <optional>

#include "common/status.h"
#include "sql/parser/ast.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

/// The column as stored: type normalised (TIME(fsp) → scale, FLOAT(p) → FLOAT/DOUBLE),
/// nullability, AUTO_INCREMENT and the DEFAULT converted to the type. Errors: 1235 for
/// unsupported types/attributes, 1074 / 1426 / 1063 for bad lengths, 1067 for a DEFAULT
/// the column cannot hold.
Result<storage::ColumnDef> BindColumnDefinition(const ast::ColumnDefinition& def);

/// Sets `column`'s DEFAULT to `expr`: a literal converted to its type (1067 if it does
/// not fit, NULL for NOT NULL included), or CURRENT_TIMESTAMP[(fsp)] for a TIMESTAMP or
/// DATETIME column (default_now).
Status BindColumnDefault(const ast::Expr& expr, storage::ColumnDef* column);

}  // namespace minisql::sql
