// assignment.cc — see assignment.h.
#include "sql/executor/assignment.h"

#include "sql/executor/column_converter.h"
#include "sql/expression/temporal_functions.h"
#include "types/temporal.h"

namespace minisql::sql {

Result<Value> AssignedValue(const BoundAssignment& assignment, const storage::TableSchema& table,
                            const Row& input, uint64_t row_number, ExecutorContext* ctx,
                            bool lenient) {
  const storage::ColumnDef& column = table.columns[assignment.column];
  Value value;
  if (assignment.value) {
    Result<Value> evaluated = assignment.value->Evaluate(input, *ctx->eval);
    if (!evaluated.ok()) return evaluated.status();
    value = std::move(*evaluated);
  } else {
    Result<Value> fallback = ColumnDefaultValue(table, assignment.column, ctx, lenient);
    if (!fallback.ok()) return fallback.status();
    value = std::move(*fallback);
  }
  Result<Value> converted = ConvertForColumn(
      value, ConversionTarget{&table, assignment.column, row_number, lenient ? ctx : nullptr});
  if (!converted.ok()) return converted.status();
  if (column.auto_increment && !converted->is_null()) {
    MINISQL_RETURN_IF_ERROR(
        ctx->storage->NoteAutoIncrementValue(ctx->txn, table, AutoIncrementNote(*converted)));
  }
  return converted;
}

Value CurrentTimestampFor(const storage::ColumnDef& column, ExecutorContext* ctx) {
  DateTime now = LocalDateTime(ctx->eval->StatementTimeMicros());
  return Value::String(FormatTemporal(now, TypeId::kDateTime, column.type.scale));
}

Result<Value> ColumnDefaultValue(const storage::TableSchema& table, uint32_t column,
                                 ExecutorContext* ctx, bool lenient) {
  const storage::ColumnDef& def = table.columns[column];
  if (def.default_now) {
    return ConvertForColumn(CurrentTimestampFor(def, ctx), ConversionTarget{&table, column, 1});
  }
  if (def.default_value) return *def.default_value;
  if (def.nullable) return Value::Null();
  Status no_default = Status::Error(ErrorCode::kNoDefaultForField, def.name);
  if (!lenient) return no_default;
  ctx->Warn(std::move(no_default));
  return ImplicitDefault(table, column);
}

bool LenientConversion(bool ignore, const ExecutorContext& ctx) {
  return ignore || !ctx.strict_mode;
}

void ApplyOnUpdateNow(const storage::TableSchema& table, const std::vector<bool>& assigned,
                      ExecutorContext* ctx, Row* row) {
  for (uint32_t c = 0; c < table.columns.size(); ++c) {
    if (!table.columns[c].on_update_now || (c < assigned.size() && assigned[c])) continue;
    Result<Value> now = ConvertForColumn(CurrentTimestampFor(table.columns[c], ctx),
                                         ConversionTarget{&table, c, 1});
    if (now.ok()) (*row)[c] = std::move(*now);
  }
}

bool RowsIdentical(const Row& a, const Row& b) {
  if (a.size() != b.size()) return false;
  for (size_t c = 0; c < a.size(); ++c) {
    if (!a[c].IdenticalTo(b[c])) return false;
  }
  return true;
}

}  // namespace minisql::sql
