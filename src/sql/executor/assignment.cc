// assignment.cc — see assignment.h.
#include "sql/executor/assignment.h"

#include "sql/executor/column_converter.h"

namespace minisql::sql {

Result<Value> AssignedValue(const BoundAssignment& assignment, const storage::TableSchema& table,
                            const Row& input, uint64_t row_number, ExecutorContext* ctx) {
  const storage::ColumnDef& column = table.columns[assignment.column];
  Value value;
  if (assignment.value) {
    Result<Value> evaluated = assignment.value->Evaluate(input, *ctx->eval);
    if (!evaluated.ok()) return evaluated.status();
    value = std::move(*evaluated);
  } else if (column.default_value) {
    value = *column.default_value;
  } else if (!column.nullable) {
    return Status::Error(ErrorCode::kNoDefaultForField, column.name);
  }
  Result<Value> converted =
      ConvertForColumn(value, ConversionTarget{&table, assignment.column, row_number});
  if (!converted.ok()) return converted.status();
  if (column.auto_increment && !converted->is_null()) {
    MINISQL_RETURN_IF_ERROR(
        ctx->storage->NoteAutoIncrementValue(ctx->txn, table, AutoIncrementNote(*converted)));
  }
  return converted;
}

bool RowsIdentical(const Row& a, const Row& b) {
  if (a.size() != b.size()) return false;
  for (size_t c = 0; c < a.size(); ++c) {
    if (!a[c].IdenticalTo(b[c])) return false;
  }
  return true;
}

}  // namespace minisql::sql
