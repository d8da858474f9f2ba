// assignment.h — the value one `SET column = expr` assignment stores, shared by UPDATE
// (modify_executor), multi-table UPDATE (multi_modify_executor) and INSERT ... ON
// DUPLICATE KEY UPDATE (insert_conflict).
//
// The three differ only in the row the expression reads (the row as updated so far, the
// joined row, or the stored row followed by the row that was to be inserted); the rules
// for the value itself are MySQL's and are the same everywhere: `col = DEFAULT` takes
// the column default (1364 if a NOT NULL column has none), the value is converted with
// the rules of INSERT (strict, or lenient for IGNORE and a non-strict sql_mode:
// column_converter.h), and an explicit AUTO_INCREMENT value moves the table's counter
// past it.
#pragma once

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "sql/binder/bound_statement.h"
#include "sql/executor/executor_context.h"

namespace minisql::sql {

/// The converted value `assignment` gives its column, evaluating its expression over
/// `input`; `row_number` (1-based) is the row errors name. `lenient`: refusals become
/// warnings in ctx (column_converter.h).
Result<Value> AssignedValue(const BoundAssignment& assignment, const storage::TableSchema& table,
                            const Row& input, uint64_t row_number, ExecutorContext* ctx,
                            bool lenient);

/// What column `column` of `table` holds when a statement does not give it a value: its
/// DEFAULT (CURRENT_TIMESTAMP: the statement's time at the column's precision), else
/// NULL, else 1364 for a NOT NULL column (the AUTO_INCREMENT rules are the caller's);
/// `lenient`: a 1364 warning in ctx and the implicit default (0, '', zero date) instead.
Result<Value> ColumnDefaultValue(const storage::TableSchema& table, uint32_t column,
                                 ExecutorContext* ctx, bool lenient = false);

/// Whether INSERT/UPDATE convert leniently: the statement says IGNORE, or the session's
/// sql_mode has neither STRICT_TRANS_TABLES nor STRICT_ALL_TABLES.
bool LenientConversion(bool ignore, const ExecutorContext& ctx);

/// CURRENT_TIMESTAMP as column `column` (TIMESTAMP or DATETIME) stores it: the statement's
/// time truncated to the column's fractional precision.
Value CurrentTimestampFor(const storage::ColumnDef& column, ExecutorContext* ctx);

/// ON UPDATE CURRENT_TIMESTAMP: sets the columns that have it and that the statement
/// did not assign (`assigned[c]`) to the statement's time. Call only for a row the
/// update changes (MySQL leaves an unchanged row, and its timestamp, alone).
void ApplyOnUpdateNow(const storage::TableSchema& table, const std::vector<bool>& assigned,
                      ExecutorContext* ctx, Row* row);

/// True when the rows hold identical values: MySQL does not count (or write) an UPDATE
/// that changes nothing.
bool RowsIdentical(const Row& a, const Row& b);

}  // namespace minisql::sql
