// modify_executor.cc — see modify_executor.h.
#include "sql/executor/modify_executor.h"

#include "sql/executor/column_converter.h"

namespace minisql::sql {

Status ModifyExecutor::Init() {
  done_ = false;
  matches_.clear();
  return Status::OK();
}

Status ModifyExecutor::CollectMatches() {
  // A current read: each row is X-locked, then read in its latest committed version.
  Result<std::unique_ptr<storage::RowCursor>> cursor = ctx_->storage->LockingScan(
      ctx_->txn, *plan_->table, plan_->range, storage::RowLockMode::kExclusive);
  if (!cursor.ok()) return cursor.status();
  Row row;
  storage::RowId id;
  while (!plan_->limit || matches_.size() < *plan_->limit) {
    Result<bool> more = (*cursor)->Next(&row, &id);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (plan_->predicate) {
      Result<Value> v = plan_->predicate->Evaluate(row, *ctx_->eval);
      if (!v.ok()) return v.status();
      if (!TruthValue(*v).value_or(false)) continue;
    }
    matches_.emplace_back(id, row);
  }
  return Status::OK();
}

Result<bool> ModifyExecutor::UpdateRow(const storage::RowId& id, const Row& old_row,
                                       uint64_t row_number) {
  const storage::TableSchema& table = *plan_->table;
  Row new_row = old_row;
  for (const BoundAssignment& assignment : plan_->assignments) {
    const storage::ColumnDef& column = table.columns[assignment.column];
    Value value;
    if (assignment.value) {
      Result<Value> v = assignment.value->Evaluate(new_row, *ctx_->eval);
      if (!v.ok()) return v.status();
      value = std::move(*v);
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
          ctx_->storage->NoteAutoIncrementValue(ctx_->txn, table, converted->int_value()));
    }
    new_row[assignment.column] = std::move(*converted);
  }
  bool changed = false;
  for (size_t c = 0; c < new_row.size(); ++c) {
    if (!new_row[c].IdenticalTo(old_row[c])) changed = true;
  }
  if (changed) MINISQL_RETURN_IF_ERROR(ctx_->storage->Update(ctx_->txn, table, id, new_row));
  return changed;
}

Result<bool> ModifyExecutor::Next(Row* out) {
  if (done_) return false;
  done_ = true;
  MINISQL_RETURN_IF_ERROR(CollectMatches());
  int64_t affected = 0;
  for (size_t i = 0; i < matches_.size(); ++i) {
    const auto& [id, row] = matches_[i];
    if (plan_->type() == PlanType::kDelete) {
      MINISQL_RETURN_IF_ERROR(ctx_->storage->Delete(ctx_->txn, *plan_->table, id));
      ++affected;
      continue;
    }
    Result<bool> changed = UpdateRow(id, row, i + 1);
    if (!changed.ok()) return changed.status();
    if (*changed) ++affected;
  }
  *out =
      Row{Value::Int(affected), Value::Int(static_cast<int64_t>(matches_.size())), Value::Int(0)};
  return true;
}

}  // namespace minisql::sql
